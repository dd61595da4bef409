"""The draft editor: a plain-text editor that shows findings as wavy underlines.

Underlines are extra selections: their cursors belong to the document, so they follow
later edits until fresh results replace them. Offsets arrive as code points and are
turned into Qt's UTF-16 positions here, and only here.

A Word draft's headers, footers, notes and comments are its last lines, each kind under
its name. They are saved into their own parts of the file line for line, so their words
can be edited but not their line breaks: an edit that would add, remove or join such a
line is undone at once, and ``refused`` says why.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QFrame, QMenu, QTextEdit, QToolTip, QWidget
from typing_extensions import override

from proofer.document import Part, utf16_offsets
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule
from ui.files import Gap, Look, Styled
from ui.palette import colour


@dataclass
class Marked:
    """A finding shown in the editor, with the cursor that tracks its text."""

    finding: Finding
    cursor: QTextCursor
    checked: str = ""  # its text when it was checked: an edit there settles the finding

    @property
    def start(self) -> int:
        """Where the marked text starts now (it moves with edits)."""
        return self.cursor.selectionStart()

    @property
    def end(self) -> int:
        """Where the marked text ends now."""
        return self.cursor.selectionEnd()

    @property
    def text(self) -> str:
        """The marked text as it stands now."""
        return self.cursor.selectedText()


class DraftEditor(QTextEdit):
    """Plain text with findings underlined, explained on hover, fixed from the menu.

    A ``QTextEdit`` rather than a ``QPlainTextEdit``: only its layout keeps the space
    before and after a paragraph, which a Word draft shows. Its text is plain all the same:
    pasted text comes in without its formatting."""

    ignore_requested = Signal(object)  # Finding
    ignore_all_requested = Signal(object)  # Finding: every such one, in this draft
    ignore_always_requested = Signal(object)  # Finding: every such one, in every draft
    add_to_dictionary_requested = Signal(str)
    add_to_entities_requested = Signal(str)
    refused = Signal(str)  # an edit undone, and why

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setAcceptRichText(False)
        self.setAcceptDrops(False)  # files dropped on the window open; see MainWindow
        self.setFont(body_font())
        self.document().setDocumentMargin(28)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._marked: list[Marked] = []
        self.rules: dict[str, Rule] = {}
        self._parts: tuple[tuple[Part, int], ...] = ()
        self._kept = 0  # the last lines that keep their line breaks (the parts')
        self._boundary = QTextCursor(self.document())  # where those lines start
        self._decorating = False  # a display-only change: not an edit to guard
        self._refusing = False  # an edit is about to be undone
        self.document().contentsChange.connect(self._guard)

    def setPlainText(self, text: str) -> None:
        """Replace the whole text; a Word draft's parts are shown again by ``show_parts``."""
        self._parts, self._kept = (), 0
        super().setPlainText(text)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        # The viewport's resizes arrive here too (with its size): go by the editor's width.
        self._fit_column(self.width())
        super().resizeEvent(event)  # lays the text out in the new width

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def _fit_column(self, width: int) -> None:
        """Keep lines a comfortable length: a column of ``COLUMN`` characters, centred, on a
        wide window (a narrow one uses its whole width)."""
        column = self.fontMetrics().averageCharWidth() * COLUMN
        column += 2 * int(self.document().documentMargin())
        side = max(0, (width - column) // 2)
        if self.viewportMargins().left() != side:  # setting them resizes: only on a change
            self.setViewportMargins(side, 0, side, 0)

    @property
    def marked(self) -> list[Marked]:
        """The findings on display, in text order."""
        return self._marked

    def show_findings(self, findings: list[Finding], text: str) -> None:
        """Underline ``findings``, whose offsets are code points into ``text`` (the current
        text of the editor)."""
        table = None if _bmp_only(text) else utf16_offsets(text)
        doc = self.document()
        length = doc.characterCount() - 1
        marked, selections = [], []
        for f in findings:
            start, end = (f.start, f.end) if table is None else (table[f.start], table[f.end])
            if end <= start or end > length:
                continue
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            marked.append(Marked(f, cursor, cursor.selectedText()))
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = finding_format(f)  # type: ignore[attr-defined]
            selections.append(selection)
        self._marked = marked
        self.setExtraSelections(selections)

    def still_open(self) -> list[Finding]:
        """The findings on display that no edit has touched, at their place in the text as it
        is now (code points): what is left for the reporter to answer."""
        text = self.toPlainText()
        table = None if _bmp_only(text) else utf16_offsets(text)
        out = []
        for m in self._marked:
            if m.end <= m.start or m.text != m.checked:
                continue
            start = m.start if table is None else bisect_left(table, m.start)  # from UTF-16
            out.append(m.finding.shifted(start - m.finding.start))
        return out

    def show_looks(self, looks: Sequence[Styled], text: str) -> None:
        """Show a Word draft's headings, bold and italic (offsets: code points into
        ``text``, the editor's text). Display only: not an edit to undo, not a change."""
        table = None if _bmp_only(text) else utf16_offsets(text)
        with self._display_only():
            cursor = QTextCursor(self.document())
            for styled in looks:
                start, end = styled.start, styled.end
                if table is not None:
                    start, end = table[start], table[end]
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(_look_format(styled.look))

    def visible_span(self) -> tuple[int, int]:
        """The span of the text on screen (Qt positions), from the paragraphs' places. Asked
        block by block, which lays them out first: just after the text is set, the layout is
        not done and ``cursorForPosition`` answers wrongly."""
        layout = self.document().documentLayout()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first: int | None = None
        last = 0
        block = self.document().begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() > bottom:
                break
            if rect.bottom() >= top:
                first = block.position() if first is None else first
                last = block.position() + block.length() - 1
            block = block.next()
        return first or 0, last

    def centerCursor(self) -> None:
        """Scroll so that the cursor is in the middle of the view."""
        self.ensureCursorVisible()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect().center().y() - self.viewport().height() // 2)

    def show_spacing(self, gaps: Sequence[Gap], text: str) -> None:
        """Leave the space Word leaves before and after each paragraph (display only)."""
        table = None if _bmp_only(text) else utf16_offsets(text)
        scale = self.logicalDpiY() / 72  # points to pixels
        with self._display_only():
            cursor = QTextCursor(self.document())
            for gap in gaps:
                for offset, side in ((gap.start, "before"), (gap.end, "after")):
                    cursor.setPosition(offset if table is None else table[offset])
                    fmt = QTextBlockFormat()
                    if side == "before":
                        fmt.setTopMargin(gap.before * scale)
                    else:
                        fmt.setBottomMargin(gap.after * scale)
                    cursor.mergeBlockFormat(fmt)

    def show_parts(self, parts: Sequence[tuple[Part, int]]) -> None:
        """Head the draft's last lines with the parts they are (each part, its line count)
        and keep them lines. Display only: not an edit to undo, not a change."""
        kept = sum(n for _, n in parts)
        doc = self.document()
        first = doc.blockCount() - 1 - kept  # the text ends with a line break
        if not kept or first < 0 or doc.lastBlock().length() != 1:
            return
        self._parts, self._kept = tuple(parts), kept
        self._boundary = QTextCursor(doc.findBlockByNumber(first))
        self._boundary.setKeepPositionOnInsert(True)  # text typed at the start is the part's
        with self._display_only():
            for _, block in self._part_heads():
                fmt = QTextBlockFormat()
                fmt.setTopMargin(max(block.blockFormat().topMargin(), self._head_room()))
                QTextCursor(block).mergeBlockFormat(fmt)

    def _part_heads(self) -> list[tuple[Part, QTextBlock]]:
        """Each part and the block of its first line."""
        heads = []
        number = self._boundary.blockNumber()
        for part, n in self._parts:
            heads.append((part, self.document().findBlockByNumber(number)))
            number += n
        return heads

    def _head_room(self) -> float:
        return self.fontMetrics().height() * 2.2

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._kept:
            return
        painter = QPainter(self.viewport())
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.8)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().placeholderText().color())
        scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        for i, (part, block) in enumerate(self._part_heads()):
            text_top = block.layout().position() - scroll  # below the block's top margin
            where = QPointF(text_top.x(), text_top.y() - painter.fontMetrics().height() * 0.6)
            note = f" · {_KEPT_NOTE}" if i == 0 else ""  # said once, for every part
            painter.drawText(where, part.heading.upper() + note)
        painter.end()

    def _guard(self, position: int, removed: int, added: int) -> None:
        """Undo an edit that adds, removes or joins a line of the parts (see the module)."""
        if self._decorating or self._refusing or not self._kept:
            return
        if not self._parts_hold(position, added):
            self._refusing = True  # one undo, however many changes the edit was made of
            QTimer.singleShot(0, self._refuse)  # not inside the edit that is under way

    def _parts_hold(self, position: int, added: int) -> bool:
        doc = self.document()
        start = self._boundary.position()
        if not self._boundary.atBlockStart() or doc.lastBlock().length() != 1:
            return False
        if doc.blockCount() - 1 - self._boundary.blockNumber() != self._kept:
            return False
        if position + added <= start:
            return True
        cursor = QTextCursor(doc)
        cursor.setPosition(max(position, start))
        cursor.setPosition(position + added, QTextCursor.MoveMode.KeepAnchor)
        return "\u2029" not in cursor.selectedText()  # Qt's paragraph separator

    def _refuse(self) -> None:
        self.document().undo()
        self._refusing = False
        self.refused.emit(
            "Headers, footers, notes and comments keep their lines: change their words "
            "here, and add paragraphs to the body above them"
        )

    @contextmanager
    def _display_only(self) -> Iterator[None]:
        """Formatting that is not an edit: nothing to undo, nothing unsaved, not guarded."""
        modified = self.document().isModified()
        self._decorating = True
        try:
            yield
        finally:
            self._decorating = False
            self.document().clearUndoRedoStacks()
            self.document().setModified(modified)

    def marked_at(self, position: int) -> Marked | None:
        """The finding under a Qt text position, the narrowest if several overlap."""
        hits = [m for m in self._marked if m.start <= position < max(m.end, m.start + 1)]
        return min(hits, key=lambda m: m.end - m.start) if hits else None

    def select(self, marked: Marked) -> None:
        """Select a finding's text and scroll to it."""
        self.setTextCursor(QTextCursor(marked.cursor))
        self.centerCursor()
        self.setFocus()

    def apply(self, marked: Marked, replacement: str) -> None:
        """Replace the finding's text as one undo step."""
        cursor = QTextCursor(marked.cursor)
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()

    def next_finding(self, backwards: bool = False) -> Marked | None:
        """Select the next (or previous) finding from the cursor; wraps around."""
        if not self._marked:
            return None
        here = self.textCursor().selectionStart()
        ordered = sorted(self._marked, key=lambda m: m.start)
        if backwards:
            before = [m for m in ordered if m.start < here]
            target = before[-1] if before else ordered[-1]
        else:
            after = [m for m in ordered if m.start > here]
            target = after[0] if after else ordered[0]
        self.select(target)
        return target

    def tooltip_html(self, marked: Marked) -> str:
        """The hover text: the message, the rule's explanation, the fixes."""
        f = marked.finding
        rule = self.rules.get(f.rule)
        parts = [f"<b>{html.escape(f.message)}</b>"]
        if rule:
            parts.append(html.escape(rule.summary) + " " + html.escape(rule.why))
        if f.suggestions:
            fixes = ", ".join(html.escape(_shown(s)) for s in f.suggestions[:5])
            parts.append(f"Fix: {fixes}")
        parts.append(
            f"<small>{html.escape(f.rule)} · {f.severity.value} · {f.engine.value}</small>"
        )
        return "<p>" + "</p><p>".join(parts) + "</p>"

    def context_menu_for(self, marked: Marked | None) -> QMenu:
        """The context menu: a finding's fixes and actions first, then the usual edits.

        The caller deletes the menu once used (``deleteLater``): a day of right-clicks
        must not pile up menus.
        """
        menu = self.createStandardContextMenu()
        if marked is None:
            return menu
        first = menu.actions()[0] if menu.actions() else None

        def add(text: str, slot: Callable[..., None]) -> None:
            action = QAction(text, menu)
            action.triggered.connect(slot)
            menu.insertAction(first, action)  # type: ignore[arg-type]

        f = marked.finding
        for suggestion in f.suggestions[:6]:
            add(_shown(suggestion), lambda _=False, m=marked, s=suggestion: self.apply(m, s))
        if f.suggestions:
            menu.insertSeparator(first)  # type: ignore[arg-type]
        add("Ignore", lambda: self.ignore_requested.emit(f))
        add("Ignore all in this draft", lambda: self.ignore_all_requested.emit(f))
        add("Ignore all, always", lambda: self.ignore_always_requested.emit(f))
        word = marked.text
        if f.category in (Category.SPELLING, Category.NAMES) and " " not in word:
            add("Add to dictionary", lambda: self.add_to_dictionary_requested.emit(word))
        if f.category is Category.NAMES or f.rule == "spelling.unverified-name":
            add("Add to entity list", lambda: self.add_to_entities_requested.emit(word))
        menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    @override
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        position = self.cursorForPosition(event.pos()).position()
        menu = self.context_menu_for(self.marked_at(position))
        menu.exec(event.globalPos())
        menu.deleteLater()

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(event.pos()).position()  # type: ignore[attr-defined]
            marked = self.marked_at(position)
            if marked:
                QToolTip.showText(event.globalPos(), self.tooltip_html(marked), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


_KEPT_NOTE = "beside the body, each in its own part of the Word file: words can change, not lines"
COLUMN = 84  # characters a line: a newspaper column is shorter, a screen page is wider
# A serif made for reading on screen, if the system has one: the first found is used.
BODY_FONTS = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "Cambria",
              "Liberation Serif", "DejaVu Serif"]  # fmt: skip


def body_font() -> QFont:
    """The draft's default font: a readable serif at a reading size."""
    font = QFont()
    font.setFamilies(BODY_FONTS)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(13.0)
    return font


# The line tells the severity without colour: wavy for an error, dashed for a warning,
# dotted for a note; the colour tells the category.
UNDERLINES = {
    Severity.ERROR: QTextCharFormat.UnderlineStyle.WaveUnderline,
    Severity.WARNING: QTextCharFormat.UnderlineStyle.DashUnderline,
    Severity.INFO: QTextCharFormat.UnderlineStyle.DotLine,
}

WASH = {Severity.ERROR: 64, Severity.WARNING: 36, Severity.INFO: 18}  # background alpha


def finding_format(finding: Finding) -> QTextCharFormat:
    """How a finding is marked in the text (on screen and in print)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(UNDERLINES[finding.severity])
    fmt.setUnderlineColor(colour(finding.category))
    tint = colour(finding.category)
    # A wash, so a flagged quotation mark or space is seen too; the heavier the worse.
    tint.setAlpha(WASH[finding.severity])
    fmt.setBackground(tint)
    fmt.setProperty(QTextFormat.Property.UserProperty, finding.category.value)
    return fmt


def _look_format(look: Look) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if look is Look.ITALIC:
        fmt.setFontItalic(True)
        return fmt
    fmt.setFontWeight(QFont.Weight.Bold)
    # Headings grow with the text when zoomed: a size step, not a size.
    steps = {Look.TITLE: 3, Look.HEADING1: 2, Look.HEADING2: 1}.get(look, 0)
    if steps:
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, steps)
    return fmt


def _bmp_only(text: str) -> bool:
    return not text or max(text) <= "\uffff"


def _shown(suggestion: str) -> str:
    if suggestion == "":
        return "(remove)"
    if suggestion.isspace():
        return "(one space)" if suggestion == " " else repr(suggestion)
    return suggestion
