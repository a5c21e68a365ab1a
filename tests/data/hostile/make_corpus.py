"""The hostile-input corpus: files written to break an import, and what Duizhao must do.

Every byte here is made by this script (the Chinese sentences were written for
it). ``python tests/data/hostile/make_corpus.py`` rewrites ``corpus/`` beside
it; ``tests/e2e/test_hostile_corpus.py`` checks that the committed files are
what this script makes, adds the files that cannot be committed (names that
are not UTF-8 or hold control characters, links, a pipe, a file over the size
limit), imports everything with the real command line and holds each result
to :data:`EXPECTED`: ``("imported", None)``, or ``("failed", words the
one-line reason must contain)``.
"""

from __future__ import annotations

import codecs
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"

SENTENCES = (
    "江边新开了一家书店，店里的旧书按年代排列，周末常常坐满了读书的人。",
    "店主说，开店的钱一半来自积蓄，一半来自朋友的借款，他打算三年内还清。",
    "附近的中学生放学后喜欢来这里写作业，店主专门留出了一张长桌给他们。",
)
NUMBERS = "一二三四五六七八九十"
HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>书店开张</title></head><body>'
#: --max-size the test imports with, in megabytes: one runtime file is just over it.
MAX_SIZE_MB = 1
LOST = "\ufffd\ufffd".encode().decode("gbk")  # 锟斤拷: replacement characters read as GBK


def unique(n: int) -> str:
    """A sentence of its own for article ``n``, so no two imports are duplicates."""
    return f"这是关于书店的第{NUMBERS[n // 10]}{NUMBERS[n % 10]}篇短讯，记者一早就到了现场。"


def article(n: int) -> str:
    return "书店开张\n" + "\n".join((*SENTENCES, unique(n))) + "\n"


def paragraphs(n: int) -> str:
    return "".join(f"<p>{s}</p>\n" for s in (*SENTENCES, unique(n)))


def page(inner: str) -> bytes:
    return (HEAD + inner + "</body></html>").encode("utf-8")


def front(block: str, n: int = 0) -> bytes:
    return f"---\n{block}\n---\n{article(n)}".encode()


def alias_bomb(levels: int = 9) -> str:
    lines = ["a: &a [书, 书, 书, 书, 书, 书, 书, 书, 书]"]
    for n in range(1, levels):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + f"\ntitle: *{chr(ord('a') + levels - 1)}"


def noise(seed: int, size: int, *, nul: bool) -> bytes:
    rng = random.Random(seed)
    low = 0 if nul else 1
    return bytes(rng.randrange(low, 256) for _ in range(size))


def lost_characters() -> bytes:
    text = article(0)
    for word in ("旧书", "借款", "长桌", "积蓄", "作业"):
        text = text.replace(word, LOST)
    return text.encode()


def big5() -> bytes:
    return (
        "書店開張\n江邊新開了一家書店，店裡的舊書按年代排列，週末常常坐滿了讀書的人。\n"
        "店主說，開店的錢一半來自積蓄。\n"
    ).encode("big5")


def deep(depth: int, n: int) -> bytes:
    return page("<div>" * depth + paragraphs(n) + "</div>" * depth)


IMPORTED = ("imported", None)
#: name -> (how to make it, expected status, words its one-line reason must hold)
FILES: dict[str, tuple[Callable[[], bytes], str, str | None]] = {}


def case(name: str, make: Callable[[], bytes], status: str = "imported", reason: str = "") -> None:
    FILES[name] = (make, status, reason or None)


# -- bytes and encodings
case("empty.txt", lambda: b"", "failed", "empty")
case("whitespace.txt", lambda: b" \t\r\n  \n", "failed", "whitespace")
case("noise-with-nul.txt", lambda: noise(1, 4096, nul=True), "failed", "binary")
case("noise-without-nul.txt", lambda: noise(2, 4096, nul=False), "failed", "encoding")
case(
    "png-named.txt", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "failed", "binary"
)
case("utf16le-no-bom.txt", lambda: article(1).encode("utf-16-le"))
case("utf16be-no-bom.txt", lambda: article(2).encode("utf-16-be"))
case("gbk.txt", lambda: article(3).encode("gbk"))
case("big5.txt", big5)
case(
    "utf8-bom-bad.txt",
    lambda: codecs.BOM_UTF8 + b"\xff\xfe" + article(0).encode(),
    "failed",
    "byte-order mark",
)
case("utf16-bom-surrogate.txt", lambda: codecs.BOM_UTF16_LE + b"\x00\xd8A\x00", "failed", "UTF-16")
case(
    "control-characters.txt",
    lambda: ("\x01\x02\x03\x04" * 50 + article(0)).encode(),
    "failed",
    "control",
)
case("mojibake-lost.txt", lost_characters, "failed", "mojibake")
case(
    "terminal-escapes.txt", lambda: ("\x1b]0;x\x07书店\x1b[2J开张\u202e倒\n" + article(4)).encode()
)
# -- Markdown that once took quadratic time
case("brackets.md", lambda: ("[" * 200_000 + unique(5)).encode())
case("link-openers.md", lambda: ("[书](" * 50_000 + unique(6)).encode())
case("bold-openers.md", lambda: ("**书 " * 50_000 + unique(7)).encode())
case("heading-hashes.md", lambda: ("# " + "# " * 50_000 + unique(8)).encode())
# -- front matter
case("fm-date-month-13.md", lambda: front("title: 书店\ndate: 2026-13-45"), "failed", "not a date")
case("fm-date-year-0.md", lambda: front("title: 书店\ndate: 0000-01-01"), "failed", "not a date")
case("fm-date-bad-time.md", lambda: front("title: 书店\ndate: 2026-03-05T25:61:00", 9))
case("fm-alias-bomb.md", lambda: front(alias_bomb()), "failed", "alias")
case("fm-nested-flow.md", lambda: front("t: " + "[" * 20_000 + "]" * 20_000), "failed", "nested")
case(
    "fm-nested-block.md",
    lambda: front("".join(" " * n + f"k{n}:\n" for n in range(40)) + " " * 40 + "v"),
    "failed",
    "nested",
)
case("fm-binary.md", lambda: front("title: !!binary 5Lmm5bqX"), "failed", "binary data")
case("fm-mapping.md", lambda: front("title: {zh: 书店, en: bookshop}"), "failed", "mapping")
case("fm-python.md", lambda: front("title: !!python/object/apply:os.system [ls]"), "failed", "YAML")
case("fm-surrogate.md", lambda: front('title: "\\ud800"'), "failed", "surrogate")
case("fm-huge.md", lambda: front("title: " + "书" * 40_000), "failed", "larger than")
case("fm-not-closed.md", lambda: ("---\ntitle: 书店\n" + article(10)).encode())
# -- HTML
case("html-embed-before.html", lambda: page("<embed src=x>" + paragraphs(11)))
case(
    "html-source-between.html",
    lambda: page(f"<div><p>{SENTENCES[0]}</p><source>" + paragraphs(12) + "</div>"),
)
case("html-track-before.html", lambda: page("<track src=x>" + paragraphs(13)))
case(
    "html-script-only.html",
    lambda: page("<script>var s = '书店';</script>"),
    "failed",
    "no article text",
)
case("html-broken.html", lambda: b"<html><body><div><p></div></bo", "failed", "HTML")
case("html-deep-divs.html", lambda: deep(1000, 14))
case("html-deeper-than-parsed.html", lambda: deep(5000, 15), "failed", "nested deeper")
case("html-entities.html", lambda: page("<p>&#0;&#xD800;&#x110000;&amp;&lt;</p>" + paragraphs(16)))
case(
    "html-xml-declaration.html",
    lambda: b"<?xml version='1.0' encoding='gbk'?>" + page(paragraphs(17)),
)
case("html-unclosed-comment.html", lambda: page(paragraphs(18) + "<!-- never closed"))


def write(folder: Path = CORPUS) -> list[Path]:
    """Write every file of :data:`FILES` into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (make, _, _) in FILES.items():
        path = folder / name
        path.write_bytes(make())
        paths.append(path)
    return paths


def write_runtime_only(folder: Path) -> dict[str, tuple[str, str | None]]:
    """Files git cannot carry (or should not): odd names, links, a pipe, a file
    over the size limit. Returns their expectations by name."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, tuple[str, str | None]] = {}
    if sys.platform == "linux":
        odd = os.fsdecode(b"name-not-utf8-\xff\xfe.txt")
        (folder / odd).write_bytes(article(20).encode())
        expected[odd] = IMPORTED
    escapes = "name-\x1b[31m-escapes\n.txt"
    (folder / escapes).write_bytes(article(21).encode())
    expected[escapes] = IMPORTED
    (folder / "too-large.txt").write_bytes(("书" * 100 + "\n").encode() * (MAX_SIZE_MB * 3500))
    expected["too-large.txt"] = ("failed", "too large")
    (folder / "broken-link.txt").symlink_to(folder / "nowhere.txt")
    expected["broken-link.txt"] = ("failed", "broken symbolic link")
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # never followed
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
        expected["pipe.txt"] = ("failed", "not a regular file")
    return expected


EXPECTED: dict[str, tuple[str, str | None]] = {
    name: (status, reason) for name, (_, status, reason) in FILES.items()
}


if __name__ == "__main__":
    for written in write():
        print(written.relative_to(HERE.parent.parent.parent))
