"""The editor's colours for findings: ``proofer.palette``'s, as Qt colours."""

from __future__ import annotations

from PySide6.QtGui import QColor

from proofer.findings import Category
from proofer.palette import CATEGORY_COLOURS, SEVERITY_SYMBOLS, counted

__all__ = ["SEVERITY_SYMBOLS", "colour", "counted"]


def colour(category: Category) -> QColor:
    """The underline colour for a category (a new object: callers may change its alpha)."""
    return QColor(CATEGORY_COLOURS[category])
