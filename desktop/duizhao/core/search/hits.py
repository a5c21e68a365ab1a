"""What a search returns — hits with their snippets — and why a search may fail.

Kept apart from :mod:`duizhao.core.search.index` so that code which only shows
results (the window's search panel) does not load the search engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duizhao.core.search.snippets import Fragment

__all__ = ["Hit", "Results", "SearchBusy", "SearchError"]


class SearchError(Exception):
    """Search cannot run; the message is one line for the user."""


class SearchBusy(SearchError):
    pass


@dataclass(frozen=True, slots=True)
class Hit:
    id: int
    title: str
    score: float
    published: str | None
    highlights: tuple[tuple[int, int], ...]  # original-text spans of every match
    fragments: tuple[Fragment, ...]
    source: str | None = None  # the outlet, as the article's metadata names it

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "score": round(self.score, 4),
            "snippets": [f.to_json() for f in self.fragments],
        }


@dataclass(slots=True)
class Results:
    hits: list[Hit]
    total: int
    warnings: list[str] = field(default_factory=list)
