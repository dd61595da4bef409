"""Ranking corrections for a misspelled word: which word did the writer mean?

A small noisy-channel model: a candidate scores its frequency in English (wordfreq's Zipf
scale) minus the cost of the slip that would turn it into what was typed. Slips people
make often cost little (swapped neighbours, a doubled or dropped letter, a neighbouring
key, one vowel for another); slips in the first letter cost a lot, since writers rarely
get that wrong. Candidates are the word's one-slip neighbours that English uses, plus
whatever the spelling engine proposed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from proofer.lexicon import zipf

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
_VOWELS = set("aeiouy")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_MIN_ZIPF = 2.0  # rarer neighbours are more often typos themselves than words
_FIRST_LETTER = 1.5
_PER_EXTRA_EDIT = 2.0


@dataclass(frozen=True)
class Scored:
    """A candidate and how likely the writer meant it (higher is likelier)."""

    word: str
    score: float


def neighbours(word: str) -> set[str]:
    """Every string one slip away (delete, swap neighbours, replace, insert) that English
    uses at least a little."""
    w = word.lower()
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    edits.discard(w)
    return {e for e in edits if zipf(e) >= _MIN_ZIPF}


def slip_cost(typed: str, meant: str) -> float:
    """How unlikely it is to type ``typed`` when meaning ``meant``, in Zipf units."""
    t, m = typed.lower(), meant.lower()
    distance = OSA.distance(t, m)
    if distance != 1:
        first = _FIRST_LETTER if t[:1] != m[:1] else 0.0
        return _PER_EXTRA_EDIT * max(distance - 1, 0) + first
    i = next((k for k in range(min(len(t), len(m))) if t[k] != m[k]), min(len(t), len(m)))
    cost = _FIRST_LETTER if i == 0 else 0.0
    if len(t) == len(m):
        if i + 1 < len(t) and t[i] == m[i + 1] and t[i + 1] == m[i]:
            return cost  # swapped neighbours: the commonest slip
        return cost + _substitution_cost(t[i], m[i])
    if len(t) < len(m):  # a letter dropped
        return cost + (0.2 if i > 0 and m[i] == m[i - 1] else 0.4)
    extra = t[i]  # a letter added
    near = [t[i - 1]] if i > 0 else []
    near += [t[i + 1]] if i + 1 < len(t) else []
    return cost + (0.2 if any(extra == n or _adjacent(extra, n) for n in near) else 0.8)


def _substitution_cost(typed: str, meant: str) -> float:
    if _adjacent(typed, meant):
        return 0.4
    if typed in _VOWELS and meant in _VOWELS:
        return 0.4
    return 1.2


def _adjacent(a: str, b: str) -> bool:
    if a not in _KEY_AT or b not in _KEY_AT:
        return False
    (ra, ca), (rb, cb) = _KEY_AT[a], _KEY_AT[b]
    return abs(ra - rb) <= 1 and abs(ca - cb) <= 1 and a != b


def rank(typed: str, candidates: Iterable[str]) -> list[Scored]:
    """Candidates best first. Ties keep the order given (the engine's own preference)."""
    scored = [Scored(c, zipf(c) - slip_cost(typed, c)) for c in dict.fromkeys(candidates)]
    return sorted(scored, key=lambda s: -round(s.score, 1))
