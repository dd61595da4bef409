"""Document: a draft's text, its paragraphs, and every offset conversion the engine needs.

Offsets inside the engine are ``str`` indices (code points). Qt counts UTF-16 units and
so does LanguageTool; the two helpers at the bottom are the only conversions. Text is
checked normalised (``Normalised``): accents composed, invisible characters out; findings
are mapped back to the text as read.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

_BLANK_LINE = re.compile(r"\r?\n[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+")
_SENTENCE_END = (".", "!", "?", "”", '"', "’", ":", ";", ")", "…")
# Characters that format text without being seen (Unicode category Cf): soft hyphen, Arabic
# letter mark, Mongolian vowel separator, zero-width spaces, joiners and marks, bidirectional
# controls, the word joiner and invisible operators, the BOM as zero-width no-break space.
# They split words for every tokenizer; checking reads the text without them.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)
# Combining marks (the common blocks): a letter and its marks are one character to a reader.
_MARK = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# A word with a character past Latin-1 or a soft hyphen: only these can need normalising.
_NOT_LATIN1_WORD = re.compile(r"\S*[^\x00-\xac\xae-\u02ff]\S*")


class Part(str, Enum):
    """Where a stretch of a draft sits: the body, or a part a word processor keeps beside
    it (a Word file's headers, footers, notes and comments, read after the body)."""

    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    COMMENT = "comment"

    @property
    def where(self) -> str:
        """How a message says where its text is: "In the header"."""
        return {
            Part.BODY: "In the body",
            Part.HEADER: "In the header",
            Part.FOOTER: "In the footer",
            Part.FOOTNOTE: "In a footnote",
            Part.ENDNOTE: "In an endnote",
            Part.COMMENT: "In a comment",
        }[self]

    @property
    def heading(self) -> str:
        """The part's name as a heading: "Headers", "Comments"."""
        return {
            Part.BODY: "Body",
            Part.HEADER: "Headers",
            Part.FOOTER: "Footers",
            Part.FOOTNOTE: "Footnotes",
            Part.ENDNOTE: "Endnotes",
            Part.COMMENT: "Comments",
        }[self]


@dataclass(frozen=True, slots=True)  # slots: one per paragraph of a long draft
class Paragraph:
    """A paragraph's span in the document; ``text`` has no line break at either end."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class Document:
    """A draft as read: the text exactly as decoded (no newline translation)."""

    text: str
    path: str = "-"
    encoding: str = "utf-8"
    markdown: bool = False
    # Formats that know their paragraphs (Word, OpenDocument) give them; text is split.
    paragraph_spans: list[tuple[int, int]] | None = None
    # The parts read after the body (a Word file's headers, notes...), in order, each with
    # its number of lines: they are the text's last lines. Counted in lines, not offsets,
    # so that they still hold once the body above them is edited.
    parts: tuple[tuple[Part, int], ...] = ()
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", self.text)]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a ``str`` offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def part_at(self, offset: int) -> Part:
        """The part of the draft that ``offset`` is in."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        lines = len(self._line_starts) - (1 if self.text.endswith("\n") else 0)
        first = lines - sum(n for _, n in self.parts)  # the first line after the body
        for part, n in self.parts:
            if line < first + n:
                return part if line >= first else Part.BODY
            first += n
        return Part.BODY

    def placed(self, message: str, offset: int) -> str:
        """``message`` saying where its text is, when that is outside the body."""
        part = self.part_at(offset)
        return message if part is Part.BODY else f"{part.where}: {message}"

    def offset(self, line: int, column: int) -> int:
        """The ``str`` offset of a 1-based line and column."""
        return self._line_starts[line - 1] + column - 1

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """The draft's paragraphs, in order.

        A paragraph is a block between blank lines when the draft is hard-wrapped (as
        Markdown usually is), otherwise each non-empty line: word processors export one
        line per paragraph, and news copy often has no blank lines between them.
        """
        if self.paragraph_spans is not None:
            given = [(s, e) for s, e in self.paragraph_spans if self.text[s:e].strip()]
            return [Paragraph(i, s, e, self.text[s:e]) for i, (s, e) in enumerate(given)]
        blocks = _blocks(self.text)
        if not (self.markdown or _looks_wrapped(self.text, blocks)):
            blocks = [
                (s + m.start(), s + m.end())
                for s, e in blocks
                for m in re.finditer(r"[^\r\n]+", self.text[s:e])
            ]
        paragraphs: list[Paragraph] = []
        for s, e in blocks:
            chunk = self.text[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            if trail > lead:
                paragraphs.append(
                    Paragraph(len(paragraphs), s + lead, s + trail, chunk[lead:trail])
                )
        return paragraphs

    @cached_property
    def separated(self) -> bool:
        """True when only spaces and line breaks (at least one character) stand between the
        paragraphs and around them, so that reading the paragraphs one by one reads every
        word of the text once, and no word runs from one paragraph into the next."""
        ends = [0] + [p.end for p in self.paragraphs]
        starts = [p.start for p in self.paragraphs] + [len(self.text)]
        gaps = [self.text[e:s] for e, s in zip(ends, starts, strict=True)]
        return all(not gap.strip() for gap in gaps) and all(gaps[1:-1])

    def normalised(self) -> tuple[Document, Normalised]:
        """This draft as checked (see ``Normalised``), and the way back to its offsets."""
        norm = Normalised.of(self.text)
        if norm.same:
            return self, norm
        spans = None
        if self.paragraph_spans is not None:
            spans = [(norm.forward(s), norm.forward(e)) for s, e in self.paragraph_spans]
        checked = Document(norm.text, self.path, self.encoding, self.markdown, spans, self.parts)
        return checked, norm

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        # Made once: a long draft asks where thousands of findings are.
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph that contains ``offset``, if any."""
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None


@dataclass(frozen=True)
class Change:
    """Where the checked text differs from the original: ``text[norm_start:norm_end]``
    stands for ``original[orig_start:orig_end]`` (an empty ``norm`` side: characters
    removed)."""

    norm_start: int
    norm_end: int
    orig_start: int
    orig_end: int


@dataclass(frozen=True)
class Normalised:
    """Text as the checkers read it: composed (NFC, so ``nai`` + U+0308 + ``ve`` is one
    word) and without ``INVISIBLE`` characters (a zero-width space does not split a word),
    with the changes that lead back to the original, in text order. Elsewhere the two
    texts are the same, only shifted."""

    text: str
    changes: tuple[Change, ...] = ()

    @property
    def same(self) -> bool:
        """True when checking reads the text exactly as it is."""
        return not self.changes

    @classmethod
    def of(cls, text: str) -> Normalised:
        """Normalise ``text`` for checking. Only the words that need it are looked at, so
        a long draft with one stray character costs little."""
        if _plain(text):
            return cls(text)
        pieces: list[str] = []
        changes: list[Change] = []
        pos = 0  # the original is copied up to here
        n = 0  # the length of the normalised text so far
        for m in _NOT_LATIN1_WORD.finditer(text):
            if _plain(m.group()):
                continue
            pieces.append(text[pos : m.start()])
            n += m.start() - pos
            pieces.append(_normalise_word(text, m.start(), m.end(), n, changes))
            n += len(pieces[-1])
            pos = m.end()
        pieces.append(text[pos:])
        return cls("".join(pieces), tuple(changes))

    def back(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``: whole original characters, with any
        invisible ones inside it (so a fix replaces them too), none at its edges."""
        if start >= end:
            return self._orig(start)[0], self._orig(start)[0]
        return self._orig(start)[0], self._orig(end - 1)[1]

    def forward(self, offset: int) -> int:
        """The index in ``text`` of the original ``offset`` (a removed or merged character
        maps to where its replacement starts)."""
        k = bisect.bisect_right(self._orig_starts, offset) - 1
        if k < 0:
            return offset
        c = self.changes[k]
        return c.norm_start if offset < c.orig_end else c.norm_end + offset - c.orig_end

    def _orig(self, index: int) -> tuple[int, int]:
        """The original span of ``text[index]`` (for ``len(text)``, the original's end)."""
        k = bisect.bisect_right(self._norm_starts, index) - 1
        if k < 0:
            return index, index + 1
        c = self.changes[k]
        if index < c.norm_end:
            return c.orig_start, c.orig_end
        at = c.orig_end + index - c.norm_end
        return at, at + 1

    @cached_property
    def _norm_starts(self) -> list[int]:
        return [c.norm_start for c in self.changes]

    @cached_property
    def _orig_starts(self) -> list[int]:
        return [c.orig_start for c in self.changes]


def _normalise_word(text: str, start: int, end: int, n: int, changes: list[Change]) -> str:
    """``text[start:end]`` composed and without invisible characters; appends the changes,
    ``n`` being where the word starts in the normalised text."""
    kept = [k for k in range(start, end) if not INVISIBLE.match(text[k])]
    visible = "".join(text[k] for k in kept)
    out: list[str] = []
    orig = start
    i = 0
    while i < len(visible):
        # A cluster: a character and those that compose with it (combining marks, jamo).
        j = i + 1
        while j < len(visible) and _composes(visible[i:j], visible[j]):
            j += 1
        o_start, o_end = kept[i], kept[j - 1] + 1
        if o_start > orig:
            changes.append(Change(n, n, orig, o_start))  # invisible characters before it
        composed = unicodedata.normalize("NFC", visible[i:j])
        if composed != text[o_start:o_end] or len(composed) > 1:
            # Changed, or a letter with marks no single character has (a̧): either way its
            # findings must cover all of it.
            changes.append(Change(n, n + len(composed), o_start, o_end))
        out.append(composed)
        n += len(composed)
        orig = o_end
        i = j
    if end > orig:
        changes.append(Change(n, n, orig, end))
    return "".join(out)


def _plain(text: str) -> bool:
    """True when ``text`` reads the same normalised, character for character."""
    return (
        not INVISIBLE.search(text)
        and not _MARK.search(text)
        and unicodedata.is_normalized("NFC", text)
    )


def _composes(cluster: str, ch: str) -> bool:
    if ch < "\u0300":  # nothing below the combining marks composes with what precedes it
        return False
    if unicodedata.combining(ch):
        return True
    together = unicodedata.normalize("NFC", cluster + ch)
    return together != unicodedata.normalize("NFC", cluster) + unicodedata.normalize("NFC", ch)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text between blank lines."""
    spans, pos = [], 0
    for m in _BLANK_LINE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _looks_wrapped(text: str, blocks: list[tuple[int, int]]) -> bool:
    """True when most multi-line blocks break lines mid-sentence (hard wrapping)."""
    inner_ends = 0
    mid_sentence = 0
    for s, e in blocks:
        lines = [ln.rstrip() for ln in text[s:e].splitlines() if ln.strip()]
        for ln in lines[:-1]:
            inner_ends += 1
            if not ln.endswith(_SENTENCE_END):
                mid_sentence += 1
    return inner_ends > 0 and mid_sentence * 2 > inner_ends


def utf16_offsets(text: str) -> list[int]:
    """For each code point index ``i`` (and ``len(text)``), its offset in UTF-16 units.

    Characters outside the Basic Multilingual Plane (emoji, many CJK ideographs) take
    two UTF-16 units; Qt and LanguageTool count those, Python does not.
    """
    out = [0] * (len(text) + 1)
    units = 0
    for i, ch in enumerate(text):
        out[i] = units
        units += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = units
    return out


def from_utf16(text: str, unit_offset: int) -> int:
    """The code point index of a UTF-16 offset into ``text`` (clamped to the text)."""
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text):
        return max(0, min(unit_offset, len(text)))
    table = utf16_offsets(text)
    return max(0, min(bisect.bisect_left(table, unit_offset), len(text)))
