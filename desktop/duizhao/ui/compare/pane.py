"""The comparison pane: topics on the left, aligned claims on the right.

:class:`ComparePane` runs :func:`duizhao.core.compare.comparison.compare` through the
task runner's reader pool (progress bar, Cancel, a newer comparison
supersedes an older one) and shows the result through the models of
:mod:`duizhao.ui.compare.model`: the topic list, the rows of the selected
topic filtered by relation, and a details area for the selected row (reasons,
evidence words, note). Clicking a claim, or Enter on it, emits
``claim_activated(article_id, start, end)`` in original-text offsets, which the
window turns into "scroll that reading pane there and flash it".

Pins, notes and saved workspaces are written by the runner's writer through
:mod:`duizhao.core.library.workspaces` (the :class:`~duizhao.ui.compare.actions.
CompareActions` half of the pane: actions, shortcuts, export, workspaces).
Errors (fewer than two articles, nothing in common, a failed write) are one
line in the pane's message bar, never a dialog that blocks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from duizhao.core.compare import Comparison
from duizhao.core.library import RowNote
from duizhao.ui.compare.actions import CompareActions, Notes, run_compare
from duizhao.ui.compare.bar import CompareBar
from duizhao.ui.compare.model import (
    ARTICLE_ID_ROLE,
    EVIDENCE_ROLE,
    NOTE_ROLE,
    PAIRS_ROLE,
    PINNED_ROLE,
    REASONS_ROLE,
    RELATION_ROLE,
    ROW_KEY_ROLE,
    SPAN_ROLE,
    CompareRowsModel,
    RelationFilterModel,
    TopicListModel,
    badge_text,
    pair_text,
    relation_label,
    topic_key,
)
from duizhao.ui.compare.timeline import SeriesTimeline
from duizhao.ui.compare.views import RowsView
from duizhao.ui.tasks import Task, TaskRunner


class ComparePane(QWidget):
    """Compare articles: topics, rows of claims per article, pins and notes."""

    claim_activated = Signal(int, int, int)  # article id, start, end (original text)
    compared = Signal(object)  # Comparison
    message_shown = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePane")
        self.runner = runner
        #: recognise entities for the comparison (tests switch it off for speed)
        self.entities = True
        self.ids: list[int] = []
        self.topic_text: str | None = None
        self.comparison: Comparison | None = None
        self.notes: Notes = {}
        self.task: Task | None = None
        self._wanted_topic: str | None = None
        self._note_key: str | None = None
        self._build()
        self.commands = CompareActions(self)
        self._connect()
        self.show_empty()

    # -- layout ----------------------------------------------------------------

    def _build(self) -> None:
        self.bar = CompareBar(self)
        bar = self.bar
        self.articles_label, self.topic_edit = bar.articles_label, bar.topic_edit
        self.filter_combo, self.export_button = bar.filter_combo, bar.export_button
        self.save_button, self.open_button = bar.save_button, bar.open_button
        self.message, self.progress = bar.message, bar.progress
        self.cancel_button = bar.cancel_button

        self.topic_model = TopicListModel(self)
        self.topics_view = QTreeView(self)
        self.topics_view.setObjectName("compareTopics")
        self.topics_view.setModel(self.topic_model)
        self.topics_view.setRootIsDecorated(False)
        self.topics_view.setUniformRowHeights(True)
        self.topics_view.setAlternatingRowColors(True)
        header = self.topics_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.topics_view.setToolTip(self.tr("Topics the articles share (Alt+Up / Alt+Down)"))
        self.topics_view.setAccessibleName(self.tr("Topics"))
        self.rows_model = CompareRowsModel(self)
        self.rows_proxy = RelationFilterModel(self)
        self.rows_proxy.setSourceModel(self.rows_model)
        self.rows_view = RowsView(self)
        self.rows_view.setModel(self.rows_proxy)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("compareDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Why the row's claims relate"))
        self.details.setMaximumBlockCount(200)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("compareNote")
        self.note_edit.setPlaceholderText(
            self.tr("Note for the selected row… (Ctrl+N, Enter saves)")
        )
        self.note_edit.setAccessibleName(self.tr("Note for the selected row"))
        self.pin_button = QToolButton(self)
        notes = QHBoxLayout()
        notes.addWidget(self.note_edit, 1)
        notes.addWidget(self.pin_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details, 1)
        lower_layout.addLayout(notes)
        self.timeline = SeriesTimeline(self)
        self.timeline.hide()
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.timeline)
        upper_layout.addWidget(self.rows_view, 1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(upper)
        right.addWidget(lower)
        right.setStretchFactor(0, 4)
        right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.topics_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.topic_edit.returnPressed.connect(self._on_topic_entered)
        self.filter_combo.currentIndexChanged.connect(self._on_filter)
        self.cancel_button.clicked.connect(self.cancel)
        self.topics_view.selectionModel().currentChanged.connect(self._on_topic_selected)
        self.rows_view.selectionModel().currentChanged.connect(self._on_row_selected)
        self.rows_view.clicked.connect(self._activate)
        self.rows_view.claim_chosen.connect(self._activate)
        self.timeline.point_activated.connect(self.claim_activated)
        self.note_edit.returnPressed.connect(self.save_note)
        self.note_edit.editingFinished.connect(self.save_note)
        self.rows_proxy.layoutChanged.connect(self._fit_rows)
        self.rows_proxy.rowsInserted.connect(self._fit_rows)
        self.rows_proxy.rowsRemoved.connect(self._fit_rows)

    # -- state shown -----------------------------------------------------------

    def show_empty(self) -> None:
        self._busy(False)
        self.articles_label.setText(self.tr("No articles compared yet"))
        self.show_message(
            self.tr("Select two or more articles and choose Compare, or open a saved workspace.")
        )

    @Slot(str)
    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message_shown.emit(text)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.commands.cancel.setEnabled(busy)
        if busy:
            self.progress.setRange(0, 0)

    def _clear(self) -> None:
        self.comparison = None
        self.notes = {}
        self.topic_model.set_topics([])
        self.rows_model.set_topic(None, [])
        self.timeline.set_points([])
        self.details.clear()
        self.note_edit.clear()
        self._note_key = None

    # -- comparing -------------------------------------------------------------

    def compare(
        self, ids: list[int], topic: str | None = None, *, select_topic: str | None = None
    ) -> Task | None:
        """Compare articles ``ids`` (on ``topic`` when given) and then select the
        topic with key ``select_topic`` if there is one; a comparison still running
        is cancelled. Returns the task, or None for bad input."""
        self.save_note()
        self.cancel()
        self.task = None
        self._wanted_topic = select_topic
        try:
            chosen = list(dict.fromkeys(int(i) for i in ids))
        except (TypeError, ValueError):
            chosen = []
        self.ids = chosen
        self.topic_text = topic.strip() if topic and topic.strip() else None
        if self.topic_edit.text().strip() != (self.topic_text or ""):
            self.topic_edit.setText(self.topic_text or "")
        self._clear()
        self.articles_label.setText(" · ".join(f"#{i}" for i in chosen) or self.tr("No articles"))
        if len(chosen) < 2:
            self._busy(False)
            self.show_message(
                self.tr("Compare needs at least two different articles: select two or more.")
            )
            return None
        ids_now, topic_now, entities = chosen, self.topic_text, self.entities
        task = self.runner.read(
            "compare", lambda context: run_compare(context, ids_now, topic_now, entities)
        )
        self.task = task
        task.progressed.connect(lambda d, t, m, task=task: self._progressed(task, d, t, m))
        task.finished.connect(lambda result, task=task: self._finished(task, result))
        task.failed.connect(lambda text, task=task: self._failed(task, text))
        task.cancelled.connect(lambda task=task: self._cancelled(task))
        self._busy(True)
        self.show_message(self.tr("Comparing {n} articles…").format(n=len(chosen)))
        return task

    @Slot()
    def cancel(self) -> None:
        """Stop the running comparison, if any."""
        if self.task is not None:
            self.task.cancel()

    @Slot()
    def _on_topic_entered(self) -> None:
        if self.ids:
            self.compare(self.ids, self.topic_edit.text())

    def _progressed(self, task: Task, done: int, total: int, text: str) -> None:
        if not self._current(task):
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if text:
            self.message.setText(self.tr("Comparing… {step}").format(step=text))

    def _current(self, task: Task) -> bool:
        """Whether ``task`` is the comparison shown (and the pane still exists)."""
        return task is self.task and shiboken6.isValid(self)

    def _failed(self, task: Task, text: str) -> None:
        if not self._current(task):
            return
        self.task = None
        self._busy(False)
        self.show_message(self.tr("Cannot compare: {reason}").format(reason=text))

    def _cancelled(self, task: Task) -> None:
        if not self._current(task):
            return
        self.task = None
        self._busy(False)
        self.show_message(self.tr("Comparison cancelled."))

    def _finished(self, task: Task, result: object) -> None:
        if not self._current(task) or not isinstance(result, tuple):
            return
        self.task = None
        self._busy(False)
        comparison, notes = result
        self.comparison = comparison
        self.notes = dict(notes)
        self.articles_label.setText(" · ".join(f"#{i} {title}" for i, title in comparison.articles))
        self.articles_label.setToolTip("\n".join(f"#{i} {t}" for i, t in comparison.articles))
        self.topic_model.set_topics(comparison.topics)
        self.show_message(self._summary(comparison))
        if comparison.topics:
            wanted = self._wanted_topic
            row = self.topic_model.row_of(wanted) if wanted else None
            self.topics_view.setCurrentIndex(self.topic_model.index(row or 0, 0))
        self._wanted_topic = None
        self.compared.emit(comparison)

    def _summary(self, comparison: Comparison) -> str:
        if not comparison.topics:
            if self.topic_text:
                return self.tr(
                    "No claims about “{topic}” in two or more of these articles."
                ).format(topic=self.topic_text)
            return self.tr(
                "No shared topics: these articles make no check-worthy claims about the same "
                "things. Try a topic of your own above."
            )
        rows = sum(len(t.rows) for t in comparison.topics)
        topics = len(comparison.topics)
        text = (self.tr("1 topic") if topics == 1 else self.tr("{n} topics")).format(n=topics)
        text += ", " + (self.tr("1 row.") if rows == 1 else self.tr("{n} rows.")).format(n=rows)
        seen = {c.article for t in comparison.topics for r in t.rows for c in r.claims}
        silent = [i for i, _ in comparison.articles if i not in seen]
        if silent:
            text += " " + self.tr("No shared claims in {ids}.").format(
                ids=", ".join(f"#{i}" for i in silent)
            )
        return text

    # -- topics, rows and details ---------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_topic_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.save_note()
        topic = self.topic_model.topic(current.row()) if current.isValid() else None
        articles = self.comparison.articles if self.comparison is not None else []
        details = self.comparison.details if self.comparison is not None else {}
        self.rows_model.set_topic(topic, articles, self.notes, details)
        self.timeline.set_points(list(topic.series) if topic is not None else [])
        self.rows_view.fit_columns()
        self._fit_rows()
        if self.rows_proxy.rowCount():
            self.rows_view.setCurrentIndex(self.rows_proxy.index(0, 1))
        else:
            self._on_row_selected(QModelIndex(), QModelIndex())

    @Slot()
    def _fit_rows(self) -> None:
        self.rows_view.resizeRowsToContents()

    @Slot(int)
    def _on_filter(self, number: int) -> None:
        """Show the rows of one relation, and only the topics that have some; say so
        when no topic has any."""
        self.save_note()
        relation = str(self.filter_combo.itemData(number))
        current = self.current_topic_key()
        self.rows_proxy.set_relation(relation)
        self.topic_model.set_relation(relation)
        if self.comparison is None:
            return
        if self.topic_model.rowCount() == 0:
            self.rows_model.set_topic(None, [])
            self.timeline.set_points([])
            self._on_row_selected(QModelIndex(), QModelIndex())
            if relation != "all":
                self.show_message(
                    self.tr("No rows are “{relation}” in this comparison: nothing to show.").format(
                        relation=relation_label(relation)
                    )
                )
            return
        row = self.topic_model.row_of(current) if current else None
        self.topics_view.setCurrentIndex(self.topic_model.index(row or 0, 0))
        hidden = self.topic_model.hidden
        shown = self._summary(self.comparison)
        if hidden:
            shown += " " + self.tr("{n} topics without “{relation}” rows hidden.").format(
                n=hidden, relation=relation_label(relation)
            )
        self.show_message(shown)
        if self.rows_proxy.rowCount() and not self.rows_view.currentIndex().isValid():
            self.rows_view.setCurrentIndex(self.rows_proxy.index(0, 1))
        if not self.rows_proxy.rowCount():
            self._on_row_selected(QModelIndex(), QModelIndex())

    def set_filter(self, relation: str) -> None:
        """Show only rows of ``relation`` ("all", "contradicts", "differs", …)."""
        number = self.filter_combo.findData(relation)
        if number < 0:
            raise ValueError(f"unknown relation filter {relation!r}")
        self.filter_combo.setCurrentIndex(number)

    def current_topic_key(self) -> str | None:
        topic = self.rows_model.topic
        return topic_key(topic) if topic is not None else None

    def current_row_key(self) -> str | None:
        index = self.rows_view.currentIndex()
        return str(index.data(ROW_KEY_ROLE)) if index.isValid() else None

    @Slot(QModelIndex, QModelIndex)
    def _on_row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = str(current.data(ROW_KEY_ROLE)) if current.isValid() else None
        if key != self._note_key:
            self.save_note()
        self._note_key = key
        self.note_edit.setEnabled(key is not None)
        self.commands.pin.setEnabled(key is not None)
        self.commands.sync_pin(bool(current.data(PINNED_ROLE)) if key is not None else False)
        if key is None:
            self.details.setPlainText("")
            self.note_edit.clear()
            return
        self.note_edit.setText(str(current.data(NOTE_ROLE) or ""))
        row = self.rows_model.row(self.rows_proxy.mapToSource(current).row())
        lines = [badge_text(row) if row is not None else str(current.data(RELATION_ROLE))]
        pairs = current.data(PAIRS_ROLE) or []
        for pair in pairs:
            a, b = pair.articles
            lines.append(f"• #{a} ↔ #{b}: {pair_text(pair)}")
        if not pairs:
            lines += [f"• {r}" for r in current.data(REASONS_ROLE) or []]
        words = current.data(EVIDENCE_ROLE) or []
        if words:
            lines.append(self.tr("Evidence words: {words}").format(words="、".join(words[:12])))
        self.details.setPlainText("\n".join(lines))

    @Slot(QModelIndex)
    def _activate(self, index: QModelIndex) -> None:
        article_id, span = index.data(ARTICLE_ID_ROLE), index.data(SPAN_ROLE)
        if article_id is None or span is None:
            return
        start, end = span
        self.claim_activated.emit(int(article_id), int(start), int(end))

    # -- pins and notes (saved by the writer) ------------------------------------------

    @Slot()
    def toggle_pin(self) -> Task | None:
        """Pin the selected row (or unpin it); pinned rows come first."""
        key, topic = self.current_row_key(), self.current_topic_key()
        if key is None or topic is None:
            self.show_message(self.tr("Select a row to pin."))
            return None
        pinned = not bool(self.rows_view.currentIndex().data(PINNED_ROLE))
        self._remember(topic, key, pinned=pinned)
        self.rows_model.set_pinned(key, pinned)
        self.rows_view.scrollTo(self.rows_view.currentIndex())
        self.commands.sync_pin(pinned)
        return self.commands.store_row(topic, key, pinned=pinned)

    @Slot()
    def save_note(self) -> Task | None:
        """Save the note editor's text for the row it was filled for, if changed."""
        key, topic = self._note_key, self.current_topic_key()
        if key is None or topic is None or self.rows_model.row_number(key) is None:
            return None
        text = self.note_edit.text().strip()
        old = self.notes.get((topic, key))
        if text == (old.note if old else ""):
            return None
        self._remember(topic, key, note=text)
        self.rows_model.set_note(key, text)
        return self.commands.store_row(topic, key, note=text)

    def _remember(self, topic: str, key: str, **change: Any) -> None:
        old = self.notes.get((topic, key)) or RowNote(topic, key, "", False)
        note = RowNote(
            topic, key, str(change.get("note", old.note)), bool(change.get("pinned", old.pinned))
        )
        self.notes[(topic, key)] = note

    def focus_note(self) -> None:
        self.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.note_edit.selectAll()

    # -- export and workspaces (see CompareActions) ------------------------------------

    def export(self, fmt: str, path: Path | str | None = None) -> Path | None:
        """Export the comparison as ``fmt`` ("md", "csv", "html"); asks for the
        file when ``path`` is None. Returns the file written."""
        return self.commands.export(fmt, path)

    def save_workspace(self, name: str) -> Task:
        """Save the articles, own topic, selected topic and filter under ``name``."""
        return self.commands.save_workspace(name)

    def open_workspace(self, name: str | int) -> Task:
        """Reopen a saved workspace (by name or id): compare its articles again."""
        return self.commands.open_workspace(name)
