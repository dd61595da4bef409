"""Typography: spacing a reader does not notice until it is printed."""

from __future__ import annotations

import re

from proofer.checkers import CheckContext, ParagraphChecker
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule

DOUBLE_SPACE = Rule(
    id="typography.double-space",
    category=Category.TYPOGRAPHY,
    summary="Two or more spaces (a no-break space counts) where one belongs.",
    why="Typesetting systems keep every space; doubled ones show as gaps in print and online.",
    example="group.  The loss -> group. The loss",
    fix_safe=True,
)

# Spaces, no-break spaces and the thin and figure spaces that paste in from the web.
_RUN = re.compile(r"(?<=\S)[ \u00a0\u2009\u202f\u2007]{2,}(?=\S)")


class TypographyChecker(ParagraphChecker):
    """Runs of spaces inside a paragraph."""

    rules = (DOUBLE_SPACE,)

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """A finding for each run of two or more spaces between words or sentences."""
        return [
            Finding(
                m.start(),
                m.end(),
                Category.TYPOGRAPHY,
                DOUBLE_SPACE.id,
                _describe(m.group()),
                (" ",),
                Severity.WARNING,
            )
            for m in _RUN.finditer(text)
        ]


def _describe(run: str) -> str:
    if "\u00a0" in run:
        return "A no-break space and a space together: use one space."
    return f"{len(run)} spaces in a row: use one."
