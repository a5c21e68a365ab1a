"""HTML pages never lose text silently: empty HTML5 elements that libxml2 lets
swallow the rest of a page, an extraction that stops early, a page where the
extractor finds nothing -- and ``reclean`` brings back what an older import cut.

The pages and sentences are written for these tests (a river clean-up, a
wetland park).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.core.ingest import ImportRefused, parse, reclean
from duizhao.core.ingest.pages import close_void_elements
from duizhao.core.library import Library

SENTENCES = (
    "两百名志愿者周六清理了城南的河道，捞出十多吨垃圾，河水明显变清了。",
    "组织者说，这是今年第三次清理活动，参加的人一次比一次多，很多人带着孩子一起来。",
    "环保部门表示，将在河道两岸增设垃圾桶，并安排专人定期巡查，防止垃圾再次堆积。",
    "一位参加活动的大学生说，亲手清理垃圾以后，自己再也不会随手乱扔东西了。",
    "附近的居民说，河边的空气好了很多，晚上出来散步的人也比以前多了不少。",
)
HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>清理河道</title></head><body>'


def page(inner: str) -> bytes:
    return (HEAD + inner + "</body></html>").encode("utf-8")


def paragraphs(*items: str) -> str:
    return "".join(f"<p>{s}</p>\n" for s in items)


@pytest.mark.parametrize("tag", ["embed", "source", "track", "wbr", "param"])
@pytest.mark.parametrize("where", ["before", "between"])
def test_an_empty_html5_element_swallows_nothing(tag: str, where: str) -> None:
    bare = f'<{tag} src="media.bin">'
    inner = (
        bare + paragraphs(*SENTENCES[:4])
        if where == "before"
        else paragraphs(*SENTENCES[:2]) + bare + paragraphs(*SENTENCES[2:4])
    )
    text = parse(page(f'<div class="content">{inner}</div>'), "river.html").text
    for sentence in SENTENCES[:4]:
        assert sentence in text


def test_void_elements_give_back_what_libxml2_put_inside_them() -> None:
    tree = lxml.html.document_fromstring("<div><p>甲<source>乙<b>丙</b>丁</p>戊</div>")
    source = tree.find(".//source")
    assert source.text == "乙"  # what libxml2 does with HTML5's empty <source>
    close_void_elements(tree)
    assert source.text is None
    assert len(source) == 0
    assert tree.find(".//p").text_content() == "甲乙丙丁"
    assert tree.find(".//div").text_content() == "甲乙丙丁戊"


@pytest.fixture
def cut_extraction(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The extractor made to stop after its first line (the fault: text lost)."""
    import trafilatura

    real = trafilatura.bare_extraction
    calls: list[bool] = []

    def first_line_only(tree: Any, **options: Any) -> Any:
        calls.append(options.get("favor_recall", False))
        document = real(tree, **options)
        if document is not None and document.text:
            document.text = document.text.split("\n")[0]
        return document

    monkeypatch.setattr(trafilatura, "bare_extraction", first_line_only)
    return calls


def test_an_extraction_that_stops_early_is_caught_and_the_page_read(cut_extraction) -> None:
    wrapped = f'<nav><a href="/">首页</a></nav><article>{paragraphs(*SENTENCES)}</article>'
    text = parse(page(wrapped), "river.html").text
    for sentence in SENTENCES:
        assert sentence in text
    assert "首页" not in text
    assert cut_extraction == [False, True]  # tried again favouring recall, then read the page


def test_a_page_the_extractor_finds_nothing_in_is_read_not_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda tree, **options: None)
    text = parse(page(paragraphs(*SENTENCES[:3])), "river.html").text
    assert all(sentence in text for sentence in SENTENCES[:3])
    with pytest.raises(ImportRefused, match="no article text"):
        parse(page("<ul><li><a href='/a'>首页</a></li><li>体育</li></ul>"), "menu.html")


def wetland() -> bytes:
    related = "".join(
        f'<li><a href="/{n}">相关新闻{n}</a><p>{s}</p></li>' for n, s in enumerate(SENTENCES[3:])
    )
    comments = "".join(f'<div class="comment"><p>{s}</p></div>' for s in SENTENCES[3:])
    return page(
        '<header><ul><li><a href="/">首页</a></li><li><a href="/c">城市</a></li></ul></header>'
        f'<div class="main"><article><h1>江心岛湿地公园明年开放</h1>{paragraphs(*SENTENCES[:3])}'
        f'</article><div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>'
        f'<div class="comments"><h3>网友评论</h3>{comments}</div></div>'
        "<footer><p>版权所有 未经授权禁止转载</p></footer>"
    )


def test_boilerplate_around_the_article_is_not_taken_for_lost_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    real = trafilatura.bare_extraction
    calls: list[Any] = []
    monkeypatch.setattr(
        trafilatura, "bare_extraction", lambda tree, **o: calls.append(o) or real(tree, **o)
    )
    text = parse(wetland(), "wetland.html").text
    assert all(sentence in text for sentence in SENTENCES[:3])
    assert SENTENCES[4] not in text  # the comments and related news stay out
    assert len(calls) == 1


def test_reclean_starts_from_the_raw_bytes_and_brings_back_cut_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    from duizhao.core.ingest import pages

    data = page(f"<article>{paragraphs(*SENTENCES)}</article>")
    real = trafilatura.bare_extraction
    with monkeypatch.context() as patch:  # an older reader that cut the page short
        patch.setattr(pages, "MAX_MISSING", 10.0)
        patch.setattr(
            trafilatura,
            "bare_extraction",
            lambda tree, **o: _first_line(real(tree, **o)),
        )
        old = parse(data, "river.html")
    assert SENTENCES[4] not in old.text
    with Library.open(tmp_path / "lib") as library:
        _, article_id = library.add(old, "river.html")
        assert library.reclean(reclean, old.cleaner_version, force=True) == [article_id]
        text = library.get(article_id).text
    assert all(sentence in text for sentence in SENTENCES)


def _first_line(document: Any) -> Any:
    document.text = document.text.split("\n")[0]
    return document


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(SENTENCES),
            st.sampled_from(["", "<embed>", "<source>", "<track>", "<wbr>", "<br>", "<img>"]),
            st.sampled_from(["p", "div", "section", "li"]),
        ),
        min_size=2,
        max_size=6,
        unique_by=lambda item: item[0],
    )
)
def test_every_paragraph_of_a_simple_page_is_kept(items: list[tuple[str, str, str]]) -> None:
    inner = "".join(f"{void}<{tag}>{sentence}</{tag}>\n" for sentence, void, tag in items)
    text = parse(page(f"<div>{inner}</div>"), "river.html").text
    for sentence, _, _ in items:
        assert sentence in text
