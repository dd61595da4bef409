"""A 20,000-word Word draft, checked and fixed with tracked changes: wall time, peak memory.

The draft is built from the corpus with python-docx (a bold run in every paragraph, one
doubled period and one doubled word put in every fifth paragraph, so there is work to do).

    python bench/bench_docx.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx

from bench.bench_speed import draft_of
from bench.corpus import words
from proofer.formats.docx import revisions


def build(path: Path, n_words: int) -> int:
    document = docx.Document()
    count = 0
    for i, para in enumerate(p for p in draft_of(n_words).split("\n") if p.strip()):
        if i % 5 == 0:
            para = para.replace(" the ", " the the ", 1).rstrip(".") + ".."
        p = document.add_paragraph()
        head, _, tail = para.partition(" ")
        p.add_run(head + " ").bold = True
        p.add_run(tail)
        count += words(para)
    document.save(str(path))
    return count


def run(cmd: list[str]) -> tuple[float, float]:
    started = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False)
    wall = time.perf_counter() - started
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "long.docx"
        n = build(source, 20_000)
        out = Path(folder) / "long-proofed.docx"
        proofer = [sys.executable, "-m", "proofer"]
        wall, peak = run([*proofer, "check", str(source), "--fail-on", "never"])
        print(f"check of a {n:,}-word .docx: {wall:.1f} s wall, {peak:.0f} MiB peak")
        wall, peak = run([*proofer, "fix", str(source), "--output", str(out), "--track-changes"])
        print(f"fix with tracked changes: {wall:.1f} s wall, {peak:.0f} MiB peak "
              f"({len(revisions(out)):,} revisions written)")  # fmt: skip


if __name__ == "__main__":
    main()
