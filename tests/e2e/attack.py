"""Attack the command line and count what it survives: ``python tests/e2e/attack.py``.

Not a test the suite collects (it takes minutes): a rerun, on demand, of the
kinds of attack issue #19 reported, with the real ``duizhao`` as a subprocess
in a temporary directory (the user's data is never touched):

- **hostile files**: the corpus of ``tests/data/hostile`` plus generated
  variants (random bytes, cut-off UTF-8, unknown charsets, odd names, …),
  imported together; each must be imported, or failed with a one-line reason;
- **injected faults**: kills during import and indexing, damaged index files,
  bit flips and smashed pages in the library, read-only media, a full disk,
  busy locks, foreign and empty files, exports nowhere; each must end in the
  expected exit code with at most one line on stderr and leave every
  committed article as it was;
- **odd arguments**: numbers, paths, views, formats and queries at and past
  their edges; each must be exit 0, 1 or 2 with one line.

It prints one line per failure and a summary: handled / total per kind, and
the number of tracebacks (and "internal error" lines) seen anywhere.
Mounting (full disk, read-only media) needs root; without it those attacks
are skipped and counted as such.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from faults import set_column_bytes, smash_page  # noqa: E402

GOOD = {
    "bus.txt": "夜班公交开通\n本市三条夜班公交线路今晚开通，每晚运营到凌晨两点。\n"
    "交通局表示试行期为半年。\n",
    "park.md": "---\ntitle: 湖滨公园重新开放\nsource: 东湖日报\ndate: 2025-06-01\n---\n"
    "经过八个月的施工，湖滨公园本周末重新向市民开放。\n管理处说新增了两公里环湖步道。\n",
    "ferry.txt": "港島新碼頭啟用\n新建的渡輪碼頭今天早上正式啟用，首班船在七點準時離開。\n",
    "school.html": "<!DOCTYPE html><html><head><meta charset='utf-8'>"
    "<title>乡村学校开设编程课</title></head><body><article><p>今年春季学期，西岭县十二所乡村小学开设了每周两节的编程课。</p>"
    "<p>授课教师说，孩子们最喜欢用软件设计小游戏，课堂气氛十分活跃。</p></article></body></html>",
}


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.tracebacks = 0
        self.internal = 0
        self.skipped: dict[str, int] = {}

    def record(self, kind: str, ok: bool, what: str, detail: str = "") -> None:
        handled, total = self.counts.setdefault(kind, [0, 0])
        self.counts[kind] = [handled + ok, total + 1]
        if not ok:
            print(f"  FAIL {kind}: {what}: {detail[:300]}")

    def saw(self, err: str) -> None:
        self.tracebacks += err.count("Traceback (most recent call last)")
        self.internal += err.count("internal error")

    def skip(self, kind: str, n: int, why: str) -> None:
        self.skipped[kind] = self.skipped.get(kind, 0) + n
        print(f"  skipped {n} {kind}: {why}")


TALLY = Tally()


def env(home: Path) -> dict[str, str]:
    variables = dict(os.environ)
    variables.pop("DUIZHAO_LIBRARY", None)
    variables.pop("DUIZHAO_TRACEBACK", None)
    variables["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        variables[name] = str(home / name.lower())
    return variables


def cli(home: Path, *args: object, timeout: float = 180) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "duizhao", *[os.fsencode(str(a)) for a in args]],
        capture_output=True,
        env=env(home),
        timeout=timeout,
        check=False,
        cwd=home,
    )
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    TALLY.saw(err)
    return proc.returncode, out, err


def lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def snapshot(library: Path) -> dict[int, tuple[str, bytes]]:
    """Every article's text and raw input, read straight from the file."""
    db = sqlite3.connect(f"file:{library / 'library.sqlite3'}?mode=ro", uri=True)
    db.text_factory = bytes
    try:
        rows = db.execute(
            "SELECT a.id, a.text, r.raw FROM articles a JOIN raw_inputs r ON r.article_id = a.id"
        ).fetchall()
    finally:
        db.close()
    return {int(i): (bytes(t), bytes(r)) for i, t, r in rows}


def whole(library: Path) -> bool:
    db = sqlite3.connect(f"file:{library / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = db.execute(
            "SELECT count(*) FROM articles a LEFT JOIN raw_inputs r ON r.article_id = a.id "
            "WHERE r.article_id IS NULL"
        ).fetchone()[0]
    finally:
        db.close()
    return ok and orphans == 0


def make_library(home: Path, name: str = "lib") -> Path:
    source = home / f"{name}-good"
    source.mkdir(parents=True, exist_ok=True)
    for file, text in GOOD.items():
        (source / file).write_text(text, encoding="utf-8")
    library = home / name
    code, _, err = cli(home, "import", source, "--library", library)
    assert code == 0, err
    return library


# -- hostile files ------------------------------------------------------------------------------


def corpus_script() -> Any:
    path = ROOT / "tests" / "data" / "hostile" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generated_variants(folder: Path) -> int:
    """More hostile files in the spirit of the corpus, made here."""
    folder.mkdir(parents=True)
    rng = random.Random(19)
    body = "渡口新开了一条航线，每天往返四班。\n乘客说船票比去年便宜了一些。\n"
    files: dict[str, bytes] = {}
    for n in range(12):
        files[f"random-{n}.txt"] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 9000)))
    encoded = body.encode()
    for n in range(1, 6):
        files[f"cut-utf8-{n}.txt"] = encoded[: len(encoded) - n]
    files["utf32-no-bom.txt"] = body.encode("utf-32-le")
    files["utf16-odd-length.txt"] = body.encode("utf-16-le") + b"x"
    files["bom-only.txt"] = b"\xef\xbb\xbf"
    files["only-newlines.txt"] = b"\n" * 10_000
    files["one-long-line.txt"] = ("航线" * 200_000).encode()
    files["charset-lies.html"] = (
        "<html><head><meta charset='big5'></head><body><p>" + body * 3 + "</p></body></html>"
    ).encode("gbk")
    files["charset-unknown.html"] = b"<meta charset='x-nonsense'>" + body.encode()
    files["pdf-as-html.html"] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    files["svg-script.html"] = b"<svg><script>alert(1)</script></svg>" + body.encode()
    files["entity-bomb.html"] = (
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><p>&b;'
        + body.encode() * 3
        + b"</p>"
    )
    files["only-boilerplate.txt"] = "欢迎关注！\n点赞转发\n本文来源网络\n".encode()
    files["front-matter-only.md"] = b"---\ntitle: x\n---\n"
    files["\u202eright-to-left-name.txt"] = (body + "一").encode()
    files["x" * 200 + ".txt"] = (body + "二").encode()
    files["tab\tand space .txt"] = (body + "三").encode()
    files["mojibake-big5.txt"] = (
        "\ufffd\ufffd".encode().decode("big5", "replace") * 6 + body
    ).encode()
    files["nul-middle.txt"] = body.encode() + b"\x00" + body.encode()
    files["gb18030-4byte.txt"] = (body + "𠀀𠀁").encode("gb18030")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "a-folder.txt").mkdir()
    (folder / "a-folder.txt" / "inner.txt").write_bytes((body + "四").encode())
    return len(files) + 1


def hostile_files(home: Path) -> None:
    print("hostile files")
    script = corpus_script()
    folder = home / "hostile"
    shutil.copytree(script.CORPUS, folder / "corpus")
    expected = dict(script.EXPECTED)
    expected.update(script.write_runtime_only(folder / "runtime"))
    generated_variants(folder / "generated")
    library = home / "hostile-lib"
    code, out, err = cli(
        home, "import", folder, "--json", "--max-size", script.MAX_SIZE_MB, "--library", library
    )
    results = json.loads(out) if out.strip() else []
    if code not in (0, 1) or not results:
        TALLY.record("hostile file", False, "the whole import", err)
        return
    for result in results:
        name = Path(result["path"]).name
        reason = result["error"]
        ok = result["status"] in ("imported", "duplicate") or (
            result["status"] == "failed" and bool(reason) and "\n" not in reason
        )
        if ok and reason and ("internal error" in reason or "could not be read (" in reason):
            ok = False  # a reason that only names an exception is not a clear one
        if name in expected and expected[name][0] != result["status"]:
            ok = False
        TALLY.record("hostile file", ok, name, f"{result['status']}: {reason}")
    ok = whole(library) and cli(home, "check", "--library", library)[0] == 0
    TALLY.record("hostile file", ok, "the library after the hostile import", "check failed")


# -- injected faults ----------------------------------------------------------------------------


def one_line_failure(home: Path, args: list[object], words: str = "") -> tuple[bool, str]:
    code, _, err = cli(home, *args)
    found = lines(err)
    ok = code == 1 and len(found) == 1 and words.lower() in err.lower()
    return ok, f"exit {code}: {err.strip()}"


def kills_during_import(home: Path, trials: int) -> None:
    print("kills during import")
    source = home / "many"
    source.mkdir()
    for n in range(300):
        (source / f"a{n:03d}.txt").write_text(
            f"第{n}号短讯\n" + f"县里的第{n}座桥今天通车，村民们在桥头放了鞭炮。\n" * 6,
            encoding="utf-8",
        )
    rng = random.Random(7)
    for trial in range(trials):
        library = home / f"killed-{trial}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "duizhao", "import", str(source), "--library", str(library)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env(home),
        )
        time.sleep(rng.uniform(1.0, 6.0))
        proc.kill()
        proc.wait()
        database = library / "library.sqlite3"
        if not database.exists():
            TALLY.record("injected fault", True, f"kill {trial} (before any write)")
            continue
        before = snapshot(library)
        ok = whole(library)
        code, _, err = cli(home, "search", "通车", "--library", library)
        ok = ok and code == 0 and snapshot(library) == before
        code, _, err2 = cli(home, "import", source, "--library", library)
        ok = ok and code == 0 and len(snapshot(library)) == 300
        TALLY.record("injected fault", ok, f"kill {trial} during import", err + err2)


def kills_during_indexing(home: Path, trials: int) -> None:
    print("kills during indexing (helper processes)")
    library = home / "index-kill"
    source = home / "many"
    code, _, err = cli(home, "import", source, "--library", library)
    for trial in range(trials):
        shutil.rmtree(library / "index", ignore_errors=True)
        proc = subprocess.Popen(
            [sys.executable, "-m", "duizhao", "reindex", "--library", str(library)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env(home),
        )
        deadline = time.monotonic() + 60
        children: list[int] = []
        while len(children) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)  # until the analysis helper and the resource tracker run
            children = _children(proc.pid)
        time.sleep(0.1 * trial)
        if not children:
            TALLY.skip("injected fault", 1, "reindex ended before its helper started")
            proc.communicate()
            continue
        proc.kill()
        started = time.monotonic()
        proc.communicate(timeout=30)  # returns when nobody holds the pipes any more
        eof = time.monotonic() - started
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        alive = [pid for pid in children if _alive(pid)]
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
        TALLY.record(
            "injected fault",
            not alive and eof < 10,
            f"kill {trial} while indexing",
            f"{len(alive)} helpers alive, output ended after {eof:.1f} s",
        )


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def index_corruptions(home: Path, trials: int) -> None:
    print("index corruptions")
    library = make_library(home, "index-damage")
    assert cli(home, "search", "公园", "--library", library)[0] == 0
    rng = random.Random(40)
    for trial in range(trials):
        index = library / "index"
        files = sorted(p for p in index.iterdir() if p.is_file()) if index.is_dir() else []
        how = trial % 5
        if how == 0 and files:
            target = rng.choice(files)
            target.write_bytes(
                target.read_bytes()[: rng.randrange(0, max(1, target.stat().st_size))]
            )
        elif how == 1 and files:
            target = rng.choice(files)
            data = bytearray(target.read_bytes())
            for _ in range(20):
                if data:
                    data[rng.randrange(len(data))] = rng.randrange(256)
            target.write_bytes(bytes(data))
        elif how == 2 and files:
            rng.choice(files).unlink()
        elif how == 3:
            shutil.rmtree(index, ignore_errors=True)
            index.mkdir()
            (index / "duizhao-index.json").write_text("{not json", encoding="utf-8")
        else:
            meta = index / "duizhao-index.json"
            if meta.exists():
                meta.write_text(json.dumps({"version": "old", "generation": -5}), encoding="utf-8")
        before = snapshot(library)
        code, out, err = cli(home, "search", "公园", "--json", "--library", library)
        hits = json.loads(out) if code == 0 and out.strip() else []
        ok = code == 0 and len(hits) == 1 and snapshot(library) == before
        TALLY.record("injected fault", ok, f"index damage {trial} (kind {how})", err)


def library_damage(home: Path) -> None:
    print("library damage")
    for column in ("text", "title", "source", "content_hash", "original_name"):
        library = make_library(home, f"flip-{column}")
        set_column_bytes(  # what a bit flip leaves: bytes that are not UTF-8
            library / "library.sqlite3",
            f"UPDATE articles SET {column} = CAST(x'e6b8ff8fe5' AS TEXT) WHERE id = 1",
        )
        others = {i: v for i, v in snapshot(library).items() if i != 1}
        code, report, _ = cli(home, "check", "--library", library)
        checks = [
            cli(home, "list", "--json", "--library", library)[0] == 0,
            cli(home, "search", "公园 OR 码头", "--library", library)[0] == 0,
            cli(home, "show", "2", "--library", library)[0] == 0,
            code == 1 and "article #1" in report,
            cli(home, "show", "1", "--raw", "--library", library)[0] == 0,
        ]
        code, _, err = cli(home, "reclean", "--library", library)
        checks.append(code == 0 and "repaired #1" in err)
        checks.append(cli(home, "check", "--library", library)[0] == 0)
        checks.append({i: v for i, v in snapshot(library).items() if i != 1} == others)
        TALLY.record("injected fault", all(checks), f"bit flip in {column}", str(checks))
    for table in ("articles", "raw_inputs", "articles_content_hash", "articles_published"):
        library = make_library(home, f"smash-{table}")
        smash_page(library / "library.sqlite3", table)
        before = (library / "library.sqlite3").read_bytes()
        for args in (
            ["import", home / "lib-good", "--library", library],
            ["remove", "1", "--library", library],
            ["reclean", "--library", library],
        ):
            ok, detail = one_line_failure(home, args, "damaged")
            ok = ok and (library / "library.sqlite3").read_bytes() == before
            TALLY.record("injected fault", ok, f"write to a smashed {table}", detail)
        for args in (["list", "--library", library], ["check", "--library", library]):
            code, out, err = cli(home, *args)
            TALLY.record(
                "injected fault",
                code in (0, 1) and len(lines(err)) <= 1,
                f"{args[0]} of a smashed {table}",
                err,
            )
    foreign = home / "foreign"
    foreign.mkdir()
    db = sqlite3.connect(foreign / "library.sqlite3")
    db.execute("CREATE TABLE notes (t TEXT)")
    db.commit()
    db.close()
    empty = home / "empty-file"
    empty.mkdir()
    (empty / "library.sqlite3").write_bytes(b"")
    truncated = make_library(home, "truncated")
    data = (truncated / "library.sqlite3").read_bytes()
    (truncated / "library.sqlite3").write_bytes(data[: len(data) // 2])
    for where in (foreign, empty, truncated):
        before = (where / "library.sqlite3").read_bytes()
        for command in ("list", "import", "reindex", "search"):
            args: list[object] = [command, "--library", where]
            if command == "import":
                args.insert(1, home / "lib-good")
            if command == "search":
                args.insert(1, "公园")
            ok, detail = one_line_failure(home, args)
            ok = ok and (where / "library.sqlite3").read_bytes() == before
            TALLY.record("injected fault", ok, f"{command} on {where.name}", detail)


def mounted(home: Path, name: str, size: str) -> Path | None:
    where = home / name
    where.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return where if result.returncode == 0 else None


def unmount(where: Path) -> None:
    if subprocess.run(["umount", str(where)], capture_output=True, check=False).returncode:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def read_only_media(home: Path) -> None:
    print("read-only media")
    where = mounted(home, "ro-media", "64m")
    if where is None:
        TALLY.skip("injected fault", 13, "cannot mount a tmpfs (not root?)")
        return
    try:
        library = make_library(where, "lib")
        cli(home, "search", "公园", "--library", library)
        before = snapshot(library)
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        for args in (
            ["list"],
            ["show", "1"],
            ["search", "码头"],
            ["entities", "1"],
            ["cleaning", "1"],
            ["compare", "1", "2"],
            ["check"],
            ["export-compare", "1", "2", "--format", "md", "-o", home / "out.md"],
        ):
            code, _, err = cli(home, *args, "--library", library)
            TALLY.record("injected fault", code == 0, f"read-only: {args[0]}", err)
        for args in (
            ["import", where / "lib-good"],
            ["remove", "1"],
            ["restore", "1"],
            ["reclean"],
            ["reindex"],
        ):
            ok, detail = one_line_failure(home, [*args, "--library", library], "read-only")
            TALLY.record("injected fault", ok, f"read-only: {args[0]}", detail)
        subprocess.run(["mount", "-o", "remount,rw", str(where)], check=True)
        TALLY.record("injected fault", snapshot(library) == before, "read-only: nothing lost")
    finally:
        unmount(where)


def full_disk(home: Path) -> None:
    print("full disk")
    where = mounted(home, "full-disk", "8m")
    if where is None:
        TALLY.skip("injected fault", 8, "cannot mount a tmpfs (not root?)")
        return
    try:
        library = make_library(where, "lib")
        cli(home, "search", "公园", "--library", library)
        extra = where / "extra"
        extra.mkdir()
        for n in range(3):
            (extra / f"x{n}.txt").write_text(
                f"新增短讯{n}\n" + "市场里的菜价本周稳定。\n" * 5, encoding="utf-8"
            )
        filler = where / "filler"
        with open(filler, "wb") as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
            except OSError:
                pass
        before = snapshot(library)
        code, out, err = cli(home, "import", extra, "--json", "--library", library)
        results = json.loads(out) if out.strip() else []
        each = bool(results) and all(
            r["status"] == "failed" and "disk full" in r["error"] for r in results
        )  # each file failed with its reason, or the library could not be opened at all
        ok = code == 1 and len(lines(err)) == 1 and (each or "disk full" in err)
        TALLY.record("injected fault", ok, "full disk: import", f"{err} {out[:300]}")
        for args in (["search", "公园"], ["list"], ["check"]):
            code, _, err = cli(home, *args, "--library", library)
            TALLY.record("injected fault", code == 0, f"full disk: {args[0]}", err)
        ok, detail = one_line_failure(home, ["reindex", "--library", library])
        TALLY.record("injected fault", ok, "full disk: reindex", detail)
        ok, detail = one_line_failure(
            home,
            [
                "export-compare",
                "1",
                "2",
                "--format",
                "csv",
                "-o",
                where / "c.csv",
                "--library",
                library,
            ],
        )
        TALLY.record("injected fault", ok, "full disk: export", detail)
        TALLY.record("injected fault", snapshot(library) == before, "full disk: nothing lost")
        filler.unlink()
        code, _, err = cli(home, "import", extra, "--library", library)
        TALLY.record("injected fault", code == 0 and whole(library), "full disk: after", err)
    finally:
        unmount(where)


def busy_and_concurrent(home: Path) -> None:
    print("locks and concurrent imports")
    library = make_library(home, "busy")
    db = sqlite3.connect(library / "library.sqlite3", isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    fresh = home / "busy-fresh"
    fresh.mkdir()
    (fresh / "new.txt").write_text("新的短讯\n河堤加固工程下周开工。\n", encoding="utf-8")
    try:
        code, _, err = cli(home, "remove", "1", "--library", library, timeout=60)
        ok = code == 1 and len(lines(err)) == 1 and "busy" in err
        TALLY.record("injected fault", ok, "busy: remove", err)
        code, out, err = cli(home, "import", fresh, "--json", "--library", library, timeout=60)
        results = json.loads(out) if out.strip() else []
        ok = code == 1 and [r["status"] for r in results] == ["failed"]
        ok = ok and "busy" in results[0]["error"] and len(lines(err)) == 1
        TALLY.record("injected fault", ok, "busy: import", f"{err} {out[:300]}")
        code, _, err = cli(home, "list", "--library", library)
        TALLY.record("injected fault", code == 0, "busy: list still reads", err)
    finally:
        db.execute("ROLLBACK")
        db.close()
    sources = []
    for n in range(10):
        folder = home / f"concurrent-{n}"
        folder.mkdir()
        (folder / "a.txt").write_text(
            f"并发导入第{n}篇\n" + "水库的蓄水量比去年多了三成。\n" * 4, encoding="utf-8"
        )
        sources.append(folder)
    shared = home / "concurrent-lib"
    make_library(home, "concurrent-lib")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "duizhao", "import", str(s), "--library", str(shared)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env(home),
        )
        for s in sources
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        TALLY.saw(err.decode("utf-8", "replace"))
        TALLY.record("injected fault", proc.returncode in (0, 1), "concurrent import", str(err))
    TALLY.record("injected fault", whole(shared), "concurrent imports: library whole")


def exports_nowhere(home: Path) -> None:
    print("exports that cannot be written")
    library = make_library(home, "exports")
    (home / "a-file").write_text("x", encoding="utf-8")
    (home / "a-folder").mkdir()
    readonly = home / "read-only.md"
    readonly.write_text("mine", encoding="utf-8")
    readonly.chmod(0o444)
    targets: list[Path] = [
        home / "a-folder",
        home / "a-file" / "x.md",
        Path("/dev/full"),
        Path("/proc/x.md"),
        Path("/proc/duizhao-no-such-dir/y.md"),
    ]
    if os.geteuid() != 0:
        targets.append(readonly)
    for target in targets:
        ok, detail = one_line_failure(
            home, ["export-compare", "1", "2", "--format", "md", "-o", target, "--library", library]
        )
        TALLY.record("injected fault", ok, f"export to {target}", detail)
    code, _, err = cli(
        home, "export-compare", "1", "2", "--format", "md", "-o", "", "--library", library
    )
    TALLY.record("injected fault", code == 2 and len(lines(err)) == 1, "export to ''", err)
    index_file = make_library(home, "index-file")
    shutil.rmtree(index_file / "index", ignore_errors=True)
    (index_file / "index").write_text("mine", encoding="utf-8")
    for args in (["search", "码头"], ["reindex"]):
        ok, detail = one_line_failure(home, [*args, "--library", index_file], "is a file")
        TALLY.record("injected fault", ok, f"{args[0]} with a file as index", detail)


# -- odd arguments -----------------------------------------------------------------------------


def odd_arguments(home: Path) -> None:
    print("odd arguments")
    library = make_library(home, "args")
    numbers = [
        "0",
        "-1",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551616",
        "1e3",
        "nan",
        "",
        " 2 ",
        "0x10",
        "１",
        "9" * 400,
    ]
    cases: list[list[object]] = []
    for command in ("show", "entities", "cleaning", "remove", "restore"):
        cases += [[command, n] for n in numbers]
    cases += [["compare", "1", n] for n in numbers]
    cases += [["search", "公园", "--limit", n] for n in numbers + ["10000", "10001"]]
    cases += [
        ["import", home / "args-good", "--max-size", n]
        for n in ("0", "-1", "nan", "inf", "-inf", "1e400", "2048", "2049", "0.0001", "x")
    ]
    cases += [["show", "1", "--view", v] for v in ("bogus", "", "TAIWAN")]
    cases += [
        ["export-compare", "1", "2", "--format", f, "-o", home / "x"] for f in ("pdf", "", "MD")
    ]
    queries = [
        "date:>=9999-12-31",
        "date:>9999-12-31",
        "date:<0001-01-01",
        "date:<=0001-01-01",
        "date:0000-01-01",
        "date:2026-13",
        "date:2026-03..2026-01",
        "date:[2027 TO 2025]",
        "date:99999",
        "date:9999-12",
        '"',
        "(((((",
        "NOT",
        "-公园",
        "\x1b[2J",
        "公园" * 2000,
        "title:",
        "script:klingon",
        "||| &&",
    ]
    cases += [["search", q] for q in queries]
    cases += [
        ["list", "--library", p]
        for p in (
            "",
            "/",
            "/proc",
            "/dev/null",
            "/nonexistent/x",
            str(home / "args-good" / "bus.txt"),
        )
    ]
    cases += [["import", home / "args-good", "--library", p] for p in ("/", "/proc/x", "/dev/null")]
    cases += [["list", "--no-such-option"], ["show"], ["compare", "1"], ["remove"], ["bogus-cmd"]]
    for args in cases:
        full = [*args] if "--library" in args else [*args, "--library", library]
        code, out, err = cli(home, *full)
        ok = code in (0, 1, 2) and len(lines(err)) <= 2 and "Traceback" not in err
        if code == 1 and len(lines(err)) != 1 and args[0] not in ("search", "import"):
            ok = False
        TALLY.record("odd argument", ok, " ".join(repr(str(a))[:40] for a in args), err)
    TALLY.record(
        "odd argument", snapshot(library).keys() >= {1, 2}, "the library after the arguments"
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="duizhao-attack-") as tmp:
        home = Path(tmp)
        for name in ("lib-good", "args-good"):
            (home / name).mkdir()
            for file, text in GOOD.items():
                (home / name / file).write_text(text, encoding="utf-8")
        started = time.monotonic()
        hostile_files(home)
        kills_during_import(home, 30)
        kills_during_indexing(home, 15)
        index_corruptions(home, 40)
        library_damage(home)
        read_only_media(home)
        full_disk(home)
        busy_and_concurrent(home)
        exports_nowhere(home)
        odd_arguments(home)
        print(f"\nattack finished in {time.monotonic() - started:.0f} s")
    for kind, (handled, total) in TALLY.counts.items():
        print(f"{kind}s: {handled} of {total} handled")
    for kind, n in TALLY.skipped.items():
        print(f"{kind}s skipped: {n}")
    print(f"tracebacks: {TALLY.tracebacks}; 'internal error' lines: {TALLY.internal}")
    failed = any(handled != total for handled, total in TALLY.counts.values())
    return 1 if failed or TALLY.tracebacks or TALLY.internal else 0


if __name__ == "__main__":
    sys.exit(main())
