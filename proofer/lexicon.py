"""How common a word is in English, from the ``wordfreq`` package's offline tables."""

from __future__ import annotations

import math
from functools import lru_cache

from wordfreq import get_frequency_dict, zipf_frequency


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's English table, loaded once (about 0.2 s, 320,000 words). Asked for with
    wordfreq's own arguments, so that its ``zipf_frequency`` (which caches on them) shares
    this table rather than loading a second one."""
    return get_frequency_dict("en", "best")


def load() -> None:
    """Load the table now rather than at the first word looked up (for a process about to
    fork workers, so that they start with it)."""
    _frequencies()


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English: 7 for "the", about 4 for "negotiations", 0 unseen.

    Names and real words that a dictionary lacks usually score above 2; one-letter slips
    of common words usually score below, which makes this good evidence for a typo.
    """
    if word.isascii() and word.isalpha():
        # The table's keys are lower-case words; a plain look-up is 100 times faster than
        # wordfreq's general path, and suggestion search asks for hundreds of words.
        freq = _frequencies().get(word.lower(), 0.0)
        return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0
    return zipf_frequency(word, "en")
