"""Running ``duizhao --self-test`` in a hostile environment, for the source tree
(tests/e2e/test_selftest.py) and the frozen bundle (tests/packaging/test_frozen.py).

Each run gets a minimal environment (``PATH`` and ``QT_QPA_PLATFORM`` only: no
``HOME``, no ``XDG_*``, no ``DUIZHAO_LIBRARY``) and a read-only current
directory — a read-only bind mount in a private mount namespace when the tests
run as root (root ignores permission bits), mode 0555 otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

SUMMARY = re.compile(r"^self-test ok: .*\d+ articles .*window \d+x\d+ rendered.*, \d+\.\d s$")
FAILED = re.compile(r"^self-test FAILED: (\w+): .+$")


def minimal_env(**extra: str) -> dict[str, str]:
    """``env -i PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen`` plus ``extra``."""
    return {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", **extra}


@cache
def can_remount() -> bool:
    """Root with ``unshare``: read-only bind mounts in a throwaway mount namespace."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return probe.returncode == 0


def read_only(argv: list[str], *directories: Path) -> list[str]:
    """``argv`` wrapped so that ``directories`` are read-only while it runs; the first
    one becomes its working directory."""
    directories[0].chmod(0o555)
    if not can_remount():
        return argv
    mounts = " && ".join(
        f'mount --bind "{d}" "{d}" && mount -o remount,bind,ro "{d}" "{d}"' for d in directories
    )
    script = f'{mounts} && cd "{directories[0]}" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, "sh", *argv]


def run_in(
    argv: list[str],
    cwd: Path,
    env: dict[str, str],
    *also_read_only: Path,
    writable_cwd: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` in ``cwd`` (read-only unless ``writable_cwd``) with exactly ``env``."""
    cwd.mkdir(exist_ok=True)
    try:
        return subprocess.run(
            argv if writable_cwd else read_only(argv, cwd, *also_read_only),
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=120,
            check=False,
        )
    finally:
        cwd.chmod(0o755)


def assert_ok(result: subprocess.CompletedProcess[str], cwd: Path) -> str:
    """The run passed with its one summary line and wrote nothing into ``cwd``."""
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(lines) == 1, result.stdout
    assert SUMMARY.match(lines[0]), lines[0]
    assert "Traceback" not in result.stderr, result.stderr
    assert list(cwd.iterdir()) == [], "the self-test wrote into the current directory"
    return lines[0]


def latin1_locale(folder: Path) -> dict[str, str]:
    """A real en_US.ISO-8859-1 locale compiled into ``folder`` (skips without localedef)."""
    folder.mkdir()
    if shutil.which("localedef") is None:
        pytest.skip("localedef is not installed")
    made = subprocess.run(
        ["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(folder / "en_US.ISO-8859-1")],
        capture_output=True,
        check=False,
    )
    if not (folder / "en_US.ISO-8859-1").is_dir():
        pytest.skip(f"cannot compile a Latin-1 locale: {made.stderr.decode(errors='replace')}")
    return {"LOCPATH": str(folder), "LC_ALL": "en_US.ISO-8859-1", "LANG": "en_US.ISO-8859-1"}
