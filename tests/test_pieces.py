"""A paragraph the length of a chapter is checked a stretch of sentences at a time, with
every finding where it belongs in the paragraph."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.proofreader import _PIECE, Proofreader, _pieces

SENTENCES = st.lists(
    st.sampled_from(
        [
            "The vote passed.",
            "“It is done,” she said.",
            "Why?",
            "Costs rose 3.5%.",
            "He left (finally).",
            "no capital here.",
            "Dr. Ruiz agreed!",
        ]
    ),
    min_size=1,
    max_size=900,
)


@given(SENTENCES, st.sampled_from([" ", "  ", " \u00a0"]))
def test_pieces_cover_the_paragraph_in_order_and_cut_only_between_sentences(
    sentences: list[str], space: str
) -> None:
    text = space.join(sentences)
    pieces = _pieces(text)
    assert "".join(piece for _, piece in pieces) == text
    assert [at for at, _ in pieces] == [
        sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))
    ]
    for at, piece in pieces[1:]:
        assert text[at - 1] in ".!?”)" and piece[:1].isspace()
    assert all(len(piece) > _PIECE for _, piece in pieces[:-1])


def test_a_long_paragraph_is_checked_whole_and_in_place(engine: HarperEngine) -> None:
    sentence = "The council met on Tuesday and the harbour plan was discussed at length. "
    text = sentence * 200 + "At the end the comittee voted.."
    found = Proofreader(Config(), engine).check(Document(text)).findings
    assert len(_pieces(text)) > 2
    flagged = {(text[f.start : f.end], f.rule) for f in found}
    assert ("comittee", "spelling.unknown") in flagged
    assert ("..", "punctuation.doubled") in flagged
    assert not [f for f in found if f.end <= len(sentence) * 200]
