"""The quote checker on the project's corpus and on real prose: broken marks caught, alarms
on clean text, alarms when paragraph breaks are lost, cost.

Each kind of damage is put, one at a time, at every place in every story where it can go;
a damage counts as caught when a quote or closing-punctuation finding lands in the damaged
paragraph. Then every story is flattened (its paragraph breaks lost, as in a paste from a
feed): a running quotation may cost one note per lost break, and nothing more.

Real prose nobody here wrote: Jane Austen's six novels (public domain), as Debian's
r-cran-janeausten package installs them (`apt-get install r-cran-janeaustenr`), read through
Rscript and never stored here. Dialogue on every page exercises the pairing; the figures are
alarms (errors and warnings) and notes per 1,000 words from the quote, punctuation and
typography checkers, by rule, on the novels as printed and with their paragraph breaks lost.
Skipped when R or the package is absent.

    python bench/bench_quotes.py [--samples N]   (N alarms per rule printed, to judge)
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import stories, words
from proofer.checkers import CheckContext
from proofer.checkers.punctuation import PunctuationChecker
from proofer.checkers.quotes import QuoteChecker
from proofer.checkers.typography import PunctuationStyleChecker, TypographyChecker
from proofer.config import Config
from proofer.document import Document
from proofer.findings import Finding, Severity
from proofer.proofreader import Proofreader

NOVELS = ("sensesensibility", "prideprejudice", "mansfieldpark", "emma", "northangerabbey",
          "persuasion")  # fmt: skip


def damages(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, damaged text, position of the damage)."""
    paragraph_starts = {m.end() for m in re.finditer(r"\n\n", text)} | {0}
    for i, ch in enumerate(text):
        if ch == "“":
            kind = (
                "missing continuation"
                if i in paragraph_starts and _running(text, i)
                else "missing opening"
            )
            yield kind, text[:i] + text[i + 1 :], i
            yield "wrong direction", text[:i] + "”" + text[i + 1 :], i
            yield "straight with curly", text[:i] + '"' + text[i + 1 :], i
        elif ch == "”":
            yield "missing closing", text[:i] + text[i + 1 :], i
            yield "wrong direction", text[:i] + "“" + text[i + 1 :], i
            yield "straight with curly", text[:i] + '"' + text[i + 1 :], i
    for m in re.finditer(r"(?m)^[^“”\n]{40,}$", text):
        cut = text.find(" ", m.start() + 20)
        yield "stray closing", text[:cut] + "”" + text[cut:], cut


def _running(text: str, i: int) -> bool:
    """The paragraph before ends inside a quotation, so this “ continues it."""
    before = text[:i].rstrip()
    last = before.rfind("\n\n")
    para = before[last + 2 :]
    return para.count("“") > para.count("”")


def flatten(text: str, keep: int = 1) -> tuple[str, int]:
    """The text with its paragraph breaks lost after the first ``keep`` paragraphs (the
    headline stays apart), and how many lost breaks fell inside a running quotation."""
    paragraphs = text.split("\n\n")
    body = paragraphs[keep:]
    running = sum(p.count("“") > p.count("”") for p in body[:-1])
    return "\n\n".join([*paragraphs[:keep], " ".join(body)]), running


def novels() -> list[tuple[str, str]]:
    """Austen's novels as (name, text), paragraphs joined from the printed lines; [] when
    R or the package is not installed."""
    rscript = shutil.which("Rscript")
    if not rscript:
        return []
    out = []
    for name in NOVELS:
        run = subprocess.run(
            [rscript, "-e", f"writeLines(janeaustenr::{name})"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if run.returncode != 0:
            return []
        # The printed lines of a paragraph joined; spaces inside a line are kept as printed.
        paragraphs = [re.sub(r" *\n *", " ", p.strip()) for p in re.split(r"\n\s*\n", run.stdout)]
        out.append((name, "\n\n".join(p for p in paragraphs if p)))
    return out


def flatten_chapters(text: str, most: int = 30) -> str:
    """Lose the paragraph breaks of a novel: up to ``most`` paragraphs run together, a chapter
    heading stays apart."""
    out: list[str] = []
    run: list[str] = []
    for paragraph in text.split("\n\n"):
        heading = re.match(r"chapter\b", paragraph, re.IGNORECASE)
        if (heading or len(run) >= most) and run:
            out.append(" ".join(run))
            run = []
        (out if heading else run).append(paragraph)
    out.extend([" ".join(run)] if run else [])
    return "\n\n".join(out)


def punctuation_findings(doc: Document, ctx: CheckContext) -> list[Finding]:
    """The findings of every checker of quotes, punctuation and typography, paragraph
    checkers' findings revised with the whole draft as the proofreader does."""
    found = QuoteChecker().check_document(doc, ctx) + PunctuationStyleChecker().check_document(
        doc, ctx
    )
    for checker in (PunctuationChecker(), TypographyChecker()):
        own = [
            f.shifted(para.start)
            for para in doc.paragraphs
            for f in checker.check_paragraph(para.text, ctx)
        ]
        found += checker.refine(doc, own)
    return found


def real_prose(samples: int) -> None:
    """Alarms per 1,000 words on the novels, as printed and with paragraph breaks lost."""
    books = novels()
    if not books:
        print("\nreal prose: skipped (apt-get install r-cran-janeaustenr to measure it)")
        return
    ctx = CheckContext(quote_style=Config().quote_style)
    n = sum(words(text) for _, text in books)
    print(f"\nreal prose: Austen's {len(books)} novels, {n} words (quote style {ctx.quote_style})")
    rng = random.Random(7)
    for label, shape in (("as printed", lambda t: t), ("breaks lost", flatten_chapters)):
        by_rule: Counter[tuple[str, bool]] = Counter()
        seen: dict[str, list[str]] = {}
        for _, text in books:
            text = shape(text)
            for f in punctuation_findings(Document(text), ctx):
                alarm = f.severity is not Severity.INFO
                by_rule[f.rule, alarm] += 1
                seen.setdefault(f.rule, []).append(
                    (text[max(0, f.start - 60) : f.start] + "[[" + text[f.start : f.end] + "]]"
                     + text[f.end : f.end + 40]).replace("\n", " ¶ ")
                )  # fmt: skip
        alarms = sum(c for (_, alarm), c in by_rule.items() if alarm)
        quote_alarms = sum(
            c for (r, alarm), c in by_rule.items() if alarm and r.startswith(("quotes", "punct"))
        )
        notes = sum(c for (_, alarm), c in by_rule.items() if not alarm)
        print(f"  {label}: {1000 * alarms / n:.2f} alarms per 1,000 words "
              f"(quotes and punctuation {1000 * quote_alarms / n:.3f}), "
              f"{1000 * notes / n:.3f} notes")  # fmt: skip
        for (rule, alarm), count in sorted(by_rule.items(), key=lambda kv: -kv[1]):
            kind = "alarms" if alarm else "notes"
            print(f"    {rule:<34} {count:>6} {kind:<6} {1000 * count / n:7.3f}")
        for rule, texts in sorted(seen.items()):
            for text in rng.sample(texts, min(samples, len(texts))):
                print(f"      {rule}: {text}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=0, help="alarms per rule to print")
    args = parser.parse_args()
    checker = QuoteChecker()
    ctx = CheckContext(quote_style=Config().quote_style)
    caught: dict[str, list[int]] = {}
    alarmed = 0  # caught by an error or a warning, not only a note
    clean_alarms = 0
    corpus = stories()
    for story in corpus:
        doc = Document(story.text)
        clean_alarms += len(checker.check_document(doc, ctx))
        for kind, damaged, pos in damages(story.text):
            ddoc = Document(damaged)
            para = ddoc.paragraph_at(pos) or ddoc.paragraphs[0]
            found = checker.check_document(ddoc, ctx)
            near = [f for f in found if para.start <= f.start <= para.end + 1]
            # A lost opening mark of a running quotation is reported at its other end.
            hit = bool(near) or (kind == "missing continuation" and bool(found))
            caught.setdefault(kind, []).append(hit)
            alarms = [f for f in (near if near else found) if f.severity is not Severity.INFO]
            alarmed += hit and bool(alarms)
    total = sum(len(v) for v in caught.values())
    hits = sum(sum(v) for v in caught.values())
    print(f"corpus: {len(corpus)} stories, {sum(words(s.text) for s in corpus)} words")
    print(f"quote alarms on the untouched stories: {clean_alarms}")
    for kind, results in sorted(caught.items()):
        got, n = sum(results), len(results)
        print(f"  {kind:<22} {got:>4}/{n:<4} {100 * got / n:5.1f}%")
    print(f"  {'all damage':<22} {hits:>4}/{total:<4} {100 * hits / total:5.1f}%")
    print(
        f"  {'by an alarm, not a note':<22} {alarmed:>4}/{total:<4} {100 * alarmed / total:5.1f}%"
    )

    flat_alarms = flat_notes = lost = 0
    for story in corpus:
        flat, running = flatten(story.text)
        lost += running
        for f in checker.check_document(Document(flat), ctx):
            flat_notes += f.severity is Severity.INFO
            flat_alarms += f.severity is not Severity.INFO
    print(f"paragraph breaks lost in every story: {flat_alarms} alarms, {flat_notes} notes "
          f"({lost} breaks lost inside a running quotation)")  # fmt: skip
    real_prose(args.samples)

    text = "\n\n".join(s.text for s in corpus) * 3
    doc = Document(text)
    n = words(text)
    started = time.perf_counter()
    for _ in range(5):
        checker.check_document(Document(text), ctx)
    quotes = (time.perf_counter() - started) / 5
    proofreader = Proofreader(Config())
    proofreader.check(doc)
    started = time.perf_counter()
    proofreader.check(Document(text))
    whole = time.perf_counter() - started
    print(f"\ncost per 1,000 words: quote checker {1000 * quotes * 1000 / n:.2f} ms, "
          f"whole check {1000 * whole * 1000 / n:.1f} ms ({n} words)")  # fmt: skip


if __name__ == "__main__":
    main()
