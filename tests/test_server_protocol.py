"""The LanguageTool protocol's pure parts: offsets in UTF-16 units, annotated text, replies."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proofer.engines.harper import Dialect
from proofer.findings import Category, Finding, Severity
from proofer.server import protocol
from proofer.server.protocol import ProtocolError

# Text with characters outside the Basic Multilingual Plane (two UTF-16 units each).
TEXT = st.text(alphabet=st.sampled_from("ab .,\n’é🎉𝒜中"), max_size=60)


def utf16_slice(text: str, offset: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def finding(start: int, end: int, category: Category = Category.SPELLING) -> Finding:
    return Finding(start, end, category, "spelling.unknown", "A slip.", ("fix",), Severity.ERROR)


@given(TEXT, st.data())
def test_a_match_in_utf16_units_covers_the_same_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    request = protocol.parse_check({"text": text, "language": "en-US"})
    reply = protocol.reply(request, [finding(start, end)], Dialect.AMERICAN, {})
    match = reply["matches"][0]
    assert utf16_slice(text, match["offset"], match["length"]) == text[start:end]
    context = match["context"]
    shown = utf16_slice(context["text"], context["offset"], context["length"])
    assert shown == text[start:end].replace("\n", " ")


ITEM = st.one_of(
    st.builds(lambda t: {"text": t}, TEXT),
    st.builds(lambda m: {"markup": m}, st.sampled_from(["<b>", "</p>", "<br/>", "🎉"])),
    st.builds(
        lambda m, i: {"markup": m, "interpretAs": i},
        st.sampled_from(["<p>", "&nbsp;", "<img alt='🎉'>"]),
        st.sampled_from(["", "\n\n", " ", "x"]),
    ),
)


@given(st.lists(ITEM, max_size=8), st.data())
def test_annotated_offsets_count_in_the_text_sent(
    items: list[dict[str, str]], data: st.DataObject
) -> None:
    request = protocol.parse_check({"data": json.dumps({"annotation": items}), "language": "en"})
    sent = "".join(i.get("text", i.get("markup", "")) for i in items)
    assert request.sent == sent
    # A span inside one text item lands on the same text in what was sent.
    texts = [s for s in request.segments if s.is_text and s.checked_len]
    if texts:
        seg = data.draw(st.sampled_from(texts))
        start = data.draw(st.integers(seg.checked_start, seg.checked_start + seg.checked_len))
        end = data.draw(st.integers(start, seg.checked_start + seg.checked_len))
        reply = protocol.reply(request, [finding(start, end)], Dialect.AMERICAN, {})
        match = reply["matches"][0]
        assert utf16_slice(sent, match["offset"], match["length"]) == request.text[start:end]
    # Any span at all stays inside the text sent, in order.
    start = data.draw(st.integers(0, len(request.text)))
    end = data.draw(st.integers(start, len(request.text)))
    a, b = request.to_sent(start, end)
    assert 0 <= a <= b <= len(sent)


def test_markup_is_checked_as_what_it_stands_for() -> None:
    items = [{"text": "One."}, {"markup": "<p>", "interpretAs": "\n\n"}, {"text": "Two."}]
    request = protocol.parse_check({"data": json.dumps({"annotation": items}), "language": "en"})
    assert request.text == "One.\n\nTwo."
    assert request.to_sent(4, 6) == (4, 7)  # the stand-in covers the whole tag


def test_every_category_has_a_languagetool_category() -> None:
    assert set(protocol.CATEGORIES) == set(Category)
    ids = [category_id for category_id, _, _ in protocol.CATEGORIES.values()]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    ("language", "dialect"),
    [("en-US", "american"), ("en-gb", "british"), ("en_AU", "australian"), ("auto", None),
     ("en", None)],
)  # fmt: skip
def test_language_codes(language: str, dialect: str | None) -> None:
    assert protocol.parse_check({"text": "x", "language": language}).dialect == dialect


def test_the_reply_names_the_dialect_checked() -> None:
    request = protocol.parse_check({"text": "x", "language": "auto"})
    reply = protocol.reply(request, [], Dialect.BRITISH, {})
    assert reply["language"]["code"] == "en-GB"
    assert reply["language"]["detectedLanguage"]["code"] == "en-GB"
    assert reply["matches"] == []


@pytest.mark.parametrize(
    "fields",
    [
        {"data": "[]", "language": "en"},
        {"data": '{"annotation": [{"markup": "<b>", "interpretAs": 1}]}', "language": "en"},
        {"data": '{"annotation": [{"text": "a", "markup": "<b>"}]}', "language": "en"},
        {"text": "x", "language": ""},
    ],
)
def test_bad_requests_say_what_is_wrong(fields: dict[str, str]) -> None:
    with pytest.raises(ProtocolError):
        protocol.parse_check(fields)


def test_sentence_is_the_one_the_match_is_in() -> None:
    text = "First one here. The negoitations ended! Last one."
    request = protocol.parse_check({"text": text, "language": "en"})
    start = text.index("negoitations")
    match = protocol.reply(request, [finding(start, start + 12)], Dialect.AMERICAN, {})
    assert match["matches"][0]["sentence"] == "The negoitations ended!"


def test_a_split_check_gets_every_finding_once() -> None:
    text = "The negoitations ended."
    findings = [finding(4, 16)]

    def matches(mode: str) -> int:
        request = protocol.parse_check({"text": text, "language": "en", "mode": mode})
        return len(protocol.reply(request, findings, Dialect.AMERICAN, {})["matches"])

    assert matches("all") == matches("allButTextLevelOnly") == 1
    assert matches("textLevelOnly") == 0
    with pytest.raises(ProtocolError):
        protocol.parse_check({"text": text, "language": "en", "mode": "some"})


@given(TEXT)
def test_utf16_positions_agree_with_the_engines_table(text: str) -> None:
    from proofer.document import utf16_offsets

    units = protocol.Utf16(text)
    assert [units[i] for i in range(len(text) + 1)] == utf16_offsets(text)
