"""One spelling convention per draft: ``color`` and ``colour`` do not share a story."""

from __future__ import annotations

import re

from proofer.checkers import CheckContext, DocumentChecker
from proofer.document import Document
from proofer.engines.harper import Dialect, HarperEngine
from proofer.findings import Category, Finding
from proofer.rules import Rule

DIALECT_MIX = Rule(
    id="spelling.dialect-mix",
    category=Category.SPELLING,
    summary="A word spelled in the other English from the rest of the draft.",
    why="A story follows one house spelling; a stray 'colour' in an American story (or "
    "'color' in a British one) reads as a slip. With --dialect auto the draft's majority "
    "decides.",
    example="the color of the flag ... the colour guard -> color",
    flags=("The color guard, the center stage, the colour of the flag.",),
    passes=("The color guard, the center stage, the color of the flag.",),
)


class DialectChecker(DocumentChecker):
    """Flags the words spelled in the dialect the draft does not follow."""

    rules = (DIALECT_MIX,)

    def __init__(self, engine: HarperEngine) -> None:
        self._engine = engine

    def check_document(self, doc: Document, ctx: CheckContext) -> list[Finding]:
        """A finding at each minority spelling, with the majority dialect's form."""
        report = ctx.dialect_report
        if report is None or not report.minority:
            return []
        fixes = self._counterparts(list(report.minority), report.dialect)
        other = "British" if report.dialect is Dialect.AMERICAN else "American"
        findings = []
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, report.minority)) + r")\b")
        for m in pattern.finditer(doc.text):
            word = m.group()
            findings.append(
                DIALECT_MIX.finding(
                    m.start(),
                    m.end(),
                    f"‘{word}’ is the {other} spelling; this draft is otherwise "
                    f"{report.dialect.value.capitalize()}.",
                    fixes.get(word, ()),
                )
            )
        return findings

    def _counterparts(self, words: list[str], dialect: Dialect) -> dict[str, tuple[str, ...]]:
        """Harper's first suggestion for each word in the draft's dialect."""
        found = self._engine.corrections(words, dialect)
        return {word: tuple(fixes[:1]) for word, fixes in found.items()}
