"""Every rule keeps a text it must flag and a text it must leave alone (proselint's habit).

A new rule without examples here fails ``test_every_rule_has_examples``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from proofer.config import Config
from proofer.findings import Finding
from proofer.proofreader import Proofreader

Check = Callable[..., list[Finding]]
LIST = "Margarethe Lindqvist | Lindqvist\nIslamic State | IS ! ISIS\n"

# rule id -> (text that must be flagged, text that must not be)
EXAMPLES: dict[str, tuple[str, str]] = {
    "grammar.repeated-word": ("The the project is late.", "She had had enough."),
    "names.correction": ("ISIS fighters left.", "Islamic State fighters left."),
    "names.first-reference": (
        "Lindqvist spoke. Mayor Margarethe Lindqvist then left.",
        "Mayor Margarethe Lindqvist spoke. Lindqvist then left.",
    ),
    "names.inconsistent": (
        "Maamoun Abdulkarim spoke. Maamoun Abdulkarim left. Mamoun Abdulkarim returned.",
        "Maamoun Abdulkarim spoke. Maamoun Abdulkarim left.",
    ),
    "names.unlisted": ("Ngozi Obiakor filed.", "Margarethe Lindqvist filed."),
    "names.variant": ("Mayor Margarete Lindqvist spoke.", "Mayor Margarethe Lindqvist spoke."),
    "proofer.unused-suppression": (
        "<!-- proofer: disable=spelling.unknown -->\nAll is well.",
        "<!-- proofer: disable=spelling.unknown -->\nThe hositalities ended.",
    ),
    "punctuation.doubled": ("Talks resume in April..", "Talks resume in April..."),
    "punctuation.interrobang": ("He said what?!", "He said what?"),
    "punctuation.missing-comma-quote": (
        "“We listened to every objection” Lindqvist said.",
        "“We listened to every objection,” Lindqvist said.",
    ),
    "punctuation.no-space-after": ("the vote.The council", "the vote. The council"),
    "punctuation.outside-quote": ("It was “not surprising”.", "It was “not surprising.”"),
    "punctuation.space-before": ("the association , which", "the association, which"),
    "quotes.inconsistent": ('“One,” she said. “Two,” he said. "Three."', "“One,” she said."),
    "quotes.missing-continuation": (
        "“We waited.\n\nThis vote ends it,” she said.",
        "“We waited.\n\n“This vote ends it,” she said.",
    ),
    "quotes.mixed-pair": ('He was "not surprised” at all.', "He was “not surprised” at all."),
    "quotes.nested": (
        "“They say “affordable” but nobody knows,” he said.",
        "“They say ‘affordable’ but nobody knows,” he said.",
    ),
    "quotes.unclosed": (
        "He called it “a giveaway.\n\nShe disagreed.",
        "He called it “a giveaway.”\n\nShe disagreed.",
    ),
    "quotes.unmatched-close": ("It was over,” he said.", "“It was over,” he said."),
    "quotes.wrong-direction": ("In the ‘90s it closed.", "In the ’90s it closed."),
    "spelling.dialect-mix": (
        "The color guard, the center stage, the colour of the flag.",
        "The color guard, the center stage, the color of the flag.",
    ),
    "spelling.name-typo": (
        "Russian President Vladamir Putin.",
        "Russian President Vladimir Putin.",
    ),
    "spelling.unknown": ("the cessation of hositalities", "the cessation of hostilities"),
    "spelling.unverified-name": ("Khaled said no.", "Margarethe said no."),
    "typography.dash-spacing": ("the pier —which was old", "the pier — which was old"),
    "typography.double-space": ("group.  The loss", "group. The loss"),
    "typography.ellipsis": ("It is … odd ... and more.", "It is … odd … and more."),
}
SETTINGS = {"names.first-reference": {"first_reference": True}}


def test_every_rule_has_examples(engine: object) -> None:
    rules = set(Proofreader(Config(), engine).rules)  # type: ignore[arg-type]
    assert rules == set(EXAMPLES)


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_rule_examples(check: Check, rule: str) -> None:
    bad, good = EXAMPLES[rule]
    settings = SETTINGS.get(rule, {})
    assert rule in {f.rule for f in check(bad, entities=LIST, **settings)}, bad
    assert rule not in {f.rule for f in check(good, entities=LIST, **settings)}, good
