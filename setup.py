"""The wheel carries ``resources/`` as package data, at ``duizhao/_resources``.

``resources/`` sits beside ``desktop/`` in the checkout (the frozen bundle and
the tests find it there), so it is not inside the ``duizhao`` package that
setuptools collects. This build step copies it into the built package, where
:func:`duizhao.core.resources.resources_root` looks in an installed wheel.
Everything else about the build is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
#: Folders of resources/ that never travel in the wheel (caches made locally).
SKIPPED = ("__pycache__", "cache")


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if not (RESOURCES / "cleaning").is_dir():
            raise SystemExit(f"resources/ not found beside setup.py ({RESOURCES})")
        target = Path(self.build_lib) / "duizhao" / "_resources"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(RESOURCES, target, ignore=shutil.ignore_patterns(*SKIPPED))


setup(cmdclass={"build_py": BuildWithResources})
