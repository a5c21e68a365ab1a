"""Where an action belongs, for the shortcuts table: its area, and keys a widget
handles itself.

Every action with a shortcut is tagged with :func:`set_area` where it is made
(the window's menus, the comparison pane, the reading panes, the library
list); :mod:`duizhao.ui.shortcuts` reads the tags to group the F1 table.
:func:`plain` turns a menu text into what a tooltip or a table shows.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction

#: The property an action's area is kept in, and the one for keys a widget
#: handles itself (shown in a menu, not bound as a shortcut).
AREA = "duizhao_area"
KEYS = "duizhao_keys"

#: Areas of the shortcuts table, in the order it lists them.
AREAS = {
    "file": QT_TRANSLATE_NOOP("Areas", "File"),
    "edit": QT_TRANSLATE_NOOP("Areas", "Edit"),
    "view": QT_TRANSLATE_NOOP("Areas", "View"),
    "panes": QT_TRANSLATE_NOOP("Areas", "Panes"),
    "reading": QT_TRANSLATE_NOOP("Areas", "Reading"),
    "library": QT_TRANSLATE_NOOP("Areas", "Library list"),
    "search": QT_TRANSLATE_NOOP("Areas", "Search"),
    "compare": QT_TRANSLATE_NOOP("Areas", "Compare"),
    "help": QT_TRANSLATE_NOOP("Areas", "Help"),
}


def area_name(area: str) -> str:
    return QCoreApplication.translate("Areas", AREAS.get(area, area))


def plain(text: str) -> str:
    """A menu text without its mnemonic, "(&F)" or "&", nor a trailing ellipsis."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…").strip()


def set_area(action: QAction, area: str, keys: str = "") -> QAction:
    """Give ``action`` its area (and, for keys a widget handles itself, the keys)."""
    action.setProperty(AREA, area)
    if keys:
        action.setProperty(KEYS, keys)
    return action
