"""Grammar from Harper: only the rules measured to be nearly always right on real prose.

Harper has about 900 rules. Many judge what they cannot know (whether a noun is a mass noun,
whether a compound is closed in a desk's style, whether a place name was current on the
story's date) and cry wolf on published copy. A rule is on by default only with evidence
that it is nearly always right: it fired on real prose and its alarms were judged real, or it
stayed silent on that prose and catches a classic slip (its example below). The figures come
from ``bench/bench_harper_rules.py``: lints per 1,000 words on 58,649 words of clean,
published prose (Debian's history and FAQ, Python's documentation, the project's own
stories), after the checks below (spans cut inside a word, capitals on purpose), with the
alarms read by hand.

The table of rules, on or off, with the figures and the reasons, is docs/harper-rules.md.

Each Harper rule keeps its own id (``harper.AnA``): ``ignore`` turns a default one off, and
``harper-rules = ["OxfordComma"]`` (or ``["all"]``) turns others on.

Some of Harper's rules judge a word by its neighbours' word classes and misread news
speech: ``it's time``, ``for their right to``, ``its effect``, ``the might of``. Each is
checked here against the evidence Harper lacks (``_judged``): a word swap (its/it's,
their/there, affect/effect) stands only when the bigram counts of the words beside it favour
the swap ten to one, and ``of`` for ``have`` only before a participle.

Harper's a/an rule is right only where the next word's sound is known. It is not for a word
the dictionary lacks (``an rlogin``: read letter by letter, or not) nor for a capitalised
abbreviation shaped like a word (``SUV``, ``FAQ``, ``NATO``, a ``STREAM`` socket): read by
its letters it takes ``an``, read as a word ``a``, and both readings are in print. There the
writer's article stands; where the shape leaves no doubt (``a FBI``, ``an UN``, ``a NSW``)
Harper still judges.

Two real-word errors Harper misses are this module's own rules, each narrow and silent on
the same prose: ``could very well of been`` and ``has show``.
"""

from __future__ import annotations

import re

import harper

from proofer.checkers import CheckContext, ParagraphChecker
from proofer.engines.harper import ALL_RULES, SPELL_RULE, Dialect, HarperEngine, harper_rule_names
from proofer.findings import Category, Engine, Finding, Severity
from proofer.rules import Rule
from proofer.suggest import association, seen_pair
from proofer.words import is_acronym, is_non_word, strip_possessive, token_around

# The Harper rules on by default, each with a text of the project's own that it flags.
DEFAULT_RULES = {
    "AnA": "He is an unique candidate.",
    "CorrectNumberSuffix": "The talks ran from June 17th to 23th.",
    "IsBeenAuxSequence": "The bridge is been built by the council.",
    "Months": "The vote is set for november.",
    "SingleBe": "The data is be sent to the court.",
    "DoubleModal": "The council should can approve it.",
    "NotOnlyInversion": "But not only it is late, it is over budget.",
    "QuantifierNeedsOf": "He gave a couple reasons for the delay.",
    "OnFirstGlance": "On first glance the plan looks cheap.",
    "ModalOf": "The minister could of resigned.",
    "SimplePastToPastParticiple": "The miners had began the strike.",
    "ItsContraction": "Its a matter of time before the vote.",
    "ItsPossessive": "The council said it's members would vote.",
    "NounVerbConfusion": "The affect of the ruling was immediate.",
    "TheirToThere": "Their is no evidence of fraud.",
    "OpenCompounds": "There were alot more voters this year.",
}

MODAL_OF = Rule(
    id="grammar.modal-of",
    category=Category.GRAMMAR,
    summary="‘of’ for ‘have’ after a modal verb and an adverb: could very well of been.",
    why="Said aloud, ‘could’ve’ sounds like ‘could of’. Harper catches ‘could of’; an adverb "
    "in between hides it from Harper, not from readers. Only before a past participle (by its "
    "ending, or a word English pairs with ‘have’ and never with ‘of’: won, put), so ‘could "
    "only of course’ and ‘might well of them’ pass.",
    example="it could very well of been worse -> have",
    flags=(
        "It could very well of been worse.",
        "They would surely of known.",
        "She could very well of won the seat.",
    ),
    passes=("It could very well have been worse.", "It would, of course, be late."),
    severity=Severity.WARNING,
)
PARTICIPLE = Rule(
    id="grammar.participle",
    category=Category.GRAMMAR,
    summary="A verb's plain form after ‘has’, ‘have’ or ‘had’ where English uses its "
    "participle: has show -> has shown.",
    why="A dropped ‘n’ leaves a real word, so no spell checker sees it. English never pairs "
    "‘has’ with the plain form, and often with the form ending in ‘n’ or ‘en’ (bigram counts "
    "from symspellpy): that contrast is the evidence.",
    example="the minister has show no sign of leaving -> shown",
    flags=("The minister has show no sign of leaving.", "They have take the money."),
    passes=("The minister has shown no sign of leaving.", "They had the vote."),
    severity=Severity.WARNING,
)
_AUX_WORD = re.compile(r"\b(has|have|had|having)\s+([a-z]+)\b", re.IGNORECASE)
_COMMON_PAIR = 1.0  # ten times likelier than chance
_PARTICIPLE_ENDING = re.compile(r"^(?:been|\w+(?:ed|en|wn|one|ght|aid|ade))$", re.IGNORECASE)
_MODAL_OF = re.compile(
    r"\b(?:could|would|should|must|might|may)"
    r"(?:\s+(?:very|well|not|never|also|still|just|really|\w+ly))+"
    r"\s+(of)\s+([a-z]+)\b",
    re.IGNORECASE,
)


def enabled_rules(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The Harper rules a check runs: spelling, the default rules, and ``extra`` (names, or
    ``all``)."""
    if ALL_RULES in extra:
        return harper_rule_names()
    return frozenset({SPELL_RULE, *DEFAULT_RULES, *extra})


_CATEGORY = {
    "Spelling": Category.SPELLING,
    "Typo": Category.SPELLING,
    "Punctuation": Category.PUNCTUATION,
    "Formatting": Category.TYPOGRAPHY,
    "Style": Category.STYLE,
    "Readability": Category.STYLE,
    "Enhancement": Category.STYLE,
    "Redundancy": Category.STYLE,
}
_INFO_CATEGORIES = {Category.STYLE}
# Harper's rules that swap one word for a look-alike, judged by the words beside it.
_SWAPS = frozenset({"ItsPossessive", "ItsContraction", "TheirToThere", "NounVerbConfusion"})
_BETTER_FIT = 1.0  # log10: the swap fits its neighbours ten times better than the word
# Letters whose names start with a vowel sound (an F, an S) though they sound as consonants
# in a word: before an abbreviation that starts with one, the article tells its reading.
_VOWEL_NAMED = frozenset("FHLMNRSX")
_VOWELS = frozenset("AEIOU")
_SPELLED_OUT = 4  # capitals this long that spell a word are read as it (US, IT are letters)


class GrammarChecker(ParagraphChecker):
    """Harper's grammar, punctuation and word-choice rules, mapped onto findings, and the
    real-word errors Harper misses."""

    rules = (MODAL_OF, PARTICIPLE)

    def __init__(self, engine: HarperEngine) -> None:
        self._engine = engine

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Harper's non-spelling lints for ``text``, and this checker's own rules."""
        findings = [
            MODAL_OF.finding(m.start(1), m.end(1), "Use ‘have’ rather than ‘of’ here.", ("have",))
            for m in _MODAL_OF.finditer(text)
            if _participle_after_have(m.group(2))
        ]
        findings += _participles(text)
        lints_by_rule = self._engine.lint(text, ctx.dialect, ctx.markdown, ctx.harper_rules)
        for rule_name, lints in lints_by_rule.items():
            if rule_name == SPELL_RULE:
                continue
            for lint in lints:
                if not self._judged(rule_name, text, lint, ctx):
                    continue
                finding = _finding(text, rule_name, lint)
                if finding:
                    findings.append(finding)
        return findings

    def _judged(self, rule_name: str, text: str, lint: harper.Lint, ctx: CheckContext) -> bool:
        """True unless the lint misreads what the words around it show (see the module's
        docstring)."""
        if rule_name == "AnA":
            return not self._sound_unknown(text, lint, ctx)
        if rule_name == "ModalOf":
            after = _NEXT_WORD.match(text, lint.span.end)
            return after is None or _participle_after_have(after.group(1))
        if rule_name in _SWAPS and lint.suggestions:
            swap = _replacement(text, lint.span.start, lint.span.end, lint.suggestions[0])
            return _fits_better(text, lint.span.start, lint.span.end, swap)
        return True

    def _sound_unknown(self, text: str, lint: harper.Lint, ctx: CheckContext) -> bool:
        """True when the word after the article has no certain sound: a word the dictionary
        lacks, or an abbreviation that reads as letters or as a word (``SUV``, ``NATO``)."""
        after = _TOKEN_AFTER.match(text, lint.span.end)
        if after is None:
            return False
        word = strip_possessive(after.group(1).strip(".-"))
        bare = word.replace(".", "").replace("&", "")
        if is_acronym(word):
            if bare[0] in _VOWEL_NAMED and bare[1] in _VOWELS:
                return True
            # A word in capitals (a STREAM socket) reads as the word, or as its letters.
            return len(bare) >= _SPELLED_OUT and not self._engine.unknown_words(
                [bare.lower()], ctx.dialect
            )
        head = re.split(r"[-’']", word)[0]  # an X-ray, an MP's: the first part is read first
        return bool(head) and bool(self._engine.unknown_words([head], ctx.dialect))


_NEXT_WORD = re.compile(r" +([A-Za-z]+)")
_TOKEN_AFTER = re.compile(r"\s+([\w’'.&-]+)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+) +$")


def _fits_better(text: str, start: int, end: int, swap: str) -> bool:
    """True when ``swap`` pairs with the words right beside ``text[start:end]`` (none across
    punctuation) far better than the word written does."""
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    after = _NEXT_WORD.match(text, end)
    prev = before.group(1) if before else ""
    nxt = after.group(1) if after else ""
    return _fit(prev, swap, nxt) - _fit(prev, text[start:end], nxt) >= _BETTER_FIT


def _fit(prev: str, word: str, nxt: str) -> float:
    """How much likelier than chance ``word`` is between ``prev`` and ``nxt`` (log10, from the
    bigram counts, which have no apostrophes: ``it's`` is read as ``it is``)."""
    left = right = word.lower()
    if left.endswith(("'s", "’s")):
        left, right = left[:-2], "is"
    return (association(prev, left) if prev else 0.0) + (association(right, nxt) if nxt else 0.0)


def _participle_after_have(word: str) -> bool:
    """True when ``word`` reads as a past participle: a regular ending, or a word English
    pairs with ‘have’ far more often than chance and never with ‘of’ (won, put, gone)."""
    if _PARTICIPLE_ENDING.search(word):
        return True
    return (
        not seen_pair("of", word)
        and seen_pair("have", word)
        and association("have", word) >= _COMMON_PAIR
    )


def _participles(text: str) -> list[Finding]:
    """``has show``: a pairing English never uses, where the participle (``shown``,
    ``taken``) pairs with the auxiliary far more often than chance."""
    found = []
    for m in _AUX_WORD.finditer(text):
        aux, word = m.group(1), m.group(2)
        if seen_pair(aux, word):
            continue
        for form in (word + "n", word + "en"):
            if seen_pair(aux, form) and association(aux, form) >= _COMMON_PAIR:
                message = f"After ‘{aux}’, use the participle: ‘{form}’."
                found.append(PARTICIPLE.finding(m.start(2), m.end(2), message, (form,)))
                break
    return found


def _finding(text: str, rule_name: str, lint: harper.Lint) -> Finding | None:
    start, end = lint.span.start, lint.span.end
    if start < end and _cuts_token(text, start, end):
        return None  # Harper mis-tokenised an apostrophe or hyphen (’90s, the re-election)
    token_start, token_end = token_around(text, start, max(start + 1, end))
    if is_non_word(text[token_start:token_end]) and not text[token_start:start].isdigit():
        return None  # a path, URL or handle is not a sentence (an ordinal's digits are fine)
    if _shouted(lint.problem_text):
        return None  # datelines and acronyms (SAN FRANCISCO, IL’s) are capitals on purpose
    category = _CATEGORY.get(lint.lint_kind, Category.GRAMMAR)
    severity = Severity.INFO if category in _INFO_CATEGORIES else Severity.WARNING
    suggestions = tuple(_replacement(text, start, end, s) for s in lint.suggestions)
    return Finding(
        start,
        end,
        category,
        f"harper.{rule_name}",
        lint.message,
        suggestions,
        severity,
        Engine.HARPER,
    )


def explanations(engine: HarperEngine) -> dict[str, str]:
    """What each Harper rule reported here looks for, by its id (``harper.RepeatedWords``)."""
    described: dict[str, str] = engine.linter(Dialect.AMERICAN).get_lint_descriptions()
    return {f"harper.{name}": text for name, text in described.items()}


def _shouted(problem: str) -> bool:
    letters = [ch for ch in strip_possessive(problem) if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _cuts_token(text: str, start: int, end: int) -> bool:
    """True when the span starts inside a word glued to an apostrophe or digit, or stops
    at an apostrophe or hyphen inside a word."""
    token_start, _ = token_around(text, start, end)
    prefix = text[token_start:start]
    if prefix and not prefix.isdigit() and any(ch.isdigit() or ch in "’'" for ch in prefix):
        return True  # an ordinal's suffix after its digits (23th) is a span of its own
    # A hyphen, apostrophe or period inside a word: the re-election, a.m., U.S.
    return end + 1 < len(text) and text[end] in "-’'." and text[end + 1].isalpha()


def _replacement(text: str, start: int, end: int, suggestion: harper.Suggestion) -> str:
    """Harper's three suggestion kinds as one replacement string for ``text[start:end]``."""
    kind = int(suggestion.kind)
    value: str = suggestion.replacement_text
    if kind == 1:  # remove
        return ""
    if kind == 2:  # insert after
        return text[start:end] + value
    return value
