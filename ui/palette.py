"""Colours for findings: the Okabe-Ito palette, which colour-blind readers can tell apart."""

from __future__ import annotations

from PySide6.QtGui import QColor

from proofer.findings import Category, Severity

CATEGORY_COLOURS = {
    Category.SPELLING: QColor("#D55E00"),  # vermilion
    Category.NAMES: QColor("#CC79A7"),  # reddish purple
    Category.QUOTES: QColor("#0072B2"),  # blue
    Category.PUNCTUATION: QColor("#009E73"),  # bluish green
    Category.TYPOGRAPHY: QColor("#56B4E9"),  # sky blue
    Category.GRAMMAR: QColor("#E69F00"),  # orange
    Category.STYLE: QColor("#999999"),  # grey
    Category.FACTS: QColor("#000000"),  # black
}

SEVERITY_NAMES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def counted(n: int, severity: Severity) -> str:
    """``1 error``, ``3 warnings``."""
    return f"{n} {SEVERITY_NAMES[severity]}{'' if n == 1 else 's'}"


def colour(category: Category) -> QColor:
    """The underline colour for a category (a copy: callers may change its alpha)."""
    return QColor(CATEGORY_COLOURS[category])
