"""Find inside one pane: the matching (plain Python) and the bar that drives it.

:func:`find_all` finds a literal needle in the text of the current view:
regex characters mean themselves, Latin letters match either case and, with
``any_script``, Simplified and Traditional forms of the same character match
each other (both sides are folded character by character with OpenCC ``t2s``,
which keeps every offset, so 软件 finds 軟件 in the 香港 view; phrase
differences such as 軟體 are not bridged — the view shows what it shows).

:class:`FindBar` holds the needle, the matches in UTF-16 units of the shown
text and the current match. The pane gives it the text on every view change
(:meth:`FindBar.set_text`) and a ``position_hint`` (where the reader is) so the
first match is the one at or after the top of the pane; it listens to
``current_changed`` to draw the matches and scroll to the current one.
Keys: Enter / F3 next, Shift+Enter / Shift+F3 previous, Esc closes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from duizhao.core.text import Utf16Index, converter
from duizhao.ui.reader.titlebar import tool_button

#: More matches than this are not counted further (the label says "+").
MAX_MATCHES = 10_000
_SENTINEL = "\uffff"


def fold_script(text: str) -> str:
    """``text`` with each character in its Simplified form, one code point for one."""
    folded = converter("t2s").charwise(text)
    if _SENTINEL in folded:  # characters whose conversion is not one code point stay
        folded = "".join(
            original if ch == _SENTINEL else ch for original, ch in zip(text, folded, strict=True)
        )
    return folded


def find_all(
    text: str,
    needle: str,
    any_script: bool = True,
    limit: int = MAX_MATCHES,
    folded: str | None = None,
) -> list[tuple[int, int]]:
    """Code-point spans of the non-overlapping occurrences of ``needle`` in
    ``text`` (``folded``: ``fold_script(text)`` when the caller has it)."""
    if not needle or not text:
        return []
    if any_script:
        text = folded if folded is not None else fold_script(text)
        needle = fold_script(needle)
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    spans = []
    for match in pattern.finditer(text):
        spans.append((match.start(), match.end()))
        if len(spans) >= limit:
            break
    return spans


class FindBar(QWidget):
    """The find bar under a pane's text; see the module docstring."""

    current_changed = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.position_hint: Callable[[], int] = lambda: 0
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self._text = ""
        self._utf16 = Utf16Index("")
        self._folded: str | None = None
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in this view"))
        self.field.setAccessibleName(self.tr("Find in this view"))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.field.textChanged.connect(self._on_needle)
        self.any_script = QCheckBox("简=繁", self)
        self.any_script.setChecked(True)
        self.any_script.setToolTip(self.tr("Match Simplified and Traditional forms of a character"))
        self.any_script.setAccessibleName(self.any_script.toolTip())
        self.any_script.toggled.connect(self._on_any_script)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(70)
        self.previous_button = tool_button(
            self, "↑", self.tr("Previous match (Shift+Enter, Shift+F3)")
        )
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = tool_button(self, "↓", self.tr("Next match (Enter, F3)"))
        self.next_button.clicked.connect(self.find_next)
        close = tool_button(self, "✕", self.tr("Close the find bar (Esc)"))
        close.clicked.connect(self.close_bar)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.field, 1)
        for widget in (self.count_label, self.previous_button, self.next_button):
            layout.addWidget(widget)
        layout.addWidget(self.any_script)
        layout.addWidget(close)
        self.hide()

    # -- what the pane calls -----------------------------------------------------

    @property
    def needle(self) -> str:
        return self.field.text()

    def current_match(self) -> tuple[int, int] | None:
        return self.matches[self.current] if 0 <= self.current < len(self.matches) else None

    def set_text(self, text: str, anchor: int | None = None) -> None:
        """The shown text changed (a view switch): search it again, the current
        match becoming the first at or after UTF-16 ``anchor``."""
        self._text = text
        self._utf16 = Utf16Index(text)
        self._folded = None
        self._search(self.position_hint() if anchor is None else anchor)

    def open(self, needle: str | None = None) -> None:
        """Show the bar with the focus in its field (and ``needle`` in it, if given)."""
        self.show()
        if needle is not None and needle != self.field.text():
            self.field.blockSignals(True)
            self.field.setText(needle)
            self.field.blockSignals(False)
        self._search(self.position_hint())
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    @Slot()
    def close_bar(self) -> None:
        if self.isHidden():
            return
        self.hide()
        self.matches, self.current = [], -1
        self.count_label.clear()
        self.current_changed.emit()
        self.closed.emit()

    @Slot()
    def find_next(self) -> None:
        self._step(1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    def label(self) -> str:
        return self.count_label.text()

    # -- internals ---------------------------------------------------------------

    def _step(self, direction: int) -> None:
        if self.isHidden():
            self.open()
            return
        if not self.matches:
            return
        self.current = (self.current + direction) % len(self.matches)
        self._changed()

    @Slot(bool)
    def _on_any_script(self, _checked: bool) -> None:
        self._on_needle(self.needle)

    @Slot(str)
    def _on_needle(self, _needle: str) -> None:
        match = self.current_match()
        self._search(match[0] if match else self.position_hint())

    def _search(self, anchor: int) -> None:
        if self.isHidden():
            return
        any_script = self.any_script.isChecked()
        if any_script and self._folded is None and self.needle:
            self._folded = fold_script(self._text)
        spans = find_all(self._text, self.needle, any_script, folded=self._folded)
        to16 = self._utf16.to_utf16
        self.matches = [(to16(start), to16(end)) for start, end in spans]
        self.current = next(
            (k for k, (start, _end) in enumerate(self.matches) if start >= anchor),
            0 if self.matches else -1,
        )
        self._changed()

    def _changed(self) -> None:
        if not self.needle:
            self.count_label.clear()
        elif not self.matches:
            self.count_label.setText(self.tr("No matches"))
        else:
            more = "+" if len(self.matches) >= MAX_MATCHES else ""
            self.count_label.setText(f"{self.current + 1} / {len(self.matches)}{more}")
        self.current_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)
