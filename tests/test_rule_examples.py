"""Every rule carries texts it must flag and texts it must leave alone (proselint's habit).

The examples live on the rules themselves (``Rule.flags`` and ``Rule.passes``), so
``proofer rules`` shows the same proof the tests run; a rule without them fails here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from proofer.findings import Finding, Severity
from proofer.proofreader import rule_book
from proofer.quotations import SPEAKERS_CATEGORIES
from proofer.rules import EXAMPLE_ENTITIES, Rule

Check = Callable[..., list[Finding]]
RULES = rule_book()


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_has_examples(rule: str) -> None:
    assert RULES[rule].flags, f"{rule} has no text it must flag"
    assert RULES[rule].passes, f"{rule} has no text it must pass"


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_examples(check: Check, rule: str) -> None:
    r: Rule = RULES[rule]
    settings = dict(r.example_settings)
    for bad in r.flags:
        found = [f for f in check(bad, entities=EXAMPLE_ENTITIES, **settings) if f.rule == rule]
        assert found, bad
        # The rule is the one source of its level (a quotation's notes aside: see quotations).
        assert {f.severity for f in found} <= {r.severity, Severity.INFO}, bad
        if r.category not in SPEAKERS_CATEGORIES:
            assert {f.severity for f in found} == {r.severity}, bad
    for good in r.passes:
        assert rule not in {f.rule for f in check(good, entities=EXAMPLE_ENTITIES, **settings)}, (
            good
        )


def test_examples_are_shown_by_describe() -> None:
    text = RULES["punctuation.doubled"].describe()
    assert "Flags: " + RULES["punctuation.doubled"].flags[0] in text


def test_describe_says_a_quotation_keeps_grammar_and_style_as_notes() -> None:
    for r in RULES.values():
        says = "In a quotation: a note (info)" in r.describe()
        assert says == (r.category in SPEAKERS_CATEGORIES and r.severity is not Severity.INFO)
    assert any("In a quotation" in r.describe() for r in RULES.values())
