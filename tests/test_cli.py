"""The command line as writers and pipelines use it: output, exit status, bad input."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from proofer.cli import main
from tests.conftest import PROOFER, run_proofer

DRAFT = "Chilean Senator Sebastain Moreno spoke.\n\nThe ferry sails in June..\n"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_text_output_reads_like_a_compiler(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(draft)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{draft}:1:17: error [spelling.name-typo]" in out[0]
    assert out[0].endswith("(suggest: Sebastian)")
    assert f"{draft}:3:24: error [punctuation.doubled]" in out[1]
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
        "message", "suggestions", "severity", "engine", "part",
    }  # fmt: skip
    assert first["part"] == "body"
    assert DRAFT[first["start"] : first["end"]] == "Sebastain"
    assert (first["line"], first["column"], first["engine"]) == (1, 17, "harper")


def test_github_annotations(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(draft), "--format", "github"])
    assert capsys.readouterr().out.startswith(f"::error file={draft},line=1,col=17,")


def test_fail_on_threshold(tmp_path: Path) -> None:
    path = tmp_path / "spaces.txt"
    path.write_text("One sentence.  Two sentences.\n", encoding="utf-8")
    assert run_proofer("check", path).returncode == 0  # a warning does not fail by default
    assert run_proofer("check", path, "--fail-on", "warning").returncode == 1
    assert run_proofer("check", path, "--fail-on", "never").returncode == 0


def test_clean_draft_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text("The council met on Tuesday and approved the budget.\n", encoding="utf-8")
    result = run_proofer("check", path)
    assert result.returncode == 0
    assert result.stderr.decode() == "0 errors, 0 warnings, 0 notes in 1 file\n"


def test_missing_and_binary_files_exit_2_but_others_are_checked(
    draft: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run_proofer("check", tmp_path / "gone.txt", binary, draft)
    assert result.returncode == 2
    errors = result.stderr.decode().splitlines()
    assert f"proofer: {tmp_path / 'gone.txt'}: no such file" in errors
    assert f"proofer: {binary}: a binary file, not a text draft" in errors
    assert "Traceback" not in result.stderr.decode()
    assert b"Sebastain" in result.stdout


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_an_empty_draft_checks_clean(tmp_path: Path, content: bytes) -> None:
    # An empty Markdown file in a commit must not block a pre-commit hook.
    empty = tmp_path / "empty.md"
    empty.write_bytes(content)
    result = run_proofer("check", empty, "--fail-on", "info")
    assert (result.returncode, result.stdout) == (0, b"")
    assert result.stderr == b"0 errors, 0 warnings, 0 notes in 1 file\n"


def test_standard_input() -> None:
    result = run_proofer(
        "check", "-", "--format", "json", stdin="resumption of negoitations\n".encode("cp1252")
    )
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["files"][0]["path"] == "-"
    assert data["files"][0]["findings"][0]["suggestions"][0] == "negotiations"


def test_config_is_discovered_and_flags_override(tmp_path: Path) -> None:
    story = tmp_path / "desk" / "story.txt"
    story.parent.mkdir()
    story.write_text("The colour of the flag.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.proofer]\ndialect = "american"\nfail-on = "warning"\n'
    )
    assert run_proofer("check", story).returncode == 1
    (tmp_path / "desk" / ".proofer.toml").write_text('dialect = "british"\nfail-on = "warning"\n')
    assert run_proofer("check", story).returncode == 0
    assert run_proofer("check", story, "--dialect", "american").returncode == 1


def test_bad_config_is_one_line(tmp_path: Path) -> None:
    (tmp_path / ".proofer.toml").write_text('colour = "blue"\n')
    story = tmp_path / "s.txt"
    story.write_text("Fine.\n")
    result = run_proofer("check", story)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        f"proofer: {tmp_path / '.proofer.toml'}: unknown setting 'colour'\n"
    )


def test_malformed_entity_line_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    entities = tmp_path / "names.txt"
    entities.write_text("Henriette Solbakken\n| no name\nTomasz Przybylski\n", encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text("Henriette Solbakken and Tomasz Przybylski met.\n", encoding="utf-8")
    result = run_proofer("check", story, "--entities", entities, "--fail-on", "info")
    assert result.returncode == 0
    assert f"{entities}:2: no name" in result.stderr.decode()


def test_fix_applies_safe_fixes_only(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes("Sebastain said so..\r\nThe the end.\r\n".encode("cp1252"))
    out = tmp_path / "out.txt"
    assert run_proofer("fix", src, "--output", out).returncode == 0
    # Spelling is not a safe fix (a name may be right); doubled marks and words are.
    assert out.read_bytes() == "Sebastain said so.\r\nThe end.\r\n".encode("cp1252")


def test_rules_are_documented() -> None:
    result = run_proofer("rules", "punctuation.doubled")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "What:" in out and "Why:" in out and "Example:" in out and "safe" in out
    unknown = run_proofer("rules", "no.such-rule")
    assert unknown.returncode == 2
    assert unknown.stderr == b"proofer: no rule 'no.such-rule'; `proofer rules` lists them all\n"


def test_installed_command_runs(draft: Path) -> None:
    result = run_proofer("check", draft)
    assert result.returncode == 1
    assert b"(suggest: Sebastian)" in result.stdout


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


def test_unreadable_lists_are_one_line_for_check_and_fix(draft: Path, tmp_path: Path) -> None:
    binary = tmp_path / "names.txt"
    binary.write_bytes(b"x\xff\xfe\x00")
    checked = run_proofer("check", draft, "--entities", binary)
    assert checked.returncode == 2
    assert b"names.txt: not UTF-8 text" in checked.stderr
    fixed = run_proofer("fix", draft, "-o", tmp_path / "o.txt", "--dictionary", "gone.txt")
    assert fixed.returncode == 2
    assert (
        fixed.stderr.decode() == "proofer: gone.txt: no such file (an entity list or dictionary)\n"
    )
    assert not (tmp_path / "o.txt").exists()


def test_inline_switches_silence_rules_in_their_stretch(tmp_path: Path) -> None:
    from proofer.document import Document
    from proofer.proofreader import Proofreader

    text = (
        "The negoitations began.\n\n<!-- proofer: disable=spelling. -->\n\n"
        "The hostilites went on..\n\n<!-- proofer: enable=spelling. -->\n\n"
        "The hostilitise ended.\n\n<!-- proofer: disable=names.unlisted -->\n"
    )
    findings = Proofreader().check(Document(text, markdown=True)).findings
    flagged = [(f.rule, f.start) for f in findings]
    misspelled = [text.index(w) for w in ("negoitations", "hostilites", "hostilitise")]
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


# --- proofer fix: never writes where it should not ---------------------------------------


def test_fix_never_replaces_another_file_without_overwrite(draft: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_bytes(b"someone else's work")
    refused = run_proofer("fix", draft, "-o", other)
    assert refused.returncode == 2
    assert refused.stderr.decode() == (
        f"proofer: {other}: the file exists; pass --overwrite to replace it\n"
    )
    assert other.read_bytes() == b"someone else's work"
    assert run_proofer("fix", draft, "-o", other, "--overwrite").returncode == 0
    assert b"June." in other.read_bytes() and b"June.." not in other.read_bytes()


def test_fix_refuses_the_draft_itself_without_overwrite(draft: Path) -> None:
    refused = run_proofer("fix", draft, "-o", draft)
    assert refused.returncode == 2
    assert b"that is the draft itself; pass --overwrite" in refused.stderr
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_fix_keeps_a_symlinked_draft_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "desk" / "story.txt"
    target.parent.mkdir()
    target.write_text("The ferry sails in June..\n", encoding="utf-8")
    link = tmp_path / "story.txt"
    link.symlink_to(target)
    # The link and its target are the same file: the draft itself.
    assert run_proofer("fix", link, "-o", target).returncode == 2
    assert run_proofer("fix", link, "-o", link, "--overwrite").returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "The ferry sails in June.\n"


def test_fix_to_standard_output_writes_bytes_in_the_drafts_encoding(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes("Sebastain said “so”..\r\n".encode("cp1252"))
    result = subprocess.run([PROOFER, "fix", src, "-o", "-"], cwd=tmp_path, capture_output=True)
    assert result.returncode == 0
    assert result.stdout == "Sebastain said “so”.\r\n".encode("cp1252")
    assert not (tmp_path / "-").exists()


def test_fix_of_a_word_draft_to_standard_output_is_a_docx(tmp_path: Path) -> None:
    import docx

    src = tmp_path / "in.docx"
    document = docx.Document()
    document.add_paragraph("The ferry sails in June..")
    document.save(str(src))
    result = subprocess.run([PROOFER, "fix", src, "-o", "-"], cwd=tmp_path, capture_output=True)
    assert result.returncode == 0
    assert not (tmp_path / "-").exists()
    out = tmp_path / "out.docx"
    out.write_bytes(result.stdout)
    assert [p.text for p in docx.Document(str(out)).paragraphs] == ["The ferry sails in June."]


def test_fix_of_a_symlinked_word_draft_keeps_the_link(tmp_path: Path) -> None:
    import docx

    target = tmp_path / "real.docx"
    document = docx.Document()
    document.add_paragraph("The ferry sails in June..")
    document.save(str(target))
    link = tmp_path / "story.docx"
    link.symlink_to(target)
    assert run_proofer("fix", link, "-o", link, "--overwrite").returncode == 0
    assert link.is_symlink()
    assert [p.text for p in docx.Document(str(target)).paragraphs] == ["The ferry sails in June."]


@pytest.mark.parametrize(
    ("name", "output", "message"),
    [
        ("story.txt", "missing/out.txt", "out.txt: the folder {tmp}/missing does not exist"),
        ("story.txt", ".", ".: is a folder; name the file to write"),
        ("story.odt", "out.odt", "story.odt: fix cannot write OpenDocument (.odt) drafts; it "
         "writes plain text, Markdown and Word (.docx)"),
        ("story.txt", "out.docx", "out.docx: fix writes the draft in its own format"),
    ],
)  # fmt: skip
def test_fix_bad_outputs_are_one_line(tmp_path: Path, name: str, output: str, message: str) -> None:
    src = tmp_path / name
    src.write_bytes(b"The ferry sails in June..\n")
    result = run_proofer("fix", name, "-o", output, cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.count("\n") == 1 and message.format(tmp=tmp_path) in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"\xff\xfe")]
)
def test_fix_keeps_utf16_byte_order(tmp_path: Path, encoding: str, bom: bytes) -> None:
    src = tmp_path / "story.txt"
    src.write_bytes(bom + "The ferry sails in June..\r\n".encode(encoding))
    assert run_proofer("fix", src, "-o", src, "--overwrite").returncode == 0
    assert src.read_bytes() == bom + "The ferry sails in June.\r\n".encode(encoding)


# --- output that pipelines rely on ---------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("rules",),
        ("check", "big.txt"),
        ("check", "big.txt", "--format", "json"),
        ("fix", "big.txt", "-o", "-"),
        ("check", "--daemon", "big.txt"),
    ],
)
def test_a_closed_pipe_ends_quietly(tmp_path: Path, args: tuple[str, ...]) -> None:
    # `proofer rules | head`: the reader leaves before the output is written.
    (tmp_path / "big.txt").write_text("The ferry sails in June..\n" * 2000, encoding="utf-8")
    (tmp_path / "run").mkdir()
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path / "run")}  # a daemon of its own
    try:
        process = subprocess.Popen(
            [PROOFER, *args], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdout and process.stderr
        process.stdout.close()
        err = process.stderr.read()
        assert process.wait(timeout=120) == 141
        assert b"Traceback" not in err and b"BrokenPipe" not in err and b"Exception" not in err
    finally:
        subprocess.run([PROOFER, "daemon", "stop"], env=env, capture_output=True, check=False)


def test_json_lists_every_path_with_errors_and_notices(draft: Path, tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01")
    missing = tmp_path / "gone.txt"
    # A LanguageTool server nobody answers at: the check goes on and says so.
    result = run_proofer(
        "check", missing, draft, binary, "--format", "json", "--languagetool", "http://127.0.0.1:9"
    )
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert [f["path"] for f in data["files"]] == [str(missing), str(draft), str(binary)]
    gone, story, photo = data["files"]
    assert gone == {"path": str(missing), "findings": [], "error": f"{missing}: no such file"}
    assert photo["error"] == f"{binary}: a binary file, not a text draft"
    assert "error" not in story and story["findings"]
    [notice] = data["notices"]
    assert notice.startswith("LanguageTool is unavailable")


def test_json_notices_survive_checking_on_several_cores(tmp_path: Path) -> None:
    # Big enough drafts are checked by worker processes forked after a warm-up check; the
    # engine found unavailable in the warm-up must still be reported, once.
    from proofer.batch import _MIN_CHARS

    drafts = []
    for i in range(3):
        drafts.append(tmp_path / f"d{i}.txt")
        drafts[-1].write_text("The ferry sails in June.. " * (_MIN_CHARS // 40), encoding="utf-8")
    result = run_proofer(
        "check", *drafts, tmp_path / "gone.txt", "--format", "json",
        "--languagetool", "http://127.0.0.1:9",
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == [str(d) for d in drafts] + [
        str(tmp_path / "gone.txt")
    ]
    assert [n[:30] for n in data["notices"]] == ["LanguageTool is unavailable (c"]
    assert result.stderr.decode().count("LanguageTool is unavailable") == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("serve", "--port", "notanumber"), "proofer serve: argument --port: invalid int value"),
        (("check", "--fail-on", "bogus", "x.txt"), "proofer check: argument --fail-on: invalid"),
        (("fix",), "proofer fix: the following arguments are required: PATH"),
        (("style", "test", "a.toml", "--nope"), "proofer: unrecognized arguments: --nope"),
        (("nosuchcommand",), "proofer: argument command: invalid choice: 'nosuchcommand'"),
    ],
)
def test_bad_arguments_are_one_line(args: tuple[str, ...], expected: str) -> None:
    result = run_proofer(*args)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(expected), lines
    assert "--help" in lines[0]  # where the usage is, now that it is not printed


def test_check_of_a_folder_checks_the_drafts_in_it_as_if_named(tmp_path: Path) -> None:
    (tmp_path / "desk" / "news").mkdir(parents=True)
    (tmp_path / "desk" / ".git").mkdir()
    drafts = [tmp_path / "desk" / "a.md", tmp_path / "desk" / "news" / "b.txt"]
    for draft in drafts:
        draft.write_text(f"The ferry sails in June.. ({draft.name})\n", encoding="utf-8")
    (tmp_path / "desk" / ".git" / "c.txt").write_text("Not a draft..\n", encoding="utf-8")
    (tmp_path / "desk" / "news" / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "empty").mkdir()
    folder = run_proofer("check", tmp_path / "desk", tmp_path / "empty")
    named = run_proofer("check", *drafts)
    assert folder.stdout == named.stdout and folder.stdout.count(b"punctuation.doubled") == 2
    assert folder.returncode == 2  # the folder with no drafts in it
    assert f"{tmp_path / 'empty'}: is a folder" in folder.stderr.decode()
