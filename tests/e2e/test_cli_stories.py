"""``duizhao stories``, ``duizhao story`` and ``duizhao compare --story`` as subprocesses,
on the demo library (our own writing: three stories of four articles)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from faults import read_only_media

Run = Callable[..., Any]  # the run_cli fixture of conftest.py
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
KEYS = {"id", "label", "articles", "outlets", "regions", "first", "last"}


@pytest.fixture
def demo(run_cli: Run, tmp_path: Path) -> Path:
    copy = tmp_path / "demo"
    shutil.copytree(DEMO, copy)
    result = run_cli("import", copy, "--json")
    assert result.returncode == 0, result.err
    return copy


def _stories(run_cli: Run, *extra: str, env: dict[str, str] | None = None) -> list[Any]:
    result = run_cli("stories", "--json", *extra, env=env, timeout=180)
    assert result.returncode == 0, result.err
    return result.out  # type: ignore[no-any-return]


def test_stories_lists_the_demo_stories(run_cli: Run, demo: Path) -> None:
    stories = _stories(run_cli)
    assert len(stories) == 3
    for story in stories:
        assert set(story) >= KEYS
        assert len(story["articles"]) >= 3
        assert sum(story["regions"].values()) == len(story["articles"])
        assert story["first"] <= story["last"]
    listed = [a for s in stories for a in s["articles"]]
    assert len(listed) == len(set(listed))
    again = _stories(run_cli, "--regroup")
    assert again == stories
    everything = _stories(run_cli, "--all")
    assert sorted(a for s in everything for a in s["articles"]) == list(range(1, 13))


def test_the_grouping_does_not_depend_on_the_hash_seed(
    run_cli: Run, demo: Path, library_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    shutil.copytree(library_dir, other)
    first = _stories(run_cli, env={"PYTHONHASHSEED": "1"})
    result = run_cli("stories", "--json", library=other, env={"PYTHONHASHSEED": "2"}, timeout=180)
    assert result.returncode == 0, result.err
    assert result.out == first


def test_story_shows_one_and_corrects_it(run_cli: Run, demo: Path) -> None:
    stories = _stories(run_cli)
    a, b = stories[0], stories[1]
    shown = run_cli("story", str(a["id"]), "--json")
    assert shown.returncode == 0, shown.err
    assert shown.out["articles"] == a["articles"]
    assert set(shown.out["titles"]) == {str(x) for x in a["articles"]}
    moved = b["articles"][0]
    result = run_cli("story", str(a["id"]), "--add", str(moved), "--json")
    assert result.returncode == 0, result.err
    assert moved in result.out["articles"]
    assert moved in result.out["pinned"]
    after = {s["id"]: s for s in _stories(run_cli, "--regroup")}
    assert moved in after[a["id"]]["articles"]
    split = run_cli("story", str(a["id"]), "--split", str(moved))
    assert split.returncode == 0, split.err
    assert "now form story" in split.err
    merged = run_cli("story", str(a["id"]), "--merge", str(b["id"]), "--json")
    assert merged.returncode == 0, merged.err
    assert set(b["articles"]) - {moved} <= set(merged.out["articles"])
    text = run_cli("story", str(a["id"]), "--script", "taiwan")
    assert text.returncode == 0
    assert f"story {a['id']}" in text.out


def test_bad_story_input_is_one_line(run_cli: Run, demo: Path) -> None:
    _stories(run_cli)
    unknown = run_cli("story", "999")
    assert unknown.returncode == 1
    assert "no story 999" in unknown.err
    assert len(unknown.err.strip().splitlines()) == 1
    both = run_cli("story", "1", "--add", "2", "--merge", "3")
    assert both.returncode == 2
    assert "one of" in both.err
    bad = run_cli("story", "abc")
    assert bad.returncode == 2
    neither = run_cli("compare", "1", "--story", "1")
    assert neither.returncode == 2
    assert "not both" in neither.err
    missing = run_cli("compare", "--story", "999")
    assert missing.returncode == 1
    assert "no story 999" in missing.err


def test_compare_a_story(run_cli: Run, demo: Path) -> None:
    story = _stories(run_cli)[0]
    result = run_cli("compare", "--story", str(story["id"]), "--json", timeout=300)
    assert result.returncode == 0, result.err
    assert sorted(a["id"] for a in result.out["articles"]) == sorted(story["articles"])
    assert result.out["topics"]


def test_a_library_of_one_article(run_cli: Run, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("小镇图书馆从下周起周末延长开放两个小时，方便学生复习。", encoding="utf-8")
    assert run_cli("import", note).returncode == 0
    assert _stories(run_cli) == []
    alone = _stories(run_cli, "--all")
    assert [s["articles"] for s in alone] == [[1]]
    result = run_cli("compare", "--story", str(alone[0]["id"]))
    assert result.returncode == 1
    assert "fewer than two" in result.err


@pytest.mark.slow
def test_stories_on_read_only_media_are_listed_as_last_grouped(
    run_cli: Run, tmp_path: Path
) -> None:
    with read_only_media(tmp_path / "media") as media:
        library = media.folder / "lib"
        assert run_cli("import", DEMO, library=library).returncode == 0
        first = run_cli("stories", "--json", library=library, timeout=180)
        assert first.returncode == 0, first.err
        media.lock()
        again = run_cli("stories", "--json", library=library, timeout=180)
        assert again.returncode == 0, again.err
        assert again.out == first.out
        assert "read-only" in again.err
        shown = run_cli("story", str(first.out[0]["id"]), library=library)
        assert shown.returncode == 0, shown.err
        refused = run_cli("story", str(first.out[0]["id"]), "--merge", str(first.out[1]["id"]),
                          library=library)  # fmt: skip
        assert refused.returncode == 1
        assert "read-only" in refused.err.lower()
