"""Harper's grammar rules: the curated defaults flag their examples, the rest stay quiet
unless the settings turn them on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from proofer.checkers.grammar import DEFAULT_RULES
from proofer.config import ConfigError, load
from proofer.findings import Finding

Check = Callable[..., list[Finding]]


@pytest.mark.parametrize("rule", sorted(DEFAULT_RULES))
def test_each_default_rule_flags_its_example(check: Check, rule: str) -> None:
    assert f"harper.{rule}" in {f.rule for f in check(DEFAULT_RULES[rule])}


def test_rules_that_misread_news_are_off_by_default(check: Check) -> None:
    # SplitWords, MassNouns, MergeWords and OxfordComma misfire on clean copy.
    text = "The premarket spinoff lost two innings of value, said the SES, Reuters and AP."
    assert [f.rule for f in check(text) if f.rule.startswith("harper.")] == []


def test_harper_rules_setting_turns_others_on(check: Check) -> None:
    text = "We bought apples, pears and plums."
    assert "harper.OxfordComma" not in {f.rule for f in check(text)}
    on = {f.rule for f in check(text, harper_rules=("OxfordComma",))}
    assert "harper.OxfordComma" in on
    assert "harper.OxfordComma" in {f.rule for f in check(text, harper_rules=("all",))}


def test_ignore_turns_a_default_rule_off(check: Check) -> None:
    text = DEFAULT_RULES["ModalOf"]
    assert "harper.ModalOf" not in {f.rule for f in check(text, ignore=("harper.ModalOf",))}


def test_ordinal_suffix_after_digits_is_judged(check: Check) -> None:
    found = [f for f in check("The hearing ran from June 21st to 23th.") if f.rule.startswith("h")]
    assert [(f.rule, f.suggestions) for f in found] == [("harper.CorrectNumberSuffix", ("rd",))]


def test_a_path_is_not_a_sentence(check: Check) -> None:
    assert check("The files sit in pool/main/a/apache/ on the mirror.") == []


@pytest.mark.parametrize("value", ['"NoSuchRule"', "[3]"])
def test_unknown_harper_rule_names_the_file_and_key(tmp_path: Path, value: str) -> None:
    path = tmp_path / ".proofer.toml"
    path.write_text(f"harper-rules = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"proofer\.toml: harper-rules"):
        load(path)
