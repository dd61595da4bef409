"""Printing the draft as a proof: its text with every finding marked, then the list of them.

The marks are the editor's (``ui.editor.finding_format``: a line style per severity, a
colour per category), so a black-and-white printout still tells errors from notes; each
mark is numbered, and the numbers lead to the list of findings after the draft.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from proofer.findings import Severity
from ui.editor import Marked, finding_format
from ui.palette import SEVERITY_SYMBOLS, colour, counted


def proof_document(title: str, text: str, marked: list[Marked], font: QFont) -> QTextDocument:
    """A document for printing: ``title`` and the counts, the draft with each finding
    marked and numbered, and the findings listed by number and line. ``marked`` positions
    are Qt positions into ``text``."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    cursor = QTextCursor(doc)
    heading = QTextCharFormat()
    heading.setFontWeight(QFont.Weight.Bold)
    heading.setFontPointSize(font.pointSizeF() * 1.3)
    cursor.insertText(title, heading)
    cursor.insertBlock()
    ordered = sorted(marked, key=lambda m: (m.start, m.end))
    counts = [
        f"{SEVERITY_SYMBOLS[s]} {counted(sum(m.finding.severity is s for m in ordered), s)}"
        for s in Severity
    ]
    cursor.insertText("Proof · " + " · ".join(counts), QTextCharFormat())
    cursor.insertBlock()
    cursor.insertBlock()
    offset = cursor.position()
    cursor.insertText(text, QTextCharFormat())
    lines = []
    for number, m in enumerate(ordered, 1):
        mark = QTextCursor(doc)
        mark.setPosition(offset + m.start)
        mark.setPosition(offset + m.end, QTextCursor.MoveMode.KeepAnchor)
        mark.mergeCharFormat(finding_format(m.finding))
        line = doc.findBlock(offset + m.start).blockNumber() - 2  # after the title's three
        symbol = SEVERITY_SYMBOLS[m.finding.severity]
        lines.append(f"{number}. {symbol} line {line}: “{m.text}” — {m.finding.message}")
    # Each mark's number after it, as a proofreader writes it; from the end, so the
    # positions still to come do not move.
    for number, m in reversed(list(enumerate(ordered, 1))):
        label = QTextCursor(doc)
        label.setPosition(offset + m.end)
        label.insertText(str(number), _superscript(m))
    if lines:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock()
        cursor.insertBlock()
        cursor.insertText(f"Findings ({len(lines)})", heading)
        for entry in lines:
            cursor.insertBlock()
            cursor.insertText(entry, QTextCharFormat())
    return doc


def _superscript(m: Marked) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setForeground(colour(m.finding.category))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def print_proof(printer: QPrinter, doc: QTextDocument) -> None:
    """Print (or preview, or write as PDF) the proof document on ``printer``."""
    doc.print_(printer)
