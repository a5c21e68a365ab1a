"""The main window: the library list beside one reading pane.

The reader issue grows this into side-by-side panes with script views,
entity highlights and search; for now it shows an article's header and text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from duizhao import __version__
from duizhao.core.article import Article
from duizhao.core.library import Library
from duizhao.core.script import View, ViewCache
from duizhao.ui.models import ARTICLE_ID_ROLE, ArticleListModel

VIEW_LABELS = {
    "original": "原文",
    "simplified": "简体",
    "traditional": "繁體",
    "taiwan": "臺灣",
    "hongkong": "香港",
}


class ReadingPane(QWidget):
    """One article: a header (title, source, date, script, author), a script-view
    selector and the text. Switching views keeps the reading position: the first
    visible character is mapped to the original and back into the new view."""

    view_changed = Signal(str)

    def __init__(self, views: ViewCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views = views
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setObjectName("paneHeader")
        self.selector = QComboBox(self)
        self.selector.setObjectName("viewSelector")
        for name, label in VIEW_LABELS.items():
            self.selector.addItem(label, name)
        self.selector.setToolTip("Script view of this pane (Ctrl+1 … Ctrl+5)")
        self.selector.currentIndexChanged.connect(self._on_selector)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        font = QFont(self.text.font())
        font.setPointSize(max(font.pointSize(), 12) + 1)
        self.text.setFont(font)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.selector, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        self.article: Article | None = None
        self.view: View | None = None
        self.show_placeholder()

    @property
    def article_id(self) -> int | None:
        return None if self.article is None else self.article.id

    @property
    def view_name(self) -> str:
        return str(self.selector.currentData())

    def show_placeholder(self) -> None:
        self.article = None
        self.view = None
        self.header.setText("")
        self.text.setPlainText("")
        self.text.setPlaceholderText("Double-click an article in the library to read it.")

    def show_article(self, library: Library, article_id: int) -> None:
        article = library.get(article_id)
        meta = article.metadata
        published = meta.published or ""
        if published and meta.published_estimated:
            published = f"≈{published} (from the text)"
        details = [
            meta.source,
            published,
            f"作者 {meta.author}" if meta.author else None,
            f"译者 {meta.translator}" if meta.translator else None,
            str(article.script),
        ]
        self.header.setText(article.title + "\n" + " · ".join(d for d in details if d))
        self.article = article
        self._render(original_position=0)

    def set_view(self, name: str) -> None:
        index = self.selector.findData(name)
        if index >= 0:
            self.selector.setCurrentIndex(index)

    def first_visible_original(self) -> int:
        """The original-text offset of the first character shown at the top."""
        if self.view is None:
            return 0
        position = self.text.cursorForPosition(QPoint(0, 0)).position()
        return self.view.to_original_from_utf16(position, position)[0]

    @Slot(int)
    def _on_selector(self, _index: int) -> None:
        if self.article is not None:
            self._render(self.first_visible_original())
        self.view_changed.emit(self.view_name)

    def _render(self, original_position: int) -> None:
        article = self.article
        assert article is not None
        self.view = self.views.get(
            article.content_hash, article.text, article.script, self.view_name
        )
        self.text.setPlainText(self.view.text)
        self.scroll_to_original(original_position)

    def scroll_to_original(self, position: int) -> None:
        """Put the line holding original offset ``position`` at the top of the pane."""
        if self.view is None:
            return
        start, _ = self.view.to_view_utf16(position, position)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.maximum())  # scroll past, then back: the line lands on top
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()


class MainWindow(QMainWindow):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(f"Duizhao 对照 — {library.directory}")
        self.model = ArticleListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(False)
        self.list.setObjectName("libraryList")
        self.views = ViewCache()
        self.pane = ReadingPane(self.views, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 900])
        self.setCentralWidget(splitter)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        self._build_menus()
        self.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        reload_action = QAction("&Reload library", self)
        reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        reload_action.triggered.connect(self.reload)
        file_menu.addAction(reload_action)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu("&View")
        for number, (name, label) in enumerate(VIEW_LABELS.items(), start=1):
            action = QAction(f"{label} ({name})", self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, n=name: self.pane.set_view(n))
            view_menu.addAction(action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Duizhao", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    @Slot()
    def reload(self) -> None:
        self.model.set_articles(self.library.summaries())
        self.statusBar().showMessage(f"{self.model.rowCount()} articles")

    def open_article(self, article_id: int) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            self.statusBar().showMessage(f"No article with id {article_id}", 5000)
            return False
        self.list.setCurrentIndex(self.model.index(row))
        return True

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.pane.show_article(self.library, indexes[0].data(ARTICLE_ID_ROLE))

    @Slot()
    def show_about(self) -> None:
        import PySide6

        QMessageBox.about(
            self,
            "About Duizhao",
            f"Duizhao 对照 {__version__}\nPySide6 {PySide6.__version__}\n"
            f"Library: {Path(self.library.directory)}",
        )
