"""``duizhao --self-test`` from the source tree, in a hostile environment.

The same checks run on the frozen bundle in tests/packaging/test_frozen.py.
Each run gets a minimal environment (``PATH`` and ``QT_QPA_PLATFORM`` only:
no ``HOME``, no ``XDG_*``, no ``DUIZHAO_LIBRARY``) and a read-only current
directory — a read-only bind mount in a private mount namespace when the
tests run as root (root ignores permission bits), mode 0555 otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from selftest_support import FAILED, assert_ok, can_remount, latin1_locale, minimal_env, run_in

SOURCE = [sys.executable, "-m", "duizhao", "--self-test"]


def test_self_test_minimal_env_read_only_cwd(tmp_path: Path) -> None:
    cwd = tmp_path / "ro"
    line = assert_ok(run_in(SOURCE, cwd, minimal_env(LANG="C")), cwd)
    assert "12 articles (2 HTML)" in line


def test_self_test_latin1_locale(tmp_path: Path) -> None:
    cwd = tmp_path / "ro"
    assert_ok(run_in(SOURCE, cwd, minimal_env(**latin1_locale(tmp_path / "locales"))), cwd)


def test_self_test_says_why_without_a_writable_temp_dir(tmp_path: Path) -> None:
    if not can_remount():
        pytest.skip("needs root and unshare to make /tmp read-only for one process")
    cwd = tmp_path / "ro"
    missing = tmp_path / "no-such-dir"
    system_temp = [Path(d) for d in ("/tmp", "/var/tmp", "/usr/tmp") if Path(d).is_dir()]
    result = run_in(SOURCE, cwd, minimal_env(TMPDIR=str(missing)), *system_temp)
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert len(lines) == 1, result.stdout
    match = FAILED.match(lines[0])
    assert match is not None, lines[0]
    assert match.group(1) == "temp"
    assert "TMPDIR" in lines[0]
