"""One long draft spread over processes: the same report as one process gives, with progress."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from proofer import proofreader as proofreading
from proofer.document import Document
from proofer.proofreader import Proofreader

# Paragraphs of a story with slips of every kind the draft-wide checks weigh: misspellings,
# a name spelled two ways, a quotation running over paragraphs, an age and a weekday that
# disagree, a word spelled two ways.
PARAGRAPHS = [
    "Harbour commisioner Tomasz Wielgosz said on Tuesday, March 4, the ferry would run late.",
    "“We have waited long enough for the new pier,” said Wielgosz, 54.",
    "“The council promised it in the spring.",
    "“It is now autumn and nothing has been built,” he added.",
    "Commissioner Tomasz Wielgocz, 56, told reporters the the e-mail had gone unanswered.",
    "The email from the harbour office said the ferrys would resume on Wednesday, March 4.",
    "Residents said the waterfront was dangerous after dark, and the lights were broken.",
    "She called the plan “a waste of everyones time and money and said it would fail.",
]


def long_draft(copies: int) -> str:
    """The story's paragraphs over and over, each copy numbered so no two are alike."""
    return "\n\n".join(f"Part {k}. {p}" for k in range(copies) for p in PARAGRAPHS)


@pytest.fixture
def spread_small(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spread drafts of a few thousand words, in stretches of a few paragraphs."""
    monkeypatch.setattr(proofreading, "SPREAD_CHARS", 10_000)
    monkeypatch.setattr(proofreading, "_STRETCH_CHARS", 2_000)


@pytest.mark.usefixtures("spread_small")
def test_a_long_draft_checked_by_workers_reports_what_one_process_does(tmp_path: Path) -> None:
    doc = Document(long_draft(40))  # about 30,000 characters
    alone = Proofreader().check(doc)

    spread = Proofreader()
    pids = tmp_path / "pids"
    own = spread.check_paragraph

    def noted(text: str, ctx: proofreading.CheckContext) -> list[proofreading.Finding]:
        with pids.open("a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return own(text, ctx)

    spread.check_paragraph = noted  # type: ignore[method-assign]
    together = spread.check(doc, workers=2)

    readers = set(pids.read_text(encoding="utf-8").split())
    assert str(os.getpid()) not in readers  # the paragraphs were read in other processes
    assert together.findings == alone.findings
    assert (together.dialect, together.notices, together.listed) == (
        alone.dialect,
        alone.notices,
        alone.listed,
    )
    # Found in the paragraphs (by the workers) and across the draft (here):
    rules = {f.rule for f in together.findings}
    assert {"spelling.unknown", "grammar.repeated-word"} <= rules
    assert {"quotes.unclosed", "names.inconsistent", "facts.variant-spelling"} <= rules


@pytest.mark.usefixtures("spread_small")
def test_a_spread_check_still_reports_its_progress_and_can_stop() -> None:
    doc = Document(long_draft(40))
    total = len(doc.paragraphs)
    seen: list[tuple[int, int]] = []

    def progress(done: int, of: int) -> bool:
        seen.append((done, of))
        return False

    Proofreader().check(doc, should_stop=progress, workers=2)
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert len(seen) > 2 and [d for d, _ in seen] == sorted(d for d, _ in seen)

    with pytest.raises(proofreading.CheckCancelled):
        Proofreader().check(doc, should_stop=lambda done, _: done > 0, workers=2)


def test_a_short_draft_is_checked_here_whatever_the_workers() -> None:
    proofreader = Proofreader()
    own = proofreader.check_paragraph
    readers: set[int] = set()

    def noted(text: str, ctx: proofreading.CheckContext) -> list[proofreading.Finding]:
        readers.add(os.getpid())
        return own(text, ctx)

    proofreader.check_paragraph = noted  # type: ignore[method-assign]
    proofreader.check(Document(long_draft(2)), workers=2)
    assert readers == {os.getpid()}
