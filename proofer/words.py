"""Words as a copy editor sees them: tokens, possessives, and the tokens that are not words.

Pure functions over strings; the spelling checker and the name checker share them.
"""

from __future__ import annotations

import calendar
import re

APOSTROPHES = "'’"
# Arabic, Dutch, German, French, Spanish, Portuguese and Italian particles that join or
# precede a surname: they are part of the name, not misspelled English words.
PARTICLES = frozenset(
    {
        "al",
        "el",
        "ad",
        "ag",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "bin",
        "ibn",
        "bint",
        "abu",
        "abd",
        "abdel",
        "abdul",
        "ben",
        "ould",
        "bou",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "dello",
        "dei",
        "degli",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "lo",
        "ten",
        "ter",
        "von",
        "zu",
        "y",
        "mac",
        "st",
    }
)
# Lower-case words inside a proper name: the particles, and the words that join a place's or
# an institution's name (Temple of Bel, Observatory for Human Rights).
NAME_JOINERS = PARTICLES | {"of", "for"}
# An organisation's name also joins with these: the Council on Foreign Relations, Marks &
# Spencer, the Department of Trade and Industry, the Institute in Basel.
ORGANISATION_JOINERS = NAME_JOINERS | {"and", "&", "on", "in"}
# Months and days: capitalised words English always writes, often beside a number.
CALENDAR = frozenset(name.lower() for name in (*calendar.month_name[1:], *calendar.day_name))
# Offices and ranks written before a name, by their usual abbreviation or variant -> one
# canonical title. Several words are matched as a unit, the longest first.
TITLE_FORMS = {
    "President": "President",
    "Vice President": "Vice President",
    "Prime Minister": "Prime Minister",
    "Deputy Prime Minister": "Deputy Prime Minister",
    "Minister": "Minister",
    "Foreign Minister": "Foreign Minister",
    "Finance Minister": "Finance Minister",
    "Secretary": "Secretary",
    "Secretary of State": "Secretary of State",
    "Senator": "Senator",
    "Sen": "Senator",
    "Representative": "Representative",
    "Rep": "Representative",
    "Congressman": "Representative",
    "Congresswoman": "Representative",
    "Governor": "Governor",
    "Gov": "Governor",
    "Lieutenant Governor": "Lieutenant Governor",
    "Lt Gov": "Lieutenant Governor",
    "Mayor": "Mayor",
    "Deputy Mayor": "Deputy Mayor",
    "Councillor": "Councillor",
    "Councilor": "Councillor",
    "Councilman": "Councillor",
    "Councilwoman": "Councillor",
    "Alderman": "Alderman",
    "Alderwoman": "Alderman",
    "Assemblyman": "Assembly Member",
    "Assemblywoman": "Assembly Member",
    "Supervisor": "Supervisor",
    "Commissioner": "Commissioner",
    "Judge": "Judge",
    "Justice": "Justice",
    "Chief Justice": "Chief Justice",
    "Attorney General": "Attorney General",
    "Sheriff": "Sheriff",
    "Chancellor": "Chancellor",
    "Premier": "Premier",
    "Ambassador": "Ambassador",
    "Speaker": "Speaker",
    "Chairman": "Chair",
    "Chairwoman": "Chair",
    "Chairperson": "Chair",
    "Director": "Director",
    "Superintendent": "Superintendent",
    "Supt": "Superintendent",
    "Inspector": "Inspector",
    "Insp": "Inspector",
    "Detective": "Detective",
    "Det": "Detective",
    "Constable": "Constable",
    "Sergeant": "Sergeant",
    "Sgt": "Sergeant",
    "Lieutenant": "Lieutenant",
    "Lt": "Lieutenant",
    "Captain": "Captain",
    "Capt": "Captain",
    "Major": "Major",
    "Maj": "Major",
    "Colonel": "Colonel",
    "Col": "Colonel",
    "General": "General",
    "Gen": "General",
    "Admiral": "Admiral",
    "Adm": "Admiral",
    "Commander": "Commander",
    "Cmdr": "Commander",
    "Bishop": "Bishop",
    "Archbishop": "Archbishop",
    "Cardinal": "Cardinal",
    "Rabbi": "Rabbi",
    "Imam": "Imam",
    "Coach": "Coach",
}
# Courtesy titles go with any office (Mayor Okafor is also Ms. Okafor).
COURTESY_TITLES = frozenset(
    {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Doctor", "Prof", "Professor", "Sir"}
)
_PUNCT_EDGE = "\"“”‘’'«»()[]{}<>,.;:!?…*_~"
# Addresses, not prose: a URL with a scheme or www., an e-mail address, or a bare domain.
# The one pattern for them: tokens are judged by it and markup masks what it finds.
# A quotation mark ends an address unless more of the address follows it: the closing mark
# of "http://localhost/" is the quotation's.
_ADDRESS = r"(?:[^\s<>()\[\]\"“”‘’]|[\"“”‘’](?=[^\s<>()\[\].,;:!?\"“”‘’]))"
URL = re.compile(
    rf"(?:[a-z][a-z0-9+.-]*://|www\.){_ADDRESS}+"
    r"|\b[\w.+-]+@[\w-]+\.[\w.-]+\b"
    rf"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|co|uk|int)\b(?:/{_ADDRESS}*)?",
    re.I,
)
_ACRONYM_MAX = 6  # longer runs of capitals are shouted words, judged as words
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)
# A word or a number and the spaces (no punctuation) between it and the word being judged.
_WORD_BEFORE = re.compile(r"([^\W\d_]+|\d[\d,]*(?:\.\d+)?)[ \u00a0]+$")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")
_CONTEXT = 40


def token_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-delimited token containing ``text[start:end]``, edge punctuation off."""
    s, e = start, end
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    while s < start and text[s] in _PUNCT_EDGE:
        s += 1
    while e > end and text[e - 1] in _PUNCT_EDGE:
        e -= 1
    return s, e


def is_non_word(token: str) -> bool:
    """Tokens no dictionary judges: handles, hashtags, e-mail, URLs, paths, numbers, units."""
    return (
        "@" in token
        or token.startswith("#")
        or "/" in token
        or "_" in token
        or any(ch.isdigit() for ch in token)
        or bool(URL.match(token))
    )


def is_acronym(word: str) -> bool:
    """``NATO``, ``OPEC``, ``MPs``, ``U.S.``: short runs of capitals that stand for names."""
    bare = word.replace(".", "").replace("&", "")
    if bare.endswith("s") and bare[:-1].isupper():
        bare = bare[:-1]
    return 2 <= len(bare) <= _ACRONYM_MAX and bare.isalpha() and bare.isupper()


def has_inner_capital(word: str) -> bool:
    """``iPhone``, ``McCain``, ``DeSantis``: brand and name shapes, not dictionary words."""
    return any(ch.isupper() for ch in word[1:]) and not word.isupper()


def strip_possessive(word: str) -> str:
    """``Arafat’s`` -> ``Arafat``; ``Joneses’`` -> ``Joneses``."""
    for a in APOSTROPHES:
        if word.endswith(a + "s") or word.endswith(a + "S"):
            return word[:-2]
        if word.endswith(a):
            return word[:-1]
    return word


def is_capitalised(word: str) -> bool:
    """First letter upper case, the rest not all upper case."""
    return word[:1].isupper() and not word.isupper()


def starts_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a sentence or a paragraph.

    A line break inside a paragraph is a soft wrap, not a sentence boundary; a blank line
    is a boundary.
    """
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"“‘'([\r\n":
        if text[i] == "\n" and _line_break_before(text, i):
            return True  # a blank line before: a new paragraph
        i -= 1
    return i < 0 or text[i] in ".!?:…—"


def _line_break_before(text: str, i: int) -> bool:
    """True when only spaces stand between ``text[i]`` and a line break before it (read
    backwards in place: a copy of the text before it would make a long draft quadratic)."""
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    return j >= 0 and text[j] == "\n"


def context_words(text: str, start: int, end: int) -> tuple[str, str]:
    """The words right before and after ``text[start:end]``, each ``""`` when punctuation
    or the edge of the paragraph is between (a new clause is no context). A number right
    before counts as a number word."""
    before = _WORD_BEFORE.search(text, max(0, start - _CONTEXT), start)
    after = _WORD_AFTER.match(text, end, end + _CONTEXT)
    return (_as_word(before.group(1)) if before else "", after.group(1) if after else "")


def _as_word(token: str) -> str:
    """A number read as the word a bigram table knows for it, so that a count is evidence
    of number (73 languags: languages); a year says nothing of what follows it."""
    if not token[0].isdigit():
        return token
    if _YEAR.fullmatch(token):
        return ""
    return "one" if token == "1" else "two"


def is_plural(word: str, of: str) -> bool:
    """``word`` is the name ``of`` made plural (the Crofts, the Wallises): a family or a
    household, not a slip of the name. A name ending in s takes -es: Jenningss is a slip."""
    return word == of + "es" or (word == of + "s" and not of.endswith("s"))


def slip_reach(word: str) -> int:
    """How many slips a word may have and still be recognised: one, two for long words."""
    return 1 if len(word) < 8 else 2


def match_case(model: str, word: str) -> str:
    """``word`` in ``model``'s capitalisation (``Teh`` -> ``The``, ``TEH`` -> ``THE``)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
