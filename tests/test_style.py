"""Desk style files: rules as data, obeyed like Proofer's own."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proofer.checkers import CheckContext
from proofer.checkers.patterns import PatternChecker
from proofer.cli import main
from proofer.config import Config, ConfigError, for_draft
from proofer.findings import Category, Finding, Severity, apply_fixes
from proofer.proofreader import rule_book
from proofer.style import edged, keep_case, load_styles, parse_rule

Check = Callable[..., list[Finding]]

DESK = """
[[rule]]
id = "desk.health-care"
kind = "substitution"
swap = { "healthcare" = "health care", "per cent" = "percent" }
message = "Desk style: '{fix}', not '{match}'."
level = "error"
why = "The desk writes health care as two words."
flags = ["The healthcare bill passed."]
passes = ["The health care bill passed."]
safe = true

[[rule]]
id = "desk.said"
kind = "existence"
tokens = ["stated", "exclaimed"]
fix = "said"
message = "Desk style: attribute with 'said', not '{match}'."
flags = ["“We won,” she exclaimed."]
passes = ["“We won,” she said."]

[[rule]]
id = "desk.email"
kind = "consistency"
either = [["e-mail", "email"], ["co-operate", "cooperate"]]
message = "Spelled both ways in this draft: use '{fix}'."
flags = ["Send an email, then an email, then an e-mail."]
passes = ["Send an e-mail, then an e-mail."]
"""


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    path = tmp_path / "desk-style.toml"
    path.write_text(DESK, encoding="utf-8")
    return path


def found(
    check: Check, text: str, style: Path | str, **settings: object
) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (f.rule, text[f.start : f.end], f.suggestions)
        for f in check(text, style=(str(style),), **settings)
        if f.rule.startswith("desk.")
    ]


def test_substitution_keeps_the_matched_capitalisation(check: Check, desk: Path) -> None:
    text = "HEALTHCARE costs rose 5 per cent. Healthcare is dear; so is healthcare."
    assert found(check, text, desk) == [
        ("desk.health-care", "HEALTHCARE", ("HEALTH CARE",)),
        ("desk.health-care", "per cent", ("percent",)),
        ("desk.health-care", "Healthcare", ("Health care",)),
        ("desk.health-care", "healthcare", ("health care",)),
    ]


def test_whole_words_only(check: Check, desk: Path) -> None:
    assert found(check, "The healthcareers stated nothing of percentages.", desk) == [
        ("desk.said", "stated", ("said",))
    ]


def test_a_phrase_matches_across_a_line_break(check: Check, desk: Path) -> None:
    assert found(check, "Prices rose 5 per\ncent in May.", desk) == [
        ("desk.health-care", "per\ncent", ("percent",))
    ]


def test_message_level_and_category_come_from_the_file(check: Check, desk: Path) -> None:
    [f] = [
        f for f in check("The healthcare bill.", style=(str(desk),)) if f.rule == "desk.health-care"
    ]
    assert f.message == "Desk style: 'health care', not 'healthcare'."
    assert f.severity is Severity.ERROR
    assert f.category is Category.STYLE


def test_consistency_flags_the_minority_spelling(check: Check, desk: Path) -> None:
    text = "Send an E-mail. Check your email. Read the email. We co-operate and cooperate."
    assert found(check, text, desk) == [
        ("desk.email", "E-mail", ("Email",)),
        # between equals, the spelling used first is the draft's
        ("desk.email", "cooperate", ("co-operate",)),
    ]


def test_one_spelling_throughout_is_quiet(check: Check, desk: Path) -> None:
    assert found(check, "An e-mail.\n\nAnother e-mail.", desk) == []


def test_regex_keys_and_group_references(check: Check, tmp_path: Path) -> None:
    style = tmp_path / "s.toml"
    style.write_text(
        '[[rule]]\nid = "desk.colour"\nkind = "substitution"\nregex = true\n'
        'swap = { "colou?r(s|ed)?" = "hue\\\\1" }\n',
        encoding="utf-8",
    )
    text = "Colours and colored lights; no discolored walls."
    assert found(check, text, style) == [
        ("desk.colour", "Colours", ("Hues",)),
        ("desk.colour", "colored", ("hueed",)),
    ]


def test_ignore_and_inline_switches_silence_a_desk_rule(check: Check, desk: Path) -> None:
    assert found(check, "The healthcare bill.", desk, ignore=("desk.",)) == []
    text = "<!-- proofer: disable=desk.health-care -->\nThe healthcare bill."
    assert found(check, text, desk) == []


def test_desk_rules_join_the_rule_book(desk: Path) -> None:
    rules = rule_book(Config(style=(str(desk),)))
    rule = rules["desk.health-care"]
    assert rule.fix_safe and not rules["desk.said"].fix_safe
    assert rule.flags == ("The healthcare bill passed.",)
    assert "Why: The desk writes health care as two words." in rule.describe()
    assert "desk.health-care" not in rule_book()


def test_settings_name_style_files_relative_to_themselves(tmp_path: Path, desk: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (tmp_path / ".proofer.toml").write_text('style = ["desk-style.toml"]\n', encoding="utf-8")
    config = for_draft(folder / "draft.txt")
    assert config.style == (str(desk.resolve()),)


MISTAKES = """
[[rule]]
id = "desk.regex"
kind = "substitution"
regex = true
swap = { "(unclosed" = "x" }

[[rule]]
id = "desk.level"
kind = "existence"
tokens = ["very"]
level = "severe"

[[rule]]
id = "desk.typo"
kind = "existence"
tokens = ["very"]
flag = ["Very good."]

[[rule]]
kind = "existence"
tokens = ["very"]

[[rule]]
id = "desk.group"
kind = "substitution"
regex = true
swap = { "colou?r" = "hue\\\\2" }

[[rule]]
id = "punctuation.doubled"
kind = "existence"
tokens = ["very"]

[[rule]]
id = "desk.good"
kind = "existence"
tokens = ["utilize"]
fix = "use"

[[rule]]
id = "desk.good"
kind = "existence"
tokens = ["leverage"]
"""


def test_mistakes_are_reported_one_line_each_and_the_rest_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    style = tmp_path / "bad.toml"
    style.write_text(MISTAKES, encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("We utilize it.\n", encoding="utf-8")
    assert main(["check", str(draft), "--style", str(style), "--fail-on", "warning"]) == 1
    captured = capsys.readouterr()
    assert "[desk.good]" in captured.out
    errors = captured.err.splitlines()
    for expected in (
        "rule 'desk.regex': '(unclosed' is not a regular expression",
        "rule 'desk.level': level must be one of error, warning, info, not 'severe'",
        "rule 'desk.typo': unknown key 'flag'",
        "rule 4: needs an id",
        "rule 'desk.group': fix 'hue\\2' refers to group 2",
        "rule 'punctuation.doubled': id already used in Proofer's own rules",
        "rule 'desk.good': id already used",
    ):
        assert any(expected in line for line in errors), expected
    assert all(line.startswith(f"proofer: {style}: ") for line in errors if "rule " in line)
    assert "Traceback" not in captured.err


def test_a_file_that_is_not_toml_is_one_line(
    tmp_path: Path, desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[rule]\nid = 1\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("The healthcare bill.\n", encoding="utf-8")
    main(["check", str(draft), "--style", str(broken), "--style", str(desk)])
    captured = capsys.readouterr()
    assert f"{broken}: not valid TOML" in captured.err
    assert "[desk.health-care]" in captured.out  # the other file still applies


def test_a_missing_style_file_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Text.\n", encoding="utf-8")
    assert main(["check", str(draft), "--style", str(tmp_path / "none.toml")]) == 2
    assert "none.toml: no such file (a style file)" in capsys.readouterr().err
    with pytest.raises(ConfigError):
        load_styles(("no-such-preset",))


def test_fix_applies_only_fixes_marked_safe(
    tmp_path: Path, desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("The Healthcare bill, she stated, costs 5 per cent more.\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["fix", str(draft), "-o", str(out), "--style", str(desk)]) == 0
    assert out.read_text(encoding="utf-8") == (
        "The Health care bill, she stated, costs 5 percent more.\n"
    )


def test_rules_command_shows_a_desk_rule(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "desk.said", "--style", str(desk)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("desk.said (style, warning)")
    assert "Flags: “We won,” she exclaimed." in out


def test_style_test_passes_a_sound_file(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["style", "test", str(desk)]) == 0
    assert "3 rules, 6 examples: all as written" in capsys.readouterr().err


def test_style_test_fails_on_a_wrong_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    style = tmp_path / "s.toml"
    style.write_text(
        '[[rule]]\nid = "desk.x"\nkind = "existence"\ntokens = ["utilize"]\n'
        'flags = ["We use it."]\npasses = ["We utilize it."]\n',
        encoding="utf-8",
    )
    assert main(["style", "test", str(style)]) == 1
    out = capsys.readouterr().out
    assert "desk.x: not flagged, but listed under flags: We use it." in out
    assert "desk.x: flagged, but listed under passes: We utilize it." in out


@pytest.mark.parametrize(
    ("matched", "fix", "expected"),
    [
        ("healthcare", "health care", "health care"),
        ("Healthcare", "health care", "Health care"),
        ("HEALTHCARE", "health care", "HEALTH CARE"),
        ("Per Cent", "percent of it", "Percent Of It"),
        ("stated", "U.S.", "U.S."),
    ],
)
def test_keep_case(matched: str, fix: str, expected: str) -> None:
    assert keep_case(matched, fix) == expected


@pytest.fixture(scope="module")
def desk_checker(tmp_path_factory: pytest.TempPathFactory) -> PatternChecker:
    path = tmp_path_factory.mktemp("desk") / "desk.toml"
    path.write_text(DESK, encoding="utf-8")
    return PatternChecker(load_styles((str(path),)).patterns)


WORDS = st.sampled_from(["the", "healthcare", "Healthcare", "per", "cent", "bill", "HEALTHCARE"])


@given(words=st.lists(WORDS, max_size=12), sep=st.sampled_from([" ", "  ", "\n", ", "]))
def test_fixing_leaves_nothing_to_fix(
    desk_checker: PatternChecker, words: list[str], sep: str
) -> None:
    text = sep.join(words)
    findings = desk_checker.check_paragraph(text, CheckContext())
    for f in findings:
        assert f.start < f.end and text[f.start : f.end].strip() == text[f.start : f.end]
    fixed = apply_fixes(text, [(f.start, f.end, f.suggestions[0]) for f in findings])
    assert desk_checker.check_paragraph(fixed, CheckContext()) == []


def test_a_style_setting_of_the_wrong_type_names_file_and_key(tmp_path: Path) -> None:
    (tmp_path / ".proofer.toml").write_text("style = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.proofer\.toml: setting 'style' must be a style"):
        for_draft(tmp_path / "d.txt")


KEY_WORDS = st.sampled_from(["care", "health", "e", "mail", "per", "cent", "Care"])
TEXT_BITS = st.sampled_from(["care", "health", "e", "mail", "per", "cent", "HEALTH", "-", " ",
                             "  ", "\n", ",", "x", "caring", "’", "'"])  # fmt: skip


@settings(deadline=None)  # a checker built per example: on a busy machine, over 200 ms
@given(
    key=st.lists(KEY_WORDS, min_size=1, max_size=3).map(
        lambda ws: " ".join(ws).replace(" e ", " e-")
    ),
    bits=st.lists(TEXT_BITS, max_size=30),
)
def test_plain_keys_match_where_a_whole_word_expression_would(key: str, bits: list[str]) -> None:
    """The token index finds a plain key exactly where the key, as a case-insensitive
    whole-word regular expression (any run of spaces between its words), matches."""
    text = "".join(bits)
    rule = {"id": "desk.k", "kind": "existence", "tokens": [key]}
    checker = PatternChecker([parse_rule(rule)])
    found = [(f.start, f.end) for f in checker.check_paragraph(text, CheckContext())]
    source = r"\s+".join(re.escape(w) for w in key.lower().split())
    expected = [m.span() for m in re.finditer(edged(source), text, re.IGNORECASE)]
    assert found == expected


def test_a_style_file_includes_presets_and_other_files(
    tmp_path: Path, desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    house = tmp_path / "house.toml"
    house.write_text(
        'include = ["news-us", "desk-style.toml", "missing.toml"]\n'
        '[[rule]]\nid = "desk.utilize"\nkind = "existence"\ntokens = ["utilize"]\nfix = "use"\n',
        encoding="utf-8",
    )
    style = load_styles((str(house), str(desk)))  # desk-style.toml twice: loaded once
    ids = {p.rule.id for p in style.patterns}
    assert {"desk.utilize", "desk.health-care", "news-us.percent", "news.said"} <= ids
    assert "numbers" in style.checks and "titles" in style.checks
    [problem] = style.problems
    assert problem.startswith(f"{house}: include: ") and "missing.toml: no such file" in problem


def test_unknown_code_rules_and_unreadable_files_are_problems(tmp_path: Path) -> None:
    named = tmp_path / "named.toml"
    named.write_text('checks = ["numbers", "no-such-check"]\n', encoding="utf-8")
    garbled = tmp_path / "garbled.toml"
    garbled.write_bytes(b"\xff\xfe[[rule]]\x00")
    style = load_styles((str(named), str(garbled)))
    assert style.checks == ["numbers"]
    assert style.problems[0].startswith(f"{named}: checks: no rule in code named 'no-such-check'")
    assert style.problems[1].startswith(f"{garbled}: not valid TOML")


def test_consistency_with_expressions_and_keys_with_their_own_capitals(
    check: Check, tmp_path: Path
) -> None:
    style = tmp_path / "s.toml"
    style.write_text(
        '[[rule]]\nid = "desk.adviser"\nkind = "consistency"\nregex = true\n'
        'either = [["advis[eo]rs?", "counsell?ors?"]]\n\n'
        '[[rule]]\nid = "desk.okay"\nkind = "consistency"\neither = [["OK", "okay"]]\n',
        encoding="utf-8",
    )
    text = "Advisers said OK. Two counselors said okay; the advisers said okay too."
    assert found(check, text, style) == [
        ("desk.okay", "OK", ("okay",)),  # the capitals of OK are the word's, not the writer's
        # an expression's fix is the favourite as the draft most often writes it
        ("desk.adviser", "counselors", ("advisers",)),
    ]
