"""The engine owns the check and remembers paragraphs; the editor's worker keeps both."""

from __future__ import annotations

import os
from pathlib import Path

import harper
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.proofreader import Proofreader
from ui.checking import BackgroundChecker, CheckRequest, CheckResult

ROOT = Path(__file__).resolve().parent.parent
STORY = "The council met on Monday.\n\nIts comittee voted late.\n\nFerries run every day.\n"


def _counting(proofreader: Proofreader) -> list[str]:
    """Record the paragraphs that reach the first paragraph checker."""
    seen: list[str] = []
    checker = proofreader.paragraph_checkers[0]
    original = checker.check_paragraph

    def check_paragraph(text, ctx):  # type: ignore[no-untyped-def]
        seen.append(text)
        return original(text, ctx)

    checker.check_paragraph = check_paragraph  # type: ignore[method-assign]
    return seen


def test_only_changed_paragraphs_are_checked_again(engine: HarperEngine) -> None:
    proofreader = Proofreader(Config(), engine)
    seen = _counting(proofreader)
    first = proofreader.check(Document(STORY))
    assert len(seen) == 3
    edited = STORY.replace("late", "late on Tuesday")
    second = proofreader.check(Document(edited))
    assert seen[3:] == ["Its comittee voted late on Tuesday."]
    assert [edited[f.start : f.end] for f in second.findings] == [
        STORY[f.start : f.end] for f in first.findings
    ]
    again = proofreader.check(Document(STORY))
    assert len(seen) == 4 and again.findings == first.findings


def test_the_remembered_result_is_the_fresh_one(engine: HarperEngine) -> None:
    """Whatever the cache holds, a check gives what a new proofreader would."""
    texts = [
        STORY,
        STORY + "\nThe colour of the boats changed.\n",  # a British spelling in an American draft
        "The colour of the boats changed.\n\nThe harbour reopened.\n",  # now a British draft
        "# Vote\n\nIts comittee voted late.\n",
    ]
    warm = Proofreader(Config(), engine)
    for text in texts + texts[::-1]:
        for markdown in (False, True):
            cached = warm.check(Document(text, markdown=markdown)).findings
            fresh = Proofreader(Config(), engine).check(Document(text, markdown=markdown))
            assert cached == fresh.findings


def test_the_worker_keeps_its_engine_between_jobs(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    built: list[object] = []
    real = harper.Linter

    def counted(*args: object, **kwargs: object) -> harper.Linter:
        built.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(harper, "Linter", counted)
    checker = BackgroundChecker(Config())
    text = (ROOT / "resources" / "sample-draft.txt").read_text(encoding="utf-8")
    results: list[CheckResult] = []
    checker.checked.connect(results.append)
    try:
        for revision in range(1, 4):
            with qtbot.waitSignal(checker.checked, timeout=60_000):
                checker.check_now(CheckRequest(revision, text + "More." * revision))
            if revision == 1:
                after_first = len(built)
        assert after_first > 0 and len(built) == after_first  # no linter built again
        assert [r.revision for r in results] == [1, 2, 3]
    finally:
        checker.shutdown()
