"""The Qt-free core of Duizhao.

Nothing under this package imports PySide6 or ``duizhao.ui`` (an import-linter
contract in pyproject.toml checks it). The core receives paths from its
callers; it never asks the platform where things live.
"""
