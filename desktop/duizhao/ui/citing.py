"""File → Export citations…: the selected articles as RIS or CSL-JSON.

:class:`CitationExport` asks for a file (:attr:`save_file_name`, replaceable
in tests), picks the format from the filter or the suffix (``.ris`` or
``.json``), writes the citations the core makes
(:func:`duizhao.core.library.citation`) through a temporary file, and says
in the status bar what it wrote or why it could not. Reading a few articles'
metadata is quick, so it runs where the window reads an article to open it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from duizhao.core.ingest import outlet_name
from duizhao.core.library import CITATION_FORMATS, LibraryError, citation

if TYPE_CHECKING:
    from duizhao.ui.mainwindow import MainWindow

#: Each format's file suffix.
SUFFIXES = {"ris": ".ris", "csljson": ".json"}


class CitationExport(QObject):
    message = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.save_file_name: Callable[..., tuple[str, str]] = QFileDialog.getSaveFileName
        self.export_dir = Path.home()

    def filters(self) -> dict[str, str]:
        return {
            "ris": self.tr("RIS for reference managers (*.ris)"),
            "csljson": self.tr("CSL-JSON (*.json)"),
        }

    def export(self, ids: list[int], path: Path | str | None = None) -> Path | None:
        """Write the citations of articles ``ids``; ask for the file unless ``path`` is given."""
        if not ids:
            self.message.emit(self.tr("Select articles in the library to export their citations."))
            return None
        filters = self.filters()
        chosen_filter = ""
        if path is None:
            chosen, chosen_filter = self.save_file_name(
                self.window,
                self.tr("Export citations"),
                str(self.export_dir / "citations.ris"),
                ";;".join(filters.values()),
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        fmt = next((f for f, text in filters.items() if text == chosen_filter), None)
        if fmt is None:
            fmt = "csljson" if target.suffix.lower() == ".json" else "ris"
        if not target.suffix:
            target = target.with_suffix(SUFFIXES[fmt])
        try:
            articles = [self.window.library.get(i) for i in sorted(set(ids))]
            found = [
                citation(a, outlet_name(a.origin.outlet, a.metadata.source)) for a in articles
            ]
            _write(target, CITATION_FORMATS[fmt](found))
        except (OSError, LibraryError) as exc:
            self.message.emit(self.tr("Citations not written: {reason}").format(reason=exc))
            return None
        self.export_dir = target.parent
        self.message.emit(
            self.tr("Citations of {count} articles written to {path}").format(
                count=len(found), path=target
            )
        )
        return target


def _write(target: Path, text: str) -> None:
    """Through a temporary file beside ``target``: a failure never leaves half a file."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8", newline="")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
