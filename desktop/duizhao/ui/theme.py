"""Light and dark themes, and the fonts that can show Chinese.

- :func:`apply_theme` — Fusion style with our light or dark :class:`QPalette`
  ("system" follows the platform's colour scheme) and a small stylesheet for
  the objects named below; :func:`is_dark` tells which one is in force.
- :func:`cjk_font_families` — installed families that support Simplified or
  Traditional Chinese; :func:`default_cjk_font` picks the best known one;
  :func:`reading_font` honours the user's choice when it is installed.

Object names styled here (set them with ``setObjectName``):
``paneHeader`` (the strip above a reading pane), ``paneTitle`` (its label),
``importProgress`` (the status-bar import widget) and ``hint`` (quiet
explanatory text).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("light", "dark", "system")
THEME_PROPERTY = "duizhao_theme"

#: Preferred reading fonts, best first: Noto/Source Han on Linux, then what
#: Windows and macOS ship. The first installed one wins.
PREFERRED_CJK = (
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Source Han Sans TC",
    "Source Han Sans TW",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "Microsoft JhengHei",
    "PingFang SC",
    "PingFang TC",
    "Hiragino Sans GB",
    "Noto Serif CJK SC",
    "Droid Sans Fallback",
)

_R = QPalette.ColorRole
_G = QPalette.ColorGroup

# role: (light, dark)
_COLOURS: dict[QPalette.ColorRole, tuple[str, str]] = {
    _R.Window: ("#f3f3f1", "#26282b"),
    _R.WindowText: ("#1d1d1f", "#e4e4e2"),
    _R.Base: ("#ffffff", "#1c1d20"),
    _R.AlternateBase: ("#f7f6f2", "#2a2c30"),
    _R.ToolTipBase: ("#fffbe6", "#34363b"),
    _R.ToolTipText: ("#1d1d1f", "#e4e4e2"),
    _R.PlaceholderText: ("#8a8a8a", "#8b8d92"),
    _R.Text: ("#1d1d1f", "#e4e4e2"),
    _R.Button: ("#ecebe8", "#303237"),
    _R.ButtonText: ("#1d1d1f", "#e4e4e2"),
    _R.BrightText: ("#c62828", "#ff7961"),
    _R.Light: ("#ffffff", "#3c3f45"),
    _R.Midlight: ("#e2e1dd", "#33363b"),
    _R.Mid: ("#c4c3bf", "#24262a"),
    _R.Dark: ("#a09f9b", "#141518"),
    _R.Shadow: ("#6d6c69", "#000000"),
    _R.Highlight: ("#2f6fb0", "#4a8fd6"),
    _R.HighlightedText: ("#ffffff", "#ffffff"),
    _R.Link: ("#1f5fa6", "#7db4f0"),
    _R.LinkVisited: ("#6b3fa0", "#b597e6"),
}
_DISABLED: dict[QPalette.ColorRole, tuple[str, str]] = {
    _R.WindowText: ("#9a9a98", "#77797e"),
    _R.Text: ("#9a9a98", "#77797e"),
    _R.ButtonText: ("#9a9a98", "#77797e"),
    _R.Base: ("#f3f3f1", "#232427"),
    _R.Highlight: ("#b9b9b6", "#45484e"),
}

_STYLESHEET = """
QWidget#paneHeader {{
    background: {header};
    border-bottom: 1px solid {line};
}}
QLabel#paneTitle {{
    font-weight: 600;
}}
QWidget#importProgress QProgressBar {{
    max-height: 14px;
}}
QLabel#hint {{
    color: {hint};
}}
"""
_SHEET_COLOURS = {
    "light": {"header": "#e9e8e4", "line": "#d0cfca", "hint": "#6d6d6b"},
    "dark": {"header": "#2e3035", "line": "#1a1b1e", "hint": "#9a9ca1"},
}


def palette(dark: bool) -> QPalette:
    """Our light or dark palette."""
    pick = 1 if dark else 0
    result = QPalette()
    for role, colours in _COLOURS.items():
        result.setColor(role, QColor(colours[pick]))
    for role, colours in _DISABLED.items():
        result.setColor(_G.Disabled, role, QColor(colours[pick]))
    return result


def system_prefers_dark() -> bool:
    """What the platform asks for; light when it does not say."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply ``theme`` ("light", "dark" or "system"); returns "light" or "dark"
    as applied. An unknown name is taken as "system"."""
    if theme not in THEMES:
        theme = "system"
    dark = system_prefers_dark() if theme == "system" else theme == "dark"
    applied = "dark" if dark else "light"
    if app.property(THEME_PROPERTY) is None:  # the first call: Fusion, on every platform
        app.setStyle("Fusion")
    app.setPalette(palette(dark))
    app.setStyleSheet(_STYLESHEET.format(**_SHEET_COLOURS[applied]))
    app.setProperty(THEME_PROPERTY, theme)
    return applied


def is_dark(app: QApplication) -> bool:
    """Whether the application's window colour is dark, whatever set it."""
    return app.palette().color(_R.Window).lightness() < 128


def current_theme(app: QApplication) -> str:
    """The name last given to :func:`apply_theme` ("system" when never called)."""
    value = app.property(THEME_PROPERTY)
    return value if value in THEMES else "system"


# -- fonts --------------------------------------------------------------------------


def cjk_font_families() -> list[str]:
    """Installed font families that support Simplified or Traditional Chinese, sorted."""
    systems = (
        QFontDatabase.WritingSystem.SimplifiedChinese,
        QFontDatabase.WritingSystem.TraditionalChinese,
    )
    found: set[str] = set()
    for system in systems:
        found.update(QFontDatabase.families(system))
    # "@Font" families on Windows are the vertical-writing variants
    return sorted((f for f in found if not f.startswith("@")), key=str.casefold)


def default_cjk_font(size: int = 14) -> QFont:
    """The preferred installed CJK family at ``size`` points; the application font
    (with Qt's own fallback) when no family supporting Chinese is installed."""
    installed = cjk_font_families()
    family = next((f for f in PREFERRED_CJK if f in installed), None)
    if family is None and installed:
        family = installed[0]
    font = QFont(family) if family else QFont(QGuiApplication.font())
    font.setPointSize(max(1, size))
    return font


def reading_font(family: str, size: int) -> QFont:
    """The user's ``family`` if installed, else :func:`default_cjk_font`."""
    if family and family in QFontDatabase.families():
        font = QFont(family)
        font.setPointSize(max(1, size))
        return font
    return default_cjk_font(size)
