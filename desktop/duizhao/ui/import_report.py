"""The report of an import: every file's result in a table, and a summary line.

:class:`ImportResultsModel` adapts a list of
:class:`~duizhao.core.library.ImportResult` (file, status, title or error);
:class:`ImportReportDialog` shows it with the outcome's summary ("12 imported
· 2 duplicates · 1 failed"), a "Problems only" switch (on by itself when a
file failed) and a Copy button whose text is tab-separated, for a bug report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from duizhao.core.library import ImportResult, ImportStatus

_ROOT = QModelIndex()


@dataclass(slots=True)
class ImportOutcome:
    """What one import did: a result per file, in order, and how it ended."""

    results: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False
    indexed: int = 0  # documents the search index added or removed
    index_error: str | None = None  # the index could not be updated (the import stands)

    def count(self, status: ImportStatus) -> int:
        return sum(1 for r in self.results if r.status is status)

    @property
    def imported_ids(self) -> list[int]:
        return [r.id for r in self.results if r.status is ImportStatus.IMPORTED and r.id]

    @property
    def needs_report(self) -> bool:
        """True when a file failed: the report dialog should open by itself."""
        return any(r.status is ImportStatus.FAILED for r in self.results)

    def summary(self) -> str:
        """One line: "12 imported · 2 duplicates · 1 failed", and how it ended."""
        if not self.results:
            parts = [QCoreApplication.translate("Import", "nothing imported")]
        else:
            imported = self.count(ImportStatus.IMPORTED)
            parts = [QCoreApplication.translate("Import", "{n} imported").format(n=f"{imported:,}")]
            duplicates = self.count(ImportStatus.DUPLICATE)
            if duplicates == 1:
                parts.append(QCoreApplication.translate("Import", "1 duplicate"))
            elif duplicates:
                parts.append(
                    QCoreApplication.translate("Import", "{n} duplicates").format(
                        n=f"{duplicates:,}"
                    )
                )
            failed = self.count(ImportStatus.FAILED)
            if failed:
                parts.append(
                    QCoreApplication.translate("Import", "{n} failed").format(n=f"{failed:,}")
                )
        if self.cancelled:
            parts.append(QCoreApplication.translate("Import", "cancelled"))
        if self.index_error:
            parts.append(
                QCoreApplication.translate("Import", "search index not updated: {reason}").format(
                    reason=self.index_error
                )
            )
        return " · ".join(parts)


STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
_STATUS_TEXT = {
    ImportStatus.IMPORTED: QT_TRANSLATE_NOOP("ImportResultsModel", "imported"),
    ImportStatus.DUPLICATE: QT_TRANSLATE_NOOP("ImportResultsModel", "duplicate"),
    ImportStatus.FAILED: QT_TRANSLATE_NOOP("ImportResultsModel", "failed"),
}


class ImportResultsModel(QAbstractTableModel):
    """Rows of :class:`ImportResult`: file, status, title (or the error)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportResultsModel", "File"),
        QT_TRANSLATE_NOOP("ImportResultsModel", "Status"),
        QT_TRANSLATE_NOOP("ImportResultsModel", "Title or error"),
    )

    def __init__(self, results: list[ImportResult], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results = list(results)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.tr(self.HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        result = self._results[index.row()]
        column = index.column()
        if role == STATUS_ROLE:
            return str(result.status)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return Path(result.path).name or result.path
            if column == 1:
                return self.tr(_STATUS_TEXT.get(result.status, str(result.status)))
            if column == 2:
                return result.error if result.status is ImportStatus.FAILED else result.title or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return result.path
            if column == 2:
                return result.error or result.title
        return None

    def result(self, row: int) -> ImportResult:
        return self._results[row]


class ImportReportDialog(QDialog):
    """Every file's result, a summary line, "Problems only" and Copy."""

    def __init__(
        self, results: ImportOutcome | list[ImportResult], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.outcome = results if isinstance(results, ImportOutcome) else ImportOutcome(results)
        self.setWindowTitle(self.tr("Import report"))
        self.resize(760, 420)
        self.summary_label = QLabel(self.outcome.summary(), self)
        self.model = ImportResultsModel(self.outcome.results, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(STATUS_ROLE)
        self.proxy.setFilterKeyColumn(1)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Import report"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the import order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.problems_only = QCheckBox(self.tr("&Problems only"), self)
        self.problems_only.toggled.connect(self.show_problems_only)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy report"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table)
        layout.addWidget(self.problems_only)
        layout.addWidget(buttons)
        if self.outcome.needs_report:
            self.problems_only.setChecked(True)

    @Slot(bool)
    def show_problems_only(self, on: bool) -> None:
        self.proxy.setFilterFixedString(str(ImportStatus.FAILED) if on else "")

    def text(self) -> str:
        """The report as tab-separated lines, a summary first."""
        lines = [self.outcome.summary()]
        for r in self.outcome.results:
            detail = r.error if r.status is ImportStatus.FAILED else r.title or ""
            lines.append(f"{r.path}\t{r.status}\t{detail}")
        return "\n".join(lines)

    @Slot()
    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
