"""The news-aware spelling layer: typos are errors, names and acronyms are not."""

import json
import os
import subprocess
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from proofer.findings import Category, Finding, Severity
from proofer.suggest import is_finger_slip, slip_cost
from tests.conftest import PROOFER, flagged

Check = Callable[..., list[Finding]]


def errors(findings: list[Finding], text: str) -> list[str]:
    return [text[f.start : f.end] for f in findings if f.severity is not Severity.INFO]


def test_typos_are_errors_with_the_right_first_suggestion(check: Check) -> None:
    text = "Chilean Senator Sebastain Moreno spoke of the resumption of negoitations."
    found = {text[f.start : f.end]: f for f in check(text) if f.severity is Severity.ERROR}
    assert found["Sebastain"].suggestions[0] == "Sebastian"
    assert found["negoitations"].suggestions[0] == "negotiations"
    assert found["Sebastain"].severity is Severity.ERROR


def test_suggestions_follow_the_word_case(check: Check) -> None:
    text = "Recieved in full. It was seperate. BELEIVED."
    sugg = [f.suggestions[0] for f in check(text) if f.rule == "spelling.unknown"]
    assert sugg == ["Received", "separate", "BELIEVED"]


def test_repetition_is_intent_but_a_slip_beside_the_right_spelling_is_not(check: Check) -> None:
    wire = "Net rose 4 mln dlrs. Sales were 9 mln dlrs. Costs fell 2 mln dlrs."
    found = [f for f in check(wire) if f.category is Category.SPELLING]
    # One note per word, at info, no fix offered: never an error at each use.
    assert sorted((wire[f.start : f.end], f.rule) for f in found) == [
        ("dlrs", "spelling.repeated-unknown"),
        ("mln", "spelling.repeated-unknown"),
    ]
    assert all(f.severity is Severity.INFO and not f.suggestions for f in found)
    twice = "Net rose to 4 dlrs from 3 dlrs."
    assert [f.rule for f in check(twice)] == ["spelling.repeated-unknown"]
    slip = "Delegates met. Delegates voted. Delegates left. Delegates ate. The delgates slept."
    twice = slip + " The delgates woke."
    for text in (slip, twice):
        hits = [f for f in check(text) if text[f.start : f.end] == "delgates"]
        assert hits and all(f.rule == "spelling.unknown" for f in hits), text


def test_a_name_used_throughout_is_not_corrected_to_a_better_known_one(check: Check) -> None:
    text = " ".join(f"Shares of Sebastain Holdings rose {n} percent." for n in range(1, 5))
    found = [f for f in check(text) if f.start <= text.index("Sebastain") < f.end]
    assert found and all(not f.suggestions and f.severity is Severity.INFO for f in found)


def test_names_acronyms_handles_and_particles_raise_no_alarm(check: Check) -> None:
    text = (
        "The spokesman for OPEC and NATO said the MPs met Saadiya Benkirane and Tobias "
        "Vorhaugen (@tobiasvorhaugen) in al-Marzouqi's office. Email desk@example.org or see "
        "https://example.org/harbour-2016. In the ’90s rock ’n’ roll filled the city’s halls "
        "at 5 o’clock, and the 10km route cost $4m. Osama bin Laden and Jan van der Merwe."
    )
    assert errors(check(text), text) == []


def test_unknown_names_are_listed_once_at_info(check: Check) -> None:
    text = "Ngozi Obiakor said no. Later Obiakor said yes. Then Zubairu left."
    infos = [f for f in check(text) if f.severity is Severity.INFO]
    assert [(text[f.start : f.end], f.rule) for f in infos] == [
        ("Ngozi Obiakor", "names.unlisted"),
        ("Zubairu", "names.unlisted"),
    ]


def test_entity_list_and_its_possessives_are_accepted(check: Check) -> None:
    text = "Ifeoma Okechukwu’s group met Okechukwu."
    assert flagged(check(text, entities="Ifeoma Okechukwu\n"), text, "spelling") == []


def test_misspelled_entity_suggests_the_listed_name(check: Check) -> None:
    text = "Mayor Henriete Solbakken spoke."
    found = [f for f in check(text, entities="Henriette Solbakken\n") if f.severity.rank > 1]
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [("Henriete", "Henriette")]


def test_user_dictionary_is_accepted(check: Check) -> None:
    text = "The quokkaburger stand reopened."
    assert "quokkaburger" in flagged(check(text), text, "spelling")
    assert flagged(check(text, dictionary="quokkaburger\n"), text, "spelling") == []


def test_british_draft_is_not_flagged_for_british_spelling(check: Check) -> None:
    text = "The colour of the harbour centre was analysed by the organisation's labour team."
    assert flagged(check(text), text, "spelling") == []


def test_mixed_dialects_get_a_consistency_finding(check: Check) -> None:
    text = "The color guard, the center stage and the theater: the colour was gray."
    found = [f for f in check(text) if f.rule == "spelling.dialect-mix"]
    assert [(text[f.start : f.end], f.suggestions) for f in found] == [("colour", ("color",))]


def test_fixed_dialect_flags_the_other_spelling(check: Check) -> None:
    text = "The colour of the flag."
    found = check(text, dialect="american")
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [("colour", "color")]


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (AP) — Sen. Maria Cantwell, D-Wash., met Lt. Col. Ana Ruiz at 10:30 a.m.",
        "“It’s déjà vu,” said José Núñez, 34, a café owner in Zürich.",
        "The 1,900-year-old site lost $1.2bn after 9/11. No. 10 Downing St. declined to comment.",
        "Temperatures hit 30C; the score was 3-2; World War II veterans met on the 21st floor.",
        "The e-commerce firm’s co-op will reelect its board mid-July, the CDC said in a tweet.",
        "Mr. Smith, Ms. Jones and Mrs. O’Brien attended, as did Rep. Alexandria Ocasio-Cortez.",
        "A pulmonologist said the geolocated video was livestreamed on Monday.",
    ],
)
def test_news_constructions_raise_no_alarm(check: Check, text: str) -> None:
    assert errors(check(text), text) == []


def test_a_soft_line_break_does_not_start_a_sentence(check: Check) -> None:
    text = "A spokesman for the commission,\nFestus Okoye-Nwankwo, said the results\nstood."
    assert errors(check(text), text) == []


def test_the_words_around_a_slip_rank_its_suggestions(check: Check) -> None:
    # After "in" and before "end", "the"; after "told" and before "that", "them".
    text = "They told thme that the vote was off."
    found = [f for f in check(text) if f.rule == "spelling.unknown"]
    assert found and found[0].suggestions[:2] == ("them", "the")
    alone = [f for f in check("In thme end, it failed.") if f.rule == "spelling.unknown"]
    assert alone and alone[0].suggestions[0] == "the"


def test_capitalised_slips_are_typos_and_unknown_names_are_names(check: Check) -> None:
    text = (
        "The Oil Miniter met the Wolrd Bank in New Jesrey on Setpember 3. "
        "Monica Seles, Tobias Vorhaugen and Saadiya Benkirane watched."
    )
    found = check(text)
    fixes = {text[f.start : f.end]: f.suggestions[0] for f in found if f.severity is Severity.ERROR}
    assert fixes == {
        "Miniter": "Minister",
        "Wolrd": "World",
        "Jesrey": "Jersey",
        "Setpember": "September",
    }
    names = [f for f in found if any(n in text[f.start : f.end] for n in ("Seles", "Vorhaugen"))]
    assert names and all(f.severity is Severity.INFO for f in names)
    # A surname after a given name, an accented name, a first letter that differs.
    others = "Thanks to Ian Bicking, Martin von Löwis and the Gnumeric team."
    assert [f for f in check(others) if f.severity is not Severity.INFO] == []


def first_fixes(findings: list[Finding], text: str) -> dict[str, str]:
    """Each word with an error or warning on it, and its first suggestion."""
    return {
        text[f.start : f.end]: f.suggestions[0]
        for f in findings
        if f.severity is not Severity.INFO and f.suggestions
    }


@pytest.mark.parametrize(
    ("text", "slip", "meant"),
    [
        # A place English knows only with its capital, one finger slip away.
        ("Ferries from Tbiliisi were cancelled on Friday.", "Tbiliisi", "Tbilisi"),
        ("The Qantaas flight landed late.", "Qantaas", "Qantas"),
        # A month beside a number, in a dateline and in a date: short, so only with the day.
        ("CAIRO, Jnue 5 - Talks resumed.", "Jnue", "June"),
        ("The vote was set for Jnue 5, 2024.", "Jnue", "June"),
        # A long common word in a title, even right after a name.
        ("Maria Ocampo, Univeristy spokeswoman, agreed.", "Univeristy", "University"),
        ("The Miinstry of Defence declined to comment.", "Miinstry", "Ministry"),
        # Two names joined by a slash are words, not a path.
        ("Aid reached the Israeli/Palestinain border.", "Palestinain", "Palestinian"),
        # Opening a sentence or a quotation: an everyday word, with the next word as evidence.
        ("Mnay of the voters stayed home.", "Mnay", "Many"),
        ("“Waht we need is rain,” the farmer said.", "Waht", "What"),
    ],
)
def test_capitalised_slips_in_names_titles_and_datelines(
    check: Check, text: str, slip: str, meant: str
) -> None:
    assert first_fixes(check(text), text) == {slip: meant}


@pytest.mark.parametrize(
    "text",
    [
        # A surname one slip from a common word, a name or a place: at first reference
        # after the given name, and the same spelling alone later in the draft.
        "Sheldon Yett spoke first. Yett said the water was rising.",
        "Kwadwo Ansah Koram left early. Later Koram said no.",
        "Finance Minister Michel Sapin said the deficit would narrow.",
        "Ken Krugler filed the report from Lagos.",
        "Rodrygo and Eryk scored; Andrés Solier and Ian Bicking did not.",
        # A short name with no number beside it is no month.
        "Jnue Abiola chaired the meeting.",
    ],
)
def test_real_unusual_names_stay_names_to_verify(check: Check, text: str) -> None:
    assert errors(check(text), text) == []


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("They said they ahev a plan.", "have"),
        ("I tihkn the vote will pass.", "think"),
        ("At the tme of the vote, turnout was low.", "time"),
    ],
)
def test_context_and_double_swaps_pick_the_word_meant(check: Check, text: str, meant: str) -> None:
    found = [f for f in check(text) if f.rule == "spelling.unknown"]
    assert found and found[0].suggestions[0] == meant


def test_a_grammar_fix_for_the_same_word_wins(check: Check) -> None:
    text = "There were alot more voters."
    assert [(f.rule, f.suggestions) for f in check(text)] == [("harper.OpenCompounds", ("a lot",))]


def test_a_piece_of_a_compound_english_writes_closed_is_no_slip(check: Check) -> None:
    assert check("Browsers run Java plug-ins, and readers can un-subscribe.") == []
    text = "A well-knwon co-owner."
    assert [text[f.start : f.end] for f in check(text)] == ["knwon"]


def test_a_habitual_misspelling_typed_twice_is_still_a_slip(check: Check) -> None:
    text = "The comittee met on Monday. Later the comittee voted on the plan."
    found = [f for f in check(text) if text[f.start : f.end] == "comittee"]
    assert [f.severity.value for f in found] == ["error", "error"]
    assert found[0].suggestions[0] == "committee"


@pytest.mark.parametrize(
    ("slip", "meant"),
    [("recieve", "receive"), ("definately", "definitely"), ("occured", "occurred")],
)
def test_a_misspelling_by_ear_repeated_is_a_slip_each_time(
    check: Check, slip: str, meant: str
) -> None:
    # Typed three or four times, as a writer who spells it so would: repetition is no
    # evidence for a word spelled as it sounds, with no vowel dropped.
    text = " ".join(f"Line {n}: the ferry did {slip} it, the pilot said." for n in range(4))
    found = [f for f in check(text) if text[f.start : f.end] == slip]
    assert [f.severity.value for f in found] == ["error"] * 4
    assert {f.suggestions[0] for f in found} == {meant}


def test_a_house_abbreviation_used_throughout_is_one_note(check: Check) -> None:
    text = " ".join(f"Sales rose {n} mln dlrs in the quarter." for n in range(2, 9))
    found = [f for f in check(text) if text[f.start : f.end] in ("mln", "dlrs")]
    assert {f.severity.value for f in found} <= {"info"}


def test_a_term_english_has_never_seen_typed_twice_is_meant(check: Check) -> None:
    text = "Farmers drained the haors, the seasonal lakes. The haors flood each June."
    found = [f for f in check(text) if text[f.start : f.end] == "haors"]
    assert found and {f.severity for f in found} == {Severity.INFO}


_KEYS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=4, max_size=12)


@st.composite
def _finger_slip(draw: st.DrawFn) -> tuple[str, str]:
    """A word and one slip of the fingers on it (after the first letter)."""
    word = draw(_word.filter(lambda w: len(set(w)) > 2))
    i = draw(st.integers(1, len(word) - 2))
    kind = draw(st.sampled_from(("swap", "drop", "double", "key")))
    if kind == "swap":
        slipped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif kind == "drop":
        slipped = word[:i] + word[i + 1 :]
    elif kind == "double":
        slipped = word[:i] + word[i] + word[i:]
    else:
        row = next(r for r in _KEYS if word[i] in r)
        j = row.index(word[i])
        slipped = word[:i] + row[j + 1 if j + 1 < len(row) else j - 1] + word[i + 1 :]
    return word, slipped


@given(_finger_slip())
def test_every_finger_slip_is_one(pair: tuple[str, str]) -> None:
    word, slipped = pair
    if slipped != word:  # swapping two equal letters changes nothing
        assert is_finger_slip(slipped, word)


@given(_word, st.sampled_from(("ai", "ia", "eo", "ou", "ue", "iy")))
def test_a_vowel_for_one_off_the_next_key_is_not_a_finger_slip(word: str, pair: str) -> None:
    # How names vary between languages (Eryk / Erik), not how fingers slip.
    meant = word[0] + pair[0] + word[1:]
    typed = word[0] + pair[1] + word[1:]
    assert not is_finger_slip(typed, meant)


@given(_word.filter(lambda w: len(set(w)) == len(w)), st.data())
def test_two_swaps_cost_less_than_any_other_two_slips(word: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(word) - 2))
    once = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    j = data.draw(st.integers(0, len(word) - 2).filter(lambda k: abs(k - i) > 1))
    twice = once[:j] + once[j + 1] + once[j] + once[j + 2 :]
    spare = [c for c in "abcdefghijklmnopqrstuvwxyz" if c not in word]
    other = word[:-2] + spare[0] + spare[1]  # the last two letters replaced
    first_letter_moved = 0 in (i, j)
    assert slip_cost(twice, word) < slip_cost(other, word) + (1.5 if first_letter_moved else 0)


def test_suggestions_are_the_same_in_every_run() -> None:
    """Equally likely corrections come in one order, whatever order Python's per-process
    string hashing gives a set."""
    draft = (
        "The prty said the raing had closed three roads and that the cuort would sit late.\n"
        "Faes on the nothern line could rise, and the mayr promised a revew by the weeknd.\n"
    )
    runs = {
        subprocess.run(
            [str(PROOFER), "check", "-", "--format", "json"],
            input=draft.encode(),
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            check=False,
        ).stdout
        for seed in range(4)
    }
    assert len(runs) == 1
    findings = json.loads(runs.pop())["files"][0]["findings"]
    assert sum(len(f["suggestions"]) > 1 for f in findings) >= 5


def test_the_dictionary_covers_its_compounds_and_plurals(check: Check) -> None:
    # A desk's dictionary lists a word once; its plural and a hyphenated entry are its own.
    words = "quokkaburger\nwell-quokkaed\n"
    text = "Two quokkaburgers, well-quokkaed, and one quokkaburgre."
    assert flagged(check(text, dictionary=words), text, "spelling") == ["quokkaburgre"]


def test_a_slip_goes_to_the_spelling_the_draft_uses_most(check: Check) -> None:
    # The same slip typed three times (Kowalcyk) is itself one slip from a fourth
    # (Kowalcyzk); the fix offered is still the name the draft types on every line.
    text = (
        "Kowalcyk ran. Kowalcyk ran. Kowalcyk ran. " + "Kowalczyk spoke. " * 10 + "Kowalcyzk lost."
    )
    at = text.index("Kowalcyzk")
    found = [f for f in check(text) if f.start == at and f.severity is not Severity.INFO]
    assert found and found[0].suggestions[0] == "Kowalczyk"
    # The slip typed three times is a slip too.
    first = [f for f in check(text) if f.start == 0]
    assert first and first[0].suggestions[:1] == ("Kowalczyk",)


@pytest.mark.parametrize(
    ("text", "slip", "meant"),
    [
        # A swap (one event) beats a letter off a neighbouring key: They, not The.
        ("Thye said the vote was off.", "Thye", "They"),
        # A swap beats an extra letter beside a neighbouring key: packages, not package.
        ("The firm sold its packagse to rivals.", "packagse", "packages"),
        # Two cheap slips (a doubled m, a dropped r) are still a slip of the common word.
        ("The mayor will answer questions tommorow morning.", "tommorow", "tomorrow"),
        # One slip away beats two, even from a more frequent word: competitions.
        ("The council ran three cmpetitions for young reporters.", "cmpetitions", "competitions"),
    ],
)
def test_the_commonest_slip_ranks_first(check: Check, text: str, slip: str, meant: str) -> None:
    assert first_fixes(check(text), text).get(slip) == meant


@given(_finger_slip(), st.data())
def test_a_second_slip_always_costs_more(pair: tuple[str, str], data: st.DataObject) -> None:
    word, once = pair
    i = data.draw(st.integers(0, len(once) - 1))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    twice = once[:i] + letter + once[i + 1 :]
    if OSA.distance(twice, word) == 2 and OSA.distance(once, word) == 1:
        assert slip_cost(twice, word) > slip_cost(once, word)


@pytest.mark.parametrize(
    ("text", "slip", "meant"),
    [
        # A count before the slip asks for the plural, in figures or in words.
        ("The ferry carried 40 packags of seed to the island.", "packags", "packages"),
        ("The ferry carried several packags of seed to the island.", "packags", "packages"),
        # One, or a singular determiner, asks for the singular.
        ("The ferry carried 1 packags of seed to the island.", "packags", "package"),
        ("The ferry carried each packags to the island.", "packags", "package"),
        # A year is no count: the 2019 election, not elections.
        ("Turnout in the 2019 electon fell.", "electon", "election"),
    ],
)
def test_a_count_before_a_slip_decides_singular_or_plural(
    check: Check, text: str, slip: str, meant: str
) -> None:
    assert first_fixes(check(text), text).get(slip) == meant


@pytest.mark.parametrize(
    ("text", "slip", "meant"),
    [
        # Where a surname goes, a form English never uses, with a letter doubled, two
        # swapped or a neighbouring key struck, is still a slip of a common word.
        ("The Okonkwo Famliy Trust paid for the roof.", "Famliy", "Family"),
        ("Gifts came from Mr Garedn of Leeds.", "Garedn", "Garden"),
        ("A word from Ingrid Sunmer opened the fair.", "Sunmer", "Summer"),
        # A short form English never uses, one cheap finger slip from a common word.
        ("Click “Tpye a message” to start.", "Tpye", "Type"),
        ("The Morse Cdoe lesson ran late.", "Cdoe", "Code"),
        # A name after a slash spaced off the word before: a word, not a path.
        ("It runs on GNU /Lniux and BSD.", "Lniux", "Linux"),
        # After a title and before a surname, a given name: a slip of a well-known one is
        # a slip, even one English has seen.
        ("Professor Alexandar Abara arrived.", "Alexandar", "Alexander"),
        # A form typed once, one finger slip from a name the draft types twice.
        ("Ada Nwosu spoke. Nwosu left. The work of Nwossu lives on.", "Nwossu", "Nwosu"),
    ],
)
def test_a_slip_where_a_name_goes_is_still_a_slip(
    check: Check, text: str, slip: str, meant: str
) -> None:
    assert first_fixes(check(text), text) == {slip: meant}


@pytest.mark.parametrize(
    "text",
    [
        # Before a verb of saying, after Dr or an office: a person, and a name English has
        # seen is that person's name, however near a common word or a place.
        "Lundh said the results were clear.",
        "Dr Lundh explained the results.",
        "Deputy Minister Sapin told reporters the deficit would narrow.",
        # Before a surname, opening a sentence or not: a given name (or a family name
        # written first), not a slip of a common word.
        "Mette Vikanes said no to the plan.",
        "Tse Wai-chun asked the first question.",
        "Legislator Tse Wai-chun asked the first question.",
        # A surname that is a common word short of a letter: how names differ from words.
        "Coach Andrés Solier and Ms Tarrant spoke.",
    ],
)
def test_a_seen_name_where_a_person_goes_stays_a_name(check: Check, text: str) -> None:
    assert errors(check(text), text) == []


def test_a_verb_of_saying_does_not_shield_a_pronoun_slip(check: Check) -> None:
    # "they said" is a common pairing: the verb is evidence for the pronoun, not a name.
    text = "Thye said the vote was close."
    assert "Thye" in errors(check(text), text)


def test_a_month_slip_is_a_typo_not_a_name_for_the_names_panel(check: Check) -> None:
    for text in (
        "The festival ends in Febuary.",
        "Talks began in Febuary. February was cold. In February, and in February, talks went on.",
    ):
        at = text.index("Febuary")
        found = [f for f in check(text) if f.start == at]
        assert [(f.rule, f.suggestions[0]) for f in found] == [
            ("spelling.capitalised-typo", "February")
        ], text


def test_a_short_name_the_draft_drowns_is_a_slip_of_its_near_spelling(check: Check) -> None:
    drowned = "Linux boots. " * 10 + "Value-added Linx builds ship."
    at = drowned.index("Linx")
    found = [f for f in check(drowned) if f.start == at and f.severity is not Severity.INFO]
    assert found and found[0].suggestions[0] == "Linux"
    # Alone, a short word English uses may be a name of its own.
    alone = "Tom Linx chaired the panel."
    assert errors(check(alone), alone) == []


def test_a_long_unseen_slip_of_an_uncommon_word_is_caught(check: Check) -> None:
    text = "The lecture Recursvie Descent Parsing ran late."
    assert first_fixes(check(text), text) == {"Recursvie": "Recursive"}


def test_a_gap_in_one_dictionary_is_no_dialect_marker(check: Check) -> None:
    # The American dictionary lacks these, but no regular respelling makes them American
    # words: they are American as written, not British spellings.
    text = "The color of the hall was restored; afterwards the unlivable flats were sold."
    assert "spelling.dialect-mix" not in {f.rule for f in check(text)}
    mixed = "The color of the town hall was restored. Afterwards the colour faded."
    assert "spelling.dialect-mix" in {f.rule for f in check(mixed)}


@pytest.mark.parametrize(
    "text",
    [
        "The ferry fund was undertaxed, and its board stayed unvetted.",  # prefixes
        "Rates rose per capita in the region.",  # half of a pairing English uses
    ],
)
def test_words_made_the_regular_way_are_words(check: Check, text: str) -> None:
    assert [f.rule for f in check(text) if f.category is Category.SPELLING] == []


@pytest.mark.parametrize(("text", "meant"), [("The presure rose.", "pressure"),
                                             ("We remined them.", "reminded")])  # fmt: skip
def test_a_prefix_does_not_hide_a_slip(check: Check, text: str, meant: str) -> None:
    found = [f for f in check(text) if f.category is Category.SPELLING]
    assert found and meant in found[0].suggestions
