"""An article's origin on import: outlet, relay and region; the region picks the
conversions of its views, its search entry and its entities, and a correction
rebuilds them.

Every article here was written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from duizhao.core.ingest import article_origin, fill_origins, parse, reclean
from duizhao.core.library import Library, Origin
from duizhao.core.search import SearchIndex
from duizhao.core.text import Segmenter, build_view, use_shared_segmenter


def md(body: str, *, source: str = "", url: str = "", title: str = "一則新聞") -> bytes:
    lines = ["---", f"title: {title}", "date: 2026-02-01"]
    if source:
        lines.append(f"source: {source}")
    if url:
        lines.append(f"url: {url}")
    return ("\n".join([*lines, "---", "", body, ""])).encode("utf-8")


#: A Hong Kong outlet's notice: 查詢 (enquire) is everyday Hong Kong usage.
HK_BODY = "市民如有疑問，可致電熱線查詢。當局表示，新的網上服務下月推出，市民毋須親身前往。"
#: A Taiwan outlet's report: 軟體 is Taiwan's word for software.
TW_BODY = "這款軟體昨天更新後，不少使用者反映無法登入，公司表示正在修復。"


@pytest.fixture(scope="module", autouse=True)
def _segmenter(tmp_path_factory: pytest.TempPathFactory) -> None:
    use_shared_segmenter(Segmenter(tmp_path_factory.mktemp("jieba")))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "lib") as opened:
        yield opened


def add(library: Library, data: bytes, name: str) -> int:
    return library.add(parse(data, name), name)[1]


def test_the_outlet_of_the_front_matter_gives_the_region(library: Library) -> None:
    article_id = add(
        library, md(TW_BODY, source="中央社", url="https://tw.news.yahoo.com/a"), "a.md"
    )
    origin = library.get(article_id).origin
    assert origin == Origin("cna", "yahoo-taiwan", "taiwan", "outlet")


def test_the_url_alone_gives_the_outlet(library: Library) -> None:
    article_id = add(library, md(HK_BODY, url="https://news.rthk.hk/rthk/ch/a.htm"), "b.md")
    assert library.get(article_id).origin == Origin("rthk", None, "hongkong", "outlet")


def test_an_unknown_outlet_leaves_the_text_to_say(library: Library) -> None:
    text = "的士司機昨日在警署外聚集，表示網上早有消息，本港的士業界不滿。"
    article_id = add(library, md(text, source="某某週報"), "c.md")
    article = library.get(article_id)
    assert article.origin == Origin(None, None, "hongkong", "text")
    assert article.metadata.source == "某某週報"  # the source as written stays


def test_simplified_text_of_an_unknown_outlet_has_no_region() -> None:
    origin = article_origin("某某网", None, "市民可以在网上查询，的士司机表示不满。")
    assert origin == Origin(None, None, None, "none")


def test_a_portal_is_not_the_region(library: Library) -> None:
    # Yahoo carries copy from everywhere: the text decides, and here it cannot
    origin = article_origin(None, "https://tw.news.yahoo.com/x", "今天天氣很好。")
    assert origin == Origin("yahoo-taiwan", None, None, "none")


def test_overseas_outlets_are_other() -> None:
    assert article_origin("德國之聲", None, TW_BODY).region == "other"
    assert article_origin("聯合早報", None, "新加坡").region == "other"


# -- the done-when checks of issue #20 ------------------------------------------------


def test_views_and_search_follow_the_region(library: Library) -> None:
    hk = add(library, md(HK_BODY, source="明報", title="熱線查詢安排"), "hk.md")
    tw = add(library, md(TW_BODY, source="自由時報", title="軟體更新"), "tw.md")
    hk_article, tw_article = library.get(hk), library.get(tw)
    assert (hk_article.region, tw_article.region) == ("hongkong", "taiwan")
    hk_view = build_view(hk_article.text, hk_article.script, "simplified", region="hongkong")
    assert "查询" in hk_view.text  # not Taiwan's 查找
    tw_view = build_view(tw_article.text, tw_article.script, "simplified", region="taiwan")
    assert "软件" in tw_view.text
    index = SearchIndex(library.directory)
    try:
        index.sync(library)
        for query in ("查詢", "查询", "热线查询"):
            assert {h.id for h in index.search(library, query).hits} == {hk}, query
        for query in ("軟體", "软件"):
            assert {h.id for h in index.search(library, query).hits} == {tw}, query
    finally:
        index.close()


def test_a_corrected_region_rebuilds_what_depends_on_it(library: Library) -> None:
    hk = add(library, md(HK_BODY, source="明報"), "hk.md")
    index = SearchIndex(library.directory)
    try:
        index.sync(library)
        assert index.sync(library) == 0
        library.store_entities(hk, "v", library.get(hk).content_hash, "[]")
        before = library.get(hk).fingerprint
        article = library.set_origin(
            hk, Origin("ming-pao", None, "taiwan", "user")
        )  # read as if Taiwanese: tw2sp makes 查詢 查找
        assert article.fingerprint != before
        assert library.cached_entities(hk, "v", article.content_hash) is None
        assert index.sync(library) == 1  # its search entry is redone
        assert index.sync(library) == 0
        assert index.search(library, "查詢").total == 1
    finally:
        index.close()


def test_a_region_set_by_the_user_survives_cleaning_again(library: Library) -> None:
    article_id = add(library, md(TW_BODY, source="自由時報"), "tw.md")
    library.set_origin(article_id, Origin("liberty-times", None, "macau", "user"))
    library.reclean(reclean, version=-1, force=True)
    assert library.get(article_id).origin == Origin("liberty-times", None, "macau", "user")
    library.set_origin(article_id, Origin("liberty-times", None, None, None))
    assert fill_origins(library) == [article_id]  # never looked for: found again
    assert library.get(article_id).origin.region == "taiwan"
    assert fill_origins(library) == []


def test_a_library_that_ran_migration_6_as_a_reserved_no_op_gains_it(tmp_path: Path) -> None:
    import sqlite3

    from duizhao.core.library import FILE_NAME

    with Library.open(tmp_path / "lib") as library:
        article_id = add(library, md(TW_BODY, source="自由時報"), "tw.md")
    db = sqlite3.connect(tmp_path / "lib" / FILE_NAME, isolation_level=None)
    for column in ("outlet", "relayed_by", "region", "region_source"):
        db.execute(f"ALTER TABLE articles DROP COLUMN {column}")  # as main's placeholder left it
    db.close()
    with Library.open(tmp_path / "lib") as library:
        assert library.get(article_id).origin == Origin()
        assert fill_origins(library) == [article_id]
        assert library.get(article_id).region == "taiwan"
