"""One reading pane: an article in one script view, with entities, marks and find.

Parts
    a header (title; source · date · author · translator · script), the view
    selector (原文 简体 繁體 臺灣 香港), an entity-sidebar toggle and a close
    button; below them the text (:class:`~duizhao.ui.reader.textview.ReaderText`,
    colours by :class:`~duizhao.ui.reader.highlighter.EntityHighlighter`) beside
    the :class:`~duizhao.ui.reader.sidebar.EntitySidebar`, and the
    :class:`~duizhao.ui.reader.findbar.FindBar` (Ctrl+F) under them.

Offsets
    everything the pane is given or gives back — entities, marked ranges,
    reading positions — is in code points of the article's *original* text.
    Only the current :class:`~duizhao.core.text.script.View` turns them into the
    UTF-16 positions Qt counts. Switching view maps the first visible
    character to the original and back, and re-maps the entity spans and the
    marked range (:meth:`View.to_view_utf16`); nothing is recognised again.
    Once the entities are known, the view is built with the people's names
    protected (converted as names: 于丽娜 stays 于麗娜), and the sidebar reads
    each entity's name from the view's text.

Scrolling together
    panes align by paragraph (the original text's lines):
    :meth:`ReadingPane.paragraph_at_top` gives (index, fraction through it) and
    :meth:`ReadingPane.scroll_to_paragraph` goes there. ``scrolled`` is emitted
    only for scrolling the pane did not do itself, so two panes following each
    other never echo.

The window connects ``entity_activated`` to every pane's
``set_selected_entity`` (linked entities light up everywhere),
``search_requested`` to the library search and ``view_changed`` to its
global view toggle.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from duizhao.core.library import Article, Entity
from duizhao.core.text import Script, Utf16Index, View, ViewCache, reading, word_at
from duizhao.ui.areas import set_area
from duizhao.ui.reader.aid import aid_text
from duizhao.ui.reader.findbar import FindBar
from duizhao.ui.reader.header import header_details, header_html, region_text, web_link
from duizhao.ui.reader.highlighter import spans_in_view
from duizhao.ui.reader.marks import MarkPainter
from duizhao.ui.reader.sidebar import EntitySidebar, entity_query
from duizhao.ui.reader.textview import ReaderText
from duizhao.ui.reader.titlebar import PaneTitleBar, SidebarStrip

ZOOM_RANGE = (-8, 24)
#: A text column narrower than this many characters is not readable: the
#: entity list folds on its own below it.
READABLE_CHARS = 22
#: The width an open entity list takes, at least.
SIDEBAR_WIDTH = 150
#: Lines of context kept above a marked range or a match scrolled to.
CONTEXT_LINES = 3


def shown_text(text: str) -> str:
    """``text`` as the document takes it, unit for unit: Qt would make one
    paragraph break of ``\r\n`` (every other character keeps its place)."""
    return text.replace("\r\n", " \n") if "\r" in text else text


class ReadingPane(QWidget):
    """One article in one view; see the module docstring."""

    view_changed = Signal(str)
    entity_activated = Signal(str)
    search_requested = Signal(str)
    close_requested = Signal()
    scrolled = Signal()
    zoom_changed = Signal(int)
    aid_toggled = Signal(bool)  # the 拼音 button: the reader turned the aid on or off
    region_wanted = Signal(int, str)  # article id, a region or "auto": the reader corrects it

    def __init__(self, views: ViewCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.views = views
        self.article: Article | None = None
        self.view: View | None = None
        self.entities: list[Entity] = []
        self.marked: tuple[int, int] | None = None
        self._names: tuple[tuple[int, int], ...] = ()  # people's names, protected in views
        self._queries: dict[str, str] = {}
        self._paragraphs: list[int] = [0]
        self._zoom = 0
        self._guard = 0
        self._jump: tuple[str, int] | None = None  # (entity, position) the sidebar went to
        self.sidebar_wanted = True  # the reader's choice; a narrow pane folds it anyway
        self._ui_size = max(self.font().pointSizeF(), 6.0)
        self._build()
        self.clear()

    # -- construction ------------------------------------------------------------

    def _build(self) -> None:
        self.titlebar = PaneTitleBar(self)
        bar = self.titlebar
        self.header, self.selector = bar.header, bar.selector
        self.header.linkActivated.connect(self._open_link)
        self.sidebar_button, self.close_button = bar.sidebar_button, bar.close_button
        self.aid_button = bar.aid_button
        self.selector.currentIndexChanged.connect(self._on_selector)
        self.sidebar_button.toggled.connect(self._on_sidebar_button)
        self.close_button.clicked.connect(self.close_requested)
        self.aid_button.toggled.connect(self.aid_toggled)
        self.region_button = bar.region_button
        self.region_button.region_chosen.connect(self._on_region_chosen)

        self.text = ReaderText(self)
        self.text.query_for = lambda entity_id: self._queries.get(entity_id, "")
        self.text.tooltip_for = lambda entity_id: self.sidebar.tooltip_of(entity_id)
        self.text.entity_clicked.connect(self._on_text_entity)
        self.text.search_requested.connect(self.search_requested)
        self.text.zoom_requested.connect(self._on_zoom_requested)
        self.text.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.marks = MarkPainter(self.text)
        self._base_font = QFont(self.text.font())
        self._base_font.setPointSizeF(max(self._base_font.pointSizeF(), 12.0) + 1)
        self.sidebar = EntitySidebar(self)
        self.sidebar.entity_activated.connect(self._on_sidebar_entity)
        self.sidebar.search_requested.connect(self.search_requested)
        self.strip = SidebarStrip(self)
        self.strip.clicked.connect(self.open_sidebar)
        self.strip.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.text)
        self.splitter.addWidget(self.sidebar)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([600, 180])
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.splitter, 1)
        body.addWidget(self.strip)

        self.findbar = FindBar(self)
        self.findbar.position_hint = self._top_utf16
        self.findbar.current_changed.connect(self._on_find_changed)
        self.findbar.closed.connect(self._on_find_closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 4, 2, 2)
        layout.addWidget(self.titlebar)
        layout.addLayout(body, 1)
        layout.addWidget(self.findbar)

        self.find_action = self._action(self.tr("&Find in pane"), QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.open_find)
        self._action(self.tr("Find &next"), QKeySequence.StandardKey.FindNext).triggered.connect(
            self.findbar.find_next
        )
        previous = self._action(self.tr("Find &previous"), QKeySequence.StandardKey.FindPrevious)
        previous.triggered.connect(self.findbar.find_previous)
        self._apply_font()

    def _action(self, text: str, keys: QKeySequence.StandardKey) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        set_area(action, "reading")
        self.addAction(action)
        return action

    # -- content -----------------------------------------------------------------

    @property
    def article_id(self) -> int | None:
        return None if self.article is None else self.article.id

    @property
    def view_name(self) -> str:
        return str(self.selector.currentData())

    def clear(self) -> None:
        """Show nothing (and say how to open an article)."""
        self.article = None
        self.region_button.set_region(None, shown=False)
        self.view = None
        self.entities = []
        self.marked = None
        self._names = ()
        self._queries = {}
        self._paragraphs = [0]
        self.header.setText("")
        self.header.setToolTip("")
        self.sidebar.clear()
        self.strip.set_count(0)
        self.text.highlighter.set_spans([], rehighlight=False)
        with self._programmatic():
            self.text.setPlainText("")
        self.text.setPlaceholderText(self.tr("Double-click an article in the library to read it."))
        self.findbar.set_text("", 0)
        self._update_selections()

    def show_article(self, article: Article, position: int = 0) -> None:
        """Show ``article`` from ``position`` (original offset; its start by
        default), without entities until :meth:`set_entities`."""
        self.article = article
        unknown = article.origin.outlet is None and bool(article.metadata.source)
        self.region_button.set_region(article.region, outlet_unknown=unknown)
        self._show_header()
        self.entities = []
        self._names = ()
        self._queries = {}
        self.marked = None
        self._paragraphs = [0] + [m.end() for m in re.finditer("\n", article.text)]
        self.sidebar.set_name_view(self.view_name, article.script)
        self.sidebar.clear()
        self._render(position)

    @Slot(str)
    def _on_region_chosen(self, region: str) -> None:
        if self.article is not None:
            self.region_wanted.emit(self.article.id, region)

    def set_entities(self, entities: list[Entity], article_id: int | None = None) -> bool:
        """Highlight ``entities`` (original offsets; ones outside the text are
        ignored). With ``article_id``, results for another article are dropped
        (a late worker result): returns whether they were taken."""
        if self.article is None or (article_id is not None and article_id != self.article.id):
            return False
        length = len(self.article.text)
        self.entities = [e for e in entities if 0 <= e.start < e.end <= length]
        names = tuple(sorted({(e.start, e.end) for e in self.entities if e.type == "PERSON"}))
        if names != self._names:
            self._names = names
            self._protect_names()
        self.sidebar.set_entities(self.entities)
        self.strip.set_count(sum(len(g) for g in self.sidebar.groups().values()))
        self._queries = {
            group.entity_id: entity_query(group.canonical, group.surfaces)
            for groups in self.sidebar.groups().values()
            for group in groups
        }
        if self.view is not None:
            self.text.highlighter.set_spans(spans_in_view(self.entities, self.view))
        self.sidebar.set_selected(self.text.highlighter.selected)
        return True

    def _protect_names(self) -> None:
        """Show the view with the people's names converted as names (于丽娜 stays
        于麗娜 in 臺灣); the text is set again only where that changes it."""
        article, view = self.article, self.view
        if article is None or view is None or view.config is None:
            return
        named = self._view_of(article)
        if named.text != view.text:
            self._render(self.first_visible_original())
        else:
            self.view = named
            self.sidebar.set_view(named)

    def _view_of(self, article: Article) -> View:
        """The article in this pane's view, names protected, in its region's usage."""
        return self.views.get(
            article.content_hash,
            article.text,
            article.script,
            self.view_name,
            self._names,
            region=article.region,
        )

    def set_view(self, name: str) -> None:
        index = self.selector.findData(name)
        if index >= 0:
            self.selector.setCurrentIndex(index)

    @Slot(int)
    def _on_selector(self, _index: int) -> None:
        if self.article is not None:
            self.sidebar.set_name_view(self.view_name, self.article.script)
            self._show_header()
            self._render(self.first_visible_original())
        self.view_changed.emit(self.view_name)

    def _show_header(self) -> None:
        """Title and details in the script of the view shown; the title as
        written (and its details) on hover."""
        article = self.article
        if article is None:
            return
        self.header.setText(header_html(article, self.view_name))
        url = f"\n{article.metadata.url}" if article.metadata.url else ""
        self.header.setToolTip(f"{article.title}\n{header_details(article)}{url}")
        self.region_button.setToolTip(
            self.tr("Region: {region}. Its views follow it; change it here").format(
                region=region_text(article)
            )
        )

    @Slot(str)
    def _open_link(self, link: str) -> None:
        """The header's URL, clicked: open it in the system browser (only the
        article's own web address, so a crafted header cannot open anything else)."""
        article = self.article
        if article is not None and link == web_link(article):
            QDesktopServices.openUrl(QUrl(link))

    def _render(self, original_position: int) -> None:
        article = self.article
        assert article is not None
        self.view = self._view_of(article)
        self.sidebar.set_view(self.view)
        self._jump = None
        self.text.highlighter.set_spans(spans_in_view(self.entities, self.view), rehighlight=False)
        with self._programmatic():
            self.text.setPlainText(shown_text(self.view.text))  # highlights it, once
        self.scroll_to_original(original_position)
        self.findbar.set_text(self.view.text, self._top_utf16())
        self._update_selections()

    # -- positions ---------------------------------------------------------------

    @contextmanager
    def _programmatic(self) -> Iterator[None]:
        self._guard += 1
        try:
            yield
        finally:
            self._guard -= 1

    def _top_utf16(self) -> int:
        return self.text.cursorForPosition(self.text.viewport().rect().topLeft()).position()

    def first_visible_original(self) -> int:
        """The original-text offset of the first character shown at the top."""
        if self.view is None:
            return 0
        position = self._top_utf16()
        return self.view.to_original_from_utf16(position, position)[0]

    def scroll_to_original(self, position: int) -> None:
        """Put the line holding original offset ``position`` at the top of the pane."""
        if self.view is None:
            return
        position = max(0, min(position, len(self.view.original)))
        self._scroll_to_utf16(self.view.to_view_utf16(position, position)[0])

    def _scroll_to_utf16(self, position: int, lines_above: int = 0) -> None:
        document = self.text.document()
        block = document.findBlock(max(0, min(position, document.characterCount() - 1)))
        if not block.isValid():
            return
        line_in_block = 0
        layout = block.layout()
        if layout is not None and layout.lineCount() > 0:
            line = layout.lineForTextPosition(position - block.position())
            if line.isValid():
                line_in_block = line.lineNumber()
        with self._programmatic():
            bar = self.text.verticalScrollBar()
            bar.setValue(max(0, block.firstLineNumber() + line_in_block - lines_above))

    def _paragraph(self, index: int) -> tuple[int, int]:
        """Original span of paragraph ``index`` (without its newline)."""
        assert self.view is not None
        start = self._paragraphs[index]
        if index + 1 < len(self._paragraphs):
            return start, self._paragraphs[index + 1] - 1
        return start, len(self.view.original)

    def paragraph_at_top(self) -> tuple[int, float]:
        """(index of the original paragraph at the top, fraction of it above the top)."""
        if self.view is None:
            return 0, 0.0
        top = self.first_visible_original()
        index = max(0, bisect_right(self._paragraphs, top) - 1)
        start, end = self._paragraph(index)
        return index, max(0.0, min(1.0, (top - start) / max(1, end - start)))

    def scroll_to_paragraph(self, index: int, fraction: float = 0.0) -> None:
        """Scroll paragraph ``index`` (clamped) to the top, ``fraction`` of it above it."""
        if self.view is None:
            return
        start, end = self._paragraph(max(0, min(index, len(self._paragraphs) - 1)))
        fraction = max(0.0, min(1.0, fraction))
        self.scroll_to_original(start + round(fraction * (end - start)))

    @Slot(int)
    def _on_scroll(self, _value: int) -> None:
        if not self._guard:
            self.scrolled.emit()

    # -- marks, find and selection -------------------------------------------------

    def mark_range(self, start: int, end: int, flash: bool = True) -> None:
        """Mark original ``[start, end)`` (a search hit, a claim) and scroll to it."""
        if self.view is None:
            return
        length = len(self.view.original)
        start, end = max(0, min(start, length)), max(0, min(end, length))
        self.marked = (min(start, end), max(start, end))
        first, _last = self.view.to_view_utf16(*self.marked)
        self._scroll_to_utf16(first, CONTEXT_LINES)
        self._update_selections(flash=flash)

    def clear_mark(self) -> None:
        self.marked = None
        self._update_selections()

    def marked_utf16(self) -> tuple[int, int] | None:
        """The marked range in the shown view's UTF-16 units."""
        if self.marked is None or self.view is None:
            return None
        return self.view.to_view_utf16(*self.marked)

    @Slot()
    def open_find(self) -> None:
        """Open the find bar (Ctrl+F), seeded with the selected text if any."""
        self.findbar.open(self.text.selected_query() or None)

    @Slot()
    def _on_find_changed(self) -> None:
        match = self.findbar.current_match()
        if match is not None:
            self._scroll_to_utf16(match[0], CONTEXT_LINES)
        self._update_selections()

    @Slot()
    def _on_find_closed(self) -> None:
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_selections(self, flash: bool = False) -> None:
        bar = self.findbar
        self.marks.paint(bar.matches, bar.current, self.marked_utf16(), flash)

    def set_selected_entity(self, entity_id: str | None) -> None:
        """Emphasise every occurrence of the linked entity (None: none)."""
        self.text.highlighter.set_selected(entity_id)
        self.sidebar.set_selected(entity_id)

    @property
    def selected_entity(self) -> str | None:
        return self.text.highlighter.selected

    def set_visible_types(self, types: set[str]) -> None:
        self.text.highlighter.set_visible_types(types)

    @Slot(str)
    def _on_text_entity(self, entity_id: str) -> None:
        self.set_selected_entity(entity_id)
        self.entity_activated.emit(entity_id)

    @Slot(str)
    def _on_sidebar_entity(self, entity_id: str) -> None:
        """An entity chosen in the list: select it and show its next occurrence.
        Choosing it again only moves on (the window may treat a second
        ``entity_activated`` as "deselect")."""
        newly = entity_id != self.selected_entity
        self.set_selected_entity(entity_id)
        occurrences = self.text.highlighter.occurrences(entity_id)
        if occurrences:
            after = self._top_utf16() - 1
            if self._jump is not None and self._jump[0] == entity_id:
                after = self._jump[1]  # the one shown last time: the next one now
            later = [span for span in occurrences if span.start > after]
            target = (later or occurrences)[0].start
            self._jump = (entity_id, target)
            self._scroll_to_utf16(target, CONTEXT_LINES)
        if newly:
            self.entity_activated.emit(entity_id)

    # -- looks -------------------------------------------------------------------

    @Slot(bool)
    def set_sidebar_visible(self, visible: bool) -> None:
        """Open the entity list, or fold it into the strip (the reader's choice,
        kept when the pane narrows and widens again)."""
        self.sidebar_wanted = visible
        self._show_sidebar(visible and not self._too_narrow())

    @Slot()
    def open_sidebar(self) -> None:
        """Open the folded list (the strip's click): on demand, even in a narrow pane."""
        self.sidebar_wanted = True
        self._show_sidebar(True)

    @property
    def sidebar_open(self) -> bool:
        return not self.sidebar.isHidden()

    def _show_sidebar(self, visible: bool) -> None:
        self.sidebar.setVisible(visible)
        self.strip.setVisible(not visible)
        if self.sidebar_button.isChecked() != visible:
            self.sidebar_button.blockSignals(True)
            self.sidebar_button.setChecked(visible)
            self.sidebar_button.blockSignals(False)

    @Slot(bool)
    def _on_sidebar_button(self, checked: bool) -> None:
        if checked:
            self.open_sidebar()
        else:
            self.set_sidebar_visible(False)

    def readable_width(self) -> int:
        """The narrowest text column worth reading: :data:`READABLE_CHARS` characters."""
        return self.text.fontMetrics().horizontalAdvance("中") * READABLE_CHARS

    def _too_narrow(self) -> bool:
        """Whether the text would be narrower than readable beside an open list."""
        sidebar = max(self.sidebar.sizeHint().width(), SIDEBAR_WIDTH)
        return self.width() - sidebar - 24 < self.readable_width()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Fold the entity list on its own when the pane gets too narrow to read
        beside it, and open it again (if the reader had it open) when it widens."""
        super().resizeEvent(event)
        if event.size().width() == event.oldSize().width():
            return
        narrow = self._too_narrow()
        if narrow and self.sidebar_open:
            self._show_sidebar(False)
        elif not narrow and self.sidebar_wanted and not self.sidebar_open:
            self._show_sidebar(True)

    # -- reading aid -------------------------------------------------------------

    def set_reading_aid(self, on: bool) -> None:
        """Pinyin (zhuyin in Traditional views) and glosses on hover and F2."""
        self.text.aid_for = self._aid_at if on else None
        if not on:
            self.text.hide_aid()
        if self.aid_button.isChecked() != on:
            self.aid_button.blockSignals(True)
            self.aid_button.setChecked(on)
            self.aid_button.blockSignals(False)

    @property
    def reading_aid(self) -> bool:
        return self.text.aid_for is not None

    def wants_zhuyin(self) -> bool:
        """Zhuyin beside the pinyin in Traditional views (and 原文 of a Traditional article)."""
        view = self.view_name
        if view == "original" and self.article is not None:
            return self.article.script is Script.TRADITIONAL
        return view in ("traditional", "taiwan", "hongkong")

    def _aid_at(self, position: int) -> tuple[str, str, int, int] | None:
        """The aid's text for the word at UTF-16 ``position`` of the shown text."""
        block = self.text.document().findBlock(position)
        if not block.isValid():
            return None
        line = block.text()
        index = Utf16Index(line)
        offset = position - block.position()
        point = next((k for k in range(len(line) + 1) if index.to_utf16(k) >= offset), len(line))
        span = word_at(line, point)
        if span is None:
            return None
        start, end = span
        found = reading(line[start:end])
        entity = self.text.span_at_position(position)
        tip = self.sidebar.tooltip_of(entity.entity_id) if entity is not None else ""
        text = aid_text(found, self.wants_zhuyin(), tip)
        first = block.position() + index.to_utf16(start)
        return text, found.word, first, block.position() + index.to_utf16(end)

    @Slot()
    def show_aid_at_cursor(self) -> bool:
        """F2: the aid for the word at the text cursor (turning the aid on if off)."""
        if not self.reading_aid:
            self.aid_button.setChecked(True)  # asks the window to turn it on everywhere
            if not self.reading_aid:
                self.set_reading_aid(True)
        return self.text.show_aid_at(self.text.textCursor().position())

    def set_active(self, active: bool) -> None:
        """Mark this pane as the one openings go to (or not)."""
        self.titlebar.set_active(active)
        self.setProperty("current", active)

    @property
    def is_active(self) -> bool:
        return self.titlebar.active

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Text size ``steps`` points above (or below) the base font."""
        steps = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], steps))
        if steps != self._zoom:
            self._zoom = steps
            self._apply_font()
            self.zoom_changed.emit(steps)

    @Slot()
    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    @Slot()
    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    @Slot(int)
    def _on_zoom_requested(self, direction: int) -> None:
        self.set_zoom(self._zoom + direction)

    def set_text_font(self, font: QFont) -> None:
        self._base_font = QFont(font)
        self._apply_font()

    def _apply_font(self) -> None:
        position = self.first_visible_original()
        font = QFont(self._base_font)
        size = self._base_font.pointSizeF()
        if size > 0:
            font.setPointSizeF(max(4.0, size + self._zoom))
        self.text.setFont(font)
        small = QFont(self.font())
        if small.pointSizeF() > 0:
            small.setPointSizeF(max(4.0, self._ui_size + self._zoom))
        for widget in (self.sidebar, self.titlebar, self.findbar, self.strip):
            widget.setFont(small)
        self.scroll_to_original(position)

    def set_dark(self, dark: bool) -> None:
        """Entity and mark colours for a dark (or light) background."""
        self.text.highlighter.set_dark(dark)
        self.sidebar.set_dark(dark)
        self.marks.set_dark(dark)
