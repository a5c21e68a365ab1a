"""The benchmark command still runs (a quick pass; the numbers are not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUNNER = Path(__file__).with_name("run.py")


def test_quick_benchmark_run_prints_a_table_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    process = subprocess.run(
        [sys.executable, str(RUNNER), "--quick", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert "view+map" in process.stdout
    data = json.loads(out.read_text())
    views = {(row["article"], row["view"]) for row in data["views"]["views"]}
    assert ("simplified", "taiwan") in views
    assert ("traditional", "simplified") in views
    assert data["views"]["segmentation"]["cut_chars_per_s"] > 0
    search = data["search"]["sizes"][0]
    assert search["whoosh"]["hits"] > 0
    assert search["fts5"]["hits"] > 0
    assert "index speed" in process.stdout
