"""Each Harper rule's alarms on real prose: the figures behind grammar.py's table.

For every Harper rule that fires on the books of ``bench/realprose.py`` and the project's
corpus (clean, published prose: every alarm there is a false one unless a reader agrees it
is a real slip), prints its findings per 1,000 words through the grammar checker with every
Harper rule on, whether it is on by default here, and its examples to judge.

    python bench/bench_harper_rules.py [--examples N]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import stories, words
from bench.realprose import INSTALL, books
from proofer.checkers import CheckContext
from proofer.checkers.grammar import DEFAULT_RULES, GrammarChecker
from proofer.engines.harper import HarperEngine, harper_rule_names


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()
    library = books()
    if not library:
        print(f"bench_harper_rules: no real prose installed; run `{INSTALL}`")
        return
    checker = GrammarChecker(HarperEngine())
    ctx = CheckContext(harper_rules=harper_rule_names())
    texts = [p for b in library for p in b.paragraphs]
    texts += [p for s in stories() for p in s.text.split("\n\n")]
    total = sum(words(t) for t in texts)
    seen: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        for f in checker.check_paragraph(text, ctx):
            s, e = f.start, f.end
            seen[f.rule].append(f"{text[max(0, s - 40) : s]}[{text[s:e]}]{text[e : e + 30]}")
    print(f"{total:,} words ({', '.join(b.name for b in library)}, the project's corpus)")
    print("lints per 1,000 words, on by default here or not\n")
    for rule, found in sorted(seen.items(), key=lambda kv: -len(kv[1])):
        state = "on " if rule.removeprefix("harper.") in DEFAULT_RULES else "off"
        print(f"{1000 * len(found) / total:6.2f}  {state}  {rule} ({len(found)})")
        for example in found[: args.examples]:
            print(f"          {example}".replace("\n", " "))


if __name__ == "__main__":
    main()
