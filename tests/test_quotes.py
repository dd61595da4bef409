"""Quotation marks as a news desk reads them: what must be caught, what must be left alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proofer.checkers import CheckContext
from proofer.checkers.quotes import QuoteChecker
from proofer.document import Document
from proofer.engines.harper import Dialect
from proofer.findings import Finding, Severity, apply_fixes
from proofer.quotemarks import smart_quotes
from proofer.spans import Spans

Check = Callable[..., list[Finding]]


def quote_findings(text: str, style: str = "american", markdown: bool = False) -> list[Finding]:
    """The quote checker alone: fast enough for property tests."""
    doc = Document(text, markdown=markdown)
    return QuoteChecker().check_document(doc, CheckContext(quote_style=style))


def rules_at(text: str, **kw: object) -> list[tuple[str, str]]:
    found = sorted(quote_findings(text, **kw), key=lambda f: (f.start, f.end))  # type: ignore[arg-type]
    return [(f.rule, text[f.start : f.end]) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The government wants it, while obscuring peace,” according to Khaled Haddad.",
            [("quotes.unmatched-close", "”")],
        ),
        (
            "He called it “a handout to landlords. He said the council ignored it.\n\n"
            "Przybylski said no.",
            [("quotes.unclosed", "“")],
        ),
        (
            "“We listened to every objection“ Solbakken said.",
            [("punctuation.missing-comma-quote", "objection“"), ("quotes.wrong-direction", "“")],
        ),
        (
            'The group was "saddened but not shocked” by the vote.',
            [("quotes.mixed-pair", '"')],
        ),
        (
            "She said it was “saddened but not shocked”.",
            [("punctuation.outside-quote", "”.")],
        ),
        ("In the ‘90s the pier closed.", [("quotes.wrong-direction", "‘")]),
        (
            "“They keep saying “temporary” but nobody knows,” he said.",
            [("quotes.nested", "“")],
        ),
    ],
)
def test_broken_marks_are_caught(text: str, expected: list[tuple[str, str]]) -> None:
    assert rules_at(text) == expected


def test_missing_continuation_mark_is_caught_at_the_paragraph() -> None:
    text = "“We have waited long enough.\n\nThis vote is the end of the waiting,” she said."
    findings = quote_findings(text)
    assert [(f.rule, f.suggestions) for f in findings] == [("quotes.missing-continuation", ("“T",))]
    assert findings[0].start == text.index("This")


def test_partial_quotation_must_close_in_its_paragraph() -> None:
    text = "He called it “a handout to landlords.\n\n“It is not,” she said."
    assert rules_at(text) == [("quotes.unclosed", "“")]


def test_lost_closing_mark_before_attribution() -> None:
    text = "“We waited long enough, she said.\n\n“The end,” he said."
    assert rules_at(text) == [("quotes.unclosed", "“")]


@pytest.mark.parametrize(
    "text",
    [
        # A quotation over two paragraphs: open both, close only the last.
        "“We have waited long enough,” Solbakken said. “Every year the piers rot.\n\n"
        "“This vote is the end of the waiting.”",
        "The city’s ferry, the ’90s, rock ’n’ roll at 5 o’clock, the Joneses’ dog, "
        "Ngũgĩ wa Thiong’o and ’em.",
        "Residents told him: “They keep saying ‘temporary’ but nobody can say for how long.”",
        "She said the plan would “give the riverbank back to the families who fish there.”",
        "A spokesman said the result was a “significant achievement” for the army.",
        "Headline: Mayor calls plan ‘a handout’",
        "He said, “We will be back.” Then he left.",
        "“We will — and I mean this — win,” he said. “Why now?” she asked.",
        "(“We’re done,” he said.) The film “Oppenheimer” won.",
        'He is 6\'2" tall and ordered a 12" pizza at O’Neill’s.',
        "“‘No comment’ is not an answer,” the senator said.",
        "She said, “I told him, ‘You’re fired,’ and he left.”",
    ],
)
def test_correct_quotation_is_left_alone(text: str) -> None:
    assert rules_at(text) == []


def test_british_style_leaves_logical_punctuation_alone() -> None:
    text = "She said it was “saddened but not shocked”."
    assert rules_at(text, style="british") == []


def test_straight_marks_in_a_curly_draft() -> None:
    text = '“One,” she said. “Two,” he said. Then "three" and it\'s done.'
    found = [(f.rule, text[f.start : f.end], f.suggestions) for f in quote_findings(text)]
    assert found == [
        ("quotes.inconsistent", '"', ("“",)),
        ("quotes.inconsistent", '"', ("”",)),
        ("quotes.inconsistent", "'", ("’",)),
    ]


def test_a_straight_draft_is_consistent() -> None:
    assert rules_at('"One," she said. "Two," he said. It\'s done.') == []


def test_quotes_in_code_and_urls_are_not_prose() -> None:
    text = 'Run `print("hi)` or see https://example.org/a”b for “more.”'
    assert rules_at(text, markdown=True) == []


def test_engine_quote_findings_give_way(check: Check) -> None:
    text = (
        "“We have waited long enough,” she said. “Every year the piers rot.\n\n“This vote ends it.”"
    )
    assert [f.rule for f in check(text) if "quote" in f.rule.lower()] == []


# Property tests: generated news paragraphs with correct quotations.

# No word ends in "s": a quoted word like ‘piers’ that lost its opening mark reads as the
# plural possessive piers’, which no checker can tell apart.
_WORDS = st.sampled_from(["the", "council", "voted", "harbor", "plan", "late", "money", "pier"])
_NAMES = st.sampled_from(["Solbakken", "Okechukwu", "Okafor"])


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, min_size=2, max_size=6))
    return " ".join(words).capitalize()


@st.composite
def _paragraph(draw: st.DrawFn) -> list[str]:
    """One or two paragraphs (a running quotation) in one of the forms news copy uses."""
    s1, s2, name = draw(_sentence()), draw(_sentence()), draw(_NAMES)
    inner = draw(_WORDS)
    form = draw(st.integers(0, 6))
    if form == 0:
        return [f"{s1} {name} said."]
    if form == 1:
        return [f"“{s1},” {name} said."]
    if form == 2:
        return [f"{name} said: “{s1}.” {s2}."]
    if form == 3:
        return [f"{name} called it “{inner.lower()} {s2.lower()}” on Monday."]
    if form == 4:
        return [f"“{s1} ‘{inner}’ {s2.lower()},” {name} said."]
    if form == 5:
        return [f"“{s1},” said {name}, a {inner} official. “{s2}.”"]
    return [f"“{s1}.", f"“{s2},” {name} said."]


@st.composite
def drafts(draw: st.DrawFn) -> str:
    groups = draw(st.lists(_paragraph(), min_size=1, max_size=5))
    # A paragraph with a quotation is never followed by one that opens with a quotation
    # mark here: if the first one's closing mark goes, the pair reads as a correct running
    # quotation, and no checker can tell them apart without knowing who is speaking.
    out: list[str] = []
    for group in groups:
        if out and "”" in out[-1] and group[0].startswith("“"):
            out.append("The meeting went on.")
        out.extend(group)
    return "\n\n".join(out)


@settings(max_examples=200, deadline=None)
@given(drafts())
def test_balanced_quotations_are_never_flagged(text: str) -> None:
    assert rules_at(text) == []


@settings(max_examples=200, deadline=None)
@given(drafts(), st.data())
def test_removing_any_mark_is_caught(text: str, data: st.DataObject) -> None:
    marks = [i for i, ch in enumerate(text) if ch in "“”‘" or _is_closing_single(text, i)]
    i = data.draw(st.sampled_from(marks)) if marks else None
    if i is None:
        return
    if text[i] == "“" and _opens_running_quotation(text, i):
        return  # a running quotation's first mark: without it, the rest still reads right
    broken = text[:i] + text[i + 1 :]
    assert quote_findings(broken), broken


def _is_closing_single(text: str, i: int) -> bool:
    return text[i] == "’" and i > 0 and text[i - 1].isalpha() and text[i - 2 : i].isalpha()


def _opens_running_quotation(text: str, i: int) -> bool:
    end = text.find("\n\n", i)
    return end >= 0 and "”" not in text[i:end]


@settings(max_examples=200, deadline=None)
@given(
    drafts(),
    st.lists(st.sampled_from(["turn", "straighten"]), min_size=1, max_size=3),
    st.data(),
)
def test_fixes_apply_cleanly_and_leave_balanced_text(
    text: str, damage: list[str], data: st.DataObject
) -> None:
    marks = [i for i, ch in enumerate(text) if ch in "“”"]
    if not marks:
        return
    broken = list(text)
    for how in damage:
        i = data.draw(st.sampled_from(marks))
        broken[i] = {"turn": {"“": "”", "”": "“"}, "straighten": {"“": '"', "”": '"'}}[how].get(
            broken[i], broken[i]
        )
    damaged = "".join(broken)
    findings = quote_findings(damaged)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(damaged)
    fixed = apply_fixes(
        damaged, [(f.start, f.end, f.suggestions[0]) for f in findings if f.suggestions]
    )
    assert rules_at(fixed) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .,\n“”‘’\"'`")))
def test_any_text_gives_spans_inside_it(text: str) -> None:
    for f in quote_findings(text):
        assert 0 <= f.start < f.end <= len(text)
        if f.suggestions:
            apply_fixes(text, [(f.start, f.end, f.suggestions[0])])


# One slip, one finding: an error never cascades into alarms at later, correct text.

_STORY = "\n\n".join(
    [
        "Ferry Fares to Rise in Spring",
        "The island ferry will charge more from April, the operator said on Monday.",
        "“We held the fare for six years,” said Imogen Achterberg, the operator’s chief. "
        "“Fuel has doubled since then.",
        "“Nobody likes a rise, but the boats have to run.”",
        "Commuters were not persuaded. Tadeusz Ferreira, who crosses twice a day, called "
        "the rise “a tax on the people who can least avoid it.”",
        "“I have no other way to work,” he said. “The bridge is forty minutes away.",
        "“If they raise it again, I will have to move.",
        "“And my children go to school on the island.”",
        "The council said it would review the ‘lifeline’ subsidy in May.",
    ]
)


def _flattened(text: str) -> tuple[str, int]:
    """The story with its paragraph breaks lost (the headline apart), and how many of the
    lost breaks were inside a running quotation."""
    headline, *body = text.split("\n\n")
    running = sum(p.count("“") > p.count("”") for p in body[:-1])
    return headline + "\n\n" + " ".join(body), running


def _alarms(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is not Severity.INFO]


def test_lost_paragraph_breaks_cost_one_note_each() -> None:
    assert quote_findings(_STORY) == []
    flat, running = _flattened(_STORY)
    found = quote_findings(flat)
    assert running == 3
    assert _alarms(found) == []
    assert [f.rule for f in found] == ["quotes.lost-break"] * running
    assert all(flat[f.start] == "“" and flat[f.start - 2] == "." for f in found)


def test_lost_break_in_straight_marks_is_one_note() -> None:
    text = (
        "Okafor said the cost would fall on taxpayers. \"I don't think we can. "
        '"Not this year," she said. "Maybe later."'
    )
    found = quote_findings(text)
    assert [(f.rule, f.severity) for f in found] == [("quotes.lost-break", Severity.INFO)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The closing mark went missing before the attribution: one error, and the next
        # quotation is judged on its own.
        (
            "“We waited long enough, she said. “The pier is rotten,” he said. “Fix it.”",
            [("quotes.unclosed", "“")],
        ),
        # The same, with the verb before the speaker and the speaker's title after.
        (
            "“We waited long enough, said Ama Owusu, a ferry pilot. “Fix it,” he said.",
            [("quotes.unclosed", "“")],
        ),
        # A partial quotation that ran on past its sentence: unclosed, then a fresh start.
        (
            "He called it “a handout to landlords. “It is not,” she said. “Ask them.”",
            [("quotes.unclosed", "“")],
        ),
        # A nested quotation with the wrong mark whose inner closing mark is lost too: one
        # finding, and the quotation after it is not nested in anything.
        (
            "“They say “temporary but nobody knows, he said. “We will see,” she said.",
            [("quotes.nested", "“")],
        ),
    ],
)
def test_one_slip_one_finding(text: str, expected: list[tuple[str, str]]) -> None:
    assert rules_at(text) == expected


# The same drafts typed with straight marks, as wire copy is.
_STRAIGHT = str.maketrans("“”‘’", "\"\"''")


@settings(max_examples=200, deadline=None)
@given(drafts(), st.booleans())
def test_flattened_drafts_raise_no_alarm(text: str, straight: bool) -> None:
    flat, running = _flattened("Headline\n\n" + text)
    flat = flat.translate(_STRAIGHT) if straight else flat
    found = quote_findings(flat)
    assert _alarms(found) == [], flat
    assert len(found) <= running


@settings(max_examples=300, deadline=None)
@given(drafts(), st.booleans(), st.booleans(), st.data())
def test_deleting_one_mark_gives_few_findings_near_it(
    text: str, flat: bool, straight: bool, data: st.DataObject
) -> None:
    if flat:
        text, _ = _flattened("Headline\n\n" + text)
    if straight:
        text = text.translate(_STRAIGHT)
    marks = [i for i, ch in enumerate(text) if ch in "“”‘’\"'"]
    if not marks:
        return
    i = data.draw(st.sampled_from(marks))
    broken = text[:i] + text[i + 1 :]
    # What the intact draft already shows (notes for its lost breaks), where it is now.
    before = {(f.rule, f.start - (f.start > i)) for f in quote_findings(text)}
    found = [f for f in quote_findings(broken) if (f.rule, f.start) not in before]
    assert len(found) <= 2, (broken, found)
    doc = Document(broken)
    here = doc.paragraph_at(i) or doc.paragraphs[-1]
    near = {here.index - 1, here.index, here.index + 1}
    left = [j for j, ch in enumerate(broken) if ch in "“”‘’\"'"]
    # The first evidence of the loss: a mark beside the gap (the quotation's own opening, or
    # the next mark, where a lost close shows as a quotation opened inside it).
    beside = [j for j in left if j < i][-2:] + [j for j in left if j >= i][:2]
    for f in found:
        para = doc.paragraph_at(f.start)
        assert para is not None and para.index in near, (broken, f)
        # Within the quotation the mark belonged to (its sentences are short here), or at a
        # mark beside the gap when a lost paragraph break made the quotation run on.
        assert abs(f.start - i) <= 120 or f.start in beside, (broken, f)


# Closing punctuation follows the draft: quote-style auto.


def _punctuation(text: str, style: str = "auto", dialect: Dialect = Dialect.AMERICAN) -> list[str]:
    ctx = CheckContext(quote_style=style, dialect=dialect)
    found = QuoteChecker().check_document(Document(text), ctx)
    return [f"{f.rule}:{text[f.start : f.end]}" for f in found if f.rule.startswith("punct")]


_LOGICAL = (
    "The minister called the deal “a win for the region”. Critics said it was “too little”, "
    "and the union called it “a start.” She said: “We will keep pushing.”"
)
_AMERICAN = (
    "The minister called the deal “a win for the region.” Critics said it was “too little,” "
    "and the union called it “a start”. She said: “We will keep pushing.”"
)


def test_auto_follows_the_drafts_majority_and_flags_the_minority() -> None:
    # Two fragments punctuated outside against one inside: the draft is logical.
    assert _punctuation(_LOGICAL) == ["punctuation.inside-quote:.”"]
    assert _punctuation(_AMERICAN) == ["punctuation.outside-quote:”."]


def test_auto_without_a_majority_follows_the_dialect() -> None:
    text = "Critics said it was “too little”, and the union called it “a start.”"
    assert _punctuation(text, dialect=Dialect.AMERICAN) == ["punctuation.outside-quote:”,"]
    assert _punctuation(text, dialect=Dialect.AUSTRALIAN) == ["punctuation.inside-quote:.”"]


def test_a_setting_forces_the_style() -> None:
    assert _punctuation(_LOGICAL, style="american") == [
        "punctuation.outside-quote:”.",
        "punctuation.outside-quote:”,",
    ]
    assert _punctuation(_AMERICAN, style="british") == [
        "punctuation.inside-quote:.”",
        "punctuation.inside-quote:,”",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A quoted sentence keeps its own period in logical style too.
        "She said: “We will keep pushing.” He said: “So will we.”",
        "“We will keep pushing,” she said.",
        # An abbreviation's period and an ellipsis are not the fragment's punctuation.
        "He said the plant was “made in the U.S.” and “it will stay open...”",
    ],
)
def test_british_style_leaves_quoted_sentences_alone(text: str) -> None:
    assert _punctuation(text, style="british") == []


def test_a_quotation_that_runs_over_unmarked_paragraphs_is_one_finding() -> None:
    # Verse quoted inside a speech, its paragraphs without marks: one missing continuation
    # where the quotation first runs on, not "unclosed" and then "no opening mark".
    text = (
        "“Can it be a ship? Read it again.\n\n"
        "The monarch of the seas, the lord of the earth.\n\n"
        "Or a shark? I cannot guess it,” she said."
    )
    assert rules_at(text) == [("quotes.missing-continuation", "T")]


def test_a_quotation_left_open_before_unmarked_paragraphs_is_unclosed() -> None:
    text = "He said: “We won the vote.\n\nThe count took an hour.\n\n“It is over,” she said."
    assert rules_at(text) == [("quotes.unclosed", "“")]


def test_a_quotation_resumed_after_its_attribution_may_run_on() -> None:
    text = "“It was my wish,” he added, “as soon as the vote was in.\n\n“Then we could start.”"
    assert rules_at(text) == []
    # A fragment in the reporter's own sentence still closes in its paragraph.
    assert rules_at("He called it “a handout.\n\n“Then we could start.”") == [
        ("quotes.unclosed", "“")
    ]


def test_tex_style_quotations_pair_and_get_one_note() -> None:
    text = (
        "Move from `stable' to `testing' when it is `frozen' for good\n\n"
        "The ``release notes'' say why, and Ann's `hello' works."
    )
    found = quote_findings(text)
    assert [(f.rule, f.severity, text[f.start : f.end], f.suggestions) for f in found] == [
        ("quotes.tex-style", Severity.INFO, "`stable'", ("‘stable’",))
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A backtick that nothing closes TeX-style is markup or a typo, not a quotation.
        "Wrap the name in `backquotes for the parser to read it.",
        "The hook runs `make clean first, then the build.\n\nIt ends when the build ends.",
        "Type `<name>`_ for a link, then a `space and the text.",
    ],
)
def test_a_backtick_nothing_closes_is_not_an_unclosed_quotation(text: str) -> None:
    assert [r for r in rules_at(text) if r[0].startswith("quotes.")] == []


def test_a_backtick_closed_tex_style_still_opens_a_quotation() -> None:
    assert rules_at("It moved to `testing' at last.") == [("quotes.tex-style", "`testing'")]
    # Its closer decides, wherever in the paragraph: here after a word with an apostrophe.
    text = "He wrote `it's done, Ann's too' and left."
    assert [r[0] for r in rules_at(text)] == ["quotes.tex-style"]


def test_smart_quotes_turn_tex_quotations_curly() -> None:
    text = "Move from `stable' to ``testing'' now, it's time."
    doc = Document(text)
    edits = smart_quotes([(p.start, p.text) for p in doc.paragraphs], Spans([]))
    assert apply_fixes(text, edits) == "Move from ‘stable’ to “testing” now, it’s time."


@pytest.mark.parametrize(
    "text",
    [
        "Run `ls` and then `make install` in the folder.",
        'Versions as different as "19990513" and "1.3.8pre1" sort right.',
        'It runs on both ("kfreebsd-amd64") and ("kfreebsd-i386").',
        "The default level will be '2' at boot, and '8' means 8-bit.",
        'The disc "Developer Set November 1995" was not "Debian 1.0" at all.',
        'He is 6\'2" tall and carried a 12" pizza.',
        "The name is said Deb'-ee-en, stressing the first part.",
        'Point a browser at "http://localhost:631/" to print.',
        "The guide is at “https://example.org/guide/” and in print.",
        # A continuation mark with a space after it still opens its paragraph.
        '"We began in spring.\n\n" ... Then we grew.\n\n"And that was all."',
    ],
)
def test_code_figures_and_primes_are_not_broken_quotations(text: str) -> None:
    assert [r for r in rules_at(text) if r[0].startswith("quotes.")] == []


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=0, max_value=40))
def test_inconsistent_marks_raise_few_alarms_however_many(straight: int, curly: int) -> None:
    """A few stray marks are each a slip with a fix; a draft mixing two kinds throughout is
    one cause, one finding."""
    pieces = [f'"Word {i}," one said.' for i in range(straight)]
    pieces += [f"“Word {i},” one said." for i in range(curly)]
    found = [f for f in quote_findings(" ".join(pieces)) if f.rule == "quotes.inconsistent"]
    assert len(found) <= 3
    assert bool(found) == bool(curly)
    assert all(f.suggestions for f in found) or len(found) == 1


def test_a_straight_stray_beside_turned_curly_marks_is_still_a_stray() -> None:
    # Both curly marks are turned (each has its own finding); the straight opening mark is
    # a stray in a curly draft all the same, so fixing everything leaves clean text.
    damaged = '"The ferry ran.\n\n”It ran late,“ Okafor said.'
    assert rules_at(damaged) == [
        ("quotes.inconsistent", '"'),
        ("quotes.wrong-direction", "”"),
        ("quotes.wrong-direction", "“"),
    ]
