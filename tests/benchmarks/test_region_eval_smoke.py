"""The region evaluation command still runs (its figures are not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).with_name("region_eval.py")
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.mark.skipif(not (SHARED / "eval" / "articles").is_dir(), reason="no ../shared/eval")
def test_it_prints_and_writes_the_scores(tmp_path: Path) -> None:
    out = tmp_path / "regions.json"
    process = subprocess.run(
        [sys.executable, str(EVAL), "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert "MIN_SCORE 4 (default)" in process.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["eval_articles"] == 41
    assert [run["min_score"] for run in data["runs"]] == [2, 4, 6]
    for run in data["runs"]:
        assert run["right"] <= run["decided"] <= run["articles"]
