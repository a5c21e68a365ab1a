"""Start the Qt application on a library and show the main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from duizhao import __version__
from duizhao.core.library import Library, LibraryError
from duizhao.core.resources import resource_path
from duizhao.locations import cache_dir
from duizhao.ui import theme
from duizhao.ui.i18n import install as install_language
from duizhao.ui.mainwindow import MainWindow
from duizhao.ui.settings import load_settings, settings_path
from duizhao.ui.startup import show_later


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
    from duizhao.core.meaning import Encoder, use_shared_encoder

    use_shared_encoder(Encoder(cache_dir() / "encoder"))  # loaded on first comparison
    try:
        library = Library.open(directory, verify=True)  # a damaged library is not written to
    except LibraryError as exc:
        QMessageBox.critical(None, "Duizhao 对照", str(exc))
        print(f"duizhao: {exc}", file=sys.stderr)
        return 1
    path = settings_path()
    settings, warnings = load_settings(path)
    install_language(settings.language)
    theme.apply_theme(app, settings.theme)
    window = MainWindow(library, settings, settings_path=path)
    if not QSettings().contains("window/geometry"):
        window.resize(1440, 900)
    window.show()
    for warning in warnings:
        print(f"duizhao: settings: {warning}", file=sys.stderr)
    if warnings:
        window.show_message(
            QCoreApplication.translate("MainWindow", "Settings: {warning} (defaults used)").format(
                warning=warnings[0]
            )
        )
    show_later(window, article_ids)
    if os.environ.get("DUIZHAO_QUIT_WHEN_SHOWN"):
        # For the start-up benchmark: say when the first frame is up, then leave.
        def shown() -> None:
            print(f"shown {time.monotonic():.6f}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, shown)
    try:
        return app.exec()
    finally:
        library.close()
