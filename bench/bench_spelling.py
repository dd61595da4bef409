"""Spelling accuracy on the project's own news corpus.

Prints, with and without each story's entity list:
- false alarms on the clean stories (errors and warnings per 1,000 words; spelling alone
  and all rules), next to raw Harper's spelling flags on the same text;
- the share of injected misspellings caught (an error or warning on the word) and the share
  whose first suggestion is the intended word;
- the same two shares for common real-world misspellings in a carrier sentence.

    python bench/bench_spelling.py [--seed N] [--verbose]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import COMMON_MISSPELLINGS, inject, stories, words
from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import SPELL_RULE, Dialect, HarperEngine
from proofer.findings import Category, Finding, Severity
from proofer.proofreader import Proofreader


def alarms(findings: list[Finding], spelling_only: bool) -> list[Finding]:
    return [
        f
        for f in findings
        if f.severity is not Severity.INFO
        and (not spelling_only or f.category in (Category.SPELLING, Category.NAMES))
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    engine = HarperEngine()
    corpus = stories()
    total_words = sum(words(s.text) for s in corpus)
    raw = sum(len(engine.lint(s.text, Dialect.AMERICAN).get(SPELL_RULE, [])) for s in corpus)
    print(f"corpus: {len(corpus)} stories, {total_words} words")
    print(f"raw Harper spelling flags: {1000 * raw / total_words:.1f} per 1,000 words")

    for with_list in (False, True):
        label = "with entity lists" if with_list else "without entity lists"
        spelling = every = caught = first = injected = 0
        rng = random.Random(args.seed)
        for story in corpus:
            config = Config(entities=(story.entities,) if with_list else ())
            proofreader = Proofreader(config, engine)
            clean = proofreader.check(Document(story.text, story.name)).findings
            spelling += len(alarms(clean, True))
            every += len(alarms(clean, False))
            if args.verbose:
                for f in alarms(clean, False):
                    print(f"  false alarm {story.name}: {story.text[f.start : f.end]!r} [{f.rule}]")
            text, injections = inject(story.text, rng, engine)
            found = alarms(proofreader.check(Document(text)).findings, True)
            for inj in injections:
                injected += 1
                hits = [f for f in found if f.start < inj.end and inj.start < f.end]
                if hits:
                    caught += 1
                    first += hits[0].suggestions[:1] == (inj.right,)
                    if args.verbose and hits[0].suggestions[:1] != (inj.right,):
                        shown = hits[0].suggestions[:3]
                        print(f"  wrong first: {inj.wrong} -> {shown} (meant {inj.right})")
                elif args.verbose:
                    print(f"  missed: {inj.wrong} (meant {inj.right})")
        print(f"\n{label}:")
        print(
            f"  spelling alarms on clean text: {1000 * spelling / total_words:.2f} per 1,000 words"
        )
        print(f"  all alarms on clean text:      {1000 * every / total_words:.2f} per 1,000 words")
        print(
            f"  injected misspellings caught:  {caught}/{injected} = {100 * caught / injected:.1f}%"
        )
        print(
            f"  right first suggestion:        {first}/{injected} = {100 * first / injected:.1f}%"
        )

    proofreader = Proofreader(Config(), engine)
    caught = first = 0
    for wrong, right in COMMON_MISSPELLINGS.items():
        text = f"The council said the {wrong} was discussed at length on Tuesday."
        found = [f for f in alarms(proofreader.check(Document(text)).findings, True)
                 if text[f.start:f.end] == wrong]  # fmt: skip
        caught += bool(found)
        first += bool(found) and found[0].suggestions[:1] == (right,)
        if args.verbose and (not found or found[0].suggestions[:1] != (right,)):
            shown = found[0].suggestions[:3] if found else "missed"
            print(f"  common {wrong}: {shown} (meant {right})")
    n = len(COMMON_MISSPELLINGS)
    print(f"\ncommon misspellings ({n}): caught {100 * caught / n:.1f}%, ", end="")
    print(f"right first {100 * first / n:.1f}%")


if __name__ == "__main__":
    main()
