"""Facts: a story that contradicts itself (ages, weekdays and dates, titles, vote tallies,
abbreviations). One module per concern; each checker reads the whole draft, and who is who
comes from the name checker's reading of the names (``people``).
"""

from __future__ import annotations

from proofer.checkers import DocumentChecker
from proofer.checkers.facts.abbreviations import AbbreviationChecker
from proofer.checkers.facts.ages import AgeChecker
from proofer.checkers.facts.dates import DateChecker
from proofer.checkers.facts.tallies import TallyChecker
from proofer.checkers.facts.titles import TitleChecker


def fact_checkers() -> list[DocumentChecker]:
    """One of each fact checker, in the order their findings are usually read."""
    return [AgeChecker(), DateChecker(), TitleChecker(), TallyChecker(), AbbreviationChecker()]
