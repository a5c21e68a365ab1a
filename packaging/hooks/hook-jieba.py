"""jieba: only the default dictionary and the HMM tables ``jieba.cut`` reads.

Overrides pyinstaller-hooks-contrib's hook, which collects everything in the
package (the 11 MB ``lac_small`` paddle model, ``analyse/idf.txt`` and the
``posseg`` tables, none of which Duizhao uses).
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("jieba", includes=["dict.txt", "finalseg/*.p"])
