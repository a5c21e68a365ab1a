"""The reading aid's popup: a word's pinyin (and zhuyin), glosses, never over the line.

:class:`AidPopup` is a small tool-tip window that :class:`ReaderText`
shows, when the aid is on, for the word under the pointer (after the usual
tool-tip pause) or at the text cursor (F2). :func:`aid_text` writes a
:class:`~duizhao.core.text.Reading` as its lines — the word, its pinyin,
its zhuyin in Traditional views, up to four English glosses — and
:func:`place_beside` puts the popup *below* the line holding the word, or
above it when the screen has no room below, so the line being read is never
covered (a plain ``QToolTip`` sits on the pointer and hides the next line's
start).

The dictionary and ``pypinyin`` load on the first word looked up, not before:
a window whose aid stays off never pays for them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QWidget

from duizhao.core.text import Reading

#: Pixels between the line and the popup.
GAP = 4


def aid_text(found: Reading, zhuyin: bool, entity_tip: str = "") -> str:
    """The popup's rich text: word, pinyin (zhuyin), glosses, then the entity's tip."""
    lines = [f'<span style="font-size:large">{html.escape(found.word)}</span>']
    sound = html.escape(found.pinyin)
    if zhuyin and found.zhuyin:
        sound += f"&nbsp;&nbsp;{html.escape(found.zhuyin)}"
    lines.append(sound)
    if found.glosses:
        lines.append("; ".join(html.escape(g) for g in found.glosses))
    if entity_tip:
        lines.append(
            f'<span style="color:gray">{html.escape(entity_tip)}</span>'.replace("\n", "<br>")
        )
    return "<br>".join(lines)


def place_beside(line: QRect, size: tuple[int, int], screen: QRect) -> QPoint:
    """Top-left of a popup of ``size`` next to ``line`` (global coordinates):
    below it if it fits on ``screen``, else above it; kept inside the screen
    sideways."""
    width, height = size
    x = max(screen.left(), min(line.left(), screen.left() + screen.width() - width))
    below = line.bottom() + 1 + GAP
    if below + height <= screen.bottom() + 1:
        return QPoint(x, below)
    return QPoint(x, max(screen.top(), line.top() - GAP - height))


class AidPopup(QLabel):
    """The popup itself: rich text in a frameless tool-tip window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setObjectName("readingAidPopup")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setMaximumWidth(420)
        self.setMargin(6)
        self.setForegroundRole(self.foregroundRole().ToolTipText)
        self.setBackgroundRole(self.backgroundRole().ToolTipBase)
        self.setAutoFillBackground(True)
        self.setFrameShape(QLabel.Shape.Box)
        self.line = QRect()  # the global rectangle of the line it was shown for
        self.word = ""

    def show_for(self, text: str, word: str, line: QRect, screen: QRect) -> None:
        """Show ``text`` beside ``line`` (global), not over it."""
        self.setText(text)
        self.word = word
        self.line = QRect(line)
        self.adjustSize()
        self.move(place_beside(line, (self.width(), self.height()), screen))
        self.show()
