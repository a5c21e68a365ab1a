"""The four real seed articles in ../shared/seeds import cleanly.

The seeds are read at run time; no sentence of theirs is written here, only
short patterns of the boilerplate that must be gone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duizhao.core.ingest import parse, reclean
from duizhao.core.ingest.dates import normalise_datetime
from duizhao.core.library import ParsedDocument
from duizhao.core.text import Script

SEEDS = Path(__file__).parents[3].parent / "shared" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*")) if SEEDS.is_dir() else []

pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}"),
]

#: Boilerplate that must not survive cleaning, line by line.
LEFTOVERS = {
    "image placeholder": re.compile(r"^!\["),
    "follow call-to-action": re.compile(
        r"(点击|點擊|点个|點個|欢迎|歡迎)[^，。]{0,8}[“\"「]?(关注|關注)|(关注|關注)(我|本号|本號)"
    ),
    "platform disclaimer": re.compile(r"特别声明|特別聲明"),
    "English notice": re.compile(r"Notice:"),
    "related links": re.compile(r"^(相关内容|相關內容|热门资讯|熱門資訊)\s*$"),
    "lone counter": re.compile(r"^0$"),
    "like counter": re.compile(r"^(赞|讚)\s*[(（]\d+[)）]$"),
}


FOLLOW_PROMPT = re.compile(r"(点|點|请|請|欢迎|歡迎|记得|記得)[^。]{0,6}[“\"「]?(关注|關注)")


def test_the_four_seeds_are_there() -> None:
    assert len(SEED_FILES) == 4
    assert sum(path.name.startswith("002") for path in SEED_FILES) == 1


@pytest.fixture(scope="module")
def documents() -> dict[str, ParsedDocument]:
    return {path.name: parse(path.read_bytes(), path.name) for path in SEED_FILES}


@pytest.fixture(params=[path.name for path in SEED_FILES] or ["none"])
def seed(request: pytest.FixtureRequest, documents: dict[str, ParsedDocument]) -> ParsedDocument:
    return documents[request.param]


@pytest.fixture
def seed_name(seed: ParsedDocument, documents: dict[str, ParsedDocument]) -> str:
    return next(name for name, document in documents.items() if document is seed)


def test_seed_has_a_title_and_a_published_date(seed: ParsedDocument) -> None:
    meta = seed.metadata
    assert meta.title
    assert meta.title.strip()
    assert "\n" not in meta.title
    assert meta.published
    assert normalise_datetime(meta.published) is not None
    assert meta.published[:4] in ("2024", "2025", "2026")


def test_seed_script(seed: ParsedDocument, seed_name: str) -> None:
    expected = Script.TRADITIONAL if seed_name.startswith("002") else Script.SIMPLIFIED
    assert seed.script is expected


def test_seed_text_is_substantial(seed: ParsedDocument) -> None:
    assert len(seed.text) > 500
    assert len(seed.text) < len(seed.source_text)
    assert seed.removed


@pytest.mark.parametrize("kind", sorted(LEFTOVERS))
def test_no_boilerplate_left(seed: ParsedDocument, kind: str) -> None:
    pattern = LEFTOVERS[kind]
    found = [line for line in seed.text.split("\n") if pattern.search(line.strip())]
    assert found == [], f"{kind} left in the text: {[line[:30] for line in found]}"


def test_no_follow_prompt_anywhere(seed: ParsedDocument) -> None:
    # whatever its wording, a line asking to follow is short and names 关注 with a 点/欢迎/请
    for line in seed.text.split("\n"):
        if "关注" in line or "關注" in line:
            assert not FOLLOW_PROMPT.search(line), line[:30]


def test_removed_parts_are_recorded_with_rules_and_lines(seed: ParsedDocument) -> None:
    source_lines = seed.source_text.replace("\r\n", "\n").split("\n")
    for item in seed.removed:
        assert item.rule
        assert 1 <= item.line <= len(source_lines)
        assert item.text in source_lines[item.line - 1]


def test_reclean_gives_the_same_result(seed: ParsedDocument) -> None:
    again = reclean(
        ParsedDocument(
            raw=seed.raw,
            encoding=seed.encoding,
            fmt=seed.fmt,
            source_text=seed.source_text,
            text="",
            metadata=seed.metadata,
            script=seed.script,
        )
    )
    assert again.text == seed.text
    assert again.metadata == seed.metadata


def test_cleaning_a_seed_twice_removes_nothing_more(seed: ParsedDocument) -> None:
    twice = parse(seed.text.encode("utf-8"), "again.txt")
    assert [r for r in twice.removed if not r.rule.startswith("metadata:")] == []
