"""Colours and character formats for what the reading pane marks.

Entity types
    :data:`TYPES` (the core's names) with bilingual labels (:data:`TYPE_LABELS`)
    and a palette per theme: a light tint behind dark text for the light theme,
    a deep shade behind light text for the dark one, so the text keeps its
    contrast either way. :func:`entity_format` turns a type into the
    :class:`QTextCharFormat` the highlighter applies; the *selected* variant (all
    occurrences of the entity the user clicked) is a stronger shade with a
    thick underline in the type's own colour.

Marks
    :func:`mark_color` gives the backgrounds of the few ExtraSelections the pane
    draws on top: find matches, the current match, and a marked range (a search
    hit or a claim) with the brighter colour its flash alternates with.

Only this module knows colours; the highlighter, the legend and the sidebar ask it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QPixmap, QTextCharFormat

from duizhao.core.library import ENTITY_TYPES as TYPES

TYPE_LABELS: dict[str, str] = {  # Chinese and English; the Chinese interfaces say only 人物 …
    "PERSON": QT_TRANSLATE_NOOP("EntityTypes", "人物 Person"),
    "PLACE": QT_TRANSLATE_NOOP("EntityTypes", "地点 Place"),
    "ORG": QT_TRANSLATE_NOOP("EntityTypes", "机构 Organisation"),
    "DATE": QT_TRANSLATE_NOOP("EntityTypes", "日期 Date"),
    "NUMBER": QT_TRANSLATE_NOOP("EntityTypes", "数字 Number"),
}

#: (tint, strong) per type: the tint is the everyday background, the strong
#: colour the selected entity's background and every underline.
_LIGHT: dict[str, tuple[str, str]] = {
    "PERSON": ("#ffd9d2", "#e0644c"),
    "PLACE": ("#d3f0d6", "#3f9d4b"),
    "ORG": ("#d6e4ff", "#4a78d0"),
    "DATE": ("#fbeac0", "#c8901a"),
    "NUMBER": ("#ead9f7", "#9156c4"),
}
_DARK: dict[str, tuple[str, str]] = {
    "PERSON": ("#5c2a22", "#b8503c"),
    "PLACE": ("#1f4a27", "#3b8a48"),
    "ORG": ("#24365e", "#4f73bd"),
    "DATE": ("#5a4613", "#a77d16"),
    "NUMBER": ("#45295c", "#8756b4"),
}
_FALLBACK = {False: ("#e6e6e6", "#888888"), True: ("#444444", "#999999")}

_MARKS_LIGHT = {
    "match": "#fff59d",
    "current": "#ffb74d",
    "mark": "#ffcc80",
    "flash": "#ff8a3d",
}
_MARKS_DARK = {
    "match": "#5f5a1c",
    "current": "#a8661a",
    "mark": "#8a5a12",
    "flash": "#d07a1a",
}


def type_label(entity_type: str) -> str:
    return QCoreApplication.translate("EntityTypes", TYPE_LABELS.get(entity_type, entity_type))


def type_colors(entity_type: str, dark: bool = False) -> tuple[QColor, QColor]:
    """(tint, strong) colours of an entity type in the light or dark theme."""
    palette = _DARK if dark else _LIGHT
    tint, strong = palette.get(entity_type, _FALLBACK[dark])
    return QColor(tint), QColor(strong)


def entity_format(entity_type: str, dark: bool = False, selected: bool = False) -> QTextCharFormat:
    """The format of an entity of ``entity_type``; ``selected`` for the emphasised one."""
    tint, strong = type_colors(entity_type, dark)
    fmt = QTextCharFormat()
    if selected:
        fmt.setBackground(strong)
        fmt.setForeground(QColor("#ffffff"))
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor("#ffffff") if dark else QColor("#202020"))
    else:
        fmt.setBackground(tint)
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(strong)
    return fmt


def entity_formats(dark: bool = False) -> dict[tuple[str, bool], QTextCharFormat]:
    """Every (type, selected) format of one theme, for the highlighter to reuse."""
    return {
        (entity_type, selected): entity_format(entity_type, dark, selected)
        for entity_type in TYPES
        for selected in (False, True)
    }


def mark_color(kind: str, dark: bool = False) -> QColor:
    """Background of an ExtraSelection: ``match``, ``current``, ``mark`` or ``flash``."""
    return QColor((_MARKS_DARK if dark else _MARKS_LIGHT)[kind])


def swatch(entity_type: str, dark: bool = False, size: int = 12) -> QPixmap:
    """A small square of the type's colour, for lists and buttons."""
    pixmap = QPixmap(size, size)
    pixmap.fill(type_colors(entity_type, dark)[1])
    return pixmap


__all__ = [
    "TYPES",
    "TYPE_LABELS",
    "entity_format",
    "entity_formats",
    "mark_color",
    "swatch",
    "type_colors",
    "type_label",
]
