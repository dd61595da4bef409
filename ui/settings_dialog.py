"""The settings dialog: lists, dictionary, LanguageTool, dialect, quote style, categories."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from proofer.config import DIALECTS, QUOTE_STYLES
from proofer.findings import Category
from ui.settings import Settings


class SettingsDialog(QDialog):
    """Edits the Settings; ``apply()`` writes them back."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Proofer settings")
        self.settings = settings
        self.lists = QListWidget()
        self.lists.addItems(settings.entity_lists)
        add, remove = QPushButton("Add…"), QPushButton("Remove")
        add.clicked.connect(self._add_list)
        remove.clicked.connect(lambda: self.lists.takeItem(self.lists.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        self.dictionary = QLineEdit(str(settings.dictionary))
        self.languagetool = QComboBox()
        self.languagetool.setEditable(True)
        self.languagetool.addItems(["off", "local"])
        self.languagetool.setCurrentText(settings.languagetool)
        self.languagetool.setToolTip("off, local, or the URL of a LanguageTool server")
        self.dialect = QComboBox()
        self.dialect.addItems(list(DIALECTS))
        self.dialect.setCurrentText(settings.dialect)
        self.quote_style = QComboBox()
        self.quote_style.addItems(list(QUOTE_STYLES))
        self.quote_style.setCurrentText(settings.quote_style)
        self.categories = {c: QCheckBox(c.value.capitalize()) for c in Category}
        for c, box in self.categories.items():
            box.setChecked(c not in settings.hidden_categories)
        form = QFormLayout()
        form.addRow("Entity lists", self.lists)
        form.addRow("", _row(buttons))
        form.addRow("User dictionary", self.dictionary)
        form.addRow("LanguageTool", self.languagetool)
        form.addRow("Dialect", self.dialect)
        form.addRow("Quote style", self.quote_style)
        shown = QVBoxLayout()
        for box in self.categories.values():
            shown.addWidget(box)
        form.addRow("Show", _row(shown))
        ok = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok.accepted.connect(self.accept)
        ok.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok)

    def _add_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Entity list", "", "Lists (*.txt *.csv)")
        if path:
            self.lists.addItem(path)

    def apply(self) -> None:
        """Write the dialog's values to the settings."""
        s = self.settings
        s.entity_lists = [self.lists.item(i).text() for i in range(self.lists.count())]
        s.dictionary = Path(self.dictionary.text())
        s.languagetool = self.languagetool.currentText().strip() or "off"
        s.dialect = self.dialect.currentText()
        s.quote_style = self.quote_style.currentText()
        s.hidden_categories = {c for c, box in self.categories.items() if not box.isChecked()}
        s.sync()


def _row(layout: QHBoxLayout | QVBoxLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
