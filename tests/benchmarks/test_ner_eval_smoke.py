"""The entity evaluation command still runs (a small sample; scores are not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).with_name("ner_eval.py")
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DATA = SHARED / "data" / "msra_ner"
NEWS = SHARED / "eval" / "entities.json"

msra = pytest.mark.skipif(not DATA.is_dir(), reason=f"evaluation data not found at {DATA}")


def run_eval(*args: str) -> subprocess.CompletedProcess[str]:
    process = subprocess.run(
        [sys.executable, str(EVAL), *args], capture_output=True, text=True, timeout=300, check=False
    )
    assert process.returncode == 0, process.stderr
    return process


@msra
def test_a_small_sample_prints_scores_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "ner.json"
    process = run_eval("--only", "msra", "--sample", "60", "--traditional", "--json", str(out))
    assert "micro" in process.stdout
    assert "characters/s" in process.stdout
    data = json.loads(out.read_text())["msra"]
    assert data["sentences"] == 60
    texts = {run["text"] for run in data["runs"]}
    assert texts == {"simplified", "traditional (s2twp)"}
    for run in data["runs"]:
        assert set(run["scores"]) == {"PER", "LOC", "ORG", "micro"}
        assert 0.0 <= run["scores"]["micro"]["f1"] <= 1.0
        assert run["chars_per_s"] > 0
    assert "traditional_gap" in data


@msra
def test_the_ablation_lists_every_step(tmp_path: Path) -> None:
    out = tmp_path / "ner.json"
    process = run_eval("--only", "msra", "--sample", "30", "--ablation", "--json", str(out))
    systems = [run["system"] for run in json.loads(out.read_text())["msra"]["runs"]]
    assert len(systems) == 6
    assert systems[0].startswith("LAC as shipped")
    assert systems[1].startswith("LAC batched")
    assert "Ablation" in process.stdout


@pytest.mark.skipif(not NEWS.is_file(), reason=f"real-news gold not found at {NEWS}")
def test_real_news_is_scored_as_written_and_converted(tmp_path: Path) -> None:
    out = tmp_path / "ner.json"
    process = run_eval("--only", "news", "--json", str(out))
    assert "Real news" in process.stdout
    assert "error classes" in process.stdout
    data = json.loads(out.read_text())["news"]
    assert data["articles"] == 41
    assert [run["text"] for run in data["runs"]] == ["as written", "converted"]
    for run in data["runs"]:
        assert set(run["scores"]) == {"PERSON", "PLACE", "ORG", "micro"}
    classes = data["runs"][0]["error_classes"]
    assert "credit-line people missed" in classes
    assert all(isinstance(count, int) and count >= 0 for count in classes.values())
    assert "converted_gap" in data
