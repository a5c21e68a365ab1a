"""Themes switch the palette both ways; CJK font lookup finds a font that shows Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFontDatabase, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from duizhao.ui import theme
from duizhao.ui.theme import (
    apply_theme,
    cjk_font_families,
    current_theme,
    default_cjk_font,
    is_dark,
    reading_font,
)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The shared application, its look restored afterwards for the other tests."""
    palette, sheet, style = QPalette(qapp.palette()), qapp.styleSheet(), qapp.style().name()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)
    qapp.setProperty(theme.THEME_PROPERTY, None)


def test_dark_then_light(app: QApplication) -> None:
    assert apply_theme(app, "dark") == "dark"
    assert is_dark(app)
    sheet = app.styleSheet()
    app.setStyleSheet("")  # the style sheet wraps the style; look at the style itself
    assert app.style().name().lower() == "fusion"
    app.setStyleSheet(sheet)
    assert current_theme(app) == "dark"
    assert "paneHeader" in app.styleSheet()
    dark_window = app.palette().color(QPalette.ColorRole.Window)
    assert apply_theme(app, "light") == "light"
    assert not is_dark(app)
    assert app.palette().color(QPalette.ColorRole.Window) != dark_window
    assert current_theme(app) == "light"


def test_widgets_follow_the_palette(app: QApplication, qtbot) -> None:
    label = QLabel("对照")
    qtbot.add_widget(label)
    apply_theme(app, "dark")
    app.processEvents()  # the palette change reaches existing widgets as an event
    text = label.palette().color(QPalette.ColorRole.WindowText)
    assert text.lightness() > 128  # light text on a dark window


def test_text_and_base_contrast_in_both_themes(app: QApplication) -> None:
    for name in ("light", "dark"):
        apply_theme(app, name)
        p = app.palette()
        text = p.color(QPalette.ColorRole.Text).lightness()
        base = p.color(QPalette.ColorRole.Base).lightness()
        assert abs(text - base) > 150, name
        disabled = p.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        assert disabled != p.color(QPalette.ColorRole.Text)


def test_system_follows_the_platform(app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    assert apply_theme(app, "system") == "dark"
    assert current_theme(app) == "system"
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: False)
    assert apply_theme(app, "system") == "light"


def test_unknown_theme_is_system(app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: False)
    assert apply_theme(app, "neon") == "light"
    assert current_theme(app) == "system"


def test_cjk_families_support_chinese(qapp: QApplication) -> None:
    families = cjk_font_families()
    if not families:
        pytest.skip("no font supporting Chinese is installed")
    assert families == sorted(families, key=str.casefold)
    simplified = QFontDatabase.WritingSystem.SimplifiedChinese
    traditional = QFontDatabase.WritingSystem.TraditionalChinese
    for family in families:
        systems = QFontDatabase.writingSystems(family)
        assert simplified in systems or traditional in systems


def test_default_font_prefers_known_families(qapp: QApplication) -> None:
    font = default_cjk_font(17)
    assert font.pointSize() == 17
    families = cjk_font_families()
    if not families:
        pytest.skip("no font supporting Chinese is installed")
    assert font.family() in families
    preferred = [f for f in theme.PREFERRED_CJK if f in families]
    if preferred:
        assert font.family() == preferred[0]
    assert QFontMetrics(font).inFont("对")


def test_default_font_without_any_cjk_family(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(theme, "cjk_font_families", list)
    font = default_cjk_font(12)
    assert font.pointSize() == 12
    assert font.family() == QApplication.font().family()


def test_reading_font_uses_the_choice_only_when_installed(qapp: QApplication) -> None:
    assert reading_font("No Such Font 12345", 15).family() == default_cjk_font(15).family()
    installed = QFontDatabase.families()[0]
    chosen = reading_font(installed, 22)
    assert (chosen.family(), chosen.pointSize()) == (installed, 22)
    assert reading_font("", 9).pointSize() == 9
