"""The pane header's URL: shown as a link, opened in the system browser only
when clicked, and only the article's own web address.

The article is written for this test.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import duizhao.ui.reader.pane as pane_module
from duizhao.core.ingest import import_paths
from duizhao.core.library import Article, Library
from duizhao.core.text import ViewCache
from duizhao.ui.reader import ReadingPane

URL = "https://example.org/news/ferry-3?a=1&b=2"
ARTICLE = (
    f"---\ntitle: 轮渡码头启用\nsource: 海滨晚报\nurl: {URL}\ndate: 2026-03\n---\n"
    "轮渡码头今天启用了三个泊位，第一班船早上七点出发。\n"
    "港务局说，下个月还会增加两条航线。\n"
)


class _Browser:
    opened: list[str] = []

    @classmethod
    def openUrl(cls, url) -> bool:  # noqa: N802 - Qt's name
        cls.opened.append(url.toString())
        return True


@pytest.fixture
def article(tmp_path: Path) -> Article:
    (tmp_path / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    with Library.open(tmp_path / "lib") as library:
        [result] = import_paths(library, [tmp_path / "ferry.md"])
        assert result.id is not None
        return library.get(result.id)


@pytest.fixture
def pane(qtbot, monkeypatch: pytest.MonkeyPatch) -> ReadingPane:
    _Browser.opened = []
    monkeypatch.setattr(pane_module, "QDesktopServices", _Browser)
    widget = ReadingPane(ViewCache())
    qtbot.add_widget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


def test_header_shows_the_url_as_a_link_and_opens_nothing_by_itself(
    pane: ReadingPane, article: Article
) -> None:
    pane.show_article(article)
    assert '<a href="https://example.org/news/ferry-3?a=1&amp;b=2">' in pane.header.text()
    assert URL in pane.header.toolTip()
    assert not pane.header.openExternalLinks()
    assert _Browser.opened == []


def test_a_click_on_the_link_opens_it(pane: ReadingPane, article: Article) -> None:
    pane.show_article(article)
    pane.header.linkActivated.emit(URL)
    assert _Browser.opened == [URL]


def test_only_the_articles_own_web_address_opens(pane: ReadingPane, article: Article) -> None:
    pane.show_article(article)
    pane.header.linkActivated.emit("file:///etc/passwd")
    local = replace(article, metadata=replace(article.metadata, url="file:///tmp/x.html"))
    pane.show_article(local)
    assert "<a " not in pane.header.text()
    pane.header.linkActivated.emit("file:///tmp/x.html")
    assert _Browser.opened == []
