"""Whole processes, as a writer or a pipeline runs them, next to a bare Harper script.

- A batch: 100 files checked in one `proofer check` call and by a bare script that builds one
  Harper linter (all its rules) and lints each file. Twice: 100 files of about 400 words of
  real prose, each different (the books of ``bench/realprose.py``, when installed), as a
  newsroom's stories are; and 100 files made of the project's nine stories, repeated, where
  both sides' caches answer for the repeats.
- Fixing a batch: `proofer fix` over the same 100 files (the first kind available) into an
  output folder, in one call (every core) and one process per file (how a script would do it
  before), with the cores each keeps busy.
- One draft: a 1,000-word story through `proofer check --daemon` (warm) and a bare Harper
  process on the same file.
- Linear: the whole check (in one process) on 20,000 and 200,000 words, with peak memory;
  and 50,000 words as one paragraph against the same words in paragraphs.

- Big drafts, with ``--large 5,10`` (megabytes): one whole `proofer check` process on a
  draft of that size, its wall time and peak memory.

Runs alternate between the two sides and the medians are printed, with CPU seconds (user +
sys), cores busy (CPU over wall: 2.0 means two cores busy) and the load average after the
runs (other work on the machine slows both sides, and leaves no core free to keep busy).

    python bench/bench_batch.py [--runs N] [--files N] [--large MB,...]

``--files`` sets the batch's size (100).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import stories, words
from bench.realprose import INSTALL, books

PROOFER = str(Path(sys.executable).with_name("proofer"))
BARE_HARPER = """
import sys, harper
linter = harper.Linter()
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as fh:
        linter.lint(fh.read(), language="plaintext")
"""


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one whole process."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=env, check=False)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def paired(a: list[str], b: list[str], runs: int, env: dict[str, str] | None = None) -> None:
    """Alternate the two commands; print medians and the ratio of b's time to a's."""
    a_walls, b_walls, a_cpu, b_cpu = [], [], [], []
    for _ in range(runs):
        wall, cpu = timed(a, env)
        a_walls.append(wall)
        a_cpu.append(cpu)
        wall, cpu = timed(b, env)
        b_walls.append(wall)
        b_cpu.append(cpu)
    am, bm = statistics.median(a_walls), statistics.median(b_walls)
    ac, bc = statistics.median(a_cpu), statistics.median(b_cpu)
    print(f"  bare Harper {am:6.2f} s ({ac:.2f} s CPU, cores busy {ac / am:.1f})   "
          f"proofer {bm:6.2f} s ({bc:.2f} s CPU, cores busy {bc / bm:.1f})   "
          f"proofer speed / Harper speed: {am / bm:.2f}   {load()}")  # fmt: skip


def fixing(paths: list[Path], folder: Path, runs: int, env: dict[str, str]) -> None:
    """`proofer fix` of every file into an output folder: one call (median of ``runs``)
    against one process per file (once: it is the slow side), with cores busy for each."""
    files = [str(p) for p in paths]
    out = folder / "fixed"
    walls, busy = [], []
    for _ in range(runs):
        wall, cpu = timed([PROOFER, "fix", *files, "--output-dir", str(out), "--overwrite"], env)
        walls.append(wall)
        busy.append(cpu / wall)
    assert all((out / p.name).is_file() for p in paths), "proofer fix wrote no output"
    each_wall = each_cpu = 0.0
    for path in paths:
        wall, cpu = timed([PROOFER, "fix", str(path), "-o", str(out / path.name), "--overwrite"],
                          env)  # fmt: skip
        each_wall += wall
        each_cpu += cpu
    one = statistics.median(walls)
    print(f"  `proofer fix` into a folder: one call {one:6.2f} s (cores busy "
          f"{statistics.median(busy):.1f})   one process per file {each_wall:6.2f} s (cores busy "
          f"{each_cpu / each_wall:.1f}): {each_wall / one:.1f}x   {load()}")  # fmt: skip


def load() -> str:
    """The machine's load average over the last minute: above the core count, other work
    is slowing the figures down."""
    return f"(load {os.getloadavg()[0]:.1f})"


def prose_files(folder: Path, n: int, size: int = 400) -> list[Path]:
    """Up to ``n`` files of about ``size`` words of real prose, no two alike (none when the
    books are not installed)."""
    paths: list[Path] = []
    chunk: list[str] = []
    for paragraph in (p for book in books() for p in book.paragraphs):
        chunk.append(paragraph)
        if words(" ".join(chunk)) >= size:
            paths.append(folder / f"prose-{len(paths):03d}.txt")
            paths[-1].write_text("\n\n".join(chunk) + "\n", encoding="utf-8")
            chunk = []
            if len(paths) == n:
                break
    return paths


def story_files(folder: Path, n: int) -> list[Path]:
    """``n`` distinct story files from the corpus (each opens with its own number)."""
    texts = [s.text for s in stories()]
    paths = []
    for i in range(n):
        path = folder / f"story-{i:03d}.txt"
        path.write_text(f"Story {i} of the batch.\n\n{texts[i % len(texts)]}", encoding="utf-8")
        paths.append(path)
    return paths


def copies(text: str, n: int) -> str:
    """``n`` copies of ``text`` whose paragraphs all differ (each opens with its copy's
    number), so no cache can answer for a repeat."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(f"Part {k}. {p}" for k in range(max(n, 1)) for p in paragraphs)


def in_process(text: str) -> tuple[float, float]:
    """Wall seconds and peak MiB of one whole check of ``text`` in a fresh process."""
    code = (
        "import sys, time, resource\n"
        "from proofer.document import Document\n"
        "from proofer.proofreader import Proofreader\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "p = Proofreader(); p.check(Document('Warm the engnie up.'))\n"
        "t = time.perf_counter(); p.check(Document(text))\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        out = subprocess.run([sys.executable, "-c", code, fh.name], capture_output=True,
                             text=True, check=True).stdout.split()  # fmt: skip
    return float(out[0]), int(out[1]) / 1024


def whole(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, which other work on the machine inflates
    less; its worker processes' included) and peak MiB of one whole process (its output
    thrown away; the largest of it and its workers, which share much of its memory)."""
    started = time.perf_counter()
    to_null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
    pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=to_null)
    _, _, usage = os.wait4(pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - started, cpu, usage.ru_maxrss / 1024


def large(megabytes: list[float]) -> None:
    """A whole `proofer check` of one draft of each size: the project's stories, copied
    until the draft is that long, each copy's paragraphs numbered."""
    text = "\n\n".join(s.text for s in stories())
    first: tuple[float, float, float] | None = None  # size, wall and CPU of the first draft
    for mb in megabytes:
        draft = copies(text, round(mb * 1_000_000 / len(text.encode("utf-8"))))
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as fh:
            fh.write(draft)
            fh.flush()
            size = os.path.getsize(fh.name) / 1_000_000
            before = load()
            wall, cpu, peak = whole([PROOFER, "check", fh.name, "--format", "json"])
        ratio = ""
        if first is not None:
            times = size / first[0]
            ratio = (f"; {times:.1f}x the text: {wall / first[1]:.1f}x the time, "
                     f"{cpu / first[2]:.1f}x the CPU")  # fmt: skip
        first = first or (size, wall, cpu)
        print(f"one draft of {size:.1f} MB ({words(draft):,} words): {wall:.1f} s "
              f"({cpu:.1f} s CPU), {peak:.0f} MiB peak{ratio}   {before}")  # fmt: skip


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    n_files = int(sys.argv[sys.argv.index("--files") + 1]) if "--files" in sys.argv else 100
    if "--large" in sys.argv:
        large([float(mb) for mb in sys.argv[sys.argv.index("--large") + 1].split(",")])
        return
    bare = [sys.executable, "-c", BARE_HARPER]
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "XDG_RUNTIME_DIR": folder, "XDG_CACHE_HOME": folder}
        batches = [
            ("files of real prose, each different", prose_files(Path(folder), n_files)),
            ("stories, the project's nine repeated", story_files(Path(folder), n_files)),
        ]
        for kind, paths in batches:
            if not paths:
                print(f"(no real prose installed; to measure on it too: {INSTALL})")
                continue
            n = sum(words(p.read_text(encoding="utf-8")) for p in paths)
            print(f"a batch of {len(paths)} {kind}, {n:,} words, on {os.cpu_count()} cores:")
            files = [str(p) for p in paths]
            paired(bare + files, [PROOFER, "check", *files, "--fail-on", "never"], runs, env)
        print("the first of those batches fixed:")
        fixing(next(paths for _, paths in batches if paths), Path(folder), runs, env)

        one = Path(folder) / "one.txt"
        one.write_text("\n\n".join(s.text for s in stories()[:3]), encoding="utf-8")
        print(f"one draft of {words(one.read_text(encoding='utf-8')):,} words, "
              "`proofer check --daemon` (warm) against a bare Harper process:")  # fmt: skip
        daemon = [PROOFER, "check", str(one), "--daemon", "--fail-on", "never"]
        subprocess.run(daemon, capture_output=True, env=env, check=False)  # start it
        paired([*bare, str(one)], daemon, runs, env)
        subprocess.run([PROOFER, "daemon", "stop"], capture_output=True, env=env, check=False)

    text = "\n\n".join(s.text for s in stories())
    base = words(text)
    small = copies(text, round(20_000 / base))
    big = copies(text, 10 * round(20_000 / base))
    t_small, m_small = in_process(small)
    t_big, m_big = in_process(big)
    print(f"linear: {words(small):,} words {t_small:.2f} s ({m_small:.0f} MiB peak), "
          f"{words(big):,} words {t_big:.2f} s ({m_big:.0f} MiB peak): "
          f"{t_big / t_small:.1f}x the time for 10x the words   {load()}")  # fmt: skip
    fifty = copies(text, round(50_000 / base))
    t_paragraphs, _ = in_process(fifty)
    t_one, _ = in_process(" ".join(fifty.split()))
    print(f"{words(fifty):,} words as one paragraph {t_one:.2f} s, in paragraphs "
          f"{t_paragraphs:.2f} s: {t_one / t_paragraphs:.2f}x   {load()}")  # fmt: skip


if __name__ == "__main__":
    main()
