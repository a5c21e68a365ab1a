"""``duizhao cleaning ID``: what import removed from an article, rule by rule."""

from __future__ import annotations

from pathlib import Path


def test_cleaning_lists_every_removed_piece_with_its_rule(tmp_path: Path, run_cli) -> None:
    article = tmp_path / "port.txt"
    article.write_text(
        "原创 新航线本周开通\n2026-03-02 09:15:40\n0\n"
        "![]()\n东岸港新开通一条集装箱航线，每周往返两班。\n"
        "港务局表示，首月货量超过预期，年内还将加密班次。\n"
        "喜欢这篇文章的朋友，请点个“关注”，每天为你更新。\n",
        encoding="utf-8",
    )
    code, results, _ = run_cli("import", article, "--json")
    assert code == 0
    article_id = results[0]["id"]
    code, out, _ = run_cli("cleaning", str(article_id), "--json")
    assert code == 0
    rules = [part["rule"] for part in out["removed"]]
    assert rules == [
        "metadata:title",
        "metadata:published",
        "head-counter",
        "image-placeholder",
        "follow-cta",
    ]
    assert out["removed"][3] == {"rule": "image-placeholder", "text": "![]()", "line": 4}
    code, text, err = run_cli("cleaning", str(article_id))
    assert code == 0
    assert "follow-cta" in text
    assert "5 pieces removed" in err


def test_cleaning_of_an_unknown_article_fails_with_one_line(run_cli, good_dir: Path) -> None:
    assert run_cli("import", good_dir / "school.md").returncode == 0
    code, _, err = run_cli("cleaning", "404")
    assert code == 1
    assert err.strip() == "duizhao: no article with id 404"
