"""Which English a draft is spelled in, and the words that break from it.

Harper's own dictionaries are the oracle: a word that the American dictionary lacks and the
British one has (``colour``) marks British spelling, and the reverse marks American.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from proofer.engines.harper import Dialect, HarperEngine
from proofer.words import WORD


@dataclass(frozen=True)
class DialectReport:
    """The dialect a draft follows and the words spelled in the other one."""

    dialect: Dialect
    american: Counter[str] = field(default_factory=Counter)
    british: Counter[str] = field(default_factory=Counter)

    @property
    def minority(self) -> Counter[str]:
        """Words in the draft spelled in the dialect it does not follow."""
        return self.british if self.dialect is Dialect.AMERICAN else self.american


def word_counts(text: str) -> Counter[str]:
    """How often each lower-case word occurs in ``text``: what ``detect`` weighs."""
    return Counter(m.group() for m in WORD.finditer(text) if m.group().islower())


def detect(
    words: Counter[str], engine: HarperEngine, default: Dialect = Dialect.AMERICAN
) -> DialectReport:
    """Count the draft's American-only and British-only spellings among its ``words`` (see
    ``word_counts``); the majority wins.

    A tie (including a draft with neither) keeps ``default``.
    """
    unique = list(words)
    not_american = engine.unknown_words(unique, Dialect.AMERICAN)
    not_british = engine.unknown_words(unique, Dialect.BRITISH)
    british = Counter({w: words[w] for w in not_american - not_british})
    american = Counter({w: words[w] for w in not_british - not_american})
    b, a = british.total(), american.total()
    if b > a:
        dialect = Dialect.BRITISH
    elif a > b:
        dialect = Dialect.AMERICAN
    else:
        dialect = default
    return DialectReport(dialect, american, british)
