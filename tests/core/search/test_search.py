"""Full-text search (:mod:`duizhao.core.search.index`) over a small library in both scripts.

Every article here was written for these tests: a cable car over a river
(Simplified), a harbour city's bus app (Traditional, Taiwan vocabulary), a
lighthouse lit again and a fishing harbour (Simplified), an old district's
library (Traditional) and a community garden (Simplified, undated).

Highlights are checked against the original text: every span, converted with
``t2s`` or ``tw2sp``, must contain a query word converted the same way, and
every fragment's spans must sit on that word inside the fragment's own text.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from duizhao.core.ingest import import_paths, parse
from duizhao.core.library import Library
from duizhao.core.search import Hit, QueryError, SearchBusy, SearchError, SearchIndex
from duizhao.core.search import index as search
from duizhao.core.search.index import INDEX_DIR, META_FILE
from duizhao.core.text import Segmenter, convert, segment, use_shared_segmenter


def md(title: str, body: str, *, source: str = "", author: str = "", date: str = "") -> str:
    meta = [f"title: {title}"]
    meta += [f"source: {source}"] if source else []
    meta += [f"author: {author}"] if author else []
    meta += [f"date: {date}"] if date else []
    return "---\n" + "\n".join(meta) + "\n---\n" + body + "\n"


ARTICLES: dict[str, str] = {
    "cable": md(
        "山城开通跨江索道",
        "山城今天开通了第一条跨江索道，市民乘坐索道过江只需要四分钟。\n"
        "售票系统使用一套本地团队开发的软件，乘客可以用手机扫码进站。\n"
        "运营公司表示，周末将增加班次。",
        source="江城日报",
        author="陈立",
        date="2026-03-05",
    ),
    "bus": md(
        "港都推出公車查詢服務",
        "市政府今天透過網際網路推出新的軟體，讓乘客隨時查詢公車到站時間。\n"
        "這套軟體也能提醒市民轉乘捷運，並顯示各站的無障礙設施。",
        source="南方時報",
        author="林佳音",
        date="2026-01-20",
    ),
    "lighthouse": md(
        "海边灯塔重新点亮",
        "修缮工程持续了半年，工人们更换了旧的玻璃和铜制框架。\n"
        "傍晚时分，市民和村民在码头上看着光束扫过海面。",
        source="渔村周报",
        author="赵青",
        date="2025-11-02",
    ),
    "harbour": md(
        "渔港迎来新的季节",
        "休渔期结束以后，渔船一艘接一艘驶出港口。\n"
        "船员们说，远处那座灯塔是他们回家的方向。\n"
        "市民一早就到码头买鱼。",
        source="渔村周报",
        author="赵青",
        date="2025-12-15",
    ),
    "library": md(
        "舊區圖書館延長開放時間",
        "圖書館從下星期起延長開放時間，市民下班後也能借閱書籍。\n"
        "館方同時添置了一批新電腦，供讀者免費使用。",
        source="港島日報",
        author="何詠詩",
        date="2026-02-10",
    ),
    "garden": md(
        "社区菜园迎来丰收",
        "志愿者们在社区菜园里种下的番茄和黄瓜陆续成熟。\n不少市民带着孩子来帮忙采摘。",
    ),
}
DATES = {
    "cable": "2026-03-05",
    "library": "2026-02-10",
    "bus": "2026-01-20",
    "harbour": "2025-12-15",
    "lighthouse": "2025-11-02",
}

NEW_ARTICLE = md(
    "夜市新增环保餐具",
    "从本月起，夜市的摊贩统一使用可降解的环保餐具，游客吃完可以直接投进回收箱。",
    source="江城日报",
    date="2026-03-20",
)


@pytest.fixture(scope="module", autouse=True)
def shared_segmenter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One jieba start for the module; the segmenter in use before is put back."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segment, "_shared", None)
        use_shared_segmenter(Segmenter(tmp_path_factory.mktemp("jieba")))
        yield


def add_all(library: Library, names: list[str] | None = None) -> dict[str, int]:
    ids = {}
    for name in names or list(ARTICLES):
        _, article_id = library.add(parse(ARTICLES[name].encode("utf-8"), f"{name}.md"), name)
        ids[name] = article_id
    return ids


@dataclass
class Shared:
    library: Library
    index: SearchIndex
    ids: dict[str, int]

    def find(self, query: str, **kwargs: object) -> list[Hit]:
        return self.index.search(self.library, query, **kwargs).hits  # type: ignore[arg-type]

    def names(self, query: str, **kwargs: object) -> set[str]:
        by_id = {v: k for k, v in self.ids.items()}
        return {by_id[hit.id] for hit in self.find(query, **kwargs)}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shared]:
    """A library of all six articles, indexed; tests must not change it."""
    directory = tmp_path_factory.mktemp("shared") / "library"
    library = Library.open(directory)
    ids = add_all(library)
    index = SearchIndex(directory, timeout=1)
    assert index.sync(library) == len(ARTICLES)
    yield Shared(library, index, ids)
    index.close()
    library.close()


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Shared]:
    """A library of two articles (one per script), indexed, for tests that change things."""
    directory = tmp_path / "library"
    library = Library.open(directory)
    ids = add_all(library, ["cable", "bus"])
    index = SearchIndex(directory, timeout=0.2)
    index.sync(library)
    yield Shared(library, index, ids)
    index.close()
    library.close()


# -- highlight checks --------------------------------------------------------------------

CONFIGS = ("t2s", "tw2sp")


def normal(text: str, config: str) -> str:
    return re.sub(r"\s+", "", convert(text, config)).lower()


def is_match(span_text: str, words: list[str]) -> bool:
    return any(normal(w, c) in normal(span_text, c) for w in words for c in CONFIGS)


def check_highlights(library: Library, hit: Hit, words: list[str]) -> None:
    """Spans in the original text and in each fragment sit on a query word."""
    text = library.get(hit.id).text
    previous_end = -1
    for start, end in hit.highlights:
        assert previous_end <= start < end <= len(text), hit.highlights
        assert is_match(text[start:end], words), (text[start:end], words)
        previous_end = end
    for fragment in hit.fragments:
        original = text[fragment.start : fragment.end]
        assert original in fragment.text
        offset = fragment.text.index(original)
        for start, end in fragment.highlights:
            assert 0 <= start < end <= len(fragment.text)
            assert is_match(fragment.text[start:end], words), (fragment.text, start, end)
            absolute = (fragment.start + start - offset, fragment.start + end - offset)
            assert any(a <= absolute[0] and absolute[1] <= b for a, b in hit.highlights)


# -- script-insensitive matching and regional vocabulary --------------------------------------

BOTH_WAYS = [
    ("软件", {"cable", "bus"}),
    ("軟體", {"cable", "bus"}),
    ("公车", {"bus"}),
    ("公車", {"bus"}),
    ("图书馆", {"library"}),
    ("圖書館", {"library"}),
    ("码头", {"lighthouse", "harbour"}),
    ("碼頭", {"lighthouse", "harbour"}),
    ("互联网", {"bus"}),
    ("網際網路", {"bus"}),
    ("乘客", {"cable", "bus"}),
    ("市民", set(ARTICLES)),
    ("電腦", {"library"}),
    ("电脑", {"library"}),
]


@pytest.mark.parametrize(("word", "expected"), BOTH_WAYS)
def test_either_script_finds_both_with_highlights_on_the_word(
    shared: Shared, word: str, expected: set[str]
) -> None:
    hits = shared.find(word)
    assert shared.names(word) == expected
    for hit in hits:
        assert hit.highlights, f"{word} is in the body of article {hit.id}"
        check_highlights(shared.library, hit, [word])


def test_every_occurrence_is_highlighted(shared: Shared) -> None:
    (hit,) = shared.find("索道")
    text = shared.library.get(hit.id).text
    assert [text[a:b] for a, b in hit.highlights] == ["索道", "索道"]
    (hit,) = shared.find("软件 公车")
    text = shared.library.get(hit.id).text
    assert [text[a:b] for a, b in hit.highlights] == ["軟體", "公車", "軟體"]


def test_highlight_after_a_conversion_that_changes_length(shared: Shared) -> None:
    """網際網路 (4) is 互联网 (3) in the analysis text: later spans must not drift."""
    text = shared.library.get(shared.ids["bus"]).text
    bus = next(h for h in shared.find("互联网 OR 軟體") if h.id == shared.ids["bus"])
    assert [text[a:b] for a, b in bus.highlights] == ["網際網路", "軟體", "軟體"]
    check_highlights(shared.library, bus, ["互联网", "軟體"])
    (fragment, *_) = bus.fragments
    assert [fragment.text[a:b] for a, b in fragment.highlights] == ["網際網路", "軟體"]


def test_fragments_of_a_long_article_stay_on_the_word(tmp_path: Path) -> None:
    """Long sentences are cut to a width and marked with …; spans stay on the word."""
    filler = "".join(
        f"第{i}段里，工程師們討論了車站的無障礙設施與候車區的座位安排。" for i in range(40)
    )
    long_sentence = (
        "這段很長的句子"
        + "沒有停頓地描述了沿線各站的改善計畫和施工時程" * 6
        + "最後才提到新的軟體。"
    )
    body = filler + "\n" + long_sentence + "\n" + filler + "市民可以下載軟體查看進度。"
    library = Library.open(tmp_path / "lib")
    library.add(parse(md("長文", body, date="2026-01-05").encode("utf-8"), "long.md"), "long")
    index = SearchIndex(library.directory)
    try:
        (hit,) = index.search(library, "软件").hits
        text = library.get(hit.id).text
        assert [text[a:b] for a, b in hit.highlights] == ["軟體", "軟體"]
        check_highlights(library, hit, ["软件"])
        assert len(hit.fragments) == 2
        cut = hit.fragments[0]
        assert cut.text.startswith("…")
        assert len(cut.text) <= 120 + 2
        (span,) = cut.highlights
        assert cut.text[span[0] : span[1]] == "軟體"
    finally:
        index.close()
        library.close()


@pytest.mark.parametrize("word", ["查询", "资料"])
def test_simplified_query_finds_traditional_taiwan_word(tmp_path: Path, word: str) -> None:
    library = Library.open(tmp_path / "lib")
    text = md("查詢資料的新方法", "讀者可以在網站上查詢資料，也能預約借書。", date="2026-01-02")
    library.add(parse(text.encode("utf-8"), "q.md"), "q.md")
    index = SearchIndex(library.directory)
    try:
        assert index.search(library, word).total == 1
    finally:
        index.close()
        library.close()


# -- phrases -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"扫码进站"', {"cable"}),
        ("“扫码进站”", {"cable"}),
        ("「扫码 进站」", {"cable"}),
        ('"进站扫码"', set()),
        ("进站扫码", set()),  # a run of Chinese characters is a phrase too
        ("扫码进站", {"cable"}),
        ('"跨江索道"', {"cable"}),
        ('"乘客 隨時"', {"bus"}),
        ("“远处那座灯塔”", {"harbour"}),
        ("“灯塔远处”", set()),
    ],
)
def test_phrases_need_the_words_in_order(shared: Shared, query: str, expected: set[str]) -> None:
    assert shared.names(query) == expected
    for hit in shared.find(query):
        words = [re.sub(r"[\"“”「」\s]", "", query)]
        check_highlights(shared.library, hit, words)
        assert len(hit.highlights) == 1


@pytest.mark.parametrize(
    ("query", "expected", "covered"),
    [
        ("“查詢公车”", {"bus"}, "查詢公車"),  # Traditional then Simplified
        ('"到站時间"', {"bus"}, "到站時間"),
        ("“扫碼進站”", {"cable"}, "扫码进站"),  # Simplified article, mixed query
        ('"新電脑"', {"library"}, "新電腦"),
    ],
)
def test_phrase_across_a_script_boundary_in_the_query(
    shared: Shared, query: str, expected: set[str], covered: str
) -> None:
    assert shared.names(query) == expected
    (hit,) = shared.find(query)
    text = shared.library.get(hit.id).text
    assert [text[a:b] for a, b in hit.highlights] == [covered]
    check_highlights(shared.library, hit, [query.strip('"“”')])
    (fragment,) = hit.fragments
    ((start, end),) = fragment.highlights
    assert fragment.text[start:end] == covered


# -- operators, fields, filters ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("索道 OR 灯塔", {"cable", "lighthouse", "harbour"}),
        ("索道 | 公車", {"cable", "bus"}),
        ("市民 乘客", {"cable", "bus"}),
        ("灯塔 -渔船", {"lighthouse"}),
        ("灯塔 NOT title:灯塔", {"harbour"}),
        ("(索道 OR 公車) AND 乘客", {"cable", "bus"}),
        ("（索道 或 灯塔） 渔船", {"harbour"}),
        ("市民 -(软件 OR 码头)", {"library", "garden"}),
        ("title:灯塔", {"lighthouse"}),
        ("标题:图书馆", {"library"}),
        ("title:公车", {"bus"}),
        ("source:渔村周报", {"lighthouse", "harbour"}),
        ("source:渔村", {"lighthouse", "harbour"}),
        ("source:南方时报", {"bus"}),
        ("来源:港島日報", {"library"}),
        ("author:赵青", {"lighthouse", "harbour"}),
        ("作者:林佳音", {"bus"}),
        ("author:陈立 乘客", {"cable"}),
        ("body:灯塔", {"harbour"}),
        ("script:traditional", {"bus", "library"}),
        ("script:traditional 乘客", {"bus"}),
        ("script:simplified 乘客", {"cable"}),
        ("script:mixed 市民", set()),
    ],
)
def test_operators_fields_and_filters(shared: Shared, query: str, expected: set[str]) -> None:
    assert shared.names(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2026", {"cable", "bus", "library"}),
        ("date:2025", {"lighthouse", "harbour"}),
        ("date:2025-12", {"harbour"}),
        ("date:2026-01-20", {"bus"}),
        ("date:2026-01-21", set()),
        ("date:2026-01-01..2026-02-28", {"bus", "library"}),
        ("date:..2025", {"lighthouse", "harbour"}),
        ("date:2026-02..", {"cable", "library"}),
        ("date:[2025-11 TO 2025-12]", {"lighthouse", "harbour"}),
        ("published:[2026-01-20 to 2026-02-10]", {"bus", "library"}),
        ("date:>=2026-02", {"cable", "library"}),
        ("date:>2026-01-20", {"cable", "library"}),
        ("date:<=2025-11-02", {"lighthouse"}),
        ("date:<2025-12", {"lighthouse"}),
        ("date:<2025-12-15", {"lighthouse"}),
        ("date:2026年3月 市民", {"cable"}),
        ("市民 date:2025", {"lighthouse", "harbour"}),
    ],
)
def test_date_ranges(shared: Shared, query: str, expected: set[str]) -> None:
    names = shared.names(query)
    assert names == expected
    assert "garden" not in names  # undated: never in a date range


# -- ranking and sorting ------------------------------------------------------------------------


def test_title_is_weighted(shared: Shared) -> None:
    """灯塔 is the lighthouse's title word only; the harbour has it once in its body."""
    hits = shared.find("灯塔")
    assert [h.id for h in hits] == [shared.ids["lighthouse"], shared.ids["harbour"]]
    assert hits[0].score > hits[1].score
    assert hits[0].highlights == ()  # the match is in the title, not the text
    assert hits[0].fragments  # still a fragment to show: the opening


def test_relevance_scores_do_not_increase(shared: Shared) -> None:
    hits = shared.find("市民 OR 乘客 OR 软件")
    assert len(hits) == len(ARTICLES)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(s > 0 for s in scores)


def test_sort_by_date_newest_first_undated_last(shared: Shared) -> None:
    hits = shared.find("市民", sort="date")
    by_id = {v: k for k, v in shared.ids.items()}
    order = [by_id[h.id] for h in hits]
    assert order == [*DATES, "garden"]
    assert [h.published for h in hits[:-1]] == list(DATES.values())
    relevance = {h.id: h.score for h in shared.find("市民")}
    assert {h.id: h.score for h in hits} == pytest.approx(relevance)  # not the sort key


def test_limit_and_total(shared: Shared) -> None:
    results = shared.index.search(shared.library, "市民", limit=2)
    assert len(results.hits) == 2
    assert results.total == len(ARTICLES)
    results = shared.index.search(shared.library, "市民", limit=2, sort="date")
    assert [h.published for h in results.hits] == list(DATES.values())[:2]


def test_hit_json_shape(shared: Shared) -> None:
    for hit in shared.find("软件 OR 灯塔"):
        data = json.loads(json.dumps(hit.to_json(), ensure_ascii=False))
        assert set(data) == {"id", "title", "score", "snippets"}
        assert data["title"] == shared.library.get(hit.id).title
        for snippet in data["snippets"]:
            assert set(snippet) == {"text", "highlights"}
            for start, end in snippet["highlights"]:
                assert is_match(snippet["text"][start:end], ["软件", "灯塔"])


# -- bad queries: best effort or a clear message, never a traceback ------------------------------

BEST_EFFORT = [
    ('"扫码进站', {"cable"}, "unbalanced quote"),
    ("(索道 OR 公車", {"cable", "bus"}, "unbalanced '('"),
    ("索道)", {"cable"}, "unbalanced ')'"),
    ("OR 灯塔", {"lighthouse", "harbour"}, "OR with nothing"),
    ("灯塔 AND", {"lighthouse", "harbour"}, None),
    ("灯塔 NOT", {"lighthouse", "harbour"}, "NOT with nothing"),
    ("索道" + "。" * 10_000, {"cable"}, "longer than"),
    ("码头\x00\x07\x1b渔船", {"harbour"}, None),
    ("colour:红色", set(), "unknown field"),
    ("灯塔 script:klingon", {"lighthouse", "harbour"}, "script:klingon"),
    ("灯塔 date:someday", {"lighthouse", "harbour"}, "date:someday"),
    ("-", set(), "nothing searchable"),
    ("。，！", set(), "nothing searchable"),
    ("(" * 900 + "灯塔", {"lighthouse", "harbour"}, "nested"),
]


@pytest.mark.parametrize(("query", "expected", "warning"), BEST_EFFORT)
def test_bad_queries_give_best_effort_results(
    shared: Shared, query: str, expected: set[str], warning: str | None
) -> None:
    results = shared.index.search(shared.library, query)
    by_id = {v: k for k, v in shared.ids.items()}
    assert {by_id[h.id] for h in results.hits} == expected
    if warning is not None:
        assert any(warning in w for w in results.warnings), results.warnings


@pytest.mark.parametrize(
    "query", ["", "   ", "\x00", "OR", "AND NOT", "()", "-灯塔", "date:someday"]
)
def test_unsearchable_queries_are_a_query_error(shared: Shared, query: str) -> None:
    with pytest.raises(QueryError) as caught:
        shared.index.search(shared.library, query)
    assert str(caught.value)
    assert "\n" not in str(caught.value)


# -- the index's life: import, removal, rebuild ---------------------------------------------------


def test_index_lives_in_the_library_dir(small: Shared) -> None:
    directory = small.library.directory / INDEX_DIR
    assert small.index.directory == directory
    meta = json.loads((directory / META_FILE).read_text("utf-8"))
    assert meta["generation"] == small.library.generation()
    assert meta["version"]["index"] == search.INDEX_VERSION
    assert small.index.doc_count() == 2


def test_sync_with_nothing_to_do_changes_nothing(small: Shared) -> None:
    assert small.index.sync(small.library) == 0


def test_import_and_removal_update_the_index(small: Shared, tmp_path: Path) -> None:
    assert small.names("环保餐具") == set()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "market.md").write_text(NEW_ARTICLE, encoding="utf-8")
    (result,) = import_paths(small.library, [tmp_path / "in"])
    assert result.status == "imported"
    assert small.index.sync(small.library) == 1
    hits = small.find("环保餐具")
    assert [h.id for h in hits] == [result.id]
    check_highlights(small.library, hits[0], ["环保餐具"])
    assert small.index.doc_count() == 3

    small.library.remove(result.id)  # search syncs by itself
    results = small.index.search(small.library, "环保餐具")
    assert (results.hits, results.total) == ([], 0)
    assert small.index.doc_count() == 2
    small.library.restore(result.id)
    results = small.index.search(small.library, "環保餐具")
    assert ([h.id for h in results.hits], results.total) == ([result.id], 1)
    assert small.index.doc_count() == 3


def test_a_second_index_object_sees_changes(small: Shared) -> None:
    other = SearchIndex(small.library.directory, timeout=0.2)
    try:
        small.library.remove(small.ids["bus"])
        assert other.search(small.library, "乘客").total == 1
        assert small.index.search(small.library, "乘客").total == 1
    finally:
        other.close()


def test_rebuild_counts_the_articles(small: Shared) -> None:
    small.library.remove(small.ids["bus"])
    assert small.index.rebuild(small.library) == 1
    assert small.index.doc_count() == 1
    assert small.index.rebuilt_because == "rebuild asked for"
    small.ids.update(add_all(small.library, ["harbour", "garden"]))
    assert small.index.rebuild(small.library) == 3
    assert small.names("市民") == {"cable", "harbour", "garden"}


def test_progress_is_reported(small: Shared) -> None:
    seen: list[tuple[int, int]] = []
    small.index.rebuild(small.library, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]


# -- recovery -------------------------------------------------------------------------------------


def fresh(small: Shared) -> SearchIndex:
    small.index.close()
    return SearchIndex(small.library.directory, timeout=0.2)


@pytest.mark.parametrize(
    ("pattern", "damage"),
    [
        # A postings file cut short or zeroed can go unnoticed in an index this small:
        # Whoosh keeps the postings of rare terms inside the terms file (*.trm).
        ("*.pst", "empty"),
        ("*.trm", "empty"),
        ("*.pst", "delete"),
        ("*.trm", "half"),
        ("*.trm", "zeros"),
        ("*.toc", "half"),
        ("*.toc", "empty"),
    ],
)
def test_a_damaged_index_is_rebuilt(small: Shared, pattern: str, damage: str) -> None:
    directory = small.library.directory / INDEX_DIR
    small.index.close()
    (victim,) = directory.glob(pattern)
    data = victim.read_bytes()
    if damage == "half":
        victim.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        victim.write_bytes(b"")
    elif damage == "zeros":
        victim.write_bytes(bytes(len(data)))
    else:
        victim.unlink()
    index = fresh(small)
    try:
        results = index.search(small.library, "乘客")
        assert {h.id for h in results.hits} == {small.ids["cable"], small.ids["bus"]}
        for hit in results.hits:
            check_highlights(small.library, hit, ["乘客"])
        assert index.rebuilt_because is not None
        assert index.rebuilt_because.startswith("unreadable")
        assert index.doc_count() == 2
    finally:
        index.close()


def test_a_missing_index_dir_is_rebuilt(small: Shared) -> None:
    small.index.close()
    shutil.rmtree(small.library.directory / INDEX_DIR)
    index = fresh(small)
    try:
        assert index.search(small.library, "軟體").total == 2
        assert index.rebuilt_because == "missing"
        assert (small.library.directory / INDEX_DIR / META_FILE).is_file()
    finally:
        index.close()


@pytest.mark.parametrize("edit", ["version", "other-field", "garbage", "delete"])
def test_an_index_from_another_version_is_rebuilt(small: Shared, edit: str) -> None:
    small.index.close()
    path = small.library.directory / INDEX_DIR / META_FILE
    current = json.loads(path.read_text("utf-8"))
    if edit == "version":
        path.write_text(json.dumps({**current, "version": {**current["version"], "index": 0}}))
    elif edit == "other-field":
        path.write_text(json.dumps({**current, "version": {**current["version"], "jieba": "x"}}))
    elif edit == "garbage":
        path.write_text("{not json")
    else:
        path.unlink()
    index = fresh(small)
    try:
        assert index.search(small.library, "公车").total == 1
        assert index.rebuilt_because == "made by another version"
        assert json.loads(path.read_text("utf-8")) == current
    finally:
        index.close()


def test_a_held_lock_makes_a_writer_give_up_with_search_busy(small: Shared) -> None:
    from whoosh import index as whoosh_index

    holder = whoosh_index.open_dir(str(small.library.directory / INDEX_DIR))
    writer = holder.writer()  # another Duizhao is writing
    try:
        # nothing to write: searching does not need the lock
        assert small.index.search(small.library, "乘客").total == 2
        small.ids.update(add_all(small.library, ["harbour"]))
        index = fresh(small)
        started = time.monotonic()
        with pytest.raises(SearchBusy) as caught:
            index.sync(small.library)
        assert time.monotonic() - started < 5
        message = str(caught.value)
        assert "being written by another Duizhao" in message
        assert str(small.library.directory / INDEX_DIR) in message
        assert "\n" not in message
        assert isinstance(caught.value, SearchError)
        with pytest.raises(SearchBusy):
            index.search(small.library, "码头")
    finally:
        writer.cancel()
        holder.close()
    assert index.sync(small.library) == 1
    assert small.names("码头") == {"harbour"}
    index.close()
