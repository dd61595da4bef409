"""Spelling, news-aware: Harper finds the unknown words, this decides which are typos.

Raw dictionary spelling raises dozens of alarms per story, nearly all of them names,
acronyms and handles. Here an unknown word is an error only when the evidence says typo:
a lower-case word Harper does not know, or a capitalised word one slip away from a word
or name far more common than itself (``Vladamir`` -> ``Vladimir``). Any other unknown
capitalised word is most likely a name: it is listed once, at ``info``, to verify.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import OSA

from proofer.checkers import CheckContext, ParagraphChecker
from proofer.engines.harper import SPELL_RULE, Dialect, HarperEngine
from proofer.findings import Category, Engine, Finding, Severity
from proofer.lexicon import zipf
from proofer.rules import Rule
from proofer.words import (
    PARTICLES,
    has_inner_capital,
    is_acronym,
    is_capitalised,
    is_non_word,
    match_case,
    starts_sentence,
    strip_possessive,
    token_around,
)

UNKNOWN = Rule(
    id="spelling.unknown",
    category=Category.SPELLING,
    summary="A word that is in no dictionary and looks like a slip of a known word.",
    why="Typos in print cost credibility; the first suggestion is the likeliest intended word.",
    example="cessation of hositalities -> hostilities; President Vladamir Putin -> Vladimir",
    severity=Severity.ERROR,
)
UNVERIFIED_NAME = Rule(
    id="spelling.unverified-name",
    category=Category.SPELLING,
    summary="A capitalised word in no dictionary and not on the entity list: probably a name.",
    why="Names are where corrections come from; each one not on the list should be checked "
    "once against a source. Listed once per name, at info, so it never drowns real errors.",
    example="Garret Pustay -> check 'Pustay', then add it to the entity list",
    severity=Severity.INFO,
    once_per_text=True,
)

# A capitalised word is a typo, not a name, when a candidate one slip away is at least this
# much more common (Zipf units, a factor of ten each) and the word itself is this rare.
_NAME_TYPO_GAIN = 2.0
_NAME_TYPO_MAX_ZIPF = 1.8
_COMMON_ZIPF = 3.0


@dataclass(frozen=True)
class _Candidate:
    word: str
    distance: int
    zipf: float
    listed: bool  # a word of a name on the entity list


class SpellingChecker(ParagraphChecker):
    """Turns Harper's unknown words into findings a copy editor will read."""

    rules = (UNKNOWN, UNVERIFIED_NAME)

    def __init__(self, engine: HarperEngine) -> None:
        self._engine = engine

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Judge each word Harper does not know in ``text``."""
        findings = []
        lints = self._engine.lint(text, ctx.dialect).get(SPELL_RULE, [])
        for lint in lints:
            start, end = lint.span.start, lint.span.end
            harper_suggestions = [s.replacement_text for s in lint.suggestions]
            finding = self._judge(text, start, end, harper_suggestions, ctx)
            if finding:
                findings.append(finding)
        return findings

    def _judge(
        self, text: str, start: int, end: int, suggested: list[str], ctx: CheckContext
    ) -> Finding | None:
        token_start, token_end = token_around(text, start, end)
        token = text[token_start:token_end]
        word = strip_possessive(text[start:end])
        if not word or is_non_word(token) or _is_fragment(text, start, end):
            return None
        if ctx.known.accepts(word) or is_acronym(word) or has_inner_capital(word):
            return None
        if word.lower() in PARTICLES and _is_name_particle(text, start, end, token):
            return None
        if ctx.dialect_report and self._other_dialect_knows(word, ctx.dialect):
            return None  # a regional spelling: the dialect checker's concern

        candidates = _candidates(word, suggested, ctx)
        if is_capitalised(word) and not (
            starts_sentence(text, start) and self._lowercase_typo(word.lower(), candidates, ctx)
        ):
            best = _name_typo(word, candidates)
            if best is None:
                return _unverified(start, start + len(word), word)
            return _typo(start, start + len(word), word, [best, *_ranked(candidates)])
        return _typo(start, start + len(word), word, _ranked(candidates))

    def _lowercase_typo(self, word: str, candidates: list[_Candidate], ctx: CheckContext) -> bool:
        """A sentence-initial word whose lower-case form is a rare slip of a common
        lower-case word (``Recieved``), not a name that resembles another (``Pieter``)."""
        if zipf(word) >= _COMMON_ZIPF:
            return False
        near = [
            c.word.lower()
            for c in candidates
            if c.distance <= _reach(word) and zipf(c.word.lower()) - zipf(word) >= _NAME_TYPO_GAIN
        ]
        return bool(near) and len(self._engine.unknown_words(near, ctx.dialect)) < len(near)

    def _other_dialect_knows(self, word: str, dialect: Dialect) -> bool:
        others = [d for d in (Dialect.AMERICAN, Dialect.BRITISH) if d is not dialect]
        return any(not self._engine.unknown_words([word], d) for d in others)


def _is_fragment(text: str, start: int, end: int) -> bool:
    """Harper splits ``’90s`` and ``rock ’n’ roll`` oddly; a span glued to a letter or digit
    on either side is a piece of a longer token, not a word of its own."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (
        before.isalnum()
        or after.isalnum()
        or (before in "’'" and start > 1 and text[start - 2].isalnum())
    )


def _is_name_particle(text: str, start: int, end: int, token: str) -> bool:
    """``al-Assad``, ``bin Laden``, ``van der Merwe``: a particle joined to or followed by a
    capitalised name."""
    if "-" in token:
        return True
    rest = text[end:].lstrip()
    return rest[:1].isupper() or (rest.split(" ", 1)[0].lower() in PARTICLES)


def _candidates(word: str, suggested: list[str], ctx: CheckContext) -> list[_Candidate]:
    """Harper's suggestions and entity-list words within reach of ``word``."""
    seen: dict[str, _Candidate] = {}
    listed = [w for w in ctx.entities.words() if abs(len(w) - len(word)) <= 2]
    for cand, is_listed in [(w, True) for w in listed] + [(w, False) for w in suggested]:
        if " " in cand or cand in seen or cand == word:
            continue
        distance = OSA.distance(word.lower(), cand.lower())
        if is_listed and distance > _reach(word):
            continue
        seen[cand] = _Candidate(cand, distance, zipf(cand), is_listed)
    return list(seen.values())


def _reach(word: str) -> int:
    """How many slips a word may have and still be recognised: one, two for long words."""
    return 1 if len(word) < 8 else 2


def _ranked(candidates: list[_Candidate]) -> list[str]:
    """Best first: names on the list, then fewest slips, then the commoner word.

    Frequency is rounded so that Harper's own order breaks near-ties.
    """
    order = sorted(
        enumerate(candidates),
        key=lambda ic: (not ic[1].listed, ic[1].distance, -round(ic[1].zipf), ic[0]),
    )
    return [c.word for _, c in order]


def _name_typo(word: str, candidates: list[_Candidate]) -> str | None:
    """The name or word a capitalised unknown word is a slip of, if the evidence is strong."""
    rare = zipf(word) <= _NAME_TYPO_MAX_ZIPF
    for cand in candidates:
        if cand.distance > _reach(word) or not cand.word[:1].isupper():
            continue
        if cand.listed and zipf(word) < _COMMON_ZIPF:
            return cand.word
        if rare and cand.zipf >= _COMMON_ZIPF and cand.zipf - zipf(word) >= _NAME_TYPO_GAIN:
            return cand.word
    return None


def _typo(start: int, end: int, word: str, suggestions: list[str]) -> Finding:
    fixes = tuple(dict.fromkeys(match_case(word, s) for s in suggestions[:5]))
    hint = f"; did you mean ‘{fixes[0]}’?" if fixes else "."
    return Finding(
        start,
        end,
        Category.SPELLING,
        UNKNOWN.id,
        f"‘{word}’ is not in the dictionary{hint}",
        fixes,
        Severity.ERROR,
        Engine.HARPER,
    )


def _unverified(start: int, end: int, word: str) -> Finding:
    return Finding(
        start,
        end,
        Category.SPELLING,
        UNVERIFIED_NAME.id,
        f"‘{word}’ is not in the dictionary or the entity list: check the spelling of this name.",
        (),
        Severity.INFO,
        Engine.HARPER,
    )
