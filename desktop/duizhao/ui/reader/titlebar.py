"""The strip above a reading pane's text, and the strip its entity list folds into.

:class:`PaneTitleBar` holds, left to right: the article's title and details
(:func:`~duizhao.ui.reader.header.header_html`, in the script of the pane's
view), the region button (where the article comes from; its menu corrects
it), the view selector (原文 简体 繁體 臺灣 香港), the reading-aid toggle
(拼音), the entity-list toggle and the close button. A coloured bar across
its top marks the *active* pane — the one that library, search and claim
openings go to (:meth:`PaneTitleBar.set_active`).

:class:`SidebarStrip` is what the entity list becomes when it is folded: a
narrow vertical button that says how many entities the pane has and opens
the list again when clicked (or on Enter/Space, being focusable).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QActionGroup, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from duizhao.ui.reader.header import REGION_NAMES, VIEW_LABELS, region_name, view_label_tip

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


class RegionButton(QToolButton):
    """The article's region; its menu sets another, or finds it again ("auto")."""

    region_chosen = Signal(str)  # a region of REGION_NAMES, "auto" or "describe" (the outlet)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regionButton")
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        tip = self.tr("Where this article comes from: its views follow its region; change it here")
        self.setToolTip(tip)
        self.setAccessibleName(self.tr("Region of this article"))
        self.menu_ = QMenu(self)
        self.group = QActionGroup(self)
        self.actions_by_region = {}
        for region in REGION_NAMES:
            if region is None:
                continue
            action = self.menu_.addAction(region_name(region))
            action.setCheckable(True)
            action.setData(region)
            self.group.addAction(action)
            action.triggered.connect(lambda _=False, r=region: self.region_chosen.emit(r))
            self.actions_by_region[region] = action
        self.menu_.addSeparator()
        self.auto_action = self.menu_.addAction(self.tr("Find again from the outlet and the text"))
        self.auto_action.triggered.connect(lambda: self.region_chosen.emit("auto"))
        self.describe_action = self.menu_.addAction(self.tr("Describe this outlet…"))
        self.describe_action.setToolTip(self.tr("Duizhao has no profile of this article's outlet"))
        self.describe_action.triggered.connect(lambda: self.region_chosen.emit("describe"))
        self.describe_action.setVisible(False)
        self.setMenu(self.menu_)
        self.set_region(None)

    def set_region(
        self, region: str | None, shown: bool = True, outlet_unknown: bool = False
    ) -> None:
        """Show ``region``; ``outlet_unknown`` offers to describe the outlet."""
        self.describe_action.setVisible(outlet_unknown)
        self.setText(region_name(region))
        for key, action in self.actions_by_region.items():
            action.setChecked(key == region)
        self.setVisible(shown)


class PaneTitleBar(QWidget):
    """Title, region, view selector, aid and sidebar toggles, close; marks the active pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marker = QFrame(self)
        self.marker.setObjectName("activeMarker")
        self.marker.setFixedHeight(MARKER_HEIGHT)
        self.header = QLabel(self)
        self.header.setObjectName("paneHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        # the URL line is a link: clicked (or Tab + Enter), the pane opens it; never by itself
        self.header.setOpenExternalLinks(False)
        self.header.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.setAccessibleName(self.tr("Article title and details"))
        self.region_button = RegionButton(self)
        self.region_button.set_region(None, shown=False)
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
        buttons = (self.region_button, self.selector, self.aid_button, self.sidebar_button)
        for widget in (*buttons, self.close_button):
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
