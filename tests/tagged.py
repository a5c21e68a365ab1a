"""LAC-like words for tests: a text cut into tagged pieces, as :class:`Word` offsets."""

from __future__ import annotations

from duizhao.core.entities.lac import Word


def words_of(text: str, tagged: list[tuple[str, str]]) -> list[Word]:
    """``tagged`` (piece, tag) pairs that write ``text`` from its start, as words."""
    out, at = [], 0
    for piece, tag in tagged:
        assert text[at : at + len(piece)] == piece
        out.append(Word(at, at + len(piece), tag))
        at += len(piece)
    return out
