"""A bar above the draft that tells of something that needs a decision, with its choices
(the file changed on disk: Reload or Keep mine). It stays until a choice is made."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class InfoBar(QFrame):
    """A message and its buttons; a button's action runs, then the bar hides."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InfoBar")
        self.setStyleSheet(
            "#InfoBar { background: #FFF4D6; border-bottom: 1px solid #E6C875; }"
            "#InfoBar QLabel { color: #3D3000; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 12, 6)
        self._layout.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        self.hide()

    def ask(self, message: str, choices: dict[str, Callable[[], object]]) -> None:
        """Show ``message`` with a button per choice (replacing what was shown)."""
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        self.label.setText(message)
        for text, action in choices.items():
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, act=action: self._choose(act))
            self._layout.addWidget(button)
            self.buttons[text] = button
        self.show()

    def _choose(self, action: Callable[[], object]) -> None:
        self.hide()
        action()
