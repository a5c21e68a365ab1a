"""jusText: trafilatura's fallback extractor loads every stoplist (``get_stoplists()``)."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("justext", includes=["stoplists/*.txt"])
