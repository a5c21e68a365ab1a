"""``duizhao search`` and ``duizhao reindex`` run as a subprocess.

``search QUERY [--limit N] [--sort relevance|date] [--json]`` prints
``[{"id", "title", "score", "snippets": [{"text", "highlights": [[start, end], ...]}]}]``
with highlights indexing the snippet text. An empty or unsearchable query
exits 2 with one line on stderr; a mistyped one exits 0 with best-effort
results and a ``duizhao: note:`` line. The index lives in the library dir and
is rebuilt when missing, from another version or damaged.

Every article here was written for these tests (a cable car over a river, a
harbour city's bus app in Traditional script, a lighthouse, a fishing
harbour, a community garden); none comes from the seed articles.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from duizhao.core.text import convert

Run = Callable[..., Any]
HIT_KEYS = {"id", "title", "score", "snippets"}
SNIPPET_KEYS = {"text", "highlights"}


def md(title: str, body: str, date: str = "", source: str = "") -> str:
    meta = [f"title: {title}"] + ([f"date: {date}"] if date else [])
    meta += [f"source: {source}"] if source else []
    return "---\n" + "\n".join(meta) + "\n---\n" + body + "\n"


FILES = {
    "cable.md": md(
        "山城开通跨江索道",
        "山城今天开通了第一条跨江索道，市民乘坐索道过江只需要四分钟。\n"
        "售票系统使用一套本地团队开发的软件，乘客可以用手机扫码进站。",
        "2026-03-05",
        "江城日报",
    ),
    "bus.md": md(
        "港都推出公車查詢服務",
        "市政府今天透過網際網路推出新的軟體，讓乘客隨時查詢公車到站時間。\n"
        "這套軟體也能提醒市民轉乘捷運。",
        "2026-01-20",
        "南方時報",
    ),
    "lighthouse.md": md(
        "海边灯塔重新点亮",
        "修缮工程持续了半年，工人们更换了旧的玻璃。\n傍晚时分，市民在码头上看着光束扫过海面。",
        "2025-11-02",
    ),
    "harbour.md": md(
        "渔港迎来新的季节",
        "休渔期结束以后，渔船驶出港口。\n船员们说，远处那座灯塔是他们回家的方向。\n市民一早就到码头买鱼。",
        "2025-12-15",
    ),
    "garden.md": md(
        "社区菜园迎来丰收", "志愿者们种下的番茄陆续成熟。\n不少市民带着孩子来帮忙采摘。"
    ),
}
MARKET = md(
    "夜市新增环保餐具",
    "从本月起，夜市的摊贩统一使用可降解的环保餐具，游客吃完可以直接投进回收箱。",
    "2026-03-20",
)


@dataclass(frozen=True)
class Searchable:
    library: Path
    env: dict[str, str]  # shares one jieba cache between runs
    ids: dict[str, int]  # file stem -> article id

    def names(self, out: list[dict[str, Any]]) -> list[str]:
        by_id = {v: k for k, v in self.ids.items()}
        return [by_id[hit["id"]] for hit in out]


def subprocess_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DUIZHAO_LIBRARY", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONIOENCODING"] = "utf-8"
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env[variable] = str(home / variable.lower())
    return env


@pytest.fixture(scope="module")
def searchable(tmp_path_factory: pytest.TempPathFactory) -> Searchable:
    """A library of the five articles, imported (and so indexed) by the CLI once."""
    root = tmp_path_factory.mktemp("search")
    folder = root / "in"
    folder.mkdir()
    for name, content in FILES.items():
        (folder / name).write_text(content, encoding="utf-8")
    library = root / "library"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "duizhao",
            "import",
            str(folder),
            "--json",
            "--library",
            str(library),
        ],
        capture_output=True,
        env=subprocess_env(root / "home"),
        cwd=root,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    results = json.loads(proc.stdout)
    ids = {Path(r["path"]).stem: r["id"] for r in results}
    assert len(ids) == len(FILES)
    return Searchable(library, {"XDG_CACHE_HOME": str(root / "home" / "xdg_cache_home")}, ids)


@pytest.fixture
def copy_of(searchable: Searchable, tmp_path: Path) -> Searchable:
    """The shared library copied, for a test that damages or changes it."""
    library = tmp_path / "copy"
    shutil.copytree(searchable.library, library)
    return Searchable(library, searchable.env, searchable.ids)


def search(run_cli: Run, where: Searchable, *args: str) -> Any:
    return run_cli("search", *args, library=where.library, env=where.env)


def normal(text: str, config: str) -> str:
    return re.sub(r"\s+", "", convert(text, config))


def check_shape(out: Any, words: list[str]) -> None:
    """The JSON shape, exactly, and every highlight on a query word in its snippet."""
    assert isinstance(out, list)
    for hit in out:
        assert set(hit) == HIT_KEYS
        assert isinstance(hit["id"], int)
        assert isinstance(hit["title"], str)
        assert hit["title"]
        assert isinstance(hit["score"], float | int)
        assert isinstance(hit["snippets"], list)
        assert hit["snippets"]
        for snippet in hit["snippets"]:
            assert set(snippet) == SNIPPET_KEYS
            text = snippet["text"]
            for span in snippet["highlights"]:
                assert isinstance(span, list)
                assert len(span) == 2
                start, end = span
                assert 0 <= start < end <= len(text)
                assert any(
                    normal(w, c) in normal(text[start:end], c)
                    for w in words
                    for c in ("t2s", "tw2sp")
                ), (text, span, words)


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def library_generation(library: Path) -> int:
    db = sqlite3.connect(library / "library.sqlite3")
    try:
        return int(db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])
    finally:
        db.close()


def index_meta(library: Path) -> dict[str, Any]:
    return json.loads((library / "index" / "duizhao-index.json").read_text("utf-8"))


# -- the index and the output --------------------------------------------------------------


def test_import_builds_the_index_in_the_library(searchable: Searchable) -> None:
    assert index_meta(searchable.library)["generation"] == library_generation(searchable.library)
    assert list((searchable.library / "index").glob("*.pst"))


@pytest.mark.parametrize("word", ["软件", "軟體"])
def test_search_json_either_script(run_cli: Run, searchable: Searchable, word: str) -> None:
    code, out, err = search(run_cli, searchable, word, "--json")
    assert code == 0, err
    assert "Traceback" not in err
    check_shape(out, [word])
    assert sorted(searchable.names(out)) == ["bus", "cable"]
    for hit in out:
        assert any(s["highlights"] for s in hit["snippets"])
    bus = next(h for h in out if h["id"] == searchable.ids["bus"])
    text = bus["snippets"][0]["text"]
    assert [text[a:b] for a, b in bus["snippets"][0]["highlights"]] == ["軟體"]


def test_search_plain_output(run_cli: Run, searchable: Searchable) -> None:
    code, out, err = search(run_cli, searchable, "灯塔")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith(f"#{searchable.ids['lighthouse']} ")  # the title weighs more
    assert "海边灯塔重新点亮" in lines[0]
    assert "2025-11-02" in lines[0]
    assert "【灯塔】" in out
    assert err.strip().splitlines()[-1] == "2 of 2 matching articles"


def test_phrase_across_scripts_and_filters(run_cli: Run, searchable: Searchable) -> None:
    code, out, err = search(
        run_cli, searchable, "“查詢公车” date:2026-01 source:南方时报", "--json"
    )
    assert code == 0, err
    check_shape(out, ["查詢公车"])
    assert searchable.names(out) == ["bus"]
    (snippet,) = out[0]["snippets"]
    assert [snippet["text"][a:b] for a, b in snippet["highlights"]] == ["查詢公車"]


def test_limit_and_sort_by_date(run_cli: Run, searchable: Searchable) -> None:
    code, out, err = search(run_cli, searchable, "市民", "--sort", "date", "--limit", "3", "--json")
    assert code == 0, err
    check_shape(out, ["市民"])
    assert searchable.names(out) == ["cable", "bus", "harbour"]


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_limit_must_be_positive(run_cli: Run, searchable: Searchable, limit: str) -> None:
    code, out, err = search(run_cli, searchable, "灯塔", "--limit", limit, "--json")
    assert code == 2
    assert out == ""
    assert "--limit" in one_line(err)


# -- bad queries --------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "\x07"])
def test_empty_query_exits_2_with_one_line(
    run_cli: Run, searchable: Searchable, query: str
) -> None:
    code, out, err = search(run_cli, searchable, query, "--json")
    assert code == 2
    assert out == ""
    assert one_line(err).startswith("duizhao: empty query")


@pytest.mark.parametrize(
    ("query", "says"),
    [("OR", "nothing to search"), ("（）", "nothing to search"), ("NOT 灯塔", "only excludes")],
)
def test_unsearchable_query_exits_2_with_a_clear_message(
    run_cli: Run, searchable: Searchable, query: str, says: str
) -> None:
    code, out, err = search(run_cli, searchable, query, "--json")
    assert code == 2
    assert out == ""
    assert says in one_line(err)


BAD_QUERIES = [
    ('"扫码进站', ["cable"], "unbalanced quote"),
    ("(灯塔 OR 索道", ["cable", "harbour", "lighthouse"], "unbalanced '('"),
    ("灯塔)", ["harbour", "lighthouse"], "unbalanced ')'"),
    ("灯塔 OR", ["harbour", "lighthouse"], "OR with nothing"),
    ("灯塔" + " OR 灯塔" * 2000, ["harbour", "lighthouse"], "longer than 1000"),
    ("长" * 10_000, [], "longer than 1000"),
    ("colour:灯塔", [], "unknown field 'colour:'"),
    ("灯塔 date:someday", ["harbour", "lighthouse"], "date:someday"),
    ("灯塔\x07\x1b\x7f码头", ["harbour", "lighthouse"], None),  # control characters
]


@pytest.fixture(scope="module")
def bad_answers(
    searchable: Searchable, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[int, Any, str]]:
    """``search QUERY --json`` for every bad query, run side by side to save time."""
    home = tmp_path_factory.mktemp("bad")
    env = {**subprocess_env(home), **searchable.env}
    procs = {
        query: subprocess.Popen(
            [sys.executable, "-m", "duizhao", "search", query, "--json"]
            + ["--library", str(searchable.library)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=home,
        )
        for query, _, _ in BAD_QUERIES
    }
    answers = {}
    for query, proc in procs.items():
        out, err = proc.communicate(timeout=60)
        text = out.decode("utf-8")
        answers[query] = (proc.returncode, json.loads(text) if text.strip() else text, err.decode())
    return answers


@pytest.mark.parametrize(("query", "names", "note"), BAD_QUERIES)
def test_bad_query_gives_best_effort_and_a_note(
    bad_answers: dict[str, tuple[int, Any, str]],
    searchable: Searchable,
    query: str,
    names: list[str],
    note: str | None,
) -> None:
    code, out, err = bad_answers[query]
    assert code == 0, err
    assert "Traceback" not in err
    check_shape(out or [], ["灯塔", "扫码进站", "索道", "码头"])
    assert sorted(searchable.names(out or [])) == names
    notes = [line for line in err.splitlines() if line.startswith("duizhao: note: ")]
    if note is not None:
        assert any(note in line for line in notes), err
    assert all(len(line) < 300 for line in err.splitlines())


# -- the index's life ---------------------------------------------------------------------------


def test_missing_index_dir_is_rebuilt(run_cli: Run, copy_of: Searchable) -> None:
    shutil.rmtree(copy_of.library / "index")
    code, out, err = search(run_cli, copy_of, "码头", "--json")
    assert code == 0, err
    assert sorted(copy_of.names(out)) == ["harbour", "lighthouse"]
    assert index_meta(copy_of.library)["generation"] == library_generation(copy_of.library)


def test_index_from_another_version_is_rebuilt(run_cli: Run, copy_of: Searchable) -> None:
    meta = index_meta(copy_of.library)
    path = copy_of.library / "index" / "duizhao-index.json"
    path.write_text(json.dumps({**meta, "version": {**meta["version"], "index": -7}}), "utf-8")
    code, out, err = search(run_cli, copy_of, "码头", "--json")
    assert code == 0, err
    assert sorted(copy_of.names(out)) == ["harbour", "lighthouse"]
    assert index_meta(copy_of.library) == meta


@pytest.mark.parametrize("pattern", ["*.pst", "*.trm", "*.toc"])
def test_truncated_index_file_is_rebuilt(run_cli: Run, copy_of: Searchable, pattern: str) -> None:
    (victim,) = (copy_of.library / "index").glob(pattern)
    data = victim.read_bytes()
    victim.write_bytes(data[: len(data) // 3])
    code, out, err = search(run_cli, copy_of, "軟體", "--json")
    assert code == 0, err
    assert "Traceback" not in err
    # what the core says about it is a one-line note, like every other message
    assert all(line.startswith("duizhao: ") for line in err.splitlines() if line.strip()), err
    check_shape(out, ["軟體"])
    assert sorted(copy_of.names(out)) == ["bus", "cable"]


def test_held_lock_does_not_stop_a_search(run_cli: Run, copy_of: Searchable) -> None:
    from whoosh import index

    ix = index.open_dir(str(copy_of.library / "index"))
    writer = ix.writer()  # another Duizhao is writing; the index is up to date
    try:
        code, out, err = search(run_cli, copy_of, "索道", "--json")
    finally:
        writer.cancel()
        ix.close()
    assert code == 0, err
    assert copy_of.names(out) == ["cable"]


def test_import_remove_restore_and_reindex_keep_the_index_in_step(
    run_cli: Run, searchable: Searchable, tmp_path: Path, library_dir: Path
) -> None:
    env = searchable.env
    first = tmp_path / "cable.md"
    first.write_text(FILES["cable.md"], encoding="utf-8")
    market = tmp_path / "market.md"
    market.write_text(MARKET, encoding="utf-8")

    code, out, err = run_cli("import", first, market, "--json", env=env)
    assert code == 0, err
    ids = {Path(r["path"]).stem: r["id"] for r in out}
    assert index_meta(library_dir)["generation"] == library_generation(library_dir)

    code, out, err = run_cli("search", "環保餐具", "--json", env=env)
    assert (code, [h["id"] for h in out]) == (0, [ids["market"]]), err

    code, _, err = run_cli("remove", str(ids["market"]), env=env)
    assert code == 0, err
    assert index_meta(library_dir)["generation"] == library_generation(library_dir)
    code, out, err = run_cli("search", "环保餐具", "--json", env=env)
    assert (code, out) == (0, []), err

    code, out, err = run_cli("reindex", "--json", env=env)  # the trashed one is not counted
    assert (code, out) == (0, {"indexed": 1}), err
    assert "indexed 1 articles" in err
    assert index_meta(library_dir)["generation"] == library_generation(library_dir)

    code, _, err = run_cli("restore", str(ids["market"]), env=env)
    assert code == 0, err
    code, out, err = run_cli("search", "环保餐具 OR 索道", "--json", env=env)
    assert code == 0, err
    assert sorted(h["id"] for h in out) == sorted(ids.values())
