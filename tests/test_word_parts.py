"""A Word draft's headers, footers, footnotes, endnotes and comments are checked and fixed
in their own parts, and an edit never moves text from one part to another."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from proofer.cli import main
from proofer.document import Part
from proofer.formats import DraftError, read_draft
from proofer.formats.docx import read_docx, rewrite, save, w
from tests.word_revisions import revisions

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def _notes(kind: str, text: str) -> str:
    """A footnotes or endnotes part with its separator and one note."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {NS}>'
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        f"</w:{kind}></w:{kind}s>"
    )


def build(path: Path) -> Path:
    """A short story with a slip in every part Word keeps beside the body."""
    document = docx.Document()
    document.add_heading("Ferry Fares", level=1)
    lede = document.add_paragraph("The ferry board raised fares on Monday.")
    riders = document.add_paragraph("Riders said the rise was steep.")
    for kind in ("footnote", "endnote"):  # where the notes are called from
        reference = riders.add_run()._r
        reference.append(reference.makeelement(w(f"{kind}Reference"), {w("id"): "1"}))
    section = document.sections[0]
    section.header.paragraphs[0].text = "Coastal Courier, the weekly jornal"
    section.footer.paragraphs[0].text = "Printed on recyled paper"
    document.add_comment(lede.runs, text="Confirm the the date.", author="Desk")
    document.save(str(path))
    with zipfile.ZipFile(path) as src:
        files = {name: src.read(name) for name in src.namelist()}
    types, rels = "[Content_Types].xml", "word/_rels/document.xml.rels"
    notes = {
        "footnote": "Figures from the boards anual report.",
        "endnote": "Reporting by the harbour desk, with aditional work.",
    }
    for kind, text in notes.items():
        files[f"word/{kind}s.xml"] = _notes(kind, text).encode()
        files[types] = files[types].replace(
            b"</Types>",
            f'<Override PartName="/word/{kind}s.xml" ContentType="{CONTENT}{kind}s+xml"/>'
            "</Types>".encode(),
        )
        files[rels] = files[rels].replace(
            b"</Relationships>",
            f'<Relationship Id="rId{kind}" Type="{RELATIONS}{kind}s" Target="{kind}s.xml"/>'
            "</Relationships>".encode(),
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(name, data)
    return path


def part_texts(path: Path) -> dict[Part, list[str]]:
    """Each part's paragraphs, as the file holds them now."""
    draft = read_docx(path)
    out: dict[Part, list[str]] = {}
    for para in draft.paragraphs:
        out.setdefault(para.part, []).append(draft.text[para.start : para.end])
    return out


SLIPS = {
    "jornal": Part.HEADER,
    "recyled": Part.FOOTER,
    "anual": Part.FOOTNOTE,
    "aditional": Part.ENDNOTE,
    "the the": Part.COMMENT,
}


def test_every_part_is_read_after_the_body(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx")
    parts = part_texts(path)
    assert parts[Part.BODY] == [
        "Ferry Fares",
        "The ferry board raised fares on Monday.",
        "Riders said the rise was steep.",
    ]
    assert parts[Part.HEADER] == ["Coastal Courier, the weekly jornal"]
    assert parts[Part.FOOTER] == ["Printed on recyled paper"]
    assert parts[Part.FOOTNOTE] == ["Figures from the boards anual report."]
    assert parts[Part.ENDNOTE] == ["Reporting by the harbour desk, with aditional work."]
    assert parts[Part.COMMENT] == ["Confirm the the date."]
    doc = read_draft(path)
    assert doc.part_at(doc.text.index("Riders")) is Part.BODY
    for slip, part in SLIPS.items():
        assert doc.part_at(doc.text.index(slip)) is part


def test_check_reports_a_slip_in_every_part_and_says_where(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = build(tmp_path / "story.docx")
    assert main(["check", str(path), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    text = read_draft(path).text
    found = {text[f["start"] : f["end"]].lower(): f for f in findings}
    for slip, part in SLIPS.items():
        assert slip in found, slip
        assert found[slip]["part"] == part.value
        assert found[slip]["message"].startswith(part.where + ": ")
    assert all(f["part"] == "body" for f in findings if f["start"] < text.index("Coastal"))
    assert main(["check", str(path)]) == 1
    assert "In the header: ‘jornal’" in capsys.readouterr().out


def test_fix_with_tracked_changes_corrects_each_part_in_its_part(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx")
    out = tmp_path / "fixed.docx"
    assert main(["fix", str(path), "--output", str(out), "--track-changes"]) == 0
    parts = part_texts(out)  # as read: revisions accepted
    assert parts[Part.HEADER] == ["Coastal Courier, the weekly journal"]
    assert parts[Part.FOOTER] == ["Printed on recycled paper"]
    assert parts[Part.FOOTNOTE] == ["Figures from the boards annual report."]
    assert parts[Part.ENDNOTE] == ["Reporting by the harbour desk, with additional work."]
    assert parts[Part.COMMENT] == ["Confirm the date."]
    assert parts[Part.BODY] == part_texts(path)[Part.BODY]
    # Each correction is a revision inside the header's own part, by Proofer.
    header = docx.Document(str(out)).sections[0].header._element
    deleted = ["".join(t.text for t in d.iter(w("delText"))) for d in header.iter(w("del"))]
    inserted = ["".join(t.text for t in i.iter(w("t"))) for i in header.iter(w("ins"))]
    assert (deleted, inserted) == (["jornal"], ["journal"])
    assert all(author == "Proofer" for _, author, _ in revisions(out))


def test_plain_fixes_leave_the_parts_whole(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx")
    out = tmp_path / "plain.docx"
    assert main(["fix", str(path), "--output", str(out)]) == 0
    before, after = part_texts(path), part_texts(out)
    assert set(after) == set(before)
    for part, lines in before.items():
        assert len(after[part]) == len(lines)
        # Only safe fixes are made: a part reads as before or as before, fixed.
        assert [a.replace("the the", "the") for a in after[part]] == [
            b.replace("the the", "the") for b in lines
        ]


def test_an_edit_in_a_header_is_saved_into_the_header(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx")
    draft = read_docx(path)
    lines = draft.text[:-1].split("\n")
    edited = [*lines[:3], "A new last paragraph of the body.", *lines[3:]]
    edited[4] = edited[4].replace("jornal", "journal")
    rewrite(draft, "".join(line + "\n" for line in edited), tracked=True)
    save(draft, tmp_path / "out.docx")
    parts = part_texts(tmp_path / "out.docx")
    assert parts[Part.BODY][-1] == "A new last paragraph of the body."
    assert parts[Part.HEADER] == ["Coastal Courier, the weekly journal"]
    assert parts[Part.FOOTER] == ["Printed on recyled paper"]


def test_a_text_without_its_parts_is_refused(tmp_path: Path) -> None:
    draft = read_docx(build(tmp_path / "story.docx"))
    with pytest.raises(DraftError, match="headers, footers"):
        rewrite(draft, "Only a line.\n")


_WORDS = st.text(alphabet=st.sampled_from(list("abc XYZ,.’")), max_size=12)


@hypothesis_settings(max_examples=30, deadline=None)
@given(data=st.data(), tracked=st.booleans())
def test_body_edits_never_move_the_parts(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, tracked: bool
) -> None:
    folder = tmp_path_factory.mktemp("parts")
    path = build(folder / "in.docx")
    draft = read_docx(path)
    lines = draft.text[:-1].split("\n")
    body = len(part_texts(path)[Part.BODY])
    new: list[str] = []
    for line in lines[:body]:
        action = data.draw(st.sampled_from(["keep", "drop", "edit", "add"]))
        if action != "drop":
            new.append(line + data.draw(_WORDS) if action == "edit" else line)
        if action == "add":
            new.append(data.draw(_WORDS))
    beside = [line + data.draw(_WORDS) for line in lines[body:]]  # words added, no lines
    text = "".join(line + "\n" for line in new + beside)
    rewrite(draft, text, tracked=tracked)
    save(draft, folder / "out.docx")
    assert read_docx(folder / "out.docx").text == text
    after = part_texts(folder / "out.docx")
    assert [line for part in Part if part is not Part.BODY for line in after[part]] == beside


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or pdftotext is not installed",
)
def test_libreoffice_shows_the_corrected_header_and_footer(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx")
    out = tmp_path / "fixed.docx"
    main(["fix", str(path), "--output", str(out)])
    draft = read_docx(out)
    start = draft.text.index("jornal")
    rewrite(draft, draft.text[:start] + "journal" + draft.text[start + 6 :], tracked=False)
    save(draft, out)
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shown = subprocess.run(
        ["pdftotext", str(tmp_path / "fixed.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "Coastal Courier, the weekly journal" in shown and "jornal" not in shown
    assert "Printed on recyled paper" in shown  # the footer, whole, on the page
    assert "Riders said the rise was steep." in shown
    assert "Figures from the boards anual report." in shown  # the footnote, whole
