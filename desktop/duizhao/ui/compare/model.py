"""Item models of the comparison pane, over :mod:`duizhao.core.compare.comparison` data.

- :class:`TopicListModel` — the topics of a comparison, one per row: label,
  how many articles and rows it has (three columns) (``TOPIC_KEY_ROLE`` gives its key).
- :class:`CompareRowsModel` — the rows of one topic as a table: a relation
  column, one column per article holding that article's claim (empty where it
  has none) and a note column. Custom roles give a claim's article id and
  original-text span, the row's relation, reasons, evidence words, pin and
  note; pinned rows come first, otherwise the core's order is kept.
- :class:`RelationFilterModel` — a proxy keeping rows of one relation.

Pins and notes live in the library (:mod:`duizhao.core.library.workspaces`); the model
only shows them and takes changes the pane has saved (:meth:`set_pinned`,
:meth:`set_note`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from duizhao.core.compare import RELATIONS, Row, Topic
from duizhao.core.library import RowNote

Index = QModelIndex | QPersistentModelIndex
_USER = Qt.ItemDataRole.UserRole

ARTICLE_ID_ROLE = _USER + 1  # int, the article of a claim cell (same value as the library list)
SPAN_ROLE = _USER + 20  # (start, end) of the claim in the original text
RELATION_ROLE = _USER + 21  # "contradicts" | "differs" | "agrees" | "related"
REASONS_ROLE = _USER + 22  # list[str]
PINNED_ROLE = _USER + 23  # bool
NOTE_ROLE = _USER + 24  # str
ROW_KEY_ROLE = _USER + 25  # str
EVIDENCE_ROLE = _USER + 26  # list[str]: words the row's claims share
TOPIC_KEY_ROLE = _USER + 27  # str

#: relation -> (Chinese name, badge colour)
RELATION_STYLE = {
    "contradicts": ("矛盾", "#c62828"),
    "differs": ("不一致", "#e65100"),
    "agrees": ("一致", "#2e7d32"),
    "related": ("相关", "#757575"),
}
FILTERS = ("all", *RELATIONS)


def relation_label(relation: str) -> str:
    name, _colour = RELATION_STYLE.get(relation, (relation, ""))
    return f"{relation} {name}"


def relation_colour(relation: str) -> QColor:
    return QColor(RELATION_STYLE.get(relation, ("", "#757575"))[1])


def row_key(row: Row) -> str:
    """The row's stable key (``Row.key``), or one made from its claims' spans."""
    key = getattr(row, "key", None)
    if isinstance(key, str) and key:
        return key
    spans = sorted((c.article, c.start, c.end) for c in row.claims)
    return "r:" + ";".join(f"{a}:{s}-{e}" for a, s, e in spans)


def topic_key(topic: Topic) -> str:
    """The topic's stable key (``Topic.key``), or one made from its leading terms."""
    key = getattr(topic, "key", None)
    if isinstance(key, str) and key:
        return key
    return "t:" + "|".join(sorted(topic.terms[:3]) or [topic.label])


def evidence(row: Row) -> list[str]:
    """Readable words (terms, entities) that at least two claims of the row share."""
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for claim in row.claims:
        for key in claim.keys:
            counts[key] += 1
            labels.setdefault(key, claim.labels.get(key, key))
    shared = [k for k, n in counts.items() if n >= 2]
    shared.sort(key=lambda k: (-counts[k], -len(labels[k]), labels[k]))
    return list(dict.fromkeys(labels[k] for k in shared))


class TopicListModel(QAbstractTableModel):
    """The topics of a comparison, one per row: label | articles | rows."""

    HEADERS = ("Topic", "Articles", "Rows")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._topics: list[Topic] = []

    def set_topics(self, topics: list[Topic]) -> None:
        self.beginResetModel()
        self._topics = list(topics)
        self.endResetModel()

    def topic(self, row: int) -> Topic | None:
        return self._topics[row] if 0 <= row < len(self._topics) else None

    def row_of(self, key: str) -> int | None:
        return next((i for i, t in enumerate(self._topics) if topic_key(t) == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._topics)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        topic = self.topic(index.row()) if index.isValid() else None
        if topic is None or not 0 <= index.column() < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return topic.label
            if index.column() == 1:
                return len({c.article for r in topic.rows for c in r.claims})
            return len(topic.rows)
        if role == Qt.ItemDataRole.ToolTipRole:
            counts = Counter(r.relation for r in topic.rows)
            found = ", ".join(f"{counts[r]} {r}" for r in RELATIONS if counts[r])
            return f"{topic.label}\nKey words: {'、'.join(topic.terms[:12])}\n{found}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == TOPIC_KEY_ROLE:
            return topic_key(topic)
        return None


class CompareRowsModel(QAbstractTableModel):
    """The rows of one topic: relation | one claim column per article | note."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._articles: list[tuple[int, str]] = []
        self._topic: Topic | None = None
        self._rows: list[Row] = []  # in display order: pinned first
        self._notes: dict[str, RowNote] = {}  # by row key, this topic only

    # -- content ---------------------------------------------------------------

    def set_topic(
        self,
        topic: Topic | None,
        articles: list[tuple[int, str]],
        notes: Mapping[tuple[str, str], RowNote] | None = None,
    ) -> None:
        """Show ``topic`` (None: nothing) with one column per article."""
        self.beginResetModel()
        self._topic = topic
        self._articles = list(articles)
        key = topic_key(topic) if topic is not None else ""
        self._notes = {r: n for (t, r), n in (notes or {}).items() if t == key}
        self._rows = self._ordered(list(topic.rows) if topic is not None else [])
        self.endResetModel()

    @property
    def topic(self) -> Topic | None:
        return self._topic

    @property
    def articles(self) -> list[tuple[int, str]]:
        return list(self._articles)

    def row(self, number: int) -> Row | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def row_number(self, key: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if row_key(r) == key), None)

    def article_column(self, article_id: int) -> int | None:
        ids = [i for i, _ in self._articles]
        return ids.index(article_id) + 1 if article_id in ids else None

    @property
    def note_column(self) -> int:
        return len(self._articles) + 1

    def _ordered(self, rows: list[Row]) -> list[Row]:
        if self._topic is None:
            return rows
        original = {id(r): i for i, r in enumerate(self._topic.rows)}
        return sorted(rows, key=lambda r: (not self._pinned(r), original.get(id(r), 0)))

    def _pinned(self, row: Row) -> bool:
        note = self._notes.get(row_key(row))
        return bool(note and note.pinned)

    def _note(self, row: Row) -> str:
        note = self._notes.get(row_key(row))
        return note.note if note else ""

    # -- changes the pane saved ------------------------------------------------

    def set_pinned(self, key: str, pinned: bool) -> None:
        self._update(key, pinned=pinned)

    def set_note(self, key: str, text: str) -> None:
        self._update(key, note=text)

    def _update(self, key: str, **change: Any) -> None:
        if self._topic is None or self.row_number(key) is None:
            return
        old = self._notes.get(key) or RowNote(topic_key(self._topic), key, "", False)
        pinned = bool(change.get("pinned", old.pinned))
        note = str(change.get("note", old.note))
        self._notes[key] = RowNote(old.topic_key, key, note, pinned)
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        persistent = self.persistentIndexList()
        self._rows = self._ordered(self._rows)
        moved = {id(r): i for i, r in enumerate(self._rows)}
        for index in persistent:
            new_row = moved[id(before[index.row()])]
            self.changePersistentIndex(index, self.index(new_row, index.column()))
        self.layoutChanged.emit()
        number = self.row_number(key)
        if number is not None:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(number, 0), self.index(number, last))

    # -- Qt model --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._topic is None else len(self._articles) + 2

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return "Relation"
            if section == self.note_column:
                return "Note"
            article_id, title = self._articles[section - 1]
            short = title if len(title) <= 24 else title[:23] + "…"
            return f"#{article_id} {short}"
        if role == Qt.ItemDataRole.ToolTipRole and 0 < section < self.note_column:
            article_id, title = self._articles[section - 1]
            return f"#{article_id} {title}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        column = index.column()
        if row is None or not 0 <= column < self.columnCount():
            return None
        claim = None
        if 0 < column < self.note_column:
            article_id = self._articles[column - 1][0]
            claim = next((c for c in row.claims if c.article == article_id), None)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ("★ " if self._pinned(row) else "") + relation_label(row.relation)
            if column == self.note_column:
                return self._note(row)
            return claim.text.strip() if claim is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [relation_label(row.relation), *row.reasons]
            if self._note(row):
                lines.append(f"Note: {self._note(row)}")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return relation_colour(row.relation)
        if role == ARTICLE_ID_ROLE and claim is not None:
            return claim.article
        if role == SPAN_ROLE and claim is not None:
            return (claim.start, claim.end)
        return self._row_data(row, role)

    def _row_data(self, row: Row, role: int) -> Any:
        if role == RELATION_ROLE:
            return row.relation
        if role == REASONS_ROLE:
            return list(row.reasons)
        if role == PINNED_ROLE:
            return self._pinned(row)
        if role == NOTE_ROLE:
            return self._note(row)
        if role == ROW_KEY_ROLE:
            return row_key(row)
        if role == EVIDENCE_ROLE:
            return evidence(row)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RelationFilterModel(QSortFilterProxyModel):
    """Keeps the rows of one relation ("all" keeps every row)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relation = "all"

    @property
    def relation(self) -> str:
        return self._relation

    def set_relation(self, relation: str) -> None:
        if relation not in FILTERS:
            raise ValueError(f"unknown relation {relation!r}; choose from {', '.join(FILTERS)}")
        if relation == self._relation:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self._relation = relation
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._relation = relation
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if self._relation == "all":
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        return bool(model.data(index, RELATION_ROLE) == self._relation)
