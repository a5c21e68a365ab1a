"""Turn the bytes of an input file into text, or refuse them with a reason.

Order of evidence:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides;
2. NUL bytes without a BOM mean a binary file -- unless they fall where
   UTF-16 puts them (the high byte of every ASCII character: all at odd
   offsets for little-endian, even for big-endian) and the bytes decode as
   UTF-16 that reads as text: UTF-16 without a BOM;
3. strict UTF-8 that decodes is UTF-8 (random bytes almost never are);
4. an HTML ``<meta charset>`` declaration, if it decodes strictly;
5. GB18030 and Big5-HKSCS, strictly decoded, scored by how many of their Han
   characters are common ones (GB2312 level 1 and Big5 level 1, about 9,000
   characters in all); the better score wins if it is plausible;
6. charset-normalizer for anything else (Latin-1 English, Shift-JIS …).

Text that decodes but reads as mojibake (few common characters, control
characters, private-use characters, or 锟斤拷 -- the bytes of replacement
characters read as GBK, left where a converter lost the original characters)
is refused: importing it would lose the article while looking as if it had
worked.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from contextlib import suppress
from dataclasses import dataclass
from functools import cache


class DecodeError(ValueError):
    """The bytes are not text Duizhao can trust; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
#: Share of Han characters that must be common ones for a GB/Big5 guess to stand.
MIN_COMMON_SHARE = 0.80
#: Below this many Han characters the common-character score says little.
MIN_HAN_FOR_SCORE = 8


def decode(data: bytes, *, html: bool = False) -> Decoded:
    """Decode ``data`` or raise :class:`DecodeError` with a one-line reason."""
    if not data:
        raise DecodeError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            encoding = "utf-8" if name == "utf-8-sig" else name
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {_label(encoding)} byte-order mark but is not valid "
                    f"{_label(encoding)} at byte {exc.start + len(bom)}"
                ) from None
            return Decoded(_checked(text, _label(name)), _label(name))
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return Decoded(_checked(data.decode("utf-8"), "UTF-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared:
            try:
                text = data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass
            else:
                if _common_share(text) >= MIN_COMMON_SHARE:
                    return Decoded(_checked(text, declared), declared)
    candidates: list[tuple[float, str, str]] = []
    for codec, label in (("gb18030", "GB18030"), ("big5hkscs", "Big5")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_common_share(text), label, text))
    if candidates:
        score, label, text = max(candidates, key=lambda c: c[0])
        han = _han_count(text)
        # Too few Han characters to score: take the guess only when it alone
        # reads as common characters throughout (charset-normalizer turns short
        # GBK into Korean or Big5 mojibake).
        clear = score == 1.0 and sum(1 for c in candidates if c[0] == 1.0) == 1
        if score >= MIN_COMMON_SHARE and (han >= MIN_HAN_FOR_SCORE or (han >= 2 and clear)):
            return Decoded(_checked(text, label), label)
    return _fallback(data)


#: Share of a UTF-16 reading that must be plain text (ASCII, common Han
#: characters, CJK punctuation) for a file with NUL bytes to be taken as UTF-16.
UTF16_TEXT_SHARE = 0.95


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text without a byte-order mark: NUL bytes are the high bytes of its
    ASCII characters, and read as UTF-16 the bytes make plain text (random or
    binary bytes make rare and unassigned characters)."""
    if len(data) % 2:
        return None
    odd = sum(1 for i in range(1, len(data), 2) if data[i] == 0)
    order = ["utf-16-le", "utf-16-be"] if 2 * odd >= data.count(0) else ["utf-16-be", "utf-16-le"]
    for codec in order:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _plain_share(text) >= UTF16_TEXT_SHARE:
            label = _label(codec)
            return Decoded(_checked(text, label), label)
    return None


def _plain_share(text: str) -> float:
    common = common_han()
    sample = text[:50_000]
    plain = sum(
        1
        for ch in sample
        if ch in common
        or " " <= ch <= "~"
        or ch in "\t\n\r"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
    )
    return plain / max(len(sample), 1)


def _fallback(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("not text in any encoding Duizhao knows (UTF-8, UTF-16, GB18030, Big5 …)")
    text = str(best)
    if _han_count(text) >= MIN_HAN_FOR_SCORE and _common_share(text) < MIN_COMMON_SHARE:
        raise DecodeError(
            f"encoding unclear: decoding as {best.encoding} gives mostly rare characters "
            "(mojibake); convert the file to UTF-8 and import it again"
        )
    return Decoded(_checked(text, best.encoding), best.encoding)


def _label(codec: str) -> str:
    return {
        "utf-8": "UTF-8",
        "utf-8-sig": "UTF-8 (BOM)",
        "utf-16-le": "UTF-16LE",
        "utf-16-be": "UTF-16BE",
        "utf-32-le": "UTF-32LE",
        "utf-32-be": "UTF-32BE",
    }.get(codec, codec)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _checked(text: str, encoding: str) -> str:
    """Refuse decoded text that is not plausibly a document."""
    if not text.strip():
        raise DecodeError("empty file (only whitespace)")
    if "\x00" in text:  # a BOM lets NUL bytes through as characters
        raise DecodeError(
            f"binary file (decoded as {encoding} it contains NUL characters), not text"
        )
    sample = text[:200_000]
    bad = sum(1 for ch in sample if _is_suspicious(ch))
    if bad > max(8, len(sample) // 50):
        raise DecodeError(
            f"decoded as {encoding} but {bad} characters are control, private-use or "
            "replacement characters: not a text document"
        )
    lost = sum(sample.count(marker) for marker in _LOST_MARKERS)
    if lost >= MAX_LOST or (lost and 3 * lost * 20 >= len("".join(sample.split()))):
        times = "once" if lost == 1 else f"{lost} times"
        raise DecodeError(
            f"mojibake: 锟斤拷 appears {times} (characters lost by a wrong conversion "
            "before the file reached Duizhao); import the original file instead"
        )
    return text


#: What U+FFFD replacement characters look like after their UTF-8 bytes were read
#: as GBK (锟斤拷) or Big5 (錕斤拷): the characters they replaced are gone.
_LOST_MARKERS = ("锟斤拷", "錕斤拷")
#: This many of them in a text refuse it (fewer when they are 5% of it or more).
MAX_LOST = 5


def _is_suspicious(ch: str) -> bool:
    if ch in "\t\n\r\f\v":
        return False
    category = unicodedata.category(ch)
    return category in ("Cc", "Co", "Cs") or ch == "\ufffd"


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch >= "\U00020000"


def _han_count(text: str) -> int:
    return sum(1 for ch in text[:50_000] if _is_han(ch))


def _common_share(text: str) -> float:
    common = common_han()
    han = [ch for ch in text[:50_000] if _is_han(ch)]
    if not han:
        return 1.0
    return sum(1 for ch in han if ch in common) / len(han)


@cache
def common_han() -> frozenset[str]:
    """GB2312 level 1 (3,755 frequent Simplified characters) and Big5 level 1
    (5,401 frequent Traditional characters), enumerated from the codecs."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            with suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("gb2312"))
    for lead in range(0xA4, 0xC7):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            code = (lead << 8) | trail
            if code > 0xC67E:
                break
            with suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("big5"))
    return frozenset(ch for ch in chars if _is_han(ch))
