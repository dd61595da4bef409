"""Repeated words, doubled marks and stray spaces, each with a safe fix that applies cleanly."""

from collections.abc import Callable

import pytest

from proofer.checkers import CheckContext
from proofer.checkers.typography import PunctuationStyleChecker, TypographyChecker
from proofer.document import Document
from proofer.findings import Finding, apply_fixes

Check = Callable[..., list[Finding]]


def fixed(text: str, findings: list[Finding], prefix: str) -> str:
    return apply_fixes(
        text, [(f.start, f.end, f.suggestions[0]) for f in findings if f.rule.startswith(prefix)]
    )


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        ("The the bridge is late.", "grammar.repeated-word", "The bridge is late."),
        ("The ferry sails in June..", "punctuation.doubled", "The ferry sails in June."),
        ("Red,, white.", "punctuation.doubled", "Red, white."),
        ("the association , which", "punctuation.space-before", "the association, which"),
        ("group.  The loss", "typography.double-space", "group. The loss"),
        ("group.\u00a0 The loss", "typography.double-space", "group. The loss"),
        ("He shouted!! Then left.", "punctuation.doubled", "He shouted! Then left."),
        ("the vote.The council met.", "punctuation.no-space-after", "the vote. The council met."),
        ("It is … odd ... and more.", "typography.ellipsis", "It is … odd … and more."),
        (
            "the pier - and the port — and",
            "typography.dash-spacing",
            "the pier — and the port — and",
        ),
        (
            "the harbor —which was old — closed",
            "typography.dash-spacing",
            "the harbor — which was old — closed",
        ),
    ],
)
def test_finding_and_fix(check: Check, text: str, rule: str, expected: str) -> None:
    findings = check(text)
    assert any(f.rule == rule for f in findings)
    assert fixed(text, findings, rule) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She had had enough, and said that that was all.",
        "Wait... then go.",
        "Prices fell .5 percent.",
        "One space. Then another.",
        "A single\u00a0no-break space is fine.",
        "See example.com or U.S. Steel, a 3.5 rating, and e-mail desk@news.org.Today.",
        "Dashes—closed—are fine, and so are spaced ones — like this.",
        "Three dots... alone are fine when the draft has no ellipsis character.",
        # A space kept between an address and the mark after it, and smileys.
        "The rules are online (https://example.org/rules/) . So is the form.",
        "Read https://example.org/guide , then apply.",
        "It broke again :-) and again ;)",
    ],
)
def test_correct_text_is_left_alone(check: Check, text: str) -> None:
    rules = ("grammar.repeated-word", "punctuation.", "typography.")
    assert [f.rule for f in check(text) if f.rule.startswith(rules)] == []


def test_one_finding_when_harper_agrees(check: Check) -> None:
    text = "The the plan."
    spans = [(f.start, f.end) for f in check(text)]
    assert spans == [(0, 7)]


# Datelines are the desk's own form: their dash is not a dash in running text.


def _typography(text: str) -> list[tuple[str, str]]:
    found = PunctuationStyleChecker().check_document(Document(text), CheckContext())
    return [(f.rule, text[f.start : f.end]) for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "CLEVELAND, Feb 26 - Ohio Mattress Co said it agreed to a buyout.",
        "LONDON (Reuters) - Britain's economy grew faster than expected.",
        "SYDNEY — The harbour ferry resumes on Monday.",
        "WASHINGTON, D.C. (AP) — Congress passed the bill.",
        "KUALA LUMPUR, March 5, 2024 – Palm oil prices fell.",
        "Tokyo, Jan. 12 - The yen fell.",
        "Headline\n\nBEIRUT, Lebanon, Feb. 26 -- Talks resumed.",
        "MOSCOW—Talks resumed, officials said — after a pause.",
    ],
)
def test_a_dateline_is_left_alone(text: str) -> None:
    assert _typography(text) == []


def test_a_dash_after_a_paragraph_start_that_is_no_dateline_is_still_checked() -> None:
    # A title-case word with neither date nor agency is a sentence, not a place.
    assert _typography("Yes - he said so.") == [("typography.dash-spacing", " - ")]
    assert _typography("LONDON - Talks resumed. The pier - and the port.") == [
        ("typography.dash-spacing", " - ")
    ]


def test_a_dateline_unlike_the_drafts_others_is_flagged_with_their_form() -> None:
    text = "LONDON - Talks resumed.\n\nPARIS - Talks went on.\n\nBONN — Talks ended."
    found = PunctuationStyleChecker().check_document(Document(text), CheckContext())
    assert [(f.rule, text[f.start : f.end], f.suggestions) for f in found] == [
        ("typography.dateline", " — ", (" - ",))
    ]


def test_datelines_without_a_usual_form_are_left_alone() -> None:
    assert _typography("LONDON - Talks resumed.\n\nBONN — Talks ended.") == []


def test_two_spaces_after_most_sentences_is_one_note() -> None:
    text = "It rained.  The pier closed.  Ferries stopped.  Trains ran late. Buses ran."
    checker = TypographyChecker()
    found = checker.refine(Document(text), checker.check_paragraph(text, CheckContext()))
    assert [(f.rule, f.start) for f in found] == [("typography.sentence-spacing", 10)]
    assert "3 times" in found[0].message


def test_two_spaces_after_a_few_sentences_are_each_flagged() -> None:
    text = (
        "It rained. The pier closed.  Ferries stopped. Trains ran late.  Buses ran. Done. "
        "Cars queued. Boats waited. Nobody moved. Night fell."
    )
    checker = TypographyChecker()
    found = checker.refine(Document(text), checker.check_paragraph(text, CheckContext()))
    assert [f.rule for f in found] == ["typography.double-space"] * 2


def test_a_draft_typed_without_dashes_gets_one_note() -> None:
    text = (
        "CLEVELAND, Feb 26 - The company said the offer was fair - and the board agreed.\n\n"
        "Shares rose - the most in a year - after the news."
    )
    assert _typography(text) == [("typography.hyphen-dashes", " - ")]
    # With a real dash in the draft, a spaced hyphen is a slip where it stands.
    assert (
        _typography(text + " Analysts — most of them — agreed.")
        == [("typography.dash-spacing", " - ")] * 3
    )


def test_a_dateline_not_in_capitals_like_the_others_is_flagged() -> None:
    text = "LONDON - Talks resumed.\n\nPARIS - Talks went on.\n\nBonn, May 2 - Talks ended."
    found = PunctuationStyleChecker().check_document(Document(text), CheckContext())
    assert [(f.rule, text[f.start : f.end], f.suggestions) for f in found] == [
        ("typography.dateline", "Bonn", ("BONN",))
    ]


def test_two_spaces_after_a_few_of_many_sentences_are_still_one_note() -> None:
    """A habit is one cause however long the draft around it: one note, not an alarm each."""
    text = "It rained.  The pier closed.  Ferries stopped.  Trains ran. " + "Buses ran. " * 40
    checker = TypographyChecker()
    found = checker.refine(Document(text), checker.check_paragraph(text, CheckContext()))
    assert [f.rule for f in found] == ["typography.sentence-spacing"]
