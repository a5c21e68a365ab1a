"""`duizhao import URL`, `duizhao feeds …`, and no network for any other command.

Pages and feeds are served by a loopback server this test starts. The guard
test runs every other command in a Python whose sockets refuse to connect
anywhere but a Unix socket, and whose name lookups fail: a command that
reached for the network would die with exit code 99.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from loopback import Route, page, serve

TITLE = "江边步道夜间亮灯"
PARAS = (
    "江边步道从今晚开始在夜间亮灯，沿线新装了两百多盏节能路灯，散步的市民不用再摸黑走路。",
    "市政部门说，路灯会在晚上十一点以后自动调暗，既保证安全，也尽量不打扰附近居民休息。",
    "一位常来跑步的大学生说，亮灯以后晚上来锻炼的人明显多了，步道上也显得热闹起来。",
)


@pytest.fixture
def server():
    with serve() as running:
        running.routes["/walk"] = Route(page(TITLE, *PARAS))
        running.routes["/photo"] = Route(b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")
        yield running


def test_import_urls_and_files_in_one_call(run_cli: Run, server, good_dir: Path) -> None:
    result = run_cli(
        "import", server.url("/walk"), good_dir / "park.html", server.url("/photo"), "--json"
    )
    assert result.returncode == 1, result.err
    walk, park, photo = result.out
    assert (walk["path"], walk["status"], walk["title"]) == (server.url("/walk"), "imported", TITLE)
    assert park["status"] == "imported"
    assert photo == {
        "path": server.url("/photo"),
        "status": "failed",
        "id": None,
        "title": None,
        "script": None,
        "error": "an image (image/png), not an article",
    }
    shown = run_cli("show", str(walk["id"]), "--json")
    assert PARAS[0] in shown.out["text"]
    again = run_cli("import", server.url("/walk"), "--json")
    assert again.out[0]["status"] == "duplicate"
    text = run_cli("import", server.url("/nowhere"))
    assert text.returncode == 1
    assert f"failed     {server.url('/nowhere')}: HTTP 404 Not Found" in text.out


def test_feeds_add_list_fetch(run_cli: Run, server) -> None:
    feed = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>江城晚报</title><item><title>{TITLE}</title><link>{server.url('/walk')}</link>"
        "<guid>walk-1</guid></item></channel></rss>"
    ).encode()
    server.routes["/feed.xml"] = Route(feed, content_type="application/rss+xml")
    added = run_cli("feeds", "add", server.url("/feed.xml"), "--json")
    assert added.returncode == 0, added.err
    assert added.out["status"] == "added"
    assert server.log == []  # subscribing does not fetch
    twice = run_cli("feeds", "add", server.url("/feed.xml"))
    assert "already subscribed" in twice.err
    fetched = run_cli("feeds", "fetch", "--json")
    assert fetched.returncode == 0, fetched.err
    [item] = fetched.out
    assert (item["status"], item["title"]) == ("imported", TITLE)
    assert run_cli("feeds", "fetch", "--json").out == []
    [listed] = run_cli("feeds", "list", "--json").out
    assert (listed["title"], listed["items"], listed["error"]) == ("江城晚报", 1, None)
    assert run_cli("feeds", "remove", str(listed["id"])).returncode == 0
    assert run_cli("feeds", "list", "--json").out == []
    assert run_cli("list", "--json").out[0]["title"] == TITLE  # the article stays


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("feeds", "add", "ftp://example.org/feed"), "only http and https"),
        (("feeds", "add"), "needs a feed's address"),
        (("feeds", "list", "http://x.org/"), "takes no address"),
        (("feeds", "remove", "9"), "no feed 9"),
    ],
)
def test_feeds_bad_usage_is_one_line(run_cli: Run, args: tuple[str, ...], message: str) -> None:
    run_cli("feeds", "add", "https://example.org/rss")  # makes the library, fetches nothing
    result = run_cli(*args)
    assert result.returncode in (1, 2)
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1


Run = Any


def guarded_env(tmp_path: Path) -> dict[str, str]:
    """No $DUIZHAO_LIBRARY, user directories inside ``tmp_path``, offscreen Qt."""
    env = {k: v for k, v in os.environ.items() if k != "DUIZHAO_LIBRARY"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONIOENCODING"] = "utf-8"
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env[variable] = str(tmp_path / "home" / variable.lower())
    return env


GUARD = """
import socket, sys, os

def refuse(*args, **kwargs):
    sys.stderr.write("NETWORK: " + repr(args[:2]) + "\\n")
    sys.stderr.flush()
    os._exit(99)

real_connect = socket.socket.connect
def connect(self, address):
    if self.family == socket.AF_UNIX:
        return real_connect(self, address)
    refuse(address)

socket.socket.connect = connect
socket.socket.connect_ex = connect
socket.getaddrinfo = refuse
socket.create_connection = refuse
from duizhao.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_no_command_but_import_url_and_feeds_fetch_reaches_the_network(
    tmp_path: Path, library_dir: Path, good_dir: Path
) -> None:
    env = guarded_env(tmp_path)

    def guarded(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", GUARD, *args, "--library", str(library_dir)],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=180,
            check=False,
        )

    out = tmp_path / "compare.md"
    commands = [
        ("import", str(good_dir)),
        ("list",),
        ("show", "1"),
        ("show", "1", "--json"),
        ("entities", "1"),
        ("cleaning", "1"),
        ("search", "公园"),
        ("compare", "1", "2"),
        ("export-compare", "1", "2", "--format", "md", "-o", str(out)),
        ("remove", "4"),
        ("restore", "4"),
        ("reclean",),
        ("check",),
        ("feeds", "add", "https://example.org/rss"),
        ("feeds", "list"),
        ("feeds", "remove", "1"),
    ]
    for args in commands:
        done = guarded(*args)
        assert done.returncode != 99, f"{args} reached the network: {done.stderr}"
        assert done.returncode == 0, f"{args}: {done.stderr}"
    # the guard itself works: asking for a URL is caught
    caught = guarded("import", "http://127.0.0.1:9/x")
    assert caught.returncode == 99


def test_window_start_makes_no_network_request(tmp_path: Path) -> None:
    """The window on the demo library, started and closed (self-test) under the guard."""
    env = guarded_env(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", GUARD, "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert done.returncode != 99, done.stderr
    assert done.returncode == 0, done.stderr + done.stdout
