"""The whole check on arbitrary text: no crash, spans inside the text and on whole
characters of it (combining marks, zero-width spaces, emoji), fixes that touch only their
spans."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofer.document import INVISIBLE, Document
from proofer.engines.harper import HarperEngine
from proofer.findings import apply_fixes
from proofer.proofreader import Proofreader

_PIECES = st.sampled_from(
    [
        "the", "The", "council", "Sebastain", "negoitations", "colour", "color", "ISIS",
        "al-Marzouqi", "city’s", "’90s", "rock ’n’ roll", "“", "”", "‘", "’", '"', "'", ".",
        "..", ",", " ,", "?!", "—", " - ", "…", "...", " ", "  ", "\u00a0", "\n", "\n\n",
        "\r\n", "😀", "𝄞", "Ngozi", "Obiakor", "e-mail", "6'2\"", "@desk", "https://x.org/a",
        "`code`", "The the", "Sen.", "WASHINGTON", "naïve", "Zürich",
        "nai\u0308ve", "cafe\u0301", "\u0301", "a\u0327", "govern\u200bment", "\u200b",
        "\u200d", "\u2060", "\ufeff", "\u202e", "\u2066", "\u00ad", "👨\u200d👩",
    ]
)  # fmt: skip

_ENGINE = HarperEngine()
_PROOFREADER = Proofreader(engine=_ENGINE)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map("".join), st.booleans())
def test_any_text_checks_cleanly(text: str, markdown: bool) -> None:
    findings = _PROOFREADER.check(Document(text, markdown=markdown)).findings
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.message
        if f.end > f.start:  # a span never cuts a letter from its accent
            assert not _cuts(text, f.start) and not _cuts(text, f.end), (f, text)
    fixes = [(f.start, f.end, f.suggestions[0]) for f in findings if f.suggestions]
    fixed = apply_fixes(text, fixes)
    # The same edits made one by one from the end of the text (so earlier offsets stay
    # valid) give the same draft: nothing outside the fixes moves or is lost.
    chosen, pos = [], 0
    for start, end, new in sorted(fixes, key=lambda fix: fix[:2]):
        if start >= pos:
            chosen.append((start, end, new))
            pos = end
    expected = text
    for start, end, new in reversed(chosen):
        expected = expected[:start] + new + expected[end:]
    assert fixed == expected
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.rule))


def _cuts(text: str, at: int) -> bool:
    """True when ``at`` falls between a letter and a combining mark that belongs to it."""
    return (
        0 < at < len(text)
        and unicodedata.combining(text[at]) > 0
        and not text[at - 1].isspace()
        and INVISIBLE.match(text[at - 1]) is None
    )
