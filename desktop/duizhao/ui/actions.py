"""Every action of the main window, with its shortcut, in menus and a toolbar.

One place lists what the window can do, so menus, the toolbar and the
keyboard never disagree and the Help → Keyboard shortcuts list is generated
from the same actions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QToolBar

from duizhao.ui.reader.header import VIEW_LABELS

if TYPE_CHECKING:
    from duizhao.ui.mainwindow import MainWindow



class Actions:
    """The window's actions; ``by_name`` reaches any of them (tests use it)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.by_name: dict[str, QAction] = {}
        w = window
        bar = w.menuBar()

        file_menu = bar.addMenu("&File")
        self._add(file_menu, "import_files", "&Import files…", "Ctrl+O", w.import_files)
        self._add(file_menu, "import_folder", "Import &folder…", "Ctrl+Shift+O", w.import_folder)
        file_menu.addSeparator()
        self._add(file_menu, "reindex", "Re&build search index", "", w.reindex)
        self._add(file_menu, "reload", "&Reload library", "F5", w.reload)
        file_menu.addSeparator()
        self._add(
            file_menu,
            "trash",
            "Move selected to &trash (Del in the list)",
            "",
            lambda: w.remove_articles(w.library_panel.selected_ids()),
        )
        self._add(file_menu, "undo_remove", "&Undo move to trash", "Ctrl+Z", w.undo_remove)
        file_menu.addSeparator()
        self._add(file_menu, "quit", "&Quit", "Ctrl+Q", w.close)

        edit = bar.addMenu("&Edit")
        self._add(edit, "find", "&Find in pane…", "Ctrl+F", lambda: w.pane.open_find())
        self._add(edit, "search", "&Search library…", "Ctrl+Shift+F", w.focus_search)
        self._add(
            edit, "filter", "Filter &library list", "Ctrl+L", w.library_panel.focus_filter
        )

        view = bar.addMenu("&View")
        self.view_group = QActionGroup(w)
        for number, (name, label) in enumerate(VIEW_LABELS.items(), start=1):
            action = self._add(
                view,
                f"view_{name}",
                f"All panes: {label}",
                f"Ctrl+{number}",
                lambda n=name: w.panes.set_all_views(n),
                checkable=True,
            )
            self.view_group.addAction(action)
        view.addSeparator()
        self._add(view, "pane_add", "&Add pane", "Ctrl+T", w.panes.add_pane)
        self._add(view, "pane_close", "&Close pane", "Ctrl+W", lambda: w.panes.close_pane())
        self._add(
            view,
            "sync_scroll",
            "&Synchronised scrolling",
            "Ctrl+Shift+S",
            lambda: w.panes.set_sync_scroll(self.by_name["sync_scroll"].isChecked()),
            checkable=True,
        )
        view.addSeparator()
        self._add(view, "zoom_in", "Zoom &in", "Ctrl++", lambda: w.panes.set_zoom(w.panes.zoom + 1))
        self._add(
            view, "zoom_out", "Zoom &out", "Ctrl+-", lambda: w.panes.set_zoom(w.panes.zoom - 1)
        )
        self._add(view, "zoom_reset", "&Reset zoom", "Ctrl+0", lambda: w.panes.set_zoom(0))
        view.addSeparator()
        themes = QActionGroup(w)
        for name, label, key in (("light", "&Light theme", ""), ("dark", "&Dark theme", "")):
            action = self._add(view, f"theme_{name}", label, key, lambda n=name: w.set_theme(n))
            action.setCheckable(True)
            themes.addAction(action)
        self._add(view, "font", "Reading &font…", "", self.choose_font)
        view.addSeparator()
        for dock, key in ((w.library_dock, "Ctrl+Shift+L"), (w.search_dock, ""),
                          (w.compare_dock, "Ctrl+Shift+K")):
            toggle = dock.toggleViewAction()
            if key:
                toggle.setShortcut(QKeySequence(key))
            view.addAction(toggle)

        compare = bar.addMenu("&Compare")
        self._add(
            compare, "compare_open", "Compare &open articles", "Ctrl+Shift+C", w.compare_open
        )
        self._add(
            compare,
            "compare_selected",
            "Compare &selected articles",
            "Ctrl+Shift+M",
            lambda: w.compare(w.library_panel.selected_ids()),
        )

        help_menu = bar.addMenu("&Help")
        self._add(help_menu, "shortcuts", "&Keyboard shortcuts", "F1", self.show_shortcuts)
        self._add(help_menu, "about", "&About Duizhao", "", self.show_about)

        toolbar = QToolBar("Main", w)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for name in ("import_files", "pane_add", "sync_scroll", "compare_open"):
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
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})")
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.by_name[name] = action
        return action

    def sync_view_choice(self, view: str) -> None:
        """Tick the view the current pane shows (the global toggle reflects it)."""
        action = self.by_name.get(f"view_{view}")
        if action is not None:
            action.setChecked(True)

    def sync_checks(self) -> None:
        """Tick what the settings turned on: synchronised scrolling, the theme in use."""
        w = self.window
        self.by_name["sync_scroll"].setChecked(w.panes.sync_scroll)
        dark = w.panes.dark
        self.by_name[f"theme_{'dark' if dark else 'light'}"].setChecked(True)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        for action in self.by_name.values():
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if key:
                rows.append((action.text().replace("&", ""), key))
        return rows

    def show_shortcuts(self) -> None:
        text = "\n".join(f"{key:<16}{label}" for label, key in self.shortcut_rows())
        box = QMessageBox(self.window)
        box.setWindowTitle("Keyboard shortcuts")
        box.setText("Keyboard shortcuts")
        box.setInformativeText(text)
        box.open()

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
