"""The entity highlighter on its own: span mapping, block clipping, types, selection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from duizhao.core.entities.recognition import Entity
from duizhao.core.text import VIEWS, Script, build_view
from duizhao.ui.reader.highlighter import EntityHighlighter, Span, spans_in_view
from duizhao.ui.reader.pane import shown_text


def ranges(edit: QPlainTextEdit) -> list[tuple[int, int, str]]:
    """(start, end, colour) of every format range, in document positions."""
    out = []
    block = edit.document().begin()
    while block.isValid():
        for fmt in block.layout().formats():
            start = block.position() + fmt.start
            out.append((start, start + fmt.length, fmt.format.background().color().name()))
        block = block.next()
    return out


@pytest.fixture
def edit(qtbot) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    qtbot.add_widget(widget)
    return widget


def test_spans_are_mapped_into_the_view_in_utf16_units() -> None:
    text = "𠀋软件很好，𠀋内存不足。"
    view = build_view(text, Script.SIMPLIFIED, "taiwan")
    assert view.text == "𠀋軟體很好，𠀋記憶體不足。"
    start = text.index("内存")
    entities = [
        Entity(start, start + 2, "内存", "ORG", "b", "内存"),
        Entity(1, 3, "软件", "ORG", "a", "软件"),
        Entity(-1, 2, "x", "ORG", "bad", "x"),
        Entity(5, 5, "", "ORG", "empty", ""),
        Entity(3, 99, "x", "ORG", "past-the-end", "x"),
    ]
    spans = spans_in_view(entities, view)
    assert spans == [Span(2, 4, "ORG", "a"), Span(9, 12, "ORG", "b")]  # sorted, bad ones gone


def test_formats_follow_spans_types_and_selection(edit: QPlainTextEdit) -> None:
    edit.setPlainText("张三在北京。\n李四在上海。")
    highlighter = EntityHighlighter(edit.document())
    highlighter.set_spans(
        [
            Span(7, 9, "PERSON", "lisi"),
            Span(0, 2, "PERSON", "zhangsan"),
            Span(3, 5, "PLACE", "beijing"),
            Span(10, 12, "PLACE", "shanghai"),
        ]
    )
    light = {r[:2]: r[2] for r in ranges(edit)}
    assert list(light) == [(0, 2), (3, 5), (7, 9), (10, 12)]
    assert light[0, 2] == light[7, 9] != light[3, 5]
    highlighter.set_selected("lisi")
    selected = {r[:2]: r[2] for r in ranges(edit)}
    assert selected[7, 9] != light[7, 9]
    assert selected[0, 2] == light[0, 2]
    highlighter.set_visible_types({"PLACE"})
    assert [r[:2] for r in ranges(edit)] == [(3, 5), (7, 9), (10, 12)]  # lisi still selected
    highlighter.set_dark(True)
    assert {r[:2]: r[2] for r in ranges(edit)}[3, 5] != light[3, 5]
    assert [s.entity_id for s in highlighter.spans_at(3)] == ["beijing"]
    assert highlighter.spans_at(0) == []  # PERSON hidden
    assert highlighter.spans_at(6) == []  # the newline
    assert highlighter.occurrences("lisi") == [Span(7, 9, "PERSON", "lisi")]


def test_a_span_across_blocks_is_clipped_to_each(edit: QPlainTextEdit) -> None:
    edit.setPlainText("甲乙\n丙丁\n戊")
    highlighter = EntityHighlighter(edit.document())
    highlighter.set_spans([Span(1, 7, "ORG", "long")])
    assert [r[:2] for r in ranges(edit)] == [(1, 2), (3, 5), (6, 7)]


def test_unknown_types_only_when_asked_for(edit: QPlainTextEdit) -> None:
    edit.setPlainText("某物在此")
    highlighter = EntityHighlighter(edit.document())
    highlighter.set_spans([Span(0, 2, "GADGET", "thing")])
    assert ranges(edit) == []
    highlighter.set_selected("thing")
    assert [r[:2] for r in ranges(edit)] == [(0, 2)]
    highlighter.set_selected(None)
    highlighter.set_visible_types({"GADGET"})
    assert [r[:2] for r in ranges(edit)] == [(0, 2)]


def test_spans_set_before_the_text_are_applied_once_it_arrives(edit: QPlainTextEdit) -> None:
    highlighter = EntityHighlighter(edit.document())
    highlighter.set_spans([Span(2, 4, "DATE", "d")], rehighlight=False)
    edit.setPlainText("今天5月1日")
    assert [r[:2] for r in ranges(edit)] == [(2, 4)]
    highlighter.set_spans([Span(0, 50, "DATE", "past-the-end")])
    assert [r[:2] for r in ranges(edit)] == [(0, 6)]


ALPHABET = "软件内存數據臺灣发后後里裡着乾干北京 a\n\r\t\x00\u2029𠀋😀"


@settings(max_examples=80, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET, max_size=40),
    offsets=st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=6),
    view=st.sampled_from(VIEWS),
)
def test_any_entities_land_inside_the_shown_text(
    qapp, text: str, offsets: list[tuple[int, int]], view: str
) -> None:
    shown = build_view(text, Script.UNKNOWN, view)
    entities = [Entity(a, b, "", "PLACE", f"e{a}", "") for a, b in offsets]
    spans = spans_in_view(entities, shown)
    document = QTextDocument()
    document.setPlainText(shown_text(shown.text))
    units = document.characterCount() - 1
    assert units == shown.view_utf16.units  # the document counts as the view does
    for span in spans:
        assert 0 <= span.start < span.end <= units
    highlighter = EntityHighlighter(document)
    highlighter.set_spans(spans)  # and highlighting them never fails
