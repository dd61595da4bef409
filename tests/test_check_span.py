"""A check of one span of a draft (what an editor has on screen) and what a report carries."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.proofreader import CheckCancelled, Proofreader

PARAGRAPHS = [
    "The harbour comittee met on Tuesday.",
    "Its chair said the vote was close.",
    "She had recieved the letter too late.",
    "Some `codde` in backticks is not prose.",
    "The ferry will sale at noon tomorow.",
]


@pytest.fixture
def proofreader(engine: HarperEngine) -> Proofreader:
    return Proofreader(Config(), engine)


def _doc() -> Document:
    return Document("\n\n".join(PARAGRAPHS), markdown=True)


def test_a_span_gets_the_findings_of_the_paragraphs_it_touches(proofreader: Proofreader) -> None:
    doc = _doc()
    full = proofreader.check(doc)
    third = doc.paragraphs[2]
    fourth = doc.paragraphs[3]
    seen = proofreader.check(doc, only=(third.start + 3, fourth.start + 1))
    assert seen.partial and not full.partial
    texts = {doc.text[f.start : f.end] for f in seen.findings}
    assert "recieved" in texts
    assert "codde" not in texts  # masked as in a full check
    assert all(third.start <= f.start and f.end <= fourth.end for f in seen.findings)
    # The paragraph findings agree with the full check's over the same stretch.
    in_full = {
        (f.start, f.end, f.rule)
        for f in full.findings
        if third.start <= f.start and f.end <= fourth.end
    }
    assert {(f.start, f.end, f.rule) for f in seen.findings} <= in_full


def test_a_span_check_stops_when_asked(proofreader: Proofreader) -> None:
    doc = _doc()
    with pytest.raises(CheckCancelled):
        proofreader.check(doc, only=(0, len(doc.text)), should_stop=lambda done, total: True)


def test_a_full_report_carries_listed_names_and_explanations(
    engine: HarperEngine, tmp_path: Path
) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Adaeze Okonkwo\n", encoding="utf-8")
    proofreader = Proofreader(Config(entities=(names,)), engine)
    doc = Document("Adaeze Okonkwo opened the harbour on Monday.")
    report = proofreader.check(doc)
    assert report.listed == ["Adaeze Okonkwo"]
    assert report.languagetool == "off"
    assert report.explanations and all(k.startswith("harper.") for k in report.explanations)
    assert proofreader.check(doc, only=(0, 5)).listed == []
