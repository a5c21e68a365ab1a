"""The story evaluation and speed commands run and print their figures (not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import eval_set  # noqa: E402
from story_eval import bcubed  # noqa: E402


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    process = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    return process


def test_bcubed_scores_known_groupings() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": 1, "b": 1, "c": 2}, gold) == (1.0, 1.0, 1.0)
    precision, recall, _ = bcubed({"a": 1, "b": 2, "c": 3}, gold)
    assert precision == 1.0
    assert recall == pytest.approx((0.5 + 0.5 + 1) / 3)
    precision, recall, _ = bcubed({"a": 1, "b": 1, "c": 1}, gold)
    assert recall == 1.0
    assert precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_the_demo_set_scores(tmp_path: Path) -> None:
    out = tmp_path / "story_eval.json"
    process = _run("story_eval.py", "--only", "demo", "--json", str(out))
    assert "B-cubed precision" in process.stdout
    data = json.loads(out.read_text(encoding="utf-8"))["demo"]
    assert data["articles"] == 12
    assert 0.0 <= data["f1"] <= 1.0


@pytest.mark.slow
def test_the_real_news_set_scores(tmp_path: Path) -> None:
    if not eval_set.available():
        pytest.skip("../shared/eval is not present")
    out = tmp_path / "story_eval.json"
    _run("story_eval.py", "--only", "eval", "--json", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))["eval"]
    assert data["articles"] == 41
    assert data["distractors"] == 5


def test_the_speed_benchmark_runs_small(tmp_path: Path) -> None:
    out = tmp_path / "story_bench.json"
    args = ("--articles", "60", "--imports", "3", "--repeat", "1", "--json", str(out))
    process = _run("story_bench.py", *args)
    assert "assign an import" in process.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["articles"] == 60
    assert data["assign_ms_median"] > 0
