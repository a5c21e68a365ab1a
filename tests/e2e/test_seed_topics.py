"""The four seed articles compared: the subjects they share are found as topics.

The seeds (../shared/seeds: three Simplified articles, one Traditional, on
East-Asian politics) are read at run time only; these tests hold none of
their sentences, only the words a topic is recognised by. Skipped when the
seeds are absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from duizhao.core.compare import Comparison, Topic, compare
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


def _text(topic: Topic) -> str:
    return topic.label + " " + " ".join(topic.terms)


def _articles(topic: Topic, *words: str) -> set[int]:
    """Articles with a claim in ``topic`` holding one of ``words`` (any script)."""
    return {
        c.article
        for r in topic.rows
        for c in r.claims
        if any(w in c.norm or w in c.text for w in words)
    }


def _found(
    comparison: Comparison, naming: tuple[str, ...], claimed: tuple[str, ...]
) -> Iterator[Topic]:
    for topic in comparison.topics:
        if any(w in _text(topic) for w in naming) and len(_articles(topic, *claimed)) >= 2:
            yield topic


def test_rare_earth_export_controls(seeds_comparison: Comparison) -> None:
    found = list(_found(seeds_comparison, ("稀土",), ("稀土",)))
    assert found, [t.label for t in seeds_comparison.topics]
    # the controls are part of the same topic, not a separate one
    assert any("出口管制" in t.terms for t in found), [t.terms for t in found]


def test_trumps_planned_visit_to_china(seeds_comparison: Comparison) -> None:
    found = [
        t
        for t in _found(seeds_comparison, ("访华", "访问中国"), ("访华", "訪華", "访问中国"))
        if len(_articles(t, "特朗普", "川普")) >= 2
    ]
    assert found, [t.label for t in seeds_comparison.topics]
    assert "特朗普" in found[0].label


def test_strength_of_the_alliance_system(seeds_comparison: Comparison) -> None:
    found = list(_found(seeds_comparison, ("盟友", "同盟"), ("盟友", "同盟", "盟國")))
    assert found, [t.label for t in seeds_comparison.topics]
    assert len(_articles(found[0], "盟友", "同盟", "联盟", "盟國", "聯盟")) >= 3


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
