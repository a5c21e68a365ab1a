"""People's names in views: converted as names, never into another name, maps still exact.

The names and sentences here were written for these tests. The demo articles
(resources/demo) and, when present, the seed articles (../shared/seeds) are
read at run time and only their recognised PERSON spans are checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.core.entities import Recogniser
from duizhao.core.ingest import parse
from duizhao.core.resources import resource_path
from duizhao.core.text import VIEWS, Script, View, ViewCache, build_view, convert, converter
from duizhao.core.text.names import name_text
from duizhao.core.text.textmap import RUN

SEEDS = Path(__file__).parents[3].parent / "shared" / "seeds"
#: Surnames the character and phrase tables turn into other characters.
SURNAMES = "于余范沈周姜征郁游岳"


def simplified(text: str) -> str:
    """Characters, Taiwan and Hong Kong variants included, in Simplified (no phrases)."""
    return convert(convert(text, "tw2s"), "hk2s")


def spans_of(text: str, names: list[str]) -> list[tuple[int, int]]:
    found = []
    for name in names:
        at = text.index(name)
        found.append((at, at + len(name)))
    return found


def shown(view: View, span: tuple[int, int]) -> str:
    start, end = view.to_view(*span)
    return view.text[start:end]


@pytest.mark.parametrize("view", ["traditional", "taiwan", "hongkong"])
def test_surnames_stay_surnames_in_every_traditional_view(view: str) -> None:
    text = "于丽娜、范小明、余海、沈阳、周明、姜涛和征远昨天来了。他们于是出发。"
    names = ["于丽娜", "范小明", "余海", "沈阳", "周明", "姜涛", "征远"]
    built = build_view(text, Script.SIMPLIFIED, view, spans_of(text, names))
    assert [shown(built, span)[0] for span in spans_of(text, names)] == list("于范余沈周姜征")
    assert shown(built, spans_of(text, ["于丽娜"])[0]) == "于麗娜"
    assert "於是" in built.text  # the word 于是 outside a name is still converted
    plain = build_view(text, Script.SIMPLIFIED, view)
    assert shown(plain, spans_of(text, ["于丽娜"])[0]) == "於麗娜"  # what protection prevents


def test_a_name_is_not_turned_into_another_regional_name() -> None:
    text = "奥巴马和林郁婷会面。"
    names = ["奥巴马", "林郁婷"]
    plain = build_view(text, Script.SIMPLIFIED, "taiwan")
    assert shown(plain, spans_of(text, ["奥巴马"])[0]) == "歐巴馬"  # OpenCC's Taiwan phrase
    built = build_view(text, Script.SIMPLIFIED, "taiwan", spans_of(text, names))
    assert [shown(built, span) for span in spans_of(text, names)] == ["奧巴馬", "林郁婷"]
    back = "歐巴馬和川普會面。"
    built = build_view(back, Script.TRADITIONAL, "simplified", spans_of(back, ["歐巴馬", "川普"]))
    assert built.text == "欧巴马和川普会面。"


def test_a_phrase_across_a_names_edge_is_cut_at_the_edge() -> None:
    text = "于是之于是离开"  # an actor called 于是之, then the word 于是
    built = build_view(text, Script.SIMPLIFIED, "traditional", [(0, 3)])
    assert built.text == "于是之於是離開"
    assert built.to_view(0, 3) == (0, 3)
    assert built.to_view(3, 5) == (3, 5)


def test_protected_views_are_cached_apart() -> None:
    cache = ViewCache()
    text = "于丽娜说。"
    plain = cache.get("h", text, Script.SIMPLIFIED, "taiwan")
    named = cache.get("h", text, Script.SIMPLIFIED, "taiwan", [(0, 3)])
    assert plain.text.startswith("於")
    assert named.text.startswith("于")
    assert cache.get("h", text, Script.SIMPLIFIED, "taiwan", [(0, 3)]) is named


# -- the maps stay exact -------------------------------------------------------------

PIECES = [
    "于丽娜",
    "于是",
    "内存",
    "软件",
    "头发",
    "奥巴马",
    "沈阳",
    "林郁婷",
    "范",
    "。",
    "\n",
    "𠮶",
]
text_and_names = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(PIECES), st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
        ),
        st.booleans(),
    ),
    max_size=30,
)


def check_exact(view: View, names: list[tuple[int, int]]) -> None:
    """The map covers both texts, and in a run every character shows the
    character-wise conversion of its original, or the original, or — inside a
    protected name — the name's own conversion."""
    m = view.map
    assert m.original_length == len(view.original)
    assert m.view_length == len(view.text)
    assert list(m.a) == sorted(m.a)
    assert list(m.b) == sorted(m.b)
    config = view.config or ""
    as_name: dict[int, str] = {}
    for start, end in names:
        if config:
            as_name.update(enumerate(name_text(view.original[start:end], config, convert), start))
    for k, kind in enumerate(m.kinds):
        assert m.a[k + 1] > m.a[k]
        if kind != RUN:
            continue
        assert m.a[k + 1] - m.a[k] == m.b[k + 1] - m.b[k]
        for j in range(m.a[k + 1] - m.a[k]):
            here = m.a[k] + j
            original, seen = view.original[here], view.text[m.b[k] + j]
            assert seen in (
                original,
                converter(config).charwise(original) if config else "",
                as_name.get(here),
            )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=text_and_names, script=st.sampled_from(list(Script)), view=st.sampled_from(VIEWS))
def test_protected_views_keep_exact_maps(
    pieces: list[tuple[str, bool]], script: Script, view: str
) -> None:
    text, names, at = "", [], 0
    for piece, is_name in pieces:
        if is_name:
            names.append((at, at + len(piece)))
        text += piece
        at += len(piece)
    built = build_view(text, script, view, names)
    check_exact(built, names)
    for start, end in names:
        if built.config is not None:
            assert shown(built, (start, end)) == name_text(text[start:end], built.config, convert)
        v_start, v_end = built.to_view(start, end)
        back = built.to_original(v_start, v_end)
        assert back[0] <= start
        assert back[1] >= end


# -- every demo and seed name in every view ------------------------------------------


def article_texts() -> list[tuple[str, str, Script]]:
    paths = sorted(resource_path("demo").iterdir())
    if SEEDS.is_dir():
        paths += sorted(SEEDS.iterdir())
    texts = []
    for path in paths:
        if path.is_file() and path.suffix in (".txt", ".md", ".html"):
            parsed = parse(path.read_bytes(), path.name)
            texts.append((path.name, parsed.text, parsed.script))
    return texts


@pytest.fixture(scope="module")
def people() -> list[tuple[str, str, Script, list[tuple[int, int]]]]:
    texts = article_texts()
    found = Recogniser().recognise_many([t for _, t, _ in texts], [s for *_, s in texts])
    return [
        (name, text, script, [(e.start, e.end) for e in entities if e.type == "PERSON"])
        for (name, text, script), entities in zip(texts, found, strict=True)
    ]


@pytest.mark.parametrize("view", VIEWS)
def test_every_demo_and_seed_name_survives_every_view(
    people: list[tuple[str, str, Script, list[tuple[int, int]]]], view: str
) -> None:
    assert sum(len(names) for *_, names in people) > 20
    for article, text, script, names in people:
        built = build_view(text, script, view, names)
        check_exact(built, names)
        config = built.config
        for start, end in names:
            written = text[start:end]
            seen = shown(built, (start, end))
            if config is None:
                assert seen == written, article
                continue
            assert seen == name_text(written, config, convert), (article, written, seen)
            assert len(seen) == len(written), (article, written, seen)
            # the same name in the other script, not another name
            assert simplified(seen) == simplified(written), (article, written, seen)
            for k, ch in enumerate(written):
                if ch in SURNAMES and config.startswith("s2"):
                    assert seen[k] == ch, (article, written, seen)
