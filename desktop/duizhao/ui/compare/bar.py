"""The comparison pane's top: what is compared, the own-topic box, the
relation filter, the Export / Save / Open buttons, and under them the message
line with the progress bar and Cancel button of a running comparison.

:class:`CompareBar` only holds the widgets; the pane connects them and
:class:`~duizhao.ui.compare.actions.CompareActions` gives the buttons their
actions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from duizhao.ui.compare.model import FILTERS, filter_label


class CompareBar(QWidget):
    """Articles, own topic, relation filter, buttons; message, progress, Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.articles_label = QLabel(self)
        self.articles_label.setObjectName("compareArticles")
        self.articles_label.setWordWrap(True)
        self.articles_label.setTextFormat(Qt.TextFormat.PlainText)
        self.articles_label.setAccessibleName(self.tr("Articles compared"))
        self.topic_edit = QLineEdit(self)
        self.topic_edit.setObjectName("compareTopic")
        self.topic_edit.setPlaceholderText(self.tr("Compare on a topic of your own…"))
        self.topic_edit.setAccessibleName(self.tr("Topic of your own"))
        self.topic_edit.setClearButtonEnabled(True)
        self.topic_edit.setToolTip(
            self.tr(
                "Type a topic and press Enter; leave it empty for the shared topics (Ctrl+Shift+T)"
            )
        )
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("relationFilter")
        for n, relation in enumerate(FILTERS):
            self.filter_combo.addItem(f"{filter_label(relation)}  (Alt+{n})", relation)
        self.filter_combo.setToolTip(self.tr("Show rows of one relation only (Alt+0 … Alt+4)"))
        self.filter_combo.setAccessibleName(self.tr("Relation filter"))
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.save_button = QToolButton(self)
        self.open_button = QToolButton(self)
        top = QHBoxLayout()
        top.addWidget(self.articles_label, 2)
        top.addWidget(self.topic_edit, 2)
        top.addWidget(self.filter_combo)
        top.addWidget(self.export_button)
        top.addWidget(self.save_button)
        top.addWidget(self.open_button)

        self.message = QLabel(self)
        self.message.setObjectName("compareMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop this comparison (Esc)"))
        status = QHBoxLayout()
        status.addWidget(self.message, 1)
        status.addWidget(self.progress)
        status.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(status)
