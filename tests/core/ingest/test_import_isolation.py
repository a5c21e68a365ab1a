"""One file never stops an import: whatever goes wrong with it -- a bug in a
reader, a name that is not UTF-8, a folder that cannot be searched, a full
disk -- is that file's failed result with a one-line reason, and the files
after it are imported.

The articles are written for these tests (a bakery, a cycling lane, a choir).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from duizhao.core.ingest import import_paths
from duizhao.core.ingest import importer as importer_module
from duizhao.core.library import Library

GOOD = {
    "a-bakery.txt": "老面包房重新开业\n街角的老面包房装修后重新开业，早上七点就排起了长队。\n",
    "b-lane.txt": "新建自行车道\n沿江新建的自行车道全长八公里，周末骑车的市民很多。\n",
    "c-choir.txt": "社区合唱团演出\n社区合唱团在广场上演出了十首老歌，吸引了不少路人驻足。\n",
}


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def by_name(results: list) -> dict[str, object]:
    return {Path(r.path).name: r for r in results}


def test_an_exception_in_one_file_is_its_reason_and_the_rest_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "in", GOOD)
    real = importer_module.parse

    def parse(data: bytes, name: str, rules: object = None) -> object:
        if name == "b-lane.txt":
            raise RuntimeError("reader bug: list index out of range")
        if name == "c-choir.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, name, rules)

    monkeypatch.setattr(importer_module, "parse", parse)
    with Library.open(tmp_path / "lib") as library:
        results = by_name(import_paths(library, [tmp_path / "in"]))
        assert results["a-bakery.txt"].status == "imported"
        lane, choir = results["b-lane.txt"], results["c-choir.txt"]
        assert lane.status == choir.status == "failed"
        assert lane.error == "could not be read (RuntimeError: reader bug: list index out of range)"
        assert choir.error == "nested too deeply to read"
        assert library.count() == 1


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes are a Linux thing")
def test_a_file_name_that_is_not_utf8_is_imported_and_shown_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9-\xff.txt")
    (folder / name).write_text(GOOD["a-bakery.txt"], encoding="utf-8")
    with Library.open(tmp_path / "lib") as library:
        (result,) = import_paths(library, [folder])
        assert result.status == "imported", result.error
        assert result.path.endswith("caf\\xe9-\\xff.txt")
        assert library.get(result.id).original_name == "caf\\xe9-\\xff.txt"
        result.path.encode("utf-8")  # printable and storable as it is


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root searches any folder"
)
def test_a_folder_that_cannot_be_searched_is_a_reason(tmp_path: Path) -> None:
    write(tmp_path / "in", GOOD)
    locked = tmp_path / "locked"
    write(locked, {"inside.txt": GOOD["c-choir.txt"]})
    locked.chmod(0)
    try:
        with Library.open(tmp_path / "lib") as library:
            results = import_paths(library, [locked / "inside.txt", tmp_path / "in"])
    finally:
        locked.chmod(0o755)
    assert results[0].status == "failed"
    assert "cannot read" in (results[0].error or "")
    assert [r.status for r in results[1:]] == ["imported"] * 3


def test_a_full_disk_fails_each_file_with_a_reason_and_keeps_what_was_imported(
    tmp_path: Path,
) -> None:
    write(tmp_path / "in", GOOD)
    big = tmp_path / "big"
    write(big, {f"big-{n}.txt": f"第{n}篇\n" + "长篇报道的正文。" * 4000 + "\n" for n in range(3)})
    with Library.open(tmp_path / "lib") as library:
        assert [r.status for r in import_paths(library, [tmp_path / "in"])] == ["imported"] * 3
        pages = library.query("PRAGMA page_count")[0][0]
        library._db.execute(f"PRAGMA max_page_count = {int(pages) + 2}")  # type: ignore[call-overload]
        results = import_paths(library, [big])
        assert [r.status for r in results] == ["failed"] * 3
        assert all("disk full" in (r.error or "") for r in results)
        assert library.count() == 3
        assert {library.get(i).title for i in library.ids()} == {
            "老面包房重新开业",
            "新建自行车道",
            "社区合唱团演出",
        }


def test_a_permission_error_on_the_way_is_a_reason_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "in", GOOD)
    hidden = tmp_path / "locked" / "inside.txt"
    real_is_dir = Path.is_dir

    def is_dir(self: Path) -> bool:
        if self == hidden:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    with Library.open(tmp_path / "lib") as library:
        results = import_paths(library, [hidden, tmp_path / "in"])
    assert (results[0].status, results[0].error) == ("failed", "cannot read: Permission denied")
    assert [r.status for r in results[1:]] == ["imported"] * 3
