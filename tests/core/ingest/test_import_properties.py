"""parse() on arbitrary input: it returns a usable document or refuses with ImportRefused.

Nothing else may escape (UnicodeError, lxml errors, IndexError …), and what it
returns always has text to show.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from duizhao.core.ingest import ImportRefused, parse
from duizhao.core.library import ParsedDocument

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NAMES = st.sampled_from(["a.txt", "b.md", "c.html", "D.HTM", "e.markdown", "noext"])

SENTENCES = [
    "渡轮公司宣布，从下周起增加两班往返小岛的航班。",
    "岛上的居民希望票价能够保持稳定。",
    "渡輪公司宣布，從下週起增加兩班往返小島的航班。",
    "島上的居民希望票價能夠保持穩定。",
]
BIG5_ALPHABET = "".join(sorted(set("".join(SENTENCES[2:])))) + "abcXYZ019 \n\t.,:-#*![]()<>/"
MARKUP = [
    "---\n",
    "title: 航班\n",
    "date: 2025-05-05\n",
    "date: [\n",
    "- x\n",
    "# ",
    "**",
    "*",
    "`",
    "[链接](http://x)",
    "![]()",
    "\n",
    "\n\n",
    "<p>",
    "</p>",
    "<html>",
    "<body>",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "<nav>",
    "<title>",
    "<meta charset='gbk'>",
    "<meta property='article:published_time' content='2025-13-45'>",
    "<!--",
    "-->",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "<![CDATA[",
    "原创 ",
    "来源：",
    "作者：",
    "译者：",
    "2026-02-11 08:42:17",
    "0",
    "相关内容",
    "关注我，",
    "…",
    "\r\n",
    "\ufeff",
    "\u3000",
]


def check(data: bytes, name: str) -> ParsedDocument | None:
    try:
        document = parse(data, name)
    except ImportRefused as exc:
        message = str(exc)
        assert message.strip(), "a refusal says why"
        assert "\n" not in message, "a refusal is one line"
        return None
    assert document.text.strip(), "an imported document has text"
    assert "\x00" not in document.text
    assert document.raw == data
    assert document.fmt in ("text", "markdown", "html")
    meta = document.metadata
    for value in (meta.title, meta.source, meta.author, meta.translator, meta.published):
        assert value is None or (value.strip() and "\x00" not in value)
    for item in document.removed:
        assert item.line >= 1
    return document


@SETTINGS
@given(data=st.binary(max_size=3000), name=NAMES)
@example(data=b"", name="a.txt")
@example(data=b"\xef\xbb\xbf", name="a.md")
@example(data=b"\xff\xfe", name="a.html")
@example(data=b"\xef\xbb\xbf\xff", name="a.txt")
@example(data=b"<", name="a.html")
@example(data=b"---\n---\n", name="a.md")
def test_arbitrary_bytes(data: bytes, name: str) -> None:
    check(data, name)


@SETTINGS
@given(text=st.text(max_size=1500), name=NAMES, codec=st.sampled_from(["utf-8", "gb18030"]))
def test_arbitrary_text_in_unicode_and_gb18030(text: str, name: str, codec: str) -> None:
    check(text.encode(codec), name)


@SETTINGS
@given(text=st.text(alphabet=BIG5_ALPHABET, max_size=1500), name=NAMES)
def test_arbitrary_big5_text(text: str, name: str) -> None:
    check(text.encode("big5"), name)


@SETTINGS
@given(
    parts=st.lists(st.sampled_from(MARKUP + SENTENCES) | st.text(max_size=20), max_size=40),
    name=NAMES,
    codec=st.sampled_from(["utf-8", "utf-16", "gb18030", "big5"]),
)
def test_markup_shaped_text(parts: list[str], name: str, codec: str) -> None:
    text = "".join(parts)
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        data = text.encode(codec, errors="ignore")
    check(data, name)


@SETTINGS
@given(
    paragraphs=st.lists(st.sampled_from(SENTENCES[:2]), min_size=1, max_size=6),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"]),
    name=st.sampled_from(["a.txt", "b.md"]),
)
def test_real_text_in_any_supported_encoding_is_imported(
    paragraphs: list[str], codec: str, name: str
) -> None:
    text = "\n".join(paragraphs)
    document = check(text.encode(codec), name)
    assert document is not None
    for paragraph in paragraphs:
        assert paragraph in document.text or paragraph == document.metadata.title


@pytest.mark.parametrize("name", ["a.txt", "b.md", "c.html"])
def test_nul_bytes_never_reach_the_text(name: str) -> None:
    # A NUL written as a character reference is the one way HTML can smuggle one in.
    page = "<html><body><p>" + SENTENCES[0] + "&#0;" + SENTENCES[1] + "</p></body></html>"
    data = page.encode()
    document = check(data, name)
    if document is not None:
        assert "\x00" not in document.source_text
