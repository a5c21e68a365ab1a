"""Duizhao 对照: a desktop reading and comparison workspace for Chinese-language news.

``duizhao.core`` is plain Python (no Qt) and holds everything that can be
tested and benchmarked without a display; ``duizhao.ui`` adapts it to Qt;
``duizhao.cli`` is the command-line contract of ../shared/DESIGN.md.
"""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("duizhao")
except _metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0.0.0+unknown"
