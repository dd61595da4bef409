"""A story that contradicts itself: ages, weekdays and dates, titles, tallies, abbreviations;
and the speaker's words inside a quotation. Consistent stories must stay quiet."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from proofer.checkers import CheckContext
from proofer.checkers.facts import FactChecker, dates
from proofer.checkers.facts.common import Draft
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.findings import Finding, Severity
from proofer.quotations import Quotations
from tests.conftest import flagged

Check = Callable[..., list[Finding]]

# A story written for these tests, consistent in every fact.
CONSISTENT = """\
Harbour panel delays ferry decision

PORT ELLIS, March 3, 2025 — The Harbour Oversight Panel (HOP) will decide on Friday, March 7, \
whether to restore the night ferry, its chair said.

Ada Okafor, 54, who has led the HOP since 2019, said members needed more time and that the \
ferry company had promised to cooperate. “The company has went quiet on the numbers since \
last week,” Okafor said. “The ferry company kept them secret.”

The panel voted 5-2 in February to ask the ferry company to cooperate and share its figures. \
Supporters of the 5-2 vote said the delay was the company’s fault.

“My mother was 80 when she last took the night ferry,” said Lena Brandt, 61, a retired teacher.

The 54-year-old Okafor said the panel would publish its findings on Monday, March 10, whether \
or not the company chose to cooperate.
"""

# The same story with an age stated two ways, a weekday that contradicts its date, an
# abbreviation used before its definition, a vote given two ways, a word hyphenated in one
# place only and a typo in a quotation.
CONTRADICTED = (
    CONSISTENT.replace("The Harbour Oversight Panel (HOP) will", "The HOP will")
    .replace("has led the HOP since", "has led the Harbour Oversight Panel (HOP) since")
    .replace("on Friday, March 7", "on Thursday, March 7")
    .replace("The 54-year-old Okafor", "The 56-year-old Okafor")
    .replace("Supporters of the 5-2", "Supporters of the 4-3")
    .replace("kept them secret", "kept them secrit")
    .replace("chose to cooperate", "chose to co-operate")
)


def alarms(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is not Severity.INFO]


def facts(findings: list[Finding], text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in findings:
        if f.rule.startswith("facts."):
            out.setdefault(f.rule, []).append(text[f.start : f.end])
    return out


def test_the_consistent_story_raises_no_alarm(check: Check) -> None:
    found = check(CONSISTENT)
    assert alarms(found) == []
    assert facts(found, CONSISTENT) == {}


def test_each_contradiction_is_caught_once(check: Check) -> None:
    found = check(CONTRADICTED)
    assert facts(found, CONTRADICTED) == {
        "facts.abbreviation-before-definition": ["HOP"],
        "facts.weekday-inferred-year": ["Thursday"],
        "facts.age": ["56"],
        "facts.tally": ["4-3"],
        "facts.variant-spelling": ["co-operate"],
    }
    age = next(f for f in found if f.rule == "facts.age")
    assert "54 in paragraph 3, 56 here" in age.message
    assert age.suggestions == ("54",)
    variant = next(f for f in found if f.rule == "facts.variant-spelling")
    assert variant.suggestions == ("cooperate",)
    assert "‘cooperate’ 2 times, first in paragraph 3" in variant.message


def test_inside_a_quotation_the_typo_is_caught_and_the_grammar_is_the_speakers(
    check: Check,
) -> None:
    found = check(CONTRADICTED)
    assert "secrit" in flagged(alarms(found), CONTRADICTED, "spelling.")
    went = CONTRADICTED.index("has went")
    inside = [f for f in found if went <= f.start < went + 10 and f.rule.startswith("harper.")]
    assert inside, "Harper reads 'has went' as a grammar slip; it is kept as a note"
    assert all(f.severity is Severity.INFO for f in inside)


def test_the_same_grammar_outside_a_quotation_is_still_flagged(check: Check) -> None:
    text = "The company has went quiet on the numbers, the residents said."
    assert [f for f in alarms(check(text)) if f.rule.startswith("harper.")]


# Ages


def test_two_people_sharing_a_surname_are_not_conflated(check: Check) -> None:
    text = (
        "Ada Okafor, 54, runs the clinic.\n\nHer brother, Ben Okafor, 49, runs the ferry.\n\n"
        "Ben Okafor said the 54-year-old Ada Okafor would stay. Okafor, 49, left early."
    )
    assert facts(check(text), text) == {}


def test_ages_of_two_namesakes_are_each_checked_by_full_name(check: Check) -> None:
    text = "Ada Okafor, 54, and Ben Okafor, 49, spoke.\n\nLater the 55-year-old Ada Okafor left."
    assert facts(check(text), text) == {"facts.age": ["55"]}


def test_a_birthday_in_the_story_allows_a_year(check: Check) -> None:
    text = (
        "Ada Okafor, 54, celebrated her birthday on the ferry on Sunday.\n\n"
        "The 55-year-old Okafor said she would keep working."
    )
    assert facts(check(text), text) == {}


def test_a_birthday_does_not_excuse_a_bigger_gap(check: Check) -> None:
    text = "Ada Okafor, 54, turned 55 on Sunday.\n\nThe 58-year-old Okafor said she would stay."
    assert facts(check(text), text) == {"facts.age": ["58"]}


def test_quotations_mentioning_other_peoples_ages_stay_quiet(check: Check) -> None:
    text = (
        "Ada Okafor, 54, runs the clinic.\n\n"
        "“My father was 80 and still rowing. Okafor, 60, could learn from him,” said a "
        "neighbour, Tom Reyes, 71.\n\n“I was 20 when I started,” Okafor said."
    )
    assert facts(check(text), text) == {}


def test_ages_in_the_common_news_forms(check: Check) -> None:
    for later in ("Ada Okafor (56) left.", "Okafor, aged 56, left.", "Okafor, a 56-year-old, left.",
                  "Okafor, who is 56, left.", "The 56-year-old Okafor left."):  # fmt: skip
        text = f"Ada Okafor, 54, spoke.\n\n{later}"
        assert facts(check(text), text) == {"facts.age": ["56"]}, later


def test_a_list_of_ages_is_not_one_persons_age(check: Check) -> None:
    text = "Ada and Ben Okafor, 54 and 49, spoke. Ben Okafor, 49, left."
    assert facts(check(text), text) == {}


def test_a_surname_with_numbers_in_brackets_is_not_an_age(check: Check) -> None:
    text = "Scorers: Okafor (23), Bello (40). Okafor (67) added a third."
    assert facts(check(text), text) == {}


# Dates


def test_a_weekday_against_a_written_year_is_an_error(check: Check) -> None:
    text = "The hearing is on Friday, March 4, 2025."
    found = [f for f in check(text) if f.rule == "facts.weekday"]
    assert [text[f.start : f.end] for f in found] == ["Friday"]
    assert found[0].severity is Severity.ERROR
    assert found[0].suggestions == ("Tuesday",)


def test_without_a_year_the_dateline_decides_and_it_is_a_warning(check: Check) -> None:
    text = "LONDON, 1 March 2025 — The hearing is on Friday 4 March."
    found = [f for f in check(text) if f.rule.startswith("facts.weekday")]
    assert [f.rule for f in found] == ["facts.weekday-inferred-year"]
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "2025" in found[0].message


def test_without_any_year_the_weekday_is_not_judged(check: Check) -> None:
    assert facts(check("The hearing is on Friday, March 4."), "") == {}


def test_a_story_reaching_into_the_next_year(check: Check) -> None:
    # Dated December 2025: a January date is next year's (Friday, January 2, 2026).
    text = "December 29, 2025 — The ferry resumes on Friday, January 2."
    assert facts(check(text), text) == {}


def test_dated_mentions_disagreeing_on_the_year_leave_it_open(check: Check) -> None:
    text = (
        "The ferry began on May 1, 1990. It stopped on June 3, 2020.\n\n"
        "It resumes on Friday, March 4."
    )
    assert facts(check(text), text) == {}


def test_impossible_dates(check: Check) -> None:
    for text, wrong in (
        ("The lease was signed on February 30.", "February 30"),
        ("It closed on April 31, 2024.", "April 31, 2024"),
        ("It closed on the 31st of June.", "31st of June"),
        ("The deal was dated February 29, 2025.", "February 29, 2025"),
    ):
        found = [f for f in check(text) if f.rule == "facts.impossible-date"]
        assert [text[f.start : f.end] for f in found] == [wrong], text
        assert found[0].severity is Severity.ERROR


def test_numbers_after_a_month_that_are_not_dates(check: Check) -> None:
    for text in ("In June 31 people were hurt.", "By March 40 homes had flooded.",
                 "February 29, 2024 was a leap day."):  # fmt: skip
        assert facts(check(text), text) == {}, text


_FORMS = (
    "{wd}, {month} {day}, {year}",
    "{wd} {day} {month} {year}",
    "{wd}, {month} {day}{th}, {year}",
)


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2200, 12, 31)),
    st.integers(0, 6),
    st.sampled_from(_FORMS),
)
def test_weekday_agrees_with_the_calendar(day: datetime.date, weekday: int, form: str) -> None:
    text = "The hearing is on " + form.format(
        wd=calendar.day_name[weekday],
        month=calendar.month_name[day.month],
        day=day.day,
        th="th",
        year=day.year,
    ) + "."  # fmt: skip
    found = dates.check(Draft(Document(text), CheckContext(), HarperEngine()))
    assert [f.rule for f in found] == (["facts.weekday"] if weekday != day.weekday() else [])


# Titles


def test_two_titles_for_one_person_is_a_warning(check: Check) -> None:
    text = "Councillor Ada Okafor spoke.\n\nLater, Alderman Okafor left."
    found = [f for f in check(text) if f.rule == "facts.title"]
    assert [text[f.start : f.end] for f in found] == ["Alderman"]
    assert found[0].severity is Severity.WARNING
    assert "‘Councillor’ in paragraph 1" in found[0].message


def test_titles_that_agree_or_are_hedged_stay_quiet(check: Check) -> None:
    for text in (
        "Sen. Ada Okafor spoke. Senator Okafor left.",
        "Mayor Ada Okafor spoke. Former Councillor Okafor had warned her. Ms. Okafor left.",
        "Mayor Ada Okafor spoke. Then-Councillor Okafor had voted no in 2019.",
        "Mayor Ada Okafor and Judge Ben Okafor, her brother, spoke.",
    ):
        assert facts(check(text), text) == {}, text


# Tallies


def test_a_vote_referred_back_with_another_tally(check: Check) -> None:
    text = "The council voted 7-2 to approve it.\n\nOpponents of the 6-3 vote will appeal."
    found = [f for f in check(text) if f.rule == "facts.tally"]
    assert [text[f.start : f.end] for f in found] == ["6-3"]
    assert "7-2 in paragraph 1" in found[0].message


def test_several_votes_stay_quiet(check: Check) -> None:
    for text in (
        "The board voted 7-2 on the budget and 5-4 on the plan. The 5-4 vote was close.",
        "The council voted 7-2. The committee voted 3-2 first. The 3-2 vote was a surprise.",
        "The council voted 7-to-2 to approve it. Opponents of the 7-2 vote will appeal.",
        "The council voted 7-2. It cited the court's 5-4 ruling. The 5-4 decision stands.",
        "The council voted 7-2. The 5-4 ruling by the court came later.",
    ):
        assert facts(check(text), text) == {}, text


# Abbreviations


def test_abbreviations_defined_twice_and_never_used(check: Check) -> None:
    twice = "The Harbour Oversight Panel (HOP) met.\n\nThe Harbour Oversight Panel (HOP) voted."
    assert facts(check(twice), twice) == {
        "facts.abbreviation-defined-twice": ["Harbour Oversight Panel (HOP)"]
    }
    unused = "The Harbour Oversight Panel (HOP) met on Monday."
    assert facts(check(unused), unused) == {"facts.abbreviation-unused": ["(HOP)"]}


def test_abbreviation_forms(check: Check) -> None:
    for text in (
        "The Department of Homeland Security (DHS) spoke. The DHS left.",
        "HOP (Harbour Oversight Panel) met. Then the HOP voted.",
        "Gross domestic product (GDP) grew. GDP fell later.",
        "The non-governmental organisations (NGOs) met. Two NGOs left.",
    ):
        assert facts(check(text), text) == {}, text


def test_the_desks_lists_make_an_abbreviation_known(check: Check) -> None:
    text = "The HOP met.\n\nThe Harbour Oversight Panel (HOP) voted."
    assert "facts.abbreviation-before-definition" in facts(check(text), text)
    assert facts(check(text, dictionary="HOP\n"), text) == {}
    assert facts(check(text, entities="Harbour Oversight Panel | HOP\n"), text) == {}


# The speaker's words


def test_quotation_spans_come_from_the_pairing() -> None:
    text = "“We was told,” she said.\n\n“It runs on.\n\n“And ends here,” he said. Not quoted."
    quotes = Quotations(Document(text))
    assert quotes.contains(text.index("We was"), text.index("We was") + 6)
    assert quotes.contains(text.index("runs on"), text.index("runs on") + 7)
    assert quotes.contains(text.index("ends here"), text.index("ends here") + 9)
    assert not quotes.contains(text.index("she said"), text.index("she said") + 8)
    assert not quotes.contains(text.index("Not quoted"), text.index("Not quoted") + 10)


def test_a_longer_form_of_a_full_name_is_the_same_person(check: Check) -> None:
    text = (
        "Harbour Panel Chair Ada Okafor, 54, spoke. Okafor, 54, said so.\n\n"
        "The 56-year-old Ada Okafor left."
    )
    assert facts(check(text), text) == {"facts.age": ["56"]}


def test_a_headline_may_use_the_short_form(check: Check) -> None:
    text = "HOP delays ferry decision\n\nThe Harbour Oversight Panel (HOP) met. The HOP voted."
    assert facts(check(text), text) == {}


def test_a_hyphenated_use_counts_as_a_use(check: Check) -> None:
    text = "The HOP-led review began.\n\nThe Harbour Oversight Panel (HOP) voted."
    assert facts(check(text), text) == {"facts.abbreviation-before-definition": ["HOP"]}


TRICKY_BUT_CONSISTENT = """\
LAGOS, Nov. 28, 2025 (Wire) — Ada Okafor, 54, and her husband, Emeka Okafor, 57, lost their \
shop in the flood on Tuesday, Nov. 25, the third since the Lagos State Emergency Management \
Agency (LASEMA) began keeping records in 2008.

“My daughter is 12 and has never known a dry rainy season,” Ada Okafor said. “Emeka was 30 \
when we opened.” LASEMA said 2,100-year-old drainage methods were not to blame.

Former Governor Tunde Bello, 71, who held the post from 1999 to 2007, blamed the state. \
Commissioner Bello, as he was then, had warned in 2003. The assembly voted 30-10 in 2019 and \
24-16 in 2023 on drainage bills; the 24-16 vote came after a 12-hour debate.

Emeka Okafor, who turned 58 on Wednesday, said the shop would reopen on Monday, Dec. 1. \
The 58-year-old Emeka Okafor said the FBI-trained engineers from the UN had left.
"""


def test_a_tricky_but_consistent_story_stays_quiet(check: Check) -> None:
    assert facts(check(TRICKY_BUT_CONSISTENT), TRICKY_BUT_CONSISTENT) == {}


def test_the_tricky_story_made_wrong_is_caught(check: Check) -> None:
    for old, new, rule, span in (
        ("Tuesday, Nov. 25", "Wednesday, Nov. 25", "facts.weekday-inferred-year", "Wednesday"),
        ("The 58-year-old Emeka", "The 59-year-old Emeka", "facts.age", "59"),
        ("Former Governor", "Governor", "facts.title", "Commissioner"),
    ):
        text = TRICKY_BUT_CONSISTENT.replace(old, new).replace(", as he was then,", "")
        assert facts(check(text), text) == {rule: [span]}, new


def test_abbreviated_titles_read_as_their_full_forms(check: Check) -> None:
    quiet = "Lt. Gov. Ada Okafor spoke. Lieutenant Governor Okafor left. Gov. Ben Bello stayed."
    assert facts(check(quiet), quiet) == {}
    text = "Sen. Ada Okafor spoke.\n\nRep. Okafor left."
    assert facts(check(text), text) == {"facts.title": ["Rep."]}


_PIECES = st.sampled_from(
    ["“", "”", "‘", "’", '"', "'", "We was", " told", ", she said. ", "it’s ", "\n\n", "’90s ", "x"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_quotation_spans_open_after_a_mark_and_end_at_a_mark_or_paragraph_end(
    pieces: list[str],
) -> None:
    doc = Document("".join(pieces))
    ends = {p.end for p in doc.paragraphs}
    marks = "“”‘’\"'"
    for start, end in Quotations(doc).spans:
        assert start <= end
        assert doc.text[start - 1] in marks
        assert end in ends or doc.text[end] in marks


def test_an_abbreviation_spelled_out_after_it_and_never_used(check: Check) -> None:
    text = "The HOP (Harbour Oversight Panel) met on Monday."
    assert facts(check(text), text) == {"facts.abbreviation-unused": ["(Harbour Oversight Panel)"]}


def test_weekdays_in_ap_and_british_forms(check: Check) -> None:
    for right, wrong in (
        ("on Thursday, Sept. 4, 2025.", "on Friday, Sept. 4, 2025."),
        ("on Tues., March 4, 2025.", "on Wed., March 4, 2025."),
        ("on Tuesday the 4th of March 2025.", "on Monday the 4th of March 2025."),
        ("on Tuesday, 4 March 2025.", "on Sunday, 4 March 2025."),
    ):
        assert facts(check(right), right) == {}, right
        assert list(facts(check(wrong), wrong)) == ["facts.weekday"], wrong


_FACT_PIECES = st.sampled_from(
    ["Ada Okafor", "Okafor", ", 54,", ", 9999", " (0)", " the 56-year-old ", "Friday, ",
     "December 31, 9999", "January 1, 0001", "Feb. 29", " 7-2 vote", " the 6-3 vote",
     " (HOP)", " HOP ", "Harbour Oversight Panel", "“", "”", ". ", "\n\n", "Sen. ", "Mayor "]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_FACT_PIECES, max_size=25))
def test_fact_checks_never_fail_on_odd_drafts(pieces: list[str]) -> None:
    text = "".join(pieces)
    for f in FactChecker(HarperEngine()).check_document(Document(text), CheckContext()):
        assert 0 <= f.start <= f.end <= len(text)
        assert f.message and f.rule.startswith("facts.")


# Variants: a word written, or a term capitalised, two ways


def variants(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(rule, flagged text, fixes) of the variant checks, in text order."""
    found = FactChecker(HarperEngine()).check_document(Document(text), CheckContext())
    return sorted(
        ((f.rule, text[f.start : f.end], f.suggestions) for f in found
         if f.rule.startswith("facts.variant-")),
        key=lambda v: text.index(v[1]),
    )  # fmt: skip


def test_each_use_of_the_minority_spelling_gets_the_majority_as_fix() -> None:
    text = (
        "E-mail the clerk. Residents sent 40 emails and one e-mail by Friday.\n\n"
        "The email went to the north-east ward. Every email is read; the northeast ward and "
        "the northeast depot replied by email."
    )
    assert variants(text) == [
        # sentence-initial capitals are kept in the fix
        ("facts.variant-spelling", "E-mail", ("Email",)),
        ("facts.variant-spelling", "e-mail", ("email",)),
        ("facts.variant-spelling", "north-east", ("northeast",)),
    ]


def test_a_hyphenated_majority_is_the_fix_for_the_joined_word() -> None:
    text = "The councils co-operate. They co-operate on roads.\n\nThey cooperate on buses."
    assert variants(text) == [("facts.variant-spelling", "cooperate", ("co-operate",))]


def test_between_equals_the_spelling_used_first_is_the_drafts() -> None:
    text = "We will reopen the pier. We will re-open the pier."
    assert variants(text) == [("facts.variant-spelling", "re-open", ("reopen",))]


def test_a_spaced_pair_counts_only_beside_joined_and_hyphenated_forms() -> None:
    # "air port" is not how English writes it: weighed, since the draft also joins and
    # hyphenates the word, and never the fix.
    text = "The airport shut. The airport reopened. The air-port bus ran to the air port gate."
    assert variants(text) == [
        ("facts.variant-spelling", "air-port", ("airport",)),
        ("facts.variant-spelling", "air port", ("airport",)),
    ]
    # With no hyphenated form, two words side by side are taken as two words.
    assert variants("The airport shut. Trains ran to the air port gate.") == []


CONSISTENT_WORDS = """\
Councils To Co-Operate On Night Ferry

A well-known skipper said the route was well known to her. The long-term plan is to run it \
in the long term. The Co-operative Bank will cooperate with the council.

Every day the ferry sails; the everyday timetable holds. Anyone may ask, and any one of the \
crew will answer. It may be late, maybe not. Some time ago the sometime mayor sailed it for \
a while, and the crew stayed awhile. She went into the cabin, turned in to the wind, moved \
on to the deck and onto the pier. No one was hurt.

Email the clerk. She said email was best; everyone at North-East Lincolnshire Council, in \
the northeast of England, agreed to cooperate.
"""


def test_consistent_words_stay_quiet() -> None:
    assert variants(CONSISTENT_WORDS) == []


def test_common_phrases_beside_a_hyphenated_word_stay_phrases() -> None:
    # "every day" and "any one" are English phrases as well as words: never weighed, even
    # when the draft also joins and hyphenates them.
    text = (
        "Every day she wore her every-day coat. Her everyday coat was red, her everyday hat "
        "blue. Anyone came."
    )
    assert variants(text) == [("facts.variant-spelling", "every-day", ("everyday",))]


def test_short_compounds_addresses_and_names_are_left_alone() -> None:
    for text in (
        "The co-op sold eggs. The hens left the coop.",
        "Write to help@e-mail.example or send an email.",
        "Jean-Pierre Okafor met Jeanpierre Bello.",
        "The Co-Operative Society said it would cooperate.",
        "She spelled it h-e-l-l-o and said hello.",
    ):
        assert variants(text) == [], text


def test_a_term_capitalised_two_ways() -> None:
    text = (
        "The government met on Monday. Later the government voted.\n\n"
        "Critics said the Government’s plan was late."
    )
    assert variants(text) == [("facts.variant-capitals", "Government", ("government",))]
    text = "Ask the Council. The Council met.\n\nSo the council agreed, and the Council left."
    assert variants(text) == [("facts.variant-capitals", "council", ("Council",))]


CONSISTENT_CAPITALS = """\
The Government Backs the Ferry Plan

The Bank of England raised rates; the bank said more would follow. The New Members’ Guide \
is new; the new guide is short. Members of the Labour Party met, and the party voted. Alfred \
the Great built ships, and the great ships sailed to The Hague, where the hague flats are low.

Troops moved to the west of the city, and the West watched. The government said the \
Council, like this council and that Council, would wait.
"""


def test_capitals_stay_quiet_in_names_headlines_and_descriptions() -> None:
    assert variants(CONSISTENT_CAPITALS) == []


def test_a_desks_consistency_rule_keeps_its_finding_and_the_variant_check_yields(
    check: Check, tmp_path: Path
) -> None:
    style = tmp_path / "desk.toml"
    style.write_text(
        '[[rule]]\nid = "desk.email"\nkind = "consistency"\neither = [["e-mail", "email"]]\n',
        encoding="utf-8",
    )
    text = "Send an email. Read the email. Answer every e-mail.\n\nThe co-operate and cooperate."
    found = [
        (f.rule, text[f.start : f.end])
        for f in check(text, style=(str(style),))
        if f.rule.startswith(("desk.", "facts."))
    ]
    assert found == [
        ("desk.email", "e-mail"),  # one finding, the desk's
        ("facts.variant-spelling", "cooperate"),  # no desk rule for this one
    ]
    yielding = [r for r in FactChecker.rules if r.yields]
    assert {r.id for r in yielding} == {"facts.variant-spelling", "facts.variant-capitals"}
    assert all("Gives way" in r.describe() for r in yielding)


_VARIANT_PIECES = st.sampled_from(
    ["email", "e-mail", "E-mail", "e mail", "the Council", "the council", "The council",
     "co-operate", "cooperate", "co operate", "-", " ", ". ", "\n\n", "’s", "Council Meets Today\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_VARIANT_PIECES, max_size=20))
def test_a_variant_fix_changes_only_joins_and_capitals(pieces: list[str]) -> None:
    text = "".join(pieces)
    for rule, flagged_text, fixes in variants(text):
        fix = fixes[0]
        assert fix != flagged_text, rule
        letters = "".join(c for c in flagged_text if c.isalpha())
        assert "".join(c for c in fix if c.isalpha()).lower() == letters.lower(), rule


def test_a_capital_inside_a_title_is_not_the_common_word() -> None:
    text = (
        "The district joined Race to the Top last year.\n\n"
        "Its pupils reached the top, and the top stayed theirs."
    )
    assert variants(text) == []
