"""The command line under faults: a wrong --library, read-only media, a full disk,
a damaged row, odd numbers, terminal escapes, exports that cannot be written.

Every fault must end in one line on stderr with the right exit code (1 for a
failure, 2 for bad usage), never a traceback, and lose nothing.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from faults import fill_up, flip_text_byte, read_only_media, tmpfs

Run = Callable[..., Any]


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- --library ----------------------------------------------------------------------------


def test_a_command_that_reads_makes_no_library(run_cli: Run, library_dir: Path) -> None:
    for argv in (["list"], ["show", "1"], ["search", "公交"], ["check"], ["reindex"]):
        code, out, err = run_cli(*argv)
        assert code == 1, argv
        assert "no Duizhao library" in one_line(err)
    code, _, err = run_cli("remove", "1")
    assert code == 1
    assert "no Duizhao library" in one_line(err)
    assert not library_dir.exists()


def test_import_makes_a_library_and_says_so(
    run_cli: Run, good_dir: Path, library_dir: Path
) -> None:
    code, _, err = run_cli("import", good_dir / "night-bus.txt")
    assert code == 0, err
    assert f"created a new library in {library_dir}" in err
    code, _, err = run_cli("import", good_dir / "ferry.txt")
    assert code == 0
    assert "created" not in err


@pytest.mark.parametrize("where", ["home", "/"], ids=["home-folder", "root"])
def test_import_refuses_a_folder_holding_other_files(
    run_cli: Run, good_dir: Path, tmp_path: Path, where: str
) -> None:
    folder = tmp_path / "home" if where == "home" else Path("/")
    if where == "home":
        folder.mkdir()
        (folder / "diary.txt").write_text("今天下雨。", encoding="utf-8")
    before = sorted(p.name for p in folder.iterdir())
    code, out, err = run_cli("import", good_dir, "--json", library=folder)
    assert code == 1
    assert out == ""
    assert "holds other files" in one_line(err)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_another_programs_database_is_refused_not_migrated(
    run_cli: Run, good_dir: Path, library_dir: Path
) -> None:
    library_dir.mkdir()
    db = sqlite3.connect(library_dir / "library.sqlite3")
    db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    db.commit()
    db.close()
    before = digest(library_dir / "library.sqlite3")
    for argv in (["list"], ["import", str(good_dir)], ["reindex"], ["check"]):
        code, out, err = run_cli(*argv)
        assert code == 1, argv
        assert "not a Duizhao library" in out + err
    assert digest(library_dir / "library.sqlite3") == before
    assert sorted(p.name for p in library_dir.iterdir()) == ["library.sqlite3"]


def test_a_library_cut_to_nothing_is_refused_and_its_index_kept(
    run_cli: Run, good_dir: Path, library_dir: Path
) -> None:
    assert run_cli("import", good_dir).returncode == 0
    assert run_cli("search", "码头").returncode == 0
    index_files = sorted(p.name for p in (library_dir / "index").iterdir())
    (library_dir / "library.sqlite3").write_bytes(b"")
    for argv in (["reindex"], ["search", "码头"], ["import", str(good_dir)], ["list"]):
        code, _, err = run_cli(*argv)
        assert code == 1, argv
        assert "empty (0 bytes)" in one_line(err)
    assert sorted(p.name for p in (library_dir / "index").iterdir()) == index_files
    code, out, err = run_cli("check", "--json")
    assert code == 1
    assert out["ok"] is False
    assert "empty (0 bytes)" in out["findings"][0]["problem"]


def test_an_empty_library_option_is_bad_usage(run_cli: Run) -> None:
    code, out, err = run_cli("list", "--library", "", library=None)
    assert code == 2
    assert "--library" in one_line(err)


# -- read-only media -------------------------------------------------------------------------


@pytest.fixture
def media(tmp_path: Path) -> Iterator:
    with read_only_media(tmp_path / "media") as media:
        yield media


@pytest.mark.slow
def test_a_library_on_read_only_media_reads_and_refuses_writes_in_one_line(
    run_cli: Run, media, good_dir: Path, tmp_path: Path
) -> None:
    library = media.folder / "lib"
    code, out, _ = run_cli("import", good_dir, "--json", library=library)
    assert code == 0
    ids = sorted(r["id"] for r in out)
    assert run_cli("search", "码头", library=library).returncode == 0
    media.lock()
    reading = [
        ["list", "--json"],
        ["show", str(ids[0]), "--json"],
        ["search", "码头", "--json"],
        ["entities", str(ids[0]), "--json"],
        ["cleaning", str(ids[0]), "--json"],
        ["compare", str(ids[0]), str(ids[1]), "--json"],
        ["export-compare", str(ids[0]), str(ids[1]), "--format", "md", "-o", tmp_path / "c.md"],
        ["check", "--json"],
    ]
    for argv in reading:
        code, out, err = run_cli(*argv, library=library)
        assert code == 0, (argv, err)
        assert "Traceback" not in err
    assert (tmp_path / "c.md").is_file()
    writing = [
        ["import", str(good_dir)],
        ["remove", str(ids[0])],
        ["restore", str(ids[0])],
        ["reclean"],
        ["reindex"],
    ]
    for argv in writing:
        code, _, err = run_cli(*argv, library=library)
        assert code == 1, argv
        assert "read-only" in one_line(err).lower(), argv
    media.unlock()
    code, out, _ = run_cli("list", "--json", library=library)
    assert sorted(r["id"] for r in out) == ids


# -- a full disk -------------------------------------------------------------------------------


def test_a_full_disk_fails_each_import_in_one_line_and_keeps_the_rest(
    run_cli: Run, good_dir: Path, tmp_path: Path, check_library: Callable[[Path], None]
) -> None:
    with tmpfs(tmp_path / "small", "8m") as disk:
        library = disk / "lib"
        first = good_dir / "night-bus.txt"
        assert run_cli("import", first, library=library).returncode == 0
        filler = fill_up(disk)
        code, out, err = run_cli(
            "import", good_dir / "ferry.txt", good_dir / "park.html", "--json", library=library
        )
        assert code == 1
        assert "Traceback" not in err
        assert len(err.strip().splitlines()) == 1  # one line for the open that failed
        assert "disk full" in err
        filler.unlink()
        code, out, err = run_cli("list", "--json", library=library)
        assert code == 0
        assert [r["title"] for r in out] == ["河畔小城试行夜间公交"]
        check_library(library)
        code, out, _ = run_cli("import", good_dir, "--json", library=library)
        assert code == 0
        assert sorted(r["status"] for r in out) == ["duplicate", "imported", "imported", "imported"]


# -- a damaged row -----------------------------------------------------------------------------


@pytest.mark.slow
def test_a_damaged_row_is_reported_kept_apart_and_repaired(
    run_cli: Run, good_dir: Path, library_dir: Path
) -> None:
    code, out, _ = run_cli("import", good_dir, "--json")
    ids = {Path(r["path"]).name: r["id"] for r in out}
    bus, ferry = ids["night-bus.txt"], ids["ferry.txt"]
    raw = (good_dir / "night-bus.txt").read_bytes()
    flip_text_byte(library_dir / "library.sqlite3", bus)

    code, out, err = run_cli("show", str(bus), "--json")
    assert code == 1
    assert f"#{bus} is damaged" in one_line(err)
    code, out, err = run_cli("show", str(bus), "--raw")
    assert code == 0
    assert out.encode("utf-8") == raw
    code, out, err = run_cli("search", "公交 OR 码头", "--json")
    assert code == 0
    assert f"#{bus}" in err
    assert "duizhao check" in err
    code, out, err = run_cli("show", str(ferry), "--json")
    assert code == 0
    code, out, err = run_cli("check", "--json")
    assert code == 1
    assert [(f["where"], f["article"]) for f in out["findings"]] == [("article", bus)]
    assert "reclean" in out["findings"][0]["repair"]

    code, _, err = run_cli("reclean")
    assert code == 0
    assert f"repaired #{bus}" in err
    code, out, _ = run_cli("check", "--json")
    assert code == 0
    assert out["ok"] is True
    code, out, _ = run_cli("search", "公交", "--json")
    assert [hit["id"] for hit in out] == [bus]


# -- numbers and words at the edge --------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "9223372036854775808"],
        ["show", "0"],
        ["show", "-5"],
        ["entities", "1e3"],
        ["remove", "99999999999999999999999"],
        ["compare", "1", "9223372036854775808"],
        ["search", "x", "--limit", "100000000000"],
        ["search", "x", "--limit", "0"],
        ["import", "a.txt", "--max-size", "nan"],
        ["import", "a.txt", "--max-size", "inf"],
        ["import", "a.txt", "--max-size", "1e400"],
        ["import", "a.txt", "--max-size", "-1"],
        ["export-compare", "1", "2", "--format", "md", "-o", ""],
        ["99999999999999999999999"],
    ],
)
def test_numbers_out_of_range_are_bad_usage_in_one_line(run_cli: Run, argv: list[str]) -> None:
    code, out, err = run_cli(*argv)
    assert code == 2
    assert out == ""
    one_line(err)


# -- terminal escapes ------------------------------------------------------------------------------

HOSTILE_TITLE = "\x1b]0;owned\x07夜市\x1b[2J开张\u202e伪造的方向"


def test_control_characters_in_titles_and_names_are_shown_escaped(
    run_cli: Run, tmp_path: Path
) -> None:
    name = tmp_path / "bad\x1b[31mname.txt"
    name.write_text(
        HOSTILE_TITLE + "\n老街夜市重新开张，摊位从四十个增加到六十个，管理处要求分类垃圾。\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("import", name)
    assert code == 0, err
    assert "\x1b" not in out + err
    assert "\\x1b[31m" in out
    code, out, err = run_cli("list")
    assert code == 0
    assert not {"\x1b", "\u202e", "\x07"} & set(out)
    assert "\\x1b]0;owned\\x07夜市\\x1b[2J开张\\u202e伪造的方向" in out
    code, out, _ = run_cli("list", "--json")
    assert out[0]["title"] == HOSTILE_TITLE  # JSON carries it exactly, escaped by JSON


# -- exports -------------------------------------------------------------------------------


@pytest.fixture
def two(run_cli: Run, good_dir: Path) -> list[str]:
    code, out, _ = run_cli("import", good_dir, "--json")
    assert code == 0
    return [str(r["id"]) for r in out[:2]]


@pytest.mark.parametrize(
    "target",
    ["folder", "under-a-file", "dev-full", "proc"],
)
def test_an_export_that_cannot_be_written_is_one_line(
    run_cli: Run, two: list[str], tmp_path: Path, target: str
) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    path = {
        "folder": tmp_path / "folder",
        "under-a-file": tmp_path / "a-file" / "out.md",
        "dev-full": Path("/dev/full"),
        "proc": Path("/proc/duizhao-export.md"),
    }[target]
    if not path.parent.exists() and target in ("dev-full", "proc"):
        pytest.skip(f"no {path.parent} here")
    code, out, err = run_cli("export-compare", *two, "--format", "md", "-o", path)
    assert code == 1
    assert "cannot write" in one_line(err)
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "x"


def test_a_failed_export_leaves_the_file_that_was_there(
    run_cli: Run, two: list[str], media
) -> None:
    target = media.folder / "kept.md"
    target.write_text("我的笔记", encoding="utf-8")
    media.lock()
    code, _, err = run_cli("export-compare", *two, "--format", "csv", "-o", target)
    assert code == 1
    assert "cannot write" in one_line(err)
    media.unlock()
    assert target.read_text(encoding="utf-8") == "我的笔记"
    assert sorted(p.name for p in media.folder.iterdir()) == ["kept.md"]


def test_an_export_replaces_the_old_file_and_keeps_a_link_to_it(
    run_cli: Run, two: list[str], tmp_path: Path
) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    code, _, err = run_cli("export-compare", *two, "--format", "csv", "-o", link)
    assert code == 0, err
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8-sig").startswith("topic,row,relation")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


# -- the index and check -------------------------------------------------------------------


def test_an_index_path_that_is_a_file_is_one_line(
    run_cli: Run, good_dir: Path, library_dir: Path
) -> None:
    assert run_cli("import", good_dir).returncode == 0
    shutil.rmtree(library_dir / "index")
    (library_dir / "index").write_text("mine", encoding="utf-8")
    for argv in (["search", "码头"], ["reindex"]):
        code, _, err = run_cli(*argv)
        assert code == 1
        assert "is a file, not a folder" in one_line(err)
    assert (library_dir / "index").read_text(encoding="utf-8") == "mine"


def test_check_of_a_whole_library(run_cli: Run, good_dir: Path, library_dir: Path) -> None:
    assert run_cli("import", good_dir).returncode == 0
    code, out, err = run_cli("check", "--json")
    assert code == 0, err
    assert out == {
        "library": str(library_dir),
        "articles": 4,
        "index": {"state": "current", "documents": 4},
        "ok": True,
        "findings": [],
    }
    assert "no problems found" in one_line(err)
