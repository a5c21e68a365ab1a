"""PDF, Word and MHTML import, on files the tests make themselves.

PDFs are drawn by Qt (QPdfWriter, the CJK font the machine has), Word files
and MHTML are put together from their parts; every sentence was written for
these tests.
"""

from __future__ import annotations

import email.policy
import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duizhao.core.ingest import ImportOptions, ImportRefused, default_rules, import_paths, parse
from duizhao.core.ingest import reclean as parse_again
from duizhao.core.library import Library
from pdfs import make_pdf

TITLE = "河湾小镇开通夜间渡船"
PARAS = (
    "河湾小镇从本周起开通夜间渡船，每晚九点到十二点之间每半小时开出一班，方便下夜班的居民回家。"
    "镇上的交通办公室说，渡船由两艘新造的电动船承担，每艘可以坐四十人，还能放下十辆自行车。",
    "一位在对岸工厂上班的工人说，以前夜里只能绕远路走大桥，现在坐船十分钟就能到家门口。",
    "办公室表示，试行三个月以后会根据乘客人数决定是否增加班次，并在码头增设照明和座椅。",
)


# -- making files ---------------------------------------------------------------------


def article_pdf(path: Path) -> Path:
    return make_pdf(path, f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in PARAS))


def scanned_pdf(path: Path) -> Path:
    """A page that is only a picture (of some strokes): no text layer."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter, QPdfWriter

    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    for x in range(20, 380, 30):
        painter.drawLine(x, 40, x + 20, 260)
    painter.end()
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawImage(0, 0, image)
    painter.end()
    return path


def docx(paragraphs: list[str], *, title: str | None = None, extra: str = "") -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    document = (
        f"<?xml version='1.0' encoding='UTF-8'?><w:document xmlns:w='{ns}'><w:body>"
        f"{body}{extra}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
        if title:
            archive.writestr(
                "docProps/core.xml",
                "<cp:coreProperties xmlns:cp='x' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
                f"<dc:title>{title}</dc:title></cp:coreProperties>",
            )
    return buffer.getvalue()


def mhtml(html: str, address: str = "https://news.example.org/ferry") -> bytes:
    message = EmailMessage(policy=email.policy.SMTP)
    message["Snapshot-Content-Location"] = address
    message["Subject"] = TITLE
    message.set_content("")
    message.make_related()
    message.add_related(html, subtype="html", cte="quoted-printable")
    message.add_related(b"\x89PNG\r\n\x1a\n" + bytes(40), maintype="image", subtype="png")
    for part in message.iter_parts():
        if part.get_content_type() == "text/html":
            part["Content-Location"] = address
    return message.as_bytes()


# -- PDF ------------------------------------------------------------------------------


def test_a_chinese_pdf_reads_in_order_with_paragraphs_joined(qapp, tmp_path: Path) -> None:
    document = parse(article_pdf(tmp_path / "a.pdf").read_bytes(), "a.pdf")
    assert document.fmt == "pdf"
    assert document.metadata.title == TITLE
    assert document.text.splitlines() == list(PARAS)  # no ⼩ for 小, no line-wrap breaks


def test_a_scanned_pdf_is_refused_with_the_reason(qapp, tmp_path: Path) -> None:
    data = scanned_pdf(tmp_path / "scan.pdf").read_bytes()
    with pytest.raises(
        ImportRefused, match="without a text layer .* does not read text from images"
    ):
        parse(data, "scan.pdf")


def test_an_encrypted_pdf_is_refused(qapp, tmp_path: Path) -> None:
    import pypdf

    reader = pypdf.PdfReader(article_pdf(tmp_path / "a.pdf"))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ImportRefused, match="encrypted PDF: it needs a password"):
        parse(buffer.getvalue(), "locked.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj << /Type /Catalog", b"%PDF-"])
def test_a_broken_pdf_is_one_line(data: bytes) -> None:
    with pytest.raises(ImportRefused) as caught:
        parse(data, "broken.pdf")
    assert "\n" not in str(caught.value)
    assert "PDF" in str(caught.value)


def test_a_pdf_imports_and_cleans_again(qapp, tmp_path: Path) -> None:
    path = article_pdf(tmp_path / "a.pdf")
    with Library.open(tmp_path / "lib", create=True) as library:
        [result] = import_paths(library, [path], ImportOptions())
        assert result.status == "imported", result.error
        rules = default_rules()
        changed = library.reclean(lambda d: parse_again(d, rules), rules.version, force=True)
        assert changed == []  # the same text again
        assert library.get(result.id).text.splitlines() == list(PARAS)


# -- DOCX -----------------------------------------------------------------------------


def test_a_word_document_reads_paragraphs_tables_and_not_deleted_text() -> None:
    table = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格里的一句话。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:del><w:r><w:delText>删掉的文字</w:delText></w:r></w:del>"
        "<w:r><w:t>留下的</w:t><w:br/><w:t>第二行。</w:t></w:r></w:p>"
    )
    document = parse(docx([TITLE, *PARAS], title=TITLE, extra=table), "ferry.docx")
    assert document.fmt == "docx"
    assert document.metadata.title == TITLE
    lines = document.text.splitlines()
    assert lines[: len(PARAS)] == list(PARAS)
    assert lines[len(PARAS) :] == ["表格里的一句话。", "留下的", "第二行。"]
    assert "删掉" not in document.text


def test_a_text_box_written_twice_is_read_once() -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = (
        f"<w:p><w:r><mc:AlternateContent xmlns:mc='{mc}'>"
        "<mc:Choice><w:t>方框里的说明文字。</w:t></mc:Choice>"
        "<mc:Fallback><w:t>方框里的说明文字。</w:t></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    document = parse(docx([TITLE, *PARAS], extra=box), "box.docx")
    assert document.text.count("方框里的说明文字。") == 1


def test_a_zip_bomb_is_refused_before_inflating() -> None:
    huge = io.BytesIO()
    with zipfile.ZipFile(huge, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (60 * 1024 * 1024))
    dense = io.BytesIO()
    with zipfile.ZipFile(dense, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (8 * 1024 * 1024))
    with pytest.raises(ImportRefused, match="too large inside"):
        parse(huge.getvalue(), "bomb.docx")
    with pytest.raises(ImportRefused, match="zip bomb"):
        parse(dense.getvalue(), "dense.docx")


def _zip_with(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really", "damaged Word document"),
        (b"plain bytes", "damaged Word document"),
        (_zip_with("word/other.xml"), "no word/document.xml"),
    ],
)
def test_a_broken_word_document_is_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(ImportRefused, match=reason):
        parse(data, "broken.docx")


def test_word_xml_entities_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml", "<!DOCTYPE d [<!ENTITY a 'aaaa'>]><w:document>&a;</w:document>"
        )
    with pytest.raises(ImportRefused, match="declares XML entities"):
        parse(buffer.getvalue(), "entities.docx")


# -- MHTML ----------------------------------------------------------------------------


def test_an_mhtml_page_reads_like_the_page_with_its_address() -> None:
    html = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{TITLE}</title></head>"
        f"<body><article><h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
    ) + "<script>alert(1)</script></article></body></html>"
    document = parse(mhtml(html), "saved.mhtml")
    assert document.fmt == "mhtml"
    assert document.metadata.title == TITLE
    assert document.metadata.url == "https://news.example.org/ferry"
    assert PARAS[1] in document.text
    assert "alert" not in document.text


def test_an_mhtml_file_without_a_page_is_refused() -> None:
    message = EmailMessage()
    message.set_content("只有文字")
    message.make_mixed()
    with pytest.raises(ImportRefused, match="without a web page"):
        parse(message.as_bytes(), "odd.mht")
    with pytest.raises(ImportRefused, match="not an MHTML file"):
        parse(b"hello", "odd.mht")


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["x.pdf", "x.docx", "x.mhtml"]),
    st.binary(max_size=3000).map(lambda b: b"%PDF-1.4\n" + b) | st.binary(max_size=3000),
)
def test_any_bytes_under_a_document_name_are_read_or_refused_in_one_line(
    name: str, data: bytes
) -> None:
    reason = ""
    try:
        parse(data, name)
    except ImportRefused as exc:
        reason = str(exc)
    assert "\n" not in reason
