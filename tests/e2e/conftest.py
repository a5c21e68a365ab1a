"""End-to-end fixtures: the ``duizhao`` command run as a real subprocess.

Every article here was written for these tests (a river town's night buses,
a mountain school's programming lessons, a lakeside park, a ferry pier in
Traditional script); none comes from the seed articles.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import pytest

#: Every good article is smaller than this, so ``--max-size 0.001`` (1,048 bytes)
#: refuses only the file written to be too large.
SMALL = 1000


class CliResult(NamedTuple):
    returncode: int
    out: Any  # parsed JSON when --json was given and stdout is JSON, else the text
    err: str


Run = Callable[..., CliResult]


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment for a subprocess: offscreen Qt, no $DUIZHAO_LIBRARY, and
    user directories inside ``tmp_path`` so the real data dir is never touched."""
    env = dict(os.environ)
    env.pop("DUIZHAO_LIBRARY", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONIOENCODING"] = "utf-8"
    home = tmp_path / "home"
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env[variable] = str(home / variable.lower())
    env.update(extra)
    return env


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "lib"


@pytest.fixture
def run_cli(tmp_path: Path, library_dir: Path) -> Run:
    """``run_cli("import", path, "--json")`` runs ``python -m duizhao import PATH --json
    --library tmp_path/lib`` and returns (returncode, stdout as JSON or text, stderr).

    ``library=None`` leaves ``--library`` out; ``env`` adds environment variables.
    """

    def run(
        *args: str | os.PathLike[str],
        library: Path | None = library_dir,
        env: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> CliResult:
        argv = [str(a) for a in args]
        if library is not None:
            argv += ["--library", str(library)]
        proc = subprocess.run(
            [sys.executable, "-m", "duizhao", *argv],
            capture_output=True,
            cwd=tmp_path,
            env=cli_env(tmp_path, **(env or {})),
            timeout=timeout,
            check=False,
        )
        stdout = proc.stdout.decode("utf-8")
        stderr = proc.stderr.decode("utf-8")
        out: Any = stdout
        if "--json" in argv and stdout.strip():
            out = json.loads(stdout)
        return CliResult(proc.returncode, out, stderr)

    return run


@pytest.fixture
def start_cli(
    tmp_path: Path, library_dir: Path
) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """``start_cli("import", path)`` starts the command (with ``--library tmp_path/lib``)
    without waiting: stdout discarded, stderr a pipe. The caller waits or kills it."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str | os.PathLike[str]) -> subprocess.Popen[bytes]:
        argv = [str(a) for a in args] + ["--library", str(library_dir)]
        proc = subprocess.Popen(
            [sys.executable, "-m", "duizhao", *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            env=cli_env(tmp_path),
        )
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


# -- good articles ---------------------------------------------------------------------

NIGHT_BUS_TXT = """\
河畔小城试行夜间公交
来源：江南晨报 2025年3月14日
作者：李晓明
本市交通部门宣布，自下月起在三条主干道试行夜间公交线路，每晚运营到凌晨两点。
交通局负责人表示，试行期为六个月，其间将根据客流数据调整发车间隔。
不少夜班工人对此表示欢迎，认为新线路能让他们下班后更快回家。
"""

SCHOOL_MD_BODY = """\
今年春季学期，西岭县十二所乡村小学开设了每周两节的编程课。

授课教师说，孩子们最喜欢用软件设计小游戏，课堂气氛十分活跃。

教育局计划明年把这门课程推广到全县所有小学。
"""

SCHOOL_MD = f"""\
---
title: 山区学校开设编程课
source: 西岭日报
author: 王芳
date: 2025-05-20
---
# 山区学校开设编程课

{SCHOOL_MD_BODY}"""

PARK_HTML = """\
<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>湖滨公园完成改造</title>
<meta property="og:site_name" content="东湖新闻网">
<meta property="article:published_time" content="2025-06-01T09:00:00+08:00">
</head><body><article><h1>湖滨公园完成改造</h1>
<p>经过八个月的施工，湖滨公园本周末重新向市民开放，新增了两公里长的环湖步道。</p>
<p>管理处介绍，工程种植了三千多株本地树木，还修建了儿童游乐区和无障碍通道。</p>
<p>开园第一天，来散步和锻炼的市民很多，不少家庭带着孩子在草坪上野餐。</p>
</article></body></html>
"""

FERRY_TXT = """\
港島新碼頭啟用
來源：海灣時報 2025年7月2日
新建的渡輪碼頭今天早上正式啟用，首班船在七點準時離開。
營運公司表示，新碼頭設有更寬敞的候船區，並提供無障礙登船設施。
許多通勤的乘客認為，搭船上班比過去方便了不少。
"""


@dataclass(frozen=True)
class Good:
    name: str
    content: str
    title: str
    script: str


GOOD_ARTICLES: tuple[Good, ...] = (
    Good("night-bus.txt", NIGHT_BUS_TXT, "河畔小城试行夜间公交", "simplified"),
    Good("school.md", SCHOOL_MD, "山区学校开设编程课", "simplified"),
    Good("park.html", PARK_HTML, "湖滨公园完成改造", "simplified"),
    Good("ferry.txt", FERRY_TXT, "港島新碼頭啟用", "traditional"),
)


def write_good(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for good in GOOD_ARTICLES:
        path = folder / good.name
        path.write_text(good.content, encoding="utf-8")
        assert path.stat().st_size < SMALL, f"{good.name} must stay small"
        paths[good.name] = path
    return paths


@pytest.fixture
def good_dir(tmp_path: Path) -> Path:
    """A folder of four good articles: .txt with in-text metadata, .md with front
    matter, .html, and a Traditional .txt."""
    folder = tmp_path / "good"
    write_good(folder)
    return folder


# -- bad inputs -------------------------------------------------------------------------

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    b"\x1f\xf3\xffa\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\x18\xdd\x8d\xb0"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def noise(seed: int = 20250314, size: int = 700) -> bytes:
    """Random bytes without NUL, so the decoder (not the binary check) refuses them."""
    rng = random.Random(seed)
    return bytes(rng.randrange(1, 256) for _ in range(size))


#: name -> (content, a word the one-line error must contain)
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "picture.txt": (PNG_BYTES, "binary"),
    "picture.png": (PNG_BYTES, "binary"),
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\n\r\n   \n", "whitespace"),
    "huge.txt": (
        ("这是一个特意写得很大的文件，用来检查大小限制。\n" * 120).encode("utf-8"),
        "too large",
    ),
    "noise.txt": (noise(), "encoding"),
    "broken.html": (b"<html><body><div><p></div></bo", "HTML"),
    "nothing.html": (b"<?xml version='1.0'?><!-- -->", "HTML"),
}


def write_bad(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, (content, _) in BAD_FILES.items():
        path = folder / name
        path.write_bytes(content)
        paths[name] = path
    return paths


@pytest.fixture
def good_articles() -> tuple[Good, ...]:
    return GOOD_ARTICLES


@pytest.fixture
def school_body() -> str:
    """The body of ``school.md`` without its front matter and heading."""
    return SCHOOL_MD_BODY


@pytest.fixture
def bad_files() -> dict[str, tuple[bytes, str]]:
    return BAD_FILES


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    """A folder of files Duizhao must refuse (with ``--max-size 0.001``)."""
    folder = tmp_path / "bad"
    write_bad(folder)
    return folder


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    """Good and bad files in one folder, some of them in a subfolder."""
    folder = tmp_path / "mixed"
    write_good(folder)
    write_bad(folder / "sub")
    return folder


# -- checks ------------------------------------------------------------------------------


def check_database(library: Path) -> None:
    """The library's SQLite file is sound and holds no half-imported article: every
    article has its raw input and ``chars`` counts its text."""
    db = sqlite3.connect(library / "library.sqlite3")
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        orphans = db.execute(
            "SELECT a.id FROM articles a LEFT JOIN raw_inputs r ON r.article_id = a.id "
            "WHERE r.article_id IS NULL"
        ).fetchall()
        assert orphans == [], "articles without their raw input"
        stray = db.execute(
            "SELECT r.article_id FROM raw_inputs r LEFT JOIN articles a ON a.id = r.article_id "
            "WHERE a.id IS NULL"
        ).fetchall()
        assert stray == [], "raw inputs without their article"
        bad_chars = db.execute("SELECT id FROM articles WHERE chars != length(text)").fetchall()
        assert bad_chars == [], "chars differs from the text's length"
        empty = db.execute("SELECT id FROM articles WHERE trim(text) = ''").fetchall()
        assert empty == [], "articles without text"
    finally:
        db.close()


@pytest.fixture
def check_library() -> Callable[[Path], None]:
    return check_database
