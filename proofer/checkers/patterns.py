"""The pattern checker: runs every rule written as patterns, the desk's and Proofer's own.

Plain-text keys of all rules go into one index by their normalised text. A paragraph is
split into tokens (runs of word characters, single marks) once, and the text from each
token over the next one, two, ... tokens (up to the longest key) is looked up there, longest
first: a desk's 13,000 swaps cost a few dictionary look-ups per word, where one combined
regular expression tries every alternative at every position. Token edges are word edges,
so a key matches whole words only. Regular-expression keys run one by one, so one key's
match never hides another's at the same place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from proofer.checkers import CheckContext, ParagraphChecker
from proofer.document import Document
from proofer.findings import Finding
from proofer.style import Kind, Pattern, PatternRule, normalise

# A run of word characters, or one other mark: the units plain keys are matched in.
_TOKEN = re.compile(r"\w+|[^\w\s]")


class PatternChecker(ParagraphChecker):
    """Substitutions, existences and consistencies defined by patterns."""

    def __init__(self, pattern_rules: Sequence[PatternRule]) -> None:
        self.pattern_rules = tuple(pattern_rules)
        self.rules = tuple(p.rule for p in self.pattern_rules)
        self._by_id = {p.rule.id: p for p in self.pattern_rules}
        self._plain: dict[str, list[tuple[PatternRule, Pattern]]] = {}
        self._regexes: list[tuple[PatternRule, re.Pattern[str], Pattern]] = []
        for pattern_rule in self.pattern_rules:
            for pattern in pattern_rule.patterns:
                if pattern.regex is None:
                    self._plain.setdefault(normalise(pattern.key), []).append(
                        (pattern_rule, pattern)
                    )
                else:
                    self._regexes.append((pattern_rule, pattern.regex, pattern))
        self._longest = max((len(_TOKEN.findall(k)) for k in self._plain), default=0)

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Every match of every key. A consistency rule's matches are all reported here;
        :meth:`refine` keeps only the spellings the draft uses less."""
        findings = []
        for start, end, key in self._plain_matches(text):
            for pattern_rule, pattern in self._plain[key]:
                matched = text[start:end]
                findings.append(pattern_rule.finding(start, end, matched, pattern, pattern.fix))
        for pattern_rule, regex, pattern in self._regexes:
            for m in regex.finditer(text):
                if m.end() > m.start():
                    fix = None if pattern.fix is None else m.expand(pattern.fix)
                    findings.append(
                        pattern_rule.finding(m.start(), m.end(), m.group(), pattern, fix)
                    )
        # A fix that is what is written already (a key broad enough to match it) says nothing.
        return [f for f in findings if f.suggestions[:1] != (text[f.start : f.end],)]

    def _plain_matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Where plain keys occur in ``text``: start, end, key; the longest key wins."""
        if not self._plain:
            return
        spans = [m.span() for m in _TOKEN.finditer(text)]
        i = 0
        while i < len(spans):
            for n in range(min(self._longest, len(spans) - i), 0, -1):
                start, end = spans[i][0], spans[i + n - 1][1]
                key = normalise(text[start:end])
                if key in self._plain:
                    yield start, end, key
                    i += n
                    break
            else:
                i += 1

    def refine(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Consistency: in each set of spellings, flag those the draft uses less than its
        favourite (the first used, between equals), with the favourite as the fix."""
        kept: list[Finding] = []
        # (rule, set of spellings) -> spelling -> its uses in text order
        uses: dict[tuple[str, int], dict[int, list[_Use]]] = {}
        for f in sorted(findings, key=lambda f: f.start):
            pattern_rule = self._by_id[f.rule]
            if pattern_rule.kind is not Kind.CONSISTENCY:
                kept.append(f)
                continue
            pattern = _which(pattern_rule, doc.text, f)
            if pattern is not None:
                spellings = uses.setdefault((f.rule, pattern.group), {})
                spellings.setdefault(pattern.variant, []).append(
                    (f, doc.text[f.start : f.end], pattern)
                )
        for (rule_id, _), spellings in uses.items():
            if len(spellings) < 2:
                continue
            pattern_rule = self._by_id[rule_id]
            favourite = max(spellings.values(), key=lambda u: (len(u), -u[0][0].start))
            fix = _written(favourite)
            for found in spellings.values():
                if found is favourite:
                    continue
                for f, text, pattern in found:
                    shown = pattern_rule.cased(text, pattern, fix)
                    kept.append(pattern_rule.flag(f.start, f.end, text, shown))
        return kept


_Use = tuple[Finding, str, Pattern]  # a consistency finding, the text it covers, its pattern


def _written(uses: list[_Use]) -> str:
    """How a spelling is written: as its key, or (a regular expression) as the draft most
    often writes it."""
    pattern = uses[0][2]
    if pattern.regex is None:
        return pattern.key
    return Counter(normalise(text) for _, text, _ in uses).most_common(1)[0][0]


def _which(pattern_rule: PatternRule, text: str, f: Finding) -> Pattern | None:
    """The pattern of ``pattern_rule`` that matched ``text[f.start:f.end]``."""
    for pattern in pattern_rule.patterns:
        if pattern.regex is None:
            if normalise(text[f.start : f.end]) == normalise(pattern.key):
                return pattern
        elif (m := pattern.regex.match(text, f.start)) is not None and m.end() == f.end:
            return pattern
    return None
