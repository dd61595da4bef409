"""Accept or reject every tracked change in a saved .docx, as Word's buttons do, so tests
can read what the reporter gets either way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx

from proofer.formats.docx import w


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
