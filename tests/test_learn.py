"""`proofer learn`: a desk profile from an archive, and checks that use it."""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest

from proofer.cli import main
from proofer.config import Config, ConfigError, for_draft, user_config_path, with_desk
from proofer.learn import Archive, _conventions
from proofer.style import load_styles

# Stories written for this test: a desk that writes "per cent", spaced en dashes, the
# local place Brackwater and the house word "subcommittee-led", and names one official
# often (once misspelled); one slip it makes in a few stories, and a couple it writes of
# with their titles (Mrs Okafor more often than Mr Okafor: two people, not a slip).
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
        elif i in (3, 9, 15):
            lines.append("The goverment said nothing.")  # the same slip, in four stories
        else:
            lines.append("The government said nothing.")
        if i % 4 == 1:
            lines.append("The plan goes to Carlisle next.")
        if i % 3 == 0:
            lines.append("The chair, Mrs Okafor, agreed; it was Mrs Okafor who spoke.")
        elif i in (1, 2, 4):
            lines.append("It was Mr Okafor who agreed.")
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


def _entries(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if not line.startswith("#")]


def test_desk_words_and_names_have_counts_and_leave_out_typos(desk: Path) -> None:
    # A place the desk names (capitalised) goes on the entity list, so a slip of it is
    # caught as a misspelled name, with its uses and stories.
    entities = (desk / "entities.txt").read_text(encoding="utf-8")
    assert "# 72 uses in 24 stories\nBrackwater\n" in entities
    words = _entries(desk / "words.txt")
    assert "Brackwater" not in words
    # Neither a one-off slip nor one made in four stories (the right spelling is in 20).
    names = [line.split("!")[0] for line in _entries(desk / "entities.txt")]
    learned = words + [w for name in names for w in name.split()]
    assert "goverment" not in learned and "Solbaken" not in learned


def test_a_name_the_dictionary_has_is_listed_so_its_slips_are_caught(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "Carlisle" in _entries(desk / "entities.txt")
    assert "Mrs" not in _entries(desk / "entities.txt")  # a title, not a name
    draft = tmp_path / "new.txt"
    draft.write_text("The plan went to Carlsile.\n", encoding="utf-8")
    assert main(["check", str(draft), "--fail-on", "warning"]) == 0  # a note at most
    assert main(["check", str(draft), "--desk", str(desk), "--fail-on", "warning"]) == 1
    assert "(suggest: Carlisle)" in capsys.readouterr().out


def test_another_title_is_another_person_not_a_slip(desk: Path) -> None:
    entities = _entries(desk / "entities.txt")
    assert "Mrs Okafor" in entities and "Mr Okafor" in entities  # each a name of its own
    assert not any("!" in line and "Mr Okafor" in line.split("!")[1] for line in entities)


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


def test_learn_names_each_unreadable_story_and_writes_nothing_from_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "scan.txt").write_bytes(b"\x00\x01\x02 not text")
    assert main(["learn", str(archive), "-o", str(tmp_path / "desk"), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert "learn: skipped " in err and "scan.txt: a binary file" in err
    assert "scan.txt: " + str(archive) not in err  # the path is said once
    assert "nothing to learn from" in err and "Traceback" not in err
    assert not (tmp_path / "desk").exists()


def test_quote_style_is_learned_as_the_quote_checker_weighs_a_draft(tmp_path: Path) -> None:
    # Logical punctuation: fragments close before the period. Whole quoted sentences and the
    # comma before an attribution sit inside the mark in both styles, so they are no
    # evidence for either, however many there are.
    archive = tmp_path / "archive"
    archive.mkdir()
    for n in range(4):
        (archive / f"story{n}.txt").write_text(
            f"The harbour board called the plan “a fair start”. Its chair said the levy was "
            f"“long overdue”, and the council agreed.\n\n“We will vote on it in May,” said "
            f"the mayor. “The town needs the berths.” Story {n} ends here.\n",
            encoding="utf-8",
        )
    assert main(["learn", str(archive), "-o", str(tmp_path / "desk"), "--workers", "1"]) == 0
    settings = (tmp_path / "desk" / "desk.toml").read_text(encoding="utf-8")
    assert 'quote-style = "british"' in settings
    assert "punctuation.outside-quote" not in settings


def _hand_desk(folder: Path) -> Path:
    folder.mkdir()
    (folder / "desk.toml").write_text(
        'dialect = "british"\nquote-style = "british"\nfail-on = "warning"\n', encoding="utf-8"
    )
    return folder


def test_desk_settings_apply_unless_the_user_set_the_key(tmp_path: Path) -> None:
    # A user who writes a key, even with its default value, keeps it; the desk fills in the
    # rest. The same path serves the command line, the editor and the server (for_draft).
    desk = _hand_desk(tmp_path / "desk")
    user = user_config_path()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text('dialect = "auto"\nfail-on = "error"\n', encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / ".proofer.toml").write_text(f'desk = "{desk}"\n', encoding="utf-8")
    config = for_draft(project / "d.txt")
    assert (config.dialect, config.fail_on, config.quote_style) == ("auto", "error", "british")
    user.unlink()
    config = for_draft(project / "d.txt")
    assert (config.dialect, config.fail_on, config.quote_style) == ("british", "warning", "british")


def test_a_flag_at_its_default_beats_the_desk(tmp_path: Path) -> None:
    desk = _hand_desk(tmp_path / "desk")
    flagged = with_desk(Config().with_overrides(dialect="auto"), desk)
    assert (flagged.dialect, flagged.quote_style) == ("auto", "british")
    assert with_desk(Config(), desk).dialect == "british"


def test_a_word_in_two_stories_is_meant_in_one_it_is_not(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    texts = [
        "The zorbitane plant reopened on Monday.",
        "Workers at the zorbitane site cheered the news.",
        "The qwelpish board met and agreed to the plan.",
    ]
    for i, text in enumerate(texts):
        (archive / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    assert main(["learn", str(archive), "-o", str(tmp_path / "desk"), "--workers", "1"]) == 0
    words = _entries(tmp_path / "desk" / "words.txt")
    assert "zorbitane" in words and "qwelpish" not in words


def test_the_numbers_rule_is_learned_only_when_both_halves_hold() -> None:
    # Small numbers in words is half the news rule; a desk that also writes "twenty days"
    # does not follow the other half (figures from 10), so the check is not turned on.
    archive = Archive()
    archive.evidence.update({"numbers.words": 40, "numbers.big-words": 25})
    assert "numbers" not in _conventions(archive)[1]
    archive.evidence.update({"numbers.big-words": -25, "numbers.big-figures": 30})
    assert "numbers" in _conventions(archive)[1]
