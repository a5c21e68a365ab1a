"""``duizhao region`` and ``duizhao outlets``, and the region in list/show, as a
subprocess. The articles were written for these tests."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Run

HK = """---
title: 熱線查詢安排
source: 明報
date: 2026-02-01
---

市民如有疑問，可致電熱線查詢。當局表示，新的網上服務下月推出。
"""
TW = """---
title: 軟體更新
source: 中央社
url: https://tw.news.yahoo.com/some-story.html
date: 2026-02-02
---

這款軟體昨天更新後，不少使用者反映無法登入，公司表示正在修復。
"""


def _import(run_cli: Run, tmp_path: Path) -> dict[str, int]:
    (tmp_path / "hk.md").write_text(HK, encoding="utf-8")
    (tmp_path / "tw.md").write_text(TW, encoding="utf-8")
    result = run_cli("import", tmp_path / "hk.md", tmp_path / "tw.md", "--json")
    assert result.returncode == 0, result.err
    return {Path(r["path"]).stem: r["id"] for r in result.out}


def test_region_is_listed_shown_and_corrected(run_cli: Run, tmp_path: Path) -> None:
    ids = _import(run_cli, tmp_path)
    listed = {a["id"]: a for a in run_cli("list", "--json").out}
    assert listed[ids["hk"]]["region"] == "hongkong"
    assert listed[ids["tw"]]["outlet_key"] == "cna"
    assert listed[ids["tw"]]["outlet"] == "中央社"
    assert listed[ids["tw"]]["relayed_by"] == "yahoo-taiwan"
    assert listed[ids["tw"]]["region_source"] == "outlet"

    shown = run_cli("show", ids["hk"], "--view", "simplified", "--json").out
    assert "查询" in shown["text"]
    assert (shown["outlet_key"], shown["outlet"], shown["region"]) == (
        "ming-pao",
        "明報",
        "hongkong",
    )
    assert "软件" in run_cli("show", ids["tw"], "--view", "simplified", "--json").out["text"]

    seen = run_cli("region", ids["tw"], "--json").out
    assert (seen["outlet_name"], seen["relayed_by_name"]) == ("中央社", "Yahoo奇摩新聞")
    human = run_cli("region", ids["tw"])
    assert human.returncode == 0
    assert "中央社 (via Yahoo奇摩新聞)" in human.out

    corrected = run_cli("region", ids["hk"], "taiwan", "--json")
    assert corrected.returncode == 0, corrected.err
    assert (corrected.out["region"], corrected.out["region_source"]) == ("taiwan", "user")
    assert "查找" in run_cli("show", ids["hk"], "--view", "simplified", "--json").out["text"]
    hits = run_cli("search", "查詢", "--json").out
    assert [h["id"] for h in hits] == [ids["hk"]]

    again = run_cli("region", ids["hk"], "auto", "--json").out
    assert (again["region"], again["region_source"]) == ("hongkong", "outlet")


def test_bad_region_and_unknown_article(run_cli: Run, tmp_path: Path) -> None:
    ids = _import(run_cli, tmp_path)
    bad = run_cli("region", ids["hk"], "atlantis")
    assert bad.returncode == 2
    assert len(bad.err.strip().splitlines()) == 1
    missing = run_cli("region", "999")
    assert missing.returncode == 1
    assert len(missing.err.strip().splitlines()) == 1


def test_outlets_are_listed(run_cli: Run) -> None:
    result = run_cli("outlets", "--json", library=None)
    assert result.returncode == 0
    keys = {o["key"] for o in result.out}
    assert {"cna", "ming-pao", "macao-daily", "lianhe-zaobao", "bbc-chinese"} <= keys
