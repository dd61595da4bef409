"""Reading and writing drafts. Every reader returns a ``Document``; nothing is lost on write."""

from pathlib import Path

from proofer.document import Document
from proofer.formats.text import DraftError, read_text_draft, write_draft

__all__ = ["READ_ONLY", "WRITES", "DraftError", "read_draft", "writable", "write_draft"]

READ_ONLY = {".odt": "OpenDocument (.odt)"}
WRITES = "plain text, Markdown and Word (.docx)"


def writable(path: Path) -> bool:
    """True when drafts of this kind can be written back (every kind but ``READ_ONLY``)."""
    return path.suffix.lower() not in READ_ONLY


def read_draft(path: Path) -> Document:
    """Read a draft of any supported kind (.txt, .md, .docx, .odt), by its file name."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from proofer.formats.docx import read_docx

        return read_docx(path).document()
    if suffix == ".odt":
        from proofer.formats.odt import read_odt

        return read_odt(path)
    return read_text_draft(path)
