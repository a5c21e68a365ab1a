"""Entity colours in a reading pane's document, as a QSyntaxHighlighter.

:class:`Span` is one entity occurrence in the *shown* view, in UTF-16 units
(what Qt counts), with its type and linked id. The pane maps entities from
original code points into the current view (:func:`spans_in_view`) and hands
the sorted spans to :class:`EntityHighlighter`, which never recognises or
searches anything itself.

For each block Qt asks about, :meth:`EntityHighlighter.highlightBlock` finds
the spans that touch the block by bisecting the span starts (a span can start
at most ``longest span`` units before the block), clips them to the block and
applies the type's format from :mod:`duizhao.ui.reader.colors`. Hidden types
are skipped; every occurrence of the selected entity gets the strong format,
even when its type is hidden, since the user asked to see it.

Changing spans, visible types, selection or theme re-highlights the whole
document (cheap: one Python call per block, a few ``setFormat`` per span).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from duizhao.core.library import ENTITY_TYPES as TYPES
from duizhao.core.library import Entity
from duizhao.core.text import View
from duizhao.ui.reader.colors import entity_format, entity_formats


class Span(NamedTuple):
    start: int  # UTF-16 units in the shown view
    end: int
    type: str
    entity_id: str


def spans_in_view(entities: Iterable[Entity], view: View) -> list[Span]:
    """Entities mapped into ``view`` (sorted); ones outside the text are dropped."""
    length = len(view.original)
    spans = []
    for entity in entities:
        if not 0 <= entity.start < entity.end <= length:
            continue
        start, end = view.to_view_utf16(entity.start, entity.end)
        if end > start:
            spans.append(Span(start, end, entity.type, entity.entity_id))
    spans.sort()
    return spans


class EntityHighlighter(QSyntaxHighlighter):
    """Colours entity spans by type; see the module docstring."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._longest = 0
        self._visible: set[str] = set(TYPES)
        self._selected: str | None = None
        self._dark = False
        self._formats: dict[tuple[str, bool], QTextCharFormat] = entity_formats(False)

    # -- state -------------------------------------------------------------------

    @property
    def spans(self) -> list[Span]:
        return self._spans

    @property
    def visible_types(self) -> set[str]:
        return set(self._visible)

    @property
    def selected(self) -> str | None:
        return self._selected

    @property
    def dark(self) -> bool:
        return self._dark

    def set_spans(self, spans: Sequence[Span], rehighlight: bool = True) -> None:
        """Replace the spans (sorted by start). ``rehighlight=False`` when the
        document text is about to be replaced anyway (that highlights it)."""
        self._spans = sorted(spans)
        self._starts = [span.start for span in self._spans]
        self._longest = max((span.end - span.start for span in self._spans), default=0)
        if rehighlight:
            self.rehighlight()

    def set_visible_types(self, types: Iterable[str]) -> None:
        visible = set(types)
        if visible != self._visible:
            self._visible = visible
            self.rehighlight()

    def set_selected(self, entity_id: str | None) -> None:
        if entity_id != self._selected:
            self._selected = entity_id
            self.rehighlight()

    def set_dark(self, dark: bool) -> None:
        if dark != self._dark:
            self._dark = dark
            self._formats = entity_formats(dark)
            self.rehighlight()

    def spans_at(self, position: int) -> list[Span]:
        """The shown spans covering UTF-16 ``position`` (innermost last)."""
        lo = bisect_left(self._starts, position - self._longest)
        hi = bisect_left(self._starts, position + 1)
        return [
            span
            for span in self._spans[lo:hi]
            if span.start <= position < span.end and self._shown(span)
        ]

    def occurrences(self, entity_id: str) -> list[Span]:
        return [span for span in self._spans if span.entity_id == entity_id]

    def _shown(self, span: Span) -> bool:
        return span.type in self._visible or span.entity_id == self._selected

    # -- QSyntaxHighlighter ------------------------------------------------------

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if not self._spans:
            return
        block = self.currentBlock()
        first = block.position()
        last = first + block.length() - 1  # UTF-16 units, without the separator
        lo = bisect_left(self._starts, first - self._longest)
        hi = bisect_left(self._starts, last)
        formats = self._formats
        selected = self._selected
        for span in self._spans[lo:hi]:
            if span.end <= first:
                continue
            is_selected = span.entity_id == selected
            if not is_selected and span.type not in self._visible:
                continue
            fmt = formats.get((span.type, is_selected))
            if fmt is None:  # a type this version does not know: the grey fallback
                fmt = formats[span.type, is_selected] = entity_format(
                    span.type, self._dark, is_selected
                )
            start = max(span.start, first)
            end = min(span.end, last)
            self.setFormat(start - first, end - start, fmt)
