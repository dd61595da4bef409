"""`proofer learn`: a desk profile from an archive, and checks that use it."""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest

from proofer.cli import main
from proofer.config import Config, ConfigError, for_draft, with_desk
from proofer.style import load_styles

# Stories written for this test: a desk that writes "per cent", spaced en dashes, the
# local place Brackwater and the house word "subcommittee-led", and names one official
# often (once misspelled).
OPENINGS = [
    "The Brackwater council met on Tuesday – a long session – and agreed to the plan.",
    "Henriette Solbakken said the subcommittee-led review in Brackwater would take a year.",
    "Rents in Brackwater rose {n} per cent, Henriette Solbakken told the council.",
    "Officials in Brackwater – the county seat – said the budget grew {n} per cent.",
]
FILLER = [
    "The plan was approved after a short debate.",
    "Residents asked for more time to read the report.",
    "The mayor said the vote showed broad support.",
    "A final decision is expected next month.",
]


def _archive(folder: Path, stories: int = 24) -> None:
    rng = random.Random(7)
    folder.mkdir()
    for i in range(stories):
        lines = [o.format(n=rng.randint(2, 9)) for o in rng.sample(OPENINGS, 3)]
        lines += rng.sample(FILLER, 2)
        lines.append("The budget - the third in a row - passed.")  # the desk's spaced hyphen
        if i == 5:
            lines.append("The goverment did not comment, Henriette Solbaken said.")
        if i % 8 == 0:  # some stories filed from Word
            word = docx.Document()
            for line in lines:
                word.add_paragraph(line)
            word.save(str(folder / f"story{i:03}.docx"))
        else:
            (folder / f"story{i:03}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01")  # not a story: skipped


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("learn")
    _archive(root / "archive")
    assert (
        main(["learn", str(root / "archive"), "--output", str(root / "desk"), "--workers", "2"])
        == 0
    )
    return root / "desk"


def test_desk_words_have_counts_and_leave_out_one_off_typos(desk: Path) -> None:
    words = (desk / "words.txt").read_text(encoding="utf-8")
    entries = {
        line.split("#")[0].strip(): line for line in words.splitlines() if not line.startswith("#")
    }
    assert "Brackwater" in entries and "stories" in entries["Brackwater"]
    assert entries["Brackwater"].endswith("# 72 uses, 24 stories")
    assert "goverment" not in entries and "Solbaken" not in entries


def test_names_with_their_variants_and_majority_spelling(desk: Path) -> None:
    entities = (desk / "entities.txt").read_text(encoding="utf-8")
    assert "Henriette Solbakken ! Henriette Solbaken" in entities


def test_conventions_become_a_style_file_and_settings(desk: Path) -> None:
    style = load_styles((str(desk / "style.toml"),))
    assert style.problems == []
    ids = {p.rule.id for p in style.patterns}
    assert {"desk.percent", "desk.dash"} <= ids
    assert main(["style", "test", str(desk / "style.toml")]) == 0
    settings = (desk / "desk.toml").read_text(encoding="utf-8")
    assert 'dictionary = ["words.txt"]' in settings and 'style = ["style.toml"]' in settings
    report = (desk / "report.md").read_text(encoding="utf-8")
    assert "24 stories" in report and "Henriette Solbakken (37): Henriette Solbaken (1)" in report


def test_check_with_the_desk(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "new.txt"
    draft.write_text(
        "Brackwater rents rose 4%, Henriette Solbaken said – and more.\n", encoding="utf-8"
    )
    main(["check", str(draft), "--desk", str(desk)])
    out = capsys.readouterr().out
    assert "Brackwater" not in out  # a desk word
    assert "[desk.percent]" in out
    # the rarer spelling is corrected to the majority's
    assert "‘Solbaken’" in out and "(suggest: Solbakken)" in out


def test_rules_the_published_archive_breaks_are_turned_off(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = (desk / "desk.toml").read_text(encoding="utf-8")
    assert 'ignore = ["typography.dash-spacing"]' in settings
    assert (
        "turned off: typography.dash-spacing (fires in 24 of 24" in (desk / "report.md").read_text()
    )
    draft = tmp_path / "new.txt"
    draft.write_text("The plan - a new one - passed.\n", encoding="utf-8")
    main(["check", str(draft)])
    assert "typography.dash-spacing" in capsys.readouterr().out
    main(["check", str(draft), "--desk", str(desk)])
    assert "typography.dash-spacing" not in capsys.readouterr().out


def test_desk_in_the_settings(desk: Path, tmp_path: Path) -> None:
    (tmp_path / ".proofer.toml").write_text(f'desk = "{desk}"\n', encoding="utf-8")
    config = for_draft(tmp_path / "d.txt")
    assert config.desk == desk
    assert str((desk / "style.toml").resolve()) in config.style
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ConfigError, match="not a desk folder"):
        with_desk(Config(), empty)


def test_learn_refuses_a_folder_without_stories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["learn", str(tmp_path), "-o", str(tmp_path / "desk")]) == 2
    assert "not a folder of stories" in capsys.readouterr().err
    (tmp_path / "a.txt").write_text("A story.\n", encoding="utf-8")
    assert main(["learn", str(tmp_path), "-o", str(tmp_path / "desk"), "--workers", "0"]) == 2
