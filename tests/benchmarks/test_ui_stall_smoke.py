"""The UI stall benchmark still runs end to end (a few articles; the numbers are not judged)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("ui_stall.py")


def test_ui_stall_prints_a_table_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "ui_stall.json"
    process = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--articles",
            "6",
            "--chars",
            "300",
            "--idle",
            "0.1",
            "--variants",
            "default,no-yield",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.returncode == 0, process.stderr
    assert "median" in process.stdout
    assert "6 imported" in process.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["articles"] == 6
    assert [run["variant"] for run in data["runs"]] == ["cold-start", "default", "no-yield"]
    for run in data["runs"]:
        assert run["summary"] == "6 imported"
        assert run["indexed"] == 6
        busy = run["busy"]
        assert busy["ticks"] > 0
        assert 0 < busy["median_ms"] <= busy["p99_ms"] <= busy["max_ms"]
        assert run["phases"]["idle"]["ticks"] > 0
