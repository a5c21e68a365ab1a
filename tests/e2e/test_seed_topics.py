"""The four seed articles compared: what they share is put side by side, in topics
named as questions.

The seeds (../shared/seeds: three Simplified articles, one Traditional, on
East-Asian politics) are read at run time only; these tests hold none of
their sentences, only the words a topic is recognised by. Skipped when the
seeds are absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.core.compare import Comparison, compare
from duizhao.core.ingest import import_paths
from duizhao.core.library import Library

pytestmark = [pytest.mark.seeds, pytest.mark.slow]

_CACHE: dict[Path, Comparison] = {}


@pytest.fixture
def seeds_comparison(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    """The four seeds imported into a fresh library and compared (once per run)."""
    if seeds_dir not in _CACHE:
        with Library.open(tmp_path_factory.mktemp("seed-library")) as library:
            results = import_paths(library, [seeds_dir])
            ids = sorted({r.id for r in results if r.id is not None})
            assert len(ids) == 4, [r.to_json() for r in results]
            _CACHE[seeds_dir] = compare(library, ids)
    return _CACHE[seeds_dir]


def _rows_about(comparison: Comparison, *words: str) -> list[tuple[str, set[int]]]:
    """(topic label, articles) of the rows whose claims of two articles or more
    mention one of ``words`` (any script)."""
    found = []
    for topic in comparison.topics:
        for row in topic.rows:
            articles = {
                c.article for c in row.claims if any(w in c.norm or w in c.text for w in words)
            }
            if len(articles) >= 2:
                found.append((topic.label, articles))
    return found


def test_rare_earth_claims_are_side_by_side(seeds_comparison: Comparison) -> None:
    assert _rows_about(seeds_comparison, "稀土"), [t.label for t in seeds_comparison.topics]


def test_topic_labels_name_questions_not_function_words(seeds_comparison: Comparison) -> None:
    from duizhao.core.compare.lexicon import GENERIC

    labels = [t.label for t in seeds_comparison.topics]
    assert 1 <= len(labels) <= 8
    for label in labels:
        assert len(label) >= 2, labels
        assert label not in GENERIC, labels


def test_seed_topics_are_shared_and_rows_hold_distinct_articles(
    seeds_comparison: Comparison,
) -> None:
    assert len(seeds_comparison.articles) == 4
    labels = [t.label for t in seeds_comparison.topics]
    assert len(labels) == len(set(labels))
    for topic in seeds_comparison.topics:
        assert topic.label
        assert len({c.article for r in topic.rows for c in r.claims}) >= 2, topic.label
        for row in topic.rows:
            assert len({c.article for c in row.claims}) == len(row.claims)
        keys = [r.key for r in topic.rows]
        assert len(keys) == len(set(keys)), topic.label
