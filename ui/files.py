"""Drafts on disk: open and save without losing a byte, and recover after a crash.

Qt's editor works in "\n"; a draft's own line endings and encoding are remembered and put
back on save. Saves are atomic (the engine's ``write_draft``). While a draft has unsaved
changes, a copy is kept in a recovery folder; it is offered the next time the draft opens.

A Word draft shows its paragraphs one per line. On save, the differences between the text
as opened and as edited become the corrections, written into a copy of the .docx as
tracked changes (or plain edits); the original file is only replaced when asked.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from proofer.findings import edits_between
from proofer.formats import DraftError, write_draft
from proofer.formats.docx import apply_fixes, read_docx
from proofer.formats.docx import save as save_docx
from proofer.formats.text import read_text_draft


@dataclass
class DraftFile:
    """Where a draft lives and how it was written."""

    path: Path | None = None
    encoding: str = "utf-8"
    newline: str = "\n"
    mtime: float = 0.0
    original: str = ""  # a Word draft's text as opened: edits are measured against it

    @property
    def word(self) -> bool:
        """A .docx draft: saved as revisions into a copy of the file."""
        return self.encoding == "docx"

    @property
    def name(self) -> str:
        return self.path.name if self.path else "Untitled"

    @property
    def markdown(self) -> bool:
        return bool(self.path) and self.path.suffix.lower() in {".md", ".markdown"}  # type: ignore[union-attr]

    def changed_on_disk(self) -> bool:
        """True when the file was modified by someone else since it was opened or saved."""
        if self.path is None or not self.path.exists():
            return False
        return abs(self.path.stat().st_mtime - self.mtime) > 1e-6


def open_draft(path: Path) -> tuple[str, DraftFile]:
    """The draft's text with "\n" line ends, and how to write it back. Raises DraftError."""
    if path.suffix.lower() == ".docx":
        text = read_docx(path).text
        return text, DraftFile(path, "docx", "\n", path.stat().st_mtime, text)
    if path.is_file() and path.stat().st_size == 0:
        return "", DraftFile(path, "utf-8", "\n", path.stat().st_mtime)  # a new, empty draft
    doc = read_text_draft(path)
    newline = "\r\n" if "\r\n" in doc.text else "\n"
    text = doc.text.replace("\r\n", "\n")
    return text, DraftFile(path, doc.encoding, newline, path.stat().st_mtime)


def save_draft(
    text: str, draft: DraftFile, path: Path | None = None, tracked: bool = True
) -> DraftFile:
    """Write ``text`` atomically in the draft's encoding and line endings. Raises DraftError."""
    target = path or draft.path
    assert target is not None
    if draft.word:
        return _save_word(text, draft, target, tracked)
    write_draft(target, text.replace("\n", draft.newline), draft.encoding)
    return DraftFile(target, draft.encoding, draft.newline, target.stat().st_mtime)


def _save_word(text: str, draft: DraftFile, target: Path, tracked: bool) -> DraftFile:
    """The edits since opening, as revisions in a copy of the original .docx."""
    assert draft.path is not None
    if text.count("\n") != draft.original.count("\n"):
        raise DraftError(
            "paragraphs were added or removed; a Word draft takes corrections within its "
            "paragraphs only (save as .txt to keep the new text)"
        )
    word = read_docx(draft.path)
    apply_fixes(word, edits_between(draft.original, text), tracked=tracked)
    save_docx(word, target)
    opened = read_docx(target).text
    return DraftFile(target, "docx", "\n", target.stat().st_mtime, opened)


class RecoveryStore:
    """Autosaved copies of unsaved drafts, one per draft path (or "untitled")."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _stem(self, path: Path | None) -> Path:
        key = str(path.resolve()) if path else "untitled"
        return self.folder / hashlib.sha1(key.encode()).hexdigest()[:16]

    def save(self, path: Path | None, text: str) -> None:
        """Keep a copy of unsaved text."""
        self.folder.mkdir(parents=True, exist_ok=True)
        stem = self._stem(path)
        meta = {"path": str(path) if path else None, "saved": time.time()}
        write_draft(stem.with_suffix(".txt"), text, "utf-8")
        write_draft(stem.with_suffix(".json"), json.dumps(meta), "utf-8")

    def load(self, path: Path | None) -> tuple[str, float] | None:
        """The recovered text and when it was kept, if there is a copy."""
        stem = self._stem(path)
        try:
            text = stem.with_suffix(".txt").read_text(encoding="utf-8")
            meta = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return text, float(meta.get("saved", 0.0))

    def discard(self, path: Path | None) -> None:
        """Forget the copy (after a save, or a clean close)."""
        stem = self._stem(path)
        for suffix in (".txt", ".json"):
            stem.with_suffix(suffix).unlink(missing_ok=True)
