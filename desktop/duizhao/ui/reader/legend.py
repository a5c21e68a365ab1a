"""The entity legend: one checkable button per entity type, in that type's colour.

The window owns one :class:`EntityLegend` for all panes. Checking or
unchecking a button switches the type's highlights on or off everywhere:
the legend emits :attr:`EntityLegend.types_changed` with the set of visible
types, and the window hands it to each pane's ``set_visible_types``.
:meth:`EntityLegend.set_types` restores a saved set (and emits when it changes
anything, like Qt's own setters); :meth:`EntityLegend.set_dark` follows the theme.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from duizhao.core.library import ENTITY_TYPES as TYPES
from duizhao.ui.reader.colors import type_colors, type_label


class EntityLegend(QWidget):
    """Checkable type buttons; ``types_changed(set[str])`` when the visible set changes."""

    types_changed = Signal(set)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityLegend")
        self._dark = False
        self._quiet = False
        self.buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        title = QLabel(self.tr("Entities:"), self)
        layout.addWidget(title)
        for entity_type in TYPES:
            button = QToolButton(self)
            button.setObjectName(f"legend{entity_type.title()}")
            button.setText(type_label(entity_type))
            button.setCheckable(True)
            button.setChecked(True)
            tip = self.tr("Show or hide {type} highlights").format(type=type_label(entity_type))
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.toggled.connect(self._on_toggled)
            layout.addWidget(button)
            self.buttons[entity_type] = button
        layout.addStretch(1)
        self._restyle()

    def types(self) -> set[str]:
        """The types whose highlights are shown."""
        return {name for name, button in self.buttons.items() if button.isChecked()}

    def set_types(self, types: set[str] | frozenset[str]) -> None:
        """Check exactly ``types`` (unknown names are ignored)."""
        before = self.types()
        self._quiet = True
        try:
            for name, button in self.buttons.items():
                button.setChecked(name in types)
        finally:
            self._quiet = False
        self._restyle()
        if self.types() != before:
            self.types_changed.emit(self.types())

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self._restyle()

    @Slot(bool)
    def _on_toggled(self, _checked: bool) -> None:
        if self._quiet:
            return
        self._restyle()
        self.types_changed.emit(self.types())

    def _restyle(self) -> None:
        for name, button in self.buttons.items():
            tint, strong = type_colors(name, self._dark)
            if button.isChecked():
                text = "#ffffff" if self._dark else "#202020"
                style = (
                    f"QToolButton {{ background: {tint.name()}; color: {text};"
                    f" border: 2px solid {strong.name()}; border-radius: 4px; padding: 2px 6px; }}"
                )
            else:
                style = (
                    "QToolButton { background: transparent; color: palette(mid);"
                    f" border: 2px dashed {strong.name()}; border-radius: 4px; padding: 2px 6px;"
                    " text-decoration: line-through; }"
                )
            button.setStyleSheet(style)
