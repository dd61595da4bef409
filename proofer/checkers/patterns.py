"""The pattern checker: runs every rule written as patterns, the desk's and Proofer's own.

Plain-text keys of all rules are compiled into one combined regular expression (longest key
first) and looked up by their normalised text, so a desk's thousands of swaps cost one pass
over each paragraph. Regular-expression keys run one by one: one key's match must not hide
another's at the same place. Where plain keys overlap, the longer one wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from proofer.checkers import CheckContext, ParagraphChecker
from proofer.document import Document
from proofer.findings import Finding
from proofer.style import Kind, Pattern, PatternRule, edged, keep_case, literal_source, normalise


class PatternChecker(ParagraphChecker):
    """Substitutions, existences and consistencies defined by patterns."""

    def __init__(self, pattern_rules: Sequence[PatternRule]) -> None:
        self.pattern_rules = tuple(pattern_rules)
        self.rules = tuple(p.rule for p in self.pattern_rules)
        self._by_id = {p.rule.id: p for p in self.pattern_rules}
        self._plain: dict[str, list[tuple[PatternRule, Pattern]]] = {}
        self._regexes: list[tuple[PatternRule, Pattern]] = []
        for pattern_rule in self.pattern_rules:
            for pattern in pattern_rule.patterns:
                if pattern.plain:
                    self._plain.setdefault(normalise(pattern.key), []).append(
                        (pattern_rule, pattern)
                    )
                else:
                    self._regexes.append((pattern_rule, pattern))
        self._combined: re.Pattern[str] | None = None
        if self._plain:
            keys = sorted(self._plain, key=len, reverse=True)
            alternatives = "|".join(literal_source(k) for k in keys)
            self._combined = re.compile(edged(alternatives), re.IGNORECASE)

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Every match of every key. A consistency rule's matches are all reported here;
        :meth:`refine` keeps only the spellings the draft uses less."""
        findings = []
        if self._combined is not None:
            for m in self._combined.finditer(text):
                for pattern_rule, pattern in self._plain.get(normalise(m.group()), ()):
                    findings.append(pattern_rule.finding(m, pattern))
        for pattern_rule, pattern in self._regexes:
            for m in pattern.regex.finditer(text):
                if m.end() > m.start():
                    findings.append(pattern_rule.finding(m, pattern))
        # A fix that is what is written already (a key broad enough to match it) says nothing.
        return [f for f in findings if f.suggestions[:1] != (text[f.start : f.end],)]

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
                for f, text, _ in found:
                    shown = keep_case(text, fix) if pattern_rule.keep_case else fix
                    kept.append(pattern_rule.flag(f.start, f.end, text, shown))
        return kept


_Use = tuple[Finding, str, Pattern]  # a consistency finding, the text it covers, its pattern


def _written(uses: list[_Use]) -> str:
    """How a spelling is written: as its key, or (a regular expression) as the draft most
    often writes it."""
    pattern = uses[0][2]
    if pattern.plain:
        return pattern.key
    return Counter(normalise(text) for _, text, _ in uses).most_common(1)[0][0]


def _which(pattern_rule: PatternRule, text: str, f: Finding) -> Pattern | None:
    """The pattern of ``pattern_rule`` that matched ``text[f.start:f.end]``."""
    for pattern in pattern_rule.patterns:
        m = pattern.regex.match(text, f.start)
        if m is not None and m.end() == f.end:
            return pattern
    return None
