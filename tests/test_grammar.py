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
    with pytest.raises(ConfigError, match=r"proofer\.toml: setting 'harper-rules'"):
        load(path)


@pytest.mark.parametrize(
    "text",
    [
        "Council staff opened an ftpd session.",  # a word the dictionary lacks: sound unknown
        "The minister drove an SUV to the count.",  # read by its letters
        "The minister drove a SUV to the count.",  # or as a word
        "Delegates came to an NATO summit.",  # the same doubt, either article stands
        "Delegates came to a NATO summit.",
        "The board read an FAQ on its website.",
        "Staff opened a STREAM socket.",  # a word in capitals: the word, or its letters
    ],
)
def test_no_article_verdict_where_the_sound_is_uncertain(check: Check, text: str) -> None:
    assert "harper.AnA" not in {f.rule for f in check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "He joined as a FBI agent.",  # no vowel after the first letter: read by its letters
        "Staff filed an UN report.",  # a vowel first: both readings say ‘a’
        "It passed a NSW law.",
        "He is an useful ally.",
        "It ran a hour late.",
    ],
)
def test_article_still_judged_where_the_sound_is_certain(check: Check, text: str) -> None:
    assert "harper.AnA" in {f.rule for f in check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Ministers agree it's time to act.",  # it is time: the contraction
        "Rationing is not policy, it's panic; it's waste.",
        "Voters queued for their right to choose.",  # their right, not there right
        "We will feel its effect by winter.",  # effect after its is the noun
        "The striker used the full might of his left foot.",  # might, a noun
        "They admired the iron will of the crew.",
    ],
)
def test_a_swap_the_neighbouring_words_do_not_favour_is_not_suggested(
    check: Check, text: str
) -> None:
    assert [f.rule for f in check(text) if f.rule.startswith("harper.")] == []


def test_a_swap_the_neighbouring_words_favour_is_still_suggested(check: Check) -> None:
    found = [
        f
        for f in check("The union told it's members to strike.")
        if f.rule == "harper.ItsPossessive"
    ]
    assert [f.suggestions[0] for f in found] == ["its"]
