"""Word drafts: read the text with a map back to runs, write corrections as revisions.

The text of a .docx is its paragraphs (body, tables and footnotes, in document order), one
per line. Every character keeps a pointer to the run it came from, so a finding can be
reported at the right place and a fix written back into the right run: as a tracked
change (``w:del`` and ``w:ins`` by "Proofer", dated) or as a plain edit. Everything else in
the file (styles, bold and italic runs, comments, headers) is left as it was.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from proofer.document import Document
from proofer.formats.text import DraftError, write_atomically

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
AUTHOR = "Proofer"


def w(tag: str) -> str:
    """A WordprocessingML tag in Clark notation."""
    return f"{{{W}}}{tag}"


@dataclass
class Piece:
    """One run's text (a ``w:t``, ``w:tab`` or ``w:br``) and where it sits in the draft."""

    start: int
    text: str
    element: Any  # the w:t / w:tab / w:br element
    run: Any  # its w:r

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class WordParagraph:
    """A ``w:p`` and the pieces of text in it."""

    element: Any
    start: int
    end: int
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class WordDraft:
    """An open .docx: the python-docx document, its text and the map back to runs."""

    path: Path
    package: Any  # docx.document.Document
    paragraphs: list[WordParagraph]
    text: str
    footnotes: tuple[Any, Any] | None = None  # (part, parsed root) when the file has them

    def document(self) -> Document:
        """The engine's view of the draft: one paragraph per line."""
        spans = [(p.start, p.end) for p in self.paragraphs]
        return Document(self.text, str(self.path), "docx", paragraph_spans=spans)


def read_docx(path: Path) -> WordDraft:
    """Open a .docx. Raises ``DraftError`` for a damaged, encrypted or non-Word file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        head = path.read_bytes()[:8]
    except FileNotFoundError:
        raise DraftError(f"{path}: no such file") from None
    except OSError as exc:
        raise DraftError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    if head.startswith(_OLE_MAGIC):
        raise DraftError(
            f"{path}: a password-protected Word file, or an old .doc renamed; "
            "open it in Word, remove the password or save as .docx, and try again"
        )
    if not head.startswith(b"PK"):
        raise DraftError(f"{path}: not a Word document (a .docx is a zip package)")
    try:
        package = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError):
        raise DraftError(f"{path}: a damaged Word document; it cannot be read") from None
    footnotes = _footnotes(package)
    bodies = [package.element.body]
    if footnotes:
        bodies.append(footnotes[1])
    paragraphs: list[WordParagraph] = []
    chunks: list[str] = []
    offset = 0
    for body in bodies:
        for p in _paragraph_elements(body):
            para = WordParagraph(p, offset, offset)
            for run, child, text in _run_texts(p):
                para.pieces.append(Piece(offset, text, child, run))
                chunks.append(text)
                offset += len(text)
            para.end = offset
            paragraphs.append(para)
            chunks.append("\n")
            offset += 1
    return WordDraft(path, package, paragraphs, "".join(chunks), footnotes)


def _footnotes(package: Any) -> tuple[Any, Any] | None:
    from lxml import etree

    for part in package.part.package.iter_parts():
        if str(part.partname) == "/word/footnotes.xml":
            return part, etree.fromstring(part.blob)
    return None


def _paragraph_elements(body: Any) -> Iterator[Any]:
    separators = ("separator", "continuationSeparator")
    for p in body.iter(w("p")):
        parent = p.getparent()
        if (
            parent is not None
            and parent.tag == w("footnote")
            and parent.get(w("type")) in separators
        ):
            continue
        yield p


def _run_texts(p: Any) -> Iterator[tuple[Any, Any, str]]:
    """(run, child, text) for the visible text of a paragraph, deleted text left out."""
    for run in p.iter(w("r")):
        if any(a.tag == w("del") for a in run.iterancestors()):
            continue
        for child in run:
            if child.tag == w("t") and child.text:
                yield run, child, child.text
            elif child.tag == w("tab"):
                yield run, child, "\t"
            elif child.tag in (w("br"), w("cr")):
                yield run, child, "\n"


def apply_fixes(
    draft: WordDraft,
    fixes: Iterable[tuple[int, int, str]],
    tracked: bool = True,
    author: str = AUTHOR,
    when: datetime | None = None,
) -> int:
    """Write ``(start, end, replacement)`` edits into the document's runs.

    With ``tracked`` each edit becomes a Word revision; otherwise the text is replaced.
    Edits that cross a paragraph boundary or overlap an earlier one are skipped. Returns
    how many were applied.
    """
    stamp = (when or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    ids = iter(range(_max_revision_id(draft) + 1, 10**9))
    applied = 0
    done_until = -1
    for start, end, replacement in sorted(fixes):
        if start < done_until:
            continue
        para = next((p for p in draft.paragraphs if p.start <= start and end <= p.end), None)
        if para is None:
            continue
        runs = _isolate(para, start, end)
        if runs is None:
            continue
        if tracked:
            _track(runs, para, start, replacement, author, stamp, ids)
        else:
            _replace(runs, para, start, replacement)
        applied += 1
        done_until = end
    if draft.footnotes:
        part, root = draft.footnotes
        from lxml import etree

        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return applied


def to_bytes(draft: WordDraft) -> bytes:
    """The (changed) document as the bytes of a .docx file."""
    buffer = io.BytesIO()
    draft.package.save(buffer)
    return buffer.getvalue()


def save(draft: WordDraft, out: Path) -> None:
    """Save the (changed) document to ``out``, atomically (a link stays a link)."""
    write_atomically(out, to_bytes(draft))


def _max_revision_id(draft: WordDraft) -> int:
    roots = [draft.package.element] + ([draft.footnotes[1]] if draft.footnotes else [])
    ids = [0]
    for root in roots:
        for el in root.iter(w("ins"), w("del")):
            value = el.get(w("id"), "0")
            ids.append(int(value) if value.isdigit() else 0)
    return max(ids)


def _isolate(para: WordParagraph, start: int, end: int) -> list[Any] | None:
    """Split runs so that ``[start, end)`` is covered by whole runs; return those runs.

    For an insertion (``start == end``) returns ``[]`` after splitting at ``start``.
    """
    _one_piece_per_run(para)
    _split_at(para, start)
    _split_at(para, end)
    pieces = [pc for pc in para.pieces if start <= pc.start and pc.end <= end and pc.text]
    runs: list[Any] = []
    for pc in pieces:
        if pc.run not in runs:
            runs.append(pc.run)
    if any(len(list(_content(r))) > 1 for r in runs):
        return None  # a run that mixes covered and uncovered text: not safe to change
    return runs


def _one_piece_per_run(para: WordParagraph) -> None:
    """Give every piece of text a run of its own (same formatting, same order), so that any
    range of text is a range of whole runs once its two ends are split."""
    done: set[int] = set()
    for pc in list(para.pieces):
        if id(pc.run) in done:
            continue
        done.add(id(pc.run))
        group = [p for p in para.pieces if p.run is pc.run]
        current = pc.run
        for k, piece in enumerate(group[1:], 1):
            siblings = list(current)
            new_run = _empty_run_like(current)
            for child in siblings[siblings.index(piece.element) :]:
                new_run.append(child)  # moves it, with whatever followed it
            current.addnext(new_run)
            for later in group[k:]:
                later.run = new_run
            done.add(id(new_run))
            current = new_run


def _empty_run_like(run: Any) -> Any:
    new_run = copy.deepcopy(run)
    for child in list(new_run):
        if child.tag != w("rPr"):
            new_run.remove(child)
    return new_run


def _content(run: Any) -> Iterator[Any]:
    return (c for c in run if c.tag in (w("t"), w("tab"), w("br"), w("cr")))


def _split_at(para: WordParagraph, offset: int) -> None:
    """Make ``offset`` fall on a run boundary, cloning the run (and its formatting)."""
    for i, pc in enumerate(para.pieces):
        if pc.start < offset < pc.end and pc.element.tag == w("t"):
            cut = offset - pc.start
            left, right = pc.text[:cut], pc.text[cut:]
            new_run = _empty_run_like(pc.run)
            new_t = copy.deepcopy(pc.element)
            _set_text(new_t, right)
            new_run.append(new_t)
            # Move whatever followed this text in the run into the new run too.
            siblings = list(pc.run)
            for child in siblings[siblings.index(pc.element) + 1 :]:
                new_run.append(child)
            _set_text(pc.element, left)
            pc.run.addnext(new_run)
            pc.text = left
            moved = [p for p in para.pieces[i + 1 :] if p.run is pc.run]
            for p in moved:
                p.run = new_run
            para.pieces.insert(i + 1, Piece(offset, right, new_t, new_run))
            return
        if pc.start < offset < pc.end:
            return  # inside a tab or break: nothing to split


def _set_text(t: Any, text: str) -> None:
    t.text = text
    if text != text.strip() or "  " in text:
        t.set(XML_SPACE, "preserve")


def _new_run_like(model: Any | None, text: str) -> Any:
    from lxml import etree

    run = etree.Element(w("r"))
    if model is not None:
        rpr = model.find(w("rPr"))
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
    t = etree.SubElement(run, w("t"))
    _set_text(t, text)
    return run


def _insertion_point(para: WordParagraph, start: int) -> tuple[Any, str, Any | None]:
    """Where new text goes: (element, "before"/"after", a run whose formatting it takes)."""
    after = [pc for pc in para.pieces if pc.start >= start and pc.text]
    if after:
        return after[0].run, "before", after[0].run
    before = [pc for pc in para.pieces if pc.end <= start and pc.text]
    if before:
        return before[-1].run, "after", before[-1].run
    return para.element, "append", None


def _track(
    runs: list[Any], para: WordParagraph, start: int, replacement: str, author: str,
    stamp: str, ids: Iterator[int],
) -> None:  # fmt: skip
    from lxml import etree

    model = runs[0] if runs else None
    anchor: Any
    if runs:
        deletion = etree.Element(w("del"))
        deletion.set(w("id"), str(next(ids)))
        deletion.set(w("author"), author)
        deletion.set(w("date"), stamp)
        runs[0].addprevious(deletion)
        for run in runs:
            deletion.append(run)  # moves it
            for t in run.iter(w("t")):
                t.tag = w("delText")
        anchor, where = deletion, "after"
    else:
        anchor, where, model = _insertion_point(para, start)
    if not replacement:
        return
    insertion = etree.Element(w("ins"))
    insertion.set(w("id"), str(next(ids)))
    insertion.set(w("author"), author)
    insertion.set(w("date"), stamp)
    insertion.append(_new_run_like(model, replacement))
    _place(anchor, where, insertion)


def _replace(runs: list[Any], para: WordParagraph, start: int, replacement: str) -> None:
    if runs:
        first = runs[0]
        for run in runs[1:]:
            run.getparent().remove(run)
        if replacement:
            first.addnext(_new_run_like(first, replacement))
        first.getparent().remove(first)
        return
    anchor, where, model = _insertion_point(para, start)
    if replacement:
        _place(anchor, where, _new_run_like(model, replacement))


def _place(anchor: Any, where: str, element: Any) -> None:
    if where == "before":
        anchor.addprevious(element)
    elif where == "after":
        anchor.addnext(element)
    else:
        anchor.append(element)


def revisions(path: Path) -> list[tuple[str, str, str]]:
    """(kind, author, text) for each ``w:ins`` and ``w:del`` in the body, in order."""
    draft = read_docx(path)
    out = []
    for el in draft.package.element.body.iter(w("ins"), w("del")):
        text = "".join(t.text or "" for t in el.iter(w("t"), w("delText")))
        out.append((el.tag.split("}")[1], el.get(w("author"), ""), text))
    return out
