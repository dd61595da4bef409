"""Spelling, news-aware: Harper finds the unknown words, this decides which are typos.

Raw dictionary spelling raises dozens of alarms per story, nearly all of them names,
acronyms and handles. Here an unknown word is an error only when the evidence says typo:
a lower-case word Harper does not know, or a capitalised word one slip away from a word
or name far more common than itself (‘Sebastain’ -> ‘Sebastian’). Any other unknown
capitalised word is most likely a name: it is listed once, at ‘info’, to verify. The
words around are evidence both ways: where a name goes (after a given name or a title,
before ‘said’) a name English has seen stays a name; a form English never uses, one
finger slip from a common word, is a slip wherever it stands.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from proofer.checkers import CheckContext, ParagraphChecker
from proofer.document import Document
from proofer.engines.harper import SPELL_RULE, HarperEngine
from proofer.findings import Category, Engine, Finding, Severity
from proofer.lexicon import zipf
from proofer.quotemarks import ATTRIBUTION_VERBS
from proofer.rules import Rule
from proofer.suggest import (
    association,
    context_gain,
    is_finger_slip,
    neighbours,
    rank,
    seen_pair,
    slip_cost,
)
from proofer.words import (
    CALENDAR,
    COURTESY_TITLES,
    PARTICLES,
    TITLE_FORMS,
    WORD,
    context_words,
    has_inner_capital,
    is_acronym,
    is_capitalised,
    is_non_word,
    is_plural,
    match_case,
    slip_reach,
    starts_sentence,
    strip_possessive,
    token_around,
)

# The outside engines' spell checks: they report the same misspellings.
_SPELLERS = (
    "harper.SpellCheck",
    *(f"lt.MORFOLOGIK_RULE_EN_{region}" for region in ("US", "GB", "AU", "CA")),
)
UNKNOWN = Rule(
    id="spelling.unknown",
    category=Category.SPELLING,
    summary="A word in no dictionary that looks like a slip of a common word.",
    why="Typos in print cost credibility; the first suggestion is the likeliest intended word.",
    example="the resumption of negoitations -> negotiations",
    flags=(
        "the resumption of negoitations",
        "Negotiations ended. The negoitations resumed. Negotiations grew. Negotiations waned.",
    ),
    passes=(
        "the resumption of negotiations",
        "It cost 4 dlrs, then 2 dlrs, now 9 dlrs.",
        # Before a verb of saying, a person: a name English has seen, not lunch.
        "Lundh said the results were clear.",
    ),
    severity=Severity.ERROR,
    covers=_SPELLERS,
)
NAME_TYPO = Rule(
    id="spelling.name-typo",
    category=Category.SPELLING,
    summary="A capitalised word one slip away from a far better-known name, a listed one, "
    "or one the draft itself uses far more often.",
    why="A misspelled name is the correction readers remember. Unknown names are usually "
    "right, so this needs strong evidence: the name is on the entity list, or the word is "
    "rare, longer than four letters, and one slip (not in the first letter) from a name far "
    "better known, or the draft spells the name the other way three times as often. After "
    "a title or before ‘said’, a person: only a form English never uses is a slip there. "
    "A slip of a month or a common word is a plain typo, not a name.",
    example="Chilean Senator Sebastain Moreno -> Sebastian",
    flags=(
        "Chilean Senator Sebastain Moreno.",
        "Kowalczyk spoke. Kowalczyk left. Kowalczyk won. Kowalcyzk lost.",
    ),
    passes=(
        "Chilean Senator Sebastian Moreno.",
        "Kowalczyk spoke. Kowalczyk left.",
        "Deputy Minister Sapin told reporters the deficit would narrow.",
    ),
    severity=Severity.ERROR,
    covers=_SPELLERS,
)
CAPITAL_TYPO = Rule(
    id="spelling.capitalised-typo",
    category=Category.SPELLING,
    summary="A capitalised word one slip from a common word, a month, day, place or known "
    "name, in a name, title or dateline.",
    why="Capitals do not make a slip a name: ‘Sourth Africa’, ‘Setpember’ and ‘Oil "
    "Miniter’ are typos. The evidence is a word English never uses (or far rarer than its "
    "correction) one slip from a common one; a finger slip of a place English knows; a "
    "month beside a number; or the words around it (a common pairing such as ‘South "
    "Africa’). Where a name goes (after a given name or Mr, before ‘said’) a name English "
    "has seen stays a name; a form it never uses, a common word with a letter doubled, two "
    "swapped or a neighbouring key struck, is a slip. An unknown name with no such "
    "evidence stays a name to verify.",
    example="the Securities and Exchange Cmmission -> Commission",
    flags=(
        "He flew home to Sourth Africa.",
        "The Securities and Exchange Cmmission ruled.",
        "Ferries from Tbiliisi were late.",
        "CAIRO, Jnue 5 - Talks resumed.",
        "A word from Ingrid Sunmer opened the fair.",
        "The festival ends in Febuary.",
    ),
    passes=(
        "Monica Seles won in Paris.",
        "Coach Andrés Solier spoke.",
        "Tobias Vorhaugen said no.",
        "Sheldon Yett spoke. Yett said no.",
    ),
    severity=Severity.ERROR,
)
REPEATED_UNKNOWN = Rule(
    id="spelling.repeated-unknown",
    category=Category.SPELLING,
    summary="A lower-case word in no dictionary, typed the same way throughout the draft.",
    why="The same slip made three times over is unlikely; a house abbreviation (a wire's "
    "‘dlrs’, ‘mln’) or a term of the trade is likely. Noted once, at info, so the desk "
    "can add it to the dictionary; a near spelling far more frequent in the draft keeps it "
    "an error.",
    example="4 dlrs … 2 dlrs … 9 dlrs -> add 'dlrs' to the dictionary?",
    flags=("It cost 4 dlrs, then 2 dlrs, now 9 dlrs.",),
    passes=("It cost 4 dollars, then 2 dollars, now 9 dollars.",),
    severity=Severity.INFO,
    once_per_text=True,
)
UNKNOWN_TERM = Rule(
    id="spelling.unknown-term",
    category=Category.SPELLING,
    summary="A lower-case word in no dictionary that is no plausible slip of any known word.",
    why="A typo is one or two slips from the word meant; a word far from every known word "
    "is a term, a product or a handle the dictionary lacks (‘sysvinit’). It is listed once, "
    "at info, to check or to add, so it never drowns the real typos.",
    example="the init system replaced sysvinit -> check it, or add it to the dictionary",
    flags=("The desk runs qzxwvb every night.",),
    passes=("The desk runs backups every night.",),
    severity=Severity.INFO,
    once_per_text=True,
)
UNVERIFIED_NAME = Rule(
    id="spelling.unverified-name",
    category=Category.SPELLING,
    summary="A capitalised word in no dictionary and not on the entity list: probably a name.",
    why="Names are where corrections come from; each one not on the list should be checked "
    "once against a source. Listed once per name, at info, so it never drowns real errors.",
    example="Tobias Vorhaugen -> check 'Vorhaugen', then add it to the entity list",
    flags=("Khaled said no.",),
    passes=("Henriette said no.",),
    severity=Severity.INFO,
    once_per_text=True,
)

# Zipf frequencies (wordfreq; 7 is "the", each unit a factor of ten).
_WELL_KNOWN_NAME = 3.5  # Sebastian 3.9; Rodrigo 3.3 is known but not enough to overrule
_RARE = 1.8  # at most this rare to be read as a slip of a well-known name
_SEEN_WORD = 2.0  # a lower-case word this common in real text is a word Harper lacks...
_SLIP_GAIN = 1.2  # ...unless a word one slip away is this much more common (recieve/receive)
_NAME_GAIN = 2.0
_COMMON = 3.0
_NEIGHBOURS_CHECKED = 5
_CANDIDATE_CACHE = 20_000
_REAL_WORD_MARGIN = -0.5  # misspellings score 0.9 and more below their correction
_UNSEEN = 1.0  # rarer than this, and typed the same way twice: deliberate, not a slip
_PER_DOUBLING = 1.5  # Zipf units of evidence for intent each time a word's count doubles
_REPEATED = 3  # typed the same way this often in a draft: deliberate...
_DOMINANT = 3  # ...unless a spelling one slip away is this many times as frequent there
_TWICE = 2  # a name typed twice the same way, beside a form typed once: the name
_OVERWHELMING = 10  # a short word's near spelling typed this many times as often
_SHORT = 4  # words this short have many neighbours: one slip proves little
_ASSOCIATED = 1.0  # a pairing ten times likelier than chance (South Africa) is evidence
_FUNCTION_WORD = 6.0  # the, this, with, from, they
_EVERYDAY = 5.5  # since, each, what: a short capitalised slip must be of a word this common
# The prefixes English still builds new words with (refighting, undertaxed, outbuild).
_PREFIXES = (
    "re", "un", "pre", "pro", "non", "anti", "over", "under", "out", "counter", "mis",
    "post", "inter", "multi", "semi", "super", "sub", "co",
)  # fmt: skip
_PLAINLY_A_WORD = 5.0  # as common as "okay" (5.1): a word, however close to another (ok / of)
_TYPO_GAP = 3.0  # a correction this much likelier than the word as typed (waht 2.0, what)
_LONG = 8  # few names this long are one slip from a common word: Mannifesto is a slip
_KNOWN_NAME = 2.4  # a name's frequency less its slip's cost: Tbiliisi -> Tbilisi 2.6
_CHEAP_SLIP = 0.4  # suggest.slip_cost of a swap, a doubled letter or a neighbouring key
# The last word of an office before a name (Minister): also a common word, as in
# Premier League, so a name follows it only in a person's name.
_OFFICES = frozenset(form.split()[-1] for form in TITLE_FORMS)
_ATTRIBUTION = re.compile(ATTRIBUTION_VERBS)
# Two names joined by a slash (GNU/Linux, Debian/Ubuntu), or a name after a slash spaced
# off the one before (GNU /Linux): words, not a path, which is in lower case.
_NAMES_PAIRED = re.compile(r"(?:[A-Z][^\W\d_]*)?/[A-Z][^\W\d_]*")
_NUMBER_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?,?[ \u00a0]+$")
_NEAR = 12  # how far back a number beside a word may start
_NUMBER_AFTER = re.compile(r",?[ \u00a0]+\d")


@dataclass(frozen=True)
class _Candidate:
    word: str
    distance: int
    zipf: float
    score: float  # how likely the writer meant this word (suggest.rank), in context
    listed: bool  # a word of a name on the entity list
    common: bool  # a word Harper knows in lower case, not only as a name
    fit: float = 0.0  # what the words around it add to its score (suggest.context_gain)

    @property
    def evidence(self) -> float:
        """Its score as evidence that a lower-case word is a slip of it: the words around
        may vouch for a correction but not count against one (the bigram table is of
        books, a draft's sentence may be unusual); against, they only rank corrections. A
        capitalised word may be a name: there the context must agree (``score``)."""
        return self.score - min(self.fit, 0.0)


class SpellingChecker(ParagraphChecker):
    """Turns Harper's unknown words into findings a copy editor will read."""

    rules = (UNKNOWN, NAME_TYPO, CAPITAL_TYPO, REPEATED_UNKNOWN, UNKNOWN_TERM, UNVERIFIED_NAME)

    def __init__(self, engine: HarperEngine) -> None:
        self._engine = engine
        # Candidates per word, suggestions and dialect: a name recurs through a draft, and a
        # re-check of a paragraph asks the same questions again.
        self._known_candidates: dict[tuple[str, tuple[str, ...], str, int], list[_Candidate]] = {}

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Judge each word Harper does not know in ``text``."""
        findings = []
        lints = self._engine.lint(text, ctx.dialect, ctx.markdown, ctx.harper_rules)
        # A grammar rule with a fix for the very same word knows it better (alot -> a lot).
        claimed = {
            (lint.span.start, lint.span.end)
            for rule, found in lints.items()
            if rule != SPELL_RULE
            for lint in found
        }
        for lint in lints.get(SPELL_RULE, []):
            if (lint.span.start, lint.span.end) in claimed:
                continue
            suggested = [s.replacement_text for s in lint.suggestions]
            finding = self._judge(text, lint.span.start, lint.span.end, suggested, ctx)
            if finding:
                findings.append(finding)
        return findings

    def refine(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Draft-wide evidence: repetition is intent. A word typed the same way three times,
        with no spelling one slip away that the draft uses far more often (or twice, if it
        is in lower case or English never uses it, and no near spelling is in the draft),
        is meant: a house abbreviation or a name, noted once, never an error at each use. A
        slip beside the right spelling stays an error. The other way round, a name to verify
        that the draft spells one slip differently three times as often is a slip of it.
        A capitalised word read as a name where it stands (after a given name) is that
        name wherever the draft types it the same way: Sheldon Yett ... Yett said."""
        typed = Counter(m.group() for m in WORD.finditer(doc.text))
        names = {doc.text[f.start : f.end] for f in findings if f.rule == UNVERIFIED_NAME.id}
        counts: Counter[str] = Counter()
        for w, n in typed.items():
            counts[w.lower()] += n
        # The only spellings a name can be a slip of: capitalised, typed at least twice.
        # Searching these, not every word of the draft, keeps a long draft linear.
        frequent = [w for w, n in typed.items() if n >= _TWICE and is_capitalised(w)]
        meant: dict[str, bool] = {}
        variants: dict[str, str | None] = {}
        out = []
        for f in findings:
            word = doc.text[f.start : f.end]
            capital_rules = (UNVERIFIED_NAME.id, NAME_TYPO.id, CAPITAL_TYPO.id, UNKNOWN.id)
            if f.rule in capital_rules and word not in variants:
                named = f.rule == UNVERIFIED_NAME.id
                variants[word] = _draft_variant(word, typed, frequent, named)
            variant = variants[word] if f.rule in capital_rules else None
            if variant:
                # A slip of a common word or a month stays a plain typo (the names panel is
                # for names): Govenment beside Government, Febuary beside February.
                common_slip = f.rule in (UNKNOWN.id, CAPITAL_TYPO.id) and is_capitalised(word)
                rule = NAME_TYPO
                if common_slip or variant.lower() in CALENDAR:
                    rule = _common_rule(starts_sentence(doc.text, f.start))
                f = _finding(rule, (f.start, f.end), word, [variant, *f.suggestions])
            elif f.rule in (UNKNOWN.id, CAPITAL_TYPO.id) and word in names:
                f = _unverified(f.start, f.end, word)
            elif f.rule in (UNKNOWN.id, NAME_TYPO.id, CAPITAL_TYPO.id):
                if word not in meant:
                    meant[word] = _is_meant(word, counts)
                if meant[word] and is_capitalised(word):
                    f = _unverified(f.start, f.end, word)
                elif meant[word]:
                    f = _repeated(f.start, f.end, word, counts[word.lower()])
            out.append(f)
        return out

    def _judge(
        self, text: str, start: int, end: int, suggested: list[str], ctx: CheckContext
    ) -> Finding | None:
        token_start, token_end = token_around(text, start, end)
        token = text[token_start:token_end]
        word = strip_possessive(text[start:end])
        if len(word) < 2 or _is_fragment(text, start, end):
            return None
        if is_non_word(token) and not _NAMES_PAIRED.fullmatch(token):
            return None
        if "-" in token and zipf(strip_possessive(token).replace("-", "")) >= _SEEN_WORD:
            return None  # a piece of a compound English also writes closed: plug-ins
        if ctx.known.accepts(word) or is_acronym(word) or has_inner_capital(word):
            return None
        if "-" in token and ctx.known.accepts(strip_possessive(token)):
            return None  # the dictionary has the whole compound: good-natured
        if word.lower() in PARTICLES and _is_name_particle(text, start, end, token):
            return None
        if ctx.dialect_report and word in ctx.dialect_report.minority:
            return None  # a regional spelling: the dialect checker's concern
        if _is_abbreviation(text, start, word):
            return None  # Sen., Gov., Lt. Col., Jan.
        if word.isupper() and not self._engine.unknown_words([word.title()], ctx.dialect):
            return None  # a dateline in capitals: WASHINGTON

        span = (start, start + len(word))
        # A shouted dateline (ROTTERDAM) is judged as the name it spells.
        judged = word.title() if word.isupper() else word
        before, after = context_words(text, *span)
        candidates = _in_context(self._candidates(judged, suggested, ctx), before, after)
        if not is_capitalised(judged):
            if self._is_real_word(judged, candidates):
                return None
            if self._derived(judged, ctx) and not _near_common(judged, candidates):
                return None
            if max(association(before, judged), association(judged, after)) >= _ASSOCIATED:
                return None  # half of a pairing English uses: per capita, ad hoc
            if not any(_plausible_slip(judged, c) for c in candidates):
                message = f"‘{word}’ is in no dictionary and no slip of a known word: check it."
                return UNKNOWN_TERM.finding(*span, message, (), Engine.HARPER)
            return _finding(UNKNOWN, span, word, _ranked(candidates))
        # Right after a given name (a capitalised word that is no common word), a surname;
        # after Mr or Dr, or before a verb of saying, a name.
        courtesy = before in COURTESY_TITLES
        given = is_capitalised(before) and not self._lowercase_known([before], ctx)
        speaker = _ATTRIBUTION.fullmatch(after) is not None and not any(
            seen_pair(c.word, after) for c in candidates[:_NEIGHBOURS_CHECKED]
        )
        # Before a capitalised word that is no common word, a given name: a name English
        # has seen stays one there (Mette Vik, Legislator Tse Wai-chun).
        surname_next = is_capitalised(after) and not self._lowercase_known([after], ctx)
        seen = zipf(judged) >= _UNSEEN
        setting = _Setting(
            before,
            after,
            after_name=given and not courtesy,
            dated=_beside_a_number(text, *span),
            cued=courtesy or speaker or (surname_next and seen),
            office=before in _OFFICES,
        )
        # A name English has seen, where a name goes, is that name (Minister Sapin said).
        named = setting.named_here and seen
        opens = starts_sentence(text, start)
        if opens and not named and self._common_slip(judged.lower(), candidates, ctx):
            return _finding(UNKNOWN, span, word, _ranked(candidates))
        best = self._name_slip(judged, candidates, ctx, setting)
        if best is not None:
            # A month or a day is no name: the names panel is for names (Febuary).
            rule = _common_rule(opens) if best.lower() in CALENDAR else NAME_TYPO
            return _finding(rule, span, word, [best, *_ranked(candidates)])
        common = _capital_slip(judged, candidates, setting)
        if common is not None:
            return _finding(_common_rule(opens), span, word, [common, *_ranked(candidates)])
        return _unverified(*span, word)

    def _lowercase_known(self, words: list[str], ctx: CheckContext) -> set[str]:
        """The words Harper knows in lower case: common words, not proper nouns."""
        lowered = [w.lower() for w in words]
        return set(lowered) - self._engine.unknown_words(lowered, ctx.dialect)

    def _common_slip(self, word: str, candidates: list[_Candidate], ctx: CheckContext) -> bool:
        """A rare word one slip from a much more common lower-case word (``recieve``).

        Short words have many neighbours: a four-letter one must be a slip of a function
        word (``Teh``, ``Thsi``), or every short name would be (``Niek``, ``Gavi``).
        """
        floor = _FUNCTION_WORD if len(word) <= _SHORT else 0.0
        near = [
            c.word
            for c in candidates
            if c.distance == 1
            and c.word[:1].lower() == word[:1]
            and zipf(c.word.lower()) >= floor
            and zipf(c.word.lower()) - zipf(word) >= _SLIP_GAIN
        ]
        return bool(near) and zipf(word) < _COMMON and bool(self._lowercase_known(near, ctx))

    def _derived(self, word: str, ctx: CheckContext) -> bool:
        """A common word behind one of English's living prefixes (``refighting``,
        ``undertaxed``, ``unvetted``, ``outbuild``): a word made the regular way, which no
        dictionary lists in full. A slip rarely leaves a common word of four letters or more
        behind a prefix (``retrun`` leaves ``trun``); one that does and is one slip from a
        much commoner word stays a slip (``presure``, ``remined``)."""
        rests = [
            word[len(p) :]
            for p in _PREFIXES
            if word.startswith(p)
            and len(word) - len(p) >= _SHORT
            and zipf(word[len(p) :]) >= _COMMON
        ]
        return bool(rests) and bool(self._lowercase_known(rests, ctx))

    def _is_real_word(self, word: str, candidates: list[_Candidate]) -> bool:
        """A lower-case word Harper lacks but English uses (``premarket``, ``naira``): seen
        in real text, and likelier as typed than any correction. Common misspellings are
        seen too (``recieve``), but their corrections score far above them. A short word
        that is common in its own right (``vu`` in déjà vu) is only read as a slip of a
        function word (``teh``)."""
        common_short = len(word) < _SHORT and zipf(word) >= _COMMON
        floor = _FUNCTION_WORD if common_short else 0.0
        best = max(
            (c.evidence for c in candidates if not c.listed and c.zipf >= floor),
            default=float("-inf"),
        )
        if zipf(word) >= _PLAINLY_A_WORD:
            return True  # no misspelling is this common (alot 3.9, dont 4.7)
        if zipf(word) >= _UNSEEN and not any(_plausible_slip(word, c) for c in candidates):
            return True  # seen in English, and no word it could be a slip of: pulmonologist
        return zipf(word) >= _SEEN_WORD and zipf(word) - best > _REAL_WORD_MARGIN

    def _candidates(self, word: str, suggested: list[str], ctx: CheckContext) -> list[_Candidate]:
        """Listed names within reach, Harper's suggestions, and the likeliest one-slip
        neighbours that Harper knows; scored by how likely each was meant."""
        key = (word, tuple(suggested), ctx.dialect.value, id(ctx.entities))
        if key not in self._known_candidates:
            if len(self._known_candidates) > _CANDIDATE_CACHE:
                self._known_candidates.clear()
            self._known_candidates[key] = self._find_candidates(word, suggested, ctx)
        return self._known_candidates[key]

    def _find_candidates(
        self, word: str, suggested: list[str], ctx: CheckContext
    ) -> list[_Candidate]:
        lower = word.lower()
        listed = []
        if is_capitalised(word):  # a lower-case slip is of a word, not of a name
            listed = [w for w, _ in ctx.entities.index.near(word, slip_reach(word))]
        # Only the best-scoring neighbours are looked up: Harper computes suggestions for
        # every word it does not know, so asking about all of them would cost milliseconds.
        near = [s.word for s in rank(word, neighbours(word))[:_NEIGHBOURS_CHECKED]]
        unknown = self._engine.unknown_words(near, ctx.dialect)
        if is_capitalised(word):  # a name, place or month is known only with its capital
            titled = {w.title(): w for w in unknown}
            known = set(titled) - self._engine.unknown_words(list(titled), ctx.dialect)
            unknown -= {titled[t] for t in known}
        near = [w for w in near if w not in unknown]
        pool = [w for w in [*listed, *suggested, *near] if " " not in w]
        pool = [w for w in dict.fromkeys(pool) if w.lower() != lower]
        listed_set = set(listed)
        common = self._lowercase_known(pool, ctx) if is_capitalised(word) else set()
        return [
            _Candidate(
                s.word,
                OSA.distance(lower, s.word.lower()),
                zipf(s.word),
                s.score,
                s.word in listed_set,
                s.word.lower() in common,
            )
            for s in rank(word, pool)
        ]

    def _name_slip(
        self, word: str, candidates: list[_Candidate], ctx: CheckContext, at: _Setting
    ) -> str | None:
        """The name a capitalised unknown word is a slip of, when the evidence is strong: a
        name on the list, or a far better-known one, not where a surname goes (Michel
        Sapin is no slip of Spain), and before a verb of saying only a form English never
        uses (Sebastain said)."""
        # A person's surname, after a title or before ``said``: a name English has seen is
        # no slip of another (Minister Sapin said); a form it never uses may be (Sebastain
        # said). Before another name it is a given name, and the evidence as anywhere
        # (President Vladamir Putin).
        surname = (at.cued or at.office) and not is_capitalised(at.after)
        cued = surname and zipf(word) >= _UNSEEN
        for cand in candidates:
            if is_plural(word, cand.word):
                return None  # the Wallises: a family, spelled right
            if cand.distance > slip_reach(word):
                continue
            if cand.listed and zipf(word) < _COMMON:
                return cand.word
            if (
                not at.after_name
                and not cued
                and len(word) > _SHORT
                and zipf(word) <= _RARE
                and cand.zipf >= _WELL_KNOWN_NAME
                and cand.zipf - zipf(word) >= _NAME_GAIN
                and cand.word[:1].lower() == word[:1].lower()
                and not _drops_a_mark(word, cand.word)
                and not self._lowercase_known([cand.word], ctx)
            ):
                return cand.word
        return None


def _is_abbreviation(text: str, start: int, word: str) -> bool:
    """A short capitalised word with a period after it: a title or month abbreviation."""
    after = start + len(word)
    return is_capitalised(word) and len(word) <= _SHORT and text[after : after + 1] == "."


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
    """``al-Marzouqi``, ``bin Laden``, ``van der Merwe``: a particle joined to or followed by a
    capitalised name."""
    if "-" in token:
        return True
    rest = text[end:].lstrip()
    return rest[:1].isupper() or (rest.split(" ", 1)[0].lower() in PARTICLES)


def _near_common(word: str, candidates: list[_Candidate]) -> bool:
    """One slip from a common word much commoner than ``word`` (presure: pressure)."""
    return any(
        c.distance == 1 and not c.listed and c.zipf >= _COMMON and c.zipf - zipf(word) >= _SLIP_GAIN
        for c in candidates
    )


def _plausible_slip(word: str, candidate: _Candidate) -> bool:
    """Close enough to be a typo of ``candidate``: one slip, or two keeping the first
    letter (writers rarely get that one wrong)."""
    if candidate.distance == 1:
        return True
    return candidate.distance == 2 and candidate.word[:1].lower() == word[:1].lower()


def _ranked(candidates: list[_Candidate]) -> list[str]:
    """Best first: names on the list, then the likeliest intended word."""
    order = sorted(enumerate(candidates), key=lambda ic: (not ic[1].listed, ic[0]))
    return [c.word for _, c in order]


def _in_context(candidates: list[_Candidate], before: str, after: str) -> list[_Candidate]:
    """Candidates re-ranked with the words around the slip as evidence (suggest.rank)."""
    if not before and not after:
        return candidates
    gains = [context_gain(c.word, before, after) for c in candidates]
    scored = [replace(c, score=c.score + g, fit=g) for c, g in zip(candidates, gains, strict=True)]
    return sorted(scored, key=lambda c: -round(c.score, 1))


@dataclass(frozen=True)
class _Setting:
    """Where a capitalised unknown word stands: the evidence around it."""

    before: str  # the word right before, or ""
    after: str  # the word right after, or ""
    after_name: bool  # right after a given name: where a surname goes
    dated: bool  # a number right beside it: a day or a year
    # After a courtesy title, before a verb of saying that no candidate is seen with
    # (Mr Sapin, Sapin said), or a name English has seen before a surname: a name goes here.
    cued: bool
    office: bool  # after an office (Minister Sapin): a name, or a name's word (Premier League)

    @property
    def named_here(self) -> bool:
        """Where it stands, a name would go."""
        return self.after_name or self.cued


def _capital_slip(word: str, candidates: list[_Candidate], at: _Setting) -> str | None:
    """The common word (or month, day, place, well-known name) a capitalised unknown word
    is a slip of. The evidence: a string English never uses (or far rarer than the word
    it is one slip from) one slip from a common word, not where a surname goes unless it
    is long (Ian Bicking); a finger slip of a name English uses a lot (Pixxar); a month or
    day beside a number (21 Jluy); or a pairing with a capitalised neighbour far likelier
    than chance (``Sourth Africa``, ``Exchange Cmmission``). The first letter must agree,
    and a letter with a diacritic is typed on purpose (Löwis is no slip of Lewis). Where
    a name goes (after a given name or Mr, before ``said``), a name English has seen is
    that name (Fredrik Lundh, Mr Sapin); a form it never uses, a common word with
    a letter doubled, two swapped or a neighbouring key struck, is still a slip (Collin
    Wiinter)."""
    short = len(word) <= _SHORT
    # Short words have many neighbours: only an everyday word (Waht, Snce) is evidence,
    # or one the next word makes everyday (Npte that).
    for cand in candidates:
        if cand.listed or cand.distance > slip_reach(word) or not _plausible_slip(word, cand):
            continue
        # A form English never uses, one cheap finger slip from a word, is that word: a
        # long one even if the word is uncommon (Recursvie: few names are that long and that
        # near), a short one if the word is common (Tpye; short names are seen: Niek, Eryk),
        # and no letter short of it (Guse is a surname, not guise).
        cheap = _cheap_slip(word, cand.word)
        if short:
            cheap = cheap and len(word) >= len(cand.word)
            floor = _COMMON if cheap else _EVERYDAY
        else:
            floor = _SEEN_WORD if cheap and len(word) >= _LONG else _COMMON
        free = (
            not at.named_here
            or (not at.cued and len(word) >= _LONG)
            # A letter missing is how many surnames differ from a word (Solier, soldier).
            or (cand.common and len(word) >= len(cand.word) and _unmistakable(word, cand.word))
        )
        if cand.zipf - zipf(word) < _SLIP_GAIN or _drops_a_mark(word, cand.word):
            continue
        if cand.word[:1].lower() != word[:1].lower():
            continue
        unseen = zipf(word) < _UNSEEN
        never = unseen or (len(word) > 2 and cand.score - zipf(word) >= _TYPO_GAP)
        common = never and free and cand.common and max(cand.zipf, cand.score) >= floor
        # A name or place English knows, only with its capital (Nicaragua, July).
        named = (
            unseen
            and free
            and not short
            and not cand.common
            and cand.score >= _KNOWN_NAME
            and is_finger_slip(word, cand.word)
        )
        dated = never and at.dated and cand.word.lower() in CALENDAR
        # A neighbour in the same name or title: South Africa, Exchange Commission.
        paired = max(
            association(at.before, cand.word) if is_capitalised(at.before) else 0.0,
            association(cand.word, at.after) if is_capitalised(at.after) else 0.0,
        )
        if common or named or dated or paired >= _ASSOCIATED:
            return cand.word
    return None


def _cheap_slip(word: str, meant: str) -> bool:
    """A form English never uses, one cheap slip of the fingers (two letters swapped, one
    doubled or dropped, a neighbouring key) from ``meant``. An added letter off the
    neighbouring keys (Bicking for biking) is how names differ."""
    return (
        zipf(word) < _UNSEEN
        and is_finger_slip(word, meant)
        and slip_cost(word, meant) <= _CHEAP_SLIP
    )


def _unmistakable(word: str, meant: str) -> bool:
    """A cheap slip (``_cheap_slip``) too long to be one of the many short names near a
    word: a slip even where a name goes (Wiinter, Junuor)."""
    return len(word) > _SHORT and _cheap_slip(word, meant)


def _common_rule(opens: bool) -> Rule:
    """A slip of a common word (or a month or day): a plain typo at the start of a
    sentence, where any word is capitalised; a capitalised typo elsewhere."""
    return UNKNOWN if opens else CAPITAL_TYPO


def _beside_a_number(text: str, start: int, end: int) -> bool:
    """A number right before or after the word (``21 July``, ``July 2013``): a date."""
    return bool(
        _NUMBER_BEFORE.search(text, max(0, start - _NEAR), start) or _NUMBER_AFTER.match(text, end)
    )


def _drops_a_mark(word: str, candidate: str) -> bool:
    """True when ``word`` has a letter outside plain ASCII that ``candidate`` lacks: an
    accent is typed on purpose, not slipped."""
    return not word.isascii() and candidate.isascii()


def _draft_variant(word: str, typed: Counter[str], frequent: list[str], named: bool) -> str | None:
    """A capitalised word the draft uses three times as often (and at least three times),
    one plausible slip from ``word``; or, for a form typed once that English never uses,
    one cheap finger slip from a word the draft types twice (Fabizio beside Fabrizio
    twice). ``frequent`` are the draft's capitalised words typed at least twice, in the
    order of ``typed``. Of several, the one the draft uses most (the same slip made three
    times, Debin, is no rival to the Debian typed on every page). A short word has many
    neighbours: it must be a finger slip from the draft's word, and one English never uses
    (Lnux beside Linux) or, read as a name (``named``: no common word near it), one the
    draft drowns, typing its near spelling ten times as often (Linx once, Linux on every
    page); a slip of a common word is left to the words around it (Ths is, not The)."""
    n = typed[word]
    reach = slip_reach(word)
    short = len(word) <= _SHORT
    dominant = _DOMINANT
    if short and zipf(word) >= _UNSEEN:
        if not named:
            return None
        dominant = _OVERWHELMING
    found = process.extract(word, frequent, scorer=OSA.distance, score_cutoff=reach, limit=None)
    variants = [
        variant
        for variant, distance, _ in found
        if variant != word
        and not is_plural(word, variant)
        and (
            typed[variant] >= max(dominant * n, _REPEATED)
            or (n == 1 and _unmistakable(word, variant))
        )
        and (distance == 1 or variant[:1] == word[:1])
        and (not short or (variant[:1] == word[:1] and is_finger_slip(word, variant)))
    ]
    return max(variants, key=lambda v: typed[v], default=None)


def _is_meant(word: str, counts: Counter[str]) -> bool:
    """Typed the same way often enough, and no near spelling dominates the draft."""
    typed = word.lower()
    n = counts[typed]
    # A capitalised word English uses needs three: a famous name misspelled twice
    # (Sebastain) is still a slip.
    if n < (2 if zipf(word) < _UNSEEN or not is_capitalised(word) else _REPEATED):
        return False
    # Typed only twice, any near spelling in the draft is evidence of a slip.
    dominant = _DOMINANT * n if n >= _REPEATED else 1
    reach = slip_reach(word)
    variants = process.extract(
        typed, list(counts), scorer=OSA.distance, score_cutoff=reach, limit=None
    )
    if any(v != typed and counts[v] >= dominant for v, _, _ in variants):
        return False
    # The noisy channel with repetition as evidence: habitual misspellings repeat too
    # (comittee twice), so the typed form must beat its likeliest correction once each
    # doubling of its count is credited; a wire's abbreviation, used dozens of times, does.
    # A habitual misspelling is one many writers make, so English text has seen it; a form
    # it has never seen, typed the same way twice, is a term the writer means (haors).
    if zipf(typed) < _UNSEEN:
        return True
    best = rank(typed, neighbours(typed))[:1]
    if best and _sounds_alike(typed, best[0].word):
        return False  # recieve, definately: spelled as said, the slip writers repeat
    return not best or best[0].score - zipf(typed) < _PER_DOUBLING * math.log2(n)


_VOWELS = frozenset("aeiouy")
_BY_EAR = 6  # letters: shorter words changed by one vowel are as often terms as slips


def _sounds_alike(typed: str, meant: str) -> bool:
    """``typed`` is ``meant`` with its vowels shuffled or its letters doubled or undoubled
    (recieve, definately, occured): the same consonants in the same order and no vowel
    dropped. That is how a word is misspelled by ear, habitually, and repetition proves
    nothing. A house abbreviation drops vowels (cts for cents, mln), so it does not match;
    nor does a short word, where one vowel changed is as likely a term (cron, grub, inode)."""

    def skeleton(word: str) -> str:
        consonants = [c for c in word if c not in _VOWELS]
        return "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])

    def vowels(word: str) -> int:
        return sum(c in _VOWELS for c in word)

    return (
        len(typed) >= _BY_EAR
        and skeleton(typed) == skeleton(meant)
        and vowels(typed) >= vowels(meant)
    )


def _repeated(start: int, end: int, word: str, times: int) -> Finding:
    message = (
        f"‘{word}’ is in no dictionary but used {times} times the same way: "
        "if it is right, add it to the dictionary."
    )
    return REPEATED_UNKNOWN.finding(start, end, message, (), Engine.HARPER)


def _finding(rule: Rule, span: tuple[int, int], word: str, suggestions: list[str]) -> Finding:
    fixes = tuple(dict.fromkeys(match_case(word, s) for s in suggestions[:5]))
    hint = f"; did you mean ‘{fixes[0]}’?" if fixes else "."
    message = f"‘{word}’ is not in the dictionary{hint}"
    return rule.finding(span[0], span[1], message, fixes, Engine.HARPER)


def _unverified(start: int, end: int, word: str) -> Finding:
    message = (
        f"‘{word}’ is not in the dictionary or the entity list: check the spelling of this name."
    )
    return UNVERIFIED_NAME.finding(start, end, message, (), Engine.HARPER)
