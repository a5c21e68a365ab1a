"""``duizhao --self-test``: prove that this installation works, end to end, in seconds.

It is the smoke test of the frozen bundle (packaging/build.py and
tests/packaging/test_frozen.py run it from the unpacked .deb) and works the
same from a source checkout. Everything happens in a fresh temporary
directory: nothing is written to the current directory, the user's library
or the home directory, so it runs from a read-only directory, with ``HOME``
unset and under a C or Latin-1 locale.

Steps, each a real use of the code a person relies on:

``library``  import the demo articles (plain text, Markdown and HTML, so the
             bundled cleaning rules and trafilatura's data are found);
``view``     convert a Simplified article to the Taiwan view and a
             Traditional one to Simplified (OpenCC's configurations and
             dictionaries are found and loaded);
``segment``  cut words with jieba's dictionary and split sentences;
``search``   index the library and search a Traditional query, which must
             find the Simplified articles with highlights on the matched words;
``entities`` tag a Simplified article with the bundled LAC model, the
             gazetteer and the rules, and check the offsets;
``compare``  compare two demo articles: shared topics, claims side by side;
``window``   open the main window offscreen on that library, show an article,
             render the window to a PNG and check the picture is not blank and
             that a font with Chinese glyphs is installed.

On success it prints one line, ``self-test ok: …``, and returns 0; on the
first failure one line, ``self-test FAILED: <step>: <reason>``, and returns 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: A rendered window with fewer distinct colours than this counts as blank: a
#: plain window frame has a handful, anti-aliased Chinese text hundreds.
MIN_COLOURS = 24
WINDOW_SIZE = (1280, 800)


class StepFailed(Exception):
    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


@contextmanager
def step(name: str) -> Iterator[None]:
    """Turn any exception inside into a :class:`StepFailed` naming the step."""
    try:
        yield
    except StepFailed:
        raise
    except Exception as exc:  # noqa: BLE001 - the self-test reports, it does not crash
        reason = f"{type(exc).__name__}: {exc}"
        raise StepFailed(name, " ".join(reason.split())) from exc


def check(condition: bool, step_name: str, reason: str) -> None:
    if not condition:
        raise StepFailed(step_name, reason)


def run_self_test() -> int:
    """Run every step in a temporary directory; print one line; 0 when all passed."""
    started = time.perf_counter()
    try:
        with step("temp"):
            try:
                scratch = tempfile.TemporaryDirectory(prefix="duizhao-selftest-")
            except OSError as exc:
                raise StepFailed(
                    "temp", f"no writable temporary directory ({exc}); set TMPDIR"
                ) from exc
        with scratch as directory:
            parts = _run(Path(directory))
    except StepFailed as failure:
        print(f"self-test FAILED: {failure.step}: {failure.reason}", flush=True)
        return 1
    from duizhao import __version__

    elapsed = time.perf_counter() - started
    print(f"self-test ok: {', '.join(parts)}, duizhao {__version__}, {elapsed:.1f} s", flush=True)
    return 0


def _run(tmp: Path) -> list[str]:
    parts: list[str] = []

    with step("library"):
        from duizhao.core.ingest import ensure_demo_library
        from duizhao.core.library import ImportStatus, Library
        from duizhao.core.text import Script

        results = ensure_demo_library(tmp / "library")
        failed = [r for r in results if r.status == ImportStatus.FAILED]
        check(not failed, "library", "; ".join(f"{Path(r.path).name}: {r.error}" for r in failed))
        html = [r for r in results if r.path.endswith(".html")]
        check(bool(html), "library", "the demo has no HTML article to import")
        library = Library.open(tmp / "library")
    try:
        summaries = library.summaries()
        check(len(summaries) >= 2, "library", f"only {len(summaries)} demo articles imported")
        parts.append(f"{len(summaries)} articles ({len(html)} HTML)")
        simplified = _first(library, summaries, Script.SIMPLIFIED)
        traditional = _first(library, summaries, Script.TRADITIONAL, like=simplified)

        with step("view"):
            from duizhao.core.text import build_view

            view = build_view(simplified.text, simplified.script, "taiwan")
            check(view.text != simplified.text, "view", "the Taiwan view equals the original")
            back = build_view(
                traditional.text, traditional.script, "simplified", region=traditional.region
            )
            check(back.text != traditional.text, "view", "the Simplified view equals the original")
            parts.append(f"view taiwan {len(view.text)} chars")

        with step("segment"):
            from duizhao.core.text import Segmenter, sentences, use_shared_segmenter

            segmenter = Segmenter(tmp / "cache")
            use_shared_segmenter(segmenter)  # search and comparison cut with it too
            tokens = segmenter.tokens(simplified.text, simplified.script)
            check(len(tokens) > 10, "segment", f"only {len(tokens)} tokens")
            check(
                all(simplified.text[t.start : t.end] == t.text for t in tokens),
                "segment",
                "token offsets do not match the text",
            )
            spans = sentences(simplified.text)
            check(len(spans) > 1, "segment", f"only {len(spans)} sentences")
            parts.append(f"{len(tokens)} tokens, {len(spans)} sentences")

        with step("search"):
            from duizhao.core.search import SearchIndex
            from duizhao.core.text import convert

            index = SearchIndex(tmp / "library")
            try:
                index.sync(library)
                # a Traditional query must find the Simplified demo articles
                found = index.search(library, convert("出口管制", "s2twp"), limit=20)
            finally:
                index.close()
            hits = [h for h in found.hits if library.get(h.id).script == Script.SIMPLIFIED]
            check(bool(hits), "search", "a Traditional query found no Simplified article")
            text = library.get(hits[0].id).text
            check(
                all(convert(text[a:b], "t2s") == "出口管制" for a, b in hits[0].highlights),
                "search",
                "highlights do not land on the matched words",
            )
            parts.append(f"search {len(found.hits)} hits")

        with step("entities"):
            from duizhao.core.entities import article_entities

            # this loads the bundled entity model: a bundle without it fails here
            entities = article_entities(library, simplified)
            kinds = {e.type for e in entities}
            check({"PERSON", "PLACE", "ORG"} & kinds != set(), "entities", "no names found")
            check(
                all(simplified.text[e.start : e.end] == e.text for e in entities),
                "entities",
                "entity offsets do not index the text",
            )
            parts.append(f"{len(entities)} entities")

        with step("compare"):
            from duizhao.core.compare import compare

            comparison = compare(library, [simplified.id, traditional.id])
            rows = [row for topic in comparison.topics for row in topic.rows]
            check(bool(comparison.topics), "compare", "no shared topic found")
            check(
                any(len({c.article for c in row.claims}) >= 2 for row in rows),
                "compare",
                "no row puts claims of two articles side by side",
            )
            parts.append(f"compare {len(comparison.topics)} topics")

        with step("window"):
            parts.append(_render_window(tmp, library, simplified.id))
    finally:
        library.close()
    return parts


def _first(library: Any, summaries: list[Any], script: Any, like: Any = None) -> Any:
    """The first article in ``script``; with ``like``, of the same demo story (the
    demo's files are named story-outlet), so that comparing the two finds rows."""
    story = like.original_name.split("-")[0] if like is not None else None
    candidates = [s for s in summaries if s.script == script]
    for summary in candidates:
        article = library.get(summary.id)
        if story is None or article.original_name.startswith(story + "-"):
            return article
    if candidates:
        return library.get(candidates[0].id)
    raise StepFailed("library", f"no {script} article in the demo")


def _render_window(tmp: Path, library: Any, article_id: int) -> str:
    # Never open a window on the user's screen; give Qt a runtime directory of
    # its own when the session has none (HOME unset, env -i).
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not os.environ.get("XDG_RUNTIME_DIR"):
        runtime = tmp / "runtime"
        runtime.mkdir(mode=0o700)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    from PySide6.QtCore import QPoint, QRect, qInstallMessageHandler
    from PySide6.QtGui import QFontDatabase

    from duizhao.ui.app import create_app
    from duizhao.ui.mainwindow import MainWindow

    qInstallMessageHandler(_qt_message)
    app = create_app(sys.argv[:1] or ["duizhao"])
    cjk = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    check(bool(cjk), "window", "no font with Chinese characters (install fonts-noto-cjk)")
    window = MainWindow(library)
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        check(window.open_article(article_id), "window", f"article {article_id} did not open")
        app.processEvents()
        shown = window.pane.text.toPlainText()
        check(bool(shown.strip()), "window", "the reading pane is empty")
        image = window.grab().toImage()
        path = tmp / "window.png"
        check(image.save(str(path), "PNG"), "window", f"cannot write {path.name}")
        colours = _distinct_colours(image)
        check(
            colours >= MIN_COLOURS,
            "window",
            f"the rendered window looks blank ({colours} colours, want {MIN_COLOURS}+)",
        )
        # The article's text itself was drawn: its area alone is not one flat colour.
        viewport = window.pane.text.viewport()
        corner = viewport.mapTo(window, QPoint(0, 0))
        scale = image.devicePixelRatio()
        area = image.copy(
            QRect(
                round(corner.x() * scale),
                round(corner.y() * scale),
                round(viewport.width() * scale),
                round(viewport.height() * scale),
            )
        )
        text_colours = _distinct_colours(area)
        check(
            text_colours >= MIN_COLOURS,
            "window",
            f"the article's text area looks blank ({text_colours} colours)",
        )
        return (
            f"window {image.width()}x{image.height()} rendered "
            f"({colours} colours, {text_colours} in the text)"
        )
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


#: Qt messages that say nothing about this installation: the offscreen platform
#: cannot pass size hints to a window manager it does not have.
_QT_NOISE = ("does not support propagateSizeHints",)


def _qt_message(_mode: Any, _context: Any, message: str) -> None:
    """Qt's messages to stderr as usual, less the offscreen platform's known noise."""
    if not any(noise in message for noise in _QT_NOISE):
        sys.stderr.write(message + "\n")


def _distinct_colours(image: Any, stride: int = 3) -> int:
    """Distinct pixel values on a grid of every ``stride``-th pixel."""
    seen: set[int] = set()
    pixel = image.pixel
    for y in range(0, image.height(), stride):
        for x in range(0, image.width(), stride):
            seen.add(pixel(x, y))
    return len(seen)
