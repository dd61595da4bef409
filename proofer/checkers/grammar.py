"""Grammar from Harper: its rules other than spelling, minus the ones that cry wolf on news.

Each Harper rule keeps its own id (``harper.RepeatedWords``), so a copy desk can turn one
off by name. Rules left out are listed with the reason, measured on clean news copy.
"""

from __future__ import annotations

import harper

from proofer.checkers import CheckContext, ParagraphChecker
from proofer.engines.harper import SPELL_RULE, Dialect, HarperEngine
from proofer.findings import Category, Engine, Finding, Severity
from proofer.words import strip_possessive, token_around

# Harper rules never reported, and why.
SILENCED = {
    SPELL_RULE: "the spelling checker judges unknown words",
    "LongSentences": "sentence length is a style choice; news quotes run long",
    "UnclosedQuotes": "Harper pairs quotes within one paragraph; the quote checker knows "
    "running quotations",
    "QuoteSpacing": "the quote checker owns quotation marks",
    "SentenceCapitalization": "headlines, bylines and datelines are not sentences",
    "OrthographicConsistency": "house styles differ on brand capitals (Nvidia, not NVIDIA)",
    "DisjointPrefixes": "house styles differ on hyphenated prefixes (re-election)",
    "CompoundNouns": "house styles differ on closed compounds (health care); it also misreads "
    "possessives",
    "Overall": "misreads 'over all its parts' as the adverb",
    "UseTitleCase": "news headlines are set in sentence case as often as in title case",
    "EllipsisLength": "'..' is a doubled period in news copy, not a short ellipsis",
}

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


class GrammarChecker(ParagraphChecker):
    """Harper's grammar, punctuation and word-choice rules, mapped onto findings."""

    def __init__(self, engine: HarperEngine) -> None:
        self._engine = engine

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Harper's non-spelling lints for ``text``."""
        findings = []
        for rule_name, lints in self._engine.lint(text, ctx.dialect, ctx.markdown).items():
            if rule_name in SILENCED:
                continue
            for lint in lints:
                finding = _finding(text, rule_name, lint)
                if finding:
                    findings.append(finding)
        return findings


def _finding(text: str, rule_name: str, lint: harper.Lint) -> Finding | None:
    start, end = lint.span.start, lint.span.end
    if start < end and _cuts_token(text, start, end):
        return None  # Harper mis-tokenised an apostrophe or hyphen (’90s, the re-election)
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
    return {f"harper.{name}": text for name, text in described.items() if name not in SILENCED}


def _shouted(problem: str) -> bool:
    letters = [ch for ch in strip_possessive(problem) if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _cuts_token(text: str, start: int, end: int) -> bool:
    """True when the span starts inside a word glued to an apostrophe or digit, or stops
    at an apostrophe or hyphen inside a word."""
    token_start, _ = token_around(text, start, end)
    prefix = text[token_start:start]
    if prefix and any(ch.isdigit() or ch in "’'" for ch in prefix):
        return True
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
