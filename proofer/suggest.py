"""Ranking corrections for a misspelled word: which word did the writer mean?

A small noisy-channel model: a candidate scores its frequency in English (wordfreq's Zipf
scale) minus the cost of the slip that would turn it into what was typed. Slips people
make often cost little (swapped neighbours, a doubled or dropped letter, a neighbouring
key, one vowel for another); slips in the first letter cost a lot, since writers rarely
get that wrong. Candidates are the word's one-slip neighbours that English uses, plus
whatever the spelling engine proposed.

The words around a slip are evidence too (``thme`` before ``that`` is ``them``): a
candidate gains its pointwise mutual information with the word before and the word after,
from the English bigram counts that the ``symspellpy`` package ships
(``frequency_bigramdictionary_en_243_342.txt``, 242,342 pairs from Google Books Ngrams;
symspellpy and its dictionaries are MIT-licensed, © Wolf Garbe and mmb L). A pair missing
from the table counts against a candidate only when chance alone would have put it there.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import OSA

from proofer.lexicon import zipf

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
_VOWELS = set("aeiouy")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_MIN_ZIPF = 2.0  # rarer neighbours are more often typos themselves than words
_FIRST_LETTER = 1.5
# What one slip costs, by kind (Zipf units, so -log10 of how rare it is). A slip that is a
# single event costs least: two neighbours swapped, a letter dropped or doubled. A letter
# for one off the next key is one of a few neighbours, an extra letter beside a
# neighbouring key one of a few keys on either side, and any other letter one of twenty:
# each costs more, by how many ways there were to make it.
_SWAP = 0.0
_DROP = 0.3
_DROP_DOUBLE = 0.2  # one of a doubled letter (comitted)
_DOUBLE = 0.2
_NEAR_KEY = 0.4  # also one vowel for another, the commonest slip of ear (seperate)
_EXTRA_NEAR_KEY = 0.8
_EXTRA_LETTER = 1.2
_OTHER_LETTER = 1.6
# A second slip in one word is rare: two cheap slips together cost what any two slips
# used to (2.0), two dear ones more.
_SECOND_SLIP = 1.6
_FIRST_EDIT = 0.8  # of a word three or more slips away: its first slip, of no known kind
_PER_EXTRA_EDIT = 2.0
_TWO_SWAPS = 1.0
_BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
# A pairing counts at most a hundredfold either way: a common one (restart them) for a
# candidate, one far rarer than chance (the the, the is) against it; both count as much
# as a word's own frequency, as in a bigram model (measured: bench_precision and
# bench_spelling).
_CONTEXT_WEIGHT = 1.0
_PAIR_LIMIT = 2.0
# Where the bigram table is silent, grammar still is not: a count or a plural determiner
# before a noun makes the plural likelier (3 packags), a singular one the singular. Closed
# word classes, not a word list. (A verb after the noun is weaker evidence, as it may
# agree with an earlier noun: one of the packages is. Measured: it cost more than it won.)
_AGREEMENT = 1.0
_PLURAL_CUES = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "many",
        "several",
        "few",
        "both",
        "these",
        "those",
        "various",
        "numerous",
    ]
)
_SINGULAR_CUES = frozenset(["one", "a", "an", "this", "that", "each", "every", "another"])
_CUES = _PLURAL_CUES | _SINGULAR_CUES


@dataclass(frozen=True)
class Scored:
    """A candidate and how likely the writer meant it (higher is likelier)."""

    word: str
    score: float


def neighbours(word: str) -> list[str]:
    """Every string one slip away (delete, swap neighbours, replace, insert), or two swaps
    away, that English uses at least a little; in alphabetical order, so that candidates
    that score the same rank the same way in every run."""
    w = word.lower()
    edits = _one_slip(w)
    edits |= {s for e in _swaps(w) for s in _swaps(e)}  # two swaps: tihkn -> think
    edits.discard(w)
    return sorted(e for e in edits if zipf(e) >= _MIN_ZIPF)


def _one_slip(w: str, letters: str = _LETTERS) -> set[str]:
    """Every string one slip from ``w``: a letter dropped, added or replaced (by one of
    ``letters``), or two neighbours swapped."""
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= _swaps(w)
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    return edits


def _swaps(w: str) -> set[str]:
    """``w`` with each pair of neighbouring letters swapped in turn."""
    return {w[:i] + w[i + 1] + w[i] + w[i + 2 :] for i in range(len(w) - 1)}


def slip_cost(typed: str, meant: str) -> float:
    """How unlikely it is to type ``typed`` when meaning ``meant``, in Zipf units."""
    t, m = typed.lower(), meant.lower()
    distance = OSA.distance(t, m)
    if distance == 2 and t != m and t in {s for e in _swaps(m) for s in _swaps(e)}:
        # Two swaps (ahev for have): each is the commonest slip, so together they cost
        # less than any other two slips.
        return _TWO_SWAPS + (_FIRST_LETTER if t[:1] != m[:1] else 0.0)
    if distance == 2:
        # The cheapest way there, one slip after another (tommorow: m doubled, then an r
        # dropped), plus the rarity of a second slip in one word. A letter on the way that
        # is not in what was typed would take two slips where one does: never cheapest.
        steps = [x for x in _one_slip(m, "".join(set(t))) if OSA.distance(t, x) == 1]
        if steps:
            return _SECOND_SLIP + min(slip_cost(x, m) + slip_cost(t, x) for x in steps)
    if distance != 1:
        first = _FIRST_LETTER if t[:1] != m[:1] else 0.0
        return _FIRST_EDIT + _PER_EXTRA_EDIT * max(distance - 1, 0) + first
    i = next((k for k in range(min(len(t), len(m))) if t[k] != m[k]), min(len(t), len(m)))
    cost = _FIRST_LETTER if i == 0 else 0.0
    if len(t) == len(m):
        if i + 1 < len(t) and t[i] == m[i + 1] and t[i + 1] == m[i]:
            return cost + _SWAP  # swapped neighbours: the commonest slip
        return cost + _substitution_cost(t[i], m[i])
    if len(t) < len(m):  # a letter dropped
        return cost + (_DROP_DOUBLE if i > 0 and m[i] == m[i - 1] else _DROP)
    extra = t[i]  # a letter added
    near = [t[i - 1]] if i > 0 else []
    near += [t[i + 1]] if i + 1 < len(t) else []
    if extra in near:
        return cost + _DOUBLE
    return cost + (_EXTRA_NEAR_KEY if any(_adjacent(extra, n) for n in near) else _EXTRA_LETTER)


def is_finger_slip(typed: str, meant: str) -> bool:
    """One slip of the fingers: a letter dropped, added or doubled, two swapped, or a
    neighbouring key. A letter for one off the next key, such as a vowel for a vowel
    (Eryk / Erik), is how names vary from language to language, not a slip."""
    t, m = typed.lower(), meant.lower()
    if OSA.distance(t, m) != 1:
        return False
    if len(t) != len(m):
        return True
    differ = [(a, b) for a, b in zip(t, m, strict=True) if a != b]
    return len(differ) == 2 or _adjacent(*differ[0])


def _substitution_cost(typed: str, meant: str) -> float:
    if _adjacent(typed, meant) or (typed in _VOWELS and meant in _VOWELS):
        return _NEAR_KEY
    return _OTHER_LETTER


def _adjacent(a: str, b: str) -> bool:
    if a not in _KEY_AT or b not in _KEY_AT:
        return False
    (ra, ca), (rb, cb) = _KEY_AT[a], _KEY_AT[b]
    return abs(ra - rb) <= 1 and abs(ca - cb) <= 1 and a != b


def rank(typed: str, candidates: Iterable[str], before: str = "", after: str = "") -> list[Scored]:
    """Candidates best first, in the context of the words ``before`` and ``after`` (either
    may be empty). Ties keep the order given (the engine's own preference)."""
    scored = [
        Scored(c, zipf(c) - slip_cost(typed, c) + context_gain(c, before, after))
        for c in dict.fromkeys(candidates)
    ]
    return sorted(scored, key=lambda s: -round(s.score, 1))


def context_gain(word: str, before: str = "", after: str = "") -> float:
    """How much likelier ``word`` is between ``before`` and ``after`` than on its own, in
    Zipf units (log10): its association with each neighbour in the bigram table, and
    where the table lacks the pairing, whether a plural agrees with a count before it."""
    gain = _CONTEXT_WEIGHT * sum(
        min(max(association(*pair), -_PAIR_LIMIT), _PAIR_LIMIT)
        for pair in ((before, word), (word, after))
    )
    return gain + _agreement(word, before)


def _agreement(word: str, before: str) -> float:
    """A bonus for a plural after a count, a cost after a singular determiner; 0 where the
    bigram table already knows the pairing, or ``word`` does not read as a plural."""
    cue = before.lower()
    if cue not in _CUES or not _reads_plural(word):
        return 0.0
    if seen_pair(before, word):
        return 0.0
    return _AGREEMENT if cue in _PLURAL_CUES else -_AGREEMENT


def _reads_plural(word: str) -> bool:
    """``word`` is a regular plural of a word English uses (packages, boxes, cities)."""
    w = word.lower()
    if not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return False
    stems = (w[:-1], w[:-2] if w.endswith("es") else "", w[:-3] + "y" if w.endswith("ies") else "")
    return any(stem and zipf(stem) >= _MIN_ZIPF for stem in stems)


def seen_pair(first: str, second: str) -> bool:
    """True when ``first second`` is common enough to be in the bigram table."""
    return f"{first.lower()} {second.lower()}" in _bigram_table().pairs


def association(first: str, second: str) -> float:
    """log10 of how much more often ``first second`` occurs than chance would have it;
    0 when the pair is not in the table."""
    if not first or not second:
        return 0.0
    table = _bigram_table()
    left, right = table.left.get(first.lower()), table.right.get(second.lower())
    if left is None or right is None:
        return 0.0  # a word the table hardly knows: no evidence
    # A pair missing from the table is rarer than its rarest pair: evidence against it
    # when chance alone would have it far more common (the allows, the was).
    pair = table.pairs.get(f"{first.lower()} {second.lower()}")
    if pair is None:
        return min(0.0, math.log10(table.rarest * table.total / (left * right)))
    return math.log10(pair * table.total / (left * right))


@dataclass(frozen=True)
class _Bigrams:
    pairs: dict[str, int]  # "first second" -> count
    left: dict[str, int]  # each word's count as the first of a pair
    right: dict[str, int]  # ...and as the second
    total: int
    rarest: int  # the smallest count in the table: a pair left out is rarer


def load() -> None:
    """Load the bigram table now rather than at the first ranking (for a process about to
    fork workers, so that they start with it)."""
    _bigram_table()


@lru_cache(maxsize=1)
def _bigram_table() -> _Bigrams:
    """symspellpy's bigram counts, loaded on first use (about 0.4 s and 33 MiB)."""
    text = resources.files("symspellpy").joinpath(_BIGRAMS).read_text(encoding="utf-8")
    pairs: dict[str, int] = {}
    left: dict[str, int] = {}
    right: dict[str, int] = {}
    for line in text.splitlines():  # "first second count"
        key, _, count = line.rpartition(" ")
        first, _, second = key.partition(" ")
        n = int(count)
        pairs[key] = n
        left[first] = left.get(first, 0) + n
        right[second] = right.get(second, 0) + n
    return _Bigrams(pairs, left, right, sum(pairs.values()), min(pairs.values()))
