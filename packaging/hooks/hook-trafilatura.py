"""trafilatura reads ``settings.cfg`` at import time (no hook elsewhere collects it)."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("trafilatura", includes=["settings.cfg"])
