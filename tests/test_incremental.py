"""Re-checking an edited draft: a proofreader that remembers the paragraphs it has read gives
exactly the findings a fresh one gives on the edited draft."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.corpus import Story, stories
from proofer.config import Config
from proofer.document import Document
from proofer.memo import Memo
from proofer.proofreader import Proofreader

STORIES = stories()
_WARM: dict[str, Proofreader] = {}
# Words an edit may put in: the corpus's own (names, capitals, hyphenated words move between
# paragraphs) and a few that start draft-wide comparisons of their own.
_EXTRA = ("co-operate", "cooperate", "Mr.", "Sen.", "former", "the", "colour", "organise")


def _config(story: Story) -> Config:
    return Config(entities=[story.entities])


def _warm(story: Story) -> Proofreader:
    """One proofreader per story for the whole run: its memory carries over every example."""
    if story.name not in _WARM:
        _WARM[story.name] = Proofreader(_config(story))
    return _WARM[story.name]


def _edit(text: str, paragraph: int, word: int, new: str) -> str:
    """``text`` with one word of one paragraph replaced by ``new`` (empty: deleted)."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    i = filled[paragraph % len(filled)]
    spans = [m.span() for m in re.finditer(r"\S+", lines[i])]
    s, e = spans[word % len(spans)]
    lines[i] = lines[i][:s] + new + lines[i][e:]
    return "\n".join(lines)


@st.composite
def _edits(draw: st.DrawFn) -> tuple[Story, bool, list[tuple[int, int, str]]]:
    story = draw(st.sampled_from(STORIES))
    pool = sorted(set(story.text.split()) | set(_EXTRA))
    edit = st.tuples(st.integers(0, 200), st.integers(0, 200), st.sampled_from(pool) | st.just(""))
    # One line per paragraph (no blank lines) is the other way drafts arrive.
    return story, draw(st.booleans()), draw(st.lists(edit, min_size=1, max_size=3))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_edits())
def test_an_edited_draft_checks_as_a_fresh_proofreader_checks_it(
    case: tuple[Story, bool, list[tuple[int, int, str]]],
) -> None:
    story, single_lines, edits = case
    text = story.text.replace("\n\n", "\n") if single_lines else story.text
    warm = _warm(story)
    warm.check(Document(text))
    for paragraph, word, new in edits:
        text = _edit(text, paragraph, word, new)
        again = warm.check(Document(text))
    fresh = Proofreader(_config(story)).check(Document(text))
    assert again.dialect == fresh.dialect
    assert again.findings == fresh.findings


def test_paragraphs_are_read_one_by_one_only_when_nothing_stands_between_them() -> None:
    assert Document("First one.\n\nSecond one.\n").separated
    # A format's own spans may leave text out, or meet with no break between them.
    assert not Document("First one. Aside. Second", paragraph_spans=[(0, 10), (18, 24)]).separated
    assert not Document("FirstSecond", paragraph_spans=[(0, 5), (5, 11)]).separated


def test_the_memo_keeps_the_most_recently_used_readings_up_to_its_size_in_characters() -> None:
    memo = Memo(8)
    reads: list[str] = []

    def length(text: str) -> int:
        reads.append(text)
        return len(text)

    assert [memo.read(length, t) for t in ("one", "three", "one")] == [3, 5, 3]
    memo.read(length, "seven")  # 13 characters in all: pushes out "three", the least recent
    memo.read(length, "one")
    memo.read(length, "three")
    memo.read(length, "a text longer than the memo")  # read, never kept
    memo.read(length, "a text longer than the memo")
    assert reads == ["one", "three", "seven", "three"] + ["a text longer than the memo"] * 2
    assert len(memo) == 2  # "one" and "three": eight characters


def test_a_draft_too_long_for_the_memo_is_read_without_it_and_checks_the_same() -> None:
    story = STORIES[0]
    small = Proofreader(_config(story))
    small.memo = Memo(len(story.text) * 2)  # holds two readings of each paragraph, not four
    large = Proofreader(_config(story))
    first = small.check(Document(story.text))
    assert len(small.memo) == 0  # it would only have pushed out its own paragraphs
    assert first.findings == large.check(Document(story.text)).findings
    assert len(large.memo) > 0
    short = Document(story.text[: len(story.text) // 4])
    assert small.check(short).findings == large.check(short).findings
    assert len(small.memo) > 0  # a draft it can hold is remembered
