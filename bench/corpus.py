"""The benchmark corpus and the misspellings injected into it.

Stories in ``bench/corpus`` were written for this project. Misspellings are made the way
people make them (a letter dropped, doubled, swapped with its neighbour, or replaced by a
neighbouring key), kept only when the result is not itself an English word.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from proofer.engines.harper import Dialect, HarperEngine
from proofer.lexicon import zipf

CORPUS = Path(__file__).parent / "corpus"
_KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


@dataclass(frozen=True)
class Story:
    name: str
    text: str
    entities: Path


@dataclass(frozen=True)
class Injection:
    start: int
    end: int
    wrong: str
    right: str


def stories() -> list[Story]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        if path.name.endswith(".entities.txt"):
            continue
        out.append(
            Story(path.stem, path.read_text(encoding="utf-8"), path.with_suffix(".entities.txt"))
        )
    return out


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _neighbours(ch: str) -> str:
    for row in _KEYBOARD:
        i = row.find(ch)
        if i >= 0:
            return row[max(0, i - 1) : i] + row[i + 1 : i + 2]
    return ""


def misspell(word: str, rng: random.Random) -> str:
    """One slip, never in the first letter (people rarely get that wrong)."""
    i = rng.randrange(1, len(word))
    op = rng.choice(["delete", "insert", "transpose", "substitute"])
    if op == "delete":
        return word[:i] + word[i + 1 :]
    if op == "insert":
        return (
            word[:i]
            + (rng.choice(_neighbours(word[i])) if _neighbours(word[i]) else word[i])
            + word[i:]
        )
    if op == "transpose" and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    near = _neighbours(word[i])
    return word[:i] + (rng.choice(near) if near else word[i]) + word[i + 1 :]


def inject(
    text: str, rng: random.Random, engine: HarperEngine, every: int = 12
) -> tuple[str, list[Injection]]:
    """Misspell about one word in ``every`` (lower-case words of four letters or more)."""
    spans = [m for m in re.finditer(r"(?<![\w’'-])[a-z]{4,}(?![\w’'-])", text)]
    chosen = spans[rng.randrange(every) :: every]
    pieces, injections, pos, shift = [], [], 0, 0
    for m in chosen:
        word = m.group()
        for _ in range(10):
            wrong = misspell(word, rng)
            if wrong != word and zipf(wrong) < 3.0 and _unknown(wrong, engine):
                break
        else:
            continue
        pieces.append(text[pos : m.start()])
        pieces.append(wrong)
        start = m.start() + shift
        injections.append(Injection(start, start + len(wrong), wrong, word))
        shift += len(wrong) - len(word)
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces), injections


def _unknown(word: str, engine: HarperEngine) -> bool:
    """Not a word in either main dialect: a real-word error is a different problem."""
    return all(engine.unknown_words([word], d) for d in (Dialect.AMERICAN, Dialect.BRITISH))


# Misspellings people actually make, with the word they meant (general knowledge of English).
COMMON_MISSPELLINGS = {
    "recieve": "receive", "seperate": "separate", "occured": "occurred",
    "definately": "definitely", "goverment": "government", "accomodate": "accommodate",
    "untill": "until", "wich": "which", "beleive": "believe", "acheive": "achieve",
    "begining": "beginning", "calender": "calendar", "commited": "committed",
    "concious": "conscious", "existance": "existence", "foriegn": "foreign", "freind": "friend",
    "garantee": "guarantee", "harrass": "harass", "independant": "independent",
    "knowlege": "knowledge", "liason": "liaison", "millenium": "millennium",
    "neccessary": "necessary", "occassion": "occasion", "persistant": "persistent",
    "posession": "possession", "publically": "publicly", "reccomend": "recommend",
    "refered": "referred", "relevent": "relevant", "succesful": "successful",
    "tommorow": "tomorrow", "truely": "truly", "wierd": "weird", "arguement": "argument",
    "enviroment": "environment", "embarass": "embarrass", "finaly": "finally", "gaurd": "guard",
    "hieght": "height", "immediatly": "immediately", "lenght": "length", "mispell": "misspell",
    "noticable": "noticeable", "parliment": "parliament", "politican": "politician",
    "recomend": "recommend", "resistence": "resistance", "sieze": "seize",
    "supercede": "supersede", "tounge": "tongue", "vaccum": "vacuum", "writting": "writing",
    "adress": "address", "agressive": "aggressive", "apparantly": "apparently",
    "basicly": "basically", "buisness": "business", "catagory": "category",
    "collegue": "colleague", "comittee": "committee", "completly": "completely",
    "critisism": "criticism", "dissapoint": "disappoint", "enterpreneur": "entrepreneur",
    "excercise": "exercise", "gratefull": "grateful", "happend": "happened",
    "interupt": "interrupt", "maintainance": "maintenance", "medeival": "medieval",
    "minature": "miniature", "occurence": "occurrence", "oppurtunity": "opportunity",
    "paralel": "parallel", "prefered": "preferred", "privelege": "privilege",
    "recieved": "received", "responsability": "responsibility", "restaraunt": "restaurant",
    "rythm": "rhythm", "sargeant": "sergeant", "sucess": "success", "suprise": "surprise",
    "threshhold": "threshold", "tomatos": "tomatoes", "tyrany": "tyranny", "vehical": "vehicle",
    "yeild": "yield",
}  # fmt: skip
