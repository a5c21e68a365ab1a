"""The main window: library and search on the left, reading panes in the middle,
the comparison pane below.

The window owns the pieces and wires their signals together; each piece keeps
its own state. Everything slow goes through the one :class:`TaskRunner`:
imports and index updates on its writer, entities, search and comparison in
its reader pool. The GUI thread keeps its own read-only use of the library
(summaries, opening an article). Actions and menus are built in
:mod:`duizhao.ui.actions`; settings are read on start and written on close.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QWidget,
)

from duizhao.core.library import Article, ArticleSummary, Library
from duizhao.ui import theme
from duizhao.ui.actions import Actions
from duizhao.ui.compare import ComparePane
from duizhao.ui.importing import (
    ImportController,
    ImportOutcome,
    ImportProgress,
    ImportReportDialog,
    read_drop,
)
from duizhao.ui.library_panel import LibraryPanel
from duizhao.ui.models import ARTICLE_ID_ROLE
from duizhao.ui.panes import PaneArea
from duizhao.ui.reader import EntityLegend, ReadingPane
from duizhao.ui.search import SearchPanel
from duizhao.ui.search.panel import close_finished_indexes
from duizhao.ui.settings import (
    Settings,
    SettingsError,
    restore_geometry,
    save_geometry,
    save_settings,
)
from duizhao.ui.tasks import TaskContext, TaskRunner


class MainWindow(QMainWindow):
    def __init__(
        self,
        library: Library,
        settings: Settings | None = None,
        *,
        settings_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings or Settings()
        self.settings_path = settings_path
        self.setWindowTitle(f"Duizhao 对照 — {library.directory}")
        self.setAcceptDrops(True)
        self.runner = TaskRunner(library.directory, parent=self)
        self._removed: list[int] = []  # ids moved to the trash, newest last (for undo)

        self.panes = PaneArea(self.runner, self._load_article, self)
        self.setCentralWidget(self.panes)
        self.library_panel = LibraryPanel(self)
        self.search_panel = SearchPanel(self.runner, self)
        self.compare_pane = ComparePane(self.runner, self)
        self.legend = EntityLegend(self)
        self.importer = ImportController(self.runner, self)
        self.import_progress = ImportProgress(self)
        self.statusBar().addPermanentWidget(self.import_progress)

        self.library_dock = self._dock("Library", "libraryDock", self.library_panel)
        self.search_dock = self._dock("Search", "searchDock", self.search_panel)
        self.compare_dock = self._dock("Compare", "compareDock", self.compare_pane)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
        self.tabifyDockWidget(self.library_dock, self.search_dock)
        self.library_dock.raise_()
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.compare_dock)
        self.compare_dock.hide()
        self.resizeDocks([self.library_dock], [380], Qt.Orientation.Horizontal)

        self.actions = Actions(self)
        self._connect()
        self._apply_settings()
        self.actions.sync_checks()
        self.reload()

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        return dock

    def _connect(self) -> None:
        lib = self.library_panel
        lib.article_activated.connect(self.open_article)
        lib.open_in_new_pane.connect(self.panes.open_in_new_pane)
        lib.remove_requested.connect(self.remove_articles)
        lib.compare_requested.connect(self.compare)
        self.search_panel.result_activated.connect(self.panes.reveal)
        self.compare_pane.claim_activated.connect(self.panes.reveal)
        self.panes.search_requested.connect(self.search_library)
        self.panes.message.connect(self.show_message)
        self.panes.current_changed.connect(self._on_current_pane)
        self.legend.types_changed.connect(self.panes.set_visible_types)
        self.import_progress.bind(self.importer)
        self.importer.finished.connect(self._imported)
        self.importer.failed.connect(self._import_failed)

    # -- settings -------------------------------------------------------------

    def _apply_settings(self) -> None:
        s = self.settings
        self.panes.set_visible_types(set(s.visible_types))
        self.legend.set_types(set(s.visible_types))
        app = QApplication.instance()  # "system" may have applied a dark palette
        dark = theme.is_dark(app) if isinstance(app, QApplication) else s.theme == "dark"
        self.panes.set_dark(dark)
        self.panes.set_zoom(zoom_steps(s.zoom))
        self.panes.set_text_font(theme.reading_font(s.font_family, s.font_size))
        self.panes.set_sync_scroll(s.sync_scroll)
        self.panes.set_pane_count(s.pane_count)
        self.panes.set_current(self.panes.panes[0])  # reading starts on the left
        self.search_panel.set_sort_order(s.search_sort)
        if self.settings_path is not None:
            restore_geometry(self, self.settings_path.parent)

    def restore_session(self) -> None:
        """Reopen the articles that were open when the window last closed."""
        for pane, entry in zip(self.panes.panes, self.settings.open_articles, strict=False):
            try:
                article_id = int(entry["id"])
            except (KeyError, TypeError, ValueError):
                continue
            self.panes.open_article(article_id, pane, view=str(entry.get("view", "original")))
        if self.panes.panes:
            self.panes.set_current(self.panes.panes[0])

    def save_settings(self) -> None:
        s = self.settings
        s.pane_count = len(self.panes.panes)
        s.open_articles = [{"id": i, "view": v} for i, v in self.panes.open_articles()]
        s.visible_types = sorted(self.panes.visible_types)
        s.sync_scroll = self.panes.sync_scroll
        s.zoom = zoom_factor(self.panes.zoom)
        s.search_sort = self.search_panel.sort_order()
        if self.settings_path is not None:
            try:
                save_settings(self.settings_path, s)
                save_geometry(self, self.settings_path.parent)
            except (SettingsError, OSError) as exc:
                print(f"duizhao: settings not saved: {exc}", file=sys.stderr)

    # -- library ----------------------------------------------------------------

    def _load_article(self, article_id: int) -> Article:
        return self.library.get(article_id)

    @Slot()
    def reload(self) -> None:
        self.library_panel.set_articles(self.library.summaries())

    @property
    def pane(self) -> ReadingPane:
        """The current reading pane."""
        current = self.panes.current
        return current if current is not None else self.panes.panes[0]

    @Slot(int)
    def open_article(self, article_id: int) -> bool:
        pane = self.panes.open_article(article_id)
        if pane is None:
            return False
        self.library_panel.select_id(article_id)
        return True

    def open_first_pair(self) -> None:
        """A first start: the newest article and another version of its story side
        by side, so there is something to read and compare at once."""
        model = self.library_panel.model  # the summaries the list already holds
        first_id = self.library_panel.proxy.index(0, 0).data(ARTICLE_ID_ROLE)
        row = model.row_of(first_id) if isinstance(first_id, int) else None
        if row is None:
            return
        self.panes.open_article(first_id, self.panes.panes[0])
        self.library_panel.select_id(first_id)
        rows = [model.summary(r) for r in range(min(model.rowCount(), 2000))]
        other = companion(model.summary(row), rows)
        if other is not None and len(self.panes.panes) > 1:
            self.panes.open_article(other.id, self.panes.panes[1])
            self.panes.set_current(self.panes.panes[0])

    def warm_up(self) -> None:
        """Load the segmenter's dictionary and OpenCC's tables in the background once
        the window is up, so the first search, import or view toggle does not pay;
        then freeze what start-up made out of the garbage collector's way.

        ``gc.freeze()`` moves every object alive now (modules, classes, tables)
        to a generation full collections no longer walk: a full collection in a
        worker holds the GIL, and ``tests/benchmarks/ui_stall.py --variants
        gc-freeze`` measured its longest pause during an import at 38 ms instead
        of 64-98 ms. Those objects live as long as the app anyway."""

        def work(_context: TaskContext) -> None:
            from duizhao.core.text import VIEWS, Script, build_view, shared_segmenter

            shared_segmenter().start()
            for view in VIEWS:  # with a name protected, so names' converters load too
                build_view("预热", Script.SIMPLIFIED, view, protect=[(0, 1)])
                build_view("預熱", Script.TRADITIONAL, view, protect=[(0, 1)])

        task = self.runner.read("warm up", work)
        task.ended.connect(gc.freeze)

    @Slot(str)
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_current_pane(self, pane: ReadingPane) -> None:
        self.actions.sync_view_choice(pane.view_name)

    # -- import -----------------------------------------------------------------

    def import_files(self) -> None:
        start = self.settings.recent_import_dir or str(Path.home())
        files, _ = QFileDialog.getOpenFileNames(
            self,
            "Import articles",
            start,
            "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)",
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def import_folder(self) -> None:
        start = self.settings.recent_import_dir or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Import a folder", start)
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        if not paths:
            return
        self.settings.recent_import_dir = str(paths[0].parent if paths[0].is_file() else paths[0])
        self.importer.start(paths)

    def _imported(self, outcome: ImportOutcome) -> None:
        self.reload()
        self.show_message(outcome.summary())
        ids = outcome.imported_ids
        if ids:
            self.library_panel.select_id(ids[0])
        if outcome.needs_report:
            self.last_report = ImportReportDialog(outcome, self)
            self.last_report.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.last_report.open()

    def _import_failed(self, message: str) -> None:
        self.reload()
        self.show_message(f"Import failed: {message}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        drop = read_drop(event.mimeData())
        if drop.ignored:
            self.show_message(drop.ignored[0])
        if drop.paths:
            event.acceptProposedAction()
            self.import_paths(drop.paths)

    # -- trash and undo -------------------------------------------------------------

    @Slot(list)
    def remove_articles(self, ids: list[int]) -> None:
        if not ids:
            return

        def work(context: TaskContext) -> list[int]:
            from duizhao.core.search import SearchIndex

            for article_id in ids:
                context.library.remove(article_id)
            SearchIndex(context.library_dir).sync(context.library)
            return ids

        task = self.runner.write("move to trash", work)
        task.finished.connect(self._removed_done)
        task.failed.connect(lambda m: self.show_message(f"Not moved to the trash: {m}"))

    def _removed_done(self, ids: list[int]) -> None:
        self._removed.extend(ids)
        for pane in list(self.panes.panes):
            if pane.article_id in ids:
                pane.clear()
        self.reload()
        noun = "article" if len(ids) == 1 else "articles"
        self.show_message(f"{len(ids)} {noun} moved to the trash — Ctrl+Z brings them back")

    @Slot()
    def undo_remove(self) -> None:
        if not self._removed:
            self.show_message("Nothing to undo")
            return
        article_id = self._removed.pop()

        def work(context: TaskContext) -> int:
            from duizhao.core.search import SearchIndex

            context.library.restore(article_id)
            SearchIndex(context.library_dir).sync(context.library)
            return article_id

        task = self.runner.write("restore", work)
        task.finished.connect(lambda i: (self.reload(), self.show_message(f"Restored #{i}")))
        task.failed.connect(lambda m: self.show_message(f"Not restored: {m}"))

    @Slot()
    def reindex(self) -> None:
        def work(context: TaskContext) -> int:
            from duizhao.core.search import SearchIndex

            return SearchIndex(context.library_dir).rebuild(
                context.library, progress=context.progress, cancelled=context.cancelled
            )

        task = self.runner.write("rebuild the search index", work)
        self.show_message("Rebuilding the search index…")
        task.finished.connect(lambda n: self.show_message(f"Search index rebuilt: {n} articles"))
        task.failed.connect(lambda m: self.show_message(f"Index not rebuilt: {m}"))

    # -- search and compare -------------------------------------------------------------

    @Slot(str)
    def search_library(self, query: str) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.set_query(query)

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_query()

    @Slot(list)
    def compare(self, ids: list[int]) -> None:
        ids = list(dict.fromkeys(ids))
        if len(ids) < 2:
            self.show_message("Compare needs at least two articles: open or select two")
            return
        self.compare_dock.show()
        self.compare_dock.raise_()
        self.compare_pane.compare(ids)

    def compare_open(self) -> None:
        self.compare([i for i, _ in self.panes.open_articles()])

    # -- look -------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self.settings.theme = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, name)
            self.panes.set_dark(theme.is_dark(app))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.runner.busy_writing():
            self.show_message("Finishing the current file, then closing — nothing is lost")
        self.compare_pane.save_note()
        self.save_settings()
        self.runner.shutdown()
        close_finished_indexes()  # the reader threads' searchers, now theirs are gone
        super().closeEvent(event)


def zoom_steps(factor: float) -> int:
    """The settings file keeps zoom as a factor (1.0); panes count steps of 10 %."""
    return round((factor - 1.0) * 10)


def zoom_factor(steps: int) -> float:
    return round(1.0 + steps / 10, 2)


def show_later(window: MainWindow, article_ids: list[int]) -> None:
    """Open articles asked for on the command line, or the last session's, once shown."""

    def go() -> None:
        if article_ids:
            for n, article_id in enumerate(article_ids[:4]):
                if n == 0:
                    window.open_article(article_id)
                else:
                    window.panes.open_in_new_pane(article_id)
        else:
            window.restore_session()
        if not window.panes.open_articles():
            window.open_first_pair()
        QTimer.singleShot(800, window.warm_up)

    QTimer.singleShot(0, go)


def _bigrams(text: str) -> set[str]:
    from duizhao.core.text import convert

    plain = convert(text, "t2s")
    return {plain[i : i + 2] for i in range(len(plain) - 1)}


def companion(first: ArticleSummary, rows: list[ArticleSummary]) -> ArticleSummary | None:
    """The article whose title shares most with ``first``'s, in either script:
    another outlet's version of the same story, on a first start."""
    wanted = _bigrams(first.title)
    best, score = None, 0
    for row in rows:
        if row.id == first.id:
            continue
        shared = len(wanted & _bigrams(row.title))
        if shared > score:
            best, score = row, shared
    return best
