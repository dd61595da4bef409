"""Word drafts: read the text with a map back to runs, write corrections as revisions.

The text of a .docx is its paragraphs, one per line: the body's (tables too, in document
order), then those of the parts Word keeps beside it, which are checked as well: headers,
footers, footnotes, endnotes, comments (``Part``). Every character keeps a pointer to the
run it came from, so a finding can be reported at the right place and a fix written back
into the right run of the right part: as a tracked change (``w:del`` and ``w:ins`` by
"Proofer", dated) or as a plain edit. ``rewrite`` takes a whole edited text (the editor's
save): body paragraphs added or removed become inserted or deleted paragraphs, tracked
too; the other parts keep their paragraphs. Everything else in the file (styles, bold and
italic runs, pictures) is left as it was.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from proofer.document import Document, Part
from proofer.findings import edits_between
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
        """Where the piece's text ends in the paragraph (code points)."""
        return self.start + len(self.text)


@dataclass
class WordParagraph:
    """A ``w:p`` and the pieces of text in it."""

    element: Any
    start: int
    end: int
    pieces: list[Piece] = field(default_factory=list)
    part: Part = Part.BODY


@dataclass
class WordPart:
    """A part of the file with text of its own (a header, the footnotes...): the package's
    part and its parsed XML, edited in place and stored back on save."""

    kind: Part
    part: Any  # docx.opc.part.Part
    root: Any

    def store(self) -> None:
        """Put the edited XML back where saving reads it. python-docx serialises the parts
        it models (headers, comments) from their XML; others it keeps as bytes."""
        if getattr(self.part, "element", None) is not self.root:
            from lxml import etree

            xml = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
            self.part._blob = xml


@dataclass
class WordDraft:
    """An open .docx: the python-docx document, its text and the map back to runs."""

    path: Path
    package: Any  # docx.document.Document
    paragraphs: list[WordParagraph]
    text: str
    parts: list[WordPart] = field(default_factory=list)  # beside the body, in reading order

    def document(self) -> Document:
        """The engine's view of the draft: one paragraph per line."""
        spans = [(p.start, p.end) for p in self.paragraphs]
        return Document(
            self.text, str(self.path), "docx", paragraph_spans=spans, parts=self.part_lines()
        )

    def part_lines(self) -> tuple[tuple[Part, int], ...]:
        """Each kind of part after the body, with how many lines of the text it has."""
        counts: dict[Part, int] = {}
        for para in self.paragraphs:
            if para.part is not Part.BODY:
                lines = 1 + sum(pc.text == "\n" for pc in para.pieces)
                counts[para.part] = counts.get(para.part, 0) + lines
        return tuple(counts.items())


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
    try:
        parts = _parts(package)
    except etree.LxmlError:
        raise DraftError(f"{path}: a damaged Word document; it cannot be read") from None
    return _mapped(path, package, parts)


def remapped(draft: WordDraft) -> WordDraft:
    """``draft`` read again from its changed document: the text as it now reads (every
    revision accepted), with a fresh map back to the runs."""
    return _mapped(draft.path, draft.package, draft.parts)


def _mapped(path: Path, package: Any, parts: list[WordPart]) -> WordDraft:
    """The text of ``package`` (body, then the parts beside it) and the map back to runs."""
    bodies = [(Part.BODY, package.element.body)] + [(p.kind, p.root) for p in parts]
    paragraphs: list[WordParagraph] = []
    chunks: list[str] = []
    offset = 0
    for kind, body in bodies:
        for p in _paragraph_elements(body):
            texts = list(_run_texts(p))
            if not texts and (_mark_deleted(p) or kind is not Part.BODY):
                # Deleted as a tracked change (gone once accepted), or an empty paragraph
                # of a header or note: nothing to check, nothing to show.
                continue
            para = WordParagraph(p, offset, offset, part=kind)
            for run, child, text in texts:
                para.pieces.append(Piece(offset, text, child, run))
                chunks.append(text)
                offset += len(text)
            para.end = offset
            paragraphs.append(para)
            chunks.append("\n")
            offset += 1
    return WordDraft(path, package, paragraphs, "".join(chunks), parts)


_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# The parts whose text is the draft's too, by how the body refers to them, in reading order.
_TEXT_PARTS = {
    Part.HEADER: "header",
    Part.FOOTER: "footer",
    Part.FOOTNOTE: "footnotes",
    Part.ENDNOTE: "endnotes",
    Part.COMMENT: "comments",
}


def _parts(package: Any) -> list[WordPart]:
    """The parts with text beside the body, in ``_TEXT_PARTS`` order (then by name)."""
    from lxml import etree

    found: list[WordPart] = []
    relations = [r for r in package.part.rels.values() if not r.is_external]
    for kind, relation in _TEXT_PARTS.items():
        parts = {r.target_part for r in relations if r.reltype == _RELATIONS + relation}
        for part in sorted(parts, key=lambda p: _natural(str(p.partname))):
            root = getattr(part, "element", None)
            if root is None:
                root = etree.fromstring(part.blob)
            found.append(WordPart(kind, part, root))
    return found


def _natural(name: str) -> tuple[int, str]:
    """``header2`` before ``header10``."""
    digits = "".join(c for c in name if c.isdigit())
    return (int(digits) if digits else 0, name)


def _paragraph_elements(body: Any) -> Iterator[Any]:
    separators = ("separator", "continuationSeparator", "continuationNotice")
    for p in body.iter(w("p")):
        parent = p.getparent()
        if (
            parent is not None
            and parent.tag in (w("footnote"), w("endnote"))
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
    _store_parts(draft)
    return applied


def rewrite(
    draft: WordDraft,
    text: str,
    tracked: bool = True,
    author: str = AUTHOR,
    when: datetime | None = None,
) -> None:
    """Make the document read ``text`` (one paragraph per line, as ``read_docx`` gives it).

    The text's last lines are the other parts' (headers, notes...: ``part_lines``), one for
    one: changes within them go into their part, which keeps its paragraphs. The lines
    before them are matched to the body's paragraphs: changes within a paragraph go in as
    ``apply_fixes`` writes them, a new line becomes a new paragraph (formatted like the one
    before it) and a removed line a removed paragraph; with ``tracked`` those are Word
    revisions too (an inserted or deleted paragraph mark). Raises ``DraftError`` for a line
    added between the line breaks of one paragraph, or a text too short to hold the parts.
    """
    stamp = (when or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    every = _lines(draft)
    lines = [line for line in every if draft.paragraphs[line.paragraph].part is Part.BODY]
    beside = every[len(lines) :]  # the other parts' lines come after the body's
    new = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
    if text == "":
        new = []
    if len(new) < len(beside):
        raise DraftError(
            f"{draft.path}: the headers, footers, notes and comments are missing from the "
            "text; they cannot be written into the Word file"
        )
    fixes: list[tuple[int, int, str]] = []
    for line, line_text in zip(beside, new[len(new) - len(beside) :], strict=True):
        old_text = draft.text[line.start : line.end]
        fixes += [
            (line.start + a, line.start + b, r) for a, b, r in edits_between(old_text, line_text)
        ]
    new = new[: len(new) - len(beside)]
    old = [draft.text[line.start : line.end] for line in lines]
    added: list[tuple[Any, str, list[str]]] = []  # (paragraph element, before/after, lines)
    gone: set[int] = set()  # line numbers
    waiting: list[str] = []  # new lines, placed once the next old line is known
    previous = -1
    for i, j in _aligned(old, new):
        if i is None:
            waiting.append(new[j])  # type: ignore[index]
            continue
        if waiting:
            added.append(_insertion_place(draft, lines, previous, i, waiting))
            waiting = []
        if j is None:
            gone.add(i)
        else:
            start = lines[i].start
            fixes += [(start + a, start + b, r) for a, b, r in edits_between(old[i], new[j])]
        previous = i
    if waiting:
        added.append(_insertion_place(draft, lines, previous, len(lines), waiting))
    deleted: list[WordParagraph] = []
    for index, para in enumerate(draft.paragraphs):
        mine = [i for i, line in enumerate(lines) if line.paragraph == index]
        if mine and all(i in gone for i in mine):
            deleted.append(para)
        else:  # a line between breaks of a paragraph that stays: delete it with its break
            for i in (i for i in mine if i in gone):
                line = lines[i]
                first = i == mine[0]
                fixes.append(
                    (line.start, line.end + 1, "") if first else (line.start - 1, line.end, "")
                )
    apply_fixes(draft, fixes, tracked=tracked, author=author, when=when)
    ids = iter(range(_max_revision_id(draft) + 1, 10**9))
    for anchor, where, texts in added:
        for line_text in reversed(texts) if where == "after" else texts:
            paragraph = _new_paragraph(anchor, line_text, tracked, author, stamp, ids)
            _place(anchor, where, paragraph)
    for para in deleted:
        if tracked:
            _track_paragraph_deletion(para.element, author, stamp, ids)
        else:
            _remove_paragraph(para.element)
    _store_parts(draft)


_SIMILAR = 0.5  # lines at least this alike are one paragraph edited, not one replaced
_ALIGN_LIMIT = 2_500  # old x new lines in one changed stretch beyond which none are paired


def _aligned(old: list[str], new: list[str]) -> Iterator[tuple[int | None, int | None]]:
    """Old and new lines in order: (i, j) the same paragraph (perhaps edited), (i, None)
    removed, (None, j) added. In a changed stretch, lines are paired only with a similar
    line, so a paragraph written anew is a deletion and an insertion, not a mangled edit."""
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            yield from zip(range(i1, i2), range(j1, j2), strict=True)
        elif op == "replace" and (i2 - i1) * (j2 - j1) <= _ALIGN_LIMIT:
            yield from _paired(old, new, i1, i2, j1, j2)
        else:
            yield from ((i, None) for i in range(i1, i2))
            yield from ((None, j) for j in range(j1, j2))


def _paired(
    old: list[str], new: list[str], i1: int, i2: int, j1: int, j2: int
) -> list[tuple[int | None, int | None]]:
    """The most alike pairing of old[i1:i2] with new[j1:j2], in order (a weighted LCS)."""
    n, m = i2 - i1, j2 - j1
    like = [[_likeness(old[i1 + a], new[j1 + b]) for b in range(m)] for a in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            pair = best[a + 1][b + 1] + like[a][b] if like[a][b] else -1.0
            best[a][b] = max(pair, best[a + 1][b], best[a][b + 1])
    out: list[tuple[int | None, int | None]] = []
    a = b = 0
    while a < n or b < m:
        if a < n and b < m and like[a][b] and best[a][b] == best[a + 1][b + 1] + like[a][b]:
            out.append((i1 + a, j1 + b))
            a, b = a + 1, b + 1
        elif a < n and (b == m or best[a][b] == best[a + 1][b]):
            out.append((i1 + a, None))
            a += 1
        else:
            out.append((None, j1 + b))
            b += 1
    return out


def _likeness(a: str, b: str) -> float:
    """How alike two lines are (0 when not alike enough to be one paragraph edited)."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < _SIMILAR or matcher.quick_ratio() < _SIMILAR:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= _SIMILAR else 0.0


@dataclass
class _Line:
    """A line of the draft's text: a paragraph, or part of one between line breaks."""

    paragraph: int
    start: int
    end: int


def _lines(draft: WordDraft) -> list[_Line]:
    lines: list[_Line] = []
    for index, para in enumerate(draft.paragraphs):
        start = para.start
        for piece in para.pieces:
            if piece.text == "\n":
                lines.append(_Line(index, start, piece.start))
                start = piece.end
        lines.append(_Line(index, start, para.end))
    return lines


def _insertion_place(
    draft: WordDraft, lines: list[_Line], before: int, after: int, texts: list[str]
) -> tuple[Any, str, list[str]]:
    """Where new lines between old lines ``before`` and ``after`` go, as new paragraphs."""
    if before >= 0 and (
        before + 1 >= len(lines) or lines[before + 1].paragraph != lines[before].paragraph
    ):
        return draft.paragraphs[lines[before].paragraph].element, "after", texts
    if after < len(lines) and (after == 0 or lines[after - 1].paragraph != lines[after].paragraph):
        return draft.paragraphs[lines[after].paragraph].element, "before", texts
    if not lines:
        return _body_end(draft), "before", texts
    raise DraftError(
        f"{draft.path}: new lines inside a paragraph with line breaks cannot be written "
        "into the Word file; save as .txt to keep them"
    )


def _body_end(draft: WordDraft) -> Any:
    """An empty document: new paragraphs go before the section settings at the end."""
    from lxml import etree

    body = draft.package.element.body
    marker = body.find(w("sectPr"))
    if marker is None:
        marker = etree.SubElement(body, w("sectPr"))
    return marker


def _new_paragraph(
    model: Any, text: str, tracked: bool, author: str, stamp: str, ids: Iterator[int]
) -> Any:
    """A paragraph holding ``text``, with the paragraph and run formatting of ``model``."""
    from lxml import etree

    p = etree.Element(w("p"))
    properties = model.find(w("pPr")) if model.tag == w("p") else None
    if properties is not None:
        properties = copy.deepcopy(properties)
        for child in list(properties):
            if child.tag in (w("sectPr"), w("pPrChange"), w("rPr")):
                properties.remove(child)
        p.append(properties)
    runs = list(model.iter(w("r"))) if model.tag == w("p") else []
    run = _new_run_like(runs[-1] if runs else None, text) if text else None
    if tracked:
        _mark_paragraph(p, "ins", author, stamp, ids)
        if run is not None:
            p.append(_revision("ins", author, stamp, ids, [run]))
    elif run is not None:
        p.append(run)
    return p


def _track_paragraph_deletion(p: Any, author: str, stamp: str, ids: Iterator[int]) -> None:
    deletion = None
    for run in list(p.iter(w("r"))):
        if any(a.tag == w("del") for a in run.iterancestors()):
            continue
        for t in run.iter(w("t")):
            t.tag = w("delText")
        if deletion is None or run.getprevious() is not deletion:  # runs side by side: one
            deletion = _revision("del", author, stamp, ids, [])
            run.addprevious(deletion)
        deletion.append(run)
    _mark_paragraph(p, "del", author, stamp, ids)


def _remove_paragraph(p: Any) -> None:
    """Remove a paragraph; one a table cell or a section needs keeps its place, emptied."""
    parent = p.getparent()
    properties = p.find(w("pPr"))
    needed = properties is not None and properties.find(w("sectPr")) is not None
    if needed or (parent.tag == w("tc") and len(parent.findall(w("p"))) == 1):
        for child in list(p):
            if child.tag != w("pPr"):
                p.remove(child)
    else:
        parent.remove(p)


def _revision(kind: str, author: str, stamp: str, ids: Iterator[int], runs: list[Any]) -> Any:
    from lxml import etree

    element = etree.Element(w(kind))
    element.set(w("id"), str(next(ids)))
    element.set(w("author"), author)
    element.set(w("date"), stamp)
    for run in runs:
        element.append(run)
    return element


def _mark_paragraph(p: Any, kind: str, author: str, stamp: str, ids: Iterator[int]) -> None:
    """Record the paragraph mark itself as inserted or deleted (``w:pPr/w:rPr/w:ins``)."""
    from lxml import etree

    properties = p.find(w("pPr"))
    if properties is None:
        properties = etree.Element(w("pPr"))
        p.insert(0, properties)
    marks = properties.find(w("rPr"))
    if marks is None:
        marks = etree.Element(w("rPr"))
        later = [c for c in properties if c.tag in (w("sectPr"), w("pPrChange"))]
        if later:
            later[0].addprevious(marks)
        else:
            properties.append(marks)
    marks.insert(0, _revision(kind, author, stamp, ids, []))


def _mark_deleted(p: Any) -> bool:
    properties = p.find(w("pPr"))
    marks = properties.find(w("rPr")) if properties is not None else None
    return marks is not None and marks.find(w("del")) is not None


def _store_parts(draft: WordDraft) -> None:
    for part in draft.parts:
        part.store()


def write_new_docx(path: Path, text: str) -> None:
    """Write ``text`` as a new Word document, one paragraph per line."""
    import docx

    package = docx.Document()
    for line in text[:-1].split("\n") if text.endswith("\n") else text.split("\n"):
        package.add_paragraph(line)
    buffer = io.BytesIO()
    package.save(buffer)
    write_atomically(path, buffer.getvalue())


def to_bytes(draft: WordDraft) -> bytes:
    """The (changed) document as the bytes of a .docx file."""
    buffer = io.BytesIO()
    draft.package.save(buffer)
    return buffer.getvalue()


def save(draft: WordDraft, out: Path) -> None:
    """Save the (changed) document to ``out``, atomically (a link stays a link)."""
    write_atomically(out, to_bytes(draft))


def _max_revision_id(draft: WordDraft) -> int:
    roots = [draft.package.element] + [part.root for part in draft.parts]
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


def add_comments(
    draft: WordDraft, notes: Iterable[tuple[int, int, str]], author: str = AUTHOR
) -> int:
    """Anchor a Word comment saying ``text`` on each ``(start, end, text)`` span.

    Comments live in the main document, so spans in footnotes, across paragraphs or empty
    are skipped, and so is a note the document already has (the same words by the same
    author on the same text: a draft saved twice is queried once). Returns how many were
    added.
    """
    from lxml import etree

    body = draft.package.element.body
    initials = "".join(word[0] for word in author.split())[:3]
    already = Counter(comments_in(draft.package))
    added = 0
    for start, end, text in sorted(notes):
        para = next((p for p in draft.paragraphs if p.start <= start and end <= p.end), None)
        if para is None or end <= start or body not in para.element.iterancestors():
            continue
        key = (author, draft.text[start:end], text)
        if already[key]:
            already[key] -= 1
            continue
        runs = _isolate(para, start, end)
        if not runs:
            continue
        comment = draft.package.comments.add_comment(text, author=author, initials=initials)
        ident = {w("id"): str(comment.comment_id)}
        runs[0].addprevious(etree.Element(w("commentRangeStart"), ident))
        reference = etree.Element(w("r"))
        etree.SubElement(reference, w("commentReference"), ident)
        runs[-1].addnext(reference)
        runs[-1].addnext(etree.Element(w("commentRangeEnd"), ident))
        added += 1
    return added


def comments_in(package: Any) -> list[tuple[str, str, str]]:
    """(author, the text it is anchored on, the comment's text) for each comment, in order."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        package.part.part_related_by(RELATIONSHIP_TYPE.COMMENTS)
    except KeyError:
        return []  # none; asking python-docx for them would add an empty comments part
    said = {c.comment_id: (c.author, c.text) for c in package.comments}
    anchored: dict[int, str] = {}
    open_ids: list[int] = []
    for el in package.element.body.iter(w("commentRangeStart"), w("commentRangeEnd"),
                                        w("t"), w("delText")):  # fmt: skip
        if el.tag == w("commentRangeStart"):
            open_ids.append(int(el.get(w("id"))))
            anchored[open_ids[-1]] = ""
        elif el.tag == w("commentRangeEnd"):
            open_ids.remove(int(el.get(w("id"))))
        else:
            for ident in open_ids:
                anchored[ident] += el.text or ""
    return [(said[i][0], anchored.get(i, ""), said[i][1]) for i in sorted(said)]
