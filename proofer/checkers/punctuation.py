"""Punctuation marks doubled or spaced wrongly: ``April..``, ``association ,``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from proofer.checkers import CheckContext, ParagraphChecker
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule

DOUBLED = Rule(
    id="punctuation.doubled",
    category=Category.PUNCTUATION,
    summary="A period, comma, semicolon or colon typed twice.",
    why="Two periods are not an ellipsis (that takes three, or …); a doubled mark is a slip.",
    example="Talks are expected to resume in April.. -> April.",
    fix_safe=True,
    severity=Severity.ERROR,
)
SPACE_BEFORE = Rule(
    id="punctuation.space-before",
    category=Category.PUNCTUATION,
    summary="A space before a comma, period, semicolon, colon, question or exclamation mark.",
    why="English sets these marks against the word before; a space can also break the line "
    "before the mark.",
    example="the association , which represents -> the association, which represents",
    fix_safe=True,
)

# Exactly two of the same mark: three periods are an ellipsis.
_DOUBLED = re.compile(r"(?<![.,;:])([.,;:])\1(?![.,;:])")
# A space between a word and a mark; not before ".5" or an ellipsis, not at a line start.
_SPACE_BEFORE = re.compile(r"(?<=[\w”’)\]])([ \u00a0\t]+)([,.;:!?])(?![\d.])")


class PunctuationChecker(ParagraphChecker):
    """Doubled marks and spaces before marks."""

    rules = (DOUBLED, SPACE_BEFORE)

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Findings for ``text``, each with a safe fix."""
        return list(_doubled(text)) + list(_space_before(text))


def _doubled(text: str) -> Iterator[Finding]:
    for m in _DOUBLED.finditer(text):
        mark = m.group(1)
        name = {".": "period", ",": "comma", ";": "semicolon", ":": "colon"}[mark]
        yield Finding(
            m.start(),
            m.end(),
            Category.PUNCTUATION,
            DOUBLED.id,
            f"Doubled {name}: ‘{m.group()}’.",
            (mark,),
            Severity.ERROR,
        )


def _space_before(text: str) -> Iterator[Finding]:
    for m in _SPACE_BEFORE.finditer(text):
        mark = m.group(2)
        yield Finding(
            m.start(),
            m.end(),
            Category.PUNCTUATION,
            SPACE_BEFORE.id,
            f"Space before ‘{mark}’.",
            (mark,),
            Severity.WARNING,
        )
