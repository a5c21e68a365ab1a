"""News feeds: RSS and Atom read safely, each item imported once.

Feeds and pages are served by a loopback server the test starts; every
sentence was written for these tests.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duizhao.core.ingest import ImportOptions
from duizhao.core.ingest.feeds import FeedParseError, fetch_feeds, parse_feed
from duizhao.core.ingest.fetching import Fetcher
from duizhao.core.library import Library, add_feed, list_feeds
from loopback import Route, page, serve

STORIES = {
    "bridge": (
        "山城新桥今晚通车",
        "山城的第二座跨江大桥今晚正式通车，市民可以步行或者骑车从桥上通过，晚上还有灯光表演。",
        "交通部门估计，新桥通车以后，老桥早晚高峰的车流量将减少三成，过江时间缩短一半以上。",
        "附近的商户说，大桥开通以后来江边散步的人多了，晚上的小吃摊生意也比以前好了不少。",
    ),
    "library": (
        "社区图书馆延长开放时间",
        "从下周一开始，社区图书馆每天开放到晚上十点，周末也不再闭馆，方便上班的居民借书。",
        "馆长介绍说，延长时间以后会增加两名工作人员，并在阅览室添置四十个带台灯的座位。",
        "不少家长表示，孩子放学以后终于有了一个安静的地方写作业，希望这个安排能够长期保持。",
    ),
}


def rss(base: str, items: list[tuple[str, str]], title: str = "山城晚报") -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{base}/{slug}</link><guid>{slug}</guid>"
        "<pubDate>Tue, 01 Dec 2026 08:00:00 +0800</pubDate>"
        "<description>短短的摘要。</description></item>"
        for slug, t in items
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
        f"{entries}</channel></rss>"
    ).encode()


@pytest.fixture
def server():
    with serve() as running:
        for slug, (title, *paras) in STORIES.items():
            running.routes[f"/{slug}"] = Route(page(title, *paras))
        yield running


@pytest.fixture
def library(tmp_path: Path):
    with Library.open(tmp_path / "lib", create=True) as opened:
        yield opened


def fetch(library: Library, **kwargs: object):
    fetcher = Fetcher(interval=0.0)
    return fetch_feeds(library, fetcher, ImportOptions(fetcher=fetcher), **kwargs)  # type: ignore[arg-type]


def test_rss_items_are_imported_once(server, library):
    items = [("bridge", STORIES["bridge"][0]), ("library", STORIES["library"][0])]
    server.routes["/rss"] = Route(rss(server.base, items), content_type="application/rss+xml")
    add_feed(library, server.url("/rss"))
    first = fetch(library)
    assert [r.status for r in first] == ["imported", "imported"]
    assert library.get(first[0].id).metadata.url == server.url("/bridge")
    [feed] = list_feeds(library)
    assert (feed.title, feed.items, feed.error) == ("山城晚报", 2, None)
    server.log.clear()
    assert fetch(library) == []
    assert server.paths() == ["/rss"]  # the items' pages are not asked for again


def test_the_same_page_in_two_feeds_or_imported_by_hand_is_not_fetched_again(server, library):
    items = [("bridge", STORIES["bridge"][0])]
    server.routes["/one"] = Route(rss(server.base, items))
    server.routes["/two"] = Route(rss(server.base, items, title="另一份报纸"))
    add_feed(library, server.url("/one"))
    add_feed(library, server.url("/two"))
    results = fetch(library)
    assert [r.status for r in results] == ["imported", "duplicate"]
    assert results[0].id == results[1].id
    assert server.paths().count("/bridge") == 1


def test_duplicate_guids_and_same_text_are_one_article(server, library):
    copy = STORIES["bridge"]
    server.routes["/mirror"] = Route(page(*copy))
    items = [("bridge", copy[0]), ("bridge", "重复的条目"), ("mirror", copy[0])]
    server.routes["/rss"] = Route(rss(server.base, items))
    add_feed(library, server.url("/rss"))
    results = fetch(library)
    assert [r.status for r in results] == ["imported", "duplicate"]  # the mirror has the same text
    assert library.count() == 1


def test_atom_is_read():
    data = (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>湖边周刊</title><entry><id>tag:a,2026:1</id><title>湖边新开一家书店</title>"
        "<link rel='alternate' href='https://example.org/a/1'/>"
        "<updated>2026-11-30T09:00:00Z</updated><summary>摘要</summary></entry></feed>"
    ).encode()
    parsed = parse_feed(data)
    assert parsed.title == "湖边周刊"
    [item] = parsed.items
    assert (item.key, item.url, item.title, item.published) == (
        "tag:a,2026:1",
        "https://example.org/a/1",
        "湖边新开一家书店",
        "2026-11-30T09:00:00Z",
    )


def test_bad_feeds_are_one_line_each(server, library):
    laughs = (
        b"<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
        b"<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>]>"
        b"<rss><channel><title>&lol2;</title></channel></rss>"
    )
    server.routes["/laughs"] = Route(laughs, content_type="application/rss+xml")
    server.routes["/broken"] = Route(b"<rss><channel><item><title>a</item></rss>")
    server.routes["/html"] = Route(page("不是订阅源", "只是一张网页。"))
    server.routes["/good"] = Route(rss(server.base, [("library", STORIES["library"][0])]))
    for path in ("/laughs", "/broken", "/missing", "/html", "/good"):
        add_feed(library, server.url(path))
    results = fetch(library)
    errors = [r.error for r in results]
    assert errors[0] == "feed: the feed declares its own XML entities: refused (they can expand)"
    assert errors[1].startswith("feed: malformed XML: ")
    assert errors[2] == "feed: HTTP 404 Not Found"
    assert errors[3].startswith("feed: a web page, not an RSS or Atom feed")
    assert results[4].status == "imported"
    assert all("\n" not in (e or "") for e in errors)
    assert list_feeds(library)[1].error.startswith("malformed XML")


def test_ten_thousand_items_parse_quickly_and_fetch_is_limited(server, library):
    items = [(f"missing{i}", f"第{i}条") for i in range(10_000)]
    data = rss(server.base, items)
    started = time.monotonic()
    parsed = parse_feed(data)
    assert len(parsed.items) == 10_000
    assert time.monotonic() - started < 10
    server.routes["/big"] = Route(data)
    add_feed(library, server.url("/big"))
    results = fetch(library, limit=3)
    assert len(results) == 3
    assert all(r.error == "HTTP 404 Not Found" for r in results)


def test_an_item_without_a_page_is_taken_from_the_feed_content(server, library):
    body = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in STORIES["library"][1:] * 2)
    data = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>"
        f"<item><title>{STORIES['library'][0]}</title><guid>x1</guid>"
        f"<description>{body}</description></item></channel></rss>"
    ).encode()
    server.routes["/full"] = Route(data)
    add_feed(library, server.url("/full"))
    [result] = fetch(library)
    assert result.status == "imported", result.error
    article = library.get(result.id)
    assert article.title == STORIES["library"][0]
    assert STORIES["library"][2] in article.text


def test_malformed_input_never_raises_anything_else():
    for data in (b"", b"\xff\xfe\x00", b"<rss", b"<?xml version='1.0'?><other/>", b"<a>" * 5000):
        with pytest.raises(FeedParseError):
            parse_feed(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: f"<rss>{t}</rss>".encode()))
def test_any_bytes_are_a_feed_or_one_reason(data: bytes) -> None:
    reason = ""
    try:
        parsed = parse_feed(data)
    except FeedParseError as exc:
        reason = str(exc)
    else:
        assert len({item.key for item in parsed.items}) == len(parsed.items)
    assert "\n" not in reason
