"""The settings dialog: lists, dictionary, LanguageTool, dialect, quote style, categories;
and a page of what was ignored or added, each with Remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from proofer.config import DIALECTS, QUOTE_STYLES, Config
from proofer.findings import Category
from ui.settings import IgnoreKind, Settings, listed_words, remove_from_list


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
        self.author = QLineEdit(settings.revision_author)
        self.author.setToolTip("Who signs a Word draft's tracked changes and comments")
        form.addRow("Tracked changes by", self.author)
        shown = QVBoxLayout()
        for box in self.categories.values():
            shown.addWidget(box)
        form.addRow("Show", _row(shown))
        ok = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok.accepted.connect(self.accept)
        ok.rejected.connect(self.reject)
        self.tabs = QTabWidget()
        self.tabs.addTab(_row(form), "Checking")
        self.taken_back = TakenBack(settings)
        self.tabs.addTab(self.taken_back, "Ignored and added")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(ok)
        self.resize(560, 520)

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
        s.revision_author = self.author.text()
        s.hidden_categories = {c for c, box in self.categories.items() if not box.isChecked()}
        self.taken_back.apply()
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


class TakenBack(QWidget):
    """What the copy editor ignored or added, with Remove: an ignore removed shows its
    findings again, a word removed from the dictionary or entity list is checked again."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Text", "Rule", "Where"])
        self.tree.setRootIsDecorated(True)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.removed: list[Removal] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        self._fill()

    def _fill(self) -> None:
        once, everywhere = self.settings.ignored()
        ignored = self._group("Ignored")
        for key in sorted(once):
            rule, text = _rule_and_text(key, digest=True)
            self._entry(ignored, [text, rule, "one place"], (IgnoreKind.ONCE, key, ""))
        for draft, key in self.settings.drafts_ignores():
            rule, text = _rule_and_text(key)
            untitled = draft.startswith("untitled-")  # a recovery copy's name
            where = "an Untitled draft" if untitled else Path(draft).name
            self._entry(ignored, [text, rule, where], (IgnoreKind.DRAFT, key, draft))
        for key in sorted(everywhere):
            rule, text = _rule_and_text(key)
            self._entry(ignored, [text, rule, "every draft"], (IgnoreKind.EVERYWHERE, key, ""))
        for title, path in (
            ("Added to the dictionary", self.settings.dictionary),
            ("Added to the entity list", self.settings.own_entity_list),
        ):
            group = self._group(title)
            for word in listed_words(path):
                self._entry(group, [word, "", path.name], (path, word))
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
            group.setExpanded(True)
        self.tree.resizeColumnToContents(0)

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem([title])
        self.tree.addTopLevelItem(group)
        return group

    def _entry(self, group: QTreeWidgetItem, columns: list[str], removal: Removal) -> None:
        item = QTreeWidgetItem(columns)
        item.setData(0, Qt.ItemDataRole.UserRole, removal)
        group.addChild(item)

    def entries(self) -> list[QTreeWidgetItem]:
        """Every ignore and added word listed."""
        groups = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [g.child(j) for g in groups for j in range(g.childCount())]

    def remove_selected(self) -> None:
        """Take the selected entries out of the list (done on OK)."""
        for item in self.tree.selectedItems():
            removal = item.data(0, Qt.ItemDataRole.UserRole)
            if removal is not None and item.parent() is not None:
                self.removed.append(removal)
                item.parent().removeChild(item)

    def apply(self) -> None:
        """Store what the dialog changed in the settings."""
        for removal in self.removed:
            if isinstance(removal[0], IgnoreKind):
                kind, key, draft = removal
                self.settings.unignore(kind, key, draft)
            else:
                path, word = removal
                remove_from_list(path, word)
        self.removed = []


Removal = tuple[IgnoreKind, str, str] | tuple[Path, str]


def _rule_and_text(key: str, digest: bool = False) -> tuple[str, str]:
    """An ignore key (``rule|text``, or ``rule|text|digest`` with ``digest``) as its rule
    and its text."""
    rule, _, rest = key.partition("|")
    return rule, rest.rsplit("|", 1)[0] if digest else rest


def _row(layout: QHBoxLayout | QVBoxLayout | QFormLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
