"""The command line of DESIGN.md ("Command line", a contract), run as a subprocess."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]

IMPORT_KEYS = {"path", "status", "id", "title", "script", "error"}
#: where an article comes from (issue #20): its outlet's profile, relay and region
ORIGIN_KEYS = {"outlet_key", "relayed_by", "region", "region_source"}
# the contract's keys, and the citation's (url, outlet, author; show adds the date and credits)
LIST_KEYS = {"id", "title", "source", "published", "script", "chars", "url", "outlet", "author"}
LIST_KEYS |= ORIGIN_KEYS
SHOW_KEYS = {
    "id",
    "title",
    "view",
    "text",
    "entities",
    "source",
    "url",
    "outlet",
    "author",
    "published",
    "credits",
} | ORIGIN_KEYS
VIEWS = ("original", "simplified", "traditional", "taiwan", "hongkong")


def by_name(results: list[dict]) -> dict[str, dict]:
    return {Path(r["path"]).name: r for r in results}


def imported_ids(run_cli: Run, *paths: Path) -> dict[str, int]:
    code, out, err = run_cli("import", *paths, "--json")
    assert code == 0, err
    return {name: r["id"] for name, r in by_name(out).items()}


# -- import ------------------------------------------------------------------------------


def test_import_json_shape_and_exit_0(
    run_cli: Run,
    good_dir: Path,
    good_articles: tuple,
) -> None:
    code, out, err = run_cli("import", good_dir, "--json")
    assert code == 0, err
    assert isinstance(out, list)
    assert len(out) == len(good_articles)
    for result in out:
        assert set(result) == IMPORT_KEYS
        assert result["status"] == "imported"
        assert isinstance(result["id"], int)
        assert result["error"] is None
    results = by_name(out)
    for good in good_articles:
        assert results[good.name]["title"] == good.title
        assert results[good.name]["script"] == good.script
    assert len({r["id"] for r in out}) == len(out)
    assert "4 imported" in err


def test_import_without_json_prints_text(run_cli: Run, good_dir: Path) -> None:
    code, out, err = run_cli("import", good_dir / "school.md")
    assert code == 0, err
    assert isinstance(out, str)
    assert "imported" in out
    assert "山区学校开设编程课" in out


def test_list_json_shape(
    run_cli: Run,
    good_dir: Path,
    good_articles: tuple,
) -> None:
    ids = imported_ids(run_cli, good_dir)
    code, out, err = run_cli("list", "--json")
    assert code == 0, err
    assert len(out) == len(good_articles)
    for row in out:
        assert set(row) == LIST_KEYS
        assert isinstance(row["chars"], int)
        assert row["chars"] > 0
    rows = {row["id"]: row for row in out}
    assert set(rows) == set(ids.values())
    night = rows[ids["night-bus.txt"]]
    assert night["title"] == "河畔小城试行夜间公交"
    assert night["source"] == "江南晨报"
    assert night["published"].startswith("2025-03-14")
    assert night["script"] == "simplified"
    school = rows[ids["school.md"]]
    assert school["source"] == "西岭日报"
    assert school["published"].startswith("2025-05-20")
    assert rows[ids["ferry.txt"]]["script"] == "traditional"


def test_list_empty_library(run_cli: Run, tmp_path: Path, library_dir: Path) -> None:
    code, _, err = run_cli("import", tmp_path / "no-such-file.txt", "--json")
    assert code == 1
    assert f"created a new library in {library_dir}" in err
    code, out, err = run_cli("list", "--json")
    assert code == 0, err
    assert out == []


def test_show_json_every_view(run_cli: Run, good_dir: Path) -> None:
    ids = imported_ids(run_cli, good_dir)
    school = ids["school.md"]
    texts = {}
    for view in VIEWS:
        code, out, err = run_cli("show", str(school), "--view", view, "--json")
        assert code == 0, err
        assert set(out) == SHOW_KEYS
        assert out["id"] == school
        assert out["title"] == "山区学校开设编程课"
        assert out["view"] == view
        for entity in out["entities"]:  # offsets index this view's text
            assert out["text"][entity["start"] : entity["end"]] == entity["text"]
            assert entity["type"] in {"PERSON", "PLACE", "ORG", "DATE", "NUMBER"}
        texts[view] = out["text"]
    assert "软件" in texts["original"]
    assert texts["original"] == texts["simplified"]
    assert "軟體" in texts["taiwan"]
    assert "軟件" in texts["traditional"]
    assert "軟件" in texts["hongkong"]
    assert "编程" in texts["original"]
    assert "學期" in texts["traditional"]


def test_show_default_view_is_original(run_cli: Run, good_dir: Path) -> None:
    ids = imported_ids(run_cli, good_dir)
    code, out, err = run_cli("show", str(ids["ferry.txt"]), "--json")
    assert code == 0, err
    assert out["view"] == "original"
    assert "碼頭" in out["text"]
    code, out, err = run_cli("show", str(ids["ferry.txt"]), "--view", "simplified", "--json")
    assert code == 0, err
    assert "码头" in out["text"]


def test_show_text_output(run_cli: Run, good_dir: Path) -> None:
    ids = imported_ids(run_cli, good_dir)
    code, out, err = run_cli("show", str(ids["night-bus.txt"]))
    assert code == 0, err
    assert out.splitlines()[0] == "河畔小城试行夜间公交"
    assert "夜间公交线路" in out


def test_show_missing_article_exits_1_with_one_line(run_cli: Run, good_dir: Path) -> None:
    imported_ids(run_cli, good_dir)
    code, out, err = run_cli("show", "999", "--json")
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "999" in lines[0]
    assert "Traceback" not in err


# -- exit codes for bad usage --------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["list", "--no-such-option"], id="unknown-option"),
        pytest.param(["show", "notanumber"], id="show-not-a-number"),
        pytest.param(["show", "1", "--view", "bogus"], id="bogus-view"),
        pytest.param(["import"], id="import-without-paths"),
        pytest.param(["import", "x.txt", "--max-size", "0"], id="max-size-zero"),
        pytest.param(["remove"], id="remove-without-ids"),
    ],
)
def test_bad_usage_exits_2(run_cli: Run, argv: list[str]) -> None:
    code, out, err = run_cli(*argv)
    assert code == 2, err
    assert out == ""
    assert "Traceback" not in err
    assert err.strip()


def test_version(run_cli: Run) -> None:
    code, out, err = run_cli("--version", library=None)
    assert code == 0, err
    from duizhao import __version__

    assert out.strip() == f"duizhao {__version__}"


# -- duplicates ---------------------------------------------------------------------------


def test_same_file_twice_is_duplicate(
    run_cli: Run,
    good_dir: Path,
    good_articles: tuple,
) -> None:
    first = imported_ids(run_cli, good_dir)
    code, out, err = run_cli("import", good_dir, "--json")
    assert code == 0, err
    for name, result in by_name(out).items():
        assert result["status"] == "duplicate"
        assert result["id"] == first[name]
        assert result["error"] is None
        assert result["title"]
    code, listed, _ = run_cli("list", "--json")
    assert len(listed) == len(good_articles)


def test_same_content_other_format_is_duplicate(
    run_cli: Run,
    good_dir: Path,
    tmp_path: Path,
    school_body: str,
) -> None:
    ids = imported_ids(run_cli, good_dir)
    copies = tmp_path / "copies"
    copies.mkdir()
    # The Markdown article's body as plain text, under another name.
    (copies / "school-copy.txt").write_text(school_body, encoding="utf-8")
    # The same body with other line breaks and indentation: still the same content.
    squeezed = "\n".join("  " + line for line in school_body.split("\n") if line) + "\n"
    (copies / "school-squeezed.txt").write_text(squeezed, encoding="utf-8")
    # A byte-identical copy under another name.
    shutil.copy(good_dir / "night-bus.txt", copies / "renamed.txt")
    code, out, err = run_cli("import", copies, "--json")
    assert code == 0, err
    results = by_name(out)
    assert results["school-copy.txt"]["status"] == "duplicate"
    assert results["school-copy.txt"]["id"] == ids["school.md"]
    assert results["school-squeezed.txt"]["status"] == "duplicate"
    assert results["school-squeezed.txt"]["id"] == ids["school.md"]
    assert results["renamed.txt"]["status"] == "duplicate"
    assert results["renamed.txt"]["id"] == ids["night-bus.txt"]


# -- remove and restore -------------------------------------------------------------------


def test_remove_then_restore(
    run_cli: Run,
    good_dir: Path,
    good_articles: tuple,
) -> None:
    ids = imported_ids(run_cli, good_dir)
    target = ids["park.html"]
    code, out, err = run_cli("remove", str(target), "--json")
    assert code == 0, err
    assert out == [{"id": target, "title": "湖滨公园完成改造", "status": "removed"}]
    assert f"restore {target}" in err
    _, listed, _ = run_cli("list", "--json")
    assert target not in {row["id"] for row in listed}
    assert len(listed) == len(good_articles) - 1
    code, _, err = run_cli("show", str(target))
    assert code == 1
    code, out, err = run_cli("restore", str(target), "--json")
    assert code == 0, err
    assert out == [{"id": target, "title": "湖滨公园完成改造", "status": "restored"}]
    _, listed, _ = run_cli("list", "--json")
    assert target in {row["id"] for row in listed}


def test_reimporting_a_removed_article_brings_it_back(run_cli: Run, good_dir: Path) -> None:
    ids = imported_ids(run_cli, good_dir)
    target = ids["night-bus.txt"]
    assert run_cli("remove", str(target)).returncode == 0
    code, out, err = run_cli("import", good_dir / "night-bus.txt", "--json")
    assert code == 0, err
    assert out[0]["id"] == target
    assert out[0]["status"] == "imported"
    _, listed, _ = run_cli("list", "--json")
    assert target in {row["id"] for row in listed}


def test_remove_unknown_id_exits_1(run_cli: Run, good_dir: Path) -> None:
    assert run_cli("import", good_dir / "school.md").returncode == 0
    code, out, err = run_cli("remove", "42")
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "42" in err


def test_remove_and_restore_do_the_rest_when_one_id_is_unknown(
    run_cli: Run, good_dir: Path
) -> None:
    ids = imported_ids(run_cli, good_dir)
    first, second = ids["park.html"], ids["school.md"]
    code, out, err = run_cli("remove", "999", str(first), str(second), "--json")
    assert code == 1
    assert [r["id"] for r in out] == [first, second]
    assert "999" in err
    _, listed, _ = run_cli("list", "--json")
    assert {first, second}.isdisjoint(row["id"] for row in listed)
    code, out, err = run_cli("restore", str(first), "998", str(second), "--json")
    assert code == 1
    assert [r["id"] for r in out] == [first, second]
    assert "998" in err
    _, listed, _ = run_cli("list", "--json")
    assert {first, second} <= {row["id"] for row in listed}


# -- where the library is -----------------------------------------------------------------


def test_library_option_before_subcommand(
    run_cli: Run,
    good_dir: Path,
    tmp_path: Path,
    good_articles: tuple,
) -> None:
    other = tmp_path / "elsewhere"
    code, out, err = run_cli("--library", other, "import", good_dir, "--json", library=None)
    assert code == 0, err
    assert len(out) == len(good_articles)
    assert (other / "library.sqlite3").is_file()
    code, out, err = run_cli("--library", other, "list", "--json", library=None)
    assert code == 0, err
    assert len(out) == len(good_articles)
    # and --json before the subcommand too
    code, out, err = run_cli("--library", other, "--json", "list", library=None)
    assert code == 0, err
    assert len(out) == len(good_articles)


def test_environment_variable_names_the_library(
    run_cli: Run,
    good_dir: Path,
    tmp_path: Path,
    good_articles: tuple,
) -> None:
    from_env = tmp_path / "from-env"
    env = {"DUIZHAO_LIBRARY": str(from_env)}
    code, out, err = run_cli("import", good_dir, "--json", library=None, env=env)
    assert code == 0, err
    assert (from_env / "library.sqlite3").is_file()
    code, out, err = run_cli("list", "--json", library=None, env=env)
    assert code == 0, err
    assert len(out) == len(good_articles)
    # --library wins over the environment (and a library that is not there is not made)
    code, out, err = run_cli("list", "--json", env=env)
    assert code == 1
    assert "no Duizhao library" in err


def test_newer_library_is_refused_with_exit_1(
    run_cli: Run, library_dir: Path, good_dir: Path
) -> None:
    assert run_cli("import", good_dir / "school.md").returncode == 0
    db = sqlite3.connect(library_dir / "library.sqlite3")
    db.execute("PRAGMA user_version = 999")
    db.close()
    code, out, err = run_cli("list", "--json")
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "newer" in err


# -- bad input ------------------------------------------------------------------------------


def check_failed(result: dict, reason: str) -> None:
    assert set(result) == IMPORT_KEYS
    assert result["status"] == "failed", result
    assert result["id"] is None
    assert result["title"] is None
    assert result["script"] is None
    error = result["error"]
    assert isinstance(error, str)
    assert error.strip()
    assert "\n" not in error
    assert reason.lower() in error.lower(), (result["path"], error)


def test_bad_inputs_each_fail_with_a_reason(
    run_cli: Run,
    bad_dir: Path,
    tmp_path: Path,
    library_dir: Path,
    bad_files: dict,
    check_library: Callable[[Path], None],
) -> None:
    missing = tmp_path / "does-not-exist.txt"
    code, out, err = run_cli("import", bad_dir, missing, "--max-size", "0.001", "--json")
    assert code == 1
    assert "Traceback" not in err
    results = by_name(out)
    assert set(results) == {*bad_files, missing.name}
    for name, (_, reason) in bad_files.items():
        check_failed(results[name], reason)
    check_failed(results[missing.name], "no such file")
    assert results[missing.name]["path"] == str(missing)
    check_library(library_dir)
    assert run_cli("list", "--json").out == []


def test_size_limit_message_names_the_sizes(run_cli: Run, bad_dir: Path) -> None:
    code, out, _ = run_cli("import", bad_dir / "huge.txt", "--max-size", "0.001", "--json")
    assert code == 1
    error = out[0]["error"]
    assert "too large" in error
    # 0.001 MB is 1,048 bytes: the message must not claim "0.0 MB" for both sizes
    assert "0.0 MB" not in error, error


def test_mixed_folder_imports_the_good_and_reports_the_bad(
    run_cli: Run,
    mixed_dir: Path,
    tmp_path: Path,
    library_dir: Path,
    good_articles: tuple,
    bad_files: dict,
    check_library: Callable[[Path], None],
) -> None:
    missing = tmp_path / "gone"
    code, out, err = run_cli("import", mixed_dir, missing, "--max-size", "0.001", "--json")
    assert code == 1
    assert "Traceback" not in err
    assert len(out) == len(good_articles) + len(bad_files) + 1
    results = by_name(out)
    for good in good_articles:
        result = results[good.name]
        assert result["status"] == "imported", result
        assert result["title"] == good.title
        assert result["error"] is None
    for name, (_, reason) in bad_files.items():
        check_failed(results[name], reason)
    check_failed(results["gone"], "no such file")
    assert f"{len(good_articles)} imported" in err
    assert f"{len(bad_files) + 1} failed" in err

    check_library(library_dir)
    db = sqlite3.connect(library_dir / "library.sqlite3")
    try:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(good_articles)
        assert db.execute("SELECT count(*) FROM raw_inputs").fetchone()[0] == len(good_articles)
        raws = {bytes(r[0]) for r in db.execute("SELECT raw FROM raw_inputs")}
    finally:
        db.close()
    assert raws == {(mixed_dir / g.name).read_bytes() for g in good_articles}

    _, listed, _ = run_cli("list", "--json")
    assert {row["title"] for row in listed} == {g.title for g in good_articles}
