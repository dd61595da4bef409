"""A desk profile learned from half of a real archive, tried on the other half.

The archive is the chapters of ``bench/realprose.py`` (install: apt-get install
r-cran-janeaustenr), cut at paragraph ends into stories of about 500 words, as a wire
archive's are. Chapters alternate between the halves (every novel is in both), and so do
their stories. A few one-off typos are slipped into the training half first, and a few
slips repeated in several stories. The script prints:

- what ``proofer learn`` made of the training half, with its time, and whether any of the
  slipped typos became a desk word or a name;
- alarms (errors and warnings) per 1,000 words on the held-out half, by rule, without and
  with the desk;
- typos injected into the held-out half as ``bench/bench_precision.py`` makes them, into
  words neither check doubts (lower-case and capitalised, names included), and the share
  caught without and with the desk.

    python bench/bench_learn.py [--every N] [--show N] [--workers N]
    python bench/bench_learn.py --synthetic 100000   # learn only, on 100,000 small files

``--every N`` checks one held-out story in N (quicker, rougher); ``--keep DIR`` keeps the
training archive and the desk learned from it. ``--synthetic N`` makes N
small stories from the same prose in a temporary folder and prints the time and the peak
memory of ``proofer learn`` on them (its largest process).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_precision import CAPITAL, LOWER, alarms, inject, known, slip
from bench.corpus import words
from bench.realprose import ARCHIVE_INSTALL, Book, chapters
from proofer import batch
from proofer.config import Config, with_desk
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.lexicon import zipf
from proofer.proofreader import Proofreader

STORY_WORDS = 500
ONE_OFF_EVERY = 4  # one training story in this many gets a one-off typo or two
REPEATED = 12  # slips, each made in REPEATED_IN training stories
REPEATED_IN = 3
PROOFER = str(Path(sys.executable).with_name("proofer"))


def stories(chapter: Book) -> list[Book]:
    """A chapter cut into stories of about ``STORY_WORDS`` words, at paragraph ends."""
    out, paragraphs, count = [], [], 0
    for para in chapter.paragraphs:
        paragraphs.append(para)
        count += words(para)
        if count >= STORY_WORDS:
            out.append(Book(f"{chapter.name}.{len(out) + 1}", paragraphs))
            paragraphs, count = [], 0
    if paragraphs:
        out.append(Book(f"{chapter.name}.{len(out) + 1}", paragraphs))
    return out


def halves(library: list[Book]) -> tuple[list[Book], list[Book]]:
    """The stories of even chapters, and of odd ones."""
    train = [s for i, c in enumerate(library) if i % 2 == 0 for s in stories(c)]
    held = [s for i, c in enumerate(library) if i % 2 == 1 for s in stories(c)]
    return train, held


def slipped_archive(
    train: list[Book], folder: Path, engine: HarperEngine, seed: int
) -> tuple[set[str], set[str]]:
    """Write the training stories into ``folder`` with typos slipped in: one-off ones, and
    ``REPEATED`` slips each made in ``REPEATED_IN`` stories. Returns both sets of typos."""
    rng = random.Random(seed)
    texts = [s.text for s in train]
    one_off: set[str] = set()
    for i in range(0, len(texts), ONE_OFF_EVERY):
        texts[i], injected = inject(texts[i], LOWER, set(), rng, engine, 200)
        one_off.update(inj.wrong for inj, _ in injected)
    common = Counter(w for t in texts for w in set(LOWER.findall(t)))
    pool = sorted(w for w, n in common.items() if n >= 5 * REPEATED_IN)
    repeated: set[str] = set()
    for word in rng.sample(pool, len(pool)):
        if len(repeated) == REPEATED:
            break
        wrong = slip(word, rng.choice(("swap", "drop", "double", "key")), rng)
        if wrong == word or zipf(wrong) >= 3.0 or known(wrong, engine):
            continue
        having = [i for i, t in enumerate(texts) if re.search(rf"\b{word}\b", t)]
        for i in rng.sample(having, REPEATED_IN):
            texts[i] = re.sub(rf"\b{word}\b", wrong, texts[i], count=1)
        repeated.add(wrong)
    folder.mkdir(parents=True)
    for i, text in enumerate(texts):
        (folder / f"{i:05}.txt").write_text(text + "\n", encoding="utf-8")
    return one_off - repeated, repeated


def learned_forms(desk: Path) -> set[str]:
    """Every word the desk now accepts: its desk words and the words of its names."""
    forms = set()
    for line in (desk / "words.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            forms.add(line.split("#")[0].strip())
    for line in (desk / "entities.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            forms.update(line.split("!")[0].split())
    return forms


@dataclass
class Checked:
    """One held-out story: alarms by rule without and with the desk, and typo tallies."""

    words: int
    plain: Counter[str]
    desk: Counter[str]
    typos: Counter[str] = field(default_factory=Counter)
    shown: list[tuple[str, str]] = field(default_factory=list)  # desk alarm: rule, context
    missed: list[str] = field(default_factory=list)  # typos the desk's check let through


def check_story(plain: Proofreader, desk: Proofreader, book: Book, seed: int) -> Checked:
    """Check ``book`` both ways; then inject typos into words the desk's check does not
    doubt, and count those each check catches."""
    text = book.text
    plain_found = alarms(plain.check(Document(text)).findings)
    desk_all = desk.check(Document(text)).findings
    desk_found = alarms(desk_all)
    out = Checked(
        words(text), Counter(f.rule for f in plain_found), Counter(f.rule for f in desk_found)
    )
    out.shown = [
        (f.rule, text[max(0, f.start - 50) : f.end + 30].replace("\n", " ")) for f in desk_found
    ]
    doubted = {text[f.start : f.end] for f in desk_all}
    rng = random.Random(f"{seed}{book.name}")
    for label, pattern, every in (("lower", LOWER, 12), ("capital", CAPITAL, 3)):
        slipped, injected = inject(text, pattern, doubted, rng, desk.engine, every)
        for name, reader in (("plain", plain), ("desk", desk)):
            found = alarms(reader.check(Document(slipped)).findings)
            for inj, _ in injected:
                caught = any(f.start < inj.end and inj.start < f.end for f in found)
                out.typos[f"{label} {name} caught"] += caught
                if name == "desk" and not caught:
                    out.missed.append(f"{inj.wrong} (meant {inj.right})")
        out.typos[f"{label} injected"] += len(injected)
    return out


def learn_half(train: list[Book], root: Path, seed: int, workers: int | None) -> Path:
    """Learn a desk from the training half (typos slipped in); print what it made of it."""
    engine = HarperEngine()
    one_off, repeated = slipped_archive(train, root / "archive", engine, seed)
    desk = root / "desk"
    cmd = [PROOFER, "learn", str(root / "archive"), "--output", str(desk)]
    if workers:
        cmd += ["--workers", str(workers)]
    started = time.perf_counter()
    subprocess.run(cmd, check=True)
    took = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\nlearned from {len(train)} stories in {took:.1f} s (peak {peak:.0f} MB)")
    print((desk / "report.md").read_text(encoding="utf-8"))
    forms = learned_forms(desk)
    print(f"one-off typos slipped into the training half: {len(one_off)}, learned: "
          f"{len(one_off & forms)} {sorted(one_off & forms)}")  # fmt: skip
    print(f"slips made in {REPEATED_IN} training stories each: {len(repeated)}, learned: "
          f"{len(repeated & forms)} {sorted(repeated & forms)}")  # fmt: skip
    return desk


def try_half(held: list[Book], desk: Path, seed: int, show: int, workers: int | None) -> None:
    """Alarms and typos on the held-out half, without and with the desk."""
    engine = HarperEngine()
    plain = Proofreader(Config(), engine)
    with_profile = Proofreader(with_desk(Config(), desk), engine)
    total = Checked(0, Counter(), Counter())
    for one in batch.in_order(
        lambda book: check_story(plain, with_profile, book, seed),
        held,
        workers=workers,
        warm=lambda: (plain.check(Document("Warm up.")), with_profile.check(Document("Up."))),
    ):
        total.words += one.words
        total.plain += one.plain
        total.desk += one.desk
        total.typos += one.typos
        total.shown += one.shown
        total.missed += one.missed
    per_k = 1000 / total.words
    print(f"held-out half: {len(held)} stories, {total.words:,} words")
    print(f"alarms per 1,000 words: without the desk {per_k * total.plain.total():.2f}, "
          f"with it {per_k * total.desk.total():.2f}")  # fmt: skip
    print("  without  with  rule")
    for rule in sorted(total.plain | total.desk, key=lambda r: -(total.plain[r] + total.desk[r])):
        print(f"  {per_k * total.plain[rule]:7.2f} {per_k * total.desk[rule]:5.2f}  {rule}")
    print("\ninjected typos caught (error or warning on the word), without / with the desk")
    for label in ("lower", "capital"):
        n = max(total.typos[f"{label} injected"], 1)
        print(f"  {label:>8} ({n}): {100 * total.typos[f'{label} plain caught'] / n:.1f}% / "
              f"{100 * total.typos[f'{label} desk caught'] / n:.1f}%")  # fmt: skip
    rng = random.Random(seed)
    if show:
        print("  missed with the desk: " + ", ".join(
            rng.sample(total.missed, min(show, len(total.missed)))))  # fmt: skip
    for rule, context in rng.sample(total.shown, min(show, len(total.shown))):
        print(f"\n  [{rule}] …{context}…")


def synthetic(library: list[Book], count: int, workers: int | None, seed: int) -> None:
    """``count`` small stories of three paragraphs drawn from the prose, learned from."""
    rng = random.Random(seed)
    paragraphs = [p for book in library for p in book.paragraphs if words(p) >= 20]
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        for i in range(count):
            folder = archive / f"{i // 1000:03}"
            if i % 1000 == 0:
                folder.mkdir(parents=True)
            text = "\n\n".join(rng.sample(paragraphs, 3))
            (folder / f"{i:06}.txt").write_text(text + "\n", encoding="utf-8")
        print(f"{count:,} stories written; learning", flush=True)
        cmd = [PROOFER, "learn", str(archive), "--output", str(Path(tmp) / "desk")]
        if workers:
            cmd += ["--workers", str(workers)]
        started = time.perf_counter()
        subprocess.run(cmd, check=True)
        took = time.perf_counter() - started
        largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"learn on {count:,} stories: {took:.0f} s, peak memory {largest:.0f} MB "
              "(the largest of its processes)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--synthetic", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="a new folder to keep the archive and desk in")
    args = parser.parse_args()
    library = chapters()
    if not library:
        print(f"bench_learn: the archive is not installed; run `{ARCHIVE_INSTALL}`")
        return
    if args.synthetic:
        synthetic(library, args.synthetic, args.workers, args.seed)
        return
    train, held = halves(library)
    with tempfile.TemporaryDirectory() as tmp:
        desk = learn_half(train, args.keep or Path(tmp), args.seed, args.workers)
        try_half(held[:: args.every], desk, args.seed, args.show, args.workers)


if __name__ == "__main__":
    main()
