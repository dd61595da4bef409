"""Text as it really arrives: decomposed accents, zero-width spaces, bidirectional controls.

Checkers read the text normalised (composed, invisible characters out); every finding's
offsets are into the text as read, on whole characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from proofer.document import INVISIBLE, Document, Normalised
from proofer.findings import Finding, Severity, apply_fixes

Check = Callable[..., list[Finding]]


def _rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def test_a_decomposed_accent_is_one_word(check: Check) -> None:
    text = "The nai\u0308ve plan and the cafe\u0301 owner's re\u0301sume\u0301 were fine."
    assert check(text) == []


def test_a_zero_width_space_does_not_split_a_word(check: Check) -> None:
    text = "The govern\u200bment spoke."
    findings = check(text)
    assert _rules(findings) == ["typography.invisible-character"]
    [f] = findings
    assert (text[f.start : f.end], f.suggestions, f.severity) == ("\u200b", ("",), Severity.WARNING)
    assert apply_fixes(text, [(f.start, f.end, "")]) == "The government spoke."


def test_ok_is_not_an_error(check: Check) -> None:
    assert not [f for f in check("The plan is ok, she said.") if f.severity is Severity.ERROR]


def test_findings_after_changed_text_land_on_the_original(check: Check) -> None:
    # Each change before the misspelling shifts the normalised text by one or two.
    text = "Cafe\u0301 \u200bowners and re\u0301sume\u0301s: the negoitations ended.."
    findings = check(text)
    spelled = [text[f.start : f.end] for f in findings if f.rule == "spelling.unknown"]
    assert spelled == ["negoitations"]
    doubled = [f for f in findings if f.rule == "punctuation.doubled"]
    assert [text[f.start : f.end] for f in doubled] == [".."]


def test_a_misspelling_with_a_decomposed_accent_is_reported_whole(check: Check) -> None:
    text = "The re\u0301sumeé of the negoitatio\u0301s."
    spans = [text[f.start : f.end] for f in check(text) if f.rule.startswith("spelling.")]
    assert "negoitatio\u0301s" in spans  # the combining mark is inside, not cut off


def test_bidi_controls_are_errors_and_joiners_in_emoji_pass(check: Check) -> None:
    text = "The vote was \u202elevel\u202c today. The family 👨\u200d👩\u200d👧 smiled."
    findings = check(text)
    assert [(text[f.start : f.end], f.rule, f.severity) for f in findings] == [
        ("\u202e", "typography.bidi-control", Severity.ERROR),
        ("\u202c", "typography.bidi-control", Severity.ERROR),
    ]


def test_a_byte_order_mark_counts_only_mid_text(check: Check) -> None:
    assert _rules(check("\ufeffThe council met.")) == []
    assert _rules(check("The council\ufeff met.")) == ["typography.invisible-character"]


def test_word_paragraph_spans_are_mapped_too() -> None:
    text = "Caf\u00e9\u200b one\nThe nai\u0308ve two\n"
    doc = Document(text, paragraph_spans=[(0, 9), (10, 24)])
    checked, _ = doc.normalised()
    assert [p.text for p in checked.paragraphs] == ["Café one", "The naïve two"]


def test_unchanged_text_is_not_copied() -> None:
    doc = Document("The council met on Tuesday — “at last”.")
    checked, norm = doc.normalised()
    assert checked is doc and norm.same


_ALPHABET = st.sampled_from(
    ["a", "e", "i", "n", "o", "s", "t", " ", "\n", ".", "\u0301", "\u0308", "\u0327",
     "\u200b", "\u200d", "\u2060", "\u202e", "\u2066", "\ufeff", "\u00ad", "😀", "👩",
     "\u1100", "\u1161", "\u11a8", "é", "Å", "\u212b"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_normalised_is_nfc_without_invisibles_and_maps_back_whole(text: str) -> None:
    norm = Normalised.of(text)
    assert norm.text == unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    previous = (0, 0)
    for i in range(len(norm.text) + 1):
        for j in range(i, len(norm.text) + 1):
            s, e = norm.back(i, j)
            assert 0 <= s <= e <= len(text)
            if j > i:
                # Whole characters: never cut between a letter and its combining mark.
                assert e == len(text) or not unicodedata.combining(text[e]) or _no_base(text[e - 1])
                assert s == 0 or not unicodedata.combining(text[s]) or _no_base(text[s - 1])
                assert norm.forward(s) <= i
        start = norm.back(i, i)
        assert start >= previous  # in order
        previous = start
    assert norm.back(len(norm.text), len(norm.text))[0] == len(text) or text.endswith(
        tuple("\u200b\u200d\u2060\u202e\u2066\ufeff\u00ad")
    )


def _no_base(ch: str) -> bool:
    """A mark after a space or an invisible character has no letter to belong to."""
    return ch.isspace() or INVISIBLE.match(ch) is not None
