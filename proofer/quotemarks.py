"""Quotation marks read the way a news desk reads them.

``scan`` walks a draft once and pairs every quotation mark, paragraph by paragraph, with
news conventions built in: a quotation that runs over several paragraphs opens each with
“ and closes only in the last; ’ is also the apostrophe (``city’s``, ``’90s``, ``rock ’n’
roll``); nested quotations alternate double and single marks. It reports what it finds as
plain records; the quote checker turns them into findings and the smart-quotes fixer uses
the same pairing to turn straight marks curly.

Text that came through TeX or an old typewriter convention quotes with a backtick:
```stable'`` and ````testing''``. Those pair like any other marks (a backtick opens, a
straight mark closes) so that the draft's style can be reported once, not every mark as stray.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from proofer.document import Document
from proofer.markup import masked_spans
from proofer.spans import Spans

DOUBLE_OPEN, DOUBLE_CLOSE, SINGLE_OPEN, SINGLE_CLOSE = "“", "”", "‘", "’"
STRAIGHT_DOUBLE, STRAIGHT_SINGLE = '"', "'"
TEX_SINGLE_OPEN, TEX_DOUBLE_OPEN, TEX_DOUBLE_CLOSE = "`", "``", "''"
_CURLY = frozenset((DOUBLE_OPEN, DOUBLE_CLOSE, SINGLE_OPEN, SINGLE_CLOSE))
_DOUBLES = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE
_SINGLES = SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE
_OPENERS_BEFORE = "([{—–-/\u00a0"
_CLOSERS_AFTER = ".,;:!?)]}—–-…/"
# Words that start with an elided letter: ’em, ’tis, ’twas, ’til, ’cause, rock ’n’ roll, ’round.
_ELISIONS = re.compile(
    r"(?:em|tis|twas|twill|twould|twere|til|cause|n|bout|nuff|round)\b", re.IGNORECASE
)
# The verbs that attribute a quotation to its speaker (the one list of them).
ATTRIBUTION_VERBS = (
    r"(?:said|says|told|added|asked|wrote|explained|continued|recalled|insisted|noted|"
    r"replied|cried)\b"
)
# The attribution that follows a quotation: `` she said``, `` Brady Wang said``, `` said a
# spokeswoman`` (the one pattern for it; callers that need the comma before it prefix one).
ATTRIBUTION = re.compile(
    rf"\s+(?:(?:(?:[A-Z][\w’'.-]*|he|she|they|we|I|it)\s+){{1,3}}{ATTRIBUTION_VERBS}"
    rf"|{ATTRIBUTION_VERBS}\s+(?:[A-Z]|(?:he|she|they|we|I|a|an|the)\b))"
)
# Inside a quotation that lost its closing mark the comma is still there: ``, she said``.
_COMMA_ATTRIBUTION = re.compile("," + ATTRIBUTION.pattern)
# A quotation interrupted by its attribution, resumed after it: ``wish,” he added,``.
_RESUMED = re.compile(rf"[,!?—–-][”\"]\s[^”\"“]{{0,40}}{ATTRIBUTION_VERBS}[^”\"“]{{0,40}}$")
# Paragraphs without a double mark that a running quotation may span before it shows whether
# it was left open or lost its continuation marks.
_GAP = 4
# How far before a quotation's end its attribution may start: ``, said Mohammad Abdul Kader,
# a schoolteacher who organised the volunteers.``
_ATTRIBUTION_REACH = 150
_MARK_CHARS = re.compile("[" + re.escape(_DOUBLES + _SINGLES + TEX_SINGLE_OPEN) + "]")
# Backticks around a word with no straight mark inside: code (`ls`), not a quotation.
_CODE_SPAN = re.compile(r"(?<!`)`[^`'\n]+`(?!`)")
# What follows a backtick that opens a TeX quotation: a straight mark closing it in the
# paragraph (not an apostrophe: ``it's``), before any other backtick.
_TEX_SINGLE_CLOSER = re.compile(r"[^`\n]*?[^\s`]'(?!\w)")
# A sentence ends just before this point: ``taxpayers. “I``, ``(as he said.) “We``.
_SENTENCE_ENDS = re.compile(r"[.!?…][)\]’']*[ \t\u00a0]+$")


class Role(Enum):
    """The part a mark plays in the draft."""

    OPEN = "open"
    CLOSE = "close"
    APOSTROPHE = "apostrophe"
    # Before pairing only: which of these a mark is depends on what is open when it comes.
    EITHER = "either"  # closes an open quotation, else opens one (") or is an apostrophe (’)
    PRIME = "prime"  # after a figure: closes an open quotation, else a prime (a 12" pizza)


class Prime(Enum):
    """Whether a straight mark after a figure is a prime (6'2")."""

    YES = "yes"
    NO = "no"
    EITHER = "either"  # a 12" pizza, or the end of "Debian 1.1": pairing decides


@dataclass(frozen=True)
class Mark:
    """One quotation mark or apostrophe and the role it plays."""

    pos: int
    char: str  # two characters for TeX's `` and ''
    double: bool
    role: Role

    @property
    def end(self) -> int:
        """Where the mark ends in the draft."""
        return self.pos + len(self.char)

    @property
    def tex(self) -> bool:
        """A TeX-style mark: ` or `` opening, '' closing."""
        return self.char in (TEX_SINGLE_OPEN, TEX_DOUBLE_OPEN, TEX_DOUBLE_CLOSE)

    @property
    def straight(self) -> bool:
        """A typewriter mark: " or '."""
        return self.char in (STRAIGHT_DOUBLE, STRAIGHT_SINGLE)

    @property
    def curly(self) -> str:
        """The curly mark this one should be."""
        if self.role is Role.APOSTROPHE:
            return SINGLE_CLOSE
        if self.double:
            return DOUBLE_OPEN if self.role is Role.OPEN else DOUBLE_CLOSE
        return SINGLE_OPEN if self.role is Role.OPEN else SINGLE_CLOSE

    @property
    def turned(self) -> bool:
        """A curly mark facing the wrong way for the role it plays."""
        return self.char in _CURLY and self.char != self.curly


class Kind(Enum):
    """What is wrong with a mark; the quote checker words each kind."""

    UNMATCHED_CLOSE = "unmatched-close"
    UNCLOSED = "unclosed"
    MISSING_CONTINUATION = "missing-continuation"
    LOST_BREAK = "lost-break"
    TURNED = "turned"
    MIXED_PAIR = "mixed-pair"
    NESTED = "nested"


@dataclass(frozen=True)
class Problem:
    """Something wrong with the marks, for the quote checker to word."""

    kind: Kind
    mark: Mark
    partner: Mark | None = None  # the other mark of the slip (for an unclosed quotation, the
    # one that opened before it closed, if any)
    paragraph: int = 0  # index of the paragraph where the quotation should have closed


@dataclass
class Scan:
    """Every mark in the draft with its role, and the problems found pairing them."""

    marks: list[Mark] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    pairs: list[tuple[Mark, Mark]] = field(default_factory=list)


# The last draft paired: the quote checker and the quotations' spans ask for the same one in
# each check. Keyed on what the pairing reads; a result is only ever read, never changed.
_last_scan: tuple[tuple[str, tuple[tuple[int, int], ...], bool], Scan] | None = None


def scan_document(doc: Document) -> Scan:
    """``scan`` of a whole draft, code and addresses skipped; the last answer is reused."""
    global _last_scan
    key = (doc.text, tuple((p.start, p.end) for p in doc.paragraphs), doc.markdown)
    last = _last_scan
    if last is not None and last[0] == key:
        return last[1]
    result = scan([(p.start, p.text) for p in doc.paragraphs], masked_spans(doc))
    _last_scan = (key, result)
    return result


def scan(paragraphs: list[tuple[int, str]], masked: Spans | None = None) -> Scan:
    """Pair the quotation marks of a draft given as ``(start offset, text)`` paragraphs.

    ``masked`` spans (code, URLs) are skipped. One slip gives one problem: after a mark that
    is reported, pairing starts again from what the text shows next (a quotation reopening
    after a sentence, the next paragraph), so the correct quotations after it stay quiet.
    """
    result = Scan()
    pending: Mark | None = None  # a double quotation still open at the previous paragraph end
    pending_para = 0
    pending_partial = False
    for index, (offset, text) in enumerate(paragraphs):
        marks = [m for m in _marks(text, offset) if not (masked and masked.holds(m.pos))]
        para = _Paragraph(index, offset, text, result)
        waiting = False  # for a later paragraph to settle the quotation still open
        if pending is not None:
            if pending_partial:
                # AP: a partial quotation must close before its paragraph ends.
                result.problems.append(Problem(Kind.UNCLOSED, pending, paragraph=pending_para))
            elif index == pending_para + 1 and _opens_paragraph(marks, offset):
                # The running quotation continues; its newest opening mark stands for it,
                # so a quotation that never closes is reported where it should have.
                continuation = marks.pop(0)
                result.marks.append(continuation)
                if continuation.turned:
                    result.problems.append(Problem(Kind.TURNED, continuation))
                para.stack.append(continuation)
            elif index - pending_para < _GAP and not any(m.double for m in marks):
                # No double mark here (a line of verse, a list inside the quotation): whether
                # the quotation was left open or lost its continuation marks shows later.
                waiting = True
            else:
                _report_unclosed(result, pending, pending_para, marks)
            if not waiting:
                pending = None
        for raw in marks:
            if (mark := _resolve(raw, para.stack)) is None:
                continue
            result.marks.append(mark)
            if mark.turned:
                result.problems.append(Problem(Kind.TURNED, mark))
            para.pair(mark)
        for mark in para.stack:
            if mark in para.reported:
                continue  # its slip is already reported: no second finding for it
            if not mark.double:
                result.problems.append(Problem(Kind.UNCLOSED, mark, paragraph=index))
            elif _attributed(text, mark.pos - offset, len(text)):
                # “We waited, he said. : the closing mark went missing before the attribution.
                result.problems.append(Problem(Kind.UNCLOSED, mark, paragraph=index))
            else:
                pending, pending_para = mark, index
                pending_partial = is_partial(text, mark.pos - offset)
    if pending is not None:
        result.problems.append(Problem(Kind.UNCLOSED, pending, paragraph=pending_para))
    return result


def _report_unclosed(result: Scan, pending: Mark, para: int, marks: list[Mark]) -> None:
    """A paragraph (``para``) ended inside a quotation, and this one, the next with double
    marks, does not continue it.

    When this paragraph closes a quotation it never opened, the continuation mark of the
    paragraph after ``para`` was forgotten (one finding, and the pair stands); otherwise the
    quotation was never closed.
    """
    depth = 0
    for mark in marks:
        if not mark.double or mark.role in (Role.EITHER, Role.PRIME):
            continue
        if mark.role is Role.OPEN:
            depth += 1
        elif depth:
            depth -= 1
        else:
            result.problems.append(Problem(Kind.MISSING_CONTINUATION, mark, pending, para + 1))
            result.pairs.append((pending, mark))
            result.marks.append(mark)
            marks.remove(mark)
            return
    result.problems.append(Problem(Kind.UNCLOSED, pending, paragraph=para))


@dataclass
class _Paragraph:
    """Pairing inside one paragraph: the quotations open so far, innermost last."""

    index: int
    offset: int
    text: str
    result: Scan
    stack: list[Mark] = field(default_factory=list)
    reported: set[Mark] = field(default_factory=set)  # marks whose slip is already reported

    def pair(self, mark: Mark) -> None:
        """Pair ``mark`` with what is open, or open a quotation with it."""
        if mark.role is Role.APOSTROPHE:
            return
        if mark.role is Role.OPEN:
            self._open(mark)
            return
        # A closing mark: it closes the innermost quotation of its kind.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].double == mark.double:
                opened = self.stack[i]
                self._close_from(i + 1)
                del self.stack[i:]
                self.result.pairs.append((opened, mark))
                # A TeX opening closes with a straight mark by design: not a mixed pair.
                if opened.straight != mark.straight and not opened.tex:
                    straight = opened if opened.straight else mark
                    other = mark if straight is opened else opened
                    self.result.problems.append(Problem(Kind.MIXED_PAIR, straight, other))
                return
        self.result.problems.append(Problem(Kind.UNMATCHED_CLOSE, mark))

    def _open(self, mark: Mark) -> None:
        outer = next((m for m in reversed(self.stack) if m.double == mark.double), None)
        if outer is None:
            self.stack.append(mark)
            return
        kind = None if outer in self.reported else self._reopening(outer, mark)
        if kind is Kind.NESTED:
            # “They say “affordable” but …: one finding for the pair; neither mark is
            # reported again, whatever the slip leaves open after it.
            self.result.problems.append(Problem(Kind.NESTED, mark, outer))
            self.reported |= {outer, mark}
            self.stack.append(mark)
            return
        # The open quotation ends here, whatever ended it: pairing starts again at ``mark``.
        # (An open mark whose slip is already reported ends silently.)
        if kind is Kind.UNCLOSED:
            self.result.problems.append(Problem(Kind.UNCLOSED, outer, mark, self.index))
        elif kind is Kind.LOST_BREAK:
            self.result.problems.append(Problem(Kind.LOST_BREAK, mark, outer))
        i = self.stack.index(outer)
        self._close_from(i + 1)
        del self.stack[i:]
        self.stack.append(mark)

    def _reopening(self, outer: Mark, mark: Mark) -> Kind:
        """Why a quotation opens while another with the same mark is open.

        After a sentence has ended inside the open quotation, the first one is over: either
        its closing mark went missing (it was a partial quotation, which closes in its
        sentence, or an attribution follows it: ``, he said.``) or the paragraph break that
        would have reopened it was lost in a paste (a running quotation reopens each
        paragraph). Mid-sentence, it is a quotation nested with the wrong mark.
        """
        start, end = outer.pos - self.offset, mark.pos - self.offset
        attributed = _attributed(self.text, start, end)
        if not _SENTENCE_ENDS.search(self.text, max(start, end - 16), end):
            return Kind.UNCLOSED if attributed else Kind.NESTED
        if attributed or is_partial(self.text, start):
            return Kind.UNCLOSED
        return Kind.LOST_BREAK

    def _close_from(self, i: int) -> None:
        """The marks open inside a quotation that ends: each is unclosed, unless reported."""
        for inner in self.stack[i:]:
            if inner not in self.reported:
                self.result.problems.append(Problem(Kind.UNCLOSED, inner, paragraph=self.index))


def _resolve(mark: Mark, stack: list[Mark]) -> Mark | None:
    """Settle the marks whose role depends on what is open (None: not a quotation mark)."""
    if mark.role is Role.PRIME:
        # After a figure: it ends a quotation that is open, else it is a prime (12" pizza).
        open_here = any(m.double == mark.double for m in stack)
        return Mark(mark.pos, mark.char, mark.double, Role.CLOSE) if open_here else None
    if mark.role is Role.EITHER:
        # A straight " with no telling context, or ’ after a word: it closes what is open.
        open_here = any(m.double == mark.double for m in stack)
        if mark.double:
            role = Role.CLOSE if open_here else Role.OPEN
        else:
            role = Role.CLOSE if open_here else Role.APOSTROPHE
        return Mark(mark.pos, mark.char, mark.double, role)
    return mark


def _marks(text: str, offset: int) -> Iterator[Mark]:
    code = Spans(m.span() for m in _CODE_SPAN.finditer(text)) if TEX_SINGLE_OPEN in text else None
    after = -1  # the second character of a two-character TeX mark
    for found in _MARK_CHARS.finditer(text):
        i, ch = found.start(), found.group()
        pair = text[i : i + 2]
        if i == after or (code and code.holds(i)):
            continue
        if ch in (STRAIGHT_DOUBLE, STRAIGHT_SINGLE) and (prime := _prime(text, i)) is not Prime.NO:
            if prime is Prime.EITHER:
                yield Mark(offset + i, ch, ch == STRAIGHT_DOUBLE, Role.PRIME)
        elif pair in (TEX_DOUBLE_OPEN, TEX_DOUBLE_CLOSE) and text[i + 2 : i + 3] != ch:
            opening, closing = _context(text, i, 2)
            if opening or closing:
                yield Mark(offset + i, pair, True, Role.OPEN if opening else Role.CLOSE)
                after = i + 1
            elif ch == STRAIGHT_SINGLE:
                yield Mark(offset + i, ch, False, _single_role(text, i))
        elif ch == TEX_SINGLE_OPEN:
            # Only a backtick that opens and is closed TeX-style (`word') quotes; any other is
            # code, markup or a slip of the finger, not a quotation left open.
            if _context(text, i)[0] and _TEX_SINGLE_CLOSER.match(text, i + 1):
                yield Mark(offset + i, ch, False, Role.OPEN)
        elif ch in _DOUBLES:
            yield Mark(offset + i, ch, True, _double_role(text, i))
        else:
            yield Mark(offset + i, ch, False, _single_role(text, i))


def _prime(text: str, i: int) -> Prime:
    """Whether a straight mark after a figure is a prime: YES when a figure follows (6'2");
    NO when it is not after a figure, or the same mark opened the figure's token ("2.4a0",
    ("1.3.8")); EITHER at a figure's end (a 12" pizza, but also "Debian 1.1": pairing
    decides, by whether a quotation is open)."""
    if i == 0 or not text[i - 1].isdigit():
        return Prime.NO
    start = i - 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    if text[i] in text[start:i]:
        return Prime.NO
    return Prime.YES if text[i + 1 : i + 2].isalnum() else Prime.EITHER


def _context(text: str, i: int, width: int = 1) -> tuple[bool, bool]:
    """(looks like an opening position, looks like a closing position) for the mark of
    ``width`` characters at ``text[i]``."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    space_before = before.isspace() or before in _OPENERS_BEFORE or before in _DOUBLES + "‘"
    space_after = after.isspace() or after in _CLOSERS_AFTER or after in _DOUBLES + "’"
    return space_before and not after.isspace(), space_after and not before.isspace()


def _double_role(text: str, i: int) -> Role:
    if i == 0:
        return Role.OPEN  # a paragraph never starts by closing a quotation: “ … or " …
    opening, closing = _context(text, i)
    if opening and not closing:
        return Role.OPEN
    if closing and not opening:
        return Role.CLOSE
    ch = text[i]
    if ch == DOUBLE_OPEN:
        return Role.OPEN
    if ch == DOUBLE_CLOSE:
        return Role.CLOSE
    return Role.EITHER


def _single_role(text: str, i: int) -> Role:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return Role.APOSTROPHE  # city’s, o’clock, Thiong’o
    if after in "sS" and not text[i + 2 : i + 3].isalnum() and text[i + 2 : i + 3] not in "’'":
        return Role.APOSTROPHE  # a possessive after a dash, a bracket or a figure: ——’s, (AP)’s
    if not before.isalnum() and (_decade(text, i) or _ELISIONS.match(text, i + 1)):
        return Role.APOSTROPHE  # ’90s, ’em, the first mark of rock ’n’ roll
    if before in "nN" and text[i - 2 : i - 1] in ("’", "'"):
        return Role.APOSTROPHE  # the second mark of rock ’n’ roll
    opening, closing = _context(text, i)
    if opening and not closing:
        return Role.OPEN
    if closing and not opening:
        if before in "sSzZxX" or text[i - 2 : i] == "in":
            return Role.EITHER  # the end of a ‘quotation’, the Joneses’ house, or goin’
        if after == "-" and text[i + 2 : i + 3].isalpha():
            return Role.EITHER  # inside a hyphenated word: a stress mark (Deb’-ee-en)
        return Role.CLOSE
    return Role.OPEN if text[i] == SINGLE_OPEN else Role.EITHER


def _decade(text: str, i: int) -> bool:
    """Figures follow the mark at ``text[i]`` (’90s, ’04), not closed by a single mark
    right after them ('2' is a quoted figure) unless that mark makes a plural ('90's)."""
    end = i + 1
    while end < len(text) and text[end].isdigit():
        end += 1
    plural = text[end + 1 : end + 2] in ("s", "S") and not text[end + 2 : end + 3].isalnum()
    return end > i + 1 and (text[end : end + 1] not in _SINGLES or plural)


def _attributed(text: str, start: int, end: int) -> bool:
    """The end of ``text[start:end]`` (inside a quotation opened at ``start``) is an
    attribution: ``“We waited, she said.`` lost its closing mark before ``, she said``.
    Only the last stretch counts (an attribution and its speaker's title), not a long
    quotation's earlier words."""
    body = text[start:end].rstrip()
    return _COMMA_ATTRIBUTION.search(body, max(0, len(body) - _ATTRIBUTION_REACH)) is not None


def _opens_paragraph(marks: list[Mark], offset: int) -> bool:
    """The paragraph begins with an opening double mark: a running quotation continues."""
    return bool(marks) and marks[0].double and marks[0].pos == offset and marks[0].role is Role.OPEN


def is_partial(text: str, i: int) -> bool:
    """The mark at ``text[i]`` opens a quoted fragment inside the reporter's own sentence
    (``called it “a giveaway``): mid-sentence, and starting in lower case; not a quotation
    resumed after its attribution (``“It was my wish,” he added, “as soon as …``)."""
    after = text[i + 1 : i + 2]
    before = text[max(0, i - 80) : i].rstrip()
    before = before[before.rfind("\n") + 1 :]  # a paragraph's start is a sentence's start
    mid_sentence = bool(before) and before[-1] not in ".!?:;—–"
    return mid_sentence and after.islower() and not _RESUMED.search(before)


def smart_quotes(paragraphs: list[tuple[int, str]], masked: Spans) -> list[tuple[int, int, str]]:
    """Edits that turn every straight quotation mark and apostrophe into the curly mark its
    pairing calls for: openings “ ‘, closings ” ’, apostrophes ’ (``’90s``, ``don’t``); TeX's
    backtick quotations become curly too."""
    marks = scan(paragraphs, masked).marks
    return [(m.pos, m.end, m.curly) for m in marks if m.straight or m.tex]
