"""The interface's language: 简体中文, 繁體中文 or English, through Qt's translators.

Every visible string of the window is written in English in the code and
marked for translation (``self.tr``, ``QCoreApplication.translate`` or
``QT_TRANSLATE_NOOP``); ``resources/translations/duizhao_zh_CN.ts`` and
``duizhao_zh_TW.ts`` hold the project's own translations, and
``packaging/translations.py`` compiles them to ``.qm`` with the ``lrelease``
PySide6 ships (``./dev`` does it on set-up, the package build before
freezing). At start :func:`install` loads the ``.qm`` for the language chosen
in the settings — ``system`` follows the system locale: any Chinese locale of
Taiwan, Hong Kong or Macau, or written ``Hant``, gets 繁體中文, any other
Chinese one 简体中文, everything else English — together with Qt's own
``qtbase`` translations (the standard buttons, a text field's menu).

:func:`resolve` says which language a setting means on this system;
:func:`translations_dir` where the ``.qm`` files are looked for.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from duizhao.core.resources import ResourceError, resource_path

LANGUAGES = ("en", "zh_CN", "zh_TW")
_TRADITIONAL_TERRITORIES = {
    QLocale.Country.Taiwan,
    QLocale.Country.HongKong,
    QLocale.Country.Macao,
}


def resolve(setting: str, locale: QLocale | None = None) -> str:
    """The language (``en``, ``zh_CN`` or ``zh_TW``) that ``setting`` means here."""
    if setting in LANGUAGES:
        return setting
    locale = locale or QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    if (
        locale.script() == QLocale.Script.TraditionalChineseScript
        or locale.territory() in _TRADITIONAL_TERRITORIES
    ):
        return "zh_TW"
    return "zh_CN"


def translations_dir() -> Path | None:
    """Where the compiled ``.qm`` files are (``resources/translations``), if anywhere."""
    try:
        return resource_path("translations")
    except ResourceError:
        return None


def qm_path(language: str, directory: Path | None = None) -> Path | None:
    directory = directory or translations_dir()
    if directory is None:
        return None
    path = directory / f"duizhao_{language}.qm"
    return path if path.is_file() else None


_installed: list[QTranslator] = []


def install(setting: str, directory: Path | None = None) -> str:
    """Load the translations ``setting`` asks for into the application (replacing
    any loaded before); returns the language in force. English needs none; a
    missing ``.qm`` leaves the interface in English and says so on stderr."""
    app = QCoreApplication.instance()
    language = resolve(setting)
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    if language == "en" or app is None:
        return "en"
    ours = qm_path(language, directory)
    if ours is None:
        import sys

        print(
            f"duizhao: no translations for {language} (duizhao_{language}.qm not built); "
            "the interface stays in English",
            file=sys.stderr,
        )
        return "en"
    translator = QTranslator(app)
    if translator.load(str(ours)):
        app.installTranslator(translator)
        _installed.append(translator)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for folder in (directory or ours.parent, Path(qt_dir)):
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", str(folder)):
            app.installTranslator(qt)
            _installed.append(qt)
            break
    return language
