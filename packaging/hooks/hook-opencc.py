"""OpenCC: the configurations (``*.json``) and dictionaries (``*.ocd2``) only.

Overrides pyinstaller-hooks-contrib's hook, which also collects the C headers,
static libraries, CMake files and command-line tools under ``opencc/clib``.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files(
    "opencc", includes=["clib/share/opencc/*.json", "clib/share/opencc/*.ocd2"]
)
