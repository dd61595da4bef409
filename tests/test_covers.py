"""Ignoring a rule silences the problem, not just our finding: the outside engines' rules a
rule ``covers`` (their reports of the same problem) go quiet with it, in the settings and
under an inline switch, and only where ours would have reported."""

from __future__ import annotations

from dataclasses import replace

import pytest

from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import Dialect, HarperEngine
from proofer.proofreader import OPEN_FAMILIES, Proofreader, rule_book
from tests.lt_protocol_server import Behaviour, lt_protocol_server

RULES = rule_book()
COVERING = sorted((r for r in RULES.values() if r.covers), key=lambda r: r.id)


def _harper_hits(engine: HarperEngine, text: str) -> set[str]:
    lints = engine.linter(Dialect.AMERICAN).organized_lints(text, language="plaintext")
    return {f"harper.{name}" for name, found in lints.items() if found}


def test_covered_ids_are_outside_engines_rules(engine: HarperEngine) -> None:
    harper_rules = {f"harper.{n}" for n in engine.linter(Dialect.AMERICAN).get_lint_config()}
    assert COVERING
    for rule in COVERING:
        for outside in rule.covers:
            assert outside.startswith(OPEN_FAMILIES), outside
            if outside.startswith("harper."):
                assert outside in harper_rules, f"{rule.id}: Harper has no rule {outside}"


@pytest.mark.parametrize("rule_id", [r.id for r in COVERING])
def test_each_covered_harper_rule_is_a_real_duplicate(engine: HarperEngine, rule_id: str) -> None:
    # Harper itself reports the problem on the rule's own examples: the duplicate is real.
    rule = RULES[rule_id]
    seen = set().union(*(_harper_hits(engine, text) for text in rule.flags))
    assert {c for c in rule.covers if c.startswith("harper.")} <= seen


@pytest.mark.parametrize("rule_id", [r.id for r in COVERING])
def test_ignoring_a_rule_silences_its_duplicates(engine: HarperEngine, rule_id: str) -> None:
    rule = RULES[rule_id]
    silent = {rule.id, *rule.covers}
    ignoring = Proofreader(Config(ignore=(rule.id,)), engine)
    plain = Proofreader(Config(), engine)
    for text in rule.flags:
        assert rule.id in {f.rule for f in plain.check(Document(text)).findings}
        left = {f.rule for f in ignoring.check(Document(text)).findings}
        assert not left & silent, (text, left)
        switched = f"<!-- proofer: disable={rule.id} -->\n\n{text}\n"
        found = plain.check(Document(switched, markdown=True)).findings
        assert not {f.rule for f in found} & silent, (text, found)


def test_proofer_rules_shows_what_a_rule_also_silences() -> None:
    text = RULES["typography.double-space"].describe()
    assert "Also silences: harper.NoFrenchSpaces, harper.Spaces" in text


def test_the_reported_case_double_space_and_no_french_spaces(engine: HarperEngine) -> None:
    text = "The council met.  It voted."
    assert "harper.NoFrenchSpaces" in _harper_hits(engine, text)
    found = Proofreader(Config(ignore=("typography.double-space",)), engine).check(Document(text))
    assert found.findings == []


def test_an_engine_rule_still_reports_what_ours_would_not(engine: HarperEngine) -> None:
    # Harper's CommaFixes duplicates our space-before rule on " ," but also reports a missing
    # space after a comma, which our rule does not: ignoring ours must not hide that.
    text = "The colors were red,blue and green."
    config = Config(ignore=("punctuation.space-before",), harper_rules=("CommaFixes",))
    found = Proofreader(config, engine).check(Document(text))
    assert [text[f.start : f.end] for f in found.findings if f.rule == "harper.CommaFixes"] == [","]


def test_ignoring_a_rule_silences_languagetools_duplicates(engine: HarperEngine) -> None:
    text = "The resumption of negoitations went to to court."
    behaviour = Behaviour(
        matches=[
            ("negoitations", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible typo.", ["negotiations"]),
            ("to to", "ENGLISH_WORD_REPEAT_RULE", "MISC", "Word repeated.", ["to"]),
        ]
    )
    with lt_protocol_server(behaviour) as url:
        config = Config(languagetool=url, dialect="american")
        both = Proofreader(config, engine).check(Document(text)).findings
        ignoring = replace(config, ignore=("spelling.unknown", "grammar.repeated-word"))
        left = Proofreader(ignoring, engine).check(Document(text)).findings
    # With our rules on, the engine's reports merge into ours; with them off, they go too.
    assert [f.rule for f in both] == ["spelling.unknown", "grammar.repeated-word"]
    assert left == []
