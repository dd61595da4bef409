"""The proofreader runs the checkers and is the one place their findings are merged.

Two engines flagging the same text become one finding: the more serious one, and between
equals the better-informed one (the project's own checkers, which know the entity list and
news style, before Harper, before LanguageTool; a rule that ``yields`` after the others of
its engine), then the one with suggestions.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from proofer import batch, lexicon, suggest, suppressions
from proofer.checkers import CheckContext, DocumentChecker, ParagraphChecker
from proofer.checkers.dialect import DialectChecker
from proofer.checkers.facts import FactChecker
from proofer.checkers.grammar import GrammarChecker, enabled_rules, explanations
from proofer.checkers.invisible import InvisibleCharacterChecker
from proofer.checkers.languagetool import LanguageToolChecker
from proofer.checkers.names import NameChecker, listed_names
from proofer.checkers.patterns import PatternChecker
from proofer.checkers.punctuation import PunctuationChecker
from proofer.checkers.quotes import QuoteChecker
from proofer.checkers.spelling import SpellingChecker
from proofer.checkers.typography import PunctuationStyleChecker, TypographyChecker
from proofer.config import Config, ConfigError
from proofer.dialects import DialectReport, detect, word_counts
from proofer.dictionary import KnownWords, load_dictionary
from proofer.document import Document, Normalised, Paragraph
from proofer.engines.harper import Dialect, HarperEngine, start_dictionary
from proofer.entities import load_entity_lists, read_list_text
from proofer.findings import Category, Engine, Finding
from proofer.markup import masked_spans
from proofer.memo import Memo
from proofer.quotations import spare_the_speaker
from proofer.rules import Rule, silence
from proofer.style import OWN_RULES, load_styles
from proofer.styles import CODE_RULES

T = TypeVar("T")
# Characters of paragraph text the memo's readings are kept for (about 17 bytes of readings
# a character: some 65 MiB). A paragraph is read up to four times (its findings; its word
# counts, names and words for the draft-wide checks), so a draft of up to a million
# characters (about 170,000 words) is remembered whole.
MEMO_CHARS = 4_000_000
_READINGS = 4
# Rule families of the outside engines, passed through by the engine's own rule names.
OPEN_FAMILIES = ("harper.", "lt.")
_ENGINE_RANK = {Engine.PROOFER: 0, Engine.HARPER: 1, Engine.LANGUAGETOOL: 2}
_STRETCH = 64
_CATEGORY_RANK = {
    Category.NAMES: 0,
    Category.FACTS: 0,
    Category.QUOTES: 1,
    Category.SPELLING: 2,
    Category.PUNCTUATION: 3,
    Category.TYPOGRAPHY: 4,
    Category.GRAMMAR: 5,
    Category.STYLE: 6,
}


class CheckCancelled(Exception):
    """A check stopped because its caller's ``should_stop`` asked it to."""


@dataclass
class Report:
    """The outcome of one check: findings in text order, and notes for the user."""

    findings: list[Finding]
    dialect: Dialect
    notices: list[str] = field(default_factory=list)
    # Only the paragraphs of a span were checked (``check(only=...)``), without the
    # draft-wide checks, so the fields below are left empty.
    partial: bool = False
    listed: list[str] = field(default_factory=list)  # listed entities the draft names right
    languagetool: str = "off"  # LanguageTool's state: off, on, or "unavailable: why"
    explanations: dict[str, str] = field(default_factory=dict)  # Harper's rules, by id


class Proofreader:
    """Checks drafts with every checker the configuration turns on (LanguageTool too,
    when it is not "off").

    Build one and reuse it: it holds the Harper linters, the loaded lists and the findings
    of the paragraphs it has checked. One proofreader serves one thread at a time.
    """

    def __init__(
        self,
        config: Config | None = None,
        engine: HarperEngine | None = None,
        extra: Sequence[DocumentChecker] = (),
    ) -> None:
        self.config = config or Config()
        self.engine = engine or HarperEngine()
        self.memo = Memo(MEMO_CHARS)
        self._explanations: dict[str, str] | None = None
        self.entities = load_entity_lists(
            [(p, _read_list(read_list_text, p)) for p in self.config.entities]
        )
        self.known = KnownWords()
        for path in self.config.dictionary:
            self.known.add(_read_list(load_dictionary, path))
        self.known.add(self.entities.words())
        self.paragraph_checkers: list[ParagraphChecker] = [
            SpellingChecker(self.engine),
            GrammarChecker(self.engine),
            PatternChecker(load_styles((str(OWN_RULES),)).patterns),
            PunctuationChecker(),
            TypographyChecker(),
        ]
        self.document_checkers: list[DocumentChecker] = [
            DialectChecker(self.engine),
            QuoteChecker(),
            NameChecker(self.engine, self.config.first_reference),
            PunctuationStyleChecker(),
            FactChecker(self.engine),
            InvisibleCharacterChecker(),
            *extra,
        ]
        style = load_styles(self.config.style, reserved=self.rules)
        # Mistakes in style files, one line each; the rest of each file still applies.
        self.style_problems = style.problems
        self.style_checkers: list[ParagraphChecker | DocumentChecker] = []
        for name in style.checks:
            checker = CODE_RULES[name]()
            if isinstance(checker, ParagraphChecker):
                self.paragraph_checkers.append(checker)
            else:
                self.document_checkers.append(checker)
            self.style_checkers.append(checker)
        self.paragraph_checkers.append(PatternChecker(style.patterns))
        self.style_checkers.append(self.paragraph_checkers[-1])
        wants_languagetool = self.config.languagetool != "off"
        if wants_languagetool and not any(isinstance(c, LanguageToolChecker) for c in extra):
            self.document_checkers.append(
                LanguageToolChecker(self.config.languagetool, self.config.languagetool_timeout)
            )
        # Settings that are valid but do nothing, for the user to hear about once.
        self.warnings = _unknown_ignores(self.config, self.rules)

    def warm(self, search_table: bool = True) -> list[str]:
        """Build now, on this thread, everything a first check would build on its way, for
        a process about to fork workers that should start warm; returns the notices of the
        short check that finishes the job (an engine found missing, say). Harper builds its
        dictionary on a thread of its own, then its suggestion table on this one (it keeps
        one per thread); the word tables load on a third meanwhile, so two cores share the
        wait. Without ``search_table`` (an editor about to check its first draft), Harper's
        suggestion table is left for the first unknown word with no near match to build."""
        start_dictionary()
        tables = threading.Thread(target=_load_tables, name="word-tables")
        tables.start()
        if search_table:
            self.engine.warm()
        tables.join()
        text = "A warm-up sentense for the engine." if search_table else "A warm-up sentence."
        return self.check(Document(text)).notices

    @property
    def rules(self) -> dict[str, Rule]:
        """Every rule of every checker, by id."""
        checkers: list[ParagraphChecker | DocumentChecker] = [
            *self.paragraph_checkers,
            *self.document_checkers,
        ]
        rules = {rule.id: rule for checker in checkers for rule in checker.rules}
        rules[suppressions.UNUSED.id] = suppressions.UNUSED
        return rules

    @property
    def style_rules(self) -> dict[str, Rule]:
        """The rules the configured style files and presets add, by id."""
        return {rule.id: rule for checker in self.style_checkers for rule in checker.rules}

    def context(self, doc: Document, dialect: str | None = None) -> CheckContext:
        """The settings for checking ``doc``, with its dialect decided: ``dialect`` (one of
        the config's choices) when given, else the configured one."""
        choice = dialect or self.config.dialect
        # A draft whose readings the memo cannot hold would only push its own paragraphs
        # out before they are asked for again (the draft-wide checks come after the
        # paragraph checks): it is read without the memo, which keeps what it holds.
        memo = self.memo if len(doc.text) * _READINGS <= self.memo.size else Memo(0)
        report: DialectReport | None = None
        if choice == "auto":
            report = detect(self._word_counts(doc, memo), self.engine)
            decided = report.dialect
        else:
            decided = Dialect(choice)
            if decided in (Dialect.AMERICAN, Dialect.BRITISH):
                report = replace(detect(self._word_counts(doc, memo), self.engine), dialect=decided)
        return CheckContext(
            markdown=doc.markdown,
            dialect=decided,
            quote_style=self.config.quote_style,
            known=self.known,
            entities=self.entities,
            dialect_report=report,
            harper_rules=enabled_rules(self.config.harper_rules),
            memo=memo,
        )

    def _word_counts(self, doc: Document, memo: Memo) -> Counter[str]:
        """The draft's lower-case words counted for dialect detection, each paragraph
        counted once per text (remembered in the memo)."""
        if not doc.separated:
            return word_counts(doc.text)
        counts: Counter[str] = Counter()
        for paragraph in doc.paragraphs:
            counts.update(memo.read(word_counts, paragraph.text))
        return counts

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Findings of the paragraph checkers for one paragraph, relative to it.

        Remembered (in the context's ``memo``, with the least recently used dropped), so
        that checking a draft again after an edit sends only the changed paragraphs to the
        checkers. The key is all a paragraph's result depends on besides this proofreader's
        own configuration and lists: its text, the dialect, Markdown or not, and which of
        its words the draft as a whole spells in the other dialect. The returned list is
        shared: do not change it.
        """
        if len(text) > _PIECE:
            # A paragraph the length of a chapter (breaks lost in a paste) is checked a
            # stretch of sentences at a time: Harper slows down on very long paragraphs, and
            # an edit then re-checks only its own stretch.
            return [f.shifted(at) for at, piece in _pieces(text) for f in self._piece(piece, ctx)]
        return self._piece(text, ctx)

    def _piece(self, text: str, ctx: CheckContext) -> list[Finding]:
        report = ctx.dialect_report
        minority = frozenset(w for w in report.minority if w in text) if report else frozenset()
        key = (text, ctx.dialect, ctx.markdown, minority)

        def checked() -> list[Finding]:
            norm = Normalised.of(text)
            found = [f for c in self.paragraph_checkers for f in c.check_paragraph(norm.text, ctx)]
            return _as_read(found, norm)

        return ctx.memo.get(key, checked, len(text))

    def check(
        self,
        doc: Document,
        dialect: str | None = None,
        should_stop: Callable[[int, int], bool] | None = None,
        only: tuple[int, int] | None = None,
        workers: int = 1,
    ) -> Report:
        """Check a whole draft: the paragraphs (those seen before, from memory), then the
        draft-wide checks, merged. The editor, the command line and the server all call
        this; ``dialect`` (one of the settings' choices) overrides the configured one, for a
        server's client that names its own.

        ``should_stop``, if given, is asked between paragraphs with the number checked so
        far and the total (so it can show progress); when it answers True the check stops
        by raising ``CheckCancelled``.

        ``only``, a span of the text (start, end), checks just the paragraphs that touch
        it, for an editor to show what is on screen first: a ``partial`` report, masked and
        merged as a full one, without the draft-wide checks.

        ``workers`` above one lets a draft longer than ``SPREAD_CHARS`` have its paragraphs
        checked by that many processes forked from this one (``batch.in_order``), a stretch
        of paragraphs each; the draft-wide checks run here on what they find, so the report
        is the same. Only for a caller that owns its process, as the command line does:
        never inside a worker of a pool, nor beside other threads.
        """
        ctx = self.context(doc, dialect)
        if only is not None:
            return self._check_span(doc, ctx, only, should_stop)
        found: list[Finding] = []
        total = len(doc.paragraphs)
        done = 0
        stretches = self._paragraph_findings(doc, ctx, workers)
        while True:  # asked before each stretch, and once all are done
            if should_stop is not None and should_stop(done, total):
                raise CheckCancelled
            stretch = next(stretches, None)
            if stretch is None:
                break
            done += len(stretch)
            found.extend(f for findings in stretch for f in findings)
        return self._described(doc, ctx, self.finish(doc, ctx, found))

    def _paragraph_findings(
        self, doc: Document, ctx: CheckContext, workers: int
    ) -> Iterator[list[list[Finding]]]:
        """The paragraph checkers' findings, at draft offsets, a list per paragraph, given a
        stretch of paragraphs at a time: here, one paragraph a stretch; spread over
        ``workers`` processes for a long draft."""

        def checked(paragraphs: Sequence[Paragraph]) -> list[list[Finding]]:
            return [
                [f.shifted(p.start) for f in self.check_paragraph(p.text, ctx)] for p in paragraphs
            ]

        def warm() -> None:  # here, before the fork, so that no worker builds its own
            self.engine.warm()
            self.engine.linter(ctx.dialect, ctx.harper_rules)

        if workers < 2 or len(doc.text) < SPREAD_CHARS:
            return (checked([p]) for p in doc.paragraphs)
        return batch.in_order(
            checked,
            _stretches(doc.paragraphs),
            size=lambda stretch: sum(len(p.text) for p in stretch),
            workers=workers,
            warm=warm,
        )

    def _check_span(
        self,
        doc: Document,
        ctx: CheckContext,
        span: tuple[int, int],
        should_stop: Callable[[int, int], bool] | None,
    ) -> Report:
        """The paragraph checks of the paragraphs touching ``span``: a partial report."""
        first, last = span
        touching = [p for p in doc.paragraphs if p.end >= first and p.start <= last]
        found: list[Finding] = []
        for done, paragraph in enumerate(touching):
            if should_stop is not None and should_stop(done, len(touching)):
                raise CheckCancelled  # a part of the span would look clean
            found.extend(
                f.shifted(paragraph.start) for f in self.check_paragraph(paragraph.text, ctx)
            )
        masked = masked_spans(doc)
        found = [f for f in found if not masked.overlaps(f.start, f.end)]
        return Report(self.merge(doc.text, found), ctx.dialect, partial=True)

    def _described(self, doc: Document, ctx: CheckContext, report: Report) -> Report:
        """``report`` with what a reader of it shows beside the findings: the listed names
        the draft mentions, LanguageTool's state, and what Harper's rules look for."""
        report.listed = listed_names(doc, self.entities.index, ctx.memo)
        for checker in self.document_checkers:
            if isinstance(checker, LanguageToolChecker):
                report.languagetool = checker.status
        if self._explanations is None:
            self._explanations = explanations(self.engine)
        report.explanations = self._explanations
        return report

    def finish(
        self, doc: Document, ctx: CheckContext, paragraph_findings: Iterable[Finding]
    ) -> Report:
        """Add the document checkers' findings to the paragraph findings and merge them."""
        found = self._refined(doc, list(paragraph_findings))
        notices: list[str] = []
        checked, norm = doc.normalised()
        for checker in self.document_checkers:
            if checker.reads_original:
                found.extend(checker.check_document(doc, ctx))
            else:
                found.extend(_as_read(checker.check_document(checked, ctx), norm))
            notices.extend(checker.notices)
        owned = {cat for c in self.document_checkers for cat in c.owns}
        owned |= {cat for c in self.paragraph_checkers for cat in c.owns}
        masked = masked_spans(doc)
        found = [f for f in found if not masked.overlaps(f.start, f.end)]
        found = suppressions.apply(doc.text, found, self.rules)
        found = spare_the_speaker(doc, found)
        merged = self.merge(doc.text, found, owned)
        if doc.parts:  # a Word file's header or note: the message says so
            merged = [replace(f, message=doc.placed(f.message, f.start)) for f in merged]
        return Report(merged, ctx.dialect, notices)

    def _refined(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Let each paragraph checker revise its own findings with draft-wide evidence."""
        out: list[Finding] = []
        for checker in self.paragraph_checkers:
            ids = {r.id for r in checker.rules}
            own = [f for f in findings if f.rule in ids]
            out.extend(checker.refine(doc, own) if own else own)
        claimed = {r.id for c in self.paragraph_checkers for r in c.rules}
        return out + [f for f in findings if f.rule not in claimed]

    def merge(
        self, text: str, findings: Iterable[Finding], owned: set[Category] | None = None
    ) -> list[Finding]:
        """One finding per problem, in text order.

        Drops ignored rules (and outside engines' reports of the problems they cover),
        outside engines' findings in categories a checker of ours owns, repeats of
        once-per-text rules, and duplicates (overlapping spans of similar length: a
        sentence-long style note does not swallow a typo inside it).
        """
        owned = owned or set()
        rules = self.rules
        findings = silence(findings, lambda f: self.config.ignores(f.rule), rules)
        kept: list[Finding] = []
        near: dict[int, list[Finding]] = {}  # kept findings by 64-character stretch
        seen_once: set[tuple[str, str]] = set()
        for f in sorted(findings, key=lambda f: _priority(f, rules)):
            if f.engine is not Engine.PROOFER and f.category in owned and f.rule not in rules:
                continue
            rule = rules.get(f.rule)
            if rule and rule.once_per_text:
                key = (f.rule, text[f.start : f.end])
                if key in seen_once:
                    continue
                seen_once.add(key)
            stretches = range(f.start // _STRETCH, f.end // _STRETCH + 1)
            if any(_same_problem(f, k) for i in stretches for k in near.get(i, ())):
                continue
            kept.append(f)
            for i in stretches:
                near.setdefault(i, []).append(f)
        return sorted(kept, key=_in_text_order)


def rule_book(config: Config | None = None) -> dict[str, Rule]:
    """Every rule a check with ``config`` reports (the defaults: the project's own), by id,
    style rules included (for docs, tooltips, `proofer rules`)."""
    return Proofreader(config or Config()).rules


def _unknown_ignores(config: Config, rules: dict[str, Rule]) -> list[str]:
    """A line for each ``ignore`` entry that names no rule of ours and no engine's family
    (``harper.*`` and ``lt.*`` are open: their rules are the engines', passed through)."""
    where = f"{config.ignore_source}: setting 'ignore'" if config.ignore_source else "ignore"
    lines = []
    for entry in config.ignore:
        if entry.startswith(OPEN_FAMILIES) or any(
            rule == entry or (entry.endswith(".") and rule.startswith(entry)) for rule in rules
        ):
            continue
        family = entry + "."
        known = family in OPEN_FAMILIES or any(rule.startswith(family) for rule in rules)
        hint = f"; did you mean '{family}'?" if known else ""
        lines.append(f"{where}: '{entry}' names no rule, so it ignores nothing{hint}")
    return lines


# Characters: a draft this long is worth spreading over processes (``check``'s ``workers``),
# in stretches of paragraphs of about ``_STRETCH_CHARS`` (a few seconds' work each, so that
# progress moves and the cores finish together).
SPREAD_CHARS = 200_000
_STRETCH_CHARS = 50_000


def _stretches(paragraphs: Sequence[Paragraph]) -> list[list[Paragraph]]:
    """``paragraphs`` in runs of about ``_STRETCH_CHARS`` characters, in order."""
    out: list[list[Paragraph]] = [[]]
    size = 0
    for p in paragraphs:
        if size >= _STRETCH_CHARS:
            out.append([])
            size = 0
        out[-1].append(p)
        size += len(p.text)
    return out


_PIECE = 4_000  # characters: longer paragraphs are checked in stretches of about this size
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?(?=\s+[\"“‘(]?[A-Z])")


def _pieces(text: str) -> list[tuple[int, str]]:
    """``text`` cut at sentence ends into stretches of at least ``_PIECE`` characters (the
    last may be shorter), each with its offset."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > _PIECE:
        cut = _SENTENCE_BREAK.search(text, start + _PIECE)
        if cut is None:
            break
        out.append((start, text[start : cut.end()]))
        start = cut.end()
    out.append((start, text[start:]))
    return out


def _load_tables() -> None:
    lexicon.load()
    suggest.load()


def _read_list(load: Callable[[Path], T], path: Path) -> T:
    """Load an entity list or dictionary; a file that cannot be read is a ConfigError."""
    try:
        return load(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file (an entity list or dictionary)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save the list as UTF-8") from None


def _as_read(findings: list[Finding], norm: Normalised) -> list[Finding]:
    """Findings on normalised text moved onto the text as read: the one way back."""
    if norm.same:
        return findings
    moved = []
    for f in findings:
        start, end = norm.back(f.start, f.end)
        moved.append(replace(f, start=start, end=end))
    return moved


def _in_text_order(f: Finding) -> tuple[int, int, str]:
    return (f.start, f.end, f.rule)


def _priority(f: Finding, rules: dict[str, Rule]) -> tuple[int, int, bool, int, int, int]:
    rule = rules.get(f.rule)
    return (
        -f.severity.rank,
        _ENGINE_RANK[f.engine],
        rule is not None and rule.yields,
        _CATEGORY_RANK[f.category],
        -len(f.suggestions),
        f.start,
    )


def _same_problem(a: Finding, b: Finding) -> bool:
    if not a.overlaps(b):
        return False
    la, lb = max(a.end - a.start, 1), max(b.end - b.start, 1)
    return min(la, lb) * 3 >= max(la, lb)
