"""The entity sidebar (grouping, model, clicks, context menu) and the type legend."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from duizhao.core.entities.recognition import Entity
from duizhao.core.library import Article, Metadata
from duizhao.core.text import Script, ViewCache
from duizhao.ui.reader import EntityLegend, EntitySidebar, ReadingPane, entity_query
from duizhao.ui.reader.sidebar import ENTITY_ID_ROLE, group_entities

TEXT = "特朗普到北京。川普又说北京很大，唐纳德·特朗普也来了。2026年5月1日，北京。"


def entity(surface: str, kind: str, entity_id: str, canonical: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    return Entity(start, start + len(surface), surface, kind, entity_id, canonical)


ENTITIES = [
    entity("特朗普", "PERSON", "donald-trump", "特朗普"),
    entity("北京", "PLACE", "beijing", "北京"),
    entity("川普", "PERSON", "donald-trump", "特朗普"),
    entity("北京", "PLACE", "beijing", "北京", nth=1),
    entity("唐纳德·特朗普", "PERSON", "donald-trump", "特朗普"),
    entity("2026年5月1日", "DATE", "date:2026-05-01", "2026年5月1日"),
    entity("北京", "PLACE", "beijing", "北京", nth=2),
]


@pytest.fixture
def sidebar(qtbot) -> EntitySidebar:
    widget = EntitySidebar()
    qtbot.add_widget(widget)
    widget.resize(260, 400)
    widget.show()
    qtbot.wait_exposed(widget)
    widget.set_entities(ENTITIES)
    return widget


def test_groups_by_type_with_counts_and_surface_forms() -> None:
    groups = group_entities(ENTITIES)
    assert list(groups) == ["PERSON", "PLACE", "DATE"]
    [trump] = groups["PERSON"]
    assert (trump.entity_id, trump.count) == ("donald-trump", 3)
    assert trump.surfaces == ["特朗普", "川普", "唐纳德·特朗普"]
    assert groups["PLACE"][0].count == 3


def test_entity_query_names_every_form_once() -> None:
    assert entity_query("北京", ["北京"]) == "北京"
    assert entity_query("特朗普", ["特朗普", "川普"]) == '"特朗普" OR "川普"'
    assert entity_query('say "x"', []) == "say x"
    assert entity_query("", []) == ""


def test_model_passes_the_model_tester(qtmodeltester, sidebar: EntitySidebar) -> None:
    qtmodeltester.check(sidebar.model)
    model = sidebar.model
    assert model.rowCount() == 3
    person = model.index(0, 0)
    assert "人物" in person.data()
    assert model.index(0, 1).data() == "3"
    assert model.rowCount(person) == 1
    child = model.index(0, 0, person)
    assert child.data() == "特朗普"
    assert model.index(0, 1, person).data() == "3"
    assert "川普" in child.data(Qt.ItemDataRole.ToolTipRole)
    assert child.data(ENTITY_ID_ROLE) == "donald-trump"
    assert sidebar.tree.isExpanded(person)


def test_clicking_an_entity_emits_its_id(qtbot, sidebar: EntitySidebar) -> None:
    index = sidebar.index_of("beijing")
    rect = sidebar.tree.visualRect(index)
    with qtbot.wait_signal(sidebar.entity_activated) as blocker:
        qtbot.mouseClick(sidebar.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["beijing"]
    head = sidebar.model.index(1, 0)
    with qtbot.assert_not_emitted(sidebar.entity_activated):
        sidebar.tree.activated.emit(head)  # a type row is not an entity


def test_context_menu_searches_the_library(qtbot, sidebar: EntitySidebar) -> None:
    menu = sidebar.context_menu(sidebar.index_of("donald-trump"))
    assert menu is not None
    action = next(a for a in menu.actions() if a.objectName() == "searchEntity")
    assert action.text() == "Search the library for 「特朗普」"
    with qtbot.wait_signal(sidebar.search_requested) as blocker:
        action.trigger()
    assert blocker.args == ['"特朗普" OR "川普" OR "唐纳德·特朗普"']
    assert sidebar.context_menu(sidebar.model.index(0, 0)) is None
    assert sidebar.context_menu(QModelIndex()) is None


def test_selection_follows_the_selected_entity(sidebar: EntitySidebar) -> None:
    sidebar.set_selected("date:2026-05-01")
    assert sidebar.tree.currentIndex().data(ENTITY_ID_ROLE) == "date:2026-05-01"
    sidebar.set_selected(None)
    assert not sidebar.tree.selectionModel().hasSelection()
    sidebar.set_selected("no-such-entity")
    assert not sidebar.tree.selectionModel().hasSelection()


def test_collapsed_types_stay_collapsed_when_entities_change(sidebar: EntitySidebar) -> None:
    sidebar.tree.collapse(sidebar.model.index(1, 0))
    sidebar.set_entities(ENTITIES[:-1])
    assert not sidebar.tree.isExpanded(sidebar.model.index(1, 0))
    assert sidebar.tree.isExpanded(sidebar.model.index(0, 0))
    sidebar.set_dark(True)
    assert sidebar.model.rowCount() == 3
    sidebar.clear()
    assert sidebar.model.rowCount() == 0


def test_pane_sidebar_jumps_to_the_entity_and_selects_it(qtbot) -> None:
    text = (
        "\n".join(f"第{n}段，普通的一天。" for n in range(300))
        + "\n特朗普在这里。\n"
        + "\n".join(f"后{n}段，又是一天。" for n in range(100))
        + "\n川普在那里。"
    )
    article = Article(
        3, text, Metadata(title="长"), Script.SIMPLIFIED, "text", "utf-8", "x", "", "h3"
    )
    pane = ReadingPane(ViewCache())
    qtbot.add_widget(pane)
    pane.resize(700, 300)
    pane.show()
    qtbot.wait_exposed(pane)
    pane.show_article(article)
    first, second = text.index("特朗普"), text.index("川普")
    pane.set_entities(
        [
            Entity(first, first + 3, "特朗普", "PERSON", "donald-trump", "特朗普"),
            Entity(second, second + 2, "川普", "PERSON", "donald-trump", "特朗普"),
        ]
    )
    with qtbot.wait_signal(pane.entity_activated) as blocker:
        pane.sidebar.tree.activated.emit(pane.sidebar.index_of("donald-trump"))
    assert blocker.args == ["donald-trump"]
    assert pane.selected_entity == "donald-trump"
    assert text.index("第280段") < pane.first_visible_original() < first
    with qtbot.assert_not_emitted(pane.entity_activated):  # again: only moves on
        pane.sidebar.tree.activated.emit(pane.sidebar.index_of("donald-trump"))
    assert text.index("后90段") < pane.first_visible_original() < second
    pane.sidebar.tree.activated.emit(pane.sidebar.index_of("donald-trump"))  # round again
    assert pane.first_visible_original() < first
    pane.set_sidebar_visible(False)
    assert not pane.sidebar.isVisible()
    assert not pane.sidebar_button.isChecked()


def _shown_names(sidebar: EntitySidebar) -> list[str]:
    model = sidebar.model
    return [
        str(model.index(row, 0, model.index(top, 0)).data())
        for top in range(model.rowCount())
        for row in range(model.rowCount(model.index(top, 0)))
    ]


def open_pane(qtbot, text: str, script: Script, trump: str, guest: str) -> ReadingPane:
    """A pane on ``text``, whose two people are ``trump`` (linked) and ``guest``."""
    article = Article(4, text, Metadata(title="会见"), script, "text", "utf-8", "x", "", "h4")
    pane = ReadingPane(ViewCache())
    qtbot.add_widget(pane)
    pane.show_article(article)
    first, second = text.index(trump), text.index(guest)
    pane.set_entities(
        [
            Entity(first, first + len(trump), trump, "PERSON", "donald-trump", "特朗普"),
            Entity(second, second + len(guest), guest, "PERSON", "name:于丽娜", "于丽娜"),
        ]
    )
    return pane


def test_names_are_shown_as_the_panes_view_writes_them(qtbot) -> None:
    pane = open_pane(qtbot, "川普會見于麗娜。", Script.TRADITIONAL, "川普", "于麗娜")
    for view in ("original", "traditional", "taiwan", "hongkong"):
        pane.set_view(view)
        assert sorted(_shown_names(pane.sidebar)) == ["于麗娜", "川普"], view
    pane.set_view("simplified")
    assert sorted(_shown_names(pane.sidebar)) == ["于丽娜", "川普"]  # as this article writes him
    tip = pane.sidebar.index_of("donald-trump").data(Qt.ItemDataRole.ToolTipRole)
    assert "特朗普" in tip  # the linked names on hover
    assert "Donald Trump" in tip
    pane = open_pane(qtbot, "特朗普会见于丽娜。", Script.SIMPLIFIED, "特朗普", "于丽娜")
    pane.set_view("taiwan")
    assert sorted(_shown_names(pane.sidebar)) == ["于麗娜", "特朗普"]
    assert "于麗娜" in pane.view.text  # the name survives the view, not 於麗娜
    assert "川普" in pane.sidebar.index_of("donald-trump").data(Qt.ItemDataRole.ToolTipRole)
    assert pane.text.tooltip_for("donald-trump").startswith("特朗普")  # hovering the text
    assert pane.text.tooltip_for("no-such-entity") == ""
    assert pane.sidebar.index_of("donald-trump").isValid()  # still the same linked entity


def test_the_view_is_redone_with_names_protected_once_entities_arrive(qtbot) -> None:
    text = "记者于丽娜报道，他们于是出发。"
    article = Article(
        5, text, Metadata(title="报道"), Script.SIMPLIFIED, "text", "utf-8", "", "", "h5"
    )
    pane = ReadingPane(ViewCache())
    qtbot.add_widget(pane)
    pane.set_view("taiwan")
    pane.show_article(article)
    assert "於麗娜" in pane.view.text  # before recognition: OpenCC's character table
    pane.set_entities([Entity(2, 5, "于丽娜", "PERSON", "name:于丽娜", "于丽娜")])
    assert "于麗娜" in pane.view.text
    assert "於是" in pane.view.text
    assert pane.text.toPlainText() == pane.view.text
    [span] = pane.text.highlighter.occurrences("name:于丽娜")
    assert pane.view.text[span.start : span.end] == "于麗娜"


def test_legend_switches_types(qtbot) -> None:
    legend = EntityLegend()
    qtbot.add_widget(legend)
    assert legend.types() == {"PERSON", "PLACE", "ORG", "DATE", "NUMBER"}
    with qtbot.wait_signal(legend.types_changed) as blocker:
        legend.buttons["PLACE"].click()
    assert blocker.args == [{"PERSON", "ORG", "DATE", "NUMBER"}]
    with qtbot.wait_signal(legend.types_changed) as blocker:
        legend.set_types({"PERSON", "NOT-A-TYPE"})
    assert blocker.args == [{"PERSON"}]
    assert not legend.buttons["ORG"].isChecked()
    with qtbot.assert_not_emitted(legend.types_changed):
        legend.set_types({"PERSON"})
    legend.set_dark(True)
    assert "PERSON" in legend.types()
