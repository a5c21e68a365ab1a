"""The Stories panel: the library's stories, who covers them, when, and one-click comparison.

:class:`StoriesPanel` lists the stories (:class:`~.model.StoriesModel`: label,
article count, outlets, a coverage bar by region, date span), sorted newest
or largest first, filtered by label or outlet in either script; the last
row gathers the articles outside any story. Below, the chosen story's
articles (each with a tick box: "Compare story" compares the ticked ones,
or all when none is ticked) and its :class:`~.timeline.StoryTimeline`; when
the story has been compared, the comparison's series (a figure reported
over time) is drawn under it, each point opening its claim.

Grouping runs in the window's task runner (the writer: it stores the
stories), with progress and a Cancel button; the panel never touches the
library itself. Corrections are in context menus: an article list's "Take
out into a new story" and "Move to story" (undone by the Undo button), a
story's "Merge into this story"; they are kept in the library and survive
regrouping. Signals: ``open_pair(list)`` (double-click: the first two
articles side by side), ``compare_requested(list)``, ``article_activated(int)``
and ``claim_activated(int, int, int)``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from duizhao.core.stories import label_in
from duizhao.core.yielding import breathe, collector_paused
from duizhao.ui.compare.timeline import SeriesTimeline
from duizhao.ui.stories.model import (
    COUNT,
    COVERAGE,
    DATES,
    LABEL,
    OUTLETS,
    ArticleInfo,
    CoverageDelegate,
    StoriesModel,
    StoriesProxy,
    StoriesSnapshot,
)
from duizhao.ui.stories.timeline import Mark, StoryTimeline
from duizhao.ui.tasks import Cancelled, Task, TaskContext, TaskRunner

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1


def make_snapshot(context: TaskContext, again: bool = False) -> StoriesSnapshot:
    """Bring the grouping up to date and read it (runs in the writer thread)."""
    from duizhao.core.library import described_outlets
    from duizhao.core.stories import (
        StoriesCancelled,
        bring_up_to_date,
        described_region,
        list_stories,
        outlet_and_region,
    )

    library = context.library
    # the regrouping's many objects live until it ends, and reading 10,000
    # stories and summaries makes as many again: no full collector passes
    with collector_paused():
        try:
            bring_up_to_date(
                library, again=again, progress=context.progress, cancelled=context.cancelled
            )
        except StoriesCancelled:
            raise Cancelled from None
        every = list_stories(library, include_single=True)
        described = described_outlets(library)
        articles: dict[int, ArticleInfo] = {}
        rows = library.query("SELECT id, url FROM articles")
        urls = {int(r[0]): r[1] for r in rows}  # type: ignore[call-overload]
        for summary in library.summaries():
            breathe()
            url = urls.get(summary.id)
            outlet, region = described_region(
                outlet_and_region(summary.source, url if isinstance(url, str) else None),
                described,
            )
            day = summary.published[:10] if summary.published else None
            articles[summary.id] = ArticleInfo(summary.id, summary.title, outlet, region, day)
        stories = [s for s in every if len(s.articles) > 1]
        outside = sorted(a for s in every if len(s.articles) == 1 for a in s.articles)
    return StoriesSnapshot(stories, outside, articles)


class StoriesPanel(QWidget):
    """Stories, their coverage and timeline; emits ids, never opens anything itself."""

    open_pair = Signal(list)  # list[int]: the first two articles of a story
    compare_requested = Signal(list)  # list[int]
    article_activated = Signal(int)
    claim_activated = Signal(int, int, int)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storiesPanel")
        self.runner = runner
        self.task: Task | None = None
        self.model = StoriesModel(self)
        self.proxy = StoriesProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setDynamicSortFilter(True)

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter stories by label or outlet"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter stories"))
        self.sort = QComboBox(self)
        self.sort.addItems([self.tr("Newest first"), self.tr("Largest first")])
        self.sort.setAccessibleName(self.tr("Sort stories"))
        self.regroup_button = QPushButton(self.tr("Regroup"), self)
        self.regroup_button.setToolTip(
            self.tr("Group the whole library again (your corrections are kept)")
        )

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setItemDelegateForColumn(COVERAGE, CoverageDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        for column in (COUNT, DATES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(OUTLETS, 150)
        header.resizeSection(COVERAGE, 80)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setMinimumHeight(140)
        self.table.setAccessibleName(self.tr("Stories"))

        self.articles = QListWidget(self)
        self.articles.setAccessibleName(self.tr("Articles of the story"))
        self.timeline = StoryTimeline(self)
        self.series = SeriesTimeline(self)
        self.series.setVisible(False)
        self.compare_button = QPushButton(self.tr("Compare story"), self)
        self.compare_button.setToolTip(self.tr("Compare the ticked articles, or all of the story"))
        self.compare_button.setEnabled(False)

        self.status = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.progress.setMaximumHeight(14)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setVisible(False)
        self._undo: list[tuple[int, int]] = []  # (article, story it was in) of the last move

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.sort)
        top.addWidget(self.regroup_button)
        charts = QWidget(self)
        chart_layout = QVBoxLayout(charts)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.timeline)
        chart_layout.addWidget(self.series)
        chart_layout.addStretch(1)
        self.charts = QScrollArea(self)
        self.charts.setWidget(charts)
        self.charts.setWidgetResizable(True)
        self.charts.setFrameShape(QFrame.Shape.NoFrame)
        self.articles.setMinimumHeight(70)
        below = QWidget(self)
        lower = QVBoxLayout(below)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(self.articles, 1)
        lower.addWidget(self.charts, 1)
        lower.addWidget(self.compare_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        busy = QHBoxLayout()
        busy.addWidget(self.status, 1)
        busy.addWidget(self.progress)
        busy.addWidget(self.cancel_button)
        busy.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(busy)

        self.filter.textChanged.connect(self.proxy.set_needle)
        self.sort.currentIndexChanged.connect(lambda i: self.proxy.set_largest_first(i == 1))
        self.regroup_button.clicked.connect(lambda: self.refresh(again=True))
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.table.activated.connect(self._open_pair)  # double-click or Enter
        self.articles.itemActivated.connect(self._article_item)
        self.timeline.article_activated.connect(self.article_activated)
        self.series.point_activated.connect(self.claim_activated)
        self.compare_button.clicked.connect(self.compare_current)
        self.cancel_button.clicked.connect(self.cancel)
        self.undo_button.clicked.connect(self.undo)
        self.articles.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.articles.customContextMenuRequested.connect(self._article_menu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._story_menu)
        self.proxy.sort(0, Qt.SortOrder.DescendingOrder)

    # -- grouping ---------------------------------------------------------------------------

    def refresh(self, again: bool = False, correct: Any = None) -> Task | None:
        """Bring the stories up to date in the task runner's writer (``again``:
        regroup everything; ``correct(library)``: a correction made first)."""
        if self.task is not None:
            return self.task

        def work(context: TaskContext) -> StoriesSnapshot:
            if correct is not None:
                correct(context.library)
            return make_snapshot(context, again)

        task = self.runner.write(self.tr("Grouping stories"), work)
        self.task = task
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.regroup_button.setEnabled(False)
        self.status.setText(self.tr("Grouping stories…"))
        task.progressed.connect(self._progressed)
        task.finished.connect(self._grouped)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self.status.setText(self.tr("Grouping cancelled")))
        task.ended.connect(self._ended)
        return task

    @Slot()
    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _grouped(self, snapshot: object) -> None:
        if isinstance(snapshot, StoriesSnapshot):
            self.set_snapshot(snapshot)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Grouping failed: {reason}").format(reason=message))

    def _ended(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.regroup_button.setEnabled(True)

    def set_snapshot(self, snapshot: StoriesSnapshot) -> None:
        current = self.current_story_id()
        self.model.set_snapshot(snapshot)
        self.proxy.sort(0, Qt.SortOrder.DescendingOrder)
        self.status.setText(
            self.tr("{stories} stories, {alone} articles outside any story").format(
                stories=len(snapshot.stories), alone=len(snapshot.outside)
            )
        )
        row = self.model.row_of(current) if current is not None else None
        self.select_row(row if row is not None else None)

    # -- the chosen story ---------------------------------------------------------------------

    def select_row(self, source_row: int | None) -> None:
        index = (
            self.proxy.mapFromSource(self.model.index(source_row, 0))
            if source_row is not None
            else self.proxy.index(0, 0)
        )
        if index.isValid():
            self.table.setCurrentIndex(index)
        else:
            self._show_current(QModelIndex(), QModelIndex())

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else None

    def current_story_id(self) -> int | None:
        row = self.current_row()
        story = self.model.story(row) if row is not None else None
        return story.id if story is not None else None

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.proxy.mapToSource(current).row() if current.isValid() else None
        ids = self.model.article_ids(row) if row is not None else []
        story = self.model.story(row) if row is not None else None
        copies = story.copies if story is not None else {}
        infos = self.model.snapshot.articles
        self.articles.clear()
        marks = []
        for article_id in ids:
            info = infos.get(article_id) or ArticleInfo(
                article_id, f"#{article_id}", "", "unknown", None
            )
            text = f"{info.outlet} · {info.date or '?'} — {info.title}"
            if article_id in copies:
                text += "  " + self.tr("(copy of #{id})").format(id=copies[article_id])
            item = QListWidgetItem(text, self.articles)
            item.setData(ARTICLE_ROLE, article_id)
            if story is not None:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            day = dt.date.fromisoformat(info.date) if info.date else None
            marks.append(
                Mark(article_id, info.outlet, info.region, day, info.title, article_id in copies)
            )
        self.timeline.set_marks(marks if story is not None else [])
        self.timeline.setVisible(story is not None)
        self.series.set_points([])
        self.series.setVisible(False)
        self.compare_button.setEnabled(story is not None and len(ids) > 1)

    def ticked(self) -> list[int]:
        out = []
        for n in range(self.articles.count()):
            item = self.articles.item(n)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(ARTICLE_ROLE)))
        return out

    def story_articles(self) -> list[int]:
        """The current story's articles to compare: the ticked ones, else all but copies."""
        ticked = self.ticked()
        if ticked:
            return ticked
        row = self.current_row()
        story = self.model.story(row) if row is not None else None
        if story is None:
            return []
        return [a for a in story.articles if a not in story.copies]

    @Slot()
    def compare_current(self) -> None:
        ids = self.story_articles()
        if len(ids) >= 2:
            self.compare_requested.emit(ids)

    def show_comparison(self, comparison: Any) -> None:
        """Draw a comparison's first series under the timeline, when it compared
        articles of the current story."""
        row = self.current_row()
        ids = set(self.model.article_ids(row)) if row is not None else set()
        compared = {a for a, _ in getattr(comparison, "articles", [])}
        if not compared or not compared <= ids:
            return
        for topic in getattr(comparison, "topics", []):
            if topic.series:
                self.series.set_points(list(topic.series))
                return

    def _open_pair(self, index: QModelIndex) -> None:
        ids = self.model.article_ids(self.proxy.mapToSource(index).row())
        if ids:
            self.open_pair.emit(ids[:2])

    # -- corrections ---------------------------------------------------------------------------

    def selected_articles(self) -> list[int]:
        """The ticked articles, else the selected ones."""
        ticked = self.ticked()
        if ticked:
            return ticked
        return [int(item.data(ARTICLE_ROLE)) for item in self.articles.selectedItems()]

    def move(self, ids: list[int], story_id: int | None) -> Task | None:
        """Move articles to a story (None: a new one of their own), undoably."""
        from duizhao.core.stories import move_article, split_story

        current = self.current_story_id()
        if not ids or current is None:
            return None
        self._undo = [(a, current) for a in ids]

        def correct(library: Any) -> None:
            if story_id is None:
                split_story(library, current, ids)
            else:
                for article_id in ids:
                    move_article(library, article_id, story_id)

        task = self.refresh(correct=correct)
        self.undo_button.setVisible(True)
        return task

    @Slot()
    def undo(self) -> Task | None:
        """Put the articles of the last move back where they were."""
        from duizhao.core.stories import move_article

        moves, self._undo = self._undo, []
        self.undo_button.setVisible(False)
        if not moves:
            return None

        def correct(library: Any) -> None:
            for article_id, story_id in moves:
                move_article(library, article_id, story_id)

        return self.refresh(correct=correct)

    def merge_into(self, into: int, other: int) -> Task | None:
        from duizhao.core.stories import merge_stories

        self._undo = []
        self.undo_button.setVisible(False)
        return self.refresh(correct=lambda library: merge_stories(library, into, [other]))

    def _other_stories(self) -> list[Any]:
        current = self.current_story_id()
        return [s for s in self.model.snapshot.stories if s.id != current][:30]

    def _article_menu(self, at: Any) -> None:
        ids = self.selected_articles()
        row = self.current_row()
        story = self.model.story(row) if row is not None else None
        if not ids or story is None:
            return
        menu = QMenu(self)
        split = menu.addAction(self.tr("Take out into a new story"))
        split.setEnabled(len(ids) < len(story.articles))
        split.triggered.connect(lambda: self.move(ids, None))
        into = menu.addMenu(self.tr("Move to story"))
        for other in self._other_stories():
            action = into.addAction(label_in(other.label, self.model.script) or f"#{other.id}")
            action.triggered.connect(lambda _=False, to=other.id: self.move(ids, to))
        menu.popup(self.articles.viewport().mapToGlobal(at))

    def _story_menu(self, at: Any) -> None:
        current = self.current_story_id()
        if current is None:
            return
        menu = QMenu(self)
        into = menu.addMenu(self.tr("Merge into this story"))
        for other in self._other_stories():
            action = into.addAction(label_in(other.label, self.model.script) or f"#{other.id}")
            action.triggered.connect(lambda _=False, o=other.id: self.merge_into(current, o))
        menu.popup(self.table.viewport().mapToGlobal(at))

    def _article_item(self, item: QListWidgetItem) -> None:
        self.article_activated.emit(int(item.data(ARTICLE_ROLE)))
