from hypothesis import given
from hypothesis import strategies as st

from proofer.document import Document, from_utf16, utf16_offsets


def test_line_and_column_are_one_based_and_count_code_points() -> None:
    doc = Document("first line\r\nsecond 😀 line\nthird")
    assert doc.line_column(0) == (1, 1)
    assert doc.line_column(doc.text.index("second")) == (2, 1)
    assert doc.line_column(doc.text.index("line", 15)) == (2, 10)
    assert doc.line_column(doc.text.index("third")) == (3, 1)


def test_each_line_is_a_paragraph_in_news_copy() -> None:
    text = "Headline\n\nFirst paragraph.\nSecond paragraph.\r\n\r\nThird."
    doc = Document(text)
    assert [p.text for p in doc.paragraphs] == [
        "Headline",
        "First paragraph.",
        "Second paragraph.",
        "Third.",
    ]
    for p in doc.paragraphs:
        assert text[p.start : p.end] == p.text


def test_hard_wrapped_blocks_are_one_paragraph() -> None:
    text = (
        "A long sentence that wraps\nonto a second line and\nends here.\n\nNext block\nwraps too."
    )
    assert [p.text for p in Document(text).paragraphs] == [
        "A long sentence that wraps\nonto a second line and\nends here.",
        "Next block\nwraps too.",
    ]


def test_markdown_paragraphs_are_blocks() -> None:
    doc = Document("One line.\nAnother line.\n\nNew block.", markdown=True)
    assert len(doc.paragraphs) == 2


def test_paragraph_at_finds_the_enclosing_paragraph() -> None:
    doc = Document("One.\n\nTwo words.")
    para = doc.paragraph_at(doc.text.index("words"))
    assert para is not None and para.text == "Two words."
    assert doc.paragraph_at(5) is None


def test_utf16_round_trip_with_emoji() -> None:
    text = "a😀b𝄞c"
    table = utf16_offsets(text)
    assert table == [0, 1, 3, 4, 6, 7]
    assert [from_utf16(text, u) for u in table] == list(range(len(text) + 1))


@given(st.text())
def test_utf16_offsets_round_trip(text: str) -> None:
    table = utf16_offsets(text)
    assert table[-1] == len(text.encode("utf-16-le")) // 2
    for i, units in enumerate(table):
        assert from_utf16(text, units) == i


@given(st.text(alphabet=st.sampled_from("ab \n\r😀é")))
def test_line_column_round_trip(text: str) -> None:
    doc = Document(text)
    for offset in range(len(text) + 1):
        assert doc.offset(*doc.line_column(offset)) == offset


@given(st.text(alphabet=st.sampled_from("ab. \n\r\u00a0")))
def test_paragraphs_lie_inside_the_text_in_order(text: str) -> None:
    doc = Document(text)
    last = 0
    for p in doc.paragraphs:
        assert last <= p.start < p.end <= len(text)
        assert text[p.start : p.end] == p.text
        last = p.end


@given(st.text(alphabet=st.sampled_from("ab .\n’")), st.text(alphabet=st.sampled_from("ab .\n’")))
def test_edits_between_turn_one_text_into_the_other(old: str, new: str) -> None:
    from proofer.findings import apply_fixes, edits_between

    edits = edits_between(old, new)
    assert apply_fixes(old, edits) == new
    for start, end, _ in edits:
        assert 0 <= start <= end <= len(old)


def test_edits_between_are_word_sized() -> None:
    from proofer.findings import edits_between

    old = "Chilean Senator Sebastain Moreno said so.."
    new = "Chilean Senator Sebastian Moreno said so."
    assert edits_between(old, new) == [(16, 25, "Sebastian"), (41, 42, "")]
