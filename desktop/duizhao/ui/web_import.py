"""Import from the web and from the clipboard, in the window.

- :class:`UrlImportDialog` (File → Import from URLs…): a box to paste one or
  many addresses into, one per line or separated by spaces; it says as you
  type how many are web addresses and which words are not, and gives back
  the addresses in order, each once. The import itself runs through the
  window's :class:`~duizhao.ui.importing.ImportController` (the task runner,
  progress and Cancel in the status bar, the same report as for files): only
  then does Duizhao reach the network.
- :func:`clipboard_sources` (Edit → Paste as new article, Ctrl+Shift+V): what
  the clipboard holds, as import sources -- its HTML (read like a saved page)
  or its plain text, or, when it holds nothing but web addresses, those
  addresses. A reason instead when there is nothing to import.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from duizhao.core.ingest import Candidate, FetchError, check_url, is_url, pasted

#: The most addresses one dialog takes (a paste of a whole page of links is a mistake).
MAX_URLS = 500
#: The most characters of pasted text or HTML taken as one article.
MAX_PASTE = 5 * 1024 * 1024


def split_urls(text: str) -> tuple[list[str], list[str]]:
    """The http(s) addresses in ``text`` (in order, each once) and the words that are not."""
    urls: list[str] = []
    rejected: list[str] = []
    for word in text.split():
        word = word.strip("<>\"'，。、")
        if not word:
            continue
        if is_url(word):
            try:
                check_url(word)
            except FetchError:
                rejected.append(word)
                continue
            if word not in urls:
                urls.append(word)
        else:
            rejected.append(word)
    return urls, rejected


class UrlImportDialog(QDialog):
    """Paste web addresses to import; :meth:`urls` after it was accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urlImportDialog")
        self.setWindowTitle(self.tr("Import from URLs"))
        intro = QLabel(
            self.tr(
                "Paste web addresses (http or https), one per line. Duizhao fetches each page "
                "once, now, and nothing else from the web."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("urlEditor")
        self.editor.setAccessibleName(self.tr("Web addresses"))
        self.editor.setPlaceholderText("https://…")
        self.editor.setTabChangesFocus(True)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.editor.textChanged.connect(self._check)
        self.resize(560, 320)
        self._check()

    def urls(self) -> list[str]:
        return split_urls(self.editor.toPlainText())[0][:MAX_URLS]

    @Slot()
    def _check(self) -> None:
        urls, rejected = split_urls(self.editor.toPlainText())
        parts = []
        if urls:
            parts.append(self.tr("{n} web addresses").format(n=len(urls)))
        if len(urls) > MAX_URLS:
            parts.append(self.tr("only the first {n} are imported").format(n=MAX_URLS))
        if rejected:
            shown = ", ".join(w if len(w) <= 40 else w[:39] + "…" for w in rejected[:3])
            more = " …" if len(rejected) > 3 else ""
            parts.append(self.tr("not web addresses: {words}").format(words=shown + more))
        self.status.setText(" · ".join(parts))
        self.ok_button.setEnabled(bool(urls))


def clipboard_sources(mime: QMimeData | None) -> tuple[list[str | Candidate], str | None]:
    """What to import from the clipboard's ``mime``, or an empty list and why not."""
    if mime is None:
        return [], QCoreApplication.translate("Paste", "The clipboard is empty.")
    text = mime.text() if mime.hasText() else ""
    urls, rejected = split_urls(text)
    if urls and not rejected:
        return list(urls[:MAX_URLS]), None
    label = QCoreApplication.translate("Paste", "pasted text")
    if mime.hasHtml() and mime.html().strip():
        html = mime.html()
        if len(html) > MAX_PASTE:
            return [], QCoreApplication.translate(
                "Paste", "The clipboard holds too much to paste as one article."
            )
        if "charset" not in html[:1024].lower():
            html = "<meta charset='utf-8'>" + html
        return [pasted(html.encode("utf-8"), "clipboard.html", label)], None
    if text.strip():
        if len(text) > MAX_PASTE:
            return [], QCoreApplication.translate(
                "Paste", "The clipboard holds too much to paste as one article."
            )
        return [pasted(text.encode("utf-8"), "clipboard.txt", label)], None
    return [], QCoreApplication.translate(
        "Paste", "The clipboard holds no text to paste as an article."
    )
