"""Names: slips in listed names caught, alarms on clean stories, and scale.

Accuracy: in each corpus story, every word of a listed name that occurs in the text gets
one slip in turn (as people make them); caught when an error or warning lands on it, right
when its first suggestion is the listed spelling.
Scale: made-up lists of 10,000 and 100,000 names (syllables, not real people): load and
index time, memory, and the check time of a 1,000-word story with the big list next to
the same check with a 150-name list.

    python bench/bench_names.py
"""

from __future__ import annotations

import os
import random
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import misspell, stories, words
from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.entities import EntityList, load_entity_lists, read_list_text
from proofer.findings import Severity
from proofer.lexicon import zipf
from proofer.proofreader import Proofreader

_SYLLABLES = ("ka", "lo", "mir", "ves", "tran", "do", "ri", "an", "el", "sa", "bu", "ne", "ot",
              "ha", "vi", "go", "ra", "zu", "len", "mar", "to", "pe", "li", "ku")  # fmt: skip


def _load(path: Path) -> EntityList:
    """A list file read as a desk's settings have it read (the disk cache included)."""
    return load_entity_lists([(path, read_list_text(path))])


def made_up_names(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    return [f"{word()} {word()}" for _ in range(n)]


def accuracy(engine: HarperEngine) -> None:
    rng = random.Random(3)
    caught = right = total = alarms = 0
    n_words = 0
    for story in stories():
        proofreader = Proofreader(Config(entities=(story.entities,)), engine)
        clean = proofreader.check(Document(story.text)).findings
        alarms += sum(f.severity is not Severity.INFO for f in clean)
        n_words += words(story.text)
        listed = {
            t for e in proofreader.entities.entities for t in re.findall(r"[^\W\d_]{5,}", e.name)
        }
        for m in re.finditer(r"[^\W\d_]+", story.text):
            token = m.group()
            if token not in listed:
                continue
            for _ in range(10):
                wrong = misspell(token, rng)
                if wrong != token and zipf(wrong) < 3:
                    break
            text = story.text[: m.start()] + wrong + story.text[m.end() :]
            found = [f for f in proofreader.check(Document(text)).findings
                     if f.severity is not Severity.INFO and f.start < m.start() + len(wrong)
                     and m.start() < f.end]  # fmt: skip
            total += 1
            caught += bool(found)
            # Right when the first suggestion, applied, gives back the story as written
            # (a hyphenated name is fixed whole: Okafpr-Whitman -> Okafor-Whitman).
            ok = (
                bool(found)
                and bool(found[0].suggestions)
                and (
                    text[: found[0].start] + found[0].suggestions[0] + text[found[0].end :]
                    == story.text
                )
            )
            right += ok
            if "--verbose" in sys.argv and not ok:
                shown = [(f.rule, f.suggestions[:2]) for f in found] or "missed"
                print(f"  {wrong} (meant {token}): {shown}")
    print(f"slips in listed names: caught {caught}/{total} = {100 * caught / total:.1f}%, "
          f"right first {100 * right / total:.1f}%")  # fmt: skip
    print(f"alarms (errors and warnings) on the clean stories with their lists: "
          f"{1000 * alarms / n_words:.2f} per 1,000 words")  # fmt: skip


def scale(engine: HarperEngine) -> None:
    story = stories()[0]
    text = "\n\n".join(s.text for s in stories()[:2])
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.txt"
        small.write_text(story.entities.read_text() + "\n".join(made_up_names(140)), "utf-8")
        timings = {}
        for n in (10_000, 100_000):
            path = Path(folder) / f"list-{n}.txt"
            path.write_text(story.entities.read_text() + "\n".join(made_up_names(n)), "utf-8")
            started = time.perf_counter()
            index = _load(path).index
            elapsed = time.perf_counter() - started
            started = time.perf_counter()
            _load(path).index  # noqa: B018 (the second run reads the disk cache)
            cached = time.perf_counter() - started
            tracemalloc.start()  # measured apart: tracing slows the load several times
            _load(path).index  # noqa: B018
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"{n:>7,} names: load and index {elapsed:.2f} s, {peak / 2**20:.0f} MiB "
                  f"({len(index.by_token):,} words); from the cache {cached:.2f} s")  # fmt: skip
            timings[n] = path
        for label, path in (("150 names", small), ("100,000 names", timings[100_000])):
            proofreader = Proofreader(Config(entities=(path,)), engine)
            _ = proofreader.entities.index  # built once per list, as the editor and CLI do
            proofreader.check(Document(text))
            started = time.perf_counter()
            for _ in range(3):
                proofreader.check(Document(text + " "))
            per = (time.perf_counter() - started) / 3
            print(f"check of {words(text)} words with {label}: {1000 * per:.0f} ms")


def main() -> None:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp()  # start without a cache, measure both
    engine = HarperEngine()
    accuracy(engine)
    scale(engine)


if __name__ == "__main__":
    main()
