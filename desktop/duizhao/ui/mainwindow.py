"""The main window: the library list beside one reading pane.

The reader issue grows this into side-by-side panes with script views,
entity highlights and search; for now it shows an article's header and text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
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
from duizhao.core.library import Library
from duizhao.ui.models import ARTICLE_ID_ROLE, ArticleListModel


class ReadingPane(QWidget):
    """One article: a header (title, source, date, script, author) and its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setObjectName("paneHeader")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        font = QFont(self.text.font())
        font.setPointSize(max(font.pointSize(), 12) + 1)
        self.text.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        self.article_id: int | None = None
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.article_id = None
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
        self.text.setPlainText(article.text)
        self.article_id = article_id


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
        self.pane = ReadingPane(self)
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
