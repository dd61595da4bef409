"""Text that is not prose: URLs everywhere, and in Markdown code and front matter.

Checkers skip it: a quotation mark in a code span or a "misspelling" in a URL is not the
copy desk's business. Offsets stay offsets into the file's own text.
"""

from __future__ import annotations

import functools
import re

from proofer.document import Document
from proofer.spans import Spans
from proofer.words import URL

_MD_CODE = re.compile(
    r"^(?P<fence>```|~~~).*?^(?P=fence)[^\n]*$|`[^`\n]+`|^(?: {4}|\t)\S.*$",
    re.DOTALL | re.MULTILINE,
)
_FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n(?:---|\.\.\.)\r?\n", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")


def masked_spans(doc: Document) -> Spans:
    """Spans of ``doc.text`` that checkers leave alone."""
    return _masked(doc.text, doc.markdown)


# Several checkers ask about the same draft in one check; finding URLs is not free.
@functools.lru_cache(maxsize=8)
def _masked(text: str, markdown: bool) -> Spans:
    spans = [m.span() for m in URL.finditer(text)]
    if markdown:
        spans += [m.span() for m in _MD_CODE.finditer(text)]
        spans += [m.span() for m in _FRONT_MATTER.finditer(text)]
        spans += [(m.start() + 1, m.end()) for m in _LINK_TARGET.finditer(text)]
    return Spans(spans)
