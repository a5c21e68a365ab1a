"""The entity evaluation command still runs (a small sample; scores are not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).with_name("ner_eval.py")
DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "msra_ner"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"evaluation data not found at {DATA}")


def test_a_small_sample_prints_scores_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "ner.json"
    process = subprocess.run(
        [sys.executable, str(EVAL), "--sample", "60", "--traditional", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert "micro" in process.stdout
    assert "characters/s" in process.stdout
    data = json.loads(out.read_text())
    assert data["sentences"] == 60
    texts = {run["text"] for run in data["runs"]}
    assert texts == {"simplified", "traditional (s2twp)"}
    for run in data["runs"]:
        assert set(run["scores"]) == {"PER", "LOC", "ORG", "micro"}
        assert 0.0 <= run["scores"]["micro"]["f1"] <= 1.0
        assert run["chars_per_s"] > 0
    assert "traditional_gap" in data


def test_the_ablation_lists_every_step(tmp_path: Path) -> None:
    out = tmp_path / "ner.json"
    process = subprocess.run(
        [sys.executable, str(EVAL), "--sample", "30", "--ablation", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    systems = [run["system"] for run in json.loads(out.read_text())["runs"]]
    assert len(systems) == 6
    assert systems[0].startswith("LAC as shipped")
    assert systems[1].startswith("LAC batched")
    assert "Ablation" in process.stdout
