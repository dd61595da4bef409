"""`proofer fix` over several drafts and folders: into an output folder or in place, on every
core, written and told in the order given, exactly as each draft fixed alone."""

from __future__ import annotations

import resource
import subprocess
from pathlib import Path

import docx
import pytest

from proofer import batch
from proofer.cli import main
from proofer.formats import drafts_in
from tests.conftest import PROOFER, run_proofer
from tests.word_revisions import revisions

# Slips the safe fixes mend (doubled marks and words), a spacing slip, and a misspelled name,
# which is no safe fix: it must stay as written.
PARAGRAPH = (
    "Councillor Henriete Solbakken said the harbour budget was late.. The the vote is due "
    "next month, she said , and the ferry plan waits.\n\n"
)


def word_draft(path: Path, paragraphs: list[str]) -> None:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def desk(root: Path, repeat: int = 2) -> list[Path]:
    """Drafts in nested folders, of each kind fix writes, plus what a folder also holds that
    is no draft; returns the drafts in the order a folder gives them."""
    (root / "news" / "council").mkdir(parents=True)
    (root / "sport").mkdir()
    (root / "news" / "budget.txt").write_bytes(
        ("Budget story.\r\n\r\n" + PARAGRAPH.replace("\n", "\r\n") * repeat).encode("cp1252")
    )
    (root / "news" / "council" / "vote.md").write_text(
        "# Vote\n\n" + PARAGRAPH * repeat, encoding="utf-8"
    )
    word_draft(
        root / "news" / "council" / "ferry.docx", ["Ferry story."] + [PARAGRAPH.strip()] * repeat
    )
    (root / "sport" / "match.txt").write_text(
        "Match report.\n\n" + PARAGRAPH * repeat, encoding="utf-8"
    )
    # Not drafts: a hidden folder, Word's lock file, a file of another kind.
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text("Stray.. text\n", encoding="utf-8")
    (root / "news" / "~$ferry.docx").write_bytes(b"lock")
    (root / "sport" / "photo.jpg").write_bytes(b"\xff\xd8")
    return [
        root / "news" / "budget.txt",
        root / "news" / "council" / "ferry.docx",
        root / "news" / "council" / "vote.md",
        root / "sport" / "match.txt",
    ]


def fixed_alone(draft: Path, out: Path, *options: str) -> subprocess.CompletedProcess[bytes]:
    result = run_proofer("fix", draft, "-o", out, *options)
    assert result.returncode == 0, result.stderr
    return result


def same_draft(a: Path, b: Path) -> bool:
    """The same fixed draft: the same bytes, or for Word the same paragraphs (a .docx is a
    zip whose entries carry the time they were written)."""
    if a.suffix == ".docx":
        return [p.text for p in docx.Document(str(a)).paragraphs] == [
            p.text for p in docx.Document(str(b)).paragraphs
        ]
    return a.read_bytes() == b.read_bytes()


def test_drafts_in_a_folder_are_the_kinds_read_in_a_stable_order(tmp_path: Path) -> None:
    drafts = desk(tmp_path)
    (tmp_path / "sport" / "old.odt").write_bytes(b"")
    assert drafts_in(tmp_path) == sorted([*drafts, tmp_path / "sport" / "old.odt"])


def test_a_folder_is_fixed_into_an_output_folder_as_each_draft_alone(tmp_path: Path) -> None:
    drafts = desk(tmp_path / "desk", repeat=40)  # over 20,000 characters: fixed by workers
    originals = [d.read_bytes() for d in drafts]
    out = tmp_path / "out"
    together = run_proofer("fix", tmp_path / "desk", "--output-dir", out)
    assert together.returncode == 0, together.stderr
    outputs = [out / d.relative_to(tmp_path / "desk") for d in drafts]
    assert sorted(p for p in out.rglob("*") if p.is_file()) == sorted(outputs)
    lines = []
    for i, (draft, output) in enumerate(zip(drafts, outputs, strict=True)):
        alone = fixed_alone(draft, tmp_path / f"alone{i}{draft.suffix}")
        assert same_draft(output, tmp_path / f"alone{i}{draft.suffix}"), draft
        lines.append(f"{draft}: {alone.stderr.decode().strip()} -> {output}")
    assert together.stderr.decode().splitlines() == lines
    assert (out / "news" / "budget.txt").read_bytes().startswith(b"Budget story.\r\n")
    fixed_text = (out / "sport" / "match.txt").read_text(encoding="utf-8")
    assert "late.." not in fixed_text and "The the" not in fixed_text
    assert "Henriete" in fixed_text  # a name is no safe fix
    assert [d.read_bytes() for d in drafts] == originals


def test_the_pool_writes_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Small drafts, so the pool is forced: every draft worth forking for, two workers.
    drafts = desk(tmp_path / "desk")
    word_draft(tmp_path / "desk" / "sport" / "preview.docx", ["The the match is on Sunday.."])
    pools: list[object] = []
    real_pool = batch._Pool

    def counted_pool(*args: object, **kwargs: object) -> object:
        pools.append(args)
        return real_pool(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "_Pool", counted_pool)
    monkeypatch.setattr(batch, "_MIN_CHARS", 0)
    runs: dict[int, tuple[str, list[bytes | list[str]]]] = {}
    for cores in (1, 2):
        monkeypatch.setattr(batch, "cores", lambda cores=cores: cores)
        out, review = tmp_path / f"out{cores}", tmp_path / f"review{cores}"
        assert main(["fix", str(tmp_path / "desk"), "--output-dir", str(out)]) == 0
        # --track-changes in a folder: its Word drafts, each with its own revisions.
        assert main(["fix", str(tmp_path / "desk"), "--output-dir", str(review),
                     "--track-changes"]) == 0  # fmt: skip
        written = [p.read_bytes() for p in drafts_in(out) if p.suffix != ".docx"]
        words = [[p.text for p in docx.Document(str(d)).paragraphs] for d in drafts_in(out)
                 if d.suffix == ".docx"]  # fmt: skip
        tracked = [revisions(d) for d in drafts_in(review)]
        runs[cores] = (capsys.readouterr().err, [*written, *words, *tracked])
        assert len(pools) == 2 * (cores - 1)  # one process, then a pool for each call
    (serial_said, serial), (parallel_said, parallel) = runs[1], runs[2]
    assert parallel == serial
    for folder in ("out", "review"):
        serial_said = serial_said.replace(
            str(tmp_path / f"{folder}1"), str(tmp_path / f"{folder}2")
        )
    assert parallel_said == serial_said
    lines = serial_said.splitlines()
    assert len(lines) == 7 and lines[0].startswith(f"{drafts[0]}: ")
    assert [line.split(": ")[0] for line in lines[-2:]] == [
        str(drafts[1]),
        str(tmp_path / "desk" / "sport" / "preview.docx"),
    ]
    assert all("as tracked changes" in line for line in lines[-2:])
    assert all(tracked for tracked in serial[-2:])  # each Word draft has its revisions


def test_in_place_replaces_each_draft_as_the_output_folder_has_it(tmp_path: Path) -> None:
    drafts = desk(tmp_path / "desk")
    clean = tmp_path / "desk" / "sport" / "clean.txt"
    clean.write_text("Nothing to mend here.\n", encoding="utf-8")
    before = clean.stat().st_mtime_ns
    assert run_proofer("fix", tmp_path / "desk", "--output-dir", tmp_path / "out").returncode == 0
    result = run_proofer("fix", tmp_path / "desk", "--in-place")
    assert result.returncode == 0, result.stderr
    for draft in drafts:
        assert same_draft(draft, tmp_path / "out" / draft.relative_to(tmp_path / "desk"))
    assert clean.stat().st_mtime_ns == before  # nothing to fix: not written at all
    # A second pass finds nothing more to do.
    again = run_proofer("fix", tmp_path / "desk", "--in-place")
    assert again.returncode == 0
    assert [line.split(": ", 1)[1] for line in again.stderr.decode().splitlines()] == [
        "0 fixes applied", "0 fixes applied as plain edits", "0 fixes applied",
        "0 fixes applied", "0 fixes applied",
    ]  # fmt: skip
    assert not list(tmp_path.rglob(".*.tmp"))


def test_in_place_keeps_the_draft_whole_when_its_write_fails(tmp_path: Path) -> None:
    small = tmp_path / "a-small.txt"
    small.write_text("Short.. note\n", encoding="utf-8")
    big = tmp_path / "b-big.txt"
    original = ("Long story.\n\n" + PARAGRAPH * 20).encode("utf-8")
    big.write_bytes(original)

    def limit_file_size() -> None:
        # No file written may grow past 1,000 bytes: the big draft's fixed copy cannot be
        # written (the same for root, whom a read-only folder would not stop).
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))

    result = subprocess.run(
        [PROOFER, "fix", small, big, "--in-place"], capture_output=True, preexec_fn=limit_file_size,
        check=False,
    )  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.splitlines() == [
        f"{small}: 1 fix applied",
        f"proofer: {big}: cannot write it (File too large)",
    ]
    assert big.read_bytes() == original
    assert small.read_text(encoding="utf-8") == "Short. note\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-small.txt", "b-big.txt"]


def test_a_bad_draft_is_one_line_and_the_others_are_fixed(tmp_path: Path) -> None:
    good = desk(tmp_path / "desk")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip at all")
    missing = tmp_path / "gone.md"
    blocked = tmp_path / "out" / "sport"  # a file where a folder must be made
    blocked.parent.mkdir()
    blocked.write_text("in the way\n", encoding="utf-8")
    paths = [binary, tmp_path / "desk", missing, broken]
    result = run_proofer("fix", *paths, "--output-dir", tmp_path / "out", "--overwrite")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[0] == f"proofer: {binary}: a binary file, not a text draft"
    assert [line.split(":")[0] for line in lines[1:4]] == [str(p) for p in good[:3]]
    assert lines[4].startswith(f"proofer: {tmp_path / 'out' / 'sport' / 'match.txt'}: cannot write")
    assert lines[5] == f"proofer: {missing}: no such file"
    assert lines[6].startswith(f"proofer: {broken}: ") and len(lines) == 7
    written = sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*"))
    assert written == sorted(
        Path(p) for p in ["news", "news/budget.txt", "news/council", "news/council/ferry.docx",
                          "news/council/vote.md", "sport"]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a.txt", "b.txt", "-o", "c.txt"], "--output names one file; for several drafts"),
        (["desk", "-o", "c.txt"], "--output names one file; for several drafts"),
        (["a.txt", "-o", "c.txt", "--in-place"], "argument --in-place: not allowed with"),
        (["a.txt", "--output-dir", "o", "--in-place"], "argument --in-place: not allowed with"),
        (["a.txt"], "one of the arguments --output/-o --output-dir --in-place is required"),
        (["-", "--in-place"], "-: standard input is fixed one draft at a time, with --output"),
        (["desk", "--output-dir", "desk"], "desk/a.txt: that is the draft itself; pass --in-place"),
        (["a.txt", "desk", "--output-dir", "desk"], "desk/a.txt: is another draft being fixed; "
         "a.txt cannot be written there"),
        (["a.txt", "desk/b.txt", "--output-dir", "o"], "o/b.txt: the file exists; pass"),
        (["desk", "--output-dir", "."], "a.txt: the file exists (and 1 more); pass --overwrite"),
        (["b.txt", "desk/b.txt", "--output-dir", "x"], "x/b.txt: both b.txt and desk/b.txt would"),
        (["a.txt", "--output-dir", "a.txt"], "a.txt: not a folder (--output-dir names the folder"),
        (["a.txt", "desk", "--in-place", "--track-changes"], "a.txt: --track-changes needs Word"),
        (["desk", "--in-place", "--track-changes"], "desk: no Word (.docx) drafts in this folder"),
        (["a.txt", "s.odt", "--in-place"], "s.odt: fix cannot write OpenDocument (.odt) drafts"),
        (["empty", "--in-place"], "empty: no drafts fix can write (plain text, Markdown and"),
    ],
)  # fmt: skip
def test_what_must_not_be_written_is_refused_before_anything_is(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "empty").mkdir()
    (tmp_path / "o").mkdir()
    for name in ("a.txt", "b.txt", "desk/a.txt", "desk/b.txt", "o/b.txt", "s.odt"):
        (tmp_path / name).write_text("The ferry sails in June..\n", encoding="utf-8")
    files = sorted(p for p in tmp_path.rglob("*"))
    result = run_proofer("fix", *args, cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.count("\n") == 1 and message in err, err
    assert sorted(p for p in tmp_path.rglob("*")) == files
    assert all(b".." in p.read_bytes() for p in files if p.is_file())


def test_one_draft_whose_write_fails_gets_one_line_and_stays_whole(tmp_path: Path) -> None:
    draft = tmp_path / "story.txt"
    original = ("Long story.\n\n" + PARAGRAPH * 20).encode("utf-8")
    draft.write_bytes(original)

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))

    result = subprocess.run(
        [PROOFER, "fix", draft, "--output", draft, "--overwrite"], capture_output=True,
        preexec_fn=limit_file_size, check=False,
    )  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode == 2
    assert len(err.splitlines()) == 1 and "File too large" in err and "Traceback" not in err
    assert draft.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]
