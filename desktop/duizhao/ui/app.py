"""Start the Qt application on a library and show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from duizhao import __version__
from duizhao.core.library import Library, LibraryError
from duizhao.core.resources import resource_path
from duizhao.ui.mainwindow import MainWindow


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Duizhao")
    app.setApplicationDisplayName("Duizhao 对照")
    app.setOrganizationName("duizhao")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("duizhao")  # matches packaging/deb/duizhao.desktop
    icon = resource_path("icons/duizhao.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run(directory: Path, article_ids: list[int]) -> int:
    app = create_app()
    try:
        library = Library.open(directory)
    except LibraryError as exc:
        QMessageBox.critical(None, "Duizhao", str(exc))
        print(f"duizhao: {exc}", file=sys.stderr)
        return 1
    window = MainWindow(library)
    window.resize(1280, 800)
    window.show()
    for article_id in article_ids[:1]:
        window.open_article(article_id)
    if not article_ids and window.model.rowCount():
        window.list.setCurrentIndex(window.model.index(0))
    try:
        return app.exec()
    finally:
        library.close()
