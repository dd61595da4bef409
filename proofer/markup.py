"""Text that is not prose: URLs everywhere, and in Markdown code and front matter.

Checkers skip it: a quotation mark in a code span or a "misspelling" in a URL is not the
copy desk's business. Offsets stay offsets into the file's own text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from proofer.document import Document
from proofer.words import URL

_MD_CODE = re.compile(
    r"^(?P<fence>```|~~~).*?^(?P=fence)[^\n]*$|`[^`\n]+`|^(?: {4}|\t)\S.*$",
    re.DOTALL | re.MULTILINE,
)
_FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n(?:---|\.\.\.)\r?\n", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")


def masked_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of ``doc.text`` that checkers leave alone."""
    return list(_masked(doc.text, doc.markdown))


@lru_cache(maxsize=2)  # the draft as read and as normalised
def _masked(text: str, markdown: bool) -> tuple[tuple[int, int], ...]:
    # Remembered: one check asks for the same draft's spans three times (the quote
    # checkers and the final merge), and searching a draft for addresses is slow.
    spans = [m.span() for m in URL.finditer(text)]
    if markdown:
        spans += [m.span() for m in _MD_CODE.finditer(text)]
        spans += [m.span() for m in _FRONT_MATTER.finditer(text)]
        spans += [(m.start() + 1, m.end()) for m in _LINK_TARGET.finditer(text)]
    return tuple(sorted(spans))


def inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``[start, end)`` overlaps any of ``spans``."""
    return any(s < max(end, start + 1) and start < e for s, e in spans)
