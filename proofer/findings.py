"""The Finding: what a checker reports, in the shape the command line's JSON promises."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import Enum


class Category(str, Enum):
    """What kind of problem a finding is; the editor colours underlines by it."""

    SPELLING = "spelling"
    GRAMMAR = "grammar"
    NAMES = "names"
    QUOTES = "quotes"
    PUNCTUATION = "punctuation"
    TYPOGRAPHY = "typography"
    STYLE = "style"
    FACTS = "facts"  # the draft contradicts itself: ages, dates, titles, tallies, abbreviations


class Severity(str, Enum):
    """How sure the checker is that the text is wrong."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious; used for ``--fail-on`` and for sorting."""
        return {"info": 1, "warning": 2, "error": 3}[self.value]


class Engine(str, Enum):
    """Who found it."""

    PROOFER = "proofer"
    HARPER = "harper"
    LANGUAGETOOL = "languagetool"


@dataclass(frozen=True)
class Finding:
    """One problem in a draft.

    ``start`` and ``end`` are ``str`` indices into the document text (code points, end
    exclusive). ``suggestions`` replace ``text[start:end]``, best first.
    """

    start: int
    end: int
    category: Category
    rule: str
    message: str
    suggestions: tuple[str, ...] = field(default_factory=tuple)
    severity: Severity = Severity.WARNING
    engine: Engine = Engine.PROOFER

    def shifted(self, offset: int) -> Finding:
        """The same finding with its span moved by ``offset`` (paragraph to document)."""
        return Finding(
            self.start + offset,
            self.end + offset,
            self.category,
            self.rule,
            self.message,
            self.suggestions,
            self.severity,
            self.engine,
        )

    def overlaps(self, other: Finding) -> bool:
        """True when the two spans share a character (or are the same empty point)."""
        if self.start == self.end or other.start == other.end:
            return self.start == other.start
        return self.start < other.end and other.start < self.end


def apply_fixes(text: str, fixes: Iterable[tuple[int, int, str]]) -> str:
    """Apply ``(start, end, replacement)`` edits to ``text``.

    Edits that overlap an earlier-applied one are skipped, so the result is always
    well-formed whatever the input.
    """
    out: list[str] = []
    pos = 0
    for start, end, replacement in sorted(fixes, key=lambda f: (f[0], f[1])):
        if start < pos or end < start or end > len(text):
            continue
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def edits_between(old: str, new: str) -> list[tuple[int, int, str]]:
    """The ``(start, end, replacement)`` edits that turn ``old`` into ``new``, word by word
    (so a corrected word is one edit, as a copy editor would mark it).

    ``apply_fixes(old, edits_between(old, new)) == new`` always holds.
    """
    a = [m.group() for m in _TOKENS.finditer(old)]
    b = [m.group() for m in _TOKENS.finditer(new)]
    starts = [0]
    for token in a:
        starts.append(starts[-1] + len(token))
    edits = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            edits.append((starts[i1], starts[i2], "".join(b[j1:j2])))
    return edits
