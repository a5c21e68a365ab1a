"""``duizhao outlets --unknown`` and ``duizhao outlet NAME --region …``: an outlet
with no profile, described by the user, gives its articles (and later ones)
its region. The articles were written for these tests."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Run

PIECE = """---
title: {title}
source: 濱海街坊報
date: 2026-03-0{day}
---

{body}
"""
BODIES = {
    "ferry": ("渡輪加價", 1, "渡輪公司宣布下月加價，街坊可致電熱線查詢新收費。"),
    "market": ("街市重開", 2, "翻新後的街市今日重開，攤販說生意比去年好。"),
    "later": ("渡輪加價後", 3, "渡輪加價後首日，不少乘客改搭巴士，熱線查詢亦大增。"),
}


def _write(tmp_path: Path, name: str) -> Path:
    title, day, body = BODIES[name]
    path = tmp_path / f"{name}.md"
    path.write_text(PIECE.format(title=title, day=day, body=body), encoding="utf-8")
    return path


def _import(run_cli: Run, *paths: Path) -> list[int]:
    result = run_cli("import", *paths, "--json")
    assert result.returncode == 0, result.err
    return [int(r["id"]) for r in result.out]


def test_an_unknown_outlet_is_shown_as_such_then_described(run_cli: Run, tmp_path: Path) -> None:
    ferry, market = _import(run_cli, _write(tmp_path, "ferry"), _write(tmp_path, "market"))
    run_cli("region", market, "taiwan")  # the user's own correction of one article

    unknown = run_cli("outlets", "--unknown", "--json").out
    assert unknown == [{"name": "濱海街坊報", "articles": 2, "described": None}]
    before = run_cli("show", ferry, "--json").out
    assert before["outlet_key"] is None
    assert before["region_source"] in ("text", "none")

    said = run_cli("outlet", "濱海街坊報", "--region", "hongkong", "--kind", "commercial", "--json")
    assert said.returncode == 0, said.err
    assert said.out["articles_changed"] == [ferry]  # the corrected article keeps its region
    shown = run_cli("show", ferry, "--view", "simplified", "--json").out
    assert (shown["region"], shown["region_source"]) == ("hongkong", "outlet")
    assert "查询" in shown["text"]  # read with Hong Kong usage
    assert run_cli("show", market, "--json").out["region"] == "taiwan"

    (later,) = _import(run_cli, _write(tmp_path, "later"))  # imported after: takes it at once
    assert run_cli("show", later, "--json").out["region"] == "hongkong"
    listed = run_cli("outlets", "--unknown", "--json").out
    assert listed[0]["described"]["region"] == "hongkong"
    assert listed[0]["articles"] == 3

    human = run_cli("outlets", "--unknown")
    assert "濱海街坊報  (hongkong, commercial)" in human.out


def test_describing_needs_a_region_and_a_known_one(run_cli: Run, tmp_path: Path) -> None:
    _import(run_cli, _write(tmp_path, "ferry"))
    missing = run_cli("outlet", "濱海街坊報")
    assert missing.returncode == 2
    assert "--region" in missing.err
    wrong = run_cli("outlet", "濱海街坊報", "--region", "atlantis")
    assert wrong.returncode == 2
    nothing = run_cli("outlet", "無此報", "--forget")
    assert nothing.returncode == 1
    assert "no description of 無此報" in nothing.err
    run_cli("outlet", "濱海街坊報", "--region", "macau")
    forgot = run_cli("outlet", "濱海街坊報", "--forget")
    assert forgot.returncode == 0
    assert "keep their region" in forgot.err
