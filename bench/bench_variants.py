"""Words spelled or capitalised two ways (``facts.variant-*``) on real prose nobody here wrote.

Precision is what matters: a draft that is consistent should raise nothing. The prose is
read where Debian installs it (``bench/realprose.py``: the Debian history and FAQ, Python's
documentation; Austen's novels through ``bench/bench_quotes.py``), never stored here. Each
text is checked whole (a book as one draft, far longer than a story, so the harshest case)
and cut into story-sized drafts of about 800 words. Prints alarms per 1,000 words by rule;
``--show`` prints every alarm of the story-sized run with its context, for judging by hand.

    python bench/bench_variants.py [--show] [--whole-show]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_quotes import novels
from bench.corpus import words
from bench.realprose import INSTALL, books
from proofer.checkers import CheckContext
from proofer.checkers.facts import variants
from proofer.checkers.facts.common import Draft
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.findings import Finding

STORY = 800  # words: a long news story
ENGINE = HarperEngine()


def drafts(text: str) -> list[str]:
    """``text`` cut at paragraph breaks into drafts of about ``STORY`` words."""
    out: list[str] = []
    run: list[str] = []
    n = 0
    for paragraph in text.split("\n\n"):
        run.append(paragraph)
        n += words(paragraph)
        if n >= STORY:
            out.append("\n\n".join(run))
            run, n = [], 0
    if run:
        out.append("\n\n".join(run))
    return out


def check(text: str) -> list[Finding]:
    return variants.check(Draft(Document(text), CheckContext(), ENGINE))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="every story-sized alarm")
    parser.add_argument("--whole-show", action="store_true", help="every whole-text alarm")
    args = parser.parse_args()
    texts = [(b.name, b.text) for b in books()] + novels()
    if not texts:
        print(f"bench_variants: no real prose installed; run `{INSTALL}`")
        return
    for label, split in (("whole texts", False), ("story-sized drafts", True)):
        by_rule: Counter[str] = Counter()
        total = 0
        began = time.perf_counter()
        shown: list[tuple[str, str, Finding]] = []
        for name, text in texts:
            total += words(text)
            for draft in drafts(text) if split else [text]:
                found = check(draft)
                by_rule.update(f.rule for f in found)
                shown += [(name, draft, f) for f in found]
        took = time.perf_counter() - began
        per_k = 1000 / total
        print(f"{label}: {total:,} words, {per_k * sum(by_rule.values()):.3f} alarms per "
              f"1,000 words ({took:.1f} s)")  # fmt: skip
        for rule in (r.id for r in variants.RULES):
            print(f"  {per_k * by_rule[rule]:6.3f}  {by_rule[rule]:4d}  {rule}")
        if (args.show and split) or (args.whole_show and not split):
            for name, draft, f in shown:
                context = draft[max(0, f.start - 60) : f.end + 40].replace("\n", " ")
                print(f"  [{name}] {f.rule}: {f.message}\n      …{context}…")


if __name__ == "__main__":
    main()
