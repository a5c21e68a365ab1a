"""tld (used by courlan, under trafilatura): the public-suffix lists, not its test data."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("tld", includes=["res/*.txt"])
