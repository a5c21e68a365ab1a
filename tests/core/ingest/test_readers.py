"""Readers: plain text, Markdown with front matter, and HTML through trafilatura."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

import pytest

from duizhao.core.ingest import ImportRefused, ReadError, parse
from duizhao.core.ingest.readers import format_for, read_markdown
from duizhao.core.library import ParsedDocument

Parse = Callable[..., ParsedDocument]

#: This module's own article (a river park), so parametrize can use it at import time.
TITLE = "河滨公园北段下月开放"
PARAGRAPHS = (
    "记者从市园林局了解到，河滨公园北段的绿化和步道工程已经基本完成，预计下个月中旬向市民开放。",
    "北段公园沿河延伸约三公里，设有儿童游乐区、健身步道和两处观景平台，还保留了一片原有的芦苇湿地。",
    "园林局的工作人员说，为了保护湿地里的鸟类，夜间照明采用了低亮度的暖色灯，并限制了开放时间。",
    "附近小区的居民对开放时间表示欢迎，不少人说终于有了一个可以散步和锻炼的好去处。",
    "按照规划，北段公园与南段公园将通过一座步行桥连接，桥梁工程计划明年春天动工建设。",
)


def refused(text: str, name: str) -> str:
    with pytest.raises(ImportRefused) as info:
        parse(text.encode("utf-8"), name)
    message = str(info.value)
    assert message
    assert "\n" not in message
    return message


def parse_or_reason(data: bytes, name: str) -> ParsedDocument | str:
    """The document, or the reason it was refused; anything else raised fails the test."""
    try:
        return parse(data, name)
    except ImportRefused as exc:
        return str(exc)


# -- Format detection -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("a.txt", "正文", "text"),
        ("a", "正文", "text"),
        ("a.md", "正文", "markdown"),
        ("A.MARKDOWN", "正文", "markdown"),
        ("a.html", "正文", "html"),
        ("a.HTM", "正文", "html"),
        ("a.txt", "  <!DOCTYPE html><html></html>", "html"),
        ("a.txt", "<HTML><body></body></HTML>", "html"),
        ("a.txt", "文章里提到了 <html> 标签。", "text"),
    ],
)
def test_format_for(name: str, text: str, fmt: str) -> None:
    assert format_for(PurePath(name), text) == fmt


# -- Plain text -----------------------------------------------------------------------------


def test_plain_text_keeps_every_paragraph(
    parse_text: Parse, make_article: Callable[..., str], title: str, paragraphs: tuple[str, ...]
) -> None:
    document = parse_text(make_article())
    assert document.fmt == "text"
    assert document.metadata.title == title
    assert document.text.split("\n") == list(paragraphs)


def test_plain_text_keeps_markdown_looking_characters(parse_text: Parse) -> None:
    line = "报告把增长率写成 **3%** 和 [初步] 两种形式，原样保留即可。"
    document = parse_text(make_text(line))
    assert line in document.text


def make_text(*lines: str) -> str:
    return "\n".join([TITLE, PARAGRAPHS[0], *lines, PARAGRAPHS[1]])


def test_windows_and_old_mac_line_endings(parse_text: Parse) -> None:
    crlf = parse_text("\r\n".join([TITLE, *PARAGRAPHS[:3]]))
    cr = parse_text("\r".join([TITLE, *PARAGRAPHS[:3]]))
    assert crlf.text == cr.text == "\n".join(PARAGRAPHS[:3])
    assert "\r" not in crlf.text


# -- Markdown front matter ------------------------------------------------------------------


FRONT_MATTER = """---
title: {title}
source: 城市晨报
author: 李明
translator: 王芳
url: https://news.example.com/2025/park
date: {date}
---
"""


@pytest.mark.parametrize(
    ("date", "published"),
    [
        ("2025-11-03", "2025-11-03"),
        ("2025-11-03 08:30:00", "2025-11-03T08:30:00"),
        ("2025-11-03T08:30:00+08:00", "2025-11-03T08:30:00+08:00"),
        ("'2025年11月3日'", "2025-11-03"),
        ("'2025/11/3 08:30'", "2025-11-03T08:30"),
        ('"发布于 2025.11.03"', "2025-11-03"),
    ],
    ids=["date", "datetime", "datetime-tz", "chinese-string", "slash-string", "string"],
)
def test_front_matter_fields(parse_text: Parse, date: str, published: str) -> None:
    text = FRONT_MATTER.format(title=TITLE, date=date) + "\n".join(PARAGRAPHS) + "\n"
    document = parse_text(text, "park.md")
    meta = document.metadata
    assert document.fmt == "markdown"
    assert meta.title == "河滨公园北段下月开放"
    assert meta.source == "城市晨报"
    assert meta.author == "李明"
    assert meta.translator == "王芳"
    assert meta.url == "https://news.example.com/2025/park"
    assert meta.published == published
    assert not meta.title_estimated
    assert not meta.published_estimated
    assert "---" not in document.text
    assert "translator" not in document.text
    assert document.text.split("\n") == list(PARAGRAPHS)


def test_front_matter_is_not_in_source_text(parse_text: Parse) -> None:
    text = FRONT_MATTER.format(title=TITLE, date="2025-11-03") + PARAGRAPHS[0] + "\n"
    document = parse_text(text, "park.md")
    assert "title:" not in document.source_text
    assert document.raw.startswith(b"---\ntitle:")


def test_front_matter_keys_are_case_insensitive_and_lists_are_joined() -> None:
    output = read_markdown("---\nTitle: 标题甲\nAuthor: [张三, 李四]\n---\n正文。\n")
    assert output.metadata.title == "标题甲"
    assert output.metadata.author == "张三、李四"


def test_front_matter_unknown_and_null_fields_are_ignored() -> None:
    output = read_markdown("---\ntags: [交通]\nauthor:\ntitle: 标题乙\n---\n正文。\n")
    assert output.metadata.title == "标题乙"
    assert output.metadata.author is None


def test_front_matter_published_is_an_alias_of_date() -> None:
    output = read_markdown("---\npublished: 2024-02-29\n---\n正文。\n")
    assert output.metadata.published == "2024-02-29"


def test_front_matter_title_wins_and_the_repeated_heading_goes(parse_text: Parse) -> None:
    text = f"---\ntitle: {TITLE}\n---\n# {TITLE}\n\n{PARAGRAPHS[0]}\n"
    document = parse_text(text, "park.md")
    assert document.metadata.title == "河滨公园北段下月开放"
    assert document.text == PARAGRAPHS[0]


def test_empty_front_matter_is_allowed() -> None:
    output = read_markdown("---\n\n---\n正文。\n")
    assert output.text == "正文。\n"
    assert output.metadata.title is None


@pytest.mark.parametrize(
    "block",
    [
        "title: [没有闭合的列表\n",
        "title: 冒号: 太多: 了\n",
        "title: 标题\n  author: 缩进错了\n",
        'title: "未闭合的引号\n',
    ],
)
def test_bad_yaml_front_matter_is_refused_with_the_reason(block: str) -> None:
    message = refused("---\n" + block + "---\n" + PARAGRAPHS[0] + "\n", "bad.md")
    assert message.startswith("front matter is not valid YAML")
    assert "line" in message


def test_yaml_tags_that_would_run_code_are_refused() -> None:
    message = refused("---\ntitle: !!python/object/apply:os.system [ls]\n---\n正文。\n", "x.md")
    assert "not valid YAML" in message


@pytest.mark.parametrize("block", ["- 第一项\n- 第二项\n", "只是一行字\n", "42\n"])
def test_front_matter_that_is_not_a_mapping_is_refused(block: str) -> None:
    message = refused("---\n" + block + "---\n" + PARAGRAPHS[0] + "\n", "list.md")
    assert message == "front matter is not a YAML mapping of fields"


def test_front_matter_date_that_is_not_a_date_is_refused() -> None:
    message = refused("---\ndate: 下周二\n---\n" + PARAGRAPHS[0] + "\n", "date.md")
    assert "date" in message
    assert "下周二" in message


def test_front_matter_only_at_the_very_start() -> None:
    text = PARAGRAPHS[0] + "\n\n---\ntitle: 不是元数据\n---\n" + PARAGRAPHS[1] + "\n"
    output = read_markdown(text)
    assert output.metadata.title is None
    assert "title: 不是元数据" in output.text


# -- Markdown markup removal ----------------------------------------------------------------


def test_markdown_markup_is_removed(parse_text: Parse) -> None:
    text = (
        "# 河滨公园北段下月开放\n\n"
        "## 一、工程进度 ##\n\n"
        '据**市园林局**介绍，北段绿地已经完成[九成以上](https://example.com/a "进度")的施工，'
        "剩下的*步道铺装*和`照明`工程将在月底前完工。\n\n"
        "> 一位工程师说，雨季让工期推迟了两周。\n\n"
        "***\n\n"
        "__下月起__，公园每天早上六点开放，晚上十点关闭。\n"
    )
    document = parse_text(text, "park.md")
    assert document.metadata.title == "河滨公园北段下月开放"
    body = document.text
    for mark in ("#", "**", "__", "](", "`", "> ", "***"):
        assert mark not in body, mark
    assert "一、工程进度" in body
    assert "据市园林局介绍，北段绿地已经完成九成以上的施工" in body
    assert "剩下的步道铺装和照明工程将在月底前完工。" in body
    assert "一位工程师说，雨季让工期推迟了两周。" in body
    assert "下月起，公园每天早上六点开放，晚上十点关闭。" in body
    assert "https://example.com" not in body


def test_markdown_does_not_eat_multiplication_or_lone_asterisks() -> None:
    output = read_markdown("面积为 3 * 4 平方米，注释见脚注*。\n")
    assert output.text == "面积为 3 * 4 平方米，注释见脚注*。\n"


def test_markdown_images_are_left_for_the_cleaner(parse_text: Parse) -> None:
    text = "\n".join(
        [TITLE, PARAGRAPHS[0], "![河边的步道](https://img.example.com/p.jpg)", PARAGRAPHS[1]]
    )
    document = parse_text(text, "park.md")
    assert "![" not in document.text
    assert [r.rule for r in document.removed if r.text.startswith("![")] == ["image-placeholder"]


def test_markdown_heading_becomes_the_title(parse_text: Parse) -> None:
    document = parse_text("# " + TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n", "t.md")
    assert document.metadata.title == TITLE
    assert not document.metadata.title_estimated
    assert TITLE not in document.text


# -- HTML -----------------------------------------------------------------------------------

SECRET = "脚本里的秘密变量不应出现"


def html_page(
    paragraphs: tuple[str, ...] | list[str] = PARAGRAPHS,
    head: str = "",
    before: str = "",
    after: str = "",
) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        "<title>网页标题 - 城市晨报网</title>"
        + head
        + "</head><body>"
        + before
        + f"<article><h1>{TITLE}</h1>{body}</article>"
        + after
        + "</body></html>"
    )


META = (
    '<meta property="og:title" content="有轨电车试运行首日客流平稳">'
    '<meta property="og:site_name" content="城市晨报">'
    '<meta name="author" content="李明">'
    '<meta property="article:published_time" content="2025-11-03T08:30:00+08:00">'
    '<link rel="canonical" href="https://news.example.com/tram">'
    f'<script>var token = "{SECRET}"; document.title = token;</script>'
)
NAV = (
    '<nav><ul><li><a href="/">首页导航</a></li><li><a href="/city">城市频道</a></li>'
    '<li><a href="/sport">体育频道</a></li></ul></nav>'
)
FOOTER = "<footer><p>页脚版权所有城市晨报网站</p><p>联系我们 广告合作 网站地图</p></footer>"


@pytest.fixture
def html_document() -> ParsedDocument:
    page = html_page(head=META, before=NAV, after=FOOTER)
    return parse(page.encode("utf-8"), "tram.html")


def test_html_meta_tags(html_document: ParsedDocument) -> None:
    meta = html_document.metadata
    assert html_document.fmt == "html"
    assert meta.title == "有轨电车试运行首日客流平稳"
    assert meta.source == "城市晨报"
    assert meta.author == "李明"
    assert meta.published == "2025-11-03T08:30:00+08:00"
    assert meta.url == "https://news.example.com/tram"
    assert not meta.title_estimated
    assert not meta.published_estimated


def test_html_body_text_is_the_article(html_document: ParsedDocument) -> None:
    for paragraph in PARAGRAPHS:
        assert paragraph in html_document.text


def test_html_script_is_not_in_the_text(html_document: ParsedDocument) -> None:
    assert SECRET not in html_document.text
    assert "var token" not in html_document.text
    assert SECRET not in html_document.source_text


def test_html_nav_and_footer_are_not_in_the_text(html_document: ParsedDocument) -> None:
    for word in ("首页导航", "城市频道", "体育频道", "页脚版权", "联系我们", "网站地图"):
        assert word not in html_document.text, word


def test_html_without_meta_uses_the_title_element() -> None:
    document = parse(html_page().encode("utf-8"), "plain.html")
    assert document.metadata.title in ("网页标题 - 城市晨报网", TITLE)
    assert not document.metadata.title_estimated


def test_html_detected_from_content_in_a_txt_file() -> None:
    document = parse(html_page(head=META).encode("utf-8"), "saved-page.txt")
    assert document.fmt == "html"
    assert SECRET not in document.text
    assert PARAGRAPHS[2] in document.text


def test_html_entities_are_decoded() -> None:
    paragraphs = [p.replace("，", "&#65292;", 1) for p in PARAGRAPHS]
    paragraphs[0] = paragraphs[0] + "&nbsp;&lt;完&gt;"
    document = parse(html_page(paragraphs).encode("utf-8"), "entities.html")
    assert PARAGRAPHS[1] in document.text
    assert "&#" not in document.text
    assert "&lt;" not in document.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>空页面</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script><style>p {color: red}</style></body></html>",
        "<html><body><nav><a href='/'>首页</a></nav></body></html>",
        "<!DOCTYPE html><html><body>   \n  </body></html>",
    ],
    ids=["empty-body", "script-only", "nav-only", "whitespace-body"],
)
def test_html_without_body_text_is_refused(page: str) -> None:
    message = refused(page, "empty.html")
    assert "no article text" in message


@pytest.mark.parametrize(
    "page",
    [
        # cut off in the middle of a paragraph, tags never closed
        "<html><head><title>截断</title></head><body><article><p>"
        + PARAGRAPHS[0]
        + "</p><p>"
        + PARAGRAPHS[1][:20],
        # cut off inside a tag
        "<html><body><div><p>" + PARAGRAPHS[0] + '</p><p class="lead',
        # unbalanced and misnested tags
        "<html><body><div><p><b>" + PARAGRAPHS[0] + "</div></b><p>" + PARAGRAPHS[1] + "</span>",
    ],
    ids=["truncated-text", "truncated-tag", "misnested"],
)
def test_broken_html_with_text_is_imported_with_its_text(page: str) -> None:
    document = parse(page.encode("utf-8"), "broken.html")
    assert PARAGRAPHS[0] in document.text
    assert "<" not in document.text


@pytest.mark.parametrize(
    "page",
    [
        "<",
        "<html",
        "<html><body",
        "</div></p>",
        "<!DOCTYPE html>",
        "<html><body><p></p>",
        "<?xml version='1.0'?>",
        "<![CDATA[",
        "<!-- 只有注释 -->",
        "<html><body><p>\x0b</p>",
    ],
)
def test_broken_html_without_text_is_refused_or_imported_never_crashes(page: str) -> None:
    document = parse_or_reason(page.encode("utf-8"), "broken.html")
    if isinstance(document, str):
        assert document
        assert "\n" not in document
        return
    assert document.text.strip()
    assert "<html" not in document.text.lower()


def test_read_error_becomes_import_refused() -> None:
    with pytest.raises(ImportRefused) as info:
        parse(b"<html><body></body></html>", "x.html")
    assert not isinstance(info.value, ReadError)
    assert info.value.__cause__ is None
