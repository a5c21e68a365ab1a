"""A large import killed with SIGKILL leaves a sound library, and can simply be run again.

The articles are generated from phrases written for this test: made-up
county news (a bridge, a harvest, a library, a bus line …), every one with
different content.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

COUNT = 400
#: Kill once more than this many articles are committed.
KILL_AFTER = 5

PLACES = ("青石镇", "柳河县", "南坡村", "白鹭湾", "东岭乡", "云溪镇", "北塘村", "枫林县")
SUBJECTS = (
    "新建的大桥",
    "今年的稻谷收成",
    "社区图书馆",
    "乡村公交线路",
    "河道整治工程",
    "老旧小区改造",
    "茶叶合作社",
    "山区卫生站",
)
VERBS = (
    "正式投入使用",
    "比去年明显增加",
    "延长了开放时间",
    "增开了早晚班次",
    "进入最后阶段",
    "完成了第一期施工",
    "吸引了不少年轻人",
    "迎来了新的医生",
)
DETAILS = (
    "当地干部说，项目前后用了两年时间，花费比原来的预算略少。",
    "村民们在现场排起了长队，有人说这是他们盼了很久的事情。",
    "负责人介绍，下一步将根据居民的意见继续调整安排。",
    "一位老人告诉记者，过去办这件事要走上大半天的山路。",
    "技术人员每天清晨检查设备，确保一切运转正常。",
    "学校的孩子们也参与了志愿活动，帮忙打扫和布置场地。",
    "有专家提醒，后续的维护费用需要提前做好规划。",
    "附近的商户表示，客流增加以后生意好了很多。",
    "镇政府计划在秋天召开一次座谈会，听取各方面的建议。",
    "天气转凉以后，相关工作还会持续到明年春天。",
)
DIGITS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    return "".join(DIGITS[int(d)] for d in str(n))


def article(index: int, rng: random.Random) -> str:
    place = PLACES[index % len(PLACES)]
    subject = SUBJECTS[(index // len(PLACES)) % len(SUBJECTS)]
    verb = VERBS[(index * 3) % len(VERBS)]
    number = chinese_number(index)
    lines = [
        f"{place}{subject}{verb}（第{number}号报道）",
        f"来源：县融媒体中心 2025年{index % 12 + 1}月{index % 28 + 1}日",
        f"本报讯 {place}的{subject}{verb}，这是本报今年关于此事的第{number}篇报道。",
    ]
    for _ in range(12):
        lines.append(rng.choice(DETAILS) + f"记录编号{number}-{rng.randrange(10_000)}。")
    return "\n".join(lines) + "\n"


def write_articles(folder: Path) -> None:
    folder.mkdir()
    rng = random.Random(4242)
    texts = set()
    for index in range(COUNT):
        text = article(index, rng)
        texts.add(text)
        (folder / f"article-{index:04d}.txt").write_text(text, encoding="utf-8")
    assert len(texts) == COUNT


def committed(database: Path) -> int:
    """Articles committed so far, read as another process would."""
    if not database.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return 0
    try:
        return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # the schema is not there yet
        return 0
    finally:
        db.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_import_leaves_whole_articles_and_resumes(
    tmp_path: Path,
    library_dir: Path,
    run_cli: Callable[..., Any],
    start_cli: Callable[..., subprocess.Popen[bytes]],
    check_library: Callable[[Path], None],
) -> None:
    source = tmp_path / "many"
    write_articles(source)
    database = library_dir / "library.sqlite3"

    proc = start_cli("import", source, "--json")
    deadline = time.monotonic() + 30
    while committed(database) <= KILL_AFTER:
        if proc.poll() is not None:
            stderr = proc.stderr.read().decode() if proc.stderr else ""
            pytest.fail(f"the import ended (exit {proc.returncode}) before it was killed: {stderr}")
        assert time.monotonic() < deadline, "no article was committed within 30 s"
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    before = committed(database)
    assert KILL_AFTER < before < COUNT, f"{before} articles committed when killed"
    check_library(library_dir)

    code, out, err = run_cli("import", source, "--json", timeout=120)
    assert code == 0, err
    assert len(out) == COUNT
    statuses = [r["status"] for r in out]
    assert statuses.count("duplicate") == before
    assert statuses.count("imported") == COUNT - before
    assert statuses.count("failed") == 0
    assert len({r["id"] for r in out}) == COUNT

    check_library(library_dir)
    db = sqlite3.connect(database)
    try:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == COUNT
        assert db.execute("SELECT count(*) FROM raw_inputs").fetchone()[0] == COUNT
    finally:
        db.close()
    _, listed, _ = run_cli("list", "--json")
    assert len(listed) == COUNT
