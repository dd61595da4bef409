"""Find and replace in the draft: a bar under the text, as browsers and editors have it.

Search goes through ``QTextDocument.find`` (case and whole words as Qt defines them) and
wraps around the draft. Replacing one match is one undo step, and so is "Replace all".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)
from typing_extensions import override

from ui.editor import DraftEditor

Flag = QTextDocument.FindFlag


class FindBar(QWidget):
    """Find (next, previous, match case, whole word) and, when shown for it, replace."""

    message = Signal(str)  # what happened, for the status bar

    def __init__(self, editor: DraftEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.find_field = QLineEdit(placeholderText="Find")
        self.replace_field = QLineEdit(placeholderText="Replace with")
        self.match_case = QCheckBox("Match case")
        self.whole_word = QCheckBox("Whole word")
        self.status = QLabel()
        previous, following = QPushButton("Previous"), QPushButton("Next")
        self.replace_button = QPushButton("Replace")
        self.replace_all_button = QPushButton("Replace all")
        close = QToolButton(text="✕", toolTip="Close (Esc)", autoRaise=True)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.addWidget(self.find_field, 0, 0)
        grid.addWidget(previous, 0, 1)
        grid.addWidget(following, 0, 2)
        grid.addWidget(self.match_case, 0, 3)
        grid.addWidget(self.whole_word, 0, 4)
        grid.addWidget(self.status, 0, 5)
        grid.addWidget(close, 0, 6)
        grid.addWidget(self.replace_field, 1, 0)
        grid.addWidget(self.replace_button, 1, 1)
        grid.addWidget(self.replace_all_button, 1, 2)
        grid.setColumnStretch(0, 1)
        self._replace_row = [self.replace_field, self.replace_button, self.replace_all_button]
        previous.clicked.connect(lambda: self.find(backwards=True))
        following.clicked.connect(lambda: self.find())
        self.find_field.returnPressed.connect(lambda: self.find())
        self.replace_field.returnPressed.connect(self.replace)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.hide)
        self.hide()

    def open(self, replacing: bool = False) -> None:
        """Show the bar (with the replace row if ``replacing``), the selection as the search."""
        for widget in self._replace_row:
            widget.setVisible(replacing)
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self.show()
        self.find_field.setFocus()
        self.find_field.selectAll()

    def flags(self, backwards: bool = False) -> Flag:
        """The search options ticked in the bar, searching backwards if asked."""
        flags = Flag(0)
        if self.match_case.isChecked():
            flags |= Flag.FindCaseSensitively
        if self.whole_word.isChecked():
            flags |= Flag.FindWholeWords
        if backwards:
            flags |= Flag.FindBackward
        return flags

    def find(self, backwards: bool = False) -> bool:
        """Select the next (or previous) match from the cursor, wrapping around the draft."""
        needle = self.find_field.text()
        if not needle:
            return False
        doc = self.editor.document()
        found = doc.find(needle, self.editor.textCursor(), self.flags(backwards))
        if found.isNull():  # wrap around
            start = QTextCursor(doc)
            start.movePosition(
                QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start
            )
            found = doc.find(needle, start, self.flags(backwards))
        if found.isNull():
            self._say(f"“{needle}” not found")
            return False
        self.editor.setTextCursor(found)
        self.editor.centerCursor()
        self._say("")
        return True

    def _selection_matches(self) -> bool:
        selected = self.editor.textCursor().selectedText()
        needle = self.find_field.text()
        if self.match_case.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace(self) -> bool:
        """Replace the selected match (one undo step), then find the next one."""
        if not self.find_field.text():
            return False
        if not self._selection_matches():
            return self.find()
        self.editor.textCursor().insertText(self.replace_field.text())
        self.find()
        return True

    def replace_all(self) -> int:
        """Replace every match in the draft as one undo step; returns how many."""
        needle = self.find_field.text()
        if not needle:
            return 0
        doc = self.editor.document()
        edit = QTextCursor(doc)
        count = 0
        found = doc.find(needle, 0, self.flags())
        edit.beginEditBlock()
        while not found.isNull():
            found.insertText(self.replace_field.text())
            count += 1
            found = doc.find(needle, found, self.flags())  # after the replacement
        edit.endEditBlock()
        self._say(f"{count} replaced" if count else f"“{needle}” not found")
        return count

    def _say(self, text: str) -> None:
        self.status.setText(text)
        if text:
            self.message.emit(text)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.editor.setFocus()
            return
        super().keyPressEvent(event)
