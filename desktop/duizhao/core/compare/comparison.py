"""Compare articles: check-worthy claims, shared topics, aligned rows, relations.

Everything reads the normalised Simplified analysis text, so a Traditional
article compares with a Simplified one; every claim span is reported in code
points of the article's original text (sentence spans of
:func:`duizhao.core.text.segment.sentences`).

The flow, one module per stage:

- :mod:`duizhao.core.compare.claims` — :func:`extract_claims` keeps the sentences
  worth checking (an entity, a number, a date, or assertive / predictive /
  evaluative wording; word lists in :mod:`duizhao.core.compare.lexicon`, numbers and
  dates in :mod:`duizhao.core.compare.quantities`, what a claim is about in
  :mod:`duizhao.core.compare.topic_keys`);
- :mod:`duizhao.core.compare.themes` — the subjects two or more articles share:
  topic keys (linked entities, concepts, specific words) grouped and named;
- :mod:`duizhao.core.compare.align` — claims of different articles joined into rows
  (one claim per article per row) by what they share (entity ids, terms
  weighted by how rare they are across the selection, numbers with units,
  dates);
- :mod:`duizhao.core.compare.topics` — each subject's claims aligned into a topic;
  rows that no subject holds grouped by their strongest key;
- :mod:`duizhao.core.compare.relations` — each row gets a relation with
  human-readable reasons (:func:`relate`).

This module holds the entry points :func:`compare` (articles of a library)
and :func:`compare_documents`, their progress and cancellation
(``progress(done, total, message)``, ``cancelled() -> bool`` raising
:class:`CompareCancelled`), the errors and the :class:`Comparison` result;
it re-exports the names of the stages. ``Row.key`` and ``Topic.key`` are
stable ids for notes and pins: the same row of a recomputed comparison has
the same key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from duizhao.core.compare.align import align, similarity
from duizhao.core.compare.claims import Claim, Document, extract_claims, set_segmenter
from duizhao.core.compare.quantities import Quantity, When, parse_dates, parse_numbers
from duizhao.core.compare.relations import RELATIONS, Row, label_row, relate
from duizhao.core.compare.topics import Topic, build_topics, user_topic

__all__ = [
    "RELATIONS",
    "Cancelled",
    "Claim",
    "CompareCancelled",
    "CompareError",
    "Comparison",
    "Document",
    "Progress",
    "Quantity",
    "Row",
    "Topic",
    "When",
    "align",
    "build_topics",
    "compare",
    "compare_documents",
    "extract_claims",
    "label_row",
    "parse_dates",
    "parse_numbers",
    "relate",
    "set_segmenter",
    "similarity",
    "user_topic",
]

#: progress(done, total, message); ``total`` may grow once the topics are known
Progress = Callable[[int, int, str], None]
#: cancelled() -> True to stop the comparison (raises CompareCancelled)
Cancelled = Callable[[], bool]


class CompareError(ValueError):
    """Bad input for a comparison (for instance fewer than two distinct articles)."""


class CompareCancelled(Exception):  # noqa: N818 - the name says what happened
    """Raised when the ``cancelled`` callback of a comparison answers True."""


@dataclass(slots=True)
class Comparison:
    """The compared articles as (id, title) and the topics they share, best first."""

    articles: list[tuple[int, str]]
    topics: list[Topic]

    def to_json(self) -> dict[str, object]:
        return {
            "articles": [{"id": i, "title": t} for i, t in self.articles],
            "topics": [t.to_json() for t in self.topics],
        }


class _Steps:
    """Counts steps for ``progress`` and checks ``cancelled`` before each."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.done = 0
        self.total = total
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise CompareCancelled("comparison cancelled")

    def step(self, message: str) -> None:
        self.check()
        self.done += 1
        self.total = max(self.total, self.done)
        if self._progress is not None:
            self._progress(self.done, self.total, message)

    def on_topic(self, index: int, count: int) -> None:
        """Before topic ``index`` of ``count``: the total now counts every topic."""
        self.total = max(self.total, self.done + count - index)
        self.step(f"Topic {index + 1} of {count}")


def _unique(docs: Sequence[Document]) -> list[Document]:
    unique: dict[int, Document] = {}
    for d in docs:
        unique.setdefault(d.id, d)
    if len(unique) < 2:
        raise CompareError("compare needs at least two different articles")
    return list(unique.values())


def _compare(docs: list[Document], topic: str | None, steps: _Steps) -> Comparison:
    claims: list[Claim] = []
    for d in docs:
        steps.check()
        claims.extend(extract_claims(d))
        steps.step(f"Claims of {d.title or d.id}")
    n = len(docs)
    if topic and topic.strip():
        topics = user_topic(claims, topic, n)
        steps.step(f"Topic {topic.strip()}")
    else:
        topics = build_topics(claims, n, on_topic=steps.on_topic)
    steps.check()
    return Comparison([(d.id, d.title) for d in docs], topics)


def compare_documents(
    docs: Sequence[Document],
    topic: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Comparison:
    """Compare documents (two or more distinct ids; repeated ids count once).

    ``progress(done, total, message)`` is called after each article's claims
    and before each topic; ``cancelled()`` is checked between them, and a True
    answer raises :class:`CompareCancelled`. Fewer than two distinct
    documents raise :class:`CompareError`.
    """
    unique = _unique(docs)
    return _compare(unique, topic, _Steps(len(unique) + 1, progress, cancelled))


def compare(
    library: Any,
    ids: Sequence[int],
    topic: str | None = None,
    *,
    entities: bool = True,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Comparison:
    """Compare articles of ``library`` by id.

    Entities come from the library's cache, recognised and stored when
    missing (the slow part, reported per article); ``progress`` and
    ``cancelled`` as for :func:`compare_documents`. Fewer than two distinct
    ids raise :class:`CompareError`; an unknown id the library's
    ``ArticleNotFound`` (the CLI exits 1 for it, 2 for a usage error).
    """
    from duizhao.core.entities import article_entities

    wanted = list(dict.fromkeys(ids))
    if len(wanted) < 2:
        raise CompareError("compare needs at least two different articles")
    steps = _Steps(2 * len(wanted) + 1, progress, cancelled)
    docs: list[Document] = []
    for article_id in wanted:
        steps.check()
        article = library.get(article_id)
        found = tuple(article_entities(library, article)) if entities else ()
        docs.append(Document(article.id, article.title, article.text, article.script, found))
        steps.step(f"Entities of {article.title or article.id}")
    return _compare(docs, topic, steps)
