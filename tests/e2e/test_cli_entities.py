"""``duizhao entities ID`` and the entities of ``duizhao show ID --json``.

The articles were written for these tests (a harbour town's trade fair, in
both scripts); none comes from the seed articles.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]  # the run_cli fixture of conftest.py

SIMPLIFIED = (
    "滨港市举办贸易博览会\n"
    "2025年4月18日，滨港市举办第三届贸易博览会，特朗普政府的代表也到场参观。\n"
    "主办方介绍，十多个国家的企业签下了118亿美元的订单，比去年增长83%。\n"
)
TRADITIONAL = (
    "濱港市舉辦貿易博覽會\n"
    "川普政府的代表上週抵達濱港市，與臺灣的軟體公司洽談，記憶體訂單增加三成。\n"
)
KEYS = {"start", "end", "text", "type", "entity_id", "canonical"}


def imported(run_cli: Run, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, results, err = run_cli("import", path, "--json")
    assert code == 0, err
    return int(results[0]["id"])


def test_entities_json_indexes_the_original_text(run_cli: Run, tmp_path: Path) -> None:
    article_id = imported(run_cli, tmp_path, "fair.txt", SIMPLIFIED)
    code, shown, _ = run_cli("show", str(article_id), "--json")
    text = shown["text"]
    code, entities, err = run_cli("entities", str(article_id), "--json", timeout=120)
    assert code == 0, err
    assert entities
    for entity in entities:
        assert set(entity) == KEYS
        assert text[entity["start"] : entity["end"]] == entity["text"]
    pairs = {(e["text"], e["type"]) for e in entities}
    assert {("2025年4月18日", "DATE"), ("118亿美元", "NUMBER"), ("83%", "NUMBER")} <= pairs
    assert ("十多个", "NUMBER") in pairs
    trump = [e for e in entities if e["entity_id"] == "donald-trump"]
    assert trump
    assert trump[0]["canonical"] == "特朗普"


def test_traditional_article_links_to_the_same_ids(run_cli: Run, tmp_path: Path) -> None:
    first = imported(run_cli, tmp_path, "fair.txt", SIMPLIFIED)
    second = imported(run_cli, tmp_path, "fair-tw.txt", TRADITIONAL)
    _, one, _ = run_cli("entities", str(first), "--json", timeout=120)
    _, two, _ = run_cli("entities", str(second), "--json", timeout=120)
    ids_one = {e["entity_id"] for e in one}
    ids_two = {e["entity_id"] for e in two}
    assert {"donald-trump", "name:滨港市"} <= ids_one & ids_two
    assert {"川普", "濱港市"} <= {e["text"] for e in two}


def test_show_lists_entities_in_the_offsets_of_each_view(run_cli: Run, tmp_path: Path) -> None:
    article_id = imported(run_cli, tmp_path, "fair-tw.txt", TRADITIONAL)
    for view in ("original", "simplified", "taiwan", "hongkong", "traditional"):
        code, out, err = run_cli("show", str(article_id), "--view", view, "--json", timeout=120)
        assert code == 0, err
        assert out["entities"]
        for entity in out["entities"]:
            assert set(entity) == {"start", "end", "text", "type", "entity_id"}
            assert out["text"][entity["start"] : entity["end"]] == entity["text"]
    code, out, _ = run_cli("show", str(article_id), "--view", "simplified", "--json")
    assert "川普" in {e["text"] for e in out["entities"]}
    assert "滨港市" in {e["text"] for e in out["entities"]}


def test_human_output_and_unknown_articles(run_cli: Run, tmp_path: Path) -> None:
    article_id = imported(run_cli, tmp_path, "fair.txt", SIMPLIFIED)
    code, out, err = run_cli("entities", str(article_id), timeout=120)
    assert code == 0
    assert "donald-trump" in out
    assert "entities in" in err
    code, _, err = run_cli("entities", "404")
    assert code == 1
    assert err.strip() == "duizhao: no article with id 404"


def test_people_keep_their_names_in_the_shown_view(run_cli: Run, tmp_path: Path) -> None:
    # (a byline 记者于丽娜报道 would now leave the text as the author: two mentions here)
    text = "码头集合\n船长于丽娜说，他们于是在码头集合。于丽娜随后清点了人数。\n"
    article_id = imported(run_cli, tmp_path, "dock.txt", text)
    code, shown, err = run_cli("show", str(article_id), "--view", "taiwan", "--json", timeout=120)
    assert code == 0, err
    assert shown["text"].count("于麗娜") == 2  # a surname, not the preposition 於
    assert "於是" in shown["text"]
    people = [e for e in shown["entities"] if e["type"] == "PERSON"]
    assert [e["text"] for e in people] == ["于麗娜", "于麗娜"]
