"""Repeated words: ``The the``, the commonest slip an editing pass leaves behind."""

from __future__ import annotations

import re

from proofer.checkers import CheckContext, ParagraphChecker
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule

REPEATED_WORD = Rule(
    id="grammar.repeated-word",
    category=Category.GRAMMAR,
    summary="The same word twice in a row.",
    why="A doubled word survives most edits because the eye skips it.",
    example="The the project is expected -> The project is expected",
    flags=("The the project is late.", "We went to to the park."),
    passes=("She had had enough.",),
    fix_safe=True,
    severity=Severity.ERROR,
    covers=("harper.RepeatedWords", "harper.ToTo", "lt.ENGLISH_WORD_REPEAT_RULE"),
)

_PAIR = re.compile(r"\b([^\W\d_]+)([ \u00a0]+)(\1)\b", re.IGNORECASE)
# Doubles that English uses on purpose: "she had had enough", "he said that that was it".
_DELIBERATE = frozenset({"had", "that", "is", "do", "ha", "bye", "no", "so", "very", "really"})


class RepeatedWordChecker(ParagraphChecker):
    """Finds a word written twice with only spaces between."""

    rules = (REPEATED_WORD,)

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """One finding per doubled word; the fix keeps the first."""
        findings = []
        for m in _PAIR.finditer(text):
            word = m.group(1)
            if word.lower() in _DELIBERATE:
                continue
            findings.append(
                REPEATED_WORD.finding(m.start(), m.end(), f"‘{word}’ is repeated.", (word,))
            )
        return findings
