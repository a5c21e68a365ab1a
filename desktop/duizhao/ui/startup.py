"""What happens once the window is up: the articles asked for, the library's last
session, or, on a first start, a pair worth reading side by side.

- :func:`show_later` — after the first frame: the articles named on the
  command line, else the library's own last session
  (:meth:`~duizhao.ui.mainwindow.MainWindow.restore_session`), else
  :meth:`open_first_pair`; then the background warm-up.
- :func:`companion` — the article whose title shares most with another's, in
  either script: another outlet's version of the same story.
- :func:`zoom_steps` / :func:`zoom_factor` — the settings keep zoom as a
  factor, the window counts steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from duizhao.core.library import ArticleSummary
from duizhao.ui.models import ARTICLE_ID_ROLE

if TYPE_CHECKING:
    from duizhao.ui.mainwindow import MainWindow


def zoom_steps(factor: float) -> int:
    """The settings file keeps zoom as a factor (1.0); panes count steps of 10 %."""
    return round((factor - 1.0) * 10)


def zoom_factor(steps: int) -> float:
    return round(1.0 + steps / 10, 2)


def show_later(window: MainWindow, article_ids: list[int]) -> None:
    """Open articles asked for on the command line, or the last session's, once shown."""

    def go() -> None:
        if article_ids:
            for n, article_id in enumerate(article_ids[:4]):
                if n == 0:
                    window.open_article(article_id)
                else:
                    window.panes.open_in_new_pane(article_id)
        else:
            window.restore_session()
        if not window.panes.open_articles():
            open_first_pair(window)
        QTimer.singleShot(800, window.warm_up)

    QTimer.singleShot(0, go)


def open_first_pair(window: MainWindow) -> None:
    """A first start: the newest article and another version of its story side
    by side, so there is something to read and compare at once."""
    panel = window.library_panel
    model = panel.model  # the summaries the list already holds
    first_id = panel.proxy.index(0, 0).data(ARTICLE_ID_ROLE)
    row = model.row_of(first_id) if isinstance(first_id, int) else None
    if row is None:
        return
    panes = window.panes
    panes.open_article(first_id, panes.panes[0])
    panel.select_id(first_id)
    rows = [model.summary(r) for r in range(min(model.rowCount(), 2000))]
    other = companion(model.summary(row), rows)
    if other is not None and len(panes.panes) > 1:
        panes.open_article(other.id, panes.panes[1])
        panes.set_current(panes.panes[0])


def _bigrams(text: str) -> set[str]:
    from duizhao.core.text import convert

    plain = convert(text, "t2s")
    return {plain[i : i + 2] for i in range(len(plain) - 1)}


def companion(first: ArticleSummary, rows: list[ArticleSummary]) -> ArticleSummary | None:
    """The article whose title shares most with ``first``'s, in either script:
    another outlet's version of the same story, on a first start."""
    wanted = _bigrams(first.title)
    best, score = None, 0
    for row in rows:
        if row.id == first.id:
            continue
        shared = len(wanted & _bigrams(row.title))
        if shared > score:
            best, score = row, shared
    return best
