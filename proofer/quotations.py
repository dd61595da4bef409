"""Direct quotations: where the speaker's words are, and what a copy editor leaves alone there.

The spans come from the quotation-mark pairing in ``proofer.quotemarks`` (running quotations
and apostrophes included), not from a second parser. Inside a quotation the grammar and the
style are the speaker's (``“We was never told,” she said``): findings of those categories are
kept as notes, at ``info``. Spelling, names and the marks themselves are still checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from proofer.document import Document
from proofer.findings import Category, Finding, Severity
from proofer.quotemarks import Role, scan_document
from proofer.spans import Spans

# What the speaker owns: how they put things, not how the paper spells them.
SPEAKERS_CATEGORIES = frozenset({Category.GRAMMAR, Category.STYLE})


class Quotations:
    """The draft's quoted spans, each from just inside its opening mark to its closing mark."""

    def __init__(self, doc: Document) -> None:
        result = scan_document(doc)
        spans = [(o.pos + 1, c.pos) for o, c in result.pairs]
        paired = {o.pos for o, _ in result.pairs}
        for mark in result.marks:
            if mark.role is Role.OPEN and mark.pos not in paired:
                # A quotation that runs on (or is never closed) is quoted to its paragraph end.
                paragraph = doc.paragraph_at(mark.pos)
                if paragraph is not None:
                    spans.append((mark.pos + 1, paragraph.end))
        self.spans = Spans(spans)

    def contains(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies wholly inside one quotation (nested ones too)."""
        return self.spans.covers(start, end)


def spare_the_speaker(doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """Grammar and style findings inside a direct quotation, put at ``info`` as notes."""
    found = list(findings)
    if not any(f.category in SPEAKERS_CATEGORIES for f in found):
        return found
    quotes = Quotations(doc)
    out = []
    for f in found:
        if f.category in SPEAKERS_CATEGORIES and quotes.contains(f.start, f.end):
            f = replace(
                f,
                severity=Severity.INFO,
                message=f"{f.message} (In a quotation: the speaker's words, left as said.)",
            )
        out.append(f)
    return out
