"""Run rules' own examples: each ``flags`` text must be flagged by its rule, each ``passes``
text must not. ``proofer style test`` runs a desk's; the test suite runs Proofer's."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from proofer.document import Document
from proofer.proofreader import Proofreader
from proofer.rules import Rule


@dataclass
class ExampleResults:
    """How a set of rules fared on its examples."""

    rules: int = 0
    examples: int = 0
    failures: list[str] = field(default_factory=list)  # one line each: rule, what, text
    unproven: list[str] = field(default_factory=list)  # rules with no examples at all


def check_examples(proofreader: Proofreader, rules: Iterable[Rule]) -> ExampleResults:
    """Check each rule's examples with ``proofreader``."""
    results = ExampleResults()
    for rule in rules:
        results.rules += 1
        if not rule.flags and not rule.passes:
            results.unproven.append(rule.id)
        for text, wanted in [*((t, True) for t in rule.flags), *((t, False) for t in rule.passes)]:
            results.examples += 1
            found = {f.rule for f in proofreader.check(Document(text)).findings}
            if (rule.id in found) != wanted:
                how = (
                    "not flagged, but listed under flags"
                    if wanted
                    else "flagged, but listed under passes"
                )
                results.failures.append(f"{rule.id}: {how}: {text}")
    return results


def style_examples(proofreader: Proofreader) -> ExampleResults:
    """Check the examples of the style rules ``proofreader`` was configured with."""
    return check_examples(proofreader, proofreader.style_rules.values())
