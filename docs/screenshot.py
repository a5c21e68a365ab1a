"""Take the README's screenshots: two demo articles side by side, one in 简体 and
one in 臺灣 view, entities highlighted, one linked entity selected
(docs/screenshot.png); then the comparison pane on three versions of that
story (docs/compare.png).

Run through ``./dev screenshot`` (which starts a virtual screen with a CJK
font). Uses a temporary copy of the demo library
and settings so nothing of the user's is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt

HERE = Path(__file__).resolve().parent
LEFT_TITLE = "商务部等部门宣布对日加强镓、锗及钐钴永磁体出口管制"
RIGHT_TITLE_START = "中國對日祭稀有金屬管制"
THIRD_TITLE_START = "镓锗说断就断"
SELECT = "商务部"


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="duizhao-shot-"))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(tmp / variable.lower())
    from duizhao.core.ingest.demo import ensure_demo_library
    from duizhao.core.library.store import Library
    from duizhao.ui import theme
    from duizhao.ui.app import create_app
    from duizhao.ui.compare.model import RELATION_ROLE
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

    # The comparison pane on the same two articles and a third outlet's version.
    third = next(i for t, i in titles.items() if t.startswith(THIRD_TITLE_START))
    window.compare_dock.show()
    window.resizeDocks([window.compare_dock], [520], Qt.Orientation.Vertical)
    done: list[object] = []
    window.compare_pane.compared.connect(done.append)
    window.compare([left, right, third])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not done:
        app.processEvents()
        time.sleep(0.02)
    pane = window.compare_pane
    comparison = done[0]
    # Show a topic whose first row is a disagreement between outlets.
    best = next(
        (n for n, topic in enumerate(comparison.topics)  # type: ignore[attr-defined]
         if any(r.relation in ("differs", "contradicts") for r in topic.rows)),
        0,
    )
    pane.topics_view.setCurrentIndex(pane.topic_model.index(best, 0))
    for _ in range(5):
        app.processEvents()
    for row in range(pane.rows_proxy.rowCount()):
        relation = pane.rows_proxy.index(row, 0).data(RELATION_ROLE)
        if relation in ("differs", "contradicts"):
            pane.rows_view.setCurrentIndex(pane.rows_proxy.index(row, 1))
            break
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    compare_out = HERE / "compare.png"
    ok = window.grab().save(str(compare_out), "PNG") and ok
    print(f"wrote {compare_out}")
    window.close()
    library.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
