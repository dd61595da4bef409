"""Drafts on disk: open and save without losing a byte, and recover after a crash.

Qt's editor works in "\n"; a draft's own line endings and encoding are remembered and put
back on save. Saves are atomic (the engine's ``write_draft``). While a draft has unsaved
changes, a copy is kept in a recovery folder; every copy left by a crash is offered when
the editor starts, and a draft's copy again when that draft is opened.

A Word draft shows its paragraphs one per line, spaced as in Word, and after them the
lines of its headers, footers, notes and comments (the engine's ``Part``s). On save, the
differences between the text as opened and as edited become the corrections (new and
removed paragraphs too), written into a copy of the .docx as tracked changes (or plain
edits); with tracked changes, the questions still open become comments on their text. The
original file is only replaced when asked. Any draft can be saved as text, and any as a new
Word file.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from proofer.document import Part
from proofer.findings import Finding
from proofer.formats import (
    READ_ONLY,
    WRITES,
    DraftError,
    Kind,
    kind_of,
    read_draft,
    writable,
    write_draft,
)
from proofer.formats.docx import AUTHOR, WordDraft, read_docx, rewrite, w, write_new_docx
from proofer.formats.docx import save as save_docx
from proofer.review import hand_back_edited
from proofer.rules import Rule


class Look(Enum):
    """How a stretch of a Word draft looks in Word, shown alike in the editor."""

    TITLE = "Title"
    HEADING1 = "Heading1"
    HEADING2 = "Heading2"
    HEADING3 = "Heading3"
    BOLD = "bold"
    ITALIC = "italic"


@dataclass(frozen=True)
class Styled:
    """A stretch of the draft (code points) and its look."""

    start: int
    end: int
    look: Look


@dataclass(frozen=True)
class Gap:
    """The space Word leaves before and after a paragraph (points), and the paragraph's
    stretch of the draft (code points)."""

    start: int
    end: int
    before: float
    after: float


@dataclass
class DraftFile:
    """Where a draft lives and how it was written."""

    path: Path | None = None
    encoding: str = "utf-8"
    newline: str = "\n"
    mtime: float = 0.0
    original: str = ""  # a Word draft's text as opened: edits are measured against it
    looks: tuple[Styled, ...] = ()  # a Word draft's headings, bold and italic
    gaps: tuple[Gap, ...] = ()  # a Word draft's space between paragraphs
    parts: tuple[tuple[Part, int], ...] = ()  # a Word draft's headers, notes...: last lines

    @property
    def word(self) -> bool:
        """A .docx draft: saved as revisions into a copy of the file."""
        return self.encoding == "docx"

    @property
    def name(self) -> str:
        """The file's name, or "Untitled" for a new draft."""
        return self.path.name if self.path else "Untitled"

    @property
    def markdown(self) -> bool:
        """A Markdown draft (by its name, as the engine tells): its markup is not prose."""
        return self.path is not None and kind_of(self.path) is Kind.MARKDOWN

    @property
    def read_only(self) -> bool:
        """A draft of a kind the engine reads but cannot write (it is saved under a new name)."""
        return self.path is not None and not writable(self.path)

    def changed_on_disk(self) -> bool:
        """True when the file was modified by someone else since it was opened or saved."""
        if self.path is None or not self.path.exists():
            return False
        return abs(self.path.stat().st_mtime - self.mtime) > 1e-6


def open_draft(path: Path) -> tuple[str, DraftFile]:
    """The draft's text with "\n" line ends, and how to write it back: any kind the engine
    reads (``read_draft``). Raises DraftError."""
    if kind_of(path) is Kind.WORD:
        return _open_word(path)  # the editor shows Word's looks, and saves edits as revisions
    if writable(path) and path.is_file() and not path.read_bytes().strip():
        # Empty, or only spaces and line ends: a draft not yet written, opened as it is.
        blank = path.read_bytes().decode("ascii")
        newline = "\r\n" if "\r\n" in blank else "\n"
        return blank.replace("\r\n", "\n"), DraftFile(path, "utf-8", newline, path.stat().st_mtime)
    doc = read_draft(path)
    newline = "\r\n" if "\r\n" in doc.text else "\n"
    text = doc.text.replace("\r\n", "\n")
    # A draft that cannot be written back in its own kind is saved as UTF-8 text or Word.
    encoding = doc.encoding if writable(path) else "utf-8"
    return text, DraftFile(path, encoding, newline, path.stat().st_mtime)


def _open_word(path: Path) -> tuple[str, DraftFile]:
    word = read_docx(path)
    looks, gaps, parts = tuple(word_looks(word)), tuple(word_gaps(word)), word.part_lines()
    mtime = path.stat().st_mtime
    return word.text, DraftFile(path, "docx", "\n", mtime, word.text, looks, gaps, parts)


_HEADINGS = {look.value: look for look in (Look.TITLE, Look.HEADING1, Look.HEADING2)}


def word_looks(word: WordDraft) -> list[Styled]:
    """Headings (by paragraph style) and bold and italic runs (direct, or the Strong and
    Emphasis styles) of a Word draft, as stretches of its text."""
    found: list[Styled] = []
    for para in word.paragraphs:
        style = _value(para.element, "pPr", "pStyle")
        if style in _HEADINGS:
            found.append(Styled(para.start, para.end, _HEADINGS[style]))
        elif style is not None and style.startswith("Heading") and para.end > para.start:
            found.append(Styled(para.start, para.end, Look.HEADING3))
        for piece in para.pieces:
            run_style = _value(piece.run, "rPr", "rStyle")
            if _switched_on(piece.run, "b") or run_style == "Strong":
                found.append(Styled(piece.start, piece.end, Look.BOLD))
            if _switched_on(piece.run, "i") or run_style == "Emphasis":
                found.append(Styled(piece.start, piece.end, Look.ITALIC))
    return found


def word_gaps(word: WordDraft) -> list[Gap]:
    """The space before and after each paragraph of a Word draft, as Word lays it out: set
    on the paragraph, else on its style or the styles that style is based on, else the
    document's default."""
    styles = word.package.styles.element
    by_id = {s.get(w("styleId")): s for s in styles.iter(w("style"))}
    default = next(
        (s.get(w("styleId")) for s in by_id.values()
         if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true", "on")),
        None,
    )  # fmt: skip
    fallback = styles.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
    found = []
    for para in word.paragraphs:
        chain = [para.element.find(w("pPr"))]
        style = _value(para.element, "pPr", "pStyle") or default
        while style in by_id and len(chain) < 20:  # a loop of basedOn must end
            chain.append(by_id[style].find(w("pPr")))
            style = _based_on(by_id[style])
        chain.append(fallback)
        before, after = (_spacing(chain, side) for side in ("before", "after"))
        found.append(Gap(para.start, para.end, before, after))
    return found


def _based_on(style: Any) -> str | None:
    based = style.find(w("basedOn"))
    return None if based is None else str(based.get(w("val")))


def _spacing(chain: list[Any], side: str) -> float:
    """Points of space on one side, from the first paragraph properties that set it."""
    for properties in chain:
        spacing = properties.find(w("spacing")) if properties is not None else None
        value = spacing.get(w(side)) if spacing is not None else None
        if value is not None and value.lstrip("-").isdigit():
            return max(0.0, int(value) / 20)  # twentieths of a point
    return 0.0


def _value(element: Any, properties: str, name: str) -> str | None:
    """The ``w:val`` of ``<properties><name w:val=…>`` under ``element``, if there."""
    props = element.find(w(properties))
    found = props.find(w(name)) if props is not None else None
    return None if found is None else str(found.get(w("val")))


def _switched_on(run: Any, toggle: str) -> bool:
    """A run property such as ``<w:b/>`` is on unless its value says off."""
    props = run.find(w("rPr"))
    found = props.find(w(toggle)) if props is not None else None
    return found is not None and found.get(w("val")) not in ("0", "false", "off")


def save_draft(
    text: str,
    draft: DraftFile,
    path: Path | None = None,
    tracked: bool = True,
    author: str = AUTHOR,
    still_open: Sequence[Finding] = (),
    rules: Mapping[str, Rule] | None = None,
) -> DraftFile:
    """Write ``text`` atomically to ``path`` (default: the draft's own file), in the format
    its name asks for. A Word draft saved as Word gets its edits as revisions in a copy of
    the original (``tracked``: and the questions among ``still_open``, the findings left in
    ``text``, as comments); any draft can be saved as text (in its own encoding, or UTF-8
    for a Word draft) or as a new Word file. Raises DraftError."""
    target = path or draft.path
    assert target is not None
    if not writable(target):
        kind = READ_ONLY[target.suffix.lower()]
        raise DraftError(f"{target}: cannot write {kind} drafts; save as {WRITES}")
    as_word = kind_of(target) is Kind.WORD
    if as_word and draft.word:
        return _save_word(text, draft, target, tracked, author, still_open, rules or {})
    if as_word:
        write_new_docx(target, text)
        return DraftFile(target, "docx", "\n", target.stat().st_mtime, read_docx(target).text)
    plain = DraftFile(target) if draft.word else draft
    write_draft(target, text.replace("\n", plain.newline), plain.encoding)
    return DraftFile(target, plain.encoding, plain.newline, target.stat().st_mtime)


def _save_word(
    text: str,
    draft: DraftFile,
    target: Path,
    tracked: bool,
    author: str,
    still_open: Sequence[Finding],
    rules: Mapping[str, Rule],
) -> DraftFile:
    """The edits since opening in a copy of the original: as revisions, with the questions
    left open as comments, or as plain edits."""
    assert draft.path is not None
    word = read_docx(draft.path)
    if word.text != draft.original:
        raise DraftError(f"{draft.path}: changed on disk since it was opened; save as .txt")
    if tracked:
        hand_back_edited(word, text, still_open, rules, author)
    else:
        rewrite(word, text, tracked=False)
    save_docx(word, target)
    return _open_word(target)[1]


@dataclass(frozen=True)
class Recovered:
    """A recovery copy: unsaved text kept for a draft (``path`` None for an Untitled one)."""

    key: str
    path: Path | None
    text: str
    saved: float  # when it was kept (seconds since the epoch)


class RecoveryStore:
    """Autosaved copies of unsaved drafts: one per draft file, one per Untitled draft.

    Each copy records the process that keeps it, so that a second editor running beside
    the first does not offer (or discard) the first one's live copies.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key_for(path: Path | None) -> str:
        """The name of a draft's copy; every Untitled draft gets a name of its own."""
        if path is None:
            return f"untitled-{uuid.uuid4().hex[:12]}"
        return hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]

    def save(self, key: str, path: Path | None, text: str) -> None:
        """Keep a copy of unsaved text."""
        self.folder.mkdir(parents=True, exist_ok=True)
        meta = {"path": str(path) if path else None, "saved": time.time(), "pid": os.getpid()}
        write_draft(self.folder / f"{key}.txt", text, "utf-8")
        write_draft(self.folder / f"{key}.json", json.dumps(meta), "utf-8")

    def load(self, key: str) -> Recovered | None:
        """The copy kept under ``key``, if there is one."""
        try:
            text = (self.folder / f"{key}.txt").read_text(encoding="utf-8")
            meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            path = Path(meta["path"]) if meta.get("path") else None
            return Recovered(key, path, text, float(meta.get("saved", 0.0)))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def copies(self) -> list[Recovered]:
        """Every copy left by an editor that is no longer running, oldest first."""
        found = []
        for meta in sorted(self.folder.glob("*.json")):
            copy = self.load(meta.stem)
            if copy is not None and not _kept_by_another_editor(meta):
                found.append(copy)
        return sorted(found, key=lambda c: c.saved)

    def discard(self, key: str) -> None:
        """Forget the copy (after a save, a discard, or a clean close)."""
        for suffix in (".txt", ".json"):
            (self.folder / f"{key}{suffix}").unlink(missing_ok=True)


def _kept_by_another_editor(meta: Path) -> bool:
    try:
        pid = int(json.loads(meta.read_text(encoding="utf-8")).get("pid", 0))
    except (OSError, ValueError, TypeError, AttributeError):
        return False
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
