"""Import from URLs, paste as a new article, and the Feeds panel, in the window.

Pages and feeds come from a loopback server the test starts; every sentence
was written for these tests.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication

from duizhao.core.ingest import Fetcher, ImportOptions, import_paths
from duizhao.core.library import Feed, Library
from duizhao.ui.feeds_panel import FeedsModel, FeedsPanel
from duizhao.ui.importing import ImportController, ImportOutcome
from duizhao.ui.mainwindow import MainWindow
from duizhao.ui.tasks import TaskRunner
from duizhao.ui.web_import import UrlImportDialog, clipboard_sources, split_urls
from loopback import Route, page, serve

WAIT = 60_000

STORIES = {
    "/orchard": (
        "果园小路铺上石板",
        "山脚下的果园小路这个月铺上了石板，雨天进园摘果子的游客再也不用踩着泥走路了。",
        "果园主人说，石板是从附近旧房拆下来的，既省了钱，又和周围的景色很相配。",
        "村里打算明年把这条路接到公路边的停车场，方便开车来的城里游客。",
    ),
    "/clinic": (
        "镇卫生院增设夜间门诊",
        "镇卫生院从下周开始增设夜间门诊，每晚六点到十点有一名医生和两名护士值班。",
        "院长说，以前晚上有人发烧只能去二十公里外的县医院，现在在镇上就能看病拿药。",
        "卫生院还会在门口贴出值班医生的名字和电话，方便居民提前询问。",
    ),
}


@pytest.fixture
def server() -> Iterator:
    with serve() as running:
        for path, (title, *paras) in STORIES.items():
            running.routes[path] = Route(page(title, *paras))
        yield running


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[TaskRunner]:
    runner = TaskRunner(tmp_path / "lib")
    yield runner
    runner.shutdown()


def fast_options() -> ImportOptions:
    return ImportOptions(fetcher=Fetcher(interval=0.0))


def run(qtbot, controller: ImportController, sources: list) -> ImportOutcome:
    with qtbot.wait_signal(controller.finished, timeout=WAIT) as blocker:
        assert controller.start(sources)
    return blocker.args[0]


# -- URLs through the import controller ---------------------------------------------------


def test_urls_and_files_import_together_with_a_report(qtbot, runner, server, tmp_path) -> None:
    local = tmp_path / "note.txt"
    local.write_text("本地的笔记\n" + STORIES["/clinic"][2] + "\n", encoding="utf-8")
    controller = ImportController(runner, options=fast_options())
    outcome = run(qtbot, controller, [server.url("/orchard"), local, server.url("/gone")])
    assert [r.status for r in outcome.results] == ["imported", "imported", "failed"]
    assert outcome.results[2].error == "HTTP 404 Not Found"
    assert outcome.needs_report
    with Library.open(tmp_path / "lib") as library:
        article = library.get(outcome.results[0].id)
        assert article.metadata.url == server.url("/orchard")


def test_cancel_stops_between_urls(qtbot, runner, server) -> None:
    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(0.5)
        body = page(*STORIES["/clinic"]).replace(b"</h1>", handler.path.encode() + b"</h1>")
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    for n in range(6):
        server.routes[f"/slow{n}"] = slow
    controller = ImportController(runner, options=fast_options())
    with qtbot.wait_signal(controller.finished, timeout=WAIT) as blocker:
        controller.start([server.url(f"/slow{n}") for n in range(6)])
        qtbot.wait_until(lambda: len(server.log) >= 1, timeout=WAIT)
        controller.cancel()
    outcome = blocker.args[0]
    assert outcome.cancelled
    assert 1 <= len(outcome.results) < 6


# -- the dialog and the clipboard -----------------------------------------------------------


def test_split_urls_keeps_order_drops_repeats_and_names_the_rest() -> None:
    urls, rejected = split_urls(
        "https://a.example/1\n  http://b.example/2 https://a.example/1 notaurl ftp://c/3"
    )
    assert urls == ["https://a.example/1", "http://b.example/2"]
    assert rejected == ["notaurl", "ftp://c/3"]


def test_the_url_dialog_says_what_it_will_import(qtbot) -> None:
    dialog = UrlImportDialog()
    qtbot.add_widget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.editor.setPlainText("https://a.example/x\nhello\nhttps://b.example/y")
    assert dialog.ok_button.isEnabled()
    assert dialog.urls() == ["https://a.example/x", "https://b.example/y"]
    assert "2" in dialog.status.text()
    assert "hello" in dialog.status.text()


def test_clipboard_sources() -> None:
    assert clipboard_sources(None)[1]
    empty = QMimeData()
    assert clipboard_sources(empty) == ([], clipboard_sources(empty)[1])
    links = QMimeData()
    links.setText("https://a.example/1\nhttps://b.example/2")
    assert clipboard_sources(links) == (["https://a.example/1", "https://b.example/2"], None)
    rich = QMimeData()
    rich.setText("纯文字")
    rich.setHtml("<p>网页上复制的一段话。</p>")
    [candidate], reason = clipboard_sources(rich)
    assert reason is None
    assert candidate.path.name == "clipboard.html"
    assert "网页上复制的一段话".encode() in candidate.data


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    library = Library.open(tmp_path / "lib")
    win = MainWindow(library)
    qtbot.add_widget(win)
    yield win
    library.close()


def test_ctrl_shift_v_pastes_the_clipboard_as_a_new_article(qtbot, window) -> None:
    action = window.actions.by_name["paste_article"]
    assert action.shortcut().toString() == "Ctrl+Shift+V"
    assert window.actions.by_name["import_urls"].shortcut().toString() == "Ctrl+Shift+U"
    title, *paras = STORIES["/orchard"]
    QGuiApplication.clipboard().setText("\n".join([title, *paras]))
    with qtbot.wait_signal(window.importer.finished, timeout=WAIT) as blocker:
        action.trigger()
    [result] = blocker.args[0].results
    assert result.status == "imported", result.error
    assert window.library.get(result.id).title == title


def test_pasting_nothing_says_so(qtbot, window) -> None:
    QGuiApplication.clipboard().clear()
    window.actions.by_name["paste_article"].trigger()
    assert "clipboard" in window.statusBar().currentMessage().lower()
    assert not window.importer.is_running()


# -- the Feeds panel -----------------------------------------------------------------------


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{STORIES[p][0]}</title><link>{base}{p}</link><guid>{p}</guid></item>"
        for p in paths
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>山乡快讯</title>{items}</channel></rss>"
    ).encode()


def test_the_feeds_model(qtmodeltester) -> None:
    model = FeedsModel()
    model.set_feeds(
        [
            Feed(1, "https://a.example/rss", "甲报", "2026-12-01", None, None, 0),
            Feed(2, "https://b.example/rss", None, "2026-12-01", "2026-12-02T08:00", "HTTP 500", 3),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "甲报"
    assert model.data(model.index(1, 0)) == "⚠ https://b.example/rss"
    tip = model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole)
    assert "HTTP 500" in tip
    assert "2026-12-02 08:00" in tip


def test_subscribe_fetch_and_remove_in_the_panel(qtbot, runner, server, tmp_path) -> None:
    server.routes["/rss"] = Route(rss(server.base, ["/orchard", "/clinic"]))
    panel = FeedsPanel(runner)
    qtbot.add_widget(panel)
    panel.options = fast_options()
    with qtbot.wait_signal(panel.changed, timeout=WAIT):  # the list is read when first shown
        panel.show()
    panel.address.setText("ftp://nope")
    panel.subscribe()
    assert "Not a feed address" in panel.status.text()
    with qtbot.wait_signal(panel.changed, timeout=WAIT):
        panel.address.setText(server.url("/rss"))
        qtbot.keyClick(panel.address, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 1
    assert server.log == []  # subscribing fetches nothing
    assert panel.fetch_button.isEnabled()
    with qtbot.wait_signal(panel.fetched, timeout=WAIT) as blocker:
        panel.fetch_button.click()
        assert panel.cancel_button.isVisibleTo(panel)
    outcome = blocker.args[0]
    assert [r.status for r in outcome.results] == ["imported", "imported"]
    qtbot.wait_until(lambda: panel.model.feeds and panel.model.feeds[0].items == 2, timeout=WAIT)
    assert panel.model.data(panel.model.index(0, 0)) == "山乡快讯"
    assert not panel.cancel_button.isVisibleTo(panel)
    panel.table.selectRow(0)
    with qtbot.wait_signal(panel.changed, timeout=WAIT):
        panel.remove_button.click()
    assert panel.model.rowCount() == 0
    with Library.open(tmp_path / "lib") as library:
        assert library.count() == 2  # the articles stay


def test_the_window_has_a_feeds_tab_and_shows_fetch_results(qtbot, window) -> None:
    assert window.feeds_dock.widget() is window.feeds_panel
    outcome = ImportOutcome([])
    window.feeds_panel.fetched.emit(outcome)
    assert window.statusBar().currentMessage() == outcome.summary()


def test_import_paths_still_takes_plain_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("标题\n" + STORIES["/clinic"][1] + "\n", encoding="utf-8")
    with Library.open(tmp_path / "lib") as library:
        assert import_paths(library, [tmp_path / "a.txt"])[0].status == "imported"
