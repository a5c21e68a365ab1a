"""The hostile-input corpus (``tests/data/hostile``) through the real command line.

Each file was written to break an import -- encodings, mojibake, Markdown that
once took quadratic time, front matter bombs, HTML that swallowed text, names
that are not UTF-8 or hold escape sequences, links, a pipe. One import of the
whole corpus must report every file with its expected outcome and a one-line
reason, import the rest, leave a whole library, and print nothing raw.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from duizhao.core.ingest.importer import shown

Run = Callable[..., Any]
HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def corpus_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", HOSTILE / "make_corpus.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_corpus_is_what_its_script_makes(tmp_path: Path) -> None:
    script = corpus_script()
    fresh = {path.name: path.read_bytes() for path in script.write(tmp_path / "fresh")}
    committed = {path.name: path.read_bytes() for path in script.CORPUS.iterdir()}
    assert sorted(committed) == sorted(fresh)
    changed = [name for name in fresh if committed[name] != fresh[name]]
    assert changed == [], "run tests/data/hostile/make_corpus.py and commit corpus/"


@pytest.mark.slow
def test_every_hostile_input_is_handled_with_a_reason_and_nothing_is_lost(
    run_cli: Run, tmp_path: Path, library_dir: Path, check_library: Callable[[Path], None]
) -> None:
    script = corpus_script()
    folder = tmp_path / "hostile"
    shutil.copytree(script.CORPUS, folder)
    expected = {**script.EXPECTED, **script.write_runtime_only(folder / "runtime")}

    code, out, err = run_cli("import", folder, "--json", "--max-size", str(script.MAX_SIZE_MB))
    assert code == 1
    assert "Traceback" not in err
    results = {Path(r["path"]).name: r for r in out}
    assert sorted(results) == sorted(shown(name) for name in expected)
    for name, (status, reason) in expected.items():
        result = results[shown(name)]
        assert result["status"] == status, (name, result)
        if reason is not None:
            assert reason.lower() in result["error"].lower(), (name, result["error"])
            assert "\n" not in result["error"]
    imported = sorted(r["id"] for r in out if r["status"] == "imported")
    assert len(imported) == sum(1 for status, _ in expected.values() if status == "imported")
    assert len(set(imported)) == len(imported)
    check_library(library_dir)

    code, report, err = run_cli("check", "--json")
    assert code == 0, report
    assert report["articles"] == len(imported)
    code, listed, err = run_cli("list")
    assert code == 0
    assert "\x1b" not in listed + err
    for article_id in imported:
        code, text, err = run_cli("show", str(article_id))
        assert code == 0, err
        assert "\x1b" not in text.splitlines()[0]
    code, hits, err = run_cli("search", "书店", "--json", "--limit", "100")
    assert code == 0, err
    assert len(hits) >= len(imported) - 2  # a few hostile ones keep only odd text

    code, again, err = run_cli("import", folder, "--json", "--max-size", str(script.MAX_SIZE_MB))
    assert code == 1
    assert {r["status"] for r in again if r["status"] != "failed"} == {"duplicate"}
