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

from proofer.config import DIALECTS, QUOTE_STYLES, Config
from proofer.findings import Category
from ui.settings import Settings


class SettingsDialog(QDialog):
    """Edits the Settings; ``apply()`` writes them back. A choice left at "as configured"
    is not stored, so the desk's configuration keeps deciding it."""

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, configured: Config | None = None
    ) -> None:
        """``configured``: what the configuration files say, shown as the first choice of
        each setting (picking it leaves the setting to the files)."""
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
        desk = configured or Config()
        self.languagetool = _choices(
            ["off", "local"], desk.languagetool, settings.languagetool, editable=True
        )
        self.languagetool.setToolTip("off, local, or the URL of a LanguageTool server")
        self.dialect = _choices(list(DIALECTS), desk.dialect, settings.dialect)
        self.quote_style = _choices(list(QUOTE_STYLES), desk.quote_style, settings.quote_style)
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
        s.languagetool = _chosen(self.languagetool)
        s.dialect = _chosen(self.dialect)
        s.quote_style = _chosen(self.quote_style)
        s.hidden_categories = {c for c, box in self.categories.items() if not box.isChecked()}
        s.sync()


_CONFIGURED = "as configured"


def _choices(
    values: list[str], configured: str, chosen: str | None, editable: bool = False
) -> QComboBox:
    """A choice whose first item defers to the configuration files (and shows their value)."""
    box = QComboBox()
    box.setEditable(editable)
    box.addItem(f"{_CONFIGURED} ({configured})")
    box.addItems(values)
    if chosen is None:
        box.setCurrentIndex(0)
    else:
        box.setCurrentText(chosen)
    return box


def _chosen(box: QComboBox) -> str | None:
    """The value picked, or None when left to the configuration files."""
    text = box.currentText().strip()
    return None if not text or text.startswith(_CONFIGURED) else text


def _row(layout: QHBoxLayout | QVBoxLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
