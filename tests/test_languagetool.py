"""The LanguageTool adapter, with the real library, against a local /v2/check server."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from proofer.checkers.languagetool import LanguageToolChecker
from proofer.cli import main
from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.proofreader import Proofreader
from tests.lt_protocol_server import Behaviour, lt_protocol_server


def proofread(url: str, engine: HarperEngine, text: str, timeout: float = 5.0, entities: str = ""):
    checker = LanguageToolChecker(url, timeout)
    config = Config(languagetool=url)
    proofreader = Proofreader(config, engine, [checker])
    if entities:
        proofreader.known.add(entities.split())
    return proofreader.check(Document(text)), checker


def test_matches_become_findings_with_offsets_past_an_emoji(engine: HarperEngine) -> None:
    text = "Fans 😀😀 cheered. They went to the shop."
    behaviour = Behaviour(
        matches=[("went to", "WENT_TO", "GRAMMAR", "A made-up rule.", ["walked to"])]
    )
    with lt_protocol_server(behaviour) as url:
        report, checker = proofread(url, engine, text)
    [finding] = [f for f in report.findings if f.engine.value == "languagetool"]
    assert text[finding.start : finding.end] == "went to"
    assert finding.rule == "lt.WENT_TO"
    assert finding.suggestions == ("walked to",)
    assert checker.status == "on"
    assert behaviour.requests[0]["language"] == "en-US"


def test_span_covering_an_emoji_is_converted_from_utf16(engine: HarperEngine) -> None:
    text = "Ahead: 😀😀 ok."
    behaviour = Behaviour(matches=[("😀😀", "EMOJI", "STYLE", "Two emoji.", [])])
    with lt_protocol_server(behaviour) as url:
        report, _ = proofread(url, engine, text)
    [finding] = [f for f in report.findings if f.rule == "lt.EMOJI"]
    assert text[finding.start : finding.end] == "😀😀"


def test_spelling_matches_go_through_the_entity_list(engine: HarperEngine) -> None:
    text = "Przybylski voted no on the plann."
    behaviour = Behaviour(
        matches=[
            ("Przybylski", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake.", []),
            ("plann", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake.", ["plan"]),
        ]
    )
    with lt_protocol_server(behaviour) as url:
        report, _ = proofread(url, engine, text, entities="Przybylski")
    flagged = [text[f.start : f.end] for f in report.findings]
    assert flagged == ["plann"]  # one finding, not one from each engine


def test_quote_matches_are_left_to_the_quote_checker(engine: HarperEngine) -> None:
    text = "“We have been patient for years,” she said."
    behaviour = Behaviour(matches=[("“", "EN_UNPAIRED_QUOTES", "PUNCTUATION", "Unpaired.", [])])
    with lt_protocol_server(behaviour) as url:
        report, _ = proofread(url, engine, text)
    assert [f.rule for f in report.findings if f.rule.startswith("lt.")] == []


@pytest.mark.parametrize(
    ("mode", "why"),
    [("error", "OutOfMemoryError"), ("malformed", ""), ("slow", "no answer within 1 s")],
)
def test_failures_fall_back_to_the_embedded_engine(
    engine: HarperEngine, mode: str, why: str
) -> None:
    text = "Chilean Senator Sebastain Moreno spoke."
    behaviour = Behaviour(mode=mode, delay=3.0)
    with lt_protocol_server(behaviour) as url:
        started = time.monotonic()
        report, checker = proofread(url, engine, text, timeout=1.0)
        elapsed = time.monotonic() - started
    assert [f.rule for f in report.findings] == ["spelling.name-typo"]
    assert len(report.notices) == 1 and "LanguageTool is unavailable" in report.notices[0]
    assert why in report.notices[0]
    assert checker.status.startswith("unavailable")
    assert elapsed < 2.5


def test_connection_refused(engine: HarperEngine) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the check: nothing listens
    report, _ = proofread(f"http://127.0.0.1:{port}", engine, "Fine text.")
    assert report.findings == []
    assert "cannot connect" in report.notices[0]


def test_command_line_says_so_once_and_still_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = []
    for i in range(2):
        draft = tmp_path / f"d{i}.txt"
        draft.write_text("resumption of negoitations\n", encoding="utf-8")
        drafts.append(str(draft))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    status = main(["check", *drafts, "--languagetool", f"http://127.0.0.1:{port}"])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err.count("LanguageTool is unavailable") == 1
    assert captured.out.count("(suggest: negotiations)") == 2
