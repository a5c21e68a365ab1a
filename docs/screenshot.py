"""Take the README's screenshot: two demo articles side by side, one in 简体 and
one in 臺灣 view, entities highlighted, one linked entity selected.

Run through ``./dev screenshot`` (which starts a virtual screen with a CJK
font); writes docs/screenshot.png. Uses a temporary copy of the demo library
and settings so nothing of the user's is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEFT_TITLE = "商务部等部门宣布对日加强镓、锗及钐钴永磁体出口管制"
RIGHT_TITLE_START = "中國對日祭稀有金屬管制"
SELECT = "商务部"


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="duizhao-shot-"))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(tmp / variable.lower())
    from duizhao.core.demo import ensure_demo_library
    from duizhao.core.library import Library
    from duizhao.ui import theme
    from duizhao.ui.app import create_app
    from duizhao.ui.mainwindow import MainWindow
    from duizhao.ui.settings import Settings

    app = create_app()
    theme.apply_theme(app, "light")
    ensure_demo_library(tmp / "demo")
    library = Library.open(tmp / "demo")
    titles = {row.title: row.id for row in library.summaries()}
    left = titles[LEFT_TITLE]
    right = next(i for t, i in titles.items() if t.startswith(RIGHT_TITLE_START))
    window = MainWindow(library, Settings(theme="light"))
    window.resize(1600, 940)
    window.show()
    first, second = window.panes.panes
    window.panes.open_article(left, first, view="simplified")
    window.panes.open_article(right, second, view="taiwan")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (first.entities and second.entities):
        app.processEvents()
        time.sleep(0.02)
    selected = next(e.entity_id for e in first.entities if e.text == SELECT)
    window.panes.select_entity(selected)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    out = HERE / "screenshot.png"
    ok = window.grab().save(str(out), "PNG")
    print(f"{'wrote' if ok else 'could not write'} {out}")
    window.close()
    library.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
