"""The whole check on arbitrary text: no crash, spans inside the text, fixes apply cleanly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.findings import apply_fixes
from proofer.proofreader import Proofreader

_PIECES = st.sampled_from(
    [
        "the", "The", "council", "Vladamir", "hositalities", "colour", "color", "ISIS",
        "al-Assad", "city’s", "’90s", "rock ’n’ roll", "“", "”", "‘", "’", '"', "'", ".",
        "..", ",", " ,", "?!", "—", " - ", "…", "...", " ", "  ", "\u00a0", "\n", "\n\n",
        "\r\n", "😀", "𝄞", "Ngozi", "Obiakor", "e-mail", "6'2\"", "@desk", "https://x.org/a",
        "`code`", "The the", "Sen.", "WASHINGTON", "naïve", "Zürich",
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
    fixed = apply_fixes(
        text, [(f.start, f.end, f.suggestions[0]) for f in findings if f.suggestions]
    )
    assert isinstance(fixed, str)
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.rule))
