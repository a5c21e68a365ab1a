"""The reading pane and its parts, for the reader window.

:class:`ReadingPane` (``pane``) shows one article in one script view with its
entity highlights (``highlighter``, colours from ``colors``), a per-pane entity
list (``sidebar``), find (``findbar``) and marks; ``textview`` is its text widget.
The window owns one :class:`EntityLegend` (``legend``) shared by every pane.
"""

from __future__ import annotations

from duizhao.ui.reader.header import VIEW_LABELS, region_name, region_text
from duizhao.ui.reader.highlighter import EntityHighlighter, Span, spans_in_view
from duizhao.ui.reader.legend import EntityLegend
from duizhao.ui.reader.pane import ReadingPane
from duizhao.ui.reader.sidebar import EntitySidebar, entity_query

__all__ = [
    "VIEW_LABELS",
    "EntityHighlighter",
    "EntityLegend",
    "EntitySidebar",
    "ReadingPane",
    "Span",
    "entity_query",
    "region_name",
    "region_text",
    "spans_in_view",
]
