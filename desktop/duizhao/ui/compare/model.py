"""Item models of the comparison pane, over :mod:`duizhao.core.compare.comparison` data.

- :class:`TopicListModel` — the topics of a comparison, one per row: label,
  how many articles and rows it has (three columns) (``TOPIC_KEY_ROLE`` gives its key).
- :class:`CompareRowsModel` — the rows of one topic as a table: a relation
  column (the row's strongest pair, its confidence, and whether anything in
  it can be compared at all), one column per article holding that article's
  claim (empty where it has none) and a note column; article columns are
  headed by outlet and date, the title on hover. Custom roles give a claim's
  article id, its sentence and focus spans in the original text, who asserts
  it, the row's relation, pairs, reasons, evidence words, pin and note;
  pinned rows come first, otherwise the core's order is kept (conflicts
  first, rows that cannot be compared last, greyed).
- :class:`RelationFilterModel` — a proxy keeping rows of one relation; the
  topic list hides topics with none (:meth:`TopicListModel.set_relation`).

Pins and notes live in the library (:mod:`duizhao.core.library.workspaces`); the model
only shows them and takes changes the pane has saved (:meth:`set_pinned`,
:meth:`set_note`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from duizhao.core.compare import RELATIONS, PairRelation, Row, Topic
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
FOCUS_ROLE = _USER + 28  # (start, end) of the fact the row is about, in the original text
PAIRS_ROLE = _USER + 29  # list[PairRelation] of the row
COMPARABLE_ROLE = _USER + 30  # bool: some pair of the row can be compared
SOURCE_ROLE = _USER + 31  # str: who asserts the claim ("" for the outlet)

#: relation -> (name, badge colour); the name is translated where shown
#: (矛盾 不一致 一致 相关 in Chinese).
RELATION_STYLE = {
    "contradicts": (QT_TRANSLATE_NOOP("Relations", "contradicts"), "#c62828"),
    "differs": (QT_TRANSLATE_NOOP("Relations", "differs"), "#e65100"),
    "agrees": (QT_TRANSLATE_NOOP("Relations", "agrees"), "#2e7d32"),
    "related": (QT_TRANSLATE_NOOP("Relations", "related"), "#757575"),
}
FILTERS = ("all", *RELATIONS)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Relations", text)


def relation_label(relation: str) -> str:
    name, _colour = RELATION_STYLE.get(relation, (relation, ""))
    return _tr(name)


def filter_label(relation: str) -> str:
    """A relation filter's name: "All relations", or the relation's."""
    if relation == "all":
        return QCoreApplication.translate("Relations", "All relations")
    return relation_label(relation)


def not_comparable() -> str:
    return QCoreApplication.translate("Relations", "not comparable")


def badge_text(row: Row) -> str:
    """The relation column: the strongest pair's relation and confidence, or why
    nothing in the row can be compared."""
    if not row.comparable:
        return not_comparable()
    best = max(
        (p for p in row.pairs if p.relation == row.relation),
        key=lambda p: p.confidence,
        default=None,
    )
    confidence = f" {best.confidence:.0%}" if best is not None else ""
    return relation_label(row.relation) + confidence


def pair_text(pair: PairRelation) -> str:
    """One pair of a row in words: relation, confidence and reasons."""
    head = not_comparable() if not pair.comparable else relation_label(pair.relation)
    reasons = "; ".join(r.text for r in pair.reasons)
    return f"{head} ({pair.confidence:.0%}) — {reasons}"


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
    """Words at least two facts of the row share (what made them one row)."""
    counts: Counter[str] = Counter(
        w for cell in row.cells for w in cell.fact.words if not w.startswith("e:")
    )
    shared = [w for w, n in counts.items() if n >= 2]
    return sorted(shared, key=lambda w: (-counts[w], -len(w), w))


def header_text(article: tuple[int, str], details: Mapping[str, object] | None) -> str:
    """An article column's heading: its outlet and date, or its id and title."""
    article_id, title = article
    outlet = str((details or {}).get("outlet") or "")
    date = str((details or {}).get("published") or "")
    if outlet or date:
        short = outlet if len(outlet) <= 14 else outlet[:13] + "…"
        return " · ".join(x for x in (short, date) if x)
    return f"#{article_id} " + (title if len(title) <= 18 else title[:17] + "…")


class TopicListModel(QAbstractTableModel):
    """The topics of a comparison, one per row: label | articles | rows."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TopicListModel", "Topic"),
        QT_TRANSLATE_NOOP("TopicListModel", "Articles"),
        QT_TRANSLATE_NOOP("TopicListModel", "Rows"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Topic] = []
        self._topics: list[Topic] = []
        self._relation = "all"

    def set_topics(self, topics: list[Topic]) -> None:
        self.beginResetModel()
        self._all = list(topics)
        self._topics = self._shown()
        self.endResetModel()

    def set_relation(self, relation: str) -> None:
        """Show only the topics that hold a row of ``relation`` ("all": every topic)."""
        self.beginResetModel()
        self._relation = relation
        self._topics = self._shown()
        self.endResetModel()

    @property
    def hidden(self) -> int:
        """How many topics the relation filter hides."""
        return len(self._all) - len(self._topics)

    def _shown(self) -> list[Topic]:
        if self._relation == "all":
            return list(self._all)
        return [t for t in self._all if any(r.relation == self._relation for r in t.rows)]

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
            return QCoreApplication.translate("TopicListModel", self.HEADERS[section])
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
            found = ", ".join(f"{counts[r]} {relation_label(r)}" for r in RELATIONS if counts[r])
            words = self.tr("Key words: {words}").format(words="、".join(topic.terms[:12]))
            lines = [topic.label, words, found]
            if topic.series:
                lines.append(self.tr("A figure over time: {n} points").format(n=len(topic.series)))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and topic.conflicts:
            return relation_colour("differs")
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
        self._details: Mapping[int, Mapping[str, object]] = {}  # outlet, published

    # -- content ---------------------------------------------------------------

    def set_topic(
        self,
        topic: Topic | None,
        articles: list[tuple[int, str]],
        notes: Mapping[tuple[str, str], RowNote] | None = None,
        details: Mapping[int, Mapping[str, object]] | None = None,
    ) -> None:
        """Show ``topic`` (None: nothing) with one column per article; ``details``
        gives each article's outlet and date for the column headings."""
        self.beginResetModel()
        self._topic = topic
        self._articles = list(articles)
        self._details = dict(details or {})
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
                return self.tr("Relation")
            if section == self.note_column:
                return self.tr("Note")
            article = self._articles[section - 1]
            return header_text(article, self._details.get(article[0]))
        if role == Qt.ItemDataRole.ToolTipRole and 0 < section < self.note_column:
            article_id, title = self._articles[section - 1]
            details = self._details.get(article_id) or {}
            outlet = str(details.get("outlet") or self.tr("unknown outlet"))
            date = str(details.get("published") or self.tr("no date"))
            return f"#{article_id} {title}\n{outlet}, {date}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        column = index.column()
        if row is None or not 0 <= column < self.columnCount():
            return None
        cell = None
        if 0 < column < self.note_column:
            article_id = self._articles[column - 1][0]
            cell = next((c for c in row.cells if c.article == article_id), None)
        claim = cell.claim if cell is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ("★ " if self._pinned(row) else "") + badge_text(row)
            if column == self.note_column:
                return self._note(row)
            if claim is None:
                return ""
            said = f"{claim.source}：" if claim.source and claim.source not in claim.text else ""
            return said + claim.text.strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, cell)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.comparable:
                return QColor("#8a8a8a")
            if column == 0:
                return relation_colour(row.relation)
        if role == Qt.ItemDataRole.FontRole and not row.comparable:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ARTICLE_ID_ROLE and claim is not None:
            return claim.article
        if role == SPAN_ROLE and claim is not None:
            return (claim.start, claim.end)
        if role == FOCUS_ROLE and cell is not None:
            return cell.claim.focus(cell.fact)
        if role == SOURCE_ROLE and claim is not None:
            return claim.source
        return self._row_data(row, role)

    def _tooltip(self, row: Row, cell: Any) -> str:
        lines = [badge_text(row)]
        for pair in row.pairs:
            if cell is not None and cell.article not in pair.articles:
                continue
            a, b = pair.articles
            lines.append(f"#{a} ↔ #{b}: {pair_text(pair)}")
        if cell is not None and cell.claim.source:
            lines.append(self.tr("Asserted by: {source}").format(source=cell.claim.source))
        if self._note(row):
            lines.append(self.tr("Note: {note}").format(note=self._note(row)))
        return "\n".join(lines)

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
        if role == PAIRS_ROLE:
            return list(row.pairs)
        if role == COMPARABLE_ROLE:
            return row.comparable
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
