"""Which English a draft is spelled in, and the words that break from it.

Harper's own dictionaries are the oracle: a word that the American dictionary lacks and the
British one has (``colour``) marks British spelling, and the reverse marks American. The
dictionaries have gaps (``afterwards``, ``unlivable``, ``reauthorizing``), so a word counts
only when one of the regular respellings between the two Englishes (``our``/``or``,
``ise``/``ize``, a doubled ``l``, ...) turns it into a word the other dictionary knows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from proofer.engines.harper import Dialect, HarperEngine
from proofer.words import WORD

# The regular respellings, British first: colour/color, centre/center, organise/organize,
# analyse/analyze, travelled/traveled, enrolment/enrollment, defence/defense,
# catalogue/catalog, anaemia/anemia, foetus/fetus, programme/program, grey/gray, tyre/tire,
# cheque/check, judgement/judgment, ageing/aging, aluminium/aluminum.
_RESPELLINGS = (
    ("our", "or"), ("re", "er"), ("ise", "ize"), ("isa", "iza"), ("yse", "yze"),
    ("ll", "l"), ("l", "ll"), ("ence", "ense"), ("ogue", "og"), ("ae", "e"), ("oe", "e"),
    ("mme", "m"), ("ey", "ay"), ("yre", "ire"), ("que", "ck"), ("gement", "gment"),
    ("eing", "ing"), ("ium", "um"),
)  # fmt: skip


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
    only_british = _respelled(not_american - not_british, engine, Dialect.AMERICAN)
    only_american = _respelled(not_british - not_american, engine, Dialect.BRITISH)
    british = Counter({w: words[w] for w in only_british})
    american = Counter({w: words[w] for w in only_american})
    b, a = british.total(), american.total()
    if b > a:
        dialect = Dialect.BRITISH
    elif a > b:
        dialect = Dialect.AMERICAN
    else:
        dialect = default
    return DialectReport(dialect, american, british)


def _respelled(words: set[str], engine: HarperEngine, other: Dialect) -> set[str]:
    """The ``words`` that one regular respelling turns into a word ``other``'s dictionary
    knows: spellings of one English, not gaps in the other's dictionary."""
    pairs = _RESPELLINGS if other is Dialect.AMERICAN else [(b, a) for a, b in _RESPELLINGS]
    forms = {w: _variants(w, pairs) for w in words}
    unknown = engine.unknown_words([v for vs in forms.values() for v in vs], other)
    return {w for w, vs in forms.items() if any(v not in unknown for v in vs)}


def _variants(word: str, pairs: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> list[str]:
    """``word`` with one of ``pairs`` respelled at one place."""
    out = []
    for old, new in pairs:
        at = word.find(old)
        while at >= 0:
            out.append(word[:at] + new + word[at + len(old) :])
            at = word.find(old, at + 1)
    return out
