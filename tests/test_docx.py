"""Word drafts: read with a map back to runs; corrections written as revisions or edits."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from proofer.cli import main
from proofer.formats import DraftError, read_draft
from proofer.formats.docx import apply_fixes, read_docx, rewrite, save, w
from tests.word_revisions import revisions

FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Source: the harbor '
    "authority’s report..</w:t></w:r></w:p></w:footnote></w:footnotes>"
)


def build(path: Path, footnote: bool = False) -> Path:
    """A small story: formatted runs, a misspelling across two runs, a table, a footnote."""
    document = docx.Document()
    document.add_heading("Harbor Vote", level=1)
    p = document.add_paragraph("The council voted on the ")
    bold = p.add_run("enviro")
    bold.bold = True
    p.add_run("mental plan on Tuesday..")
    q = document.add_paragraph()
    italic = q.add_run("The the ferry")
    italic.italic = True
    q.add_run(" union , which has 1,450 members, objected.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Budget"
    table.cell(0, 1).text = "About $385 million for the the piers."
    styled = document.add_paragraph().add_run("Set in 14 point.")
    styled.font.size = Pt(14)
    document.save(str(path))
    if footnote:
        _add_footnotes(path)
    return path


def _add_footnotes(path: Path) -> None:
    with zipfile.ZipFile(path) as src:
        files = {name: src.read(name) for name in src.namelist()}
    files["word/footnotes.xml"] = FOOTNOTES.encode()
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdFoot" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(name, data)


def test_text_and_offsets_map_back_to_paragraphs(tmp_path: Path) -> None:
    draft = read_docx(build(tmp_path / "story.docx", footnote=True))
    lines = draft.text.split("\n")
    assert lines[:3] == [
        "Harbor Vote",
        "The council voted on the enviromental plan on Tuesday..",
        "The the ferry union , which has 1,450 members, objected.",
    ]
    assert "About $385 million for the the piers." in lines
    assert "Source: the harbor authority’s report.." in lines
    doc = draft.document()
    start = doc.text.index("enviromental")
    line, column = doc.line_column(start)
    assert (line, column) == (2, 26)


def test_check_reports_word_findings_at_the_right_place(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = build(tmp_path / "story.docx", footnote=True)
    assert main(["check", str(path), "--format", "json"]) == 1
    import json

    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    text = read_draft(path).text
    flagged = {(f["rule"], text[f["start"] : f["end"]]) for f in findings}
    assert ("spelling.unknown", "enviromental") in flagged  # one word split across two runs
    assert ("punctuation.doubled", "..") in flagged
    assert ("grammar.repeated-word", "The the") in flagged
    assert ("grammar.repeated-word", "the the") in flagged
    assert ("punctuation.space-before", " ,") in flagged
    assert sum(rule == "punctuation.doubled" for rule, _ in flagged) >= 1


def test_tracked_changes_are_revisions_and_accept_all_gives_the_fix(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx", footnote=True)
    out = tmp_path / "fixed.docx"
    assert main(["fix", str(path), "--output", str(out), "--track-changes"]) == 0
    found = revisions(out)
    assert ("del", "Proofer", "The the") in found
    assert ("ins", "Proofer", "The") in found
    assert all(author == "Proofer" for _, author, _ in found)
    accepted = read_docx(out).text
    assert "The ferry union, which has 1,450 members, objected." in accepted
    assert "on Tuesday." in accepted and "Tuesday.." not in accepted
    assert "for the piers." in accepted
    assert "authority’s report." in accepted and "report.." not in accepted
    # The original is untouched.
    assert read_docx(path).text.count("..") == 2


def test_formatting_is_kept(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx")
    out = tmp_path / "fixed.docx"
    main(["fix", str(path), "--output", str(out), "--track-changes"])
    fixed = docx.Document(str(out))
    runs = [r for p in fixed.paragraphs for r in p.runs]
    assert any(r.font.size == Pt(14) and r.text == "Set in 14 point." for r in runs)
    body = fixed.element.body
    inserted = [r for ins in body.iter(w("ins")) for r in ins.iter(w("r"))]
    italic_insert = [r for r in inserted if r.find(w("rPr")) is not None
                     and r.find(w("rPr")).find(w("i")) is not None]  # fmt: skip
    assert italic_insert, "the inserted 'The' keeps the italic of the text it replaces"
    bold_insert = [r for r in inserted if r.find(w("rPr")) is not None
                   and r.find(w("rPr")).find(w("b")) is not None]  # fmt: skip
    assert ["".join(t.text for t in r.iter(w("t"))) for r in bold_insert] == ["environmental"]
    assert fixed.styles["Heading 1"] is not None


def test_plain_edits(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx")
    out = tmp_path / "plain.docx"
    assert main(["fix", str(path), "--output", str(out)]) == 0
    assert revisions(out) == []
    text = read_docx(out).text
    assert "The ferry union, which" in text and "Tuesday." in text


def test_a_correction_across_two_runs(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx")
    draft = read_docx(path)
    start = draft.text.index("enviromental")
    assert apply_fixes(draft, [(start, start + len("enviromental"), "environmental")]) == 1
    out = tmp_path / "across.docx"
    save(draft, out)
    assert ("del", "Proofer", "enviromental") in revisions(out)
    assert "voted on the environmental plan" in read_docx(out).text


def test_the_original_is_never_overwritten_unless_asked(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = build(tmp_path / "story.docx")
    before = path.read_bytes()
    assert main(["fix", str(path), "--output", str(path), "--track-changes"]) == 2
    assert "pass --overwrite" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert main(["fix", str(path), "--output", str(path), "--track-changes", "--overwrite"]) == 0
    assert revisions(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "password-protected"),
        (b"PK\x03\x04 not really a zip", "damaged"),
        (b"Just some text, named .docx", "not a Word document"),
    ],
)
def test_bad_word_files_get_a_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(DraftError, match=message):
        read_docx(path)
    assert main(["check", str(path)]) == 2
    assert path.read_bytes() == content


def test_odt_is_read(tmp_path: Path) -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        "<office:text><text:h>Harbor Vote</text:h><text:p>The the council met"
        "<text:s/> on <text:span>Tuesday</text:span>..</text:p></office:text>"
        "</office:body></office:document-content>"
    )
    path = tmp_path / "story.odt"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", content)
    doc = read_draft(path)
    assert doc.text == "Harbor Vote\nThe the council met  on Tuesday..\n"
    assert [p.text for p in doc.paragraphs] == ["Harbor Vote", "The the council met  on Tuesday.."]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_tracked_changes(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx", footnote=True)
    out = tmp_path / "fixed.docx"
    main(["fix", str(path), "--output", str(out), "--track-changes"])
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "fixed.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000


def _lines_of(text: str) -> list[str]:
    return text[:-1].split("\n")


def test_paragraphs_added_and_removed_become_tracked_revisions(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx", footnote=True)
    lines = _lines_of(read_docx(path).text)
    edited = [lines[0], "A new paragraph.", *lines[2:6], "A last word.", lines[6]]
    text = "".join(line + "\n" for line in edited)
    draft = read_docx(path)
    rewrite(draft, text, tracked=True)
    save(draft, tmp_path / "out.docx")
    assert read_docx(tmp_path / "out.docx").text == text
    found = revisions(tmp_path / "out.docx")
    assert ("ins", "Proofer", "A new paragraph.") in found
    assert ("ins", "Proofer", "A last word.") in found
    deleted = "".join(text for kind, _, text in found if kind == "del")
    assert "The council voted on the enviromental plan" in deleted
    body = docx.Document(str(tmp_path / "out.docx")).element.body
    marks = body.findall(f".//{w('pPr')}/{w('rPr')}/{w('del')}")
    assert len(marks) == 1  # the removed paragraph's own mark, so accepting merges nothing


def test_a_new_paragraph_takes_the_formatting_before_it(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx")
    draft = read_docx(path)
    text = draft.text + "Also in 14 point.\n"
    rewrite(draft, text, tracked=False)
    save(draft, tmp_path / "out.docx")
    last = docx.Document(str(tmp_path / "out.docx")).paragraphs[-1]
    assert last.text == "Also in 14 point." and last.runs[0].font.size == Pt(14)
    assert revisions(tmp_path / "out.docx") == []


_LINE = st.text(alphabet=st.sampled_from(list("abc XYZ,.’")), max_size=16)


@hypothesis_settings(max_examples=40, deadline=None)
@given(data=st.data(), tracked=st.booleans())
def test_any_paragraph_edit_saves_and_reads_back(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, tracked: bool
) -> None:
    folder = tmp_path_factory.mktemp("word")
    document = docx.Document()
    document.add_heading("Vote Tonight", level=1)
    for words in ("The pier opens.", "Ferries run  daily.", "Fares rise.", "More later."):
        p = document.add_paragraph()
        p.add_run(words[:5]).bold = True
        p.add_run(words[5:])
    document.save(str(folder / "in.docx"))
    new: list[str] = []
    for line in _lines_of(read_docx(folder / "in.docx").text):
        action = data.draw(st.sampled_from(["keep", "drop", "edit", "add"]))
        if action != "drop":
            new.append(line + data.draw(_LINE) if action == "edit" else line)
        if action == "add":
            new.append(data.draw(_LINE))
    text = "".join(line + "\n" for line in new)
    draft = read_docx(folder / "in.docx")
    rewrite(draft, text, tracked=tracked)
    save(draft, folder / "out.docx")
    assert read_docx(folder / "out.docx").text == text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_added_and_removed_paragraphs(tmp_path: Path) -> None:
    path = build(tmp_path / "story.docx", footnote=True)
    lines = _lines_of(read_docx(path).text)
    draft = read_docx(path)
    edited = [lines[0], "A new paragraph.", *lines[2:]]
    rewrite(draft, "".join(line + "\n" for line in edited), tracked=True)
    save(draft, tmp_path / "paragraphs.docx")
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path),
         str(tmp_path / "paragraphs.docx")],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shown = (tmp_path / "paragraphs.txt").read_text(encoding="utf-8-sig")
    assert "A new paragraph." in shown and "Harbor Vote" in shown


def test_fix_track_changes_corrects_by_revision_and_queries_by_comment(tmp_path: Path) -> None:
    from tests.word_revisions import comments

    path = tmp_path / "story.docx"
    document = docx.Document()
    document.add_paragraph("The enviromental panel met on Tuesday.. Ngozi Obiakor chaired it.")
    document.save(str(path))
    out = tmp_path / "returned.docx"
    args = ["fix", str(path), "-o", str(out), "--track-changes", "--author", "Copy Desk"]
    assert main(args) == 0
    found = revisions(out)
    assert ("del", "Copy Desk", "enviromental") in found
    assert ("ins", "Copy Desk", "environmental") in found
    queried = comments(out)
    assert [(author, text) for author, text, _ in queried] == [("Copy Desk", "Ngozi Obiakor")]
    assert "entity list" in queried[0][2]
    accepted = read_docx(out).text
    assert "The environmental panel met on Tuesday. Ngozi" in accepted
