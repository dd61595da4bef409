"""The quote checker on the project's corpus: broken marks caught, alarms on clean text, cost.

Each kind of damage is put, one at a time, at every place in every story where it can go;
a damage counts as caught when a quote or closing-punctuation finding lands in the damaged
paragraph. The cost is the quote checker's time per 1,000 words next to the whole check's.

    python bench/bench_quotes.py
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import stories, words
from proofer.checkers import CheckContext
from proofer.checkers.quotes import QuoteChecker
from proofer.config import Config
from proofer.document import Document
from proofer.proofreader import Proofreader


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


def main() -> None:
    checker = QuoteChecker()
    ctx = CheckContext()
    caught: dict[str, list[int]] = {}
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
    total = sum(len(v) for v in caught.values())
    hits = sum(sum(v) for v in caught.values())
    print(f"corpus: {len(corpus)} stories, {sum(words(s.text) for s in corpus)} words")
    print(f"quote alarms on the untouched stories: {clean_alarms}")
    for kind, results in sorted(caught.items()):
        got, n = sum(results), len(results)
        print(f"  {kind:<22} {got:>4}/{n:<4} {100 * got / n:5.1f}%")
    print(f"  {'all damage':<22} {hits:>4}/{total:<4} {100 * hits / total:5.1f}%")

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
