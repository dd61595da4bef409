"""Document: a draft's text, its paragraphs, and every offset conversion the engine needs.

Offsets inside the engine are ``str`` indices (code points). Qt counts UTF-16 units and
so does LanguageTool; the two helpers at the bottom are the only conversions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

_BLANK_LINE = re.compile(r"\r?\n[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+")
_SENTENCE_END = (".", "!", "?", "”", '"', "’", ":", ";", ")", "…")


@dataclass(frozen=True)
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
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", self.text)]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a ``str`` offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

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

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph that contains ``offset``, if any."""
        starts = [p.start for p in self.paragraphs]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None


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
