"""Checkers: small classes, one concern each, that turn text into findings.

Both read text normalised for checking (accents composed, invisible characters out: see
``document.Normalised``); the proofreader maps their findings back to the text as read.
A paragraph checker sees one paragraph at a time, so the editor can cache its results per
paragraph; a document checker sees the whole draft (quotations that run over paragraphs,
spelling consistency). Neither knows of the other: the proofreader merges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from proofer.dictionary import KnownWords
from proofer.engines.harper import Dialect
from proofer.entities import EntityList
from proofer.findings import Category, Finding
from proofer.memo import Memo
from proofer.rules import Rule

if TYPE_CHECKING:
    from proofer.dialects import DialectReport
    from proofer.document import Document


@dataclass
class CheckContext:
    """What every checker may read: the settings and the lists, never the other checkers."""

    dialect: Dialect = Dialect.AMERICAN
    quote_style: str = "american"
    known: KnownWords = field(default_factory=KnownWords)
    entities: EntityList = field(default_factory=EntityList)
    dialect_report: DialectReport | None = None
    markdown: bool = False  # paragraphs are Markdown: Harper reads them as such
    harper_rules: frozenset[str] | None = None  # Harper rules to run by name; None: its defaults
    # The engine's memory of paragraphs (``proofer.memo``): draft-wide checkers remember their
    # per-paragraph readings there, so a re-check after an edit reads only what changed.
    memo: Memo = field(default_factory=lambda: Memo(_OWN_MEMO))


_OWN_MEMO = 1_000_000  # characters, for a context built without the proofreader's memo


class ParagraphChecker:
    """Checks one paragraph; offsets in its findings are relative to the paragraph."""

    rules: tuple[Rule, ...] = ()
    # Categories this checker is the authority on: engine findings in them are dropped.
    owns: ClassVar[frozenset[Category]] = frozenset()

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Findings for ``text``, one paragraph."""
        raise NotImplementedError

    def refine(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Revise this checker's own findings with draft-wide evidence; cheap, no engine."""
        return findings


class DocumentChecker:
    """Checks the whole draft; offsets in its findings are document offsets."""

    rules: tuple[Rule, ...] = ()
    owns: ClassVar[frozenset[Category]] = frozenset()
    # Checkers read the draft normalised (``document.Normalised``); one that judges the very
    # characters normalising removes reads it as it is.
    reads_original: ClassVar[bool] = False
    # What the last check has to tell the user in words (an engine that is unavailable).
    notices: list[str] = []  # noqa: RUF012 (read-only here; a checker assigns its own list)

    def check_document(self, doc: Document, ctx: CheckContext) -> list[Finding]:
        """Findings for the whole ``doc``."""
        raise NotImplementedError
