"""Side panels: the findings, grouped by category, and the draft's names."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from proofer.findings import Category
from ui.editor import Marked
from ui.palette import SEVERITY_SYMBOLS, colour

_ROLE = Qt.ItemDataRole.UserRole


class FindingsPanel(QWidget):
    """Findings grouped by category with counts; a filter; click to jump."""

    activated = Signal(object)  # Marked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(placeholderText="Filter findings")
        self.tree = WrappingTree()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        # Whole messages, wrapped: a finding reads without hovering.
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)

    def show_marked(self, marked: list[Marked], line_of: dict[int, int]) -> None:
        """List the findings on display; ``line_of`` maps a start position to its line."""
        expanded = {
            self.tree.topLevelItem(i).text(0).split(" (")[0]
            for i in range(self.tree.topLevelItemCount())
            if self.tree.topLevelItem(i).isExpanded()
        }
        self.tree.clear()
        groups: dict[Category, QTreeWidgetItem] = {}
        for m in marked:
            f = m.finding
            group = groups.get(f.category)
            if group is None:
                group = QTreeWidgetItem([f.category.value.capitalize()])
                group.setIcon(0, _swatch(f.category))
                bold = group.font(0)
                bold.setBold(True)
                group.setFont(0, bold)
                groups[f.category] = group
            symbol = SEVERITY_SYMBOLS[f.severity]
            item = QTreeWidgetItem([f"{symbol} {line_of.get(m.start, 0)}: {f.message}"])
            item.setData(0, _ROLE, m)
            item.setToolTip(0, f"{f.message}\n{f.rule} · {f.severity.value}")
            group.addChild(item)
        for category in Category:
            group = groups.get(category)
            if group:
                name = category.value.capitalize()
                group.setText(0, f"{name} ({group.childCount()})")
                self.tree.addTopLevelItem(group)
                group.setExpanded(not expanded or name in expanded)
        self._apply_filter(self.filter.text())

    def _apply_filter(self, needle: str) -> None:
        needle = needle.lower()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            shown = 0
            for j in range(group.childCount()):
                child = group.child(j)
                marked: Marked = child.data(0, _ROLE)
                hay = f"{child.text(0)} {marked.finding.rule} {marked.text}".lower()
                child.setHidden(bool(needle) and needle not in hay)
                shown += not child.isHidden()
            group.setHidden(shown == 0)

    def _clicked(self, item: QTreeWidgetItem) -> None:
        marked = item.data(0, _ROLE)
        if marked is not None:
            self.activated.emit(marked)


class WrappingTree(QTreeWidget):
    """A tree whose rows grow to wrap long text, and follow its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_WrapDelegate(self))

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # row heights follow the new width


class _WrapDelegate(QStyledItemDelegate):
    """Qt's tree asks its rows' height without their width; this one gives the height of
    the text wrapped in the width the row has (the painting wraps it already)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        icon = 20 if index.data(Qt.ItemDataRole.DecorationRole) is not None else 0
        width = self.tree.viewport().width() - depth * self.tree.indentation() - icon - 8
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = QRect(0, 0, max(width, 40), 10_000)
        wrapped = option.fontMetrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), wrapped.height() + 4))


def _swatch(category: Category) -> QIcon:
    """A small square in the category's underline colour."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour(category))
    return QIcon(pixmap)


class NamesPanel(QWidget):
    """The draft's names: on the list, spelled differently, or not on the list yet."""

    add_requested = Signal(str)
    activated = Signal(object)  # Marked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.add_button = QPushButton("Verified: add to entity list")
        self.add_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addWidget(self.add_button)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.tree.itemClicked.connect(self._clicked)
        self.add_button.clicked.connect(self._add)

    def show_names(self, listed: list[str], marked: list[Marked]) -> None:
        """Fill the three groups."""
        self.tree.clear()
        groups = {
            "variant": QTreeWidgetItem(["Spelled differently"]),
            "unlisted": QTreeWidgetItem(["Not on the list"]),
            "listed": QTreeWidgetItem(["On the list"]),
        }
        seen: set[tuple[str, str]] = set()
        for m in marked:
            rule = m.finding.rule
            kind = {
                "names.variant": "variant",
                "names.inconsistent": "variant",
                "spelling.name-typo": "variant",
                "names.unlisted": "unlisted",
                "spelling.unverified-name": "unlisted",
            }.get(rule)
            if kind is None or (kind, m.text) in seen:
                continue
            seen.add((kind, m.text))
            item = QTreeWidgetItem([m.text])
            item.setData(0, _ROLE, m)
            item.setToolTip(0, m.finding.message)
            groups[kind].addChild(item)
        for name in listed:
            groups["listed"].addChild(QTreeWidgetItem([name]))
        for key, group in groups.items():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
            self.tree.addTopLevelItem(group)
            group.setExpanded(key != "listed")

    def _selection_changed(self, item: QTreeWidgetItem | None) -> None:
        marked = item.data(0, _ROLE) if item else None
        self.add_button.setEnabled(marked is not None and marked.finding.rule in (
            "names.unlisted", "spelling.unverified-name"))  # fmt: skip

    def _clicked(self, item: QTreeWidgetItem) -> None:
        marked = item.data(0, _ROLE)
        if marked is not None:
            self.activated.emit(marked)

    def _add(self) -> None:
        item = self.tree.currentItem()
        marked = item.data(0, _ROLE) if item else None
        if marked is not None:
            self.add_requested.emit(marked.text)
