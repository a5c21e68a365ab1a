"""The reading pane: views, entity highlights, selection, marks and the header.

Articles are imported from our own Chinese text into a library in
``tmp_path``; entities are built by hand from the imported text (no model).
Highlights are checked on the formats the highlighter left in each block's
layout, read back as the text they cover in the shown view.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from duizhao.core.entities.recognition import Entity
from duizhao.core.ingest import import_paths
from duizhao.core.library import Article, Library
from duizhao.core.text import VIEWS, ViewCache
from duizhao.ui.reader import ReadingPane
from duizhao.ui.reader.colors import entity_format, mark_color

BODY = (
    "星海软件公司在北京发布新版本，特朗普称赞这款软件。\n"
    "𠀋川普随后在华盛顿说，2026年3月5日将投资一百一十八亿美元。\n"
    + "\n".join(f"第{n}段：这款软件的内存不足，用户很多，数据都打印出来了。" for n in range(240))
    + "\n"
)
ARTICLE = (
    "---\ntitle: 星海发布新版本\nsource: 东岸日报\ndate: 2026-03-02\nauthor: 林一\n---\n" + BODY
)


def find_entity(text: str, surface: str, kind: str, entity_id: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(start, start + len(surface), surface, kind, entity_id, surface)


@pytest.fixture
def article(tmp_path: Path) -> Article:
    (tmp_path / "xinghai.md").write_text(ARTICLE, encoding="utf-8")
    library = Library.open(tmp_path / "lib")
    try:
        [result] = import_paths(library, [tmp_path / "xinghai.md"])
        assert result.status == "imported"
        assert result.id is not None
        return library.get(result.id)
    finally:
        library.close()


@pytest.fixture
def entities(article: Article) -> list[Entity]:
    text = article.text
    return [
        find_entity(text, "星海软件公司", "ORG", "name:星海软件公司"),
        find_entity(text, "北京", "PLACE", "beijing"),
        find_entity(text, "特朗普", "PERSON", "donald-trump"),
        find_entity(text, "川普", "PERSON", "donald-trump"),
        find_entity(text, "华盛顿", "PLACE", "washington-dc"),
        find_entity(text, "2026年3月5日", "DATE", "date:2026-03-05"),
        find_entity(text, "一百一十八亿美元", "NUMBER", "number:11800000000美元"),
    ]


@pytest.fixture
def pane(qtbot, article: Article, entities: list[Entity]) -> ReadingPane:
    widget = ReadingPane(ViewCache())
    qtbot.add_widget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.wait_exposed(widget)
    widget.show_article(article)
    assert widget.set_entities(entities)
    return widget


def shown(pane: ReadingPane, start: int, end: int) -> str:
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def highlights(pane: ReadingPane) -> list[tuple[str, str]]:
    """(covered text, background colour) of every format range the highlighter set."""
    out = []
    block = pane.text.document().begin()
    while block.isValid():
        for fmt in block.layout().formats():
            start = block.position() + fmt.start
            out.append(
                (shown(pane, start, start + fmt.length), fmt.format.background().color().name())
            )
        block = block.next()
    return out


def marks(pane: ReadingPane) -> list[tuple[str, str]]:
    """(covered text, background colour) of the pane's ExtraSelections."""
    out = []
    for selection in pane.text.extraSelections():
        fmt = selection.format
        out.append((selection.cursor.selectedText(), fmt.background().color().name()))
    return out


def tint(kind: str, selected: bool = False, dark: bool = False) -> str:
    return entity_format(kind, dark, selected).background().color().name()


def test_header_shows_title_source_date_author_and_script(pane: ReadingPane) -> None:
    header = pane.header.text()
    for part in ("星海发布新版本", "东岸日报", "2026-03-02", "林一", "简体"):
        assert part in header
    assert pane.article_id is not None
    assert pane.view_name == "original"


@pytest.mark.parametrize("view", VIEWS)
def test_entity_highlights_cover_the_same_words_in_every_view(
    pane: ReadingPane, entities: list[Entity], view: str
) -> None:
    pane.set_view(view)
    assert pane.view is not None
    expected = []
    for entity in entities:
        start, end = pane.view.to_view(entity.start, entity.end)
        expected.append((pane.view.text[start:end], tint(entity.type)))
    assert highlights(pane) == expected
    if view == "taiwan":
        assert ("星海軟體公司", tint("ORG")) in highlights(pane)
        assert ("華盛頓", tint("PLACE")) in highlights(pane)  # after a surrogate pair


def test_switching_view_keeps_the_reading_position(pane: ReadingPane) -> None:
    assert pane.article is not None
    target = pane.article.text.index("第150段")
    pane.scroll_to_original(target)
    assert pane.first_visible_original() == target
    for view in ("taiwan", "hongkong", "simplified", "traditional", "original"):
        pane.set_view(view)
        assert abs(pane.first_visible_original() - target) < 5, view
    pane.set_view("taiwan")
    assert "軟體的記憶體" in pane.text.toPlainText()


def test_view_change_is_signalled_once_with_the_view_name(qtbot, pane: ReadingPane) -> None:
    with qtbot.wait_signal(pane.view_changed) as blocker:
        pane.set_view("hongkong")
    assert blocker.args == ["hongkong"]
    with qtbot.assert_not_emitted(pane.view_changed):
        pane.set_view("no-such-view")
    assert pane.view_name == "hongkong"


def point_on(pane: ReadingPane, surface: str) -> QPoint:
    """A point inside the second character of the first ``surface`` shown."""
    cursor = pane.text.document().find(surface)
    cursor.setPosition(cursor.selectionStart() + 1)
    left = pane.text.cursorRect(cursor)
    return QPoint(left.left() + 3, left.center().y())


def test_clicking_an_entity_emits_its_id_and_selects_it(qtbot, pane: ReadingPane) -> None:
    pane.set_view("taiwan")
    with qtbot.wait_signal(pane.entity_activated) as blocker:
        qtbot.mouseClick(
            pane.text.viewport(), Qt.MouseButton.LeftButton, pos=point_on(pane, "川普")
        )
    assert blocker.args == ["donald-trump"]
    assert pane.selected_entity == "donald-trump"
    with qtbot.assert_not_emitted(pane.entity_activated):
        qtbot.mouseClick(
            pane.text.viewport(), Qt.MouseButton.LeftButton, pos=point_on(pane, "釋出")
        )


def test_selecting_an_entity_emphasises_every_linked_occurrence(pane: ReadingPane) -> None:
    pane.set_selected_entity("donald-trump")
    found = dict(highlights(pane))
    assert found["特朗普"] == found["川普"] == tint("PERSON", selected=True)
    assert found["北京"] == tint("PLACE")
    pane.set_view("hongkong")  # the selection survives a view switch
    assert dict(highlights(pane))["川普"] == tint("PERSON", selected=True)
    pane.set_selected_entity(None)
    assert dict(highlights(pane))["川普"] == tint("PERSON")


def test_hidden_types_are_not_highlighted(pane: ReadingPane) -> None:
    pane.set_visible_types({"PERSON", "ORG"})
    covered = [text for text, _colour in highlights(pane)]
    assert covered == ["星海软件公司", "特朗普", "川普"]
    pane.set_view("traditional")
    assert [text for text, _ in highlights(pane)] == ["星海軟件公司", "特朗普", "川普"]
    pane.set_visible_types(set())
    assert highlights(pane) == []
    pane.set_selected_entity("beijing")  # asked for by name: shown although hidden
    assert highlights(pane) == [("北京", tint("PLACE", selected=True))]


@pytest.mark.parametrize("view", ["original", "taiwan", "hongkong"])
def test_mark_range_scrolls_to_and_marks_the_range(pane: ReadingPane, view: str) -> None:
    assert pane.article is not None
    pane.set_view(view)
    start = pane.article.text.index("第200段")
    pane.mark_range(start, start + 5, flash=False)
    marked = pane.marked_utf16()
    assert marked is not None
    assert shown(pane, *marked) == "第200段"
    top = pane.first_visible_original()
    assert top < start < top + 400, (top, start)  # on screen, a few lines below the top
    assert marks(pane) == [("第200段", mark_color("mark").name())]
    pane.set_view("simplified" if view != "simplified" else "original")
    assert shown(pane, *pane.marked_utf16()) == "第200段"  # type: ignore[misc]


def test_mark_range_flashes_then_stays(qtbot, pane: ReadingPane) -> None:
    assert pane.article is not None
    start = pane.article.text.index("华盛顿")
    pane.mark_range(start, start + 3)
    colours = set()

    def flashed() -> bool:
        colours.add(marks(pane)[0][1])
        return not pane.marks.flashing

    qtbot.waitUntil(flashed, timeout=3000)
    assert mark_color("flash").name() in colours
    assert marks(pane) == [("华盛顿", mark_color("mark").name())]
    pane.clear_mark()
    assert pane.text.extraSelections() == []


def test_paragraph_sync_round_trip(qtbot, pane: ReadingPane, article: Article) -> None:
    other = ReadingPane(ViewCache())
    qtbot.add_widget(other)
    other.resize(600, 500)
    other.show()
    other.show_article(article)
    other.set_view("taiwan")
    pane.scroll_to_paragraph(120, 0.0)
    index, fraction = pane.paragraph_at_top()
    assert (index, fraction) == (120, 0.0)
    assert pane.article is not None
    assert pane.first_visible_original() == pane.article.text.index("第118段")
    with qtbot.assert_not_emitted(other.scrolled):
        other.scroll_to_paragraph(index, fraction)
    assert other.paragraph_at_top() == (120, 0.0)
    other.scroll_to_paragraph(10_000, 2.0)  # clamped, no error
    assert other.paragraph_at_top()[0] > 200


def test_user_scrolling_is_signalled_and_programmatic_scrolling_is_not(
    qtbot, pane: ReadingPane
) -> None:
    bar = pane.text.verticalScrollBar()
    with qtbot.wait_signal(pane.scrolled):
        bar.setValue(bar.value() + 10)
    with qtbot.assert_not_emitted(pane.scrolled):
        pane.scroll_to_original(0)
        pane.mark_range(3000, 3004, flash=False)
        pane.set_view("taiwan")
        pane.zoom_in()


def test_search_requested_from_the_context_menu(qtbot, pane: ReadingPane) -> None:
    menu = pane.text.context_menu_at(point_on(pane, "川普"))
    action = next(a for a in menu.actions() if a.objectName() == "searchEntity")
    assert "川普" in action.text()
    with qtbot.wait_signal(pane.search_requested) as blocker:
        action.trigger()
    assert blocker.args == ['"特朗普" OR "川普"']  # every name the article uses for it
    menu.deleteLater()

    pane.text.setTextCursor(pane.text.document().find("内存不足"))
    menu = pane.text.context_menu_at(QPoint(2, 2))
    action = next(a for a in menu.actions() if a.objectName() == "searchSelection")
    with qtbot.wait_signal(pane.search_requested) as blocker:
        action.trigger()
    assert blocker.args == ["内存不足"]
    menu.deleteLater()


def test_close_button_asks_to_close(qtbot, pane: ReadingPane) -> None:
    with qtbot.wait_signal(pane.close_requested):
        pane.close_button.click()


def test_zoom_changes_the_font_and_keeps_the_position(qtbot, pane: ReadingPane) -> None:
    assert pane.article is not None
    target = pane.article.text.index("第100段")
    pane.scroll_to_original(target)
    size = pane.text.font().pointSizeF()
    with qtbot.wait_signal(pane.zoom_changed) as blocker:
        pane.zoom_in()
    assert blocker.args == [1]
    assert pane.text.font().pointSizeF() == size + 1
    assert abs(pane.first_visible_original() - target) < 30
    pane.set_zoom(1000)
    assert pane.zoom == 24
    pane.set_zoom(-1000)
    assert pane.text.font().pointSizeF() >= 4
    assert highlights(pane)  # formats survive the relayout


def test_dark_theme_uses_the_dark_palette(pane: ReadingPane) -> None:
    pane.set_dark(True)
    assert dict(highlights(pane))["北京"] == tint("PLACE", dark=True)
    pane.set_dark(False)
    assert dict(highlights(pane))["北京"] == tint("PLACE")


def test_late_entities_for_another_article_are_ignored(
    pane: ReadingPane, entities: list[Entity]
) -> None:
    assert pane.article_id is not None
    assert not pane.set_entities(entities[:1], article_id=pane.article_id + 1)
    assert len(highlights(pane)) == len(entities)


def test_showing_another_article_clears_the_entities_and_mark(
    pane: ReadingPane, article: Article
) -> None:
    pane.mark_range(10, 20)
    pane.show_article(article)
    assert highlights(pane) == []
    assert pane.text.extraSelections() == []
    assert pane.sidebar.model.rowCount() == 0
    pane.clear()
    assert pane.article_id is None
    assert pane.text.toPlainText() == ""


def test_context_menu_highlights_an_entity_until_it_is_selected(qtbot, pane: ReadingPane) -> None:
    menu = pane.text.context_menu_at(point_on(pane, "特朗普"))
    action = next(a for a in menu.actions() if a.objectName() == "selectEntity")
    with qtbot.wait_signal(pane.entity_activated) as blocker:
        action.trigger()
    assert blocker.args == ["donald-trump"]
    assert pane.selected_entity == "donald-trump"
    menu.deleteLater()
    menu = pane.text.context_menu_at(point_on(pane, "川普"))
    assert all(a.objectName() != "selectEntity" for a in menu.actions())
    menu.deleteLater()
    menu = pane.text.context_menu_at(point_on(pane, "发布"))
    assert all(a.objectName() not in ("selectEntity", "searchEntity") for a in menu.actions())
    menu.deleteLater()
