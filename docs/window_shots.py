"""Take the README's pictures of the window (issue #18), 1600 pixels wide, on the demo:

- ``docs/three-panes.png`` — three versions of one story side by side (简体, 臺灣,
  a third outlet), each column at least 22 characters wide;
- ``docs/compare-open.png`` — the same with the comparison open below them;
- ``docs/window-zh_CN.png`` / ``docs/window-zh_TW.png`` — the interface in
  简体中文 and in 繁體中文;
- ``docs/reading-aid.png`` — the reading aid on a Traditional article (a grab
  of the screen, since the aid is a window of its own).

Run through ``./dev screenshot window`` (a virtual screen with a CJK font).
Uses a temporary copy of the demo library and settings: nothing of the user's
is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STORY = ("商务部等部门宣布对日加强镓、锗及钐钴永磁体出口管制", "中國對日祭稀有金屬管制",
         "镓锗说断就断")
WIDTH, HEIGHT = 1600, 1000


def pump(app, seconds: float = 0.4) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="duizhao-shots-"))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(tmp / variable.lower())
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QTextCursor

    from duizhao.core.ingest.demo import ensure_demo_library
    from duizhao.core.library.store import Library
    from duizhao.ui import i18n, theme
    from duizhao.ui.app import create_app
    from duizhao.ui.mainwindow import MainWindow
    from duizhao.ui.settings import Settings

    app = create_app()
    theme.apply_theme(app, "light")
    ensure_demo_library(tmp / "demo")
    library = Library.open(tmp / "demo")
    titles = {row.title: row.id for row in library.summaries()}
    story = [next(i for t, i in titles.items() if t.startswith(s)) for s in STORY]

    def window_with(language: str) -> MainWindow:
        i18n.install(language)
        window = MainWindow(library, Settings(theme="light", language=language))
        window.resize(WIDTH, HEIGHT)
        window.move(0, 0)
        window.show()
        window.panes.set_pane_count(3)
        for pane, article, view in zip(
            window.panes.panes, story, ("simplified", "taiwan", "original"), strict=True
        ):
            window.panes.open_article(article, pane, view=view)
        window.panes.set_current(window.panes.panes[0])
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not all(p.entities for p in window.panes.panes):
            pump(app, 0.05)
        pump(app)
        return window

    def save(widget, name: str) -> None:  # noqa: ANN001
        out = HERE / name
        print(f"{'wrote' if widget.grab().save(str(out), 'PNG') else 'FAILED'} {out}")

    window = window_with("en")
    for pane in window.panes.panes:
        print(f"pane text {pane.text.viewport().width()} px, readable {pane.readable_width()} px")
    save(window, "three-panes.png")
    done: list[object] = []
    window.compare_pane.compared.connect(done.append)
    window.compare(story)
    window.resizeDocks([window.compare_dock], [400], Qt.Orientation.Vertical)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not done:
        pump(app, 0.05)
    pump(app)
    save(window, "compare-open.png")

    # The reading aid on the Traditional article, F2 on a word of its text.
    pane = window.panes.panes[1]  # the Taiwan outlet's article, in the 臺灣 view
    window.compare_dock.hide()
    window.set_reading_aid(True)
    pump(app)
    text = pane.text.toPlainText()
    at = text.find("半導體")
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(max(0, at))
    pane.text.setTextCursor(cursor)
    pane.text.ensureCursorVisible()
    pump(app)
    pane.show_aid_at_cursor()
    pump(app)
    corner = pane.mapToGlobal(QPoint(0, 0))
    grab = app.primaryScreen().grabWindow(0, corner.x(), corner.y(), pane.width() + 40, 460)
    out = HERE / "reading-aid.png"
    print(f"{'wrote' if grab.save(str(out), 'PNG') else 'FAILED'} {out}")
    window.set_reading_aid(False)
    window.close()

    for language in ("zh_CN", "zh_TW"):
        window = window_with(language)
        window.search_panel.set_query("稀土", run=False)
        save(window, f"window-{language}.png")
        window.close()
    i18n.install("en")
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
