"""The comparison evaluation command still runs and prints its scores (not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EVAL = Path(__file__).with_name("compare_eval.py")


def test_compare_eval_prints_scores_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "compare_eval.json"
    process = subprocess.run(
        [sys.executable, str(EVAL), "--json", str(out), "--library", str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    for word in ("raremetals", "summit", "chipplant", "overall", "pair_recall", "relation_acc"):
        assert word in process.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    overall = data["overall"]
    assert overall["pairs"] > 0
    assert 0.0 <= overall["pair_recall"] <= 1.0
    assert 0.0 <= overall["relation_accuracy"] <= 1.0
    for story in data["stories"].values():
        assert len(story["details"]) == story["pairs"]
