"""Take the entities screenshot (docs/entities.png): a mainland article in 简体
beside a Taiwan one in 臺灣, the same person selected in both — 特朗普 in one
sidebar, 川普 in the other, each as its article writes him, every linked
occurrence lit.

Run through ``./dev screenshot entities`` (a virtual screen with a CJK font).
Uses a temporary copy of the demo library and settings, so nothing of the
user's is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAINLAND_TITLE = "商务部等部门宣布对日加强镓、锗及钐钴永磁体出口管制"
TAIWAN_TITLE_START = "中國對日祭稀有金屬管制"
PERSON = "donald-trump"


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="duizhao-shot-"))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(tmp / variable.lower())
    from duizhao.core.ingest.demo import ensure_demo_library
    from duizhao.core.library.store import Library
    from duizhao.ui import theme
    from duizhao.ui.app import create_app
    from duizhao.ui.mainwindow import MainWindow
    from duizhao.ui.settings import Settings

    app = create_app()
    theme.apply_theme(app, "light")
    ensure_demo_library(tmp / "demo")
    library = Library.open(tmp / "demo")
    titles = {row.title: row.id for row in library.summaries()}
    mainland = titles[MAINLAND_TITLE]
    taiwan = next(i for t, i in titles.items() if t.startswith(TAIWAN_TITLE_START))
    window = MainWindow(library, Settings(theme="light"))
    window.resize(1600, 940)
    window.show()
    left, right = window.panes.panes
    window.panes.open_article(mainland, left, view="simplified")
    window.panes.open_article(taiwan, right, view="taiwan")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (left.entities and right.entities):
        app.processEvents()
        time.sleep(0.02)
    window.panes.select_entity(PERSON)
    for pane in (left, right):
        first = min(e.start for e in pane.entities if e.entity_id == PERSON)
        pane.scroll_to_original(max(0, pane.article.text.rfind("\n", 0, first)))
        pane.sidebar.set_selected(PERSON)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    names = [pane.sidebar.index_of(PERSON).data() for pane in (left, right)]
    print("sidebar names:", " | ".join(str(name) for name in names))
    out = HERE / "entities.png"
    ok = window.grab().save(str(out), "PNG")
    print(f"{'wrote' if ok else 'could not write'} {out}")
    window.close()
    library.close()
    return 0 if ok and names == ["特朗普", "川普"] else 1


if __name__ == "__main__":
    sys.exit(main())
