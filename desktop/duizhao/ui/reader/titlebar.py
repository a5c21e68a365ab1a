"""The strip above a reading pane's text, and the strip its entity list folds into.

:class:`PaneTitleBar` holds, left to right: the article's title and details
(:func:`~duizhao.ui.reader.header.header_html`, in the script of the pane's
view), the view selector (原文 简体 繁體 臺灣 香港), the reading-aid toggle
(拼音), the entity-list toggle and the close button. A coloured bar across
its top marks the *active* pane — the one that library, search and claim
openings go to (:meth:`PaneTitleBar.set_active`).

:class:`SidebarStrip` is what the entity list becomes when it is folded: a
narrow vertical button that says how many entities the pane has and opens
the list again when clicked (or on Enter/Space, being focusable).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from duizhao.ui.reader.header import VIEW_LABELS, view_label_tip

#: Height of the active pane's marker bar, in pixels.
MARKER_HEIGHT = 3


def tool_button(parent: QWidget, text: str, tip: str, name: str = "") -> QToolButton:
    """A flat text button of the pane's bars, with its accessible name."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if name:
        button.setObjectName(name)
    return button


class PaneTitleBar(QWidget):
    """Title, view selector, aid and sidebar toggles, close; marks the active pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marker = QFrame(self)
        self.marker.setObjectName("activeMarker")
        self.marker.setFixedHeight(MARKER_HEIGHT)
        self.header = QLabel(self)
        self.header.setObjectName("paneHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.setAccessibleName(self.tr("Article title and details"))
        self.selector = QComboBox(self)
        self.selector.setObjectName("viewSelector")
        for name, label in VIEW_LABELS.items():
            self.selector.addItem(label, name)
            self.selector.setItemData(
                self.selector.count() - 1, view_label_tip(name), Qt.ItemDataRole.ToolTipRole
            )
        self.selector.setToolTip(self.tr("Script view of this pane"))
        self.selector.setAccessibleName(self.tr("Script view of this pane"))
        self.aid_button = tool_button(
            self,
            self.tr("Pinyin"),
            self.tr("Reading aid: pinyin and glosses on hover (F2 on a word)"),
            "readingAid",
        )
        self.aid_button.setCheckable(True)
        self.sidebar_button = tool_button(
            self, self.tr("Entities"), self.tr("Show or hide the entity list"), "sidebarToggle"
        )
        self.sidebar_button.setCheckable(True)
        self.sidebar_button.setChecked(True)
        self.close_button = tool_button(self, "✕", self.tr("Close this pane"), "closePane")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.header, 1)
        for widget in (self.selector, self.aid_button, self.sidebar_button, self.close_button):
            row.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.marker)
        layout.addLayout(row)
        self.active = False
        self.set_active(False)

    def set_active(self, active: bool) -> None:
        """Mark (or unmark) this pane as the one openings go to."""
        self.active = active
        colour = self.palette().color(self.palette().ColorRole.Highlight)
        shown = colour.name() if active else "transparent"
        # a style sheet, not the palette: the application's style sheet would win
        self.marker.setStyleSheet(f"QFrame#activeMarker {{ background: {shown}; }}")
        self.marker.setToolTip(self.tr("Active pane: articles open here") if active else "")


class SidebarStrip(QToolButton):
    """The folded entity list: a narrow vertical button; clicking it opens the list."""

    WIDTH = 18

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebarStrip")
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setFixedWidth(self.WIDTH)
        self.setToolTip(self.tr("Show the entity list"))
        self.setAccessibleName(self.tr("Show the entity list"))
        self._label = ""
        self.set_count(0)

    def set_count(self, count: int) -> None:
        """How many entities the folded list holds (shown down the strip)."""
        self._label = self.tr("Entities") + (f" {count}" if count else "")
        self.update()

    def label(self) -> str:
        return self._label

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.WIDTH, 120)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """The label down the strip, one character (or number) a line, as
        Chinese is written vertically."""
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.palette().ColorRole.ButtonText))
        line = self.fontMetrics().height()
        top = 6
        word, _, number = self._label.partition(" ")
        if word.isascii():  # a Latin word turned on its side, read top to bottom
            painter.save()
            painter.translate((self.width() - self.fontMetrics().ascent()) / 2, top)
            painter.rotate(90)
            painter.drawText(0, 0, f"{word} {number} ›".replace("  ", " "))
            painter.restore()
        else:  # Chinese one character a line, as it is written vertically
            for part in [*word, *([number] if number else []), "›"]:
                painter.drawText(
                    QRect(0, top, self.width(), line), Qt.AlignmentFlag.AlignCenter, part
                )
                top += line
        if self.hasFocus():
            option = QStyleOptionButton()
            option.initFrom(self)
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self
            )
        painter.end()
