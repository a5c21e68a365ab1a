"""The comparison evaluation command runs and prints its scores (not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).with_name("compare_eval.py")
sys.path.insert(0, str(EVAL.parent))

import eval_set  # noqa: E402

KEYS = ("competing", "together", "flagged", "traps", "traps_unflagged", "covered", "coverage")


def run(tmp_path: Path, only: str) -> dict[str, object]:
    out = tmp_path / "compare_eval.json"
    process = subprocess.run(
        [sys.executable, str(EVAL), "--only", only, "--json", str(out), "--library", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert "pairs side by side" in process.stdout
    data = json.loads(out.read_text(encoding="utf-8"))[only]
    overall = data["overall"]
    assert all(key in overall for key in KEYS)
    assert 0.0 <= overall["pair_recall"] <= 1.0
    assert overall["together"] >= overall["flagged"] or overall["flagged"] == 0
    for story in data["stories"].values():
        assert len(story["details"]) == story["competing"] + story["traps"]
    return data  # type: ignore[no-any-return]


def test_the_demo_set_scores(tmp_path: Path) -> None:
    data = run(tmp_path, "demo")
    assert set(data["stories"]) == {"raremetals", "summit", "chipplant"}  # type: ignore[call-overload]


@pytest.mark.slow
def test_the_real_news_set_scores(tmp_path: Path) -> None:
    if not eval_set.available():
        pytest.skip("../shared/eval is not present")
    data = run(tmp_path, "eval")
    assert len(data["stories"]) == 6  # type: ignore[arg-type]
