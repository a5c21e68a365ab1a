"""PDFs made at test time: Qt draws HTML into a PDF with the machine's CJK font
(the way many real Chinese PDFs are made), so the text layer maps some glyphs
to Kangxi radicals, as real ones do. Needs a QGuiApplication (the ``qapp``
fixture)."""

from __future__ import annotations

from pathlib import Path


def make_pdf(path: Path, html: str) -> Path:
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setResolution(300)
    document = QTextDocument()
    document.setDefaultFont(QFont("Noto Sans CJK SC", 11))
    document.setHtml(html)
    document.print_(writer)
    return path
