"""The main window: library and search as tabs on the left, reading panes in the
middle, the comparison in a wide area below them.

The window owns the pieces and wires their signals together; each piece keeps
its own state. Everything slow goes through the one :class:`TaskRunner`:
imports and index updates on its writer, entities, search and comparison in
its reader pool. The GUI thread keeps its own read-only use of the library
(summaries, opening an article). Actions and menus are built in
:mod:`duizhao.ui.actions`; the trash in :mod:`duizhao.ui.trash`.

Layout
    The left side is a stack of tabbed docks (Library, Search; another panel
    joins them with :meth:`MainWindow.add_left_tab`). The comparison's dock
    sits at the bottom and owns both bottom corners, so it spans the whole
    window and never takes width from the reading panes.

State
    The user's settings (theme, font, zoom, language) are global
    (:mod:`duizhao.ui.settings`); what is open — articles, views, panes, the
    last comparison — belongs to the library and is kept in its own file
    (:mod:`duizhao.ui.session`), so the demo library never opens its
    articles in a user's library, nor the other way round.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from duizhao.core.library import Article, Library
from duizhao.ui import theme
from duizhao.ui.actions import Actions
from duizhao.ui.compare import ComparePane
from duizhao.ui.feeds_panel import FeedsPanel
from duizhao.ui.importing import (
    ImportController,
    ImportOutcome,
    ImportProgress,
    ImportReportDialog,
    read_drop,
)
from duizhao.ui.library_panel import LibraryPanel
from duizhao.ui.panes import PaneArea
from duizhao.ui.reader import EntityLegend, ReadingPane
from duizhao.ui.search import SearchPanel
from duizhao.ui.search.panel import close_finished_indexes
from duizhao.ui.session import (
    CompareState,
    LibraryState,
    PaneState,
    load_state,
    save_state,
    state_path,
)
from duizhao.ui.settings import (
    Settings,
    SettingsError,
    restore_geometry,
    save_geometry,
    save_settings,
)
from duizhao.ui.startup import open_first_pair, zoom_factor, zoom_steps
from duizhao.ui.stories import StoriesPanel
from duizhao.ui.tasks import TaskContext, TaskRunner
from duizhao.ui.trash import TrashController
from duizhao.ui.web_import import UrlImportDialog, clipboard_sources

#: The left-side panels' width at first start, and the least they are narrowed
#: to to give the panes room, in pixels.
LEFT_WIDTH = 360
LEFT_MIN = 200
#: A pane's width besides its text: margins, the folded entity strip, the splitter.
PANE_CHROME = 64


class MainWindow(QMainWindow):
    def __init__(
        self,
        library: Library,
        settings: Settings | None = None,
        *,
        settings_path: Path | None = None,
        state_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings or Settings()
        self.settings_path = settings_path
        if state_file is None and settings_path is not None:
            state_file = state_path(settings_path.parent, library.directory)
        self.state_file = state_file
        self.setWindowTitle(f"Duizhao 对照 — {library.directory}")
        self.setAcceptDrops(True)
        self.runner = TaskRunner(library.directory, parent=self)
        self.trash = TrashController(self.runner, self)

        self.panes = PaneArea(self.runner, self._load_article, self)
        self.setCentralWidget(self.panes)
        self.library_panel = LibraryPanel(self)
        self.search_panel = SearchPanel(self.runner, self)
        self.stories_panel = StoriesPanel(self.runner, self)
        self.compare_pane = ComparePane(self.runner, self)
        self.legend = EntityLegend(self)
        self.importer = ImportController(self.runner, self)
        self.import_progress = ImportProgress(self)
        self.statusBar().addPermanentWidget(self.import_progress)

        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setTabPosition(Qt.DockWidgetArea.LeftDockWidgetArea, QTabWidget.TabPosition.North)
        self.left_docks: list[QDockWidget] = []
        self.library_dock = self.add_left_tab(self.tr("Library"), "libraryDock", self.library_panel)
        self.search_dock = self.add_left_tab(self.tr("Search"), "searchDock", self.search_panel)
        self.stories_dock = self.add_left_tab(self.tr("Stories"), "storiesDock", self.stories_panel)
        self.stories_dock.visibilityChanged.connect(self._stories_shown)
        self.feeds_panel = FeedsPanel(self.runner, self)
        self.feeds_dock = self.add_left_tab(self.tr("Feeds"), "feedsDock", self.feeds_panel)
        self.library_dock.raise_()
        self.compare_dock = self._dock(self.tr("Compare"), "compareDock", self.compare_pane)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.compare_dock)
        self.compare_dock.hide()
        self.resizeDocks([self.library_dock], [LEFT_WIDTH], Qt.Orientation.Horizontal)
        self._ui_font = QFont(self.font())
        self.zoom = 0
        self._stories_grouped = False

        self.actions = Actions(self)
        self._connect()
        self._apply_settings()
        self.actions.sync_checks()
        self.reload()

    def add_left_tab(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        """Put ``widget`` in a dock tabbed with the other left-side panels."""
        dock = self._dock(title, name, widget)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        if self.left_docks:
            self.tabifyDockWidget(self.left_docks[-1], dock)
        self.left_docks.append(dock)
        return dock

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        widget.setAccessibleName(title)
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
        self.compare_pane.compared.connect(self.stories_panel.show_comparison)
        self.stories_panel.open_pair.connect(self.open_side_by_side)
        self.stories_panel.compare_requested.connect(self.compare)
        self.stories_panel.article_activated.connect(self.open_article)
        self.stories_panel.claim_activated.connect(self.panes.reveal)
        self.panes.search_requested.connect(self.search_library)
        self.panes.message.connect(self.show_message)
        self.panes.current_changed.connect(self._on_current_pane)
        self.panes.aid_requested.connect(self.set_reading_aid)
        self.panes.panes_changed.connect(self.make_room)
        self.panes.region_changed.connect(lambda _id: self.reload())
        self.legend.types_changed.connect(self.panes.set_visible_types)
        self.import_progress.bind(self.importer)
        self.importer.finished.connect(self._imported)
        self.importer.failed.connect(self._import_failed)
        self.feeds_panel.fetched.connect(self._imported)
        self.feeds_panel.message.connect(self.show_message)
        self.trash.message.connect(self.show_message)
        self.trash.changed.connect(self.reload)
        self.trash.changed.connect(self._stories_changed)
        self.trash.removed.connect(self._removed_done)

    # -- settings -------------------------------------------------------------

    def _apply_settings(self) -> None:
        s = self.settings
        self.panes.set_visible_types(set(s.visible_types))
        self.legend.set_types(set(s.visible_types))
        app = QApplication.instance()  # "system" may have applied a dark palette
        dark = theme.is_dark(app) if isinstance(app, QApplication) else s.theme == "dark"
        self.panes.set_dark(dark)
        self.set_zoom(zoom_steps(s.zoom))
        self.panes.set_text_font(theme.reading_font(s.font_family, s.font_size))
        self.panes.set_sync_scroll(s.sync_scroll)
        self.panes.set_reading_aid(s.reading_aid)
        self.panes.set_pane_count(s.pane_count)
        self.panes.set_current(self.panes.panes[0])  # reading starts on the left
        self.search_panel.set_sort_order(s.search_sort)
        self.stories_panel.model.set_script(_label_script(s.language))
        if self.settings_path is not None:
            restore_geometry(self, self.settings_path.parent)

    def library_state(self) -> LibraryState:
        """What is open now: panes, views, widths, the active pane, the comparison."""
        panes = [PaneState(p.article_id, p.view_name, p.sidebar_wanted) for p in self.panes.panes]
        active = self.panes.panes.index(self.pane) if self.panes.panes else 0
        compare = self.compare_pane
        return LibraryState(
            library=str(self.library.directory),
            panes=panes,
            active=active,
            sizes=list(self.panes.splitter.sizes()),
            compare=CompareState(
                ids=list(compare.ids),
                topic=compare.topic_text,
                topic_key=compare.current_topic_key(),
                filter=compare.rows_proxy.relation,
                open=not self.compare_dock.isHidden() and len(compare.ids) >= 2,
            ),
        )

    def restore_session(self, state: LibraryState | None = None) -> None:
        """Reopen what was open in this library when its window last closed;
        articles no longer in it are skipped without a word."""
        if state is None:
            if self.state_file is None:
                return
            state, problem = load_state(self.state_file)
            if problem:
                print(f"duizhao: {problem}", file=sys.stderr)
        if state.panes:
            self.panes.set_pane_count(len(state.panes))
        for pane, entry in zip(self.panes.panes, state.panes, strict=False):
            pane.set_view(entry.view)
            pane.set_sidebar_visible(entry.sidebar)
            if entry.article_id is not None:
                self.panes.open_article(entry.article_id, pane, view=entry.view, quiet=True)
        if state.sizes and len(state.sizes) == len(self.panes.panes):
            self.panes.splitter.setSizes(state.sizes)
        if self.panes.panes:
            self.panes.set_current(self.panes.panes[min(state.active, len(self.panes.panes) - 1)])
        compare = state.compare
        if compare.open and len(compare.ids) >= 2:
            known = [i for i in compare.ids if self.library_panel.model.row_of(i) is not None]
            if len(known) >= 2:
                self.compare_pane.set_filter(compare.filter)
                self.compare_dock.show()
                self.compare_pane.compare(known, compare.topic, select_topic=compare.topic_key)

    def save_settings(self) -> None:
        s = self.settings
        s.pane_count = max(2, len(self.panes.panes))
        s.visible_types = sorted(self.panes.visible_types)
        s.sync_scroll = self.panes.sync_scroll
        s.zoom = zoom_factor(self.zoom)
        s.search_sort = self.search_panel.sort_order()
        if self.settings_path is not None:
            try:
                save_settings(self.settings_path, s)
                save_geometry(self, self.settings_path.parent)
            except (SettingsError, OSError) as exc:
                print(f"duizhao: settings not saved: {exc}", file=sys.stderr)
        if self.state_file is not None:
            try:
                save_state(self.state_file, self.library_state())
            except OSError as exc:
                print(f"duizhao: the library's session not saved: {exc}", file=sys.stderr)

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

    @Slot(list)
    def open_side_by_side(self, ids: list[int]) -> None:
        """Open articles in panes side by side (a story's first two)."""
        ids = list(dict.fromkeys(ids))
        while len(self.panes.panes) < len(ids) and self.panes.add_pane() is not None:
            pass
        for article_id, pane in zip(ids, self.panes.panes, strict=False):
            self.panes.open_article(article_id, pane)
        if self.panes.panes:
            self.panes.set_current(self.panes.panes[0])

    def _stories_changed(self) -> None:
        if self._stories_grouped:
            self.stories_panel.refresh()

    @Slot(bool)
    def _stories_shown(self, visible: bool) -> None:
        """Group the library the first time the Stories tab is shown."""
        if visible and not self._stories_grouped:
            self._stories_grouped = True
            self.stories_panel.refresh()

    def open_first_pair(self) -> None:
        open_first_pair(self)

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

    @Slot()
    def make_room(self) -> None:
        """Narrow the left-side panels (down to :data:`LEFT_MIN`) when the panes
        would otherwise be too narrow to read: three panes fit a 1600-pixel
        window with 22 characters a line each."""
        panes = self.panes.panes
        visible = [d for d in self.left_docks if not d.isHidden() and not d.isFloating()]
        if not panes or not visible:
            return
        needed = max(p.readable_width() for p in panes) + PANE_CHROME
        room = self.width() - len(panes) * needed
        current = max(d.width() for d in visible)
        if room < current:
            self.resizeDocks(
                visible, [max(LEFT_MIN, room)] * len(visible), Qt.Orientation.Horizontal
            )

    def set_zoom(self, steps: int) -> None:
        """Zoom every text area: the reading panes (and their lists) through the
        pane area, the library, search and comparison through their fonts."""
        self.panes.set_zoom(steps)
        self.zoom = self.panes.zoom
        font = QFont(self._ui_font)
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(4.0, self._ui_font.pointSizeF() + self.zoom))
        for widget in (self.library_panel, self.search_panel, self.compare_pane):
            widget.setFont(font)
        self.search_panel.delegate.clear_cache()

    # -- import -----------------------------------------------------------------

    def import_files(self) -> None:
        start = self.settings.recent_import_dir or str(Path.home())
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import articles"),
            start,
            self.tr(
                "Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.mht *.mhtml)"
                ";;All files (*)"
            ),
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def import_folder(self) -> None:
        start = self.settings.recent_import_dir or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"), start)
        if folder:
            self.import_paths([Path(folder)])

    def import_urls(self) -> None:
        """Ask for web addresses, then import them like files (see duizhao.ui.web_import)."""
        dialog = UrlImportDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.urls():
            self.importer.start(dialog.urls())

    def paste_article(self) -> None:
        """The clipboard's text or HTML as a new article (or its web addresses, fetched)."""
        sources, reason = clipboard_sources(QGuiApplication.clipboard().mimeData())
        if reason:
            self.show_message(reason)
        elif sources:
            self.importer.start(sources)

    def import_paths(self, paths: list[Path]) -> None:
        if not paths:
            return
        self.settings.recent_import_dir = str(paths[0].parent if paths[0].is_file() else paths[0])
        self.importer.start(paths)

    def _imported(self, outcome: ImportOutcome) -> None:
        self.reload()
        if self._stories_grouped and outcome.imported_ids:
            self.stories_panel.refresh()
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
        self.show_message(self.tr("Import failed: {reason}").format(reason=message))

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

    # -- trash and undo (see duizhao.ui.trash) -----------------------------------

    @Slot(list)
    def remove_articles(self, ids: list[int]) -> None:
        self.trash.remove(ids)

    def _removed_done(self, ids: list[int]) -> None:
        for pane in list(self.panes.panes):
            if pane.article_id in ids:
                pane.clear()

    @Slot()
    def undo_remove(self) -> None:
        self.trash.undo()

    @Slot()
    def reindex(self) -> None:
        self.trash.reindex()

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
            self.show_message(self.tr("Compare needs at least two articles: open or select two"))
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

    def set_language(self, setting: str) -> None:
        """Choose the interface's language (``system``, ``en``, ``zh_CN``, ``zh_TW``):
        kept in the settings, loaded now for what opens from here on, and in
        full when Duizhao next starts."""
        from duizhao.ui.i18n import install

        self.settings.language = setting
        language = install(setting)
        self.stories_panel.model.set_script(_label_script(setting))
        names = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}
        self.show_message(
            self.tr("The interface will be in {language} when Duizhao starts again").format(
                language=names.get(language, language)
            )
        )

    def set_reading_aid(self, on: bool) -> None:
        """Turn the reading aid (pinyin, zhuyin, glosses on hover) on or off in every pane."""
        self.settings.reading_aid = on
        self.panes.set_reading_aid(on)
        action = self.actions.by_name.get("reading_aid")
        if action is not None and action.isChecked() != on:
            action.setChecked(on)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.runner.busy_writing():
            self.show_message(self.tr("Finishing the current file, then closing — nothing is lost"))
        self.compare_pane.save_note()
        self.save_settings()
        self.runner.shutdown()
        close_finished_indexes()  # the reader threads' searchers, now theirs are gone
        super().closeEvent(event)


def _label_script(language: str) -> str:
    """The script story labels are written in for an interface language setting:
    Traditional (Taiwan usage) for 繁體中文, else Simplified."""
    from duizhao.ui.i18n import resolve

    return "taiwan" if resolve(language) == "zh_TW" else "simplified"
