"""Printing the draft as a proof: its text with every finding marked, then the list of them.

The marks are the editor's (``ui.editor.finding_format``: a line style per severity, a
colour per category), so a black-and-white printout still tells errors from notes; each
mark is numbered in the margin list after the draft.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from proofer.palette import SEVERITY_SYMBOLS
from ui.editor import Marked, finding_format


def proof_document(title: str, text: str, marked: list[Marked], font: QFont) -> QTextDocument:
    """A document for printing: ``title``, the draft with the findings marked, and the
    findings listed by line. ``marked`` positions are Qt positions into ``text``."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    cursor = QTextCursor(doc)
    heading = QTextCharFormat()
    heading.setFontWeight(QFont.Weight.Bold)
    heading.setFontPointSize(font.pointSizeF() * 1.3)
    cursor.insertText(title, heading)
    cursor.insertBlock()
    cursor.insertBlock()
    offset = cursor.position()
    cursor.insertText(text, QTextCharFormat())
    lines = []
    for number, m in enumerate(sorted(marked, key=lambda m: m.start), 1):
        mark = QTextCursor(doc)
        mark.setPosition(offset + m.start)
        mark.setPosition(offset + m.end, QTextCursor.MoveMode.KeepAnchor)
        mark.mergeCharFormat(finding_format(m.finding))
        line = doc.findBlock(offset + m.start).blockNumber() - 1  # after the title's two
        symbol = SEVERITY_SYMBOLS[m.finding.severity]
        lines.append(f"{number}. {symbol} line {line}: “{m.text}” — {m.finding.message}")
    if lines:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock()
        cursor.insertBlock()
        cursor.insertText(f"Findings ({len(lines)})", heading)
        for entry in lines:
            cursor.insertBlock()
            cursor.insertText(entry, QTextCharFormat())
    return doc


def print_proof(printer: QPrinter, doc: QTextDocument) -> None:
    """Print (or preview, or write as PDF) the proof document on ``printer``."""
    doc.print_(printer)
