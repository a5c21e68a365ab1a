"""The web, feed and PDF benchmark still runs (one quick pass; numbers not judged)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).with_name("web_bench.py")


def test_web_benchmark_runs_and_prints_its_three_figures() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.run(
        [sys.executable, str(BENCH), "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    for label in ("feed parse", "page import", "pdf read"):
        assert label in process.stdout
