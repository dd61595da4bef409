"""How common a word is in English, from the ``wordfreq`` package's offline tables."""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English: 7 for "the", about 3 for "hostilities", 0 unseen.

    Names and real words that a dictionary lacks usually score above 2; one-letter slips
    of common words usually score below, which makes this good evidence for a typo.
    """
    return zipf_frequency(word, "en")
