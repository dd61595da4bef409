"""Style files and desk profiles: the cost of a big desk style, the news preset's alarms on
clean stories, and how fast `proofer learn` reads an archive.

- A desk style of 13,000 made-up swaps (the size of a big newsroom's shared sheet): load
  and compile time, and the check of the corpus with it next to the same check without.
- news-us on the corpus stories (written for the project in no particular house style):
  its findings per 1,000 words, by rule.
- learn: an archive of copies of the corpus stories (4,000 files), stories per second.

    python bench/bench_style.py
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import stories, words
from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.learn import learn
from proofer.proofreader import Proofreader
from proofer.style import load_styles

_SYLLABLES = ("ka", "lo", "mir", "ves", "tran", "do", "ri", "an", "el", "sa", "bu", "ne", "ot")


def big_style(folder: Path, n: int = 13_000) -> Path:
    rng = random.Random(5)

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))

    swaps = {f"{word()} {word()}" if i % 3 else word(): word() for i in range(n)}
    body = ", ".join(f'"{k}" = "{v}"' for k, v in swaps.items())
    path = folder / "big.toml"
    path.write_text(f'[[rule]]\nid = "desk.big"\nkind = "substitution"\nswap = {{ {body} }}\n')
    return path


def timed_check(proofreader: Proofreader, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        proofreader.check(Document(text))
    return time.perf_counter() - start


def main() -> None:
    engine = HarperEngine()
    corpus = stories()
    texts = [s.text for s in corpus]
    n_words = sum(words(t) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        path = big_style(Path(tmp))
        start = time.perf_counter()
        loaded = load_styles((str(path),))
        load_s = time.perf_counter() - start
        keys = sum(len(p.patterns) for p in loaded.patterns)
        plain = Proofreader(Config(), engine)
        desk = Proofreader(Config(style=(str(path),)), engine)
        timed_check(plain, texts)  # warm
        base, with_style = timed_check(plain, texts), timed_check(desk, texts)
        print(f"style: {keys:,} swaps load and compile in {load_s:.2f} s; corpus check "
              f"({n_words:,} words) {base:.2f} s without, {with_style:.2f} s with")  # fmt: skip

    news = Proofreader(Config(style=("news-us",)), engine)
    found: Counter[str] = Counter()
    for text in texts:
        found.update(
            f.rule for f in news.check(Document(text)).findings if f.rule.startswith("news")
        )
    per_k = sum(found.values()) * 1000 / n_words
    print(f"news-us on the corpus: {per_k:.1f} findings per 1,000 words: "
          + ", ".join(f"{r} {n}" for r, n in found.most_common()))  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        archive.mkdir()
        for i in range(4000):
            story = corpus[i % len(corpus)]
            shutil.copy(story_path(story.name), archive / f"{i:05}-{story.name}.txt")
        start = time.perf_counter()
        learned = learn(archive, Path(tmp) / "desk", quiet=True)
        took = time.perf_counter() - start
        print(f"learn: 4,000 stories in {took:.1f} s ({4000 / took:.0f} stories/s, every core); "
              f"{len(learned.words)} desk words, {len(learned.entities)} names")  # fmt: skip


def story_path(name: str) -> Path:
    return Path(__file__).parent / "corpus" / f"{name}.txt"


if __name__ == "__main__":
    main()
