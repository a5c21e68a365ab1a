"""Describing an outlet Duizhao has no profile of: where it reports from and
what kind of outlet it is (``duizhao outlet NAME --region …`` in the window).

Opened from a pane's region menu on an article whose outlet is unknown. The
description is kept in the library (:mod:`duizhao.core.library.described`);
the outlet's articles, and later imports from it, take its region.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

#: the outlet profiles' regions and kinds, as the interface names them
OUTLET_REGIONS = {
    "mainland": QT_TRANSLATE_NOOP("OutletDialog", "Mainland China"),
    "taiwan": QT_TRANSLATE_NOOP("OutletDialog", "Taiwan"),
    "hongkong": QT_TRANSLATE_NOOP("OutletDialog", "Hong Kong"),
    "macau": QT_TRANSLATE_NOOP("OutletDialog", "Macau"),
    "singapore-malaysia": QT_TRANSLATE_NOOP("OutletDialog", "Singapore or Malaysia"),
    "overseas": QT_TRANSLATE_NOOP("OutletDialog", "Overseas"),
}
OUTLET_KINDS = {
    "": QT_TRANSLATE_NOOP("OutletDialog", "Not given"),
    "state": QT_TRANSLATE_NOOP("OutletDialog", "State or party media"),
    "public-broadcaster": QT_TRANSLATE_NOOP("OutletDialog", "Public broadcaster"),
    "commercial": QT_TRANSLATE_NOOP("OutletDialog", "Commercial"),
    "self-media": QT_TRANSLATE_NOOP("OutletDialog", "Platform account or self-media"),
    "wire": QT_TRANSLATE_NOOP("OutletDialog", "News agency"),
    "foreign-public": QT_TRANSLATE_NOOP("OutletDialog", "Foreign broadcaster's Chinese service"),
    "portal": QT_TRANSLATE_NOOP("OutletDialog", "Portal"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutletDialog", text)


class OutletDialog(QDialog):
    """Region and kind of the outlet written ``name``."""

    def __init__(self, name: str, region: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outletDialog")
        self.setWindowTitle(_tr("Describe an outlet"))
        self.name = name
        form = QFormLayout(self)
        intro = QLabel(
            _tr(
                "Duizhao has no profile of {name}. Its articles will take the region you give."
            ).replace("{name}", name),  # fmt: skip
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.region = QComboBox(self)
        self.region.setObjectName("outletRegion")
        for key, label in OUTLET_REGIONS.items():
            self.region.addItem(_tr(label), key)
        if region in OUTLET_REGIONS:
            self.region.setCurrentIndex(list(OUTLET_REGIONS).index(region))
        form.addRow(_tr("Reports from"), self.region)
        self.kind = QComboBox(self)
        self.kind.setObjectName("outletKind")
        for key, label in OUTLET_KINDS.items():
            self.kind.addItem(_tr(label), key)
        form.addRow(_tr("Kind"), self.kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[str, str | None]:
        """(region, kind or None) as chosen."""
        kind = str(self.kind.currentData())
        return str(self.region.currentData()), kind or None
