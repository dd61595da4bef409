"""Reading and writing drafts. Every reader returns a ``Document``; nothing is lost on write."""

import os
from enum import Enum
from pathlib import Path

from proofer.document import Document
from proofer.formats.text import MARKDOWN_SUFFIXES, DraftError, read_text_draft, write_draft

__all__ = [
    "READS",
    "READ_ONLY",
    "WRITES",
    "DraftError",
    "Kind",
    "drafts_in",
    "kind_of",
    "read_draft",
    "writable",
    "write_draft",
]


class Kind(Enum):
    """The kinds of draft read here; a file's kind is told by its name's ending."""

    TEXT = "text"
    MARKDOWN = "markdown"
    WORD = "word"
    OPENDOCUMENT = "opendocument"


_KINDS = {
    ".docx": Kind.WORD,
    ".odt": Kind.OPENDOCUMENT,
    **{suffix: Kind.MARKDOWN for suffix in MARKDOWN_SUFFIXES},
}
# The endings a file dialog offers (any other name is read as plain text).
READS = (".txt", *sorted(MARKDOWN_SUFFIXES), ".docx", ".odt")
READ_ONLY = {".odt": "OpenDocument (.odt)"}
WRITES = "plain text, Markdown and Word (.docx)"


def kind_of(path: Path) -> Kind:
    """The kind of draft ``path`` holds, by its name (plain text for unknown endings)."""
    return _KINDS.get(path.suffix.lower(), Kind.TEXT)


def writable(path: Path) -> bool:
    """True when drafts of this kind can be written back (every kind but ``READ_ONLY``)."""
    return path.suffix.lower() not in READ_ONLY


def drafts_in(folder: Path) -> list[Path]:
    """The drafts under ``folder`` (every kind in ``READS``, in its subfolders too), in a
    stable order. Hidden files and folders (``.git``, an editor's backups, a half-written save)
    and Word's lock files (``~$story.docx``) are not drafts and are left out."""
    found = []
    for top, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith((".", "~$"))]
        found += [
            Path(top, name)
            for name in files
            if not name.startswith((".", "~$")) and Path(name).suffix.lower() in READS
        ]
    return sorted(found)


def read_draft(path: Path) -> Document:
    """Read a draft of any supported kind (.txt, .md, .docx, .odt), by its file name."""
    kind = kind_of(path)
    if kind is Kind.WORD:
        from proofer.formats.docx import read_docx

        return read_docx(path).document()
    if kind is Kind.OPENDOCUMENT:
        from proofer.formats.odt import read_odt

        return read_odt(path)
    return read_text_draft(path)
