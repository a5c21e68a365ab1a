"""The interface's translations: update the ``.ts`` sources, compile the ``.qm`` files.

    python packaging/translations.py update     # lupdate: new strings into the .ts files
    python packaging/translations.py compile    # lrelease: .ts -> resources/translations/*.qm
    python packaging/translations.py check      # every string translated in every .ts

``resources/translations/duizhao_<lang>.ts`` are the sources, kept in git and
written for the project; the ``.qm`` files are built (by ``./dev`` on set-up and
by ``packaging/build.py`` before freezing) and never committed. ``compile``
also copies Qt's own ``qtbase_<lang>.qm`` from PySide6 beside them, so the
standard buttons and a text field's menu speak the same language in the
bundle, which carries no other Qt translations.

Both tools are the ones PySide6 ships (``pyside6-lupdate``, ``pyside6-lrelease``),
found beside the running Python.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop" / "duizhao" / "ui"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "zh_TW")


def tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python, else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"translations: pyside6-{name} not found (install PySide6-Essentials)")
    return found


def ts_path(language: str) -> Path:
    return TS_DIR / f"duizhao_{language}.ts"


def python_sources() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def update(languages: tuple[str, ...] = LANGUAGES) -> None:
    """Bring the .ts files up to date with the strings in the code (old ones kept
    as obsolete, locations left out so a moved line does not churn the files)."""
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in languages:
        subprocess.run(
            [tool("lupdate"), "-locations", "none", "-no-obsolete", "-source-language", "en",
             "-target-language", language, *python_sources(), "-ts", str(ts_path(language))],
            check=True,
        )


def compile_all(out_dir: Path = TS_DIR, languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    """``.qm`` of every language into ``out_dir`` (and Qt's own ``qtbase``); the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for language in languages:
        target = out_dir / f"duizhao_{language}.qm"
        subprocess.run(
            [tool("lrelease"), "-silent", str(ts_path(language)), "-qm", str(target)], check=True
        )
        written.append(target)
        qtbase = _qt_translations() / f"qtbase_{language}.qm"
        if qtbase.is_file():
            shutil.copyfile(qtbase, out_dir / qtbase.name)
            written.append(out_dir / qtbase.name)
    return written


def _qt_translations() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def untranslated(language: str) -> list[str]:
    """Source strings of the .ts without a finished, non-empty translation."""
    tree = ET.parse(ts_path(language))
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            missing.append(source)
            continue
        forms = list(translation.iter("numerusform"))
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        if not all(t.strip() for t in texts):
            missing.append(source)
    return missing


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "compile"
    if command == "update":
        update()
    elif command == "compile":
        for path in compile_all():
            print(f"translations: {path.relative_to(ROOT)}", file=sys.stderr)
    elif command == "check":
        bad = {lang: untranslated(lang) for lang in LANGUAGES}
        for lang, missing in bad.items():
            for source in missing:
                print(f"{lang}: untranslated: {source!r}")
        return 1 if any(bad.values()) else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
