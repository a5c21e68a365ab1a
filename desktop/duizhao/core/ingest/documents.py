"""Documents that are not plain text: PDF, Word (.docx) and MHTML.

- **PDF** (:func:`read_pdf`): the text layer, read with pypdf page by page in
  the order the page draws it; lines a paragraph was wrapped into are joined
  again (without a space between two Chinese characters), lone page numbers
  dropped. A PDF without a text layer (scanned pages) is refused with that
  reason -- Duizhao does not read text from images -- and so is one that
  needs a password.
- **DOCX** (:func:`read_docx`): ``word/document.xml`` read with a strict lxml
  parser (no entities, no DTD, no network); paragraphs, tables and line
  breaks in document order, deleted text left out. The archive is checked
  before anything is inflated (:func:`_zip_part`): number of entries, the
  stated size of the part and its compression ratio, and the inflated bytes
  are counted as they come, so a zip bomb is refused, not unpacked.
- **MHTML** (:func:`read_mhtml`), a browser's "save as single file": the MIME
  message read by the standard library's email parser; its HTML part goes
  through the web page reader (:mod:`.pages`), the address it was saved from
  kept as the URL.

Text from a PDF's text layer often carries Kangxi radicals and CJK radical
supplement forms where the font maps glyphs that way (⼩ for 小, ⻋ for 车);
:func:`normalise_ideographs` turns them into the unified ideographs.
"""

from __future__ import annotations

import email
import email.policy
import io
import re
import unicodedata
import zipfile
from email.message import EmailMessage

from lxml import etree

from duizhao.core.ingest import pages
from duizhao.core.library import Metadata

#: The largest part of a .docx inflated (its document.xml), and its largest
#: compression ratio: real documents compress 3-10 times, a bomb thousands.
MAX_PART = 50 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 5000
MAX_PAGES = 2000
#: Fewer letters than this in the whole text layer: no text layer to speak of.
MIN_LETTERS = 10


class DocumentError(ValueError):
    """A document that cannot be read; ``str()`` is the one-line reason."""


FORMATS = ("pdf", "docx", "mhtml")
_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".mht": "mhtml", ".mhtml": "mhtml"}
_MIME_HEAD = re.compile(rb"^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*?MIME-Version:", re.I)


def format_of(name: str, data: bytes) -> str | None:
    """``pdf``, ``docx`` or ``mhtml`` when the name or the first bytes say so."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        return "docx"
    if _MIME_HEAD.match(data[:2048]) and b"multipart/related" in data[:4096].lower():
        return "mhtml"
    return None


def read_document(fmt: str, data: bytes) -> tuple[str, Metadata]:
    """The text and metadata of a document in one of :data:`FORMATS`."""
    reader = {"pdf": read_pdf, "docx": read_docx, "mhtml": read_mhtml}[fmt]
    try:
        return reader(data)
    except RecursionError:
        raise DocumentError(f"{fmt.upper()} nested too deeply to read") from None


# -- ideographs -----------------------------------------------------------------------

#: CJK radical supplement forms that stand for whole (Simplified) characters.
_RADICALS = {
    "⺠": "民", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻓": "长", "⻔": "门",
    "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻢": "马", "⻥": "鱼", "⻦": "鸟",
    "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻬": "齐", "⻮": "齿", "⻰": "龙",
    "⻳": "龟", "⻭": "歯", "⻯": "竜", "⻲": "亀", "⻫": "斉",
}  # fmt: skip
_COMPATIBLE = re.compile("[\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f\u2e80-\u2eff]")


def normalise_ideographs(text: str) -> str:
    """Kangxi radicals, radical supplement forms and CJK compatibility
    ideographs as the unified ideographs they stand for."""

    def unified(match: re.Match[str]) -> str:
        ch = match.group()
        return _RADICALS.get(ch) or unicodedata.normalize("NFKC", ch)

    return _COMPATIBLE.sub(unified, text)


# -- PDF ------------------------------------------------------------------------------

_END = "。！？!?…」』”：:；;"
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*[-–—])?\s*$", re.I)
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")


def read_pdf(data: bytes) -> tuple[str, Metadata]:
    import pypdf
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except (DependencyError, NotImplementedError):
                opened = False
            if not opened:
                raise DocumentError("encrypted PDF: it needs a password, refused")
        if len(reader.pages) > MAX_PAGES:
            raise DocumentError(f"PDF of {len(reader.pages)} pages (at most {MAX_PAGES})")
        texts = [page.extract_text() or "" for page in reader.pages]
        images = sum(_has_images(page) for page in reader.pages)
        info = reader.metadata
    except DocumentError:
        raise
    except (PdfReadError, RecursionError) as exc:
        raise DocumentError(f"damaged PDF: {_said(exc)}") from None
    except Exception as exc:  # noqa: BLE001 - pypdf on hostile input fails in many ways
        raise DocumentError(f"damaged PDF ({type(exc).__name__}: {_said(exc)})") from None
    text = normalise_ideographs("\n\n".join(_paragraphs(t) for t in texts)).strip()
    if sum(1 for ch in text if ch.isalnum()) < MIN_LETTERS:
        if images:
            raise DocumentError(
                "PDF without a text layer (scanned pages are images): Duizhao does not read "
                "text from images; run it through OCR first"
            )
        raise DocumentError("PDF without text")
    metadata = Metadata()
    title = getattr(info, "title", None) if info is not None else None
    if isinstance(title, str) and title.strip() and _CJK.search(title):
        metadata.title = normalise_ideographs(" ".join(title.split()))
    return text, metadata


def _said(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def _has_images(page: object) -> bool:
    try:
        return bool(page.images)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - an image that cannot be read is still an image
        return True


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _paragraphs(page: str) -> str:
    """A page's lines with the wraps inside paragraphs undone."""
    lines = [line.rstrip() for line in page.splitlines()]
    lines = [line for line in lines if line.strip() and not _PAGE_NUMBER.match(line)]
    if not lines:
        return ""
    full = max(_width(line) for line in lines)
    out: list[str] = [lines[0].strip()]
    for previous, line in zip(lines, lines[1:], strict=False):
        wrapped = _width(previous) >= 0.85 * full and not previous.rstrip().endswith(tuple(_END))
        line = line.strip()
        if not wrapped:
            out.append(line)
        elif _CJK.match(line[:1]) or _CJK.search(out[-1][-1:]):
            out[-1] += line
        else:
            out[-1] += " " + line
    return "\n".join(out)


# -- DOCX -----------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: Text never read: tracked deletions, and the fallback copy of content that
#: Word writes twice (a text box as drawing, and again for older readers).
_SKIPPED = frozenset({f"{_W}del", f"{_MC}Fallback"})


def _zip_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """One part of an archive, refused before inflating if it could be a bomb."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise DocumentError(f"not a Word document: no {name} inside") from None
    if info.file_size > MAX_PART:
        raise DocumentError(f"Word document too large inside ({info.file_size >> 20} MB)")
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise DocumentError("Word document refused: compressed suspiciously well (a zip bomb?)")
    with archive.open(info) as part:
        data = part.read(MAX_PART + 1)  # the stated size may lie
    if len(data) > MAX_PART:
        raise DocumentError("Word document too large inside")
    return data


def read_docx(data: bytes) -> tuple[str, Metadata]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if len(archive.infolist()) > MAX_ENTRIES:
                raise DocumentError("Word document with too many parts (a zip bomb?)")
            body = _zip_part(archive, "word/document.xml")
            core = b""
            if "docProps/core.xml" in archive.namelist():
                core = _zip_part(archive, "docProps/core.xml")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise DocumentError(f"damaged Word document: {exc}") from None
    except RuntimeError as exc:  # an encrypted entry
        raise DocumentError(f"Word document cannot be opened: {exc}") from None
    root = _xml(body, "Word document")
    paragraphs: list[str] = []
    for paragraph in root.iter(f"{_W}p"):
        if any(a.tag == f"{_W}p" for a in paragraph.iterancestors()):
            continue  # a paragraph inside another (a text box) is read with its host
        paragraphs.append(_paragraph_text(paragraph))
    text = normalise_ideographs("\n".join(p for p in paragraphs if p.strip()))
    metadata = Metadata()
    if core:
        title = _xml(core, "Word document").find("{http://purl.org/dc/elements/1.1/}title")
        if title is not None and title.text and title.text.strip():
            metadata.title = " ".join(title.text.split())
    return text, metadata


def _xml(data: bytes, what: str) -> etree._Element:
    if b"<!ENTITY" in data[:65536]:
        raise DocumentError(f"{what} declares XML entities: refused")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"damaged {what}: {str(exc).splitlines()[0][:200]}") from None


def _paragraph_text(paragraph: etree._Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if any(a.tag in _SKIPPED for a in node.iterancestors()):
            continue
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


# -- MHTML ----------------------------------------------------------------------------


def read_mhtml(data: bytes) -> tuple[str, Metadata]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        raise DocumentError("not an MHTML file (no MIME parts)")
    root = message.get("Snapshot-Content-Location")
    html_part = None
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        if html_part is None or (root and part.get("Content-Location") == root):
            html_part = part
    if html_part is None:
        raise DocumentError("MHTML file without a web page inside")
    try:
        html = html_part.get_content()
    except (LookupError, ValueError) as exc:
        raise DocumentError(f"MHTML page cannot be decoded: {exc}") from None
    try:
        text, metadata = pages.read_html(str(html))
    except pages.PageError as exc:
        raise DocumentError(str(exc)) from None
    address = root or html_part.get("Content-Location")
    if (
        metadata.url is None
        and address
        and str(address).lower().startswith(("http://", "https://"))
    ):
        metadata.url = str(address)
    return text, metadata
