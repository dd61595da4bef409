"""Read a saved .docx as a reporter would: its tracked changes and comments, and the text
after accepting or rejecting every change (as Word's buttons do)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx

from proofer.formats.docx import comments_in, read_docx, w


def revisions(path: Path) -> list[tuple[str, str, str]]:
    """(kind, author, text) for each ``w:ins`` and ``w:del`` in the body, in order."""
    draft = read_docx(path)
    out = []
    for el in draft.package.element.body.iter(w("ins"), w("del")):
        text = "".join(t.text or "" for t in el.iter(w("t"), w("delText")))
        out.append((el.tag.split("}")[1], el.get(w("author"), ""), text))
    return out


def comments(path: Path) -> list[tuple[str, str, str]]:
    """(author, the text it is anchored on, the comment's text) for each comment, in order."""
    return comments_in(read_docx(path).package)


def accept_all(path: Path, out: Path) -> Any:
    """Every revision accepted: deletions gone, insertions kept. Saved to ``out``; returns
    the python-docx document read back from it."""
    return _settle(path, out, keep="ins", drop="del")


def reject_all(path: Path, out: Path) -> Any:
    """Every revision rejected: insertions gone, deletions restored."""
    return _settle(path, out, keep="del", drop="ins")


def _settle(path: Path, out: Path, keep: str, drop: str) -> Any:
    document = docx.Document(str(path))
    body = document.element.body
    for p in list(body.iter(w("p"))):
        marks = p.find(f"{w('pPr')}/{w('rPr')}")
        if marks is None:
            continue
        for mark in marks.findall(w(keep)):
            marks.remove(mark)  # a paragraph mark that stays
        if marks.find(w(drop)) is not None:  # a whole paragraph that goes
            p.getparent().remove(p)
    for gone in list(body.iter(w(drop))):
        gone.getparent().remove(gone)
    for kept in list(body.iter(w(keep))):
        for t in kept.iter(w("delText")):
            t.tag = w("t")
        for child in list(kept):
            kept.addprevious(child)
        kept.getparent().remove(kept)
    document.save(str(out))
    return docx.Document(str(out))
