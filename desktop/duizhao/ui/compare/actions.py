"""The comparison pane's actions: shortcuts, export, workspaces, saved rows.

:class:`CompareActions` belongs to one :class:`~duizhao.ui.compare.pane.
ComparePane`. It makes every action a ``QAction`` on the pane with a
shortcut (shown in its tooltip and in the Export menu), wires the pane's
buttons to them, and does the work that leaves the pane:

- export of the comparison to Markdown, CSV or HTML (:mod:`duizhao.core.compare.export`)
  to a file asked with :attr:`save_file_name` (``QFileDialog.getSaveFileName``
  unless a test puts something else there);
- save and open named workspaces (:mod:`duizhao.core.library.workspaces`), names asked
  with :attr:`get_text` / :attr:`get_item` (``QInputDialog``);
- writing a row's pin or note through the runner's writer;
- :func:`run_compare`, the reader-pool work of a comparison (with the notes
  kept for its article set).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMenu

import duizhao.core.compare as core_compare  # looked up per call: tests replace compare()
from duizhao.core.compare import Comparison
from duizhao.core.compare import export as export_comparison
from duizhao.core.library import (
    RowNote,
    Workspace,
    list_workspaces,
    load_workspace,
    notes_for,
    save_workspace,
    set_note,
    set_pinned,
)
from duizhao.ui.areas import set_area
from duizhao.ui.compare.model import FILTERS, filter_label
from duizhao.ui.tasks import Cancelled, Task, TaskContext

if TYPE_CHECKING:
    from duizhao.ui.compare.pane import ComparePane

Notes = dict[tuple[str, str], RowNote]

#: format -> (menu text, shortcut, file filter)
EXPORTS = {
    "md": (
        QT_TRANSLATE_NOOP("CompareActions", "Export as Markdown…"),
        "Ctrl+Alt+M",
        QT_TRANSLATE_NOOP("CompareActions", "Markdown (*.md)"),
    ),
    "csv": (
        QT_TRANSLATE_NOOP("CompareActions", "Export as CSV…"),
        "Ctrl+Alt+C",
        QT_TRANSLATE_NOOP("CompareActions", "CSV (*.csv)"),
    ),
    "html": (
        QT_TRANSLATE_NOOP("CompareActions", "Export as HTML…"),
        "Ctrl+Alt+H",
        QT_TRANSLATE_NOOP("CompareActions", "HTML (*.html)"),
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompareActions", text)


def run_compare(
    context: TaskContext, ids: list[int], topic: str | None, entities: bool
) -> tuple[Comparison, Notes]:
    """Worker: the comparison of ``ids`` and the notes kept for that article set."""
    try:
        comparison = core_compare.compare(
            context.library,
            ids,
            topic,
            entities=entities,
            progress=context.progress,
            cancelled=context.cancelled,
        )
    except core_compare.CompareCancelled:
        raise Cancelled from None
    context.check()
    return comparison, notes_for(context.library, ids)


class CompareActions(QObject):
    """Actions and outside work of a comparison pane."""

    def __init__(self, pane: ComparePane) -> None:
        super().__init__(pane)
        self.pane = pane
        #: (parent, caption, directory, filter) -> (path, chosen filter)
        self.save_file_name: Callable[..., tuple[str, str]] = QFileDialog.getSaveFileName
        #: (parent, title, label, echo, text) -> (text, ok)
        self.get_text: Callable[..., tuple[str, bool]] = QInputDialog.getText
        #: (parent, title, label, items, current, editable) -> (item, ok)
        self.get_item: Callable[..., tuple[str, bool]] = QInputDialog.getItem
        self.export_dir = Path.home()

        self.topic = self._action(self.tr("Topic of your own"), "Ctrl+Shift+T", self._focus_topic)
        self.cancel = self._action(self.tr("Cancel comparison"), "Esc", pane.cancel)
        self.cancel.setEnabled(False)
        self.pin = self._action(
            self.tr("Pin row"), "Ctrl+P", pane.toggle_pin, self.tr("Pin or unpin the row")
        )
        self.note = self._action(
            self.tr("Note"), "Ctrl+N", pane.focus_note, self.tr("Edit the row's note")
        )
        self.previous_topic = self._action(
            self.tr("Previous topic"), "Alt+Up", lambda: self._step(-1)
        )
        self.next_topic = self._action(self.tr("Next topic"), "Alt+Down", lambda: self._step(1))
        self.filters = [
            self._action(
                self.tr("Show: {relation}").format(relation=filter_label(r)),
                f"Alt+{n}",
                lambda _=False, r=r: pane.set_filter(r),
            )
            for n, r in enumerate(FILTERS)
        ]
        self.exports = {
            fmt: self._action(_tr(text), key, lambda _=False, f=fmt: self.export(f))
            for fmt, (text, key, _filter) in EXPORTS.items()
        }
        self.save = self._action(self.tr("Save workspace…"), "Ctrl+Alt+S", self.ask_save_workspace)
        self.open = self._action(self.tr("Open workspace…"), "Ctrl+Alt+O", self.ask_open_workspace)

        menu = QMenu(pane.export_button)
        for action in self.exports.values():
            menu.addAction(action)
        pane.export_button.setMenu(menu)
        pane.export_button.setToolTip(self.tr("Export the comparison (Ctrl+Alt+M / C / H)"))
        pane.export_button.setAccessibleName(self.tr("Export the comparison"))
        pane.save_button.setDefaultAction(self.save)
        pane.open_button.setDefaultAction(self.open)
        pane.pin_button.setDefaultAction(self.pin)

    def _action(
        self, text: str, shortcut: str, slot: Callable[..., Any], tip: str | None = None
    ) -> QAction:
        action = QAction(text, self.pane)
        key = QKeySequence(shortcut)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip or text} ({key.toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        set_area(action, "compare")
        self.pane.addAction(action)
        return action

    def sync_pin(self, pinned: bool) -> None:
        """The pin action says what it will do: Pin row, or Unpin row."""
        text = self.tr("Unpin row") if pinned else self.tr("Pin row")
        self.pin.setText(text)
        key = self.pin.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.pin.setToolTip(f"{text} ({key})")

    @Slot()
    def _focus_topic(self) -> None:
        self.pane.topic_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.pane.topic_edit.selectAll()

    def _step(self, delta: int) -> None:
        view, model = self.pane.topics_view, self.pane.topic_model
        if not model.rowCount():
            return
        row = view.currentIndex().row() if view.currentIndex().isValid() else 0
        view.setCurrentIndex(model.index(max(0, min(model.rowCount() - 1, row + delta)), 0))

    def _say(self, text: str) -> None:
        if shiboken6.isValid(self.pane):  # the pane may be gone when a task ends
            self.pane.show_message(text)

    def _message_on_failure(self, task: Task, prefix: str) -> Task:
        task.failed.connect(lambda text: self._say(f"{prefix}: {text}"))
        return task

    # -- saved rows ------------------------------------------------------------------

    def store_row(self, topic_key: str, row_key: str, **change: Any) -> Task:
        """Write a row's note or pin for the pane's article set."""
        ids = list(self.pane.ids)

        def work(context: TaskContext) -> object:
            if "note" in change:
                return set_note(context.library, ids, topic_key, row_key, str(change["note"]))
            return set_pinned(context.library, ids, topic_key, row_key, bool(change["pinned"]))

        what = "note" if "note" in change else "pin"
        failed = self.tr("Note not saved") if what == "note" else self.tr("Pin not saved")
        return self._message_on_failure(
            self.pane.runner.write(f"save {what}", work, keep=True), failed
        )

    # -- export ----------------------------------------------------------------------

    def export(self, fmt: str, path: Path | str | None = None) -> Path | None:
        """Export the comparison shown; ask for the file unless ``path`` is given."""
        comparison = self.pane.comparison
        if comparison is None:
            self.pane.show_message(
                self.tr("Nothing to export: compare two or more articles first.")
            )
            return None
        if fmt not in EXPORTS:
            self.pane.show_message(self.tr("Unknown export format {fmt}.").format(fmt=fmt))
            return None
        if path is None:
            text, _key, file_filter = EXPORTS[fmt]
            suggested = self.export_dir / f"comparison.{fmt}"
            chosen, _filter = self.save_file_name(
                self.pane, _tr(text).rstrip("…"), str(suggested), _tr(file_filter)
            )
            if not chosen:
                return None
            path = Path(chosen)
            if not path.suffix:
                path = path.with_suffix(f".{fmt}")
        try:
            written = export_comparison(comparison, fmt, Path(path))
        except (OSError, ValueError) as exc:
            self.pane.show_message(self.tr("Export failed: {reason}").format(reason=exc))
            return None
        self.export_dir = written.parent
        self.pane.show_message(self.tr("Exported to {path}").format(path=written))
        return written

    # -- workspaces ------------------------------------------------------------------

    def state(self) -> dict[str, object]:
        return {"topic": self.pane.current_topic_key(), "filter": self.pane.rows_proxy.relation}

    def save_workspace(self, name: str) -> Task:
        """Save the comparison shown (articles, own topic, view) under ``name``."""
        ids, topic, state = list(self.pane.ids), self.pane.topic_text, self.state()
        task = self.pane.runner.write(
            "save workspace",
            lambda context: save_workspace(context.library, name, ids, topic, state),
            keep=True,
        )
        shown = " ".join(name.split())
        saved = self.tr("Saved workspace “{name}”.").format(name=shown)
        task.finished.connect(lambda _id: self._say(saved))
        return self._message_on_failure(task, self.tr("Workspace not saved"))

    @Slot()
    def ask_save_workspace(self) -> Task | None:
        if len(self.pane.ids) < 2:
            self.pane.show_message(self.tr("Nothing to save: compare two or more articles first."))
            return None
        name, ok = self.get_text(
            self.pane,
            self.tr("Save workspace"),
            self.tr("Workspace name:"),
            QLineEdit.EchoMode.Normal,
            "",
        )
        return self.save_workspace(name) if ok else None

    def open_workspace(self, name: str | int) -> Task:
        """Load a saved workspace and compare its articles again."""
        task = self.pane.runner.read(
            "open workspace", lambda context: load_workspace(context.library, name)
        )
        task.finished.connect(self._opened)
        return self._message_on_failure(task, self.tr("Cannot open workspace"))

    def _opened(self, workspace: Workspace) -> None:
        pane = self.pane
        ids = [i for i in workspace.article_ids if i not in workspace.missing]
        relation = str(workspace.state.get("filter", "all"))
        if relation in FILTERS:
            pane.set_filter(relation)
        topic = workspace.state.get("topic")
        task = pane.compare(ids, workspace.topic, select_topic=str(topic) if topic else None)
        if not workspace.missing:
            return
        gone = ", ".join(f"#{i}" for i in workspace.missing)
        notice = self.tr("Workspace “{name}”: {gone} no longer in the library").format(
            name=workspace.name, gone=gone
        )
        if task is None:
            pane.show_message(
                self.tr("{notice}; fewer than two articles left to compare.").format(notice=notice)
            )
        else:  # after the comparison's own summary
            task.finished.connect(lambda _r: self._say(f"{notice}. {pane.message.text()}"))

    @Slot()
    def ask_open_workspace(self) -> Task:
        task = self.pane.runner.read("list workspaces", lambda c: list_workspaces(c.library))
        task.finished.connect(self._choose)
        return self._message_on_failure(task, self.tr("Cannot list workspaces"))

    def _choose(self, workspaces: list[Workspace]) -> None:
        if not workspaces:
            self.pane.show_message(
                self.tr("No saved workspaces yet: Save workspace… (Ctrl+Alt+S).")
            )
            return
        names = [w.name for w in workspaces]
        name, ok = self.get_item(
            self.pane, self.tr("Open workspace"), self.tr("Workspace:"), names, 0, False
        )
        if ok and name:
            self.open_workspace(name)
