"""Names: every name in the draft spelled the way the entity list spells it, and one way.

Names are found as runs of capitalised words (with the particles names carry: al-, bin,
van der, de). A run is matched against the list's forms word by word; a form matches when
its words line up with the run's, each exactly or one slip off, and at least one exactly
(a one-word name needs stronger evidence). The list's spelling is the fix.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from rapidfuzz.distance import OSA

from proofer.checkers import CheckContext, DocumentChecker
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.entities import Entity, EntityIndex, NameForm
from proofer.findings import Category, Finding, Severity
from proofer.lexicon import zipf
from proofer.memo import Memo
from proofer.rules import Rule
from proofer.words import NAME_JOINERS, WORD, is_plural, slip_reach, strip_possessive

VARIANT = Rule(
    id="names.variant",
    category=Category.NAMES,
    summary="A name on the entity list, spelled differently.",
    why="Misspelled names are the correction readers notice most. The list is the "
    "newsroom's authority; a word one slip from a listed name, next to the rest of that "
    "name (or alone, once the full name is known), is a slip.",
    example="Chilean Senator Sebastain Moreno -> Sebastian; Henriete Solbakken -> Henriette",
    flags=("Mayor Henriete Solbakken spoke.",),
    passes=("Mayor Henriette Solbakken spoke.",),
    severity=Severity.ERROR,
)
CORRECTION = Rule(
    id="names.correction",
    category=Category.NAMES,
    summary="A form the entity list marks for correction.",
    why="House style: the list says which forms to replace (`Islamic State | IS ! ISIS`).",
    example="ISIS fighters -> Islamic State fighters",
    flags=("ISIS fighters left.",),
    passes=("Islamic State fighters left.",),
    fix_safe=True,
)
INCONSISTENT = Rule(
    id="names.inconsistent",
    category=Category.NAMES,
    summary="A name spelled two ways in the same draft.",
    why="One person, one spelling. The form used most often (or the listed one) is the fix; "
    "names that differ by one slip and share a first name or surname are one person.",
    example="Saadiya Benkirane … Sadiya Benkirane -> Saadiya",
    flags=("Saadiya Benkirane spoke. Saadiya Benkirane left. Sadiya Benkirane returned.",),
    passes=(
        "Saadiya Benkirane spoke. Saadiya Benkirane left.",
        # Singular and plural of one word: not two spellings of a name.
        "The Wharfinger Guild met. Two Wharfingers spoke for the Wharfinger Guild.",
    ),
)
UNLISTED = Rule(
    id="names.unlisted",
    category=Category.NAMES,
    summary="A name the entity list does not know.",
    why="Listed once per name so the copy editor can verify it against a source and add it "
    "to the list with one action.",
    example="Tobias Vorhaugen -> verify, then add to the entity list",
    flags=("Ngozi Obiakor filed.",),
    passes=("Henriette Solbakken filed.",),
    severity=Severity.INFO,
    once_per_text=True,
)
FIRST_REFERENCE = Rule(
    id="names.first-reference",
    category=Category.NAMES,
    summary="A person named by surname before their full name (with first-reference on).",
    why="News style names a person in full on first reference and by surname after; where "
    "two people share a surname, both names every time.",
    example="Solbakken said … Mayor Henriette Solbakken -> full name first",
    flags=("Solbakken spoke. Mayor Henriette Solbakken then left.",),
    passes=("Mayor Henriette Solbakken spoke. Solbakken then left.",),
    example_settings=(("first_reference", True),),
    severity=Severity.INFO,
)

_COMMON = 3.0  # a word this common in English is a word first (Bell, not Bel)
_SINGLE_WORD_RARE = 1.5
_GAP = re.compile(r"[ \u00a0]")
_JOINS = re.compile(r"[-’']")


@dataclass(frozen=True, slots=True)  # slots: one per name word of a long draft
class _Token:
    start: int
    end: int
    text: str  # without a possessive ending
    capitalised: bool  # Moreno, and names joined to a particle: al-Marzouqi, d’Estaing


def _token(start: int, text: str) -> _Token:
    capitalised = text[:1].isupper() or any(part[:1].isupper() for part in _JOINS.split(text)[1:])
    return _Token(start, start + len(text), text, capitalised)


@dataclass(frozen=True)
class _Match:
    form: NameForm
    tokens: tuple[_Token, ...]
    slips: tuple[int, ...]  # positions in ``tokens`` spelled differently from the form


class NameChecker(DocumentChecker):
    """Checks names against the entity list and against each other."""

    rules = (VARIANT, CORRECTION, INCONSISTENT, UNLISTED, FIRST_REFERENCE)

    def __init__(self, engine: HarperEngine | None = None, first_reference: bool = False):
        self._engine = engine
        self._first_reference = first_reference

    def check_document(self, doc: Document, ctx: CheckContext) -> list[Finding]:
        """Name findings for the whole draft."""
        index = ctx.entities.index
        runs = _draft_runs(doc, ctx.memo)
        matches = [m for run in runs for m in _match_run(run, index)]
        findings = [f for m in matches if (f := _match_finding(m))]
        known_full = {m.form.entity for m in matches if not m.slips and len(m.form.tokens) > 1}
        matched = {t.start for m in matches for t in m.tokens}
        # One at a time: a long draft's name words are not all held at once.
        loose = (t for run in runs for t in run if t.start not in matched and t.capitalised)
        findings += _surname_slips(loose, index, known_full, doc.text)
        findings += _inconsistent(runs, index, matched)
        findings += self._unlisted(doc, ctx, runs, matched)
        if self._first_reference:
            findings += _first_reference(matches, runs)
        return findings

    def _unlisted(
        self, doc: Document, ctx: CheckContext, runs: Sequence[list[_Token]], matched: set[int]
    ) -> list[Finding]:
        """Runs with a word no dictionary knows, outside any listed name: names to verify."""
        if self._engine is None:
            return []
        # Each spelling once, in order: the runs are read twice rather than held, all the
        # name words of a long draft at once.
        free = (t.text for run in _free(runs, matched) for t in run if t.capitalised)
        words = list(dict.fromkeys(free))
        unknown = self._engine.unknown_words(words, ctx.dialect) if words else set()
        unknown = {w for w in unknown - ctx.entities.index.words if not ctx.known.accepts(w)}
        findings = []
        listed_words: set[str] = set()
        for run in _free(runs, matched):
            strange = [i for i, t in enumerate(run) if t.text in unknown and zipf(t.text) < _COMMON]
            if not strange or {run[i].text for i in strange} <= listed_words:
                continue  # nothing to verify, or a name already listed here in full
            listed_words |= {run[i].text for i in strange}
            # Titles and nationalities before a name are common words: "Deputy Minister".
            while zipf(run[0].text) >= _COMMON and run[0].text not in unknown:
                run = run[1:]
            start, end = run[0].start, run[-1].end
            name = doc.text[start:end]
            findings.append(
                UNLISTED.finding(
                    start, end, f"‘{name}’ is not on the entity list: verify it, then add it.", ()
                )
            )
        return findings


def _free(runs: Iterable[list[_Token]], matched: set[int]) -> Iterator[list[_Token]]:
    """The runs' words outside any listed name, from the first capitalised to the last."""
    for run in runs:
        free = [t for t in run if t.start not in matched]
        while free and not free[0].capitalised:
            free.pop(0)
        while free and not free[-1].capitalised:
            free.pop()
        if free and any(t.capitalised for t in free):
            yield free


# The last draft's runs: the name checker, the fact checker's people and the report's listed
# names all ask for the same ones in each check, and a draft longer than the memo holds would
# be read three times. Keyed on what the runs read; a result is only ever read, never changed.
_last_runs: tuple[tuple[str, tuple[tuple[int, int], ...]], _Runs] | None = None


class _Runs(Sequence[list[_Token]]):
    """A draft's runs, kept compactly: an object for each name word of a long draft would
    hold a couple of hundred bytes a word for the whole check. Offsets go in arrays, each
    spelling is kept once, and a run's ``_Token``s are made only when it is read (a new list
    each time)."""

    def __init__(self) -> None:
        self._starts, self._ends = array("q"), array("q")
        self._capitalised = bytearray()
        self._texts: list[str] = []
        self._spellings: dict[str, str] = {}  # each spelling once, shared by its uses
        self._bounds = array("q", [0])  # where each run's words begin, then where the last ends

    def add(self, run: list[_Token], shift: int) -> None:
        """Keep ``run``, its offsets moved by ``shift``."""
        for t in run:
            self._starts.append(t.start + shift)
            self._ends.append(t.end + shift)
            self._capitalised.append(t.capitalised)
            self._texts.append(self._spellings.setdefault(t.text, t.text))
        self._bounds.append(len(self._texts))

    def __len__(self) -> int:
        return len(self._bounds) - 1

    @overload
    def __getitem__(self, i: int) -> list[_Token]: ...
    @overload
    def __getitem__(self, i: slice) -> list[list[_Token]]: ...
    def __getitem__(self, i: int | slice) -> list[_Token] | list[list[_Token]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        return [
            _Token(self._starts[k], self._ends[k], self._texts[k], bool(self._capitalised[k]))
            for k in range(self._bounds[i], self._bounds[i + 1])
        ]


def _draft_runs(doc: Document, memo: Memo) -> _Runs:
    """The runs of every paragraph (see ``_runs``), at draft offsets; each paragraph is read
    once per text and remembered in ``memo``; the last draft's answer is reused."""
    global _last_runs
    key = (doc.text, tuple((p.start, p.end) for p in doc.paragraphs))
    last = _last_runs
    if last is not None and last[0] == key:
        return last[1]
    runs = _Runs()
    for p in doc.paragraphs:
        for run in memo.read(_runs, p.text):
            runs.add(run, p.start)
    _last_runs = (key, runs)
    return runs


def _runs(text: str) -> list[list[_Token]]:
    """Runs of capitalised words joined by single spaces, with name particles inside."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    last_end = -1
    for m in WORD.finditer(text):
        raw = m.group()
        if raw[0].islower() and "-" not in raw and raw not in NAME_JOINERS:
            # An ordinary lower-case word ends any run: the common case, kept cheap.
            if current:
                runs.append(current)
                current = []
            continue
        word = strip_possessive(raw)
        token = _token(m.start(), word)
        joined = current and m.start() - last_end == 1 and _GAP.match(text, last_end)
        is_name_word = token.capitalised or word.lower() in NAME_JOINERS or "-" in word
        if joined and is_name_word:
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = [token] if token.capitalised else []
        last_end = m.start() + len(m.group())
        if m.group() != word:  # a possessive ends the name
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [_trim(run) for run in runs if any(t.capitalised for t in run)]


def _trim(run: list[_Token]) -> list[_Token]:
    while run and not run[-1].capitalised:
        run = run[:-1]
    return run


def _close(word: str, listed: str) -> bool:
    """``word`` is one slip (two for long words) from ``listed``, and not a common word nor
    the name's plural."""
    if word == listed:
        return True
    return (
        not is_plural(word, listed)
        and len(word) > 3
        and zipf(word) < _COMMON
        and OSA.distance(word.lower(), listed.lower()) <= slip_reach(listed)
    )


def _match_run(run: list[_Token], index: EntityIndex) -> list[_Match]:
    """The listed forms this run contains, longest first, without overlaps."""
    found: list[_Match] = []
    for i, token in enumerate(run):
        forms = list(index.by_token.get(token.text, ()))
        if token.text not in index.by_token and zipf(token.text) < _COMMON and len(token.text) > 3:
            for near, _ in index.near(token.text, slip_reach(token.text)):
                forms += index.by_token.get(near, ())
        for form in forms:
            match = _align(run, i, token, form)
            if match:
                found.append(match)
    chosen: list[_Match] = []
    taken: set[int] = set()
    for m in sorted(found, key=lambda m: (-len(m.tokens), len(m.slips), m.form.kind != "name")):
        if not any(t.start in taken for t in m.tokens):
            chosen.append(m)
            taken |= {t.start for t in m.tokens}
    return chosen


def _align(run: list[_Token], i: int, token: _Token, form: NameForm) -> _Match | None:
    """Line ``form`` up with ``run`` so that ``token`` falls on its matching word."""
    for j, word in enumerate(form.tokens):
        if not _close(token.text, word):
            continue
        start = i - j
        if start < 0 or start + len(form.tokens) > len(run):
            continue
        tokens = tuple(run[start : start + len(form.tokens)])
        if not all(_close(t.text, w) for t, w in zip(tokens, form.tokens, strict=True)):
            continue
        slips = tuple(
            k for k, (t, w) in enumerate(zip(tokens, form.tokens, strict=True)) if t.text != w
        )
        exact = len(tokens) - len(slips)
        if len(tokens) > 1 and exact == 0:
            continue  # every word off by a slip: too weak
        if len(tokens) == 1 and slips and zipf(tokens[0].text) >= _SINGLE_WORD_RARE:
            continue  # one word, one slip: only when the word is never seen in English
        if form.kind == "correction" and slips:
            continue
        return _Match(form, tokens, slips)
    return None


def _match_finding(match: _Match) -> Finding | None:
    form = match.form
    if form.kind == "correction":
        start, end = match.tokens[0].start, match.tokens[-1].end
        return CORRECTION.finding(
            start,
            end,
            f"The entity list says ‘{form.entity.name}’ for ‘{form.text}’.",
            (form.entity.name,),
        )
    if not match.slips:
        return None
    k = match.slips[0]
    token, right = match.tokens[k], form.tokens[k]
    written = " ".join(t.text for t in match.tokens)
    return VARIANT.finding(
        token.start, token.end, f"‘{written}’: the entity list spells it ‘{form.text}’.", (right,)
    )


def _surname_slips(
    loose: Iterable[_Token], index: EntityIndex, known: set[Entity], text: str
) -> list[Finding]:
    """A word alone one slip from a listed surname, once the full name is in the draft."""
    findings = []
    for token in loose:
        if token.text in index.by_token or zipf(token.text) >= _COMMON or len(token.text) < 5:
            continue
        for near, _ in index.near(token.text, slip_reach(token.text)):
            if is_plural(token.text, near):
                continue  # the Solbakkens: the family
            forms = [f for f in index.by_token.get(near, ()) if f.kind != "correction"]
            if any(f.entity in known and f.tokens[-1] == near for f in forms):
                full = next(f.entity.name for f in forms if f.entity in known)
                findings.append(
                    VARIANT.finding(
                        token.start,
                        token.end,
                        f"‘{token.text}’: the entity list spells it ‘{near}’ ({full}).",
                        (near,),
                    )
                )
                break
    return findings


def _inconsistent(
    runs: Sequence[list[_Token]], index: EntityIndex, matched: set[int]
) -> list[Finding]:
    """Unlisted names spelled two ways: the rarer spelling gets the commoner as its fix."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    neighbours: dict[str, set[str]] = defaultdict(set)
    where: dict[str, list[_Token]] = defaultdict(list)
    for run in runs:
        for k, t in enumerate(run):
            if not t.capitalised or t.start in matched or zipf(t.text) >= _COMMON:
                continue
            counts[t.text] += 1
            first_seen.setdefault(t.text, t.start)
            where[t.text].append(t)
            neighbours[t.text] |= {run[j].text for j in (k - 1, k + 1) if 0 <= j < len(run)}
    findings = []
    for a, b in _one_slip_pairs(counts):
        if len(a) < 5 or a[0] != b[0] or _inflected(a, b):
            continue
        if not (neighbours[a] & neighbours[b]) and min(len(a), len(b)) < 7:
            continue  # short and never beside the same name: may be two people
        keep, fix = sorted((a, b), key=lambda w: (-counts[w], first_seen[w]))
        if counts[fix] > _MANY:
            t = where[fix][0]
            message = (
                f"‘{fix}’ ({counts[fix]} times, from here on) and ‘{keep}’ ({counts[keep]} "
                f"times) both spell this name in this draft: choose one."
            )
            findings.append(INCONSISTENT.finding(t.start, t.end, message, (keep,)))
            continue
        for t in where[fix]:
            findings.append(
                INCONSISTENT.finding(
                    t.start,
                    t.end,
                    f"‘{fix}’ is spelled ‘{keep}’ elsewhere in this draft.",
                    (keep,),
                )
            )
    return findings


# A spelling used more often than this is no slip but the writer's second habit (DebConf,
# Debconf): one cause, so one finding naming both counts, not an alarm at every use.
_MANY = 3


def _inflected(a: str, b: str) -> bool:
    """One of ``a`` and ``b`` (one letter apart) is the other with an English ending:
    Maintainer and Maintainers, Release and Released, Manage and Manager are one word
    inflected, not one name spelled two ways."""
    short, long = sorted((a, b), key=len)
    if not long.startswith(short):
        return False
    ending = long[len(short) :].lower()
    return is_plural(long, short) or (ending in ("d", "r") and short.endswith("e"))


def _one_slip_pairs(words: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of ``words`` one slip apart (OSA distance 1), in near-linear time.

    Two words one slip apart share a deletion variant (or one is a deletion of the other),
    so only words filed under a common key are compared: no all-pairs loop over the names.
    """
    by_key: dict[str, list[str]] = defaultdict(list)
    for word in sorted(set(words)):
        keys = {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
        for key in keys:
            by_key[key].append(word)
    pairs: set[tuple[str, str]] = set()
    for group in by_key.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if OSA.distance(a, b) == 1:
                    pairs.add((a, b))
    return sorted(pairs)


def _first_reference(matches: list[_Match], runs: Sequence[list[_Token]]) -> list[Finding]:
    """A listed person's surname alone before their full name; and, where two people in
    the draft share a surname, the surname alone at all."""
    full_at: dict[str, int] = {}
    people: dict[str, set[str]] = defaultdict(set)
    for m in matches:
        if m.form.kind == "name" and len(m.form.tokens) > 1:
            full_at.setdefault(m.form.entity.name, m.tokens[0].start)
            people[m.form.tokens[-1]].add(m.form.entity.name)
    findings = []
    for run in runs:
        if len(run) != 1 or run[0].text not in people:
            continue
        t = run[0]
        names = sorted(people[t.text])
        if len(names) > 1:
            message = f"‘{t.text}’ alone could be {' or '.join(names)}: use the full name."
        elif t.start < full_at[names[0]]:
            message = f"First reference to {names[0]} by surname: use the full name."
        else:
            continue
        findings.append(FIRST_REFERENCE.finding(t.start, t.end, message, tuple(names)))
    return findings


def listed_names(doc: Document, index: EntityIndex, memo: Memo) -> list[str]:
    """The listed entities named correctly in the draft, in order of first mention."""
    seen: dict[str, None] = {}
    for run in _draft_runs(doc, memo):
        for m in _match_run(run, index):
            if not m.slips and m.form.kind != "correction":
                seen.setdefault(m.form.entity.name, None)
    return list(seen)


def name_runs(doc: Document, memo: Memo) -> Iterator[tuple[tuple[int, int, str], ...]]:
    """Every name in the draft as found here, for checkers that ask who is who: runs of name
    words, each ``(start, end, word)`` with any possessive ending taken off. One at a time:
    a long draft's names are not copied all at once."""
    return (tuple((t.start, t.end, t.text) for t in run) for run in _draft_runs(doc, memo))
