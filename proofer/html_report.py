"""The report a writer reads: one self-contained HTML page per check.

The page shows each draft with every finding highlighted and numbered, the findings grouped
by category (each number links to its highlight and back), the rules' explanations, the
counts and the settings used. It needs nothing but itself: no script, no external file, no
network (a Content-Security-Policy forbids them), and it prints as a proof would.

Every piece of the draft, of a message and of a setting is escaped, so a draft containing
markup shows it as text. Highlights use the engine's offsets (code points) directly, and
overlapping findings are drawn as nested spans split at every boundary, so the markup stays
well formed however the findings cross.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from itertools import pairwise
from pathlib import PurePath

from proofer import __version__
from proofer.checkers import grammar
from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import Dialect
from proofer.findings import Category, Finding, Severity
from proofer.palette import CATEGORY_COLOURS, SEVERITY_NAMES, SEVERITY_SYMBOLS, counted
from proofer.proofreader import Proofreader
from proofer.rules import Rule

# Characters HTML does not allow in text; shown as the replacement character (one for one,
# so nothing shifts).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EXCERPT = 80  # longest flagged text quoted in the list of findings
_AROUND = 40  # characters of context either side of it
_DEPTHS = 3  # nested highlights get stacked underlines up to this depth


@dataclass(frozen=True)
class CheckedDraft:
    """One draft's check, as the report shows it.

    ``dialect`` is the one the check used (what ``auto`` decided), ``notices`` what the
    check told the user (an engine that was unavailable, say).
    """

    doc: Document
    findings: Sequence[Finding]
    config: Config
    dialect: Dialect | None = None
    notices: Sequence[str] = ()


def render(
    drafts: Sequence[CheckedDraft],
    rules: Mapping[str, Rule],
    explanations: Mapping[str, str] | None = None,
    when: datetime | None = None,
) -> str:
    """The whole page for ``drafts`` (one section each).

    ``rules`` explains the project's rules (``Proofreader.rules``); ``explanations`` gives a
    line for rules outside the rule book, by id (Harper's own, say). ``when`` is the time of
    the check (now, by default).
    """
    when = when or datetime.now(timezone.utc)
    glossary = _Glossary(rules, explanations or {})
    sections = [
        _draft_section(i, d, glossary, many=len(drafts) > 1) for i, d in enumerate(drafts, 1)
    ]
    one = len(drafts) == 1
    title = PurePath(_name(drafts[0].doc)).name if one else f"{len(drafts)} drafts"
    all_findings = [f for d in drafts for f in d.findings]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Proofer report: {escape(title)}</title>",
        f"<style>{_css()}</style>",
        "</head>",
        "<body>",
        '<header class="top">',
        '<p class="kicker">Proofreading report</p>',
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(_name(drafts[0].doc)) + " · " if one else ""}'
        f"Checked {escape(_date(when))} by Proofer {escape(__version__)}</p>",
        _counts(all_findings),
        "" if one else _contents(drafts),
        "</header>",
        "<main>",
        *sections,
        glossary.html(),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def page(proofreader: Proofreader, drafts: Sequence[CheckedDraft]) -> str:
    """The page for ``drafts`` checked by ``proofreader``, every rule explained (Harper's in
    its own words): what ``proofer check --format html`` prints and the editor exports."""
    return render(drafts, proofreader.rules, grammar.explanations(proofreader.engine))


def _draft_section(index: int, draft: CheckedDraft, glossary: _Glossary, many: bool) -> str:
    numbered = list(enumerate(sorted(draft.findings, key=lambda f: (f.start, f.end)), 1))
    parts = [f'<section class="draft-section" id="file-{index}">']
    if many:
        parts.append(f'<h2 class="file">{escape(_name(draft.doc))}</h2>')
        parts.append(_counts(draft.findings))
    parts.extend(f'<p class="notice">{escape(n)}</p>' for n in draft.notices)
    # Side by side on a wide screen (the list stays in view while the draft scrolls),
    # one after the other on a narrow one and on paper.
    parts.append('<div class="columns"><div class="text-column">')
    parts.append('<h2 class="part">The draft</h2>')
    if numbered:
        parts.append(_legend())
    parts.append(f'<div class="draft">{_highlighted(draft.doc.text, numbered, index)}</div>')
    parts.append('</div><div class="list-column">')
    parts.append('<h2 class="part">Findings by category</h2>')
    if numbered:
        parts.append(_by_category(draft.doc, numbered, index, glossary))
    else:
        parts.append('<p class="clean">No findings: nothing to correct.</p>')
    parts.append("</div></div>")
    parts.append('<h2 class="part">Settings used</h2>')
    parts.append(_settings(draft))
    parts.append("</section>")
    return "\n".join(parts)


def _highlighted(text: str, numbered: list[tuple[int, Finding]], index: int) -> str:
    """The draft with each finding's span wrapped in a highlight and a numbered marker at
    its end.

    The text is cut at every finding's start and end; each piece is wrapped in one span per
    finding that covers it, outermost first, and all are closed before the next piece, so
    crossing findings give well-formed markup (a finding may be drawn in several pieces).
    """
    n = len(text)
    # (start, -end, number, finding): sorted, the outermost of findings sharing a start
    # comes first; numbers follow text order, so markers at one place come in order.
    spans = sorted(
        (min(max(f.start, 0), n), -min(max(f.end, f.start, 0), n), num, f) for num, f in numbered
    )
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(-e for _, e, _, _ in spans)})
    ends: dict[int, list[tuple[int, Finding]]] = {}
    for _, e, num, f in sorted(spans, key=lambda span: span[2]):
        ends.setdefault(-e, []).append((num, f))
    out: list[str] = []
    active: list[tuple[int, int, int, Finding]] = []  # the spans covering the current piece
    waiting = iter(spans)
    upcoming = next(waiting, None)
    for a, b in pairwise(cuts):
        out.extend(_marker(num, f, index) for num, f in ends.get(a, ()))
        active = [span for span in active if -span[1] > a]
        while upcoming is not None and upcoming[0] == a:
            if -upcoming[1] > a:
                active.append(upcoming)
            upcoming = next(waiting, None)
        active.sort()
        piece = _text(text, a, b)
        for depth, (_, _, num, f) in reversed(list(enumerate(active))):
            piece = (
                f'<span class="hl c-{f.category.value} s-{f.severity.value} '
                f'd{min(depth, _DEPTHS - 1)}" data-finding="{index}-{num}" '
                f'title="{num}. {escape(f.message)}">{piece}</span>'
            )
        out.append(piece)
    out.extend(_marker(num, f, index) for num, f in ends.get(n, ()))
    return "".join(out)


def _marker(num: int, f: Finding, index: int) -> str:
    label = f"Finding {num}: {SEVERITY_NAMES[f.severity]}, {f.category.value}"
    return (
        f'<a class="marker c-{f.category.value} s-{f.severity.value}" id="m{index}-{num}" '
        f'href="#n{index}-{num}" aria-label="{escape(label)}">{num}</a>'
    )


def _text(text: str, start: int, end: int) -> str:
    """``text[start:end]`` escaped for the page, line breaks as ``\\n``."""
    chunk = text[start:end].replace("\r\n", "\n")
    if chunk.endswith("\r") and text[end : end + 1] == "\n":
        chunk = chunk[:-1]  # the \n that follows makes the break
    return escape(_CONTROL.sub("\ufffd", chunk.replace("\r", "\n")), quote=False)


def _by_category(
    doc: Document, numbered: list[tuple[int, Finding]], index: int, glossary: _Glossary
) -> str:
    parts = []
    for category in Category:
        items = [(num, f) for num, f in numbered if f.category is category]
        if not items:
            continue
        parts.append(f'<section class="category c-{category.value}">')
        parts.append(
            f'<h3><span class="swatch"></span>{escape(category.value.capitalize())} '
            f'<span class="count">{len(items)}</span></h3>'
        )
        parts.append('<ol class="findings">')
        parts.extend(_item(doc, num, f, index, glossary) for num, f in items)
        parts.append("</ol></section>")
    return "\n".join(parts)


def _item(doc: Document, num: int, f: Finding, index: int, glossary: _Glossary) -> str:
    line, column = doc.line_column(f.start)
    head = [
        f'<span class="sev s-{f.severity.value}">{SEVERITY_SYMBOLS[f.severity]} '
        f"{escape(SEVERITY_NAMES[f.severity].capitalize())}</span>",
        f'<span class="where">line {line}, column {column}</span>',
    ]
    body = [
        f'<p class="head">{" ".join(head)}</p>',
        _context(doc.text, f.start, f.end),
        f'<p class="message">{escape(f.message)}</p>',
    ]
    if f.suggestions:
        shown = ", ".join(f"<ins>{escape(_suggestion(s))}</ins>" for s in f.suggestions[:5])
        rule = glossary.rules.get(f.rule)
        safe = ' <span class="safe">(safe: <code>proofer fix</code> applies it)</span>'
        word = "Suggestion" if len(f.suggestions) == 1 else "Suggestions"
        body.append(f'<p class="fix">{word}: {shown}{safe if rule and rule.fix_safe else ""}</p>')
    body.append(glossary.line(f))
    return (
        f'<li class="finding" id="n{index}-{num}">'
        f'<a class="num c-{f.category.value} s-{f.severity.value}" href="#m{index}-{num}" '
        f'title="Show it in the draft">{num}</a>'
        f'<div class="body">{"".join(body)}</div></li>'
    )


class _Glossary:
    """The rules the page mentions, each explained once at the end and linked to."""

    def __init__(self, rules: Mapping[str, Rule], explanations: Mapping[str, str]) -> None:
        self.rules = rules
        self.explanations = explanations
        # rule id -> its number on the page and its first finding, in order of first use
        self.used: dict[str, tuple[int, Finding]] = {}

    def line(self, f: Finding) -> str:
        """The rule's id (a link to its explanation) and what it catches."""
        number, _ = self.used.setdefault(f.rule, (len(self.used) + 1, f))
        return (
            f'<p class="rule"><a href="#rule-{number}"><code>{escape(f.rule)}</code></a>'
            f" {_inline(self._summary(f))}</p>"
        )

    def _summary(self, f: Finding) -> str:
        rule = self.rules.get(f.rule)
        if rule:
            return rule.summary
        return self.explanations.get(f.rule) or f"A rule of {f.engine.value.capitalize()}."

    def html(self) -> str:
        """The explanations of every rule used, in order of first use."""
        if not self.used:
            return ""
        parts = ['<section class="rules" id="rules">', "<h2>The rules</h2>", "<dl>"]
        for rule_id, (number, f) in self.used.items():
            rule = self.rules.get(rule_id)
            severity = rule.severity if rule else f.severity
            kind = f"{f.category.value.capitalize()}, {SEVERITY_NAMES[severity]}"
            parts.append(
                f'<dt id="rule-{number}"><code>{escape(rule_id)}</code> '
                f'<span class="kind">{escape(kind)}</span></dt>'
            )
            if rule is None:
                parts.append(
                    f"<dd><p>{_inline(self._summary(f))}</p>"
                    f"<p>Reported by {escape(f.engine.value.capitalize())}; "
                    "the message says what it found.</p></dd>"
                )
                continue
            fix = (
                "safe: <code>proofer fix</code> applies it"
                if rule.fix_safe
                else "offered, never applied without a person deciding"
            )
            example = _inline(rule.example).replace(" -&gt; ", " → ")
            parts.append(
                f"<dd><p>{_inline(rule.summary)}</p>"
                f"<p><strong>Why:</strong> {_inline(rule.why)}</p>"
                f"<p><strong>Example:</strong> {example}</p>"
                f"<p><strong>Fix:</strong> {fix}</p></dd>"
            )
        parts.append("</dl></section>")
        return "\n".join(parts)


def _inline(text: str) -> str:
    """Escaped text with `backticks` shown as code (rule texts use them)."""
    pieces = escape(text).split("`")
    if len(pieces) % 2 == 0:  # an unpaired backtick: show it as it is
        return escape(text)
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(pieces))


def _counts(findings: Sequence[Finding]) -> str:
    by_severity = {s: 0 for s in Severity}
    by_category = {c: 0 for c in Category}
    for f in findings:
        by_severity[f.severity] += 1
        by_category[f.category] += 1
    severities = "".join(
        f'<span class="tally s-{s.value}">{SEVERITY_SYMBOLS[s]} {escape(counted(n, s))}</span>'
        for s, n in by_severity.items()
    )
    categories = "".join(
        f'<span class="chip c-{c.value}"><span class="swatch"></span>'
        f"{escape(c.value.capitalize())} {n}</span>"
        for c, n in by_category.items()
        if n
    )
    return (
        f'<div class="counts"><p class="tallies">{severities}</p>'
        f'<p class="chips">{categories}</p></div>'
    )


def _contents(drafts: Sequence[CheckedDraft]) -> str:
    items = []
    for i, d in enumerate(drafts, 1):
        tally = ", ".join(counted(sum(f.severity is s for f in d.findings), s) for s in Severity)
        items.append(
            f'<li><a href="#file-{i}">{escape(_name(d.doc))}</a> '
            f'<span class="meta">{escape(tally)}</span></li>'
        )
    return f'<nav><ol class="contents">{"".join(items)}</ol></nav>'


def _legend() -> str:
    samples = "".join(
        f'<span class="key"><span class="hl c-style s-{s.value} d0">{SEVERITY_SYMBOLS[s]} '
        f"{escape(SEVERITY_NAMES[s])}</span></span>"
        for s in Severity
    )
    return (
        f'<p class="legend">Underlined {samples} '
        "<span>· colour: the category · a number leads to its finding</span></p>"
    )


def _settings(draft: CheckedDraft) -> str:
    config = draft.config
    dialect = config.dialect
    if draft.dialect is not None and draft.dialect.value != config.dialect:
        dialect = f"{config.dialect} (the draft reads as {draft.dialect.value})"
    rows = [
        ("File", _name(draft.doc)),
        ("Dialect", dialect),
        ("Quotation style", config.quote_style),
        ("Entity lists", _paths(config.entities)),
        ("Dictionaries", _paths(config.dictionary)),
        ("Rules ignored", ", ".join(config.ignore) or "none"),
        ("LanguageTool", config.languagetool),
        ("Full name on first reference", "checked" if config.first_reference else "not checked"),
        ("Fails on", config.fail_on),
        ("Settings file", str(config.source) if config.source else "none (defaults and flags)"),
    ]
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="settings">{cells}</table>'


def _paths(paths: Sequence[object]) -> str:
    return ", ".join(str(p) for p in paths) or "none"


def _name(doc: Document) -> str:
    return "standard input" if doc.path == "-" else doc.path


def _context(text: str, start: int, end: int) -> str:
    """The flagged text marked within its line, a few words either side, so the list reads
    on its own (a flagged quotation mark means little without its neighbours)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - _AROUND) : start]
    after = text[end : min(line_end, end + _AROUND)]
    if start - _AROUND > line_start:
        before = "…" + before[before.find(" ") + 1 :] if " " in before else "…" + before
    if end + _AROUND < line_end:
        after = (after[: after.rfind(" ")] if " " in after else after) + "…"
    flagged = text[start:end]
    if not flagged:
        shown = '<span class="caret">‸</span>'
    elif not flagged.strip():
        shown = f'<mark title="{escape(_suggestion(flagged))}">{escape(flagged)}</mark>'
    else:
        flat = " ".join(flagged.split())
        flat = flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"
        shown = f"<mark>{escape(flat)}</mark>"
    return f'<p class="context">{escape(_flat(before))}{shown}{escape(_flat(after))}</p>'


def _flat(text: str) -> str:
    return _CONTROL.sub("\ufffd", text.replace("\r", " ").replace("\t", " "))


def _suggestion(s: str) -> str:
    """A suggestion as a reader sees it: an empty one deletes, white space is named."""
    if s == "":
        return "delete it"
    if s.strip():
        return s
    if set(s) == {" "}:
        return "one space" if len(s) == 1 else f"{len(s)} spaces"
    return f"{len(s)} white-space characters"


def _date(when: datetime) -> str:
    when = when.astimezone(timezone.utc)
    return f"{when.day} {when:%B %Y} at {when:%H:%M} UTC"


def _css() -> str:
    categories = "".join(
        f".c-{c.value}{{--c:{hexa};--t:{hexa}33;--on:{_ink_on(hexa)}}}"
        for c, hexa in CATEGORY_COLOURS.items()
    )
    return categories + _STYLE


def _ink_on(hexa: str) -> str:
    """White or near-black, whichever reads better on ``hexa`` (WCAG contrast)."""
    channels = [int(hexa[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    on_white = 1.05 / (luminance + 0.05)
    on_black = (luminance + 0.05) / 0.05
    return "#fff" if on_white >= on_black else "#1f2328"


_STYLE = """
:root{--ink:#1f2328;--muted:#59636e;--rule:#d8dee4;--paper:#fff;--wash:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;background:var(--wash);color:var(--ink);
 font:15px/1.5 system-ui,-apple-system,"Segoe UI","DejaVu Sans",sans-serif}
header.top,main{max-width:50rem;margin:0 auto;padding:0 1.5rem}
header.top{padding-top:2rem}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;
 color:var(--muted);font-weight:600}
h1{margin:.2rem 0;font-size:1.7rem;word-break:break-all}
.meta{color:var(--muted);margin:.2rem 0}
.counts{margin:1rem 0}
.tallies,.chips{margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.5rem}
.tally{font-weight:600;padding:.25rem .7rem;border-radius:4px;background:var(--paper);
 border:1px solid var(--rule)}
.tally.s-error{border-left:4px solid var(--ink)}
.chip{padding:.1rem .6rem;border-radius:999px;background:var(--paper);
 border:1px solid var(--rule);font-size:.85rem}
.swatch{display:inline-block;width:.7em;height:.7em;border-radius:2px;background:var(--c);
 margin-right:.4em;vertical-align:baseline}
nav .contents{padding-left:1.4rem}
.draft-section{background:var(--paper);border:1px solid var(--rule);border-radius:6px;
 padding:.5rem 2rem 1.5rem;margin:1.5rem 0}
.draft-section>h2.file{margin-top:1rem;font-size:1.3rem;word-break:break-all}
h2.part{font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);
 border-bottom:1px solid var(--rule);padding-bottom:.3rem;margin:2rem 0 .8rem}
.notice{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem .8rem;border-radius:4px}
.legend{font-size:.85rem;color:var(--muted);margin:0 0 1rem}
.legend .key{margin-right:.6rem;color:var(--ink)}
.draft{font:18px/1.75 Charter,"Bitstream Charter",Georgia,"DejaVu Serif",serif;
 white-space:pre-wrap;overflow-wrap:break-word;max-width:38rem}
.hl{background:var(--t);border-bottom:2px solid var(--c);
 -webkit-print-color-adjust:exact;print-color-adjust:exact}
.hl.s-error{border-bottom-width:3px}
.hl.s-warning{border-bottom-style:dashed}
.hl.s-info{border-bottom-style:dotted}
.hl .hl.d1{padding-bottom:4px}
.hl .hl .hl.d2{padding-bottom:8px}
.marker{font:600 11px/1 system-ui,"DejaVu Sans",sans-serif;vertical-align:super;
 text-decoration:none;color:var(--on);background:var(--c);border-radius:3px;padding:1px 3px;
 margin:0 1px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.marker.s-warning{border-radius:8px}
.marker.s-info{background:var(--paper);color:var(--ink);border:1px solid var(--c)}
.marker:target,.finding:target{outline:3px solid var(--ink);outline-offset:2px}
.category h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
.category .count{color:var(--muted);font-weight:400}
ol.findings{list-style:none;padding:0;margin:0}
.finding{display:flex;gap:.8rem;padding:.7rem 0;border-top:1px solid var(--rule);
 break-inside:avoid}
.finding:first-child{border-top:0}
.num{flex:none;min-width:2rem;height:2rem;line-height:2rem;text-align:center;font-weight:700;
 border-radius:4px;background:var(--c);color:var(--on);text-decoration:none;
 -webkit-print-color-adjust:exact;print-color-adjust:exact}
.num.s-warning{border-radius:1rem}
.num.s-info{background:var(--paper);color:var(--ink);border:2px solid var(--c)}
.body{flex:1;min-width:0}
.body p{margin:.15rem 0}
.head{font-size:.85rem;color:var(--muted)}
.sev{font-weight:700;color:var(--ink);margin-right:.5rem}
.context{font-family:Charter,Georgia,"DejaVu Serif",serif;white-space:pre-wrap;
 color:var(--muted)}
.context mark{color:var(--ink);background:var(--t);border-bottom:2px solid var(--c);
 -webkit-print-color-adjust:exact;print-color-adjust:exact}
.caret{color:var(--c);font-weight:700}
.message{font-size:1rem}
.fix ins{text-decoration:none;background:#e6f4ea;border:1px solid #a7d7b5;border-radius:3px;
 padding:0 .3rem;font-family:Charter,Georgia,"DejaVu Serif",serif}
.safe{color:var(--muted);font-size:.85rem}
.rule{font-size:.85rem;color:var(--muted)}
.rule a{color:inherit}
code{font:.85em/1 ui-monospace,"DejaVu Sans Mono",monospace;background:var(--wash);
 padding:.05rem .25rem;border-radius:3px}
.clean{font-weight:600}
table.settings{border-collapse:collapse;font-size:.9rem}
.settings th{text-align:left;font-weight:600;padding:.2rem 1.2rem .2rem 0;vertical-align:top;
 white-space:nowrap}
.settings td{padding:.2rem 0;word-break:break-all}
.rules{background:var(--paper);border:1px solid var(--rule);border-radius:6px;
 padding:.5rem 2rem 1rem;margin:1.5rem 0 3rem}
.rules h2{font-size:1.3rem}
.rules dt{font-weight:600;margin-top:1rem}
.rules .kind{font-weight:400;color:var(--muted);font-size:.85rem;margin-left:.4rem}
.rules dd{margin:.2rem 0 0 0}
.rules dd p{margin:.15rem 0}
@media screen and (min-width:75rem){
 header.top,main{max-width:86rem}
 .columns{display:grid;grid-template-columns:minmax(0,40rem) minmax(0,1fr);gap:2.5rem;
  align-items:start}
 .list-column{position:sticky;top:0;max-height:100vh;overflow-y:auto;padding:0 .5rem 1rem 0}
}
@media print{
 body{background:#fff;font-size:10.5pt}
 header.top,main{max-width:none;padding:0}
 .draft-section,.rules{border:0;padding:0;margin:0 0 1rem}
 .draft-section+.draft-section{break-before:page}
 .draft{font-size:11.5pt}
 a{color:inherit}
 h2.part{break-after:avoid}
 .category h3{break-after:avoid}
}
"""
