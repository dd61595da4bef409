"""The HTML report: complete, linked, inert, well formed, and on the right words."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proofer import html_report
from proofer.cli import main
from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.findings import Category, Finding, Severity
from proofer.html_report import CheckedDraft, render
from proofer.proofreader import Proofreader, rule_book

ENTITIES = "Henriette Solbakken | Solbakken\n"
DRAFT = (
    "Harbour Plan Approved\n\n"
    "Henriete Solbakken said the the vote was “overdue.  Work begins in Febuary..\n\n"
    "The council , which met on Tuesday, published its enviromental report.\n"
)
_VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class Page(HTMLParser):
    """A parsed report: its ids, links, text, and the text inside each finding's highlight;
    any unbalanced tag is recorded as a problem."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.text: list[str] = []
        self.highlighted: dict[str, str] = {}
        self.feed(html)
        self.close()
        if self.stack:
            self.problems.append(f"left open: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.add(tag)
        self.handlers += [name for name in found if name.startswith("on")]
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if found.get("href"):
            self.hrefs.append(str(found["href"]))
        if tag not in _VOID:
            self.stack.append((tag, found.get("data-finding")))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for _, key in self.stack:
            if key:
                self.highlighted[key] = self.highlighted.get(key, "") + data

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def _page(
    text: str, findings: list[Finding], config: Config | None = None, path: str = "story.txt"
) -> str:
    draft = CheckedDraft(Document(text, path), findings, config or Config())
    return render([draft], rule_book(), when=datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc))


@pytest.fixture
def checked(engine: HarperEngine, tmp_path: Path) -> tuple[str, list[Finding], str]:
    """DRAFT checked for real with its entity list: the text, the findings and the page."""
    entities = tmp_path / "names.txt"
    entities.write_text(ENTITIES, encoding="utf-8")
    config = Config(entities=(entities,), ignore=("harper.OxfordComma",))
    proofreader = Proofreader(config, engine)
    report = proofreader.check(Document(DRAFT, "story.txt"))
    draft = CheckedDraft(Document(DRAFT, "story.txt"), report.findings, config, report.dialect)
    return DRAFT, report.findings, render([draft], proofreader.rules)


def test_page_names_every_finding_its_rule_and_explanation(
    checked: tuple[str, list[Finding], str],
) -> None:
    _, findings, html = checked
    page = Page(html)
    rules = rule_book()
    assert len(findings) >= 5
    for f in findings:
        assert f.message in page.all_text
        assert f.rule in page.all_text
        if f.rule in rules:
            assert rules[f.rule].why in page.all_text
    errors = sum(f.severity is Severity.ERROR for f in findings)
    assert f"{errors} error" in page.all_text
    # The settings used: the entity list, the ignored rule, the dialect the check read.
    assert "names.txt" in page.all_text
    assert "harper.OxfordComma" in page.all_text
    assert "the draft reads as american" in page.all_text


def test_numbers_link_to_highlights_and_back(checked: tuple[str, list[Finding], str]) -> None:
    _, findings, html = checked
    page = Page(html)
    assert page.problems == []
    assert len(page.ids) == len(set(page.ids)), "ids are unique"
    assert all(h.startswith("#") for h in page.hrefs), "no link leaves the page"
    assert {h[1:] for h in page.hrefs} <= set(page.ids)
    for n in range(1, len(findings) + 1):
        assert f"#m1-{n}" in page.hrefs and f"#n1-{n}" in page.hrefs
        assert f"m1-{n}" in page.ids and f"n1-{n}" in page.ids


def test_highlights_cover_exactly_the_flagged_text(checked: tuple[str, list[Finding], str]) -> None:
    text, findings, html = checked
    page = Page(html)
    for n, f in enumerate(sorted(findings, key=lambda f: (f.start, f.end)), 1):
        assert page.highlighted.get(f"1-{n}", "") == text[f.start : f.end]


def test_draft_and_messages_stay_inert() -> None:
    text = 'Read <script>alert("x")</script> and <img src=x onerror="alert(1)"> &amp; more.\n'
    start = text.index("<script>")
    hostile = Finding(
        start,
        start + 8,
        Category.TYPOGRAPHY,
        "typography.<b>bold</b>",
        'A "message" with <script>alert(2)</script> in it.',
        ("<i>fix</i>",),
    )
    config = Config(ignore=("<style>",), dictionary=(Path("/tmp/<evil>.txt"),))
    html = _page(text, [hostile], config, path="<script>.txt")
    page = Page(html)
    assert page.problems == []
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert "i" not in page.tags
    assert page.handlers == []
    # Shown as the writer typed it (the finding's number follows its highlight).
    assert f"{text[: start + 8]}1{text[start + 8 :]}" in page.all_text
    assert 'A "message" with <script>alert(2)</script> in it.' in page.all_text
    assert "<i>fix</i>" in page.all_text and "/tmp/<evil>.txt" in page.all_text
    assert page.highlighted["1-1"] == "<script>"
    # Only the page's own style sheet: no script, no external resource can load.
    assert html.count("<style>") == 1 and "default-src 'none'" in html


_TEXTS = st.text(alphabet=st.sampled_from("ab <&>\"'\n😀é\u00a0\t"), min_size=0, max_size=40)


@st.composite
def _text_and_findings(draw: st.DrawFn) -> tuple[str, list[Finding]]:
    text = draw(_TEXTS)
    n = len(text)
    findings = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        findings.append(
            Finding(
                start,
                end,
                draw(st.sampled_from(list(Category))),
                "spelling.unknown",
                "a <message>",
                severity=draw(st.sampled_from(list(Severity))),
            )
        )
    return text, findings


@settings(max_examples=150, deadline=None)
@given(_text_and_findings())
def test_any_overlap_gives_well_formed_markup_on_the_right_text(
    case: tuple[str, list[Finding]],
) -> None:
    text, findings = case
    page = Page(_page(text, findings))
    assert page.problems == []
    assert {h[1:] for h in page.hrefs} <= set(page.ids)
    for n, f in enumerate(sorted(findings, key=lambda f: (f.start, f.end)), 1):
        assert page.highlighted.get(f"1-{n}", "") == text[f.start : f.end]
        assert f"m1-{n}" in page.ids


def test_emoji_before_a_finding_keeps_the_highlight_on_its_word(engine: HarperEngine) -> None:
    text = "🎉🎉 Résumé day 🇺🇳: the council published its enviromental report.\n"
    findings = Proofreader(Config(), engine).check(Document(text)).findings
    typo = next(f for f in findings if f.rule.startswith("spelling."))
    assert text[typo.start : typo.end] == "enviromental"
    page = Page(_page(text, findings))
    n = sorted(findings, key=lambda f: (f.start, f.end)).index(typo) + 1
    assert page.highlighted[f"1-{n}"] == "enviromental"


def test_line_endings_and_paragraphs_are_kept() -> None:
    text = "First line.\r\nSecond line.\r\n\r\nNew paragraph, with a slipp.\r\n"
    start = text.index("slipp")
    f = Finding(start, start + 5, Category.SPELLING, "spelling.unknown", "Slip.", ("slip",))
    page = Page(_page(text, [f]))
    assert "First line.\nSecond line.\n\nNew paragraph" in page.all_text
    assert page.highlighted["1-1"] == "slipp"


def test_several_drafts_make_one_page_with_a_section_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("The the vote was close.\n", encoding="utf-8")
    second.write_text("A clean sentence about the harbour.\n", encoding="utf-8")
    status = main(["check", str(first), str(second), "--format", "html"])
    html = capsys.readouterr().out
    page = Page(html)
    assert status == 1 and page.problems == []
    assert {"file-1", "file-2"} <= set(page.ids)
    assert str(first) in page.all_text and str(second) in page.all_text
    assert "No findings: nothing to correct." in page.all_text
    assert {h[1:] for h in page.hrefs} <= set(page.ids)


def _installed_proofer() -> str:
    return str(Path(sys.executable).parent / "proofer")


@pytest.mark.parametrize(
    ("text", "status"),
    [(DRAFT, 1), ("The council met on Tuesday.\n", 0)],
)
def test_installed_command_prints_the_page_with_the_text_formats_status(
    tmp_path: Path, text: str, status: int
) -> None:
    draft = tmp_path / "story.txt"
    draft.write_text(text, encoding="utf-8")
    as_html = subprocess.run(
        [_installed_proofer(), "check", str(draft), "--format", "html"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    as_text = subprocess.run(
        [_installed_proofer(), "check", str(draft)], capture_output=True, text=True
    )
    assert as_html.returncode == as_text.returncode == status
    assert as_html.stdout.startswith("<!DOCTYPE html>")
    assert Page(as_html.stdout).problems == []
    for line in as_text.stdout.splitlines():
        rule = line.split("[", 1)[1].split("]", 1)[0]
        assert rule in as_html.stdout


def test_harper_rules_are_explained_in_harpers_words(engine: HarperEngine) -> None:
    text = "She bought a apple yesterday.\n"
    proofreader = Proofreader(Config(), engine)
    report = proofreader.check(Document(text))
    harper_rules = {f.rule for f in report.findings if f.rule.startswith("harper.")}
    assert harper_rules
    described = engine.linter(report.dialect).get_lint_descriptions()
    page = Page(
        html_report.page(
            proofreader, [CheckedDraft(Document(text), report.findings, proofreader.config)]
        )
    )
    for rule in harper_rules:
        words = described[rule.removeprefix("harper.")].replace("`", "")
        assert words in page.all_text
