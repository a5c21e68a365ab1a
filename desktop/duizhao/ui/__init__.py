"""Everything that imports PySide6: the window and its parts, adapting ``duizhao.core``."""
