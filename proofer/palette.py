"""Colours and names for findings, shared by every view (the HTML report; the editor can
import it too): the Okabe-Ito palette, which colour-blind readers can tell apart.

Spelling and grammar, the two commonest categories, get the two most different hues
(vermilion and blue). Colour is never the only cue: every view also names the category and
shows the severity by a symbol and a label.
"""

from __future__ import annotations

from proofer.findings import Category, Severity

CATEGORY_COLOURS = {
    Category.SPELLING: "#D55E00",  # vermilion
    Category.GRAMMAR: "#0072B2",  # blue
    Category.NAMES: "#CC79A7",  # reddish purple
    Category.QUOTES: "#E69F00",  # orange
    Category.PUNCTUATION: "#009E73",  # bluish green
    Category.TYPOGRAPHY: "#56B4E9",  # sky blue
    Category.STYLE: "#999999",  # grey
    Category.FACTS: "#000000",  # black
}

SEVERITY_NAMES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# A shape per severity, so it reads without colour (and in black-and-white print).
SEVERITY_SYMBOLS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}


def counted(n: int, severity: Severity) -> str:
    """``1 error``, ``3 warnings``."""
    return f"{n} {SEVERITY_NAMES[severity]}{'' if n == 1 else 's'}"
