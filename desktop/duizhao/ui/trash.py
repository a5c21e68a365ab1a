"""Moving articles to the trash and back, and rebuilding the search index, from the window.

:class:`TrashController` runs each change on the task runner's writer (the
library, then the search index brought up to date) and reports in one line
through ``message``. Moves are remembered newest last, so Ctrl+Z brings back
the last article moved (data that could be lost gets an undo); ``removed``
tells the window which ids left, so it can clear the panes showing them, and
``changed`` that the library list needs reloading.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from duizhao.ui.tasks import TaskContext, TaskRunner


class TrashController(QObject):
    """Trash, undo and reindex through the runner's writer."""

    message = Signal(str)
    removed = Signal(list)  # list[int]: ids just moved to the trash
    changed = Signal()  # the library's list of articles changed

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.undo_stack: list[int] = []  # ids moved to the trash, newest last

    @Slot(list)
    def remove(self, ids: list[int]) -> None:
        if not ids:
            return

        def work(context: TaskContext) -> list[int]:
            from duizhao.core.search import SearchIndex

            for article_id in ids:
                context.library.remove(article_id)
            SearchIndex(context.library_dir).sync(context.library)
            return ids

        task = self.runner.write("move to trash", work)
        task.finished.connect(self._removed)
        failed = self.tr("Not moved to the trash: {reason}")
        task.failed.connect(lambda m: self.message.emit(failed.format(reason=m)))

    def _removed(self, ids: list[int]) -> None:
        self.undo_stack.extend(ids)
        self.removed.emit(ids)
        self.changed.emit()
        if len(ids) == 1:
            text = self.tr("1 article moved to the trash — Ctrl+Z brings it back")
        else:
            text = self.tr("{n} articles moved to the trash — Ctrl+Z brings them back")
        self.message.emit(text.format(n=len(ids)))

    @Slot()
    def undo(self) -> None:
        if not self.undo_stack:
            self.message.emit(self.tr("Nothing to undo"))
            return
        article_id = self.undo_stack.pop()

        def work(context: TaskContext) -> int:
            from duizhao.core.search import SearchIndex

            context.library.restore(article_id)
            SearchIndex(context.library_dir).sync(context.library)
            return article_id

        task = self.runner.write("restore", work)
        task.finished.connect(self._restored)
        task.failed.connect(
            lambda m: self.message.emit(self.tr("Not restored: {reason}").format(reason=m))
        )

    def _restored(self, article_id: int) -> None:
        self.changed.emit()
        self.message.emit(self.tr("Restored #{id}").format(id=article_id))

    @Slot()
    def reindex(self) -> None:
        def work(context: TaskContext) -> int:
            from duizhao.core.search import SearchIndex

            return SearchIndex(context.library_dir).rebuild(
                context.library, progress=context.progress, cancelled=context.cancelled
            )

        task = self.runner.write("rebuild the search index", work)
        self.message.emit(self.tr("Rebuilding the search index…"))
        task.finished.connect(
            lambda n: self.message.emit(self.tr("Search index rebuilt: {n} articles").format(n=n))
        )
        task.failed.connect(
            lambda m: self.message.emit(self.tr("Index not rebuilt: {reason}").format(reason=m))
        )
