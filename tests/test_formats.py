import codecs
from pathlib import Path

import pytest

from proofer.formats import DraftError, read_draft, write_draft


def test_utf8_with_and_without_bom(tmp_path: Path) -> None:
    plain = tmp_path / "a.txt"
    plain.write_bytes("city’s “ferry”".encode())
    bom = tmp_path / "b.txt"
    bom.write_bytes(codecs.BOM_UTF8 + "city’s “ferry”".encode())
    assert read_draft(plain).text == "city’s “ferry”"
    doc = read_draft(bom)
    assert doc.text == "city’s “ferry”"
    assert doc.encoding == "utf-8-sig"


def test_windows_1252_is_detected_by_its_curly_quotes(tmp_path: Path) -> None:
    draft = tmp_path / "w.txt"
    draft.write_bytes("He said \u201cno\u201d \u2013 twice.".encode("cp1252"))
    doc = read_draft(draft)
    assert doc.text == "He said “no” – twice."
    assert doc.encoding == "cp1252"


def test_latin_text_in_another_legacy_encoding(tmp_path: Path) -> None:
    draft = tmp_path / "l.txt"
    draft.write_bytes("Café society in Málaga and Zürich, naïve façade.".encode("latin-1"))
    assert read_draft(draft).text == "Café society in Málaga and Zürich, naïve façade."


def test_utf16_with_bom(tmp_path: Path) -> None:
    draft = tmp_path / "u.txt"
    draft.write_bytes("Hello “world”".encode("utf-16"))
    assert read_draft(draft).text == "Hello “world”"


def test_crlf_is_kept_as_read(tmp_path: Path) -> None:
    draft = tmp_path / "crlf.txt"
    draft.write_bytes(b"One.\r\n\r\nTwo.\r\n")
    assert read_draft(draft).text == "One.\r\n\r\nTwo.\r\n"


def test_unusable_files_get_a_plain_message(tmp_path: Path) -> None:
    draft = tmp_path / "bad.txt"
    draft.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(DraftError, match="binary"):
        read_draft(draft)


@pytest.mark.parametrize("content", [b"", b"  \n\n", b"\xef\xbb\xbf"])
def test_an_empty_draft_is_a_draft(tmp_path: Path, content: bytes) -> None:
    draft = tmp_path / "empty.md"
    draft.write_bytes(content)
    assert read_draft(draft).text == content.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"\xff\xfe")]
)
def test_utf16_keeps_its_byte_order(tmp_path: Path, encoding: str, bom: bytes) -> None:
    draft = tmp_path / "u.txt"
    draft.write_bytes(bom + "Hello “world” 😀\r\n".encode(encoding))
    doc = read_draft(draft)
    assert doc.text == "Hello “world” 😀\r\n"  # no BOM in the text
    write_draft(draft, doc.text.replace("Hello", "Goodbye"), doc.encoding)
    assert draft.read_bytes() == bom + "Goodbye “world” 😀\r\n".encode(encoding)


def test_writing_through_a_symbolic_link_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real" / "story.txt"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "story.txt"
    link.symlink_to(target)
    write_draft(link, "new")
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["real", "story.txt"]
    assert [p.name for p in target.parent.iterdir()] == ["story.txt"]  # no temporary left


def test_writing_into_a_missing_folder_is_a_draft_error(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="does not exist"):
        write_draft(tmp_path / "gone" / "story.txt", "text")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="no such file"):
        read_draft(tmp_path / "nope.txt")
    with pytest.raises(DraftError, match="folder"):
        read_draft(tmp_path)


def test_write_is_atomic_and_keeps_the_encoding(tmp_path: Path) -> None:
    draft = tmp_path / "w.txt"
    draft.write_bytes("old “text”".encode("cp1252"))
    write_draft(draft, "new “text”", "cp1252")
    assert draft.read_bytes() == "new “text”".encode("cp1252")
    assert [p.name for p in tmp_path.iterdir()] == ["w.txt"]


def test_write_that_cannot_encode_leaves_the_old_file(tmp_path: Path) -> None:
    draft = tmp_path / "w.txt"
    draft.write_bytes(b"old text")
    with pytest.raises(DraftError, match="cannot be saved as cp1252"):
        write_draft(draft, "emoji 😀", "cp1252")
    assert draft.read_bytes() == b"old text"
    assert [p.name for p in tmp_path.iterdir()] == ["w.txt"]


def test_markdown_code_urls_and_front_matter_are_not_checked(tmp_path: Path) -> None:
    from proofer.proofreader import Proofreader

    text = (
        "---\ntitle: Teh draft\n---\n\n# Harbor vote\n\n"
        'Run `prnt("teh")` first, see [the plan](https://example.org/teh..plan) and '
        'email desk@exmaple.org.\n\n```\nteh "code"..\n```\n\nThe the vote passed.\n'
    )
    draft = tmp_path / "story.md"
    draft.write_text(text, encoding="utf-8")
    doc = read_draft(draft)
    found = [(f.rule, doc.text[f.start : f.end]) for f in Proofreader().check(doc).findings]
    assert found == [("grammar.repeated-word", "The the")]
