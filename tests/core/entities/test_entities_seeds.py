"""The entities the four real seed articles in ../shared/seeds must yield.

The seeds are read at run time; none of their sentences is written here, only
the names, dates and numbers that must be recognised in them. An expected
entity counts as found when an entity of its type has its text (as written,
or in Simplified), or — for a name the gazetteer knows — when an entity of
its type links to the gazetteer entry of that name (商务部 found as
中国商务部, both ``china-mofcom``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.core.entities import Recogniser, default_gazetteer
from duizhao.core.entities.recognition import Entity
from duizhao.core.ingest import parse
from duizhao.core.library import ParsedDocument
from duizhao.core.text import Script, build_view, convert

SEEDS = Path(__file__).parents[3].parent / "shared" / "seeds"

pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}"),
]

EXPECTED = {
    "PERSON": [
        "高市早苗", "李在明", "尹锡悦", "习近平", "特朗普", "唐纳德·特朗普", "贝森特",
        "加藤胜信", "权慧珍", "小泉進次郎", "德仁", "托卡耶夫", "默茨",
    ],
    "ORG": ["商务部", "七国集团", "G7", "亚太经合组织", "APEC", "北约", "欧盟"],
    "PLACE": ["庆州", "格陵兰岛", "哈萨克斯坦"],
    "DATE": ["1月19日", "2024年12月18日"],
    "NUMBER": ["83%", "118亿美元", "1.2万亿美元"],
}  # fmt: skip


@pytest.fixture(scope="module")
def seeds() -> dict[str, ParsedDocument]:
    return {path.name: parse(path.read_bytes(), path.name) for path in sorted(SEEDS.iterdir())}


@pytest.fixture(scope="module")
def found(seeds: dict[str, ParsedDocument]) -> dict[str, list[Entity]]:
    recogniser = Recogniser()
    names = list(seeds)
    results = recogniser.recognise_many(
        [seeds[n].text for n in names], [seeds[n].script for n in names]
    )
    return dict(zip(names, results, strict=True))


def _simplified(text: str) -> str:
    return convert(text, "t2s")


@pytest.mark.parametrize(
    ("entity_type", "name"),
    [(entity_type, name) for entity_type, names in EXPECTED.items() for name in names],
)
def test_expected_entity_is_found(
    found: dict[str, list[Entity]], entity_type: str, name: str
) -> None:
    entry = default_gazetteer().lookup(name) if entity_type in ("PERSON", "PLACE", "ORG") else None
    every = [e for entities in found.values() for e in entities if e.type == entity_type]
    texts = {e.text for e in every} | {_simplified(e.text) for e in every}
    linked = entry is not None and any(e.entity_id == entry.id for e in every)
    assert name in texts or _simplified(name) in texts or linked, (
        f"{entity_type} {name} not found; {entity_type} found: {sorted(texts)}"
    )


def test_every_span_indexes_its_article(
    seeds: dict[str, ParsedDocument], found: dict[str, list[Entity]]
) -> None:
    for name, entities in found.items():
        text = seeds[name].text
        assert entities, name
        for entity in entities:
            assert text[entity.start : entity.end] == entity.text


def test_the_traditional_article_links_to_the_same_entities(
    seeds: dict[str, ParsedDocument], found: dict[str, list[Entity]]
) -> None:
    traditional = [n for n, d in seeds.items() if d.script is Script.TRADITIONAL]
    simplified = [n for n, d in seeds.items() if d.script is Script.SIMPLIFIED]
    assert len(traditional) == 1
    ids_t = {e.entity_id for e in found[traditional[0]] if not e.entity_id.startswith("date:")}
    ids_s = {e.entity_id for n in simplified for e in found[n]}
    shared = ids_t & ids_s
    assert {"united-states", "china", "japan", "donald-trump"} <= shared


def test_xi_in_a_traditional_copy_links_to_xi_in_the_simplified_original(
    seeds: dict[str, ParsedDocument],
) -> None:
    """The Traditional seed does not name 習近平, so a Simplified seed that does
    is converted to Taiwan Traditional (OpenCC s2twp) at run time and
    recognised as a Traditional article."""
    name = next(n for n, d in seeds.items() if "习近平" in d.text)
    original = seeds[name].text
    taiwan = build_view(original, Script.SIMPLIFIED, "taiwan").text
    recogniser = Recogniser()
    in_simplified = recogniser.recognise(original, Script.SIMPLIFIED)
    in_traditional = recogniser.recognise(taiwan, Script.TRADITIONAL)
    xi_s = {e.entity_id for e in in_simplified if e.text == "习近平"}
    xi_t = {e.entity_id for e in in_traditional if e.text == "習近平"}
    assert xi_s == xi_t == {"xi-jinping"}
