"""The library table model and its filter proxy: contents, sorting, filtering, drags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPersistentModelIndex, Qt

from duizhao.core.library import ArticleSummary
from duizhao.core.text import Script
from duizhao.ui.models import (
    ARTICLE_ID_ROLE,
    ARTICLE_MIME_TYPE,
    SORT_ROLE,
    ArticleFilterProxy,
    LibraryTableModel,
    article_ids_from_mime,
    article_mime_data,
)
from duizhao.ui.models import library as library_module
from duizhao.ui.models.library import CHARS, DATE, SCRIPT, SOURCE, TITLE

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder

ROWS = [
    ArticleSummary(1, "乙 港口新航线", "东岸日报", "2026-03-02", Script.SIMPLIFIED, 300),
    ArticleSummary(2, "甲 晶片廠投資", "海峽時報", "2026-03-05", Script.TRADITIONAL, 500),
    ArticleSummary(3, "丙 软件升级", None, None, Script.SIMPLIFIED, 100),
    ArticleSummary(4, "Alpha 軟體更新", "港聞", "2025-12-31T08:00:00", Script.TRADITIONAL, 800),
]


def shown_ids(model: LibraryTableModel | ArticleFilterProxy) -> list[int]:
    return [model.index(r, 0).data(ARTICLE_ID_ROLE) for r in range(model.rowCount())]


@pytest.fixture
def model() -> LibraryTableModel:
    made = LibraryTableModel()
    made.set_articles(ROWS)
    return made


@pytest.fixture
def proxy(model: LibraryTableModel) -> ArticleFilterProxy:
    made = ArticleFilterProxy()
    made.setSourceModel(model)
    return made


def test_models_pass_the_model_tester(qtmodeltester, model, proxy) -> None:
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_filter_text("港")
    qtmodeltester.check(proxy)


def test_cells_show_title_source_date_script_and_chars(model) -> None:
    row = model.row_of(4)
    assert [model.index(row, c).data() for c in range(5)] == [
        "Alpha 軟體更新",
        "港聞",
        "2025-12-31",
        "繁體",
        "800",
    ]
    assert model.index(model.row_of(3), SOURCE).data() == ""
    assert model.headerData(DATE, Qt.Orientation.Horizontal) == "Date"
    assert "2025-12-31T08:00:00" in model.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, DATE).data(SORT_ROLE) == "2025-12-31T08:00:00"
    assert model.index(model.row_of(3), DATE).data(SORT_ROLE) is None
    assert model.index(row, CHARS).data(SORT_ROLE) == 800


@pytest.mark.parametrize(
    ("column", "ascending", "descending"),
    [
        (TITLE, [4, 3, 1, 2], [2, 1, 3, 4]),  # normalised: alpha 软体…, 丙, 乙, 甲
        (SOURCE, [1, 2, 4, 3], [4, 2, 1, 3]),  # no source last either way
        (DATE, [4, 1, 2, 3], [2, 1, 4, 3]),  # no date last either way
        (SCRIPT, [1, 3, 2, 4], [4, 2, 3, 1]),
        (CHARS, [3, 1, 2, 4], [4, 2, 1, 3]),
    ],
)
def test_sorting_by_each_column(proxy, column, ascending, descending) -> None:
    proxy.sort(column, ASC)
    assert shown_ids(proxy) == ascending
    proxy.sort(column, DESC)
    assert shown_ids(proxy) == descending


def test_sorting_keeps_persistent_indexes_and_row_of(model, proxy) -> None:
    held = QPersistentModelIndex(model.index(model.row_of(2), SOURCE))
    proxy.sort(CHARS, DESC)
    assert held.data(ARTICLE_ID_ROLE) == 2
    assert held.column() == SOURCE
    assert all(model.index(model.row_of(i), 0).data(ARTICLE_ID_ROLE) == i for i in (1, 2, 3, 4))


def test_new_articles_keep_the_sort_and_survive_a_reset(model, proxy) -> None:
    proxy.sort(DATE, DESC)
    model.rows_added([ArticleSummary(5, "新的", None, "2026-03-03", Script.SIMPLIFIED, 9)])
    assert shown_ids(proxy) == [2, 5, 1, 4, 3]
    model.set_articles(ROWS)
    assert shown_ids(proxy) == [2, 1, 4, 3]


def test_an_added_article_already_present_is_updated_in_place(model) -> None:
    changed = ArticleSummary(3, "丙 软件再升级", "新来源", None, Script.SIMPLIFIED, 120)
    model.rows_added([changed])
    assert model.rowCount() == 4
    assert model.index(model.row_of(3), TITLE).data() == "丙 软件再升级"


def test_removing_ids_removes_their_rows(qtbot, model) -> None:
    with qtbot.wait_signals([model.rowsRemoved, model.rowsRemoved]):
        model.remove_ids([1, 3, 99])  # not adjacent: two removals; 99 is unknown
    assert sorted(model.ids()) == [2, 4]
    assert model.row_of(1) is None
    assert model.index(model.row_of(4), 0).data(ARTICLE_ID_ROLE) == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("晶片厂", [2]),  # Simplified filter, Traditional title
        ("軟件", [3]),  # Traditional characters, Simplified title
        ("软体", [4]),
        ("海峡", [2]),  # the source counts too
        ("港", [1, 4]),
        ("港 新航线", [1]),  # every word must occur
        ("ALPHA", [4]),
        ("没有这个", []),
        ("  ", [1, 2, 3, 4]),
    ],
)
def test_filter_matches_title_and_source_in_either_script(proxy, text, expected) -> None:
    proxy.sort(CHARS, ASC)
    proxy.set_filter_text(text)
    assert sorted(shown_ids(proxy)) == expected
    assert proxy.filter_text() == text


def test_filter_then_clear_shows_everything(proxy) -> None:
    proxy.set_filter_text("港")
    proxy.set_filter_text("")
    assert proxy.rowCount() == 4


def test_drag_carries_the_article_ids(model, proxy) -> None:
    assert ARTICLE_MIME_TYPE in model.mimeTypes()
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    proxy.sort(CHARS, ASC)  # rows: 3, 1, 2, 4
    indexes = [proxy.index(r, c) for r in (0, 2) for c in range(5)]
    data = proxy.mimeData(indexes)
    assert article_ids_from_mime(data) == [3, 2]
    assert data.text() == "duizhao:3\nduizhao:2"


def test_mime_ids_round_trip_and_plain_text_fallback() -> None:
    assert article_ids_from_mime(article_mime_data([7, 3])) == [7, 3]
    plain = QMimeData()
    plain.setText("duizhao:12\nduizhao:5")
    assert article_ids_from_mime(plain) == [12, 5]
    junk = QMimeData()
    junk.setData(ARTICLE_MIME_TYPE, b"not json")
    junk.setText("hello")
    assert article_ids_from_mime(junk) == []


def synthetic(count: int) -> list[ArticleSummary]:
    rows = []
    for i in range(count):
        title = f"第{i}篇 關於軟體的報導" if i % 2 else f"第{i}篇 关于软件的报道"
        date = None if i % 7 == 0 else f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
        source = None if i % 5 == 0 else ("海峽時報" if i % 3 else "东岸日报")
        rows.append(ArticleSummary(i + 1, title, source, date, Script.MIXED, 1000 + i))
    return rows


def test_ten_thousand_rows_normalise_once_and_filter_per_keystroke(monkeypatch, proxy) -> None:
    model = proxy.sourceModel()
    calls: list[int] = []
    real = library_module._keys

    def counting(rows):
        calls.append(len(rows))
        return real(rows)

    monkeypatch.setattr(library_module, "_keys", counting)
    proxy.sort(DATE, DESC)
    model.set_articles(synthetic(10_000))
    assert model.rowCount() == 10_000
    assert model.index(0, DATE).data() == "2026-12-28"
    assert model.index(9_999, DATE).data() == ""  # undated last
    for typed in ("软", "软体", "软体 第12"):  # one keystroke after another
        proxy.set_filter_text(typed)
    assert proxy.rowCount() == 55  # odd i (軟體) among 第12x, 第12xx篇
    proxy.sort(TITLE, ASC)
    assert proxy.rowCount() == 55
    assert calls == [10_000]  # every row's key made in one conversion, then kept
