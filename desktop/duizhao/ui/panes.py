"""The reading area: two to four reading panes side by side.

:class:`PaneArea` owns the panes in a splitter and everything that ties them
together: which pane is current (the last one clicked or focused), opening an
article in a pane and fetching its entities in the background, the global
script toggle, the linked-entity selection that lights up every pane, the
shared set of visible entity types, synchronised scrolling by paragraph, and
articles dropped onto a pane from the library list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QKeySequence
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from duizhao.core.library import Article, ArticleNotFound, LibraryError
from duizhao.core.text import ViewCache
from duizhao.ui.models import article_ids_from_mime
from duizhao.ui.reader import ReadingPane, region_text
from duizhao.ui.tasks import Cancelled, TaskContext, TaskRunner

if TYPE_CHECKING:
    from duizhao.core.entities import Found  # the recogniser loads on first use

MIN_PANES = 1
MAX_PANES = 4
ALL_TYPES = frozenset({"PERSON", "PLACE", "ORG", "DATE", "NUMBER"})


class PaneArea(QWidget):
    """Side-by-side reading panes sharing one view cache and one task runner."""

    current_changed = Signal(object)  # ReadingPane
    panes_changed = Signal(int)  # how many panes
    article_opened = Signal(int)  # article id
    search_requested = Signal(str)
    message = Signal(str)  # one line for the status bar
    aid_requested = Signal(bool)  # a pane's 拼音 button: the aid on or off everywhere
    region_changed = Signal(int)  # article id whose region (and so its views) changed

    def __init__(
        self,
        runner: TaskRunner,
        load_article: Callable[[int], Article],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._load = load_article
        self.views = ViewCache()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.panes: list[ReadingPane] = []
        self.current: ReadingPane | None = None
        self.selected_entity: str | None = None
        self.visible_types: set[str] = set(ALL_TYPES)
        self.sync_scroll = False
        self.dark = False
        self.text_font: QFont | None = None
        self.zoom = 0
        self.reading_aid = False
        self._syncing = False
        self._entity_tasks: dict[int, object] = {}

    # -- panes --------------------------------------------------------------

    def add_pane(self) -> ReadingPane | None:
        if len(self.panes) >= MAX_PANES:
            self.message.emit(self.tr("At most {n} panes side by side").format(n=MAX_PANES))
            return None
        pane = ReadingPane(self.views, self.splitter)
        pane.setAcceptDrops(True)
        pane.installEventFilter(self)
        pane.text.viewport().installEventFilter(self)
        pane.text.viewport().setAcceptDrops(True)
        pane.text.installEventFilter(self)
        pane.set_visible_types(self.visible_types)
        pane.set_dark(self.dark)
        if self.text_font is not None:
            pane.set_text_font(self.text_font)
        pane.set_zoom(self.zoom)
        pane.set_reading_aid(self.reading_aid)
        pane.aid_toggled.connect(self.aid_requested)
        pane.region_wanted.connect(self.set_region)
        # Ctrl+F belongs to the window (Edit → Find), which opens the current pane's bar.
        pane.find_action.setShortcut(QKeySequence())
        pane.entity_activated.connect(self.select_entity)
        pane.search_requested.connect(self.search_requested)
        pane.close_requested.connect(lambda p=pane: self.close_pane(p))
        pane.scrolled.connect(lambda p=pane: self._on_scrolled(p))
        self.splitter.addWidget(pane)
        self.panes.append(pane)
        self._equalise()
        self.set_current(pane)
        self.panes_changed.emit(len(self.panes))
        return pane

    def close_pane(self, pane: ReadingPane | None = None) -> None:
        pane = pane or self.current
        if pane is None or pane not in self.panes:
            return
        if len(self.panes) <= MIN_PANES:
            pane.clear()
            return
        index = self.panes.index(pane)
        self.panes.remove(pane)
        pane.hide()
        pane.setParent(None)
        pane.deleteLater()
        self._equalise()
        self.set_current(self.panes[min(index, len(self.panes) - 1)])
        self.panes_changed.emit(len(self.panes))

    def set_pane_count(self, count: int) -> None:
        count = max(MIN_PANES, min(MAX_PANES, count))
        while len(self.panes) < count:
            self.add_pane()
        while len(self.panes) > count:
            self.close_pane(self.panes[-1])

    def set_current(self, pane: ReadingPane) -> None:
        if pane is self.current:
            return
        self.current = pane
        for other in self.panes:
            other.set_active(other is pane)
        self.current_changed.emit(pane)

    def step_current(self, step: int) -> ReadingPane | None:
        """Make the pane ``step`` places right (left when negative) of the active
        one active, wrapping round, and give its text the focus (Ctrl+Tab)."""
        if not self.panes:
            return None
        index = self.panes.index(self.current) if self.current in self.panes else 0
        pane = self.panes[(index + step) % len(self.panes)]
        self.set_current(pane)
        pane.text.setFocus(Qt.FocusReason.TabFocusReason)
        return pane

    def _equalise(self) -> None:
        width = max(self.splitter.width(), 400)
        self.splitter.setSizes([width // max(1, len(self.panes))] * len(self.panes))

    def open_articles(self) -> list[tuple[int, str]]:
        """(article id, view) of each pane showing an article, left to right."""
        return [(p.article_id, p.view_name) for p in self.panes if p.article_id is not None]

    # -- articles -------------------------------------------------------------

    def open_article(
        self,
        article_id: int,
        pane: ReadingPane | None = None,
        *,
        view: str | None = None,
        quiet: bool = False,
    ) -> ReadingPane | None:
        """Show an article in ``pane`` (default: the active pane); ``quiet``: an
        article no longer in the library is skipped without a word (a session's)."""
        try:
            article = self._load(article_id)
        except (ArticleNotFound, LibraryError, KeyError):
            if not quiet:
                self.message.emit(self.tr("No article with id {id}").format(id=article_id))
            return None
        if pane is None:
            pane = self.current or (self.panes[0] if self.panes else self.add_pane())
        if pane is None:
            return None
        if view is not None:
            pane.set_view(view)
        pane.show_article(article)
        if self.selected_entity is not None:
            pane.set_selected_entity(self.selected_entity)
        self.set_current(pane)
        self._fetch_entities(article)
        self.article_opened.emit(article_id)
        return pane

    def open_in_new_pane(self, article_id: int) -> ReadingPane | None:
        empty = next((p for p in self.panes if p.article_id is None), None)
        target = empty or self.add_pane()
        if target is None:
            target = self.panes[-1]
        return self.open_article(article_id, target)

    def pane_showing(self, article_id: int) -> ReadingPane | None:
        if self.current is not None and self.current.article_id == article_id:
            return self.current
        return next((p for p in self.panes if p.article_id == article_id), None)

    def reveal(self, article_id: int, start: int, end: int) -> ReadingPane | None:
        """Scroll to original offsets ``start:end`` of an article and flash them,
        opening the article first if no pane shows it."""
        pane = self.pane_showing(article_id)
        if pane is None:  # not shown anywhere: into the active pane
            pane = self.open_article(article_id)
        if pane is not None:
            pane.mark_range(start, end)
            self.set_current(pane)
        return pane

    def describe_outlet(self, article_id: int) -> None:
        """Ask the region and kind of an article's outlet that has no profile, keep
        them in the library, and redraw the panes of every article that took it."""
        from duizhao.ui.outlet_dialog import OutletDialog

        pane = self.pane_showing(article_id)
        if pane is None or pane.article is None:
            return
        name = " ".join((pane.article.metadata.source or "").split())
        dialog = OutletDialog(name, None, self)
        if not name or dialog.exec() != OutletDialog.DialogCode.Accepted:
            return
        region, kind = dialog.chosen()

        def work(context: TaskContext) -> list[Article]:
            from duizhao.core.ingest import apply_descriptions
            from duizhao.core.library import describe_outlet
            from duizhao.core.search import SearchIndex

            library = context.library
            describe_outlet(library, name, region, kind)
            changed = apply_descriptions(library, name)
            SearchIndex(context.library_dir).sync(library)
            return [library.get(i) for i in changed]

        task = self.runner.write(f"outlet {name}", work)

        def done(changed: list[Article]) -> None:
            for article in changed:
                for pane in self.panes:
                    if pane.article_id == article.id:
                        pane.show_article(article, pane.first_visible_original())
                self._fetch_entities(article)
                self.region_changed.emit(article.id)
            self.message.emit(
                self.tr("{name} described: {count} articles now read with its region").format(
                    name=name, count=len(changed)
                )
            )

        task.finished.connect(done)
        failed = self.tr("Outlet not described: {reason}")
        task.failed.connect(lambda m: self.message.emit(failed.format(reason=m)))

    @Slot(int, str)
    def set_region(self, article_id: int, region: str) -> None:
        """Correct an article's region (``"auto"``: find it again from its outlet
        and text) on the writer, the search index brought up to date; then every
        pane showing it is drawn again in its new usage, at the same place, and
        its entities recognised again. ``"describe"`` asks about its outlet instead."""
        if region == "describe":
            self.describe_outlet(article_id)
            return

        def work(context: TaskContext) -> Article:
            from dataclasses import replace

            from duizhao.core.ingest import article_origin
            from duizhao.core.search import SearchIndex

            library = context.library
            article = library.get(article_id)
            if region == "auto":
                meta = article.metadata
                origin = article_origin(meta.source, meta.url, article.text, article.script)
            else:
                origin = replace(article.origin, region=region, region_source="user")
            changed = library.set_origin(article_id, origin)
            SearchIndex(context.library_dir).sync(library)
            return changed

        task = self.runner.write(f"region of #{article_id}", work)

        def done(article: Article) -> None:
            for pane in self.panes:
                if pane.article_id == article.id:
                    pane.show_article(article, pane.first_visible_original())
                    if self.selected_entity is not None:
                        pane.set_selected_entity(self.selected_entity)
            self._fetch_entities(article)
            self.region_changed.emit(article.id)
            self.message.emit(
                self.tr("#{id} is read as from: {region}").format(
                    id=article.id, region=region_text(article)
                )
            )

        task.finished.connect(done)
        failed = self.tr("Region not changed: {reason}")
        task.failed.connect(lambda m: self.message.emit(failed.format(reason=m)))

    def _fetch_entities(self, article: Article) -> None:
        """Entities come from the library's cache or the recogniser, off the GUI thread;
        a fresh recognition is stored back through the writer."""

        def work(context: TaskContext) -> Found:
            from duizhao.core.entities import RecognitionCancelled, find_entities

            try:  # closing the window cancels it between two blocks of the model
                return find_entities(context.library, article, cancelled=context.cancelled)
            except RecognitionCancelled:
                raise Cancelled from None

        task = self.runner.read(f"entities of #{article.id}", work)

        def done(found: Found) -> None:
            for p in self.panes:
                if p.article is not None and p.article.content_hash == article.content_hash:
                    p.set_entities(found.entities, article_id=p.article_id)
            if found.entry is not None:
                self.runner.write(f"store entities of #{article.id}", lambda c: store(c, found))

        def store(context: TaskContext, found: Found) -> None:
            from duizhao.core.entities import remember_entities

            remember_entities(context.library, article, found)

        task.finished.connect(done)
        failed = self.tr("Entities not available: {reason}")
        task.failed.connect(lambda m: self.message.emit(failed.format(reason=m)))

    # -- shared state ---------------------------------------------------------

    def set_all_views(self, name: str) -> None:
        """The global toggle: every pane switches to ``name``, each keeping its place."""
        for pane in self.panes:
            pane.set_view(name)

    @Slot(str)
    def select_entity(self, entity_id: str | None) -> None:
        """Light up every occurrence of one linked entity in every pane (again: off)."""
        if entity_id == self.selected_entity:
            entity_id = None
        self.selected_entity = entity_id
        for pane in self.panes:
            pane.set_selected_entity(entity_id)

    def set_visible_types(self, types: set[str]) -> None:
        self.visible_types = set(types) & ALL_TYPES
        for pane in self.panes:
            pane.set_visible_types(self.visible_types)

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        for pane in self.panes:
            pane.set_dark(dark)

    def set_text_font(self, font: QFont) -> None:
        self.text_font = font
        for pane in self.panes:
            pane.set_text_font(font)

    def set_zoom(self, steps: int) -> None:
        self.zoom = max(-8, min(20, steps))
        for pane in self.panes:
            pane.set_zoom(self.zoom)

    def set_reading_aid(self, on: bool) -> None:
        self.reading_aid = on
        for pane in self.panes:
            pane.set_reading_aid(on)

    def set_sync_scroll(self, on: bool) -> None:
        self.sync_scroll = on
        if on and self.current is not None:
            self._on_scrolled(self.current)

    def _on_scrolled(self, source: ReadingPane) -> None:
        if not self.sync_scroll or self._syncing or source.article is None:
            return
        paragraph, fraction = source.paragraph_at_top()
        self._syncing = True
        try:
            for pane in self.panes:
                if pane is not source and pane.article is not None:
                    pane.scroll_to_paragraph(paragraph, fraction)
        finally:
            self._syncing = False

    # -- events -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        pane = self._pane_of(watched)
        if pane is None:
            return False
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            self.set_current(pane)
        elif kind == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if article_ids_from_mime(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            ids = article_ids_from_mime(event.mimeData())
            if ids:
                self.open_article(ids[0], pane)
                for extra in ids[1:]:
                    self.open_in_new_pane(extra)
                event.acceptProposedAction()
                return True
        return False

    def _pane_of(self, watched: QObject) -> ReadingPane | None:
        for pane in self.panes:
            if watched is pane or watched is pane.text or watched is pane.text.viewport():
                return pane
        return None
