"""Variants: one word written two ways in one draft (``co-operate``, ``cooperate``), and one
term capitalised two ways (``the Government``, ``the government``).

No list of words is needed: the draft itself says which spellings it uses. Words are grouped
by their letters, lower-cased (``co-operate``, ``cooperate`` and ``co operate`` share
``cooperate``); a group written both joined and split is a variant, and the way the draft
writes it more often (the first, on a tie) is the fix for the others. Writing a compound
with a hyphen in one place and a space in another is grammar, not a variant (``a well-known
man``, ``he is well known``), so a split form is only ever weighed against the joined one.

Precision comes first:
- a word capitalised mid-sentence is part of a name (``Co-operative Bank``) and not counted;
- a spaced pair counts only where the draft also writes the word both joined and hyphenated,
  when English seldom writes those two words side by side (not in the bigram table) and
  neither is one of its commonest words: ``every day``, ``may be``, ``a board`` and ``be
  long`` are words of their own;
- words of fewer than five letters are left alone (``co-op``, ``coop``);
- a term's capitals are compared only after the same determiner (``the Council``, ``the
  council``), never where the capitalised form is part of a longer name (``the Bank of
  England``, ``the Labour Party``, ``Alfred the Great``, ``Race to the Top``), in a line set
  in title case, or where the lower-case form describes (``the west of the city``).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Sequence
from enum import Enum
from itertools import pairwise
from typing import NamedTuple, cast, overload

from proofer.checkers.facts.common import Draft, where
from proofer.document import Document
from proofer.findings import Category, Finding
from proofer.lexicon import zipf
from proofer.rules import Rule
from proofer.spans import Spans
from proofer.suggest import seen_pair
from proofer.words import ORGANISATION_JOINERS, match_case, starts_sentence, strip_possessive

SPELLING = Rule(
    id="facts.variant-spelling",
    category=Category.FACTS,
    summary="The same word written joined in one place and hyphenated or spaced in another.",
    why="A story should spell a word one way throughout. The draft's own majority is the "
    "fix; a hyphen in one place and a space in another (a well-known man, he is well known) "
    "is grammar and left alone. Where a desk's consistency rule names the same spellings, "
    "its finding is kept and this one yields. Rarely the two are different words (re-cover, "
    "recover): dismiss it there.",
    example="co-operate … cooperate … cooperate -> cooperate",
    flags=(
        "The councils will cooperate. Both cooperate on buses.\n\nThey co-operate on roads.",
        "Send an e-mail. We read every e-mail.\n\nHer email was short.",
    ),
    passes=(
        "The councils will cooperate on buses and cooperate on roads.",
        "A well-known man. He is well known. It is known well.",
        "She came every day. Her everyday coat was red.",
        "It may be late. Maybe not.",
        "The Co-operative Bank said it would cooperate.",
    ),
    yields=True,
)
CAPITALS = Rule(
    id="facts.variant-capitals",
    category=Category.FACTS,
    summary="The same term capitalised in some places and not in others.",
    why="A story should capitalise a term one way throughout (the Government or the "
    "government). Only the same words after the same determiner are compared, never inside "
    "a longer name (the Bank of England) or a headline; the draft's majority is the fix. A "
    "desk's rule on the same words is kept over this one.",
    example="the Government … the government … the government -> government",
    flags=(
        "The government met. Later the government voted.\n\nThe Government then left.",
        "They asked the Council. They told the Council.\n\nSo the council agreed.",
    ),
    passes=(
        "The government met. Later the government voted.",
        "The Bank of England raised rates. The bank said more. The Bank's Governor agreed.",
        "The Labour Party met. The party voted.",
        "Troops moved to the west of the city. The West watched.",
        "The Government Plans a Rise\n\nThe government said it would rise.",
    ),
    yields=True,
)

RULES = (SPELLING, CAPITALS)

_HYPHENS = "-\u2010\u2011"
_H = r"\-\u2010\u2011"  # the same, inside a regular expression's brackets
# A word, hyphenated or not, with a possessive (``Maintainers’``) or contraction; not inside
# an address, a path or a file name (``e-mail.org``, ``/usr/co-op``).
_WORD = re.compile(
    rf"(?<![\w@/\\.'’{_H}])[^\W\d_]+(?:[{_H}][^\W\d_]+)*(?:['’][^\W\d_]*)?"
    rf"(?![\w@/\\'’{_H}]|\.\w)"
)
_PIECES = re.compile(f"[{_H}]")
_SHORTEST = 5  # letters: shorter compounds are too often other words (co-op, coop)
_MOST_PIECES = 3
_FUNCTION_WORD = 6.0  # Zipf: ``be``, ``a``, ``in``, ``some``; spaced pairs of these are phrases
_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# The small words inside a title or a name: Race to the Top, Back to the Future.
_TITLE_JOINERS = ORGANISATION_JOINERS | {"to", "at", "from", "by", "with"}
_TITLE_SHARE = 0.6  # a line whose longer words are mostly capitalised is a headline


class Joint(Enum):
    """How the parts of a compound meet."""

    CLOSED = "closed"  # cooperate
    HYPHEN = "hyphen"  # co-operate
    SPACE = "space"  # co operate


class _Form(NamedTuple):
    start: int
    end: int
    written: str  # as in the draft
    joint: Joint


class _Word(NamedTuple):
    start: int
    end: int
    text: str  # possessive stripped
    sentence_start: bool  # a capitalised word that opens a sentence
    stop: int  # where the word as written ends, possessive included
    key: str | None  # the letters its spelling is grouped by (see ``_key``)


def check(draft: Draft) -> list[Finding]:
    """Findings for words spelled, and terms capitalised, two ways."""
    words = _draft_words(draft)
    return _spellings(draft.doc, words) + _capitals(draft.doc, words)


class _Words(Sequence[_Word]):
    """A draft's words, kept compactly: a book-length draft has millions, and a tuple of
    objects for each would hold hundreds of bytes a word for the whole check. Offsets go in
    arrays, each spelling is kept once, and a ``_Word`` is made only when one is read."""

    def __init__(self) -> None:
        self._starts, self._ends, self._stops = array("q"), array("q"), array("q")
        self._opens = bytearray()
        self._texts: list[str] = []
        self._keys: list[str | None] = []
        self._spellings: dict[str, str] = {}  # each spelling once, shared by its uses

    def add(self, word: _Word, shift: int) -> None:
        """Keep ``word``, its offsets moved by ``shift``."""
        self._starts.append(word.start + shift)
        self._ends.append(word.end + shift)
        self._stops.append(word.stop + shift)
        self._opens.append(word.sentence_start)
        self._texts.append(self._spellings.setdefault(word.text, word.text))
        key = word.key
        self._keys.append(None if key is None else self._spellings.setdefault(key, key))

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, i: int) -> _Word: ...
    @overload
    def __getitem__(self, i: slice) -> list[_Word]: ...
    def __getitem__(self, i: int | slice) -> _Word | list[_Word]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return _Word(
            self._starts[i],
            self._ends[i],
            self._texts[i],
            bool(self._opens[i]),
            self._stops[i],
            self._keys[i],
        )


def _draft_words(draft: Draft) -> Sequence[_Word]:
    """The draft's words (see ``_words``), each paragraph read once per text and remembered
    in the engine's memo; only a paragraph's first word asks the draft whether it opens a
    sentence (a headline's last word may be just before it)."""
    doc = draft.doc
    if not doc.separated:
        return _words(doc.text)
    out = _Words()
    for p in doc.paragraphs:
        words = draft.ctx.memo.read(_words, p.text)
        if not words:
            continue
        first, at = words[0], p.start
        opens = first.text[0].isupper() and starts_sentence(doc.text, at + first.start)
        out.add(first._replace(sentence_start=opens, key=_key(first.text, opens)), at)
        for w in words[1:]:
            out.add(w, at)
    return out


def _words(text: str) -> list[_Word]:
    """The words of ``text`` in order, possessives stripped; contractions are left out."""
    out = []
    for m in _WORD.finditer(text):
        bare = m.group()
        if "'" in bare or "’" in bare:
            bare = strip_possessive(bare)
            if "'" in bare or "’" in bare:
                continue
        start = m.start()
        # Only a capital needs to know whether it opens a sentence.
        opens = bare[0].isupper() and starts_sentence(text, start)
        out.append(_Word(start, start + len(bare), bare, opens, m.end(), _key(bare, opens)))
    return out


def _key(word: str, sentence_start: bool) -> str | None:
    """The letters a spelling is grouped by, or None for a word not compared: a name (capitals
    mid-sentence), a shouted or branded word, a compound of many parts."""
    pieces = _PIECES.split(word)
    first, rest = pieces[0], "".join(pieces[1:])
    if len(pieces) > _MOST_PIECES or (rest and not rest.islower()):
        return None
    if (len(first) > 1 and not first[1:].islower()) or (first[0].isupper() and not sentence_start):
        return None
    return (first + rest).lower()


def _spellings(doc: Document, words: Sequence[_Word]) -> list[Finding]:
    """A finding for each use of the less frequent side, joined or split, of a word."""
    # Only a word the draft writes both joined and hyphenated can be a variant (a spaced
    # pair is weighed only beside both: side by side, two words are too often just two
    # words, thought less, thoughtless). Those are found first, so that only their uses are
    # kept, not every word of a long draft.
    joints: dict[str, set[Joint]] = {}
    for word in words:
        if (joint := _joint(word)) is not None:
            joints.setdefault(cast(str, word.key), set()).add(joint)
    joined = {k for k, seen in joints.items() if len(seen) == 2}
    forms: dict[str, list[_Form]] = {}
    for word in words if joined else ():
        if word.key in joined and (joint := _joint(word)) is not None:
            forms.setdefault(word.key, []).append(_Form(word.start, word.end, word.text, joint))
    for first, second in pairwise(words if joined else ()):
        spaced = _spaced(doc.text, first, second, joined)
        if spaced is not None:
            forms[spaced[0]].append(spaced[1])
    findings = []
    for uses in forms.values():
        closed = [f for f in uses if f.joint is Joint.CLOSED]
        split = sorted((f for f in uses if f.joint is not Joint.CLOSED), key=lambda f: f.start)
        if not closed or not split:
            continue
        hyphenated = [f for f in split if f.joint is Joint.HYPHEN]
        # A spaced pair is never the fix: English seldom writes those words apart.
        if not hyphenated or (len(closed), -closed[0].start) > (len(split), -split[0].start):
            majority, minority = closed, split
        else:
            majority, minority = hyphenated, closed
        fix = _most_written(majority)
        for odd in minority:
            findings.append(_spelling_finding(doc, odd, fix, majority))
    return findings


def _joint(word: _Word) -> Joint | None:
    """How a word long enough to compare meets its parts; None for one not compared."""
    key = word.key
    if len(word.text) < _SHORTEST or key is None or len(key) < _SHORTEST:
        return None
    return Joint.HYPHEN if len(key) < len(word.text) else Joint.CLOSED


def _spaced(text: str, first: _Word, second: _Word, joined: set[str]) -> tuple[str, _Form] | None:
    """Two words side by side that the draft also writes as one, when English seldom writes
    them apart: the key and the form; else None."""
    key = (first.text + second.text).lower()
    if key not in joined or text[first.end : second.start].strip(" ") not in ("", "\n"):
        return None
    if first.key is None or second.text[0].isupper():
        return None
    if any(h in first.text + second.text for h in _HYPHENS):
        return None
    if any(zipf(w.text) >= _FUNCTION_WORD for w in (first, second)):
        return None
    if seen_pair(first.text, second.text):
        return None
    written = text[first.start : second.end]
    return key, _Form(first.start, second.end, written, Joint.SPACE)


def _most_written(forms: list[_Form]) -> str:
    """The spelling the draft uses most among ``forms`` (the first, on a tie), lower case."""
    counts = Counter(f.written.lower() for f in forms)
    return max(counts, key=lambda w: (counts[w], -next(f.start for f in forms
                                                      if f.written.lower() == w)))  # fmt: skip


def _spelling_finding(doc: Document, odd: _Form, fix: str, majority: list[_Form]) -> Finding:
    first = next(f for f in majority if f.written.lower() == fix)
    n = sum(f.written.lower() == fix for f in majority)
    return SPELLING.finding(
        odd.start,
        odd.end,
        f"‘{odd.written}’ here, but {_elsewhere(doc, first.written, first.start, n, odd.start)}:"
        " spell it one way.",
        (match_case(odd.written, fix),),
    )


def _elsewhere(doc: Document, written: str, first: int, n: int, here: int) -> str:
    """``‘cooperate’ in paragraph 2``, or ``‘cooperate’ 3 times, first in paragraph 2``."""
    times = f" {n} times, first" if n > 1 else ""
    return f"‘{written}’{times} {where(doc, first, here)}"


def _capitals(doc: Document, words: Sequence[_Word]) -> list[Finding]:
    """A finding for each use of a term in its less frequent capitalisation, compared after
    the same determiner."""
    text = doc.text
    headlines = _title_case_lines(text)
    in_lower_case = {w.text for w in words if w.text.islower()}
    uses: dict[tuple[str, str], list[tuple[_Word, bool]]] = {}
    for i in range(1, len(words)):
        det, word = words[i - 1], words[i]
        if det.text.lower() not in _DETERMINERS or text[det.end : word.start] != " ":
            continue
        if det.text[0].isupper() and not det.sentence_start:
            continue  # The Hague, The Times: the determiner is part of the name
        if any(h in word.text for h in _HYPHENS) or len(word.text) < 2:
            continue
        after = words[i + 1 : i + 3]
        if word.text.islower():
            if after and after[0].text == "of" and _adjacent(text, word, after[0]):
                continue  # the west of the city: a description, not the term
            uses.setdefault((det.text.lower(), word.text), []).append((word, False))
        elif word.text[0].isupper() and word.text[1:].islower():
            before = words[max(0, i - 3) : i - 1]
            if headlines.holds(word.start) or _in_a_name(
                text, before, det, word, after, in_lower_case
            ):
                continue
            uses.setdefault((det.text.lower(), word.text.lower()), []).append((word, True))
    findings = []
    for found in uses.values():
        capital = [w for w, up in found if up]
        lower = [w for w, up in found if not up]
        if not capital or not lower:
            continue
        if (len(capital), -capital[0].start) > (len(lower), -lower[0].start):
            majority, minority = capital, lower
        else:
            majority, minority = lower, capital
        first = majority[0]
        for odd in minority:
            findings.append(
                CAPITALS.finding(
                    odd.start,
                    odd.end,
                    f"‘{odd.text}’ here, but "
                    f"{_elsewhere(doc, first.text, first.start, len(majority), odd.start)}: "
                    "capitalise it one way.",
                    (first.text,),
                )
            )
    return findings


def _adjacent(text: str, a: _Word, b: _Word) -> bool:
    """True when only spaces are between ``a`` (and its possessive) and ``b``."""
    return not text[a.stop : b.start].strip()


def _in_a_name(
    text: str,
    before: Sequence[_Word],
    det: _Word,
    word: _Word,
    after: Sequence[_Word],
    in_lower_case: set[str],
) -> bool:
    """True when a capitalised ``word`` after ``det`` is part of a longer name: another
    capitalised word follows (the Labour Party), or a joining word and a capitalised one (the
    Bank of England), or a name goes before (Alfred the Great: capitalised mid-sentence, or
    opening a sentence and never written in lower case in the draft), or a title's small word
    and a capital before that (Race to the Top, First in the World)."""
    if after and _adjacent(text, word, after[0]):
        if after[0].text[0].isupper():
            return True
        joined = len(after) > 1 and _adjacent(text, after[0], after[1])
        if after[0].text.lower() in ORGANISATION_JOINERS and joined and after[1].text[0].isupper():
            return True
    if (
        len(before) == 2
        and _adjacent(text, before[0], before[1])
        and _adjacent(text, before[1], det)
        and before[1].text in _TITLE_JOINERS
        and before[0].text[0].isupper()
    ):
        return True
    last = before[-1] if before else None
    return (
        last is not None
        and _adjacent(text, last, det)
        and last.text[0].isupper()
        and (not last.sentence_start or last.text.lower() not in in_lower_case)
    )


def _title_case_lines(text: str) -> Spans:
    """The spans of lines set in title case, as headlines are: not ending as a sentence does,
    and most of their longer words capitalised."""
    spans = []
    start = 0
    for line in text.split("\n"):
        longer = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
        if len(longer) >= 2 and not line.rstrip(" \"”’'").endswith((".", "!", "?")):
            capitalised = sum(w[0].isupper() for w in longer)
            if capitalised >= _TITLE_SHARE * len(longer):
                spans.append((start, start + len(line)))
        start += len(line) + 1
    return Spans(spans)
