"""Stories: grouping the demo library, ids that stay, corrections that survive,
imports that join, copies marked, and libraries too small to group.

The demo library (resources/demo) is our own writing: three stories of four
articles. The extra articles here were written for these tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from duizhao.core import stories as st
from duizhao.core.ingest import ensure_demo_library, parse
from duizhao.core.library import Library
from duizhao.core.stories import StoryError, StoryIndex, cluster, get_story, list_stories

merge_stories, move_article, regroup = st.merge_stories, st.move_article, st.regroup
split_story, story_of = st.split_story, st.story_of

NO_TITLE = "这是一段没有标题也没有日期的短文，讲的是小镇图书馆周末延长开放时间的事情。"


@pytest.fixture(scope="module")
def grouped_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo library grouped once (copied by each test that changes it)."""
    directory = tmp_path_factory.mktemp("demo")
    ensure_demo_library(directory)
    with Library.open(directory) as library:
        regroup(library)
    return directory


@pytest.fixture
def demo(grouped_demo: Path, tmp_path: Path) -> Path:
    target = tmp_path / "lib"
    shutil.copytree(grouped_demo, target)
    return target


def _by_file(library: Library) -> dict[str, int]:
    return {a.original_name: a.id for a in library.articles()}


def _groups(library: Library) -> list[set[str]]:
    names = {i: n for n, i in _by_file(library).items()}
    return [{names[a] for a in s.articles} for s in list_stories(library)]


def test_the_demo_library_makes_its_stories(demo: Path) -> None:
    with Library.open(demo) as library:
        groups = _groups(library)
    prefixes = [{n.split("-")[0] for n in g} for g in groups]
    assert all(len(p) == 1 for p in prefixes), groups  # no story mixes two
    assert sorted(next(iter(p)) for p in prefixes) == ["chipplant", "raremetals", "summit"]
    assert sum(len(g) for g in groups) >= 11


def test_regrouping_keeps_ids_and_is_the_same(demo: Path) -> None:
    with Library.open(demo) as library:
        before = {s.id: s.articles for s in list_stories(library, include_single=True)}
        again = {s.id: s.articles for s in regroup(library)}
    assert again == before


def test_a_story_has_label_outlets_and_dates(demo: Path) -> None:
    with Library.open(demo) as library:
        story = max(list_stories(library), key=lambda s: len(s.articles))
    assert story.label
    assert len(story.outlets) >= 3
    assert story.first is not None
    assert story.last is not None
    assert story.first <= story.last
    assert sum(story.regions.values()) == len(story.articles)


def test_a_moved_article_stays_after_regrouping(demo: Path) -> None:
    with Library.open(demo) as library:
        ids = _by_file(library)
        summit = story_of(library, ids["summit-dongan-daily.txt"])
        moved = ids["chipplant-haixia-times.md"]
        assert summit is not None
        move_article(library, moved, summit)
        assert story_of(library, moved) == summit
        regroup(library)
        assert story_of(library, moved) == summit
        assert moved in get_story(library, summit).pinned


def test_split_and_merge_survive_regrouping(demo: Path) -> None:
    with Library.open(demo) as library:
        ids = _by_file(library)
        summit = story_of(library, ids["summit-dongan-daily.txt"])
        chips = story_of(library, ids["chipplant-haixia-times.md"])
        assert summit is not None
        assert chips is not None
        out = [ids["summit-gangwan-news.md"]]
        new = split_story(library, summit, out)
        assert story_of(library, out[0]) == new != summit
        merge_stories(library, summit, [chips])
        regroup(library)
        assert story_of(library, out[0]) == new
        assert story_of(library, ids["chipplant-haixia-times.md"]) == summit
        assert all(s.id != chips for s in list_stories(library, include_single=True))


def test_bad_corrections_say_so(demo: Path) -> None:
    with Library.open(demo) as library:
        ids = _by_file(library)
        summit = story_of(library, ids["summit-dongan-daily.txt"])
        assert summit is not None
        with pytest.raises(StoryError, match="no story 999"):
            move_article(library, ids["summit-dongan-daily.txt"], 999)
        with pytest.raises(StoryError, match="not in it"):
            split_story(library, summit, [ids["chipplant-haixia-times.md"]])
        with pytest.raises(StoryError, match="at least one"):
            split_story(library, summit, get_story(library, summit).articles)
        with pytest.raises(StoryError, match="another story"):
            merge_stories(library, summit, [summit])


def test_a_trashed_article_leaves_its_story(demo: Path) -> None:
    with Library.open(demo) as library:
        gone = _by_file(library)["summit-dongan-daily.txt"]
        story = story_of(library, gone)
        library.remove(gone)
        assert story is not None
        assert gone not in get_story(library, story).articles


def test_an_import_joins_its_story(tmp_path: Path) -> None:
    directory = tmp_path / "lib"
    ensure_demo_library(directory)
    with Library.open(directory) as library:
        ids = _by_file(library)
        late = ids["summit-huanqiu-yibao.txt"]
        data = library.raw(late)
        library.remove(late)
        library.purge()
        regroup(library)
        _, again = library.add(parse(data, "summit-huanqiu-yibao.txt"), "summit-huanqiu-yibao.txt")
        index = StoryIndex.load(library)
        joined = index.assign(library, again)
        assert joined == story_of(library, ids["summit-dongan-daily.txt"])


def test_a_syndicated_copy_is_one_story_and_marked(tmp_path: Path) -> None:
    directory = tmp_path / "lib"
    ensure_demo_library(directory)
    with Library.open(directory) as library:
        original = library.get(_by_file(library)["raremetals-dongan-daily.md"])
        head = "---\ntitle: 转载\nsource: 某门户网站\ndate: 2026-02-28\n---\n\n"
        copy = head + original.text + "\n（本文转载自东岸日报）\n"
        _, copied = library.add(parse(copy.encode(), "copy.md"), "copy.md")
        regroup(library)
        story = get_story(library, story_of(library, original.id) or 0)
        assert copied in story.articles
        assert story.copies.get(copied) == original.id


def test_one_article_without_title_date_or_names(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        _, only = library.add(parse(NO_TITLE.encode(), "note.txt"), "note.txt")
        stories = regroup(library)
        assert [s.articles for s in stories] == [[only]]
        assert list_stories(library) == []  # a story of one is not listed by default
        assert regroup(library)[0].id == stories[0].id


def test_an_empty_library_has_no_stories(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        assert regroup(library) == []


def test_clusters_do_not_depend_on_the_order_of_pairs() -> None:
    edges = [(0, 1, 0.9), (1, 2, 0.3), (2, 3, 0.8), (0, 2, 0.1), (3, 4, 0.05), (1, 3, 0.2)]
    first = cluster(5, edges, 0.15)
    assert cluster(5, list(reversed(edges)), 0.15) == first
    assert first == [[0, 1, 2, 3], [4]]


def test_average_linkage_does_not_chain() -> None:
    # 0-1 and 1-2 are close but 0-2 are not related: a chain is cut
    edges = [(0, 1, 0.5), (1, 2, 0.5)]
    assert cluster(3, edges, 0.4) == [[0, 1], [2]]


WIRE = (
    "（通讯社讯）河口市今天凌晨发生一起货轮搁浅事故，货轮在进港航道附近偏离航线，"
    "船上二十名船员全部获救。港务部门表示，航道将暂时封闭，预计明天上午恢复通航。"
    "事故原因仍在调查之中，初步判断与夜间大雾有关。"
)


def test_many_syndicated_copies_make_one_story_with_copies_marked(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        ids = []
        for n in range(60):
            day = f"2026-05-0{1 + n % 3}"
            head = f"---\ntitle: 货轮搁浅（转载{n}）\nsource: 网站{n}\ndate: {day}\n---\n\n"
            tail = f"\n据第{n}号码头的值班人员说，当时能见度不足百米。\n"
            _, article_id = library.add(
                parse((head + WIRE + tail).encode(), f"c{n}.md"), f"c{n}.md"
            )
            ids.append(article_id)
        other = "---\ntitle: 稻米收成\n---\n\n今年稻米收成比去年多了一成，农民说雨水充足。\n"
        _, lone = library.add(parse(other.encode(), "rice.md"), "rice.md")
        stories = regroup(library)
        big = max(stories, key=lambda s: len(s.articles))
        assert sorted(big.articles) == sorted(ids)
        assert len(big.copies) == 59  # all but the earliest are marked as copies
        assert lone not in big.articles


def test_an_outlet_the_user_described_counts_in_its_region() -> None:
    from duizhao.core.library import Described
    from duizhao.core.stories import described_region

    said = {"濱海街坊報": Described("濱海街坊報", "hongkong", "commercial", "2026-03-01")}
    assert described_region(("濱海街坊報", "unknown"), said) == ("濱海街坊報", "hongkong")
    assert described_region(("中央社", "taiwan"), said) == ("中央社", "taiwan")  # a profile wins
    assert described_region(("无名报", "unknown"), said) == ("无名报", "unknown")
