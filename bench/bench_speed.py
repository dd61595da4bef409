"""Speed of the whole check next to raw Harper on the same text, and the command's cost.

Prints words per second for raw Harper (one lint of the whole text) and for the whole
check (every checker, merging included), on drafts of about 1,000 and 10,000 words
built from the corpus; the CPU time of re-checking a draft after one word of one paragraph
changed (the editor after a pause, a server client re-sending the draft); then the wall time
and peak memory of `proofer check` on a 1,000-word draft, start-up included.

    python bench/bench_speed.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import harper

from bench.corpus import stories, words
from proofer.config import Config
from proofer.document import Document
from proofer.proofreader import Proofreader


def draft_of(n_words: int) -> str:
    """Whole stories, in turn, until the draft has ``n_words``."""
    texts = [s.text for s in stories()]
    out: list[str] = []
    i = 0
    while words("\n\n".join(out)) < n_words:
        out.append(texts[i % len(texts)])
        i += 1
    return "\n\n".join(out)


def best_of(runs: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    # Harper builds its suggestion index on the first unknown word it meets, once per
    # process (about a second): pay it before timing either side.
    harper.Linter().lint("Kushiyara", language="plaintext")
    print(
        "first check of a draft (fresh linter, fresh caches) and a re-check of the same text,\n"
        "in words per second; ratio = whole check / raw Harper\n"
    )
    print(f"{'draft':>12} {'raw Harper':>12} {'whole check':>12} {'ratio':>6}   "
          f"{'raw again':>12} {'check again':>12} {'ratio':>6}")  # fmt: skip
    for size in (1_000, 10_000):
        text = draft_of(size)
        n = words(text)
        raw = best_of(3, lambda t=text: harper.Linter().lint(t, language="plaintext", dedup=False))
        first = best_of(3, lambda t=text: Proofreader(Config()).check(Document(t)))
        linter = harper.Linter()
        warm_raw = best_of(3, lambda t=text, h=linter: h.lint(t, language="plaintext", dedup=False))
        proofreader = Proofreader(Config())
        warm = best_of(3, lambda t=text, p=proofreader: p.check(Document(t)))
        print(
            f"{n:>6} words {n / raw:>8,.0f} w/s {n / first:>8,.0f} w/s {raw / first:>6.2f}   "
            f"{n / warm_raw:>8,.0f} w/s {n / warm:>8,.0f} w/s {warm_raw / warm:>6.2f}"
        )

    edited_rechecks()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.txt"
        path.write_text(draft_of(1_000), encoding="utf-8")
        cmd = [sys.executable, "-m", "proofer", "check", str(path), "--fail-on", "never"]
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        wall = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"\n`proofer check` on {words(path.read_text())} words: {wall:.2f} s wall, "
              f"{peak:.0f} MiB peak memory (start-up included)")  # fmt: skip


def one_word_changed(text: str, k: int) -> str:
    """``text`` with one word (the middle one) of its ``k``-th paragraph changed."""
    paragraphs = text.split("\n\n")
    i = k % len(paragraphs)
    spaced = paragraphs[i].split(" ")
    spaced[len(spaced) // 2] += "s"
    paragraphs[i] = " ".join(spaced)
    return "\n\n".join(paragraphs)


def edited_rechecks(rounds: int = 10) -> None:
    """CPU time (this process's, so other work on the machine does not count) of a warm
    proofreader re-checking a draft after each of ``rounds`` one-word edits, next to a warm
    Harper linting the same edited text whole."""
    print("\nre-check after a one-word edit, CPU ms per check (warm proofreader, warm Harper)")
    linter = harper.Linter()
    for size in (500, 5_000):
        text = draft_of(size)
        proofreader = Proofreader(Config())
        proofreader.check(Document(text))
        drafts = [one_word_changed(text, k) for k in range(rounds)]
        started = time.process_time()
        for draft in drafts:
            proofreader.check(Document(draft))
        ours = (time.process_time() - started) / rounds
        started = time.process_time()
        for draft in drafts:
            linter.lint(draft, language="plaintext", dedup=False)
        raw = (time.process_time() - started) / rounds
        print(f"{words(text):>6} words: whole check {ours * 1000:6.1f} ms, "
              f"raw Harper {raw * 1000:6.1f} ms, ratio {ours / raw:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
