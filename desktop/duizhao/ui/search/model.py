"""Search results as a list model, and the rich text a result is drawn with.

:class:`SearchResultsModel` holds the :class:`~duizhao.core.search.index.Hit` list
of one search, one row per article. Besides the title (``DisplayRole``) and
the id (:data:`~duizhao.ui.models.ARTICLE_ID_ROLE`) it gives the hit itself
(:data:`HIT_ROLE`), the first match in original-text offsets
(:data:`FIRST_MATCH_ROLE`) and an HTML rendering (:data:`HTML_ROLE`) that
:class:`~duizhao.ui.search.delegate.HitDelegate` lays out: the title, the date,
then each fragment with its matches marked. :func:`hit_html` escapes every
piece of article text, so nothing an article contains is read as markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from duizhao.core.search import Fragment, Hit
from duizhao.ui.models.roles import (
    ARTICLE_ID_ROLE,
    ArticleDragSource,
)

Index = QModelIndex | QPersistentModelIndex

HIT_ROLE = Qt.ItemDataRole.UserRole + 10
FIRST_MATCH_ROLE = Qt.ItemDataRole.UserRole + 11  # (start, end) or None
HTML_ROLE = Qt.ItemDataRole.UserRole + 12

MARK_STYLE = "background-color:#ffd54f;color:#000000;"


def fragment_html(fragment: Fragment) -> str:
    """A fragment's text, escaped, with its highlights in ``<span>`` marks."""
    text = fragment.text
    parts: list[str] = []
    at = 0
    for start, end in fragment.highlights:
        start, end = max(start, at), min(end, len(text))
        if end <= start:
            continue
        parts.append(html.escape(text[at:start]))
        parts.append(f'<span style="{MARK_STYLE}">{html.escape(text[start:end])}</span>')
        at = end
    parts.append(html.escape(text[at:]))
    return "".join(parts).replace("\n", " ")


def hit_about(hit: Hit) -> str:
    """The outlet and the date of a hit: 海峡时报 · 2026-03-05 (what is known)."""
    return " · ".join(x for x in ((hit.source or "").strip(), (hit.published or "")[:10]) if x)


def hit_html(hit: Hit) -> str:
    """The title (bold), the outlet and date (grey) and the fragments of ``hit``."""
    about = hit_about(hit)
    if about:
        about = f'<br><span style="color:#808080;">{html.escape(about)}</span>'
    lines = [f"<b>{html.escape(hit.title)}</b>{about}"]
    lines.extend(fragment_html(f) for f in hit.fragments)
    return "<br>".join(lines)


def hit_plain(hit: Hit) -> str:
    """The same as plain text: a tooltip, or what a screen reader says."""
    head = [hit.title, hit_about(hit)] if hit_about(hit) else [hit.title]
    return "\n".join([*head, *(f.text.replace("\n", " ") for f in hit.fragments)])


class SearchResultsModel(ArticleDragSource, QAbstractListModel):
    """The hits of the latest search, best first (or newest first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._html: dict[int, str] = {}  # row → rendered HTML, made when first drawn

    def set_hits(self, hits: Iterable[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._html = {}
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([])

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return hit_plain(hit)
        if role == ARTICLE_ID_ROLE:
            return hit.id
        if role == HIT_ROLE:
            return hit
        if role == FIRST_MATCH_ROLE:
            return hit.highlights[0] if hit.highlights else None
        if role == HTML_ROLE:
            made = self._html.get(index.row())
            if made is None:
                made = self._html[index.row()] = hit_html(hit)
            return made
        return None

    def article_at(self, row: int) -> int:
        return self._hits[row].id
