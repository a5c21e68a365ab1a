"""The demo library imports as its notes (tests/data/demo_notes.yaml) say it should."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from duizhao.core.ingest import ensure_demo_library, parse
from duizhao.core.ingest.demo import demo_articles_dir
from duizhao.core.library import Library, ParsedDocument

NOTES = yaml.safe_load((Path(__file__).parents[2] / "data" / "demo_notes.yaml").read_text("utf-8"))
ARTICLES = NOTES["articles"]


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedDocument]:
    folder = demo_articles_dir()
    return {a["file"]: parse((folder / a["file"]).read_bytes(), a["file"]) for a in ARTICLES}


def test_the_demo_has_enough_articles_stories_and_outlets() -> None:
    assert len(ARTICLES) >= 8
    stories: dict[str, set[str]] = {}
    for article in ARTICLES:
        stories.setdefault(article["story"], set()).add(article["outlet"])
    assert len(stories) >= 2
    assert all(len(outlets) >= 3 for outlets in stories.values())
    assert {a["script"] for a in ARTICLES} == {"simplified", "traditional"}


@pytest.mark.parametrize("note", ARTICLES, ids=[a["file"] for a in ARTICLES])
def test_metadata_script_and_cleaning(note: dict, parsed: dict[str, ParsedDocument]) -> None:
    doc = parsed[note["file"]]
    assert str(doc.script) == note["script"]
    meta = doc.metadata
    assert meta.title == note["title"]
    assert meta.source == note["source"]
    assert meta.author == note["author"]
    assert meta.translator == note["translator"]
    if note["published"] is None:
        assert meta.published is None or meta.published_estimated
    else:
        assert (meta.published or "")[:10] == note["published"]
        assert not meta.published_estimated
    for snippet in note.get("boilerplate") or []:
        assert snippet not in doc.text, snippet
    for line in note.get("boilerplate_lines") or []:
        assert line not in doc.text.split("\n"), line
    for snippet in note.get("metadata_lines") or []:
        assert snippet not in doc.text, snippet
    for snippet in note["must_keep"]:
        assert snippet in doc.text, snippet


def test_every_claim_of_the_notes_survives_cleaning(parsed: dict[str, ParsedDocument]) -> None:
    for pair in NOTES["pairs"]:
        for side in ("a", "b"):
            claim = pair[side]
            assert claim["text"] in parsed[claim["file"]].text, claim


def test_demo_library_is_built_once_and_rebuilt_when_the_demo_changes(tmp_path: Path) -> None:
    articles = tmp_path / "demo"
    articles.mkdir()
    for note in ARTICLES[:3]:
        (articles / note["file"]).write_bytes((demo_articles_dir() / note["file"]).read_bytes())
    library_dir = tmp_path / "lib"
    first = ensure_demo_library(library_dir, articles)
    assert [r.status for r in first] == ["imported"] * 3
    assert ensure_demo_library(library_dir, articles) == []  # current: nothing to do
    (articles / ARTICLES[3]["file"]).write_bytes(
        (demo_articles_dir() / ARTICLES[3]["file"]).read_bytes()
    )
    again = ensure_demo_library(library_dir, articles)
    assert [r.status for r in again] == ["imported"] * 4
    with Library.open(library_dir) as library:
        assert library.count() == 4
