"""The news-us preset: its rules prove themselves, a clean story stays quiet, slips are caught."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from proofer.cli import main
from proofer.config import Config, ConfigError
from proofer.engines.harper import HarperEngine
from proofer.examples import style_examples
from proofer.findings import Finding
from proofer.proofreader import Proofreader
from proofer.style import load_styles, preset_names
from proofer.styles.news import spelled_value

Check = Callable[..., list[Finding]]
NEWS = ("news-us",)

# Written for these tests: a story in the preset's style.
CLEAN = """SPRINGFIELD, Ill. (AP) — The city council voted 6-3 on Tuesday to raise ferry fares \
4 percent, Mayor Ana Ruiz said, after three hours of debate.

Ruiz, the mayor since 2019, said the increase would cost a typical household $6 a month \
starting Jan. 1. The council's 12 members heard from nine residents, including a 7-year-old \
girl who asked them to fix the pool.

“We have put this off for too long,” Ruiz said. The vote came at 9:30 p.m., and the meeting \
ended before midnight. Council member Tom Hale, 54, voted no. Rates last rose in March 2021 \
and again in December.

President Joe Biden visited the plant on Aug. 14, and the president of the union met him \
there. About 40 people waited outside for two hours. One in 4 residents backed the plan, \
Julie Bishop of the residents’ group said; rents last fell in the 1990s, before the 2nd Street \
project.
"""


def test_the_preset_is_shipped_and_versioned() -> None:
    assert "news-us" in preset_names()
    assert load_styles(("news-us@1",)).patterns
    with pytest.raises(ConfigError, match="ships news-us version 1, not 9"):
        load_styles(("news-us@9",))


def test_every_preset_rule_passes_its_own_examples(engine: HarperEngine) -> None:
    proofreader = Proofreader(Config(style=NEWS), engine)
    assert proofreader.style_problems == []
    results = style_examples(proofreader)
    assert results.failures == []
    assert results.unproven == []
    ids = set(proofreader.style_rules)
    assert {"news.number-words", "news.ages", "news.title-alone", "news.dateline"} <= ids
    assert {"news-us.percent", "news.said", "news-us.time"} <= ids


def test_a_clean_story_stays_quiet(check: Check) -> None:
    assert [f for f in check(CLEAN, style=NEWS) if f.rule.startswith("news")] == []


@pytest.mark.parametrize(
    ("text", "rule", "fix"),
    [
        ("Springfield - The council met.", "news.dateline", "SPRINGFIELD — "),
        ("Rates rose 4% this year.", "news-us.percent", "4 percent"),
        ("Rates rose 4 per cent this year.", "news-us.percent", "percent"),
        ("Twelve spoke, and twelve more wrote in.", "news.number-figures", "12"),
        ("Police said 3 people were hurt.", "news.number-words", "three"),
        ("A seven-year-old girl spoke.", "news.ages", "7"),
        ("The vote is on January 12.", "news-us.month-before-day", "Jan."),
        ("The vote is on Apr. 12.", "news-us.month-spelled-out", "April"),
        ("The vote came at 9:30 PM.", "news-us.time", "9:30 p.m."),
        ("It closes at 12 midnight.", "news-us.noon-midnight", "midnight"),
        ("“We will appeal,” Ruiz stated.", "news.said", "Ruiz said"),
        ("The visit by mayor Ana Ruiz ended.", "news.title-before-name", "Mayor"),
        ("Ana Ruiz, the Mayor, said no.", "news.title-alone", "mayor"),
        ("The fine was 500 dollars.", "news-us.money", "$500"),
        ("It was her 2nd win.", "news.number-words", "second"),
        ("Eight hundred came on February 3rd.", "news.date-ordinal", "3"),
        ("They counted eight hundred votes.", "news.number-figures", "800"),
        ("Rents soared in the 1990's.", "news.decades", "1990s"),
        ("Ruiz claimed that it was fair.", "news.said", "said"),
        ("Three of the 4 members, all aged nine, voted.", "news.ages", "9"),
    ],
)
def test_slips_are_flagged(check: Check, text: str, rule: str, fix: str) -> None:
    found = [
        (text[f.start : f.end], f.suggestions[:1])
        for f in check(text, style=NEWS)
        if f.rule == rule
    ]
    assert found and found[0][1] == (fix,), found


def test_rules_command_lists_the_preset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "news.", "--style", "news-us"]) == 0
    out = capsys.readouterr().out
    assert "news.ages (style, warning)" in out and "news.dateline" in out


def test_fix_applies_the_safe_preset_fixes(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Rates rose 4% on January 12 at 9 PM, Ruiz stated.\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["fix", str(draft), "-o", str(out), "--style", "news-us"]) == 0
    # said is a suggestion, not a safe fix: it may change what the writer meant
    assert (
        out.read_text(encoding="utf-8")
        == "Rates rose 4 percent on Jan. 12 at 9 p.m., Ruiz stated.\n"
    )


def test_settings_choose_the_preset_by_name(tmp_path: Path) -> None:
    (tmp_path / ".proofer.toml").write_text('style = ["news-us@1"]\n', encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("Rates rose 4% this year.\n", encoding="utf-8")
    assert main(["check", str(draft), "--fail-on", "warning"]) == 1


@pytest.mark.parametrize(
    ("words", "value"),
    [("nine", 9), ("ten", 10), ("Nineteen", 19), ("twenty-five", 25), ("ninety-nine", 99),
     ("twenty-ten", None), ("five-twenty", None), ("hundred", None)],
)  # fmt: skip
def test_spelled_value(words: str, value: int | None) -> None:
    assert spelled_value(words) == value


CLEAN_UK = """The council voted 6–3 on Tuesday to raise ferry fares by 4 per cent, the leader, Ana \
Ruiz, said after three hours of debate. The rise takes effect on 1 January 2026.

“We have put this off for too long,” Ruiz said. The vote came at 9.30pm and the meeting ended \
before midnight; the 12 members heard from nine residents, including a 7-year-old girl.
"""


def test_news_uk_proves_itself_and_stays_quiet_on_british_copy(
    engine: HarperEngine, check: Check
) -> None:
    proofreader = Proofreader(Config(style=("news-uk",)), engine)
    assert proofreader.style_problems == []
    assert style_examples(proofreader).failures == []
    assert {"news.number-words", "news.said", "news-uk.per-cent"} <= set(proofreader.style_rules)
    assert [f for f in check(CLEAN_UK, style=("news-uk",)) if f.rule.startswith("news")] == []


@pytest.mark.parametrize(
    ("text", "rule", "fix"),
    [
        ("Rates rose 4% this year.", "news-uk.per-cent", "4 per cent"),
        ("The vote is on January 12.", "news-uk.date-order", "12 January"),
        ("Doors open at 6:30 PM.", "news-uk.time", "6.30pm"),
        ("“It is over,” Ruiz declared.", "news.said", "Ruiz said"),
    ],
)
def test_news_uk_slips(check: Check, text: str, rule: str, fix: str) -> None:
    found = [f.suggestions[:1] for f in check(text, style=("news-uk",)) if f.rule == rule]
    assert found == [(fix,)]
