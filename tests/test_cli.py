"""The command line as writers and pipelines use it: output, exit status, bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from proofer.cli import main

DRAFT = "Russian President Vladamir Putin spoke.\n\nTalks resume in April..\n"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_text_output_reads_like_a_compiler(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(draft)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{draft}:1:19: error [spelling.name-typo]" in out[0]
    assert out[0].endswith("(suggest: Vladimir)")
    assert f"{draft}:3:22: error [punctuation.doubled]" in out[1]
    assert "\033[" not in "".join(out)


def test_json_contract(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(draft), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    [file] = data["files"]
    assert file["path"] == str(draft)
    first = file["findings"][0]
    assert set(first) == {
        "start", "end", "line", "column", "category", "rule",
        "message", "suggestions", "severity", "engine",
    }  # fmt: skip
    assert DRAFT[first["start"] : first["end"]] == "Vladamir"
    assert (first["line"], first["column"], first["engine"]) == (1, 19, "harper")


def test_github_annotations(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(draft), "--format", "github"])
    assert capsys.readouterr().out.startswith(f"::error file={draft},line=1,col=19,")


def test_fail_on_threshold(tmp_path: Path) -> None:
    path = tmp_path / "spaces.txt"
    path.write_text("One sentence.  Two sentences.\n", encoding="utf-8")
    assert main(["check", str(path)]) == 0  # a warning does not fail by default
    assert main(["check", str(path), "--fail-on", "warning"]) == 1
    assert main(["check", str(path), "--fail-on", "never"]) == 0


def test_clean_draft_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clean.txt"
    path.write_text("The council met on Tuesday and approved the budget.\n", encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert "0 errors" in capsys.readouterr().err


def test_missing_binary_and_empty_files_exit_2_but_others_are_checked(
    draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status = main(["check", str(tmp_path / "gone.txt"), str(binary), str(empty), str(draft)])
    captured = capsys.readouterr()
    assert status == 2
    errors = captured.err.splitlines()
    assert any("gone.txt: no such file" in line for line in errors)
    assert any("photo.txt: a binary file" in line for line in errors)
    assert any("empty.txt: the file is empty" in line for line in errors)
    assert "Traceback" not in captured.err
    assert "Vladamir" in captured.out


def test_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("cessation of hositalities\n".encode("cp1252")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["check", "-", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["files"][0]["path"] == "-"
    assert data["files"][0]["findings"][0]["suggestions"][0] == "hostilities"


def test_config_is_discovered_and_flags_override(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "desk" / "story.txt"
    story.parent.mkdir()
    story.write_text("The colour of the flag.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.proofer]\ndialect = "american"\nfail-on = "warning"\n'
    )
    assert main(["check", str(story)]) == 1
    (tmp_path / "desk" / ".proofer.toml").write_text('dialect = "british"\nfail-on = "warning"\n')
    assert main(["check", str(story)]) == 0
    assert main(["check", str(story), "--dialect", "american"]) == 1


def test_bad_config_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".proofer.toml").write_text('colour = "blue"\n')
    story = tmp_path / "s.txt"
    story.write_text("Fine.\n")
    assert main(["check", str(story)]) == 2
    assert "unknown setting 'colour'" in capsys.readouterr().err


def test_malformed_entity_line_is_reported_and_the_rest_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entities = tmp_path / "names.txt"
    entities.write_text("Margarethe Lindqvist\n| no name\nTomasz Wierzbicki\n", encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text("Margarethe Lindqvist and Tomasz Wierzbicki met.\n", encoding="utf-8")
    assert main(["check", str(story), "--entities", str(entities), "--fail-on", "info"]) == 0
    assert f"{entities}:2: no name" in capsys.readouterr().err


def test_fix_applies_safe_fixes_only(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes("Vladamir said so..\r\nThe the end.\r\n".encode("cp1252"))
    out = tmp_path / "out.txt"
    assert main(["fix", str(src), "--output", str(out)]) == 0
    # Spelling is not a safe fix (a name may be right); doubled marks and words are.
    assert out.read_bytes() == "Vladamir said so.\r\nThe end.\r\n".encode("cp1252")


def test_rules_are_documented(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "punctuation.doubled"]) == 0
    out = capsys.readouterr().out
    assert "What:" in out and "Why:" in out and "Example:" in out and "safe" in out
    assert main(["rules", "no.such-rule"]) == 2


def test_installed_command_runs(draft: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "proofer", "check", str(draft)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Vladimir" in result.stdout


def test_fix_smart_quotes_pairs_marks_and_keeps_apostrophes(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(
        "He said \"it's the '90s 'all over again'\" and left.\n\n\"We waited.\n\n"
        '"Then we won," she said.\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.txt"
    assert main(["fix", str(src), "--output", str(out), "--smart-quotes"]) == 0
    assert out.read_text(encoding="utf-8") == (
        "He said “it’s the ’90s ‘all over again’” and left.\n\n“We waited.\n\n"
        "“Then we won,” she said.\n"
    )


def test_unreadable_lists_are_one_line_for_check_and_fix(
    draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "names.txt"
    binary.write_bytes(b"x\xff\xfe\x00")
    assert main(["check", str(draft), "--entities", str(binary)]) == 2
    assert main(["fix", str(draft), "-o", str(tmp_path / "o.txt"), "--dictionary", "gone.txt"]) == 2
    err = capsys.readouterr().err
    assert "names.txt: not UTF-8 text" in err
    assert "gone.txt: no such file" in err
    assert "Traceback" not in err


def test_inline_switches_silence_rules_in_their_stretch(tmp_path: Path) -> None:
    from proofer.document import Document
    from proofer.proofreader import Proofreader

    text = (
        "The hositalities began.\n\n<!-- proofer: disable=spelling. -->\n\n"
        "The hostilites went on..\n\n<!-- proofer: enable=spelling. -->\n\n"
        "The hostilitise ended.\n\n<!-- proofer: disable=names.unlisted -->\n"
    )
    findings = Proofreader().check(Document(text, markdown=True)).findings
    flagged = [(f.rule, f.start) for f in findings]
    misspelled = [text.index(w) for w in ("hositalities", "hostilites", "hostilitise")]
    assert ("spelling.unknown", misspelled[0]) in flagged
    assert ("spelling.unknown", misspelled[1]) not in flagged
    assert ("spelling.unknown", misspelled[2]) in flagged
    assert any(rule == "punctuation.doubled" for rule, _ in flagged)  # only spelling is off
    unused = [f for f in findings if f.rule == "proofer.unused-suppression"]
    assert [text[f.start : f.end] for f in unused] == ["<!-- proofer: disable=names.unlisted -->"]


def test_user_settings_sit_under_the_project_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from proofer.config import for_draft

    home = tmp_path / "xdg"
    (home / "proofer").mkdir(parents=True)
    (home / "proofer" / "config.toml").write_text('dialect = "british"\nfail-on = "warning"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    story = tmp_path / "desk" / "story.txt"
    story.parent.mkdir()
    story.write_text("Fine.\n")
    assert (for_draft(story).dialect, for_draft(story).fail_on) == ("british", "warning")
    (story.parent / ".proofer.toml").write_text('dialect = "american"\n')
    assert (for_draft(story).dialect, for_draft(story).fail_on) == ("american", "warning")
