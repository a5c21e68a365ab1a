"""The search panel against a real library and index, run through the task runner."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from duizhao.core.ingest import import_paths
from duizhao.core.library import Library
from duizhao.core.search import Fragment, SearchBusy, SearchIndex
from duizhao.core.search import index as search_module
from duizhao.ui.models import ARTICLE_ID_ROLE, article_ids_from_mime
from duizhao.ui.search import BUSY_MESSAGE, HIT_ROLE, HTML_ROLE, SearchPanel, SearchResultsModel
from duizhao.ui.search.model import fragment_html, hit_html
from duizhao.ui.tasks import TaskRunner

ARTICLES = {
    "harbour.md": "---\ntitle: 东岸港开通第三条航线\nsource: 东岸日报\ndate: 2026-03-02\n---\n"
    "东岸港今天开通第三条集装箱航线，每周往返两班。\n"
    "港务局发言人说，头一个月的货量比预计多了两成。\n",
    "fab.txt": "新竹晶片廠擴建\n來源：海峽時報 2026年3月5日\n"
    "這座晶片廠的擴建預算為八十億美元，預計後年完工。\n"
    "港務局也將加開夜間班次，配合晶片出口。\n",
    "rice.md": "---\ntitle: 稻米收成报告\nsource: 南方农报\ndate: 2026-01-15\n---\n"
    "今年的稻米收成比去年增加百分之八。\n"
    "农业部门认为，降雨充足是主要原因。\n",
}


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    directory = tmp_path_factory.mktemp("library")
    with Library.open(directory) as library:
        results = import_paths(library, [folder])
        assert [str(r.status) for r in results] == ["imported"] * 3
        index = SearchIndex(directory)
        index.sync(library)
        index.close()
    return directory


@pytest.fixture
def library(library_dir: Path) -> Library:
    opened = Library.open(library_dir)
    yield opened
    opened.close()


@pytest.fixture
def runner(library_dir: Path) -> TaskRunner:
    made = TaskRunner(library_dir)
    yield made
    made.shutdown()


@pytest.fixture
def panel(qtbot, runner: TaskRunner) -> SearchPanel:
    made = SearchPanel(runner)
    qtbot.add_widget(made)
    made.resize(500, 600)
    return made


def titles(panel: SearchPanel) -> list[str]:
    return [panel.model.index(r).data() for r in range(panel.model.rowCount())]


def search(qtbot, panel: SearchPanel, text: str) -> None:
    with qtbot.wait_signal(panel.searched, timeout=20_000):
        panel.set_query(text)


def settle(qtbot, panel: SearchPanel) -> None:
    qtbot.waitUntil(lambda: not panel.is_searching(), timeout=20_000)


def test_a_query_shows_results_with_a_count(qtbot, panel) -> None:
    search(qtbot, panel, "稻米")
    assert titles(panel) == ["稻米收成报告"]
    assert panel.status.text().startswith("1 result · ")
    assert panel.status.text().endswith(" ms")
    assert panel.shown_query() == "稻米"


def test_traditional_query_finds_simplified_article_at_the_match(qtbot, panel, library) -> None:
    search(qtbot, panel, "農業部門")
    assert titles(panel) == ["稻米收成报告"]
    panel.show()
    qtbot.wait_exposed(panel)
    rect = panel.results.visualRect(panel.model.index(0))
    assert rect.height() > 0
    with qtbot.wait_signal(panel.result_activated) as blocker:
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    article_id, start, end = blocker.args
    assert library.get(article_id).text[start:end] == "农业部门"


def test_simplified_query_finds_traditional_article_and_enter_opens_it(
    qtbot, panel, library
) -> None:
    search(qtbot, panel, "晶片厂 扩建")
    assert titles(panel) == ["新竹晶片廠擴建"]
    panel.results.setCurrentIndex(panel.model.index(0))
    with qtbot.wait_signal(panel.result_activated) as blocker:
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    article_id, start, end = blocker.args
    assert library.get(article_id).text[start:end] in ("晶片廠", "擴建")


def test_both_scripts_found_and_snippets_marked(qtbot, panel) -> None:
    search(qtbot, panel, "港务局")
    assert sorted(titles(panel)) == ["东岸港开通第三条航线", "新竹晶片廠擴建"]
    for row in range(2):
        html = panel.model.index(row).data(HTML_ROLE)
        assert "background-color" in html
        assert ("港务局</span>" in html) or ("港務局</span>" in html)


def test_newest_first_sort(qtbot, panel) -> None:
    search(qtbot, panel, "港务局 OR 稻米")
    assert len(titles(panel)) == 3
    with (
        qtbot.wait_signal(panel.searched, timeout=20_000),
        qtbot.wait_signal(panel.sort_changed) as changed,
    ):
        panel.set_sort("date")  # a new sort searches again
    assert changed.args == ["date"]
    assert panel.sort_order() == "date"
    assert titles(panel) == ["新竹晶片廠擴建", "东岸港开通第三条航线", "稻米收成报告"]


def test_typing_searches_once_after_a_pause(qtbot, panel, monkeypatch) -> None:
    calls: list[str] = []
    real = SearchIndex.search

    def counting(self, library, text, **kwargs):
        calls.append(text)
        return real(self, library, text, **kwargs)

    monkeypatch.setattr(SearchIndex, "search", counting)
    with qtbot.wait_signal(panel.searched, timeout=20_000):
        for typed in "稻米收成":
            panel.query.insert(typed)  # textEdited, as typing (QTest cannot type Chinese)
    settle(qtbot, panel)
    assert calls == ["稻米收成"]
    assert titles(panel) == ["稻米收成报告"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"出口 管制', "unbalanced quote"),
        ("OR", "Nothing to search for"),
        ("", "Empty query"),
        ("   ", "Empty query"),
        ("港务局 " + "稻" * 10_000, "longer than 1000"),
        ("\x00\x07稻米\x1b", "1 result"),
        ("colour:稻米", "unknown field"),
        ("-稻米", "only excludes"),
        ("date:2026-13", "not a date"),
    ],
)
def test_bad_queries_give_one_line_and_no_crash(qtbot, panel, query, expected) -> None:
    panel.set_query(query)
    settle(qtbot, panel)
    text = panel.status.text()
    assert expected in text
    assert "\n" not in text
    assert "Traceback" not in text


def test_a_rejected_query_clears_old_results(qtbot, panel) -> None:
    search(qtbot, panel, "稻米")
    panel.set_query("OR")
    assert panel.model.rowCount() == 0
    assert panel.status.property("error") is True


def test_a_stale_result_never_replaces_a_newer_one(qtbot, panel, monkeypatch) -> None:
    real = SearchIndex.search
    slow_started = threading.Event()

    def slow_first(self, library, text, **kwargs):
        if text == "稻米":
            slow_started.set()
            time.sleep(0.8)
        return real(self, library, text, **kwargs)

    monkeypatch.setattr(SearchIndex, "search", slow_first)
    # The runner would drop a cancelled task's result by itself: make it not,
    # so what is tested is the panel's own check.
    monkeypatch.setattr("duizhao.ui.tasks.Task.cancel", lambda self: None)
    emitted: list[int] = []
    panel.searched.connect(emitted.append)
    panel.set_query("稻米")
    qtbot.waitUntil(slow_started.is_set, timeout=20_000)
    with qtbot.wait_signal(panel.searched, timeout=20_000):
        panel.set_query("晶片厂")
    assert titles(panel) == ["新竹晶片廠擴建"]
    qtbot.waitUntil(lambda: not panel.runner.active(), timeout=20_000)
    qtbot.wait(50)  # let the slow search's outcome arrive
    assert titles(panel) == ["新竹晶片廠擴建"]
    assert panel.shown_query() == "晶片厂"
    assert emitted == [1]


def test_busy_index_says_so_and_retries_once(qtbot, panel, monkeypatch) -> None:
    calls: list[str] = []

    def busy(self, library, text, **kwargs):
        calls.append(text)
        raise SearchBusy("the search index is being written by another Duizhao")

    monkeypatch.setattr(SearchIndex, "search", busy)
    panel._retry.setInterval(50)
    panel.set_query("稻米")
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=20_000)
    settle(qtbot, panel)
    qtbot.wait(200)
    assert len(calls) == 2
    assert panel.status.text() == BUSY_MESSAGE
    assert panel.model.rowCount() == 0


def test_busy_then_free_shows_results(qtbot, panel, monkeypatch) -> None:
    real = SearchIndex.search
    calls: list[str] = []

    def busy_once(self, library, text, **kwargs):
        calls.append(text)
        if len(calls) == 1:
            raise SearchBusy("busy")
        return real(self, library, text, **kwargs)

    monkeypatch.setattr(SearchIndex, "search", busy_once)
    panel._retry.setInterval(50)
    with qtbot.wait_signal(panel.searched, timeout=20_000):
        panel.set_query("稻米")
    assert titles(panel) == ["稻米收成报告"]


def test_an_unexpected_error_is_one_line(qtbot, panel, monkeypatch) -> None:
    def broken(self, library, text, **kwargs):
        raise OSError("disk on fire\nsecond line")

    monkeypatch.setattr(SearchIndex, "search", broken)
    panel.set_query("稻米")
    settle(qtbot, panel)
    assert panel.status.text() == "Search failed: Disk on fire"


def test_results_model_passes_the_model_tester_and_drags(qtbot, panel, qtmodeltester) -> None:
    search(qtbot, panel, "港务局")
    qtmodeltester.check(panel.model)
    hit = panel.model.index(0).data(HIT_ROLE)
    assert panel.model.index(0).data(ARTICLE_ID_ROLE) == hit.id
    data = panel.model.mimeData([panel.model.index(0)])
    assert article_ids_from_mime(data) == [hit.id]
    empty = SearchResultsModel()
    qtmodeltester.check(empty)


def test_results_are_drawn(qtbot, panel) -> None:
    search(qtbot, panel, "港务局")
    panel.show()
    qtbot.wait_exposed(panel)
    line = panel.results.fontMetrics().height()
    assert panel.results.visualRect(panel.model.index(0)).height() > 2 * line  # title + snippet
    assert not panel.results.viewport().grab().isNull()  # paints without an exception


def test_snippet_html_escapes_article_text() -> None:
    fragment = Fragment(0, 12, "a<b>&港务局</b>", ((5, 8),))
    assert fragment_html(fragment) == (
        'a&lt;b&gt;&amp;<span style="background-color:#ffd54f;color:#000000;">港务局</span>'
        "&lt;/b&gt;"
    )
    hit = search_module.Hit(1, "<script>", 1.0, "2026-03-02T10:00", (), (fragment,))
    assert hit_html(hit).startswith("<b>&lt;script&gt;</b>")
    assert "2026-03-02<" in hit_html(hit)


def test_query_keys(qtbot, panel) -> None:
    search(qtbot, panel, "港务局")
    panel.show()
    panel.focus_query()
    qtbot.waitUntil(panel.query.hasFocus)
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    assert panel.current_hit() is not None
    panel.focus_query()
    qtbot.keyClick(panel.query, Qt.Key.Key_Escape)
    assert panel.query.text() == ""
    assert panel.model.rowCount() == 0


def test_search_while_the_index_is_written_says_so_then_retries(qtbot, tmp_path) -> None:
    """Not simulated: another writer really holds the index lock while the
    library has an article the index lacks, so the search's sync must wait."""
    from whoosh import index as whoosh_index

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "rice.md").write_text(ARTICLES["rice.md"], encoding="utf-8")
    directory = tmp_path / "library"
    with Library.open(directory) as library:
        import_paths(library, [folder / "rice.md"])
        SearchIndex(directory).sync(library)
        (folder / "fab.txt").write_text(ARTICLES["fab.txt"], encoding="utf-8")
        import_paths(library, [folder / "fab.txt"])  # not indexed yet
    writer = whoosh_index.open_dir(str(directory / "index")).writer()
    runner = TaskRunner(directory)
    panel = SearchPanel(runner)
    qtbot.add_widget(panel)
    try:
        panel.set_query("晶片厂")
        assert panel.status.text() == "Searching…"  # the window goes on meanwhile
        qtbot.waitUntil(lambda: panel.status.text() == BUSY_MESSAGE, timeout=20_000)
        writer.cancel()  # the other writer is done: the retry a second later succeeds
        with qtbot.wait_signal(panel.searched, timeout=20_000):
            pass
        assert titles(panel) == ["新竹晶片廠擴建"]
    finally:
        runner.shutdown()
        if not writer.is_closed:
            writer.cancel()


def test_a_reader_threads_index_is_closed_once_the_runner_has_stopped(
    qtbot, library_dir: Path
) -> None:
    from duizhao.ui.search import panel as panel_module

    runner = TaskRunner(library_dir)
    made = SearchPanel(runner)
    qtbot.add_widget(made)
    search(qtbot, made, "稻米")
    mine = [index for _, index in panel_module._opened if index.directory.parent == library_dir]
    assert mine
    assert all(index._open_searcher is not None for index in mine)
    panel_module.close_finished_indexes()
    assert all(index._open_searcher is not None for index in mine)  # its thread still runs
    runner.shutdown()
    panel_module.close_finished_indexes()
    assert all(index._open_searcher is None and index._ix is None for index in mine)
    assert not [i for _, i in panel_module._opened if i in mine]
