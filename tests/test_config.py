"""Settings files: every value is checked against its type, and a wrong one names the file
and the key in one line (exit 2); an ignore entry that names no rule is a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.config import SETTINGS, Config, ConfigError, Kind, load
from proofer.proofreader import Proofreader
from tests.conftest import run_proofer


@pytest.mark.parametrize(
    ("line", "expects"),
    [
        ('smart-quotes = "false"', "true or false"),
        ("first-reference = 1", "true or false"),
        ("entities = [1, 2]", "a file name or a list of file names"),
        ("dictionary = true", "a file name or a list of file names"),
        ('languagetool-timeout = "abc"', "a number of seconds"),
        ("languagetool-timeout = -3", "a number of seconds"),
        ("languagetool-timeout = true", "a number of seconds"),
        ('languagetool = "maybe"', "off, auto, local, or a server URL"),
        ('dialect = "klingon"', "one of auto, american"),
        ("quote-style = 2", "one of auto, american, british"),
        ('fail-on = ["error"]', "one of error, warning"),
        ("ignore = [3]", "a rule id or a list"),
    ],
)
def test_a_wrong_value_names_the_file_and_the_key(tmp_path: Path, line: str, expects: str) -> None:
    path = tmp_path / ".proofer.toml"
    path.write_text(line + "\n")
    with pytest.raises(ConfigError) as caught:
        load(path)
    message = str(caught.value)
    key = line.split(" = ")[0]
    assert message.startswith(f"{path}: setting '{key}' must be {expects}"), message
    assert "\n" not in message


def test_right_values_are_read_as_their_types(tmp_path: Path) -> None:
    path = tmp_path / ".proofer.toml"
    path.write_text(
        'smart-quotes = true\nlanguagetool-timeout = 5\nentities = "names.txt"\n'
        'ignore = "spelling."\nlanguagetool = "https://lt.example.org/v2"\n'
    )
    config = load(path)
    assert config.smart_quotes is True
    assert config.languagetool_timeout == 5.0 and isinstance(config.languagetool_timeout, float)
    assert config.entities == ((tmp_path / "names.txt").resolve(),)
    assert config.ignore == ("spelling.",)
    assert config.ignore_source == path


def test_every_config_field_is_in_the_table() -> None:
    # A new field without a row would be unreadable from a file, silently.
    table = {s.name for s in SETTINGS.values()}
    fields = set(Config.__dataclass_fields__) - {"source", "ignore_source", "given"}
    assert table == fields
    assert all(s.choices for s in SETTINGS.values() if s.kind in (Kind.CHOICE, Kind.ENGINE))


def test_pyproject_table_is_checked_the_same(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.proofer]\nsmart-quotes = "false"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml: setting 'smart-quotes' must be"):
        load(path)


def test_ignore_entries_that_name_no_rule_are_warned_about(tmp_path: Path, engine: object) -> None:
    path = tmp_path / ".proofer.toml"
    path.write_text(
        'ignore = ["spelling", "typography.double-space", "names.", "harper.NoFrenchSpaces",'
        ' "lt.WHITESPACE_RULE", "quotes.no-such-rule"]\n'
    )
    warnings = Proofreader(load(path), engine).warnings  # type: ignore[arg-type]
    assert warnings == [
        f"{path}: setting 'ignore': 'spelling' names no rule, so it ignores nothing; "
        "did you mean 'spelling.'?",
        f"{path}: setting 'ignore': 'quotes.no-such-rule' names no rule, so it ignores nothing",
    ]


@pytest.mark.parametrize(
    "line", ['smart-quotes = "false"', "entities = [1, 2]", 'languagetool-timeout = "abc"']
)
def test_the_command_exits_2_with_one_line(tmp_path: Path, line: str) -> None:
    (tmp_path / ".proofer.toml").write_text(line + "\n")
    (tmp_path / "story.txt").write_text("The council met.\n")
    for command in (["check", "story.txt"], ["fix", "story.txt", "-o", "-"]):
        result = run_proofer(*command, cwd=tmp_path)
        err = result.stderr.decode()
        assert result.returncode == 2, err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert ".proofer.toml: setting '" + line.split(" = ")[0] + "'" in err


def test_an_unknown_ignore_warns_and_keeps_the_exit_status(tmp_path: Path) -> None:
    (tmp_path / ".proofer.toml").write_text('ignore = ["spelling"]\n')
    (tmp_path / "story.txt").write_text("The negoitations ended.\n")
    result = run_proofer("check", "story.txt", cwd=tmp_path)
    assert result.returncode == 1  # the misspelling is still reported: nothing was ignored
    assert b"setting 'ignore': 'spelling' names no rule" in result.stderr
    assert b"negoitations" in result.stdout


def test_a_missing_or_broken_settings_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("The council met.\n")
    (tmp_path / "broken.toml").write_text('dialect = "british"\nbad key = \n')
    missing = run_proofer("check", "story.txt", "--config", "nope.toml", cwd=tmp_path)
    assert (missing.returncode, missing.stderr) == (
        2,
        b"proofer: nope.toml: no such settings file\n",
    )
    broken = run_proofer("check", "story.txt", "--config", "broken.toml", cwd=tmp_path)
    assert broken.returncode == 2
    assert broken.stderr.startswith(b"proofer: broken.toml: not valid TOML (")
    assert broken.stderr.count(b"\n") == 1
