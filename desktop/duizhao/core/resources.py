"""Find files under ``resources/`` from a source checkout, an installed wheel or a frozen bundle.

This is the one place that knows where resources live. Names are relative
paths with ``/``; anything absolute or containing ``..`` is refused.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path, PurePosixPath


class ResourceError(LookupError):
    pass


@cache
def resources_root() -> Path:
    """The ``resources`` directory, checked in this order:

    1. ``$DUIZHAO_RESOURCES`` (tests and unusual installs);
    2. a frozen bundle: ``sys._MEIPASS/resources``;
    3. a source checkout or editable install: ``<repo>/resources`` beside ``desktop/``;
    4. an installed wheel: ``duizhao/_resources`` inside the package.
    """
    candidates: list[Path] = []
    env = os.environ.get("DUIZHAO_RESOURCES")
    if env:
        candidates.append(Path(env))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package_dir = Path(__file__).resolve().parent.parent
    candidates.append(package_dir.parent.parent / "resources")
    candidates.append(package_dir / "_resources")
    for candidate in candidates:
        if (candidate / "cleaning").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise ResourceError(f"Duizhao's resources directory was not found (tried {tried})")


def resource_path(name: str) -> Path:
    """The path of resource ``name`` (e.g. ``"cleaning/rules.yaml"``); need not exist."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ResourceError(f"bad resource name: {name!r}")
    return resources_root().joinpath(*pure.parts)


def read_text(name: str) -> str:
    path = resource_path(name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"cannot read resource {name}: {exc.strerror}") from exc
