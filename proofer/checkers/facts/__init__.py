"""Facts: a story that contradicts itself (ages, weekdays and dates, titles, vote tallies,
abbreviations, words spelled or capitalised two ways). One module per concern, each with its
rules and a ``check`` over the whole draft; who is who comes from the name checker's reading
of the names (``people``), and the draft is read for people and quotations once, for all.
"""

from __future__ import annotations

from proofer.checkers import CheckContext, DocumentChecker
from proofer.checkers.facts import abbreviations, ages, dates, tallies, titles, variants
from proofer.checkers.facts.common import Draft
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.findings import Finding

_CONCERNS = (ages, dates, titles, tallies, abbreviations, variants)


class FactChecker(DocumentChecker):
    """Checks the facts a draft states against each other."""

    rules = tuple(rule for concern in _CONCERNS for rule in concern.RULES)

    def __init__(self, engine: HarperEngine) -> None:
        self._engine = engine

    def check_document(self, doc: Document, ctx: CheckContext) -> list[Finding]:
        """Every fact check's findings for ``doc``."""
        draft = Draft(doc, ctx, self._engine)
        return [f for concern in _CONCERNS for f in concern.check(draft)]
