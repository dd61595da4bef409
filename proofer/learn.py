"""``proofer learn``: a desk profile learned from the desk's published archive.

Every story is read in a process pool (one worker per core) and reduced to counts: the
words as written, runs of capitalised words (names), and evidence of conventions (quote
punctuation, dashes, percent, datelines, serial commas, numbers). The main process adds
them up and writes a profile a person can read and edit:

- ``words.txt``: the desk's own lower-case words (no dictionary has them, several stories
  use them), each with its count and story count; a slip of a word in far more stories is
  left out;
- ``entities.txt``: names seen in several stories (runs of capitalised words, capitalised
  words no dictionary has, and names the dictionary has that are no lower-case word), with
  the rarer misspellings found for them as forms to correct (a list to review, not to trust
  blindly);
- ``style.toml``: the desk's conventions as a style file;
- ``desk.toml``: settings naming those files, the dialect and the quote style;
- ``report.md``: what was found.

``proofer check --desk DIR`` (or ``desk = "DIR"`` in the settings) uses it.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from proofer import batch
from proofer.checkers.quotes import quote_evidence, settled_style
from proofer.config import DESK_SETTINGS, load
from proofer.engines.harper import Dialect, HarperEngine
from proofer.findings import Severity
from proofer.formats import DraftError, drafts_in, read_draft
from proofer.lexicon import zipf
from proofer.proofreader import Proofreader
from proofer.words import PARTICLES, WORD, is_plural, slip_reach, starts_sentence, strip_possessive

SAMPLE = 300  # published stories the learned profile is tried on
CHUNK = 100  # stories a worker counts before it hands back their sums
NOISY_SHARE = 0.2  # a rule firing in this share of them is not one the desk follows
# A convention the profile itself learned is held to more: firing in this share of the
# stories it was learned from, it was read wrongly.
LEARNED_SHARE = 0.1
# Never turned off by learning: the misspellings, names and quotation marks Proofer is for.
KEPT_FAMILIES = ("spelling.", "names.", "quotes.")
MIN_STORIES = 3  # a name, a convention or a noisy rule is seen in at least this many stories
# A word no dictionary has, typed the same way in two stories, is meant (one slip made twice
# is rare); a slip of a word in far more stories is still left out (TYPO_RATIO).
MIN_WORD_STORIES = 2
# A word one slip from a word in this many times as many stories is a typo of it.
TYPO_RATIO = 4

# Two or more capitalised words, with the particles names carry between them (the name
# checker's list); a hyphen or an apostrophe only inside a word (``al-Assad``, ``O’Neill``),
# not a dash after it.
_NAME_WORD = r"[A-Z]\w*(?:['’-]\w+)*"
_PARTICLE = "|".join(sorted(map(re.escape, PARTICLES), key=len, reverse=True))
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:(?:{_PARTICLE})\s+)*{_NAME_WORD})+")
_EVIDENCE = {
    "dash.spaced-em": re.compile(r"\s—\s"),
    "dash.closed-em": re.compile(r"\w—\w"),
    "dash.spaced-en": re.compile(r"\s–\s"),
    "percent.word": re.compile(r"\d\s+percent\b"),
    "percent.per-cent": re.compile(r"\d\s+per\s+cent\b"),
    "percent.sign": re.compile(r"\d\s?%"),
    "serial.yes": re.compile(r"\b[a-z]+, [a-z]+, (?:and|or) [a-z]+\b"),
    "serial.no": re.compile(r"\b[a-z]+, [a-z]+ (?:and|or) [a-z]+\b"),
    "numbers.words": re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine) [a-z]+s\b"),
    "numbers.figures": re.compile(
        r"(?<![\w$.,:])[2-9] (?!percent|p\.m|a\.m|years|million)[a-z]+s\b"
    ),
    # 10 and up: the other half of the news rule for numbers.
    "numbers.big-words": re.compile(
        r"\b(?:ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
        r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-[a-z]+)?) [a-z]+s\b"
    ),
    "numbers.big-figures": re.compile(
        r"(?<![\w$.,:])[1-9]\d (?!percent|p\.m|a\.m|years|million)[a-z]+s\b"
    ),
}
_DATELINE_CAPS = re.compile(
    r"[A-Z][A-Z.'’ -]+(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?(?: \([^)]{1,20}\))? — "
)
_DATELINE_ANY = re.compile(
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}(?:, [\w. ]{2,20})?(?: \([^)]{1,20}\))?"
    r"\s?(?:—|–|-{1,2})\s"
)


@dataclass
class Story:
    """What one story contributes: counts, and the problem if it could not be read."""

    words: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    evidence: Counter[str] = field(default_factory=Counter)
    word_count: int = 0
    problem: str | None = None


@dataclass
class Archive:
    """The whole archive's counts."""

    stories: int = 0
    words: int = 0
    uses: Counter[str] = field(default_factory=Counter)  # word as written -> uses
    in_stories: Counter[str] = field(default_factory=Counter)  # word -> stories using it
    names: Counter[str] = field(default_factory=Counter)
    name_stories: Counter[str] = field(default_factory=Counter)
    evidence: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def add(self, story: Story) -> None:
        """Count one story in."""
        if story.problem:
            self.problems.append(story.problem)
            return
        self.stories += 1
        self.words += story.word_count
        self.uses.update(story.words)
        self.in_stories.update(story.words.keys())
        self.names.update(story.names)
        self.name_stories.update(story.names.keys())
        self.evidence.update(story.evidence)

    def merge(self, other: Archive) -> None:
        """Add another part of the archive's counts in."""
        self.stories += other.stories
        self.words += other.words
        for mine, theirs in (
            (self.uses, other.uses),
            (self.in_stories, other.in_stories),
            (self.names, other.names),
            (self.name_stories, other.name_stories),
            (self.evidence, other.evidence),
        ):
            mine.update(theirs)
        self.problems += other.problems


def read_story(path: str) -> Story:
    """Count what one story holds (runs in a worker process)."""
    try:
        draft = read_draft(Path(path))
    except DraftError as exc:  # its message names the file already
        return Story(problem=str(exc))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return Story(problem=f"{path}: {exc}")
    text = draft.text
    story = Story()
    tokens = Counter(WORD.findall(text))  # letters only: no numbers, handles or addresses
    story.word_count = tokens.total()
    for token, n in tokens.items():
        story.words[strip_possessive(token)] += n
    for m in _NAME_RUN.finditer(text):
        name = strip_possessive(" ".join(m.group().split()))
        first = name.split(" ", 1)[0]
        if starts_sentence(text, m.start()) and zipf(first.lower()) >= 4.5:
            name = name.split(" ", 1)[1]  # "The Kremlin", "But Ruiz": a sentence's first word
        if " " in name:
            story.names[name] += 1
    for key, pattern in _EVIDENCE.items():
        story.evidence[key] += len(pattern.findall(text))
    # Quote punctuation as the quote checker weighs a draft: the clear cases only.
    american, british = quote_evidence(draft)
    story.evidence["quote.inside"] += american
    story.evidence["quote.outside"] += british
    opening = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if _DATELINE_CAPS.match(opening):
        story.evidence["dateline.caps-dash"] += 1
    elif _DATELINE_ANY.match(opening):
        story.evidence["dateline.other"] += 1
    return story


def read_stories(paths: list[str]) -> Archive:
    """The counts of a run of stories, summed (in a worker process): one message back per
    run, not per story, so a hundred thousand small files cost little more than reading."""
    archive = Archive()
    for path in paths:
        archive.add(read_story(path))
    return archive


def read_archive(
    paths: list[Path],
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Archive:
    """Count every story, ``workers`` processes at once (default: every core)."""
    size = max(1, min(CHUNK, len(paths) // (4 * batch.cores())))  # every core kept busy
    runs = [[str(p) for p in paths[i : i + size]] for i in range(0, len(paths), size)]
    archive = Archive()
    # The word frequencies are loaded once, before the workers are forked, not in each.
    for part in batch.in_order(read_stories, runs, workers=workers, warm=lambda: zipf("the")):
        archive.merge(part)
        if progress:
            progress(archive.stories + len(archive.problems), len(paths))
    return archive


@dataclass
class Profile:
    """What the archive says about the desk."""

    dialect: Dialect
    quote_style: str
    words: list[tuple[str, int, int]]  # word, uses, stories
    entities: list[tuple[str, int, int, list[tuple[str, int]]]]  # name, uses, stories, variants
    rules: list[str]  # style-file text, one [[rule]] table each
    checks: list[str]
    conventions: list[str]  # one line each, for the report
    # Rules that fire in many published stories even with the learned lists: the desk does
    # not follow them, so the profile turns them off. (rule, stories of the sample)
    ignored: list[tuple[str, int]] = field(default_factory=list)
    sampled: int = 0


def profile(archive: Archive, engine: HarperEngine) -> Profile:
    """Decide the desk's words, names and conventions from the archive's counts."""
    dialect = _dialect(archive, engine)
    entities, variants = _entities(archive, engine, dialect)
    words = _desk_words(archive, engine, dialect, variants)
    # A capitalised desk word is a name (a person, a place): on the entity list, a slip of it
    # is caught as a misspelled name, which a dictionary word's would not be.
    entities += [(w, uses, stories, []) for w, uses, stories in words if w[:1].isupper()]
    entities += _known_names(archive, engine, dialect, {e[0] for e in entities})
    entities.sort(key=lambda e: (-e[1], e[0]))
    words = [w for w in words if not w[0][:1].isupper()]
    rules, checks, conventions = _conventions(archive)
    inside, outside = archive.evidence["quote.inside"], archive.evidence["quote.outside"]
    quote_style = settled_style(inside, outside, dialect).value
    conventions.insert(0, f"dialect: {dialect.value}")
    conventions.insert(1, f"quote punctuation: {quote_style} ({inside} inside, {outside} outside)")
    return Profile(dialect, quote_style, words, entities, rules, checks, conventions)


def _dialect(archive: Archive, engine: HarperEngine) -> Dialect:
    # Words of several stories: the desk's spelling, not its slips (and far fewer to look up).
    lower = [w for w in archive.uses if w.islower() and archive.in_stories[w] >= MIN_STORIES]
    not_american = engine.unknown_words(lower, Dialect.AMERICAN)
    not_british = engine.unknown_words(lower, Dialect.BRITISH)
    british = sum(archive.uses[w] for w in not_american - not_british)
    american = sum(archive.uses[w] for w in not_british - not_american)
    return Dialect.BRITISH if british > american else Dialect.AMERICAN


def _desk_words(
    archive: Archive, engine: HarperEngine, dialect: Dialect, variants: set[str]
) -> list[tuple[str, int, int]]:
    """Words no dictionary has that several stories use, less slips of commoner words."""
    common = [w for w in archive.uses if archive.in_stories[w] >= MIN_WORD_STORIES]
    unknown = engine.unknown_words(common, dialect)
    by_form = {w.lower(): w for w in sorted(archive.uses, key=archive.uses.__getitem__)}
    out = []
    for word in unknown:
        if word in variants:
            continue
        stories = archive.in_stories[word]
        if any(
            archive.in_stories[by_form[n]] >= TYPO_RATIO * stories
            for n in _one_slip(word.lower())
            if n in by_form
        ):
            continue  # a slip the desk makes now and then, not a word of its own
        out.append((word, archive.uses[word], stories))
    return sorted(out, key=lambda w: (-w[2], -w[1], w[0]))


def _known_names(
    archive: Archive, engine: HarperEngine, dialect: Dialect, listed: set[str]
) -> list[tuple[str, int, int, list[tuple[str, int]]]]:
    """Names the dictionary has (Emma, London) that several stories use: never a word in
    lower case. On the entity list, a slip of one (Emam) is caught as a misspelled name."""
    forms = [
        w
        for w in archive.uses
        if w[:1].isupper()
        and w[1:].islower()
        and len(w) > 3  # not a title: Mrs, Gov
        and w not in listed
        and archive.in_stories[w] >= MIN_STORIES
    ]
    proper = engine.unknown_words([w.lower() for w in forms], dialect)
    unknown = engine.unknown_words(forms, dialect)
    names = [w for w in forms if w.lower() in proper and w not in unknown]
    return [(w, archive.uses[w], archive.in_stories[w], []) for w in names]


def _one_slip(word: str) -> Iterable[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    yield from (a + b[1:] for a, b in splits if b)
    yield from (a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    yield from (a + c + b[1:] for a, b in splits if b for c in letters)
    yield from (a + c + b for a, b in splits for c in letters)


def _entities(
    archive: Archive, engine: HarperEngine, dialect: Dialect
) -> tuple[list[tuple[str, int, int, list[tuple[str, int]]]], set[str]]:
    """Names in several stories, each with the rarer near-spellings found for it."""
    names = [n for n in archive.names if archive.name_stories[n] >= MIN_STORIES]
    names.sort(key=lambda n: (-archive.names[n], n))
    by_shape: dict[tuple[int, str, str], list[str]] = {}
    for n in archive.names:
        by_shape.setdefault(_shape(n), []).append(n)
    taken: set[str] = set()
    out = []
    for name in names:
        if name in taken:
            continue
        reach = slip_reach(name)
        near = process.extract(
            name, by_shape[_shape(name)], scorer=Levenshtein.distance, score_cutoff=reach,
            limit=None,
        )  # fmt: skip
        found = [
            (other, archive.names[other])
            for other, _, _ in near
            if other != name
            and other not in taken
            and archive.names[other] * 3 <= archive.names[name]
            and _misspelled(name, other, engine, dialect)
        ]
        taken.update(other for other, _ in found)
        taken.add(name)
        out.append((name, archive.names[name], archive.name_stories[name], sorted(found)))
    # The misspelled words themselves (Solbaken), not the rest of their names (Henriette).
    names_of = {name: set(name.split()) for name, *_ in out}
    return out, {w for name, *_, found in out for v, _ in found for w in v.split()
                 if w not in names_of[name]}  # fmt: skip


def _misspelled(name: str, other: str, engine: HarperEngine, dialect: Dialect) -> bool:
    """``other`` is ``name`` with one word misspelled: not another title (Mr, Mrs), a plural
    (the Bennets) or another word English knows (Miss Lucy): a slip makes a non-word."""
    words, others = name.split(), other.split()
    if len(words) != len(others):
        return False
    pairs = [(a, b) for a, b in zip(words, others, strict=True) if a != b]
    if len(pairs) != 1:
        return False
    meant, typed = pairs[0]
    if is_plural(typed, meant):
        return False
    return bool(engine.unknown_words([typed], dialect))


def _shape(name: str) -> tuple[int, str, str]:
    """Names compared for slips: as many words, the same first letter of the first and the
    last (a slip there is rare, and this keeps a big archive's comparisons few)."""
    parts = name.split()
    return len(parts), parts[0][:1].lower(), parts[-1][:1].lower()


_PERCENT = {
    "percent.word": ("percent", r"(\d[\d.,]*)\s+percent\b", r"\1 percent"),
    "percent.per-cent": ("per cent", r"(\d[\d.,]*)\s+per\s+cent\b", r"\1 per cent"),
    "percent.sign": ("%", r"(\d[\d.,]*)\s?%", r"\1%"),
}
_DASHES = {
    "dash.spaced-em": ("a spaced em dash", r"\s+—\s+", " — "),
    "dash.closed-em": ("a closed em dash", r"(?<=\w)—(?=\w)", "—"),
    "dash.spaced-en": ("a spaced en dash", r"\s+–\s+", " – "),
}
_SAMPLE = {
    "percent.word": "It rose 5 percent.",
    "percent.per-cent": "It rose 5 per cent.",
    "percent.sign": "It rose 5%.",
    "dash.spaced-em": "The port — old and busy — closed.",
    "dash.closed-em": "The port—old and busy—closed.",
    "dash.spaced-en": "The port – old and busy – closed.",
}


def _conventions(archive: Archive) -> tuple[list[str], list[str], list[str]]:
    rules, checks, notes = [], [], []
    for family, forms, what in (("percent", _PERCENT, "percent"), ("dash", _DASHES, "dashes")):
        counts = {k: archive.evidence[k] for k in forms}
        notes.append(f"{what}: " + ", ".join(f"{forms[k][0]} {n}" for k, n in counts.items()))
        favourite = max(counts, key=counts.__getitem__)
        total = sum(counts.values())
        if total < MIN_STORIES or counts[favourite] < 0.8 * total:
            continue  # no clear house form
        fix = forms[favourite][2]
        swap = {forms[k][1]: fix for k in forms if k != favourite}
        others = [k for k in forms if k != favourite]
        rules.append(
            _rule_table(
                f"desk.{family}",
                swap,
                f"House style: ‘{{fix}}’ ({forms[favourite][0]}).",
                f"The archive writes {what} as {forms[favourite][0]} "
                f"({counts[favourite]} of {total}).",
                [_SAMPLE[k] for k in others],
                [_SAMPLE[favourite]],
            )
        )
    yes, no = archive.evidence["serial.yes"], archive.evidence["serial.no"]
    notes.append(f"serial comma: with {yes}, without {no} (reported, not enforced)")
    words, figures = archive.evidence["numbers.words"], archive.evidence["numbers.figures"]
    big_words, big = archive.evidence["numbers.big-words"], archive.evidence["numbers.big-figures"]
    notes.append(
        f"numbers: two to nine in words {words}, in figures {figures}; "
        f"10 and up in words {big_words}, in figures {big}"
    )
    if words >= 3 * max(figures, 1) and big >= 3 * max(big_words, 1):
        checks.append("numbers")  # both halves of the news rule
    caps, other = archive.evidence["dateline.caps-dash"], archive.evidence["dateline.other"]
    notes.append(f"datelines: PLACE — {caps}, other forms {other}")
    if caps >= MIN_STORIES and caps >= 4 * other:
        checks.append("dateline")
    return rules, checks, notes


def _rule_table(
    rule_id: str, swap: dict[str, str], message: str, why: str, flags: list[str], passes: list[str]
) -> str:
    pairs = ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in swap.items())
    return "\n".join(
        [
            "[[rule]]",
            f"id = {_toml(rule_id)}",
            'kind = "substitution"',
            "regex = true",
            "keep-case = false",
            f"swap = {{ {pairs} }}",
            f"message = {_toml(message)}",
            f"why = {_toml(why)}",
            f"flags = [{', '.join(map(_toml, flags))}]",
            f"passes = [{', '.join(map(_toml, passes))}]",
            "safe = true",
        ]
    )


def _toml(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def write_profile(folder: Path, found: Profile, archive: Archive) -> None:
    """Write the desk profile's files into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    today = date.today().isoformat()
    head = f"# Learned by `proofer learn` from {archive.stories} stories on {today}. Review it.\n"
    (folder / "words.txt").write_text(
        head
        + "# word  # uses, stories\n"
        + "".join(f"{w}  # {u} uses, {s} stories\n" for w, u, s in found.words),
        encoding="utf-8",
    )
    lines = [head, "# The rarer spellings after ! are corrected to the name before them.\n"]
    for name, uses, stories, variants in found.entities:
        lines.append(f"# {uses} uses in {stories} stories\n")
        forms = ", ".join(v for v, _ in variants)
        lines.append(f"{name} ! {forms}\n" if forms else f"{name}\n")
    (folder / "entities.txt").write_text("".join(lines), encoding="utf-8")
    checks = f"checks = [{', '.join(map(_toml, found.checks))}]\n\n" if found.checks else "\n"
    (folder / "style.toml").write_text(
        head + "version = 1\n" + checks + "\n\n".join(found.rules) + "\n", encoding="utf-8"
    )
    ignore = ""
    if found.ignored:
        ignore = (
            f"# Rules that fire in {NOISY_SHARE:.0%}+ of {found.sampled} published stories: "
            "not the desk's.\n"
            f"ignore = [{', '.join(_toml(r) for r, _ in found.ignored)}]\n"
        )
    (folder / DESK_SETTINGS).write_text(
        head + f'dialect = "{found.dialect.value}"\nquote-style = "{found.quote_style}"\n'
        'dictionary = ["words.txt"]\nentities = ["entities.txt"]\nstyle = ["style.toml"]\n'
        + ignore,
        encoding="utf-8",
    )
    (folder / "report.md").write_text(_report(found, archive, today), encoding="utf-8")


def _report(found: Profile, archive: Archive, today: str) -> str:
    variants = sum(len(v) for *_, v in found.entities)
    out = [
        f"# Desk profile ({today})\n",
        f"- {archive.stories} stories, {archive.words:,} words"
        + (f"; {len(archive.problems)} files could not be read" if archive.problems else ""),
        f"- {len(found.words)} desk words (in {MIN_WORD_STORIES}+ stories, no dictionary has them)",
        f"- {len(found.entities)} names in several stories; {variants} rarer spellings of them "
        "to correct",
        *(f"- {line}" for line in found.conventions),
        *(
            f"- turned off: {r} (fires in {n} of {found.sampled} published stories)"
            for r, n in found.ignored
        ),
        "",
        "## Most used desk words",
        *(f"- {w}: {u} uses, {s} stories" for w, u, s in found.words[:20]),
        "",
        "## Names with variant spellings",
        *(
            f"- {n} ({u}): " + ", ".join(f"{v} ({c})" for v, c in vs)
            for n, u, _, vs in found.entities
            if vs
        ),
        *(
            ["", "## Files not read", *(f"- {p}" for p in archive.problems)]
            if archive.problems
            else []
        ),
    ]
    return "\n".join(out) + "\n"


def learn(folder: Path, output: Path, workers: int | None = None, quiet: bool = False) -> Profile:
    """Read the archive in ``folder`` and write a desk profile into ``output``. Each file
    that cannot be read is named on standard error and skipped; ``DraftError`` when none
    can be (no profile is written from nothing)."""
    paths = drafts_in(folder)
    terminal = sys.stderr.isatty()
    tenths = [-1]

    def progress(done: int, total: int) -> None:
        """On a terminal, one line kept up to date; in a log, a line each tenth of the way."""
        if quiet:
            return
        if terminal:
            print(f"\rlearn: {done}/{total} stories", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)  # fmt: skip
        elif 10 * done // total > tenths[0]:
            tenths[0] = 10 * done // total
            print(f"learn: {done}/{total} stories", file=sys.stderr, flush=True)

    archive = read_archive(paths, workers, progress)
    for problem in archive.problems:
        print(f"learn: skipped {problem}", file=sys.stderr)
    if not archive.stories:
        raise DraftError(f"{folder}: no story could be read, so there is nothing to learn from")
    engine = HarperEngine()
    found = profile(archive, engine)
    write_profile(output, found, archive)
    if not quiet:
        print(f"learn: trying the profile on {min(len(paths), SAMPLE)} stories", file=sys.stderr)
    found.ignored, found.sampled = noisy_rules(paths, output, workers)
    write_profile(output, found, archive)
    return found


def noisy_rules(
    paths: list[Path], desk: Path, workers: int | None = None
) -> tuple[list[tuple[str, int]], int]:
    """Rules that still fire (as errors or warnings) in many of a sample of the published
    stories when checked with the desk profile in ``desk``: what the desk publishes, it
    accepts. A convention the profile learned is held to a lower share: its evidence was
    misread. Spelling, names and quotes are never among them. One proofreader per worker."""
    sample = paths[:: max(1, len(paths) // SAMPLE)][:SAMPLE]
    fired: Counter[str] = Counter()
    read = 0
    proofreader = Proofreader(load(desk / DESK_SETTINGS))  # built once, shared by the fork
    fired_in = batch.in_order(
        lambda path: _rules_fired(proofreader, path),
        sample,
        workers=workers,
        warm=proofreader.warm,
    )
    for rules in fired_in:
        if rules is not None:
            read += 1
            fired.update(rules)
    learned = set(proofreader.style_rules)

    def too_often(rule: str, stories: int) -> bool:
        share = LEARNED_SHARE if rule in learned else NOISY_SHARE
        return stories >= max(MIN_STORIES, share * read) and not rule.startswith(KEPT_FAMILIES)

    noisy = [(r, n) for r, n in fired.items() if too_often(r, n)]
    return sorted(noisy, key=lambda rn: (-rn[1], rn[0])), read


def _rules_fired(proofreader: Proofreader, path: Path) -> set[str] | None:
    """The rules raising errors or warnings in one story; None if it cannot be read."""
    try:
        doc = read_draft(path)
    except (DraftError, OSError, UnicodeDecodeError, ValueError):
        return None
    findings = proofreader.check(doc).findings
    return {f.rule for f in findings if f.severity is not Severity.INFO}
