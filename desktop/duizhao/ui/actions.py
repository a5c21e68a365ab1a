"""Every action of the main window, with its shortcut and area, in menus and a toolbar.

One place lists what the window can do, so menus, the toolbar and the
keyboard never disagree. Each action carries the *area* it belongs to
(:func:`set_area`: File, Edit, View, Panes, Reading, Compare, Library,
Search, Help); the Help → Keyboard shortcuts table
(:mod:`duizhao.ui.shortcuts`) is made from the actions themselves — these,
the comparison pane's, the reading panes' and the library list's — so it can
never fall behind them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from duizhao.ui.areas import plain, set_area
from duizhao.ui.reader.header import VIEW_LABELS

if TYPE_CHECKING:
    from duizhao.ui.mainwindow import MainWindow

#: Interface languages: setting value -> name shown (in its own language).
LANGUAGES = {
    "system": QT_TRANSLATE_NOOP("Actions", "System language"),
    "en": "English",
    "zh_CN": "简体中文",
    "zh_TW": "繁體中文",
}


class Actions(QObject):
    """The window's actions; ``by_name`` reaches any of them (tests use it)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.by_name: dict[str, QAction] = {}
        w = window
        bar = w.menuBar()

        file_menu = bar.addMenu(self.tr("&File"))
        self._area = "file"
        self._add(file_menu, "import_files", self.tr("&Import files…"), "Ctrl+O", w.import_files)
        self._add(
            file_menu, "import_folder", self.tr("Import &folder…"), "Ctrl+Shift+O", w.import_folder
        )
        file_menu.addSeparator()
        self._add(file_menu, "reindex", self.tr("Re&build search index"), "", w.reindex)
        self._add(file_menu, "reload", self.tr("&Reload library"), "F5", w.reload)
        file_menu.addSeparator()
        self._add(
            file_menu,
            "trash",
            self.tr("Move selected to &trash (Del in the list)"),
            "",
            lambda: w.remove_articles(w.library_panel.selected_ids()),
        )
        self._add(file_menu, "undo_remove", self.tr("&Undo move to trash"), "Ctrl+Z", w.undo_remove)
        file_menu.addSeparator()
        self._add(file_menu, "quit", self.tr("&Quit"), "Ctrl+Q", w.close)

        edit = bar.addMenu(self.tr("&Edit"))
        self._area = "edit"
        self._add(edit, "find", self.tr("&Find in pane…"), "Ctrl+F", lambda: w.pane.open_find())
        self._add(edit, "search", self.tr("&Search library…"), "Ctrl+Shift+F", w.focus_search)
        self._add(
            edit, "filter", self.tr("Filter &library list"), "Ctrl+L", w.library_panel.focus_filter
        )

        view = bar.addMenu(self.tr("&View"))
        self._area = "view"
        self.view_group = QActionGroup(w)
        for number, (name, label) in enumerate(VIEW_LABELS.items(), start=1):
            action = self._add(
                view,
                f"view_{name}",
                self.tr("All panes: {view}").format(view=label),
                f"Ctrl+{number}",
                lambda n=name: w.panes.set_all_views(n),
                checkable=True,
            )
            self.view_group.addAction(action)
        view.addSeparator()
        self._add(view, "zoom_in", self.tr("Zoom &in"), "Ctrl++", lambda: w.set_zoom(w.zoom + 1))
        self._add(view, "zoom_out", self.tr("Zoom &out"), "Ctrl+-", lambda: w.set_zoom(w.zoom - 1))
        self._add(view, "zoom_reset", self.tr("&Reset zoom"), "Ctrl+0", lambda: w.set_zoom(0))
        view.addSeparator()
        themes = QActionGroup(w)
        for name, label in (("light", self.tr("&Light theme")), ("dark", self.tr("&Dark theme"))):
            action = self._add(view, f"theme_{name}", label, "", lambda n=name: w.set_theme(n))
            action.setCheckable(True)
            themes.addAction(action)
        self._add(view, "font", self.tr("Reading &font…"), "", self.choose_font)
        language = view.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(w)
        for code, label in LANGUAGES.items():
            shown = QCoreApplication.translate("Actions", label) if code == "system" else label
            action = self._add(
                language,
                f"language_{code}",
                shown,
                "",
                lambda c=code: w.set_language(c),
                checkable=True,
            )
            self.language_group.addAction(action)
        view.addSeparator()
        for dock, key in (
            (w.library_dock, "Ctrl+Shift+L"),
            (w.search_dock, ""),
            (w.compare_dock, "Ctrl+Shift+K"),
        ):
            toggle = dock.toggleViewAction()
            if key:
                toggle.setShortcut(QKeySequence(key))
            set_area(toggle, "view")
            view.addAction(toggle)

        panes = bar.addMenu(self.tr("&Panes"))
        self._area = "panes"
        self._add(panes, "pane_add", self.tr("&Add pane"), "Ctrl+T", w.panes.add_pane)
        self._add(
            panes, "pane_close", self.tr("&Close pane"), "Ctrl+W", lambda: w.panes.close_pane()
        )
        self._add(
            panes, "pane_next", self.tr("&Next pane"), "Ctrl+Tab", lambda: w.panes.step_current(1)
        )
        self._add(
            panes,
            "pane_previous",
            self.tr("&Previous pane"),
            "Ctrl+Shift+Tab",
            lambda: w.panes.step_current(-1),
        )
        panes.addSeparator()
        self._add(
            panes,
            "sync_scroll",
            self.tr("&Synchronised scrolling"),
            "Ctrl+Shift+S",
            lambda: w.panes.set_sync_scroll(self.by_name["sync_scroll"].isChecked()),
            checkable=True,
        )
        self._area = "reading"
        self._add(
            panes,
            "entity_list",
            self.tr("Show or fold the &entity list"),
            "Ctrl+E",
            lambda: w.pane.set_sidebar_visible(not w.pane.sidebar_open),
        )
        self._add(
            panes,
            "reading_aid",
            self.tr("&Reading aid: pinyin and glosses"),
            "Ctrl+Shift+R",
            lambda: w.set_reading_aid(self.by_name["reading_aid"].isChecked()),
            checkable=True,
        )
        self._add(
            panes,
            "aid_word",
            self.tr("Reading aid for the word at the cursor"),
            "F2",
            lambda: w.pane.show_aid_at_cursor(),
        )

        compare = bar.addMenu(self.tr("&Compare"))
        self._area = "compare"
        self._add(
            compare,
            "compare_open",
            self.tr("Compare &open articles"),
            "Ctrl+Shift+C",
            w.compare_open,
        )
        self._add(
            compare,
            "compare_selected",
            self.tr("Compare &selected articles"),
            "Ctrl+Shift+M",
            lambda: w.compare(w.library_panel.selected_ids()),
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        self._area = "help"
        self._add(help_menu, "shortcuts", self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts)
        self._add(help_menu, "about", self.tr("&About Duizhao"), "", self.show_about)

        toolbar = QToolBar(self.tr("Main"), w)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for name in ("import_files", "pane_add", "sync_scroll", "compare_open", "reading_aid"):
            toolbar.addAction(self.by_name[name])
        toolbar.addSeparator()
        for name in VIEW_LABELS:
            button_action = self.by_name[f"view_{name}"]
            toolbar.addAction(button_action)
        toolbar.addSeparator()
        toolbar.addWidget(w.legend)
        w.addToolBar(toolbar)
        self.toolbar = toolbar
        for name, label in VIEW_LABELS.items():
            self.by_name[f"view_{name}"].setIconText(label)
        self.by_name["reading_aid"].setIconText(self.tr("Pinyin"))

    def _add(
        self,
        menu: QMenu,
        name: str,
        text: str,
        shortcut: str,
        slot: Callable[[], object],
        *,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            shown = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{plain(text)} ({shown})")
        action.setIconText(plain(text))
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        set_area(action, self._area)
        menu.addAction(action)
        self.by_name[name] = action
        return action

    def sync_view_choice(self, view: str) -> None:
        """Tick the view the current pane shows (the global toggle reflects it)."""
        action = self.by_name.get(f"view_{view}")
        if action is not None:
            action.setChecked(True)

    def sync_checks(self) -> None:
        """Tick what the settings turned on: synchronised scrolling, the theme in
        use, the language chosen, the reading aid."""
        w = self.window
        self.by_name["sync_scroll"].setChecked(w.panes.sync_scroll)
        dark = w.panes.dark
        self.by_name[f"theme_{'dark' if dark else 'light'}"].setChecked(True)
        language = self.by_name.get(f"language_{w.settings.language}")
        if language is not None:
            language.setChecked(True)
        self.by_name["reading_aid"].setChecked(w.settings.reading_aid)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(action, keys) of every shortcut the window knows, as the F1 table lists them."""
        from duizhao.ui.shortcuts import collect_shortcuts

        return [(row.text, row.keys) for row in collect_shortcuts(self.window)]

    def show_shortcuts(self) -> None:
        from duizhao.ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.window, self.window)
        self.shortcuts_dialog = dialog
        dialog.open()

    def show_about(self) -> None:
        from duizhao.ui.about import AboutDialog

        dialog = AboutDialog(self.window.library.directory, self.window)
        dialog.open()

    def choose_font(self) -> None:
        from PySide6.QtWidgets import QFontDialog

        w = self.window
        current = w.panes.text_font
        ok, font = QFontDialog.getFont(current, w) if current else QFontDialog.getFont(w)
        if ok:
            w.settings.font_family = font.family()
            w.settings.font_size = max(8, min(48, font.pointSize()))
            w.panes.set_text_font(font)
