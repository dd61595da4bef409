"""Names against the entity list and against each other."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from proofer.checkers.names import _one_slip_pairs
from proofer.entities import load_entity_lists, parse_entities, read_list_text
from proofer.findings import Finding, Severity

Check = Callable[..., list[Finding]]

LIST = """# people, places, organisations
Sebastian Moreno | Moreno
Bashar al-Marzouqi | Marzouqi, al-Marzouqi
Henriette Solbakken | Solbakken
Islamic State | IS ! ISIS, ISIL
Court of Appeal
Saadiya Benkirane | Benkirane
"""


def names(findings: list[Finding], text: str) -> list[tuple[str, str, str]]:
    return [
        (f.rule, text[f.start : f.end], f.suggestions[0] if f.suggestions else "")
        for f in findings
        if f.rule.startswith("names.") or f.severity.rank > 1
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chilean Senator Sebastain Moreno spoke.", ("names.variant", "Sebastain", "Sebastian")),
        ("Mayor Henriete Solbakken spoke.", ("names.variant", "Henriete", "Henriette")),
        ("Deputy Minister Basher al-Marzouqi spoke.", ("names.variant", "Basher", "Bashar")),
        ("ISIS fighters withdrew.", ("names.correction", "ISIS", "Islamic State")),
        (
            "Mayor Henriette Solbakken spoke. Later Solbaken said no.",
            ("names.variant", "Solbaken", "Solbakken"),
        ),
    ],
)
def test_slips_in_listed_names(check: Check, text: str, expected: tuple[str, str, str]) -> None:
    assert names(check(text, entities=LIST), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Chilean Senator Sebastian Moreno called al-Marzouqi. Moreno’s aides and Marzouqi’s met.",
        "Islamic State (IS) fighters left the Court of Appeal.",
        "Henriette Solbakken spoke. Solbakken said the plan would pass.",
        "The bell rang at the Bell Tower, and Bell said so.",
        "Saadiya Benkirane said Benkirane’s team would rebuild it.",
    ],
)
def test_correct_names_are_left_alone(check: Check, text: str) -> None:
    assert names(check(text, entities=LIST), text) == []


def test_one_finding_per_slip_the_names_checkers(check: Check) -> None:
    text = "Chilean Senator Sebastain Moreno spoke."
    found = [f for f in check(text, entities=LIST) if text[f.start : f.end] == "Sebastain"]
    assert [f.rule for f in found] == ["names.variant"]


def test_same_name_spelled_two_ways_without_a_list(check: Check) -> None:
    text = (
        "Saadiya Benkirane said so. Saadiya Benkirane left. Later Sadiya Benkirane "
        "returned. Ifeoma Okechukwu spoke, and Okechuku agreed."
    )
    found = [(text[f.start : f.end], f.suggestions[0]) for f in check(text)
             if f.rule == "names.inconsistent"]  # fmt: skip
    assert found == [("Sadiya", "Saadiya"), ("Okechuku", "Okechukwu")]


def test_different_people_with_close_short_names_are_left_alone(check: Check) -> None:
    text = "Khalid Ahmed met Khaled Haddad. Khalid said one thing and Khaled another."
    assert [f for f in check(text) if f.rule == "names.inconsistent"] == []


def test_unlisted_names_are_listed_once_without_their_titles(check: Check) -> None:
    text = "Deputy Minister Ngozi Obiakor spoke. Obiakor said no."
    found = [(f.rule, text[f.start : f.end]) for f in check(text, entities=LIST)
             if f.rule == "names.unlisted"]  # fmt: skip
    assert found == [("names.unlisted", "Ngozi Obiakor")]


def test_first_reference_rule_is_a_setting(check: Check) -> None:
    text = "Solbakken said no. Mayor Henriette Solbakken later agreed."
    assert [f.rule for f in check(text, entities=LIST) if f.rule.startswith("names.")] == []
    found = check(text, entities=LIST, first_reference=True)
    assert [(f.rule, text[f.start : f.end]) for f in found if f.rule.startswith("names.")] == [
        ("names.first-reference", "Solbakken")
    ]


def test_shared_surname_needs_the_full_name(check: Check) -> None:
    listed = "Anna Kowalski\nPiotr Kowalski\n"
    text = "Anna Kowalski and Piotr Kowalski arrived. Kowalski spoke first."
    found = check(text, entities=listed, first_reference=True)
    assert [f.rule for f in found if f.rule.startswith("names.")] == ["names.first-reference"]


def test_list_format_and_problems(tmp_path: Path) -> None:
    parsed = parse_entities(LIST + "| no name\nA ! B ! C\n", "list.txt")
    assert [e.name for e in parsed.entities][:2] == ["Sebastian Moreno", "Bashar al-Marzouqi"]
    islamic = parsed.entities[3]
    assert (islamic.accepted, islamic.corrections) == (("IS",), ("ISIS", "ISIL"))
    assert [str(p) for p in parsed.problems] == [
        "list.txt:8: no name before '|' or '!'",
        "list.txt:9: more than one '|' or '!' on the line",
    ]
    csv = tmp_path / "names.csv"
    csv.write_text(
        'name,accepted,corrections\nIslamic State,IS,"ISIS; ISIL"\n"a,b,c,d",x,y,z\n',
        encoding="utf-8",
    )
    loaded = load_entity_lists([(csv, read_list_text(csv))])
    assert loaded.entities[0].corrections == ("ISIS", "ISIL")
    assert [p.line for p in loaded.problems] == [3]


def test_index_finds_near_words_in_blocks() -> None:
    index = parse_entities("Henriette Solbakken\nTomasz Przybylski\n").index
    assert index.near("Solbaken", 1) == [("Solbakken", 1)]
    assert index.near("Przybylsky", 1) == [("Przybylski", 1)]
    assert index.near("Zzzz", 1) == []


@given(st.lists(st.text(alphabet="abcde", min_size=1, max_size=6), max_size=25))
def test_one_slip_pairs_are_every_pair_one_slip_apart(words: list[str]) -> None:
    unique = sorted(set(words))
    brute = [
        (a, b) for i, a in enumerate(unique) for b in unique[i + 1 :] if OSA.distance(a, b) == 1
    ]
    assert _one_slip_pairs(words) == brute


def _letters(i: int) -> str:
    return "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in f"{i:05d}")


def _big_list(n: int) -> str:
    lines = [f"Name{_letters(i)} Surname{_letters(i % 997)} | Surname{_letters(i % 997)}"
             for i in range(n)]  # fmt: skip
    return "\n".join(["Islamic State | IS ! ISIS", *lines, "bad | a | b"])


def test_a_big_list_is_cached_on_disk_and_reads_back_the_same(tmp_path: Path) -> None:
    from proofer.entities import load_entity_lists

    text = _big_list(5_000)
    source = [(tmp_path / "names.txt", text)]
    built = load_entity_lists(source, cache=tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("entities-*.marshal"))) == 1
    cached = load_entity_lists(source, cache=tmp_path / "cache")
    assert cached.entities == built.entities
    assert [str(p) for p in cached.problems] == [str(p) for p in built.problems] != []
    assert cached.words() == built.words()
    assert cached.index.by_token["ISIS"] == built.index.by_token["ISIS"]
    assert cached.index.near("Surnameaaab", 1) == built.index.near("Surnameaaab", 1) != []
    # A changed list is a different key: the old cache is not used for it.
    changed = load_entity_lists([(source[0][0], text + "\nZoe Quux")], cache=tmp_path / "cache")
    assert "Quux" in changed.words() and "Quux" not in cached.words()


def test_a_broken_or_unwritable_cache_is_ignored(tmp_path: Path) -> None:
    from proofer.entities import load_entity_lists

    source = [(tmp_path / "names.txt", _big_list(5_000))]
    load_entity_lists(source, cache=tmp_path / "cache")
    for file in (tmp_path / "cache").glob("entities-*"):
        file.write_bytes(b"not a cache")
    assert "Surnameaaaaf" in load_entity_lists(source, cache=tmp_path / "cache").words()
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    assert "Surnameaaaaf" in load_entity_lists(source, cache=blocker / "cache").words()


@pytest.mark.parametrize(
    "text",
    [
        "The Wharfinger Guild met. Both Wharfingers spoke for the Wharfinger Guild.",
        "Ask the Ferrywright Office. The Ferrywrights agreed with the Ferrywright Office.",
        "The Quillsmith Prize went to two Quillsmiths; the Quillsmith Prize is old.",
    ],
)
def test_an_inflected_word_is_not_a_second_spelling(check: Check, text: str) -> None:
    assert [f for f in check(text) if f.rule == "names.inconsistent"] == []


def test_a_second_spelling_used_throughout_is_one_finding(check: Check) -> None:
    text = " ".join(["The Tidewell Summit met."] * 6 + ["The TideWell Summit met."] * 5)
    found = [f for f in check(text) if f.rule == "names.inconsistent"]
    assert [(text[f.start : f.end], f.suggestions) for f in found] == [("TideWell", ("Tidewell",))]
    assert "5 times" in found[0].message


def test_a_family_is_the_name_made_plural_not_a_slip(check: Check) -> None:
    # "the Solbakkens" is the household of a listed Solbakken; a real slip is still caught.
    listed = "Solbakken\nOkonkwo-Baptiste\nHastings\n"
    text = "The Solbakkens and the Okonkwo-Baptistes came; Solbaken and Hastingss stayed."
    alarms = [f for f in check(text, entities=listed) if f.severity is not Severity.INFO]
    assert [text[f.start : f.end] for f in alarms] == ["Solbaken", "Hastingss"]
    # Once the full name is in the draft, the surname alone; its plural still a family.
    listed = "Anna Solbakken\n"
    text = "Anna Solbakken spoke. The Solbakkens agreed; Solbaken did not."
    alarms = [f for f in check(text, entities=listed) if f.severity is not Severity.INFO]
    assert [text[f.start : f.end] for f in alarms] == ["Solbaken"]
    drafted = "Kowalczyk spoke. Kowalczyk left. Kowalczyk won. The Kowalczyks lost."
    assert not [f for f in check(drafted) if f.severity is not Severity.INFO]
