"""pypinyin: its character and phrase tables (``*.json``), read when the reading aid
first looks a word up; the type stubs and the command-line tool stay out."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("pypinyin", includes=["*.json"])
