"""Where Duizhao keeps its data on this machine, for the CLI and the app alike.

The core never calls this: it receives paths. Both front ends resolve the
library directory here so that ``duizhao list`` and the window always see the
same library: ``--library``, then ``$DUIZHAO_LIBRARY``, then the platform's
user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "duizhao"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("DUIZHAO_LIBRARY")
    if env:
        return Path(env).expanduser()
    return data_dir() / "library"


def demo_library_dir() -> Path:
    """The demo library: separate from the user's own, never touching it."""
    return data_dir() / "demo-library"
