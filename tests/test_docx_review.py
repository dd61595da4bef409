"""A Word draft handed back as a copy desk would: corrections as revisions, queries as comments."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from proofer.config import Config
from proofer.document import Document, Part
from proofer.formats.docx import read_docx, save
from proofer.proofreader import Proofreader
from proofer.review import corrections, hand_back, hand_back_edited, queries
from tests.conftest import run_proofer
from tests.word_revisions import accept_all, comments, reject_all, revisions

NAMES = "Henriette Solbakken | Solbakken\n"


def build(path: Path) -> Path:
    """Misspellings across runs and in a table, a listed name with a slip, an unlisted name."""
    document = docx.Document()
    p = document.add_paragraph("Talks followed the resumption of negoi")
    p.add_run("tations").bold = True
    p.add_run(", said Henriete Solbakken.")
    q = document.add_paragraph("The envoy, Tobiah Quenneville-Osei, arrived on ")
    q.add_run("Monday").italic = True
    q.add_run(".")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Budget"
    table.cell(0, 1).text = "The goverment set aside $4 million."
    document.save(str(path))
    return path


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    (tmp_path / "names.txt").write_text(NAMES, encoding="utf-8")
    proofreader = Proofreader(Config(entities=(tmp_path / "names.txt",)))
    draft = read_docx(build(tmp_path / "story.docx"))
    findings = proofreader.check(draft.document()).findings
    assert hand_back(draft, findings, proofreader.rules, author="Copy Desk") == (3, 1)
    out = tmp_path / "reviewed.docx"
    save(draft, out)
    return out


def test_corrections_are_revisions(reviewed: Path) -> None:
    changes = revisions(reviewed)
    assert ("ins", "Copy Desk", "negotiations") in changes
    assert ("ins", "Copy Desk", "Henriette") in changes
    assert ("ins", "Copy Desk", "government") in changes  # in the table


def test_an_unlisted_name_is_a_comment_on_it(reviewed: Path) -> None:
    notes = comments(reviewed)
    on_name = [n for n in notes if "Quenneville" in n[1] or "Tobiah" in n[1]]
    assert len(on_name) == 1  # one query for the name, not one per word of it
    author, name, text = on_name[0]
    assert name == "Tobiah Quenneville-Osei"
    by_anchor = {anchor: (author, text) for author, anchor, text in notes}
    assert author == "Copy Desk"
    assert name in text  # the message names the text it queries
    assert "\n" in text  # followed by the rule's explanation
    # Nothing that became a revision is also queried.
    assert not {"negoi", "tations", "Henriete", "goverment"} & set(by_anchor)


def test_accepting_every_revision_keeps_the_comments_and_the_formatting(
    reviewed: Path, tmp_path: Path
) -> None:
    document = accept_all(reviewed, tmp_path / "accepted.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "resumption of negotiations, said Henriette Solbakken." in text
    assert "Quenneville-Osei" in text
    italic = [r.text for p in document.paragraphs for r in p.runs if r.italic]
    assert italic == ["Monday"]
    assert len(document.comments) == len(comments(reviewed))


def test_rejecting_every_revision_restores_the_original(reviewed: Path, tmp_path: Path) -> None:
    document = reject_all(reviewed, tmp_path / "rejected.docx")
    original = docx.Document(str(tmp_path / "story.docx"))
    assert [p.text for p in document.paragraphs] == [p.text for p in original.paragraphs]
    assert document.tables[0].cell(0, 1).text == "The goverment set aside $4 million."
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert bold == ["tations"]


def test_the_editors_hand_back_revises_the_edits_and_queries_what_is_left(
    tmp_path: Path,
) -> None:
    (tmp_path / "names.txt").write_text(NAMES, encoding="utf-8")
    proofreader = Proofreader(Config(entities=(tmp_path / "names.txt",)))
    draft = read_docx(build(tmp_path / "story.docx"))
    text = draft.text.replace("negoitations", "negotiations")  # the copy editor's one edit
    still_open = proofreader.check(Document(text)).findings  # offsets into the edited text
    assert hand_back_edited(draft, text, still_open, proofreader.rules, "Copy Desk") == 1
    save(draft, tmp_path / "edited.docx")
    reread = read_docx(tmp_path / "edited.docx")  # the body, then the comments just added
    body_end = max(p.end for p in reread.paragraphs if p.part is Part.BODY) + 1
    assert reread.text[:body_end] == text
    assert [(kind, words) for kind, _, words in revisions(tmp_path / "edited.docx")] == [
        ("del", "negoitations"),
        ("ins", "negotiations"),
    ]  # the corrections left open (a name's slip, a misspelling) are not made for them
    notes = comments(tmp_path / "edited.docx")
    assert [(author, anchor) for author, anchor, _ in notes] == [
        ("Copy Desk", "Tobiah Quenneville-Osei")
    ]
    # Saved again, unchanged (the comment is a line of its own after the body now), with
    # the same question still open: it is not asked twice.
    again = read_docx(tmp_path / "edited.docx")
    assert hand_back_edited(again, again.text, still_open, proofreader.rules, "Copy Desk") == 0
    save(again, tmp_path / "again.docx")
    assert len(comments(tmp_path / "again.docx")) == 1


def test_fix_track_changes_end_to_end(tmp_path: Path) -> None:
    """As a desk runs it: a real ``proofer fix`` process on a .docx with misspellings split
    across runs (one in a table), formatting and an unlisted name."""
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("Talks").bold = True
    p.add_run(" followed the resumption of negoi")
    p.add_run("tations").bold = True
    p.add_run(" at the ")
    p.add_run("quay").italic = True
    p.add_run(".")
    document.add_paragraph("The envoy, Tobiah Quenneville-Osei, arrived on Monday.")
    cell = document.add_table(rows=1, cols=2).cell(0, 1)
    cell.paragraphs[0].add_run("The gover")
    cell.paragraphs[0].add_run("ment").italic = True
    cell.paragraphs[0].add_run(" set aside $4 million.")
    story, out = tmp_path / "story.docx", tmp_path / "returned.docx"
    document.save(str(story))
    done = run_proofer(
        "fix", story, "-o", out, "--track-changes", "--author", "Copy Desk", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert b"2 fixes as tracked changes, 1 query as a comment (by Copy Desk)" in done.stderr
    found = revisions(out)
    assert ("del", "Copy Desk", "negoitations") in found
    assert ("ins", "Copy Desk", "negotiations") in found
    assert ("del", "Copy Desk", "goverment") in found  # in the table
    assert ("ins", "Copy Desk", "government") in found
    [(author, anchor, query)] = comments(out)
    assert (author, anchor) == ("Copy Desk", "Tobiah Quenneville-Osei")
    assert "Tobiah Quenneville-Osei" in query and "\n" in query  # the question, then why
    accepted = accept_all(out, tmp_path / "accepted.docx")
    assert [para.text for para in accepted.paragraphs] == [
        "Talks followed the resumption of negotiations at the quay.",
        "The envoy, Tobiah Quenneville-Osei, arrived on Monday.",
    ]
    assert accepted.tables[0].cell(0, 1).text == "The government set aside $4 million."
    assert "Talks" in [r.text for para in accepted.paragraphs for r in para.runs if r.bold]
    assert [r.text for para in accepted.paragraphs for r in para.runs if r.italic] == ["quay"]
    assert len(accepted.comments) == 1
    rejected = reject_all(out, tmp_path / "rejected.docx")
    assert [para.text for para in rejected.paragraphs] == [
        para.text for para in document.paragraphs
    ]
    assert rejected.tables[0].cell(0, 1).text == "The goverment set aside $4 million."
    # Each letter as bold and italic as it was (runs may be split where revisions were).
    assert looks(rejected.paragraphs[0]) == looks(p)
    assert looks(rejected.tables[0].cell(0, 1).paragraphs[0]) == looks(cell.paragraphs[0])


def looks(paragraph: Any) -> list[tuple[str, bool, bool]]:
    """Each character of a python-docx paragraph, and whether it is bold and italic."""
    return [(ch, bool(r.bold), bool(r.italic)) for r in paragraph.runs for ch in r.text]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_comments(reviewed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "odt", "--outdir", str(tmp_path / "odt"),
         str(reviewed)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "odt" / "reviewed.odt") as odt:
        content = odt.read("content.xml").decode()
    assert "<office:annotation" in content and "Copy Desk" in content
    assert "Quenneville" in content.split("<office:annotation", 1)[1]
    assert "<text:tracked-changes" in content


def test_what_is_a_correction_and_what_a_query() -> None:
    from proofer.findings import Category, Finding, Severity

    def f(start: int, end: int, severity: Severity, *fixes: str) -> Finding:
        return Finding(start, end, Category.SPELLING, "x.rule", "Check it.", fixes, severity)

    slip = f(0, 4, Severity.ERROR, "fix")  # an error with a fix: a revision
    no_fix = f(10, 14, Severity.ERROR)  # an error nobody can fix: a question
    maybe = f(20, 24, Severity.WARNING, "this", "that")  # an unsafe suggestion: a question
    word = f(30, 36, Severity.INFO)  # a word of a name queried whole
    name = f(30, 50, Severity.INFO)
    findings = [slip, no_fix, maybe, word, name]
    assert corrections(findings, {}) == [(0, 4, "fix")]
    asked = queries(findings, {})
    assert [(s, e) for s, e, _ in asked] == [(10, 14), (20, 24), (30, 50)]
    assert "Perhaps: ‘this’, ‘that’." in asked[1][2]
