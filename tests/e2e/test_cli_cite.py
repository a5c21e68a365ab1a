"""``duizhao cite ID... --format ris|csljson [-o FILE]`` and the citation keys of
``list --json`` and ``show --json``, through the real command line.

The article is written for this test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import rispy

Run = Callable[..., Any]  # the run_cli fixture of conftest.py

ARTICLE = (
    "title: 港口罢工进入第三天\n"
    "source: 海滨晚报\n"
    "url: https://example.org/news/strike-3\n"
    "date: 2026-03\n"
    "\n"
    "記者程一帆／海滨報導\n"
    "港口工人从周一开始罢工，码头上的集装箱已经堆到了第三层，货车在门外排起长队。\n"
    "工会代表说，工人要求把夜班津贴提高一成，并且每个班次之间至少休息十二个小时。\n"
    "监制：林立 编辑：周青青\n"
)


def imported(run_cli: Run, tmp_path: Path) -> int:
    path = tmp_path / "strike.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_cli("import", path, "--json")
    assert code == 0, err
    return int(out[0]["id"])


def test_show_and_list_carry_the_citation(run_cli: Run, tmp_path: Path) -> None:
    article = imported(run_cli, tmp_path)
    code, out, err = run_cli("show", str(article), "--json")
    assert code == 0, err
    assert out["url"] == "https://example.org/news/strike-3"
    assert out["outlet"] == "海滨晚报"
    assert out["author"] == "程一帆"
    assert out["published"] == "2026-03"
    assert out["credits"] == [{"role": "监制", "name": "林立"}, {"role": "编辑", "name": "周青青"}]
    assert "林立" not in out["text"]
    assert not [e for e in out["entities"] if e["text"] in {"林立", "周青青", "程一帆"}]
    code, out, err = run_cli("list", "--json")
    assert code == 0, err
    assert out[0]["url"] == "https://example.org/news/strike-3"
    assert out[0]["outlet"] == "海滨晚报"


def test_cite_ris_to_stdout_and_csljson_to_a_file(run_cli: Run, tmp_path: Path) -> None:
    article = imported(run_cli, tmp_path)
    code, out, err = run_cli("cite", str(article), "--format", "ris")
    assert code == 0, err
    record = rispy.loads(out)[0]
    assert record["title"] == "港口罢工进入第三天"
    assert record["authors"] == ["程一帆"]
    assert record["urls"] == ["https://example.org/news/strike-3"]
    target = tmp_path / "refs.json"
    code, out, err = run_cli("cite", str(article), "--format", "csljson", "-o", target, "--json")
    assert code == 0, err
    assert out == {"path": str(target), "format": "csljson", "articles": 1}
    items = json.loads(target.read_text("utf-8"))
    assert items[0]["container-title"] == "海滨晚报"
    assert items[0]["issued"] == {"date-parts": [[2026, 3]]}


def test_cite_an_unknown_id_says_so_and_writes_the_rest(run_cli: Run, tmp_path: Path) -> None:
    article = imported(run_cli, tmp_path)
    code, out, err = run_cli("cite", str(article), "999", "--format", "csljson")
    assert code == 1
    assert "999" in err
    assert len(json.loads(out)) == 1


def test_cite_needs_a_format(run_cli: Run, tmp_path: Path) -> None:
    code, _out, err = run_cli("cite", "1", "--format", "bibtex")
    assert code == 2
    assert len(err.strip().splitlines()) == 1


def test_a_known_outlet_is_cited_by_its_profiles_name(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "relay.txt"
    path.write_text(
        ARTICLE.replace("source: 海滨晚报", "source: udn").replace(
            "https://example.org/news/strike-3", "https://udn.com/news/story/1/2"
        ),
        encoding="utf-8",
    )
    code, out, err = run_cli("import", path, "--json")
    assert code == 0, err
    code, out, err = run_cli("cite", str(out[0]["id"]), "--format", "csljson")
    assert code == 0, err
    (item,) = out if isinstance(out, list) else json.loads(out)
    assert item["container-title"] == "聯合新聞網"  # not "udn" as the page wrote it
