"""Decoding the bytes of an input file: what is accepted, as what, and why the rest is refused."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.core.ingest import DecodeError, ImportRefused, parse
from duizhao.core.ingest.encoding import decode

SIMPLIFIED = (
    "昨天下午，气象台发布了今年第一个暴雨黄色预警，提醒市民尽量减少外出。",
    "受强降雨影响，城区多条道路出现积水，部分公交线路临时调整了行驶路线。",
    "防汛部门表示，排水泵站已经全部启动，预计今晚雨势将逐渐减弱。",
)
TRADITIONAL = (
    "昨天下午，氣象局發布了今年第一個豪雨特報，提醒民眾盡量減少外出。",
    "受強降雨影響，市區多條道路出現積水，部分公車路線臨時調整了行駛路線。",
    "防汛單位表示，抽水站已經全部啟動，預計今晚雨勢將逐漸減弱。",
)
SIMPLIFIED_TEXT = "\n".join(SIMPLIFIED) + "\n"
TRADITIONAL_TEXT = "\n".join(TRADITIONAL) + "\n"


def refusal(data: bytes, **kwargs: bool) -> str:
    with pytest.raises(DecodeError) as info:
        decode(data, **kwargs)
    message = str(info.value)
    assert message, "a refusal must say why"
    assert "\n" not in message, "a refusal is one line"
    assert "\r" not in message, "a refusal is one line"
    return message


# -- Unicode, with and without byte-order marks -------------------------------------------


@pytest.mark.parametrize("text", [SIMPLIFIED_TEXT, TRADITIONAL_TEXT])
def test_utf8_without_bom(text: str) -> None:
    decoded = decode(text.encode("utf-8"))
    assert decoded.text == text
    assert decoded.encoding == "UTF-8"


@pytest.mark.parametrize("text", [SIMPLIFIED_TEXT, TRADITIONAL_TEXT])
def test_utf8_with_bom_drops_the_bom(text: str) -> None:
    decoded = decode(codecs.BOM_UTF8 + text.encode("utf-8"))
    assert decoded.text == text
    assert not decoded.text.startswith("\ufeff")
    assert "BOM" in decoded.encoding
    assert "UTF-8" in decoded.encoding


@pytest.mark.parametrize(
    ("bom", "codec", "label"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
    ],
)
@pytest.mark.parametrize("text", [SIMPLIFIED_TEXT, TRADITIONAL_TEXT])
def test_utf16_and_utf32_with_bom(bom: bytes, codec: str, label: str, text: str) -> None:
    decoded = decode(bom + text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == label


def test_python_utf16_and_utf32_codecs_write_a_bom_that_is_honoured() -> None:
    assert decode(SIMPLIFIED_TEXT.encode("utf-16")).text == SIMPLIFIED_TEXT
    assert decode(SIMPLIFIED_TEXT.encode("utf-32")).text == SIMPLIFIED_TEXT


def test_utf32_le_bom_is_not_mistaken_for_utf16_le() -> None:
    # The UTF-32LE BOM starts with the UTF-16LE one; the longer mark must win.
    data = codecs.BOM_UTF32_LE + SIMPLIFIED_TEXT.encode("utf-32-le")
    assert decode(data).encoding == "UTF-32LE"


@pytest.mark.parametrize(("codec", "label"), [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
@pytest.mark.parametrize(
    "text", [SIMPLIFIED_TEXT, TRADITIONAL_TEXT, "A harbour note in English.\nSecond line.\n"]
)
def test_utf16_without_bom_is_told_by_where_its_nul_bytes_are(
    codec: str, label: str, text: str
) -> None:
    decoded = decode(text.encode(codec))
    assert (decoded.text, decoded.encoding) == (text, label)


@pytest.mark.parametrize("seed", range(12))
def test_random_bytes_with_nul_are_still_binary(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(2048)) + b"\x00\x00"
    assert "binary" in refusal(data)


# -- text that lost its characters before it arrived ------------------------------------------

LOST = "\ufffd\ufffd".encode().decode("gbk")  # 锟斤拷: two replacement characters read as GBK


@pytest.mark.parametrize(
    "text",
    [
        f"标题{LOST * 2}\n{SIMPLIFIED[0]}{LOST * 3}\n",
        f"{LOST}{LOST}\n",
        SIMPLIFIED_TEXT.replace("暴雨", LOST).replace("公交", LOST).replace("雨势", LOST) * 2,
    ],
    ids=["many", "alone", "replacing-words"],
)
def test_mojibake_of_lost_characters_is_refused(text: str) -> None:
    message = refusal(text.encode("utf-8"))
    assert "mojibake" in message
    assert "锟斤拷" in message


def test_an_article_that_mentions_the_mojibake_once_is_read() -> None:
    text = f"程序员常说的“{LOST}”，是替换字符被当成GBK读出来的样子。\n" + SIMPLIFIED_TEXT
    assert decode(text.encode("utf-8")).text == text


# -- Chinese legacy encodings ---------------------------------------------------------------


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_gb_family_decodes_as_gb18030(codec: str) -> None:
    decoded = decode(SIMPLIFIED_TEXT.encode(codec))
    assert decoded.text == SIMPLIFIED_TEXT
    assert decoded.encoding == "GB18030"


@pytest.mark.parametrize("codec", ["big5", "big5hkscs", "cp950"])
def test_big5_family_decodes_as_big5(codec: str) -> None:
    decoded = decode(TRADITIONAL_TEXT.encode(codec))
    assert decoded.text == TRADITIONAL_TEXT
    assert decoded.encoding == "Big5"


def test_traditional_text_in_gb18030_stays_traditional() -> None:
    # GB18030 covers Traditional characters too: the encoding, not the script, decides.
    decoded = decode(TRADITIONAL_TEXT.encode("gb18030"))
    assert decoded.text == TRADITIONAL_TEXT
    assert decoded.encoding == "GB18030"


@pytest.mark.parametrize("sentence", SIMPLIFIED)
def test_one_gbk_sentence_is_not_big5_mojibake(sentence: str) -> None:
    assert decode(sentence.encode("gbk")).text == sentence


@pytest.mark.parametrize("sentence", TRADITIONAL)
def test_one_big5_sentence_is_not_gbk_mojibake(sentence: str) -> None:
    assert decode(sentence.encode("big5")).text == sentence


@pytest.mark.parametrize("sentence", ["北京今天下雨。", "市场反应平淡。", "股市小幅上涨。"])
def test_very_short_gbk_text_is_not_decoded_as_another_language(sentence: str) -> None:
    # Fewer Han characters than the common-character score needs: the guess
    # must still not fall to a Korean or Japanese code page.
    assert decode(sentence.encode("gbk")).text == sentence


@pytest.mark.parametrize("sentence", ["台北今天下雨。", "會議明天舉行。"])
def test_very_short_big5_text_is_decoded_as_big5(sentence: str) -> None:
    assert decode(sentence.encode("big5")).text == sentence


def test_big5_bytes_never_decode_as_gbk_mojibake() -> None:
    data = TRADITIONAL_TEXT.encode("big5")
    gbk_reading = data.decode("gbk", errors="replace")
    decoded = decode(data)
    assert decoded.text != gbk_reading
    assert decoded.text == TRADITIONAL_TEXT


def test_gbk_bytes_never_decode_as_big5_mojibake() -> None:
    data = SIMPLIFIED_TEXT.encode("gbk")
    big5_reading = data.decode("big5hkscs", errors="replace")
    decoded = decode(data)
    assert decoded.text != big5_reading
    assert decoded.text == SIMPLIFIED_TEXT


def test_gb18030_four_byte_characters() -> None:
    # 𠀀 (U+20000) and 㐀 (U+3400) need GB18030's four-byte sequences.
    text = SIMPLIFIED_TEXT + "古籍里有㐀和𠀀这样的罕见字，但整篇文章仍然以常用字为主。\n"
    assert decode(text.encode("gb18030")).text == text


# -- Through parse(): the encoding is recorded with the document ----------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED_TEXT.encode("gb18030"), "GB18030"),
        (TRADITIONAL_TEXT.encode("big5"), "Big5"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED_TEXT.encode("utf-16-le"), "UTF-16LE"),
    ],
)
def test_parse_records_the_encoding(data: bytes, encoding: str) -> None:
    document = parse(data, "news.txt")
    assert document.encoding == encoding
    assert document.raw == data
    assert SIMPLIFIED[1] in document.text or TRADITIONAL[1] in document.text


# -- HTML charset declarations --------------------------------------------------------------


def _html(text: str, charset: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    title = "暴雨預警" if text == TRADITIONAL_TEXT else "暴雨预警"
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><article>{paragraphs}</article></body></html>"
    )


def test_html_meta_charset_gbk_is_used() -> None:
    data = _html(SIMPLIFIED_TEXT, "gbk").encode("gbk")
    decoded = decode(data, html=True)
    assert decoded.encoding.lower() == "gbk"
    assert SIMPLIFIED[0] in decoded.text


def test_html_http_equiv_charset_big5_is_used() -> None:
    page = _html(TRADITIONAL_TEXT, "big5").replace(
        '<meta charset="big5">',
        '<meta http-equiv="Content-Type" content="text/html; charset=big5">',
    )
    decoded = decode(page.encode("big5"), html=True)
    assert "big5" in decoded.encoding.lower()
    assert TRADITIONAL[2] in decoded.text


def test_html_with_a_wrong_charset_declaration_still_decodes_right() -> None:
    # Declared GBK, actually Big5: the declaration gives mojibake and must lose.
    data = _html(TRADITIONAL_TEXT, "gbk").encode("big5")
    decoded = decode(data, html=True)
    assert TRADITIONAL[0] in decoded.text


def test_gbk_html_file_imports_through_parse() -> None:
    data = _html(SIMPLIFIED_TEXT, "gbk").encode("gbk")
    document = parse(data, "page.html")
    assert document.fmt == "html"
    assert document.encoding.lower() == "gbk"
    for sentence in SIMPLIFIED:
        assert sentence in document.text


# -- Refusals -------------------------------------------------------------------------------


def test_empty_file_is_refused() -> None:
    assert "empty" in refusal(b"")


@pytest.mark.parametrize(
    "data",
    [b" ", b"\n\n\n", b" \t\r\n  \n", codecs.BOM_UTF8 + b"  \n", "\u3000\u3000\n".encode()],
)
def test_whitespace_only_file_is_refused(data: bytes) -> None:
    message = refusal(data)
    assert "empty" in message
    assert "whitespace" in message


def test_whitespace_only_utf16_file_is_refused() -> None:
    assert "whitespace" in refusal(codecs.BOM_UTF16_LE + "  \r\n".encode("utf-16-le"))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        "正文里混进了一个空字节\x00之后还有文字。".encode(),
    ],
    ids=["png", "pdf", "zip", "nul-in-utf8"],
)
def test_binary_files_are_refused(data: bytes) -> None:
    message = refusal(data)
    assert "binary" in message
    assert "NUL" in message


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 5, 6, 7])
@pytest.mark.parametrize("size", [64, 4096])
def test_random_bytes_without_nul_are_refused(seed: int, size: int) -> None:
    generator = random.Random(seed)
    data = bytes(generator.randrange(1, 256) for _ in range(size))
    message = refusal(data)
    assert "not text" in message or "mojibake" in message or "control" in message


@pytest.mark.parametrize("seed", [10, 11, 12])
def test_random_bytes_are_refused_by_parse(seed: int) -> None:
    generator = random.Random(seed)
    data = bytes(generator.randrange(256) for _ in range(2048))
    with pytest.raises(ImportRefused) as info:
        parse(data, "noise.txt")
    assert "\n" not in str(info.value)


def test_utf8_bom_followed_by_invalid_utf8_is_refused_with_the_offset() -> None:
    data = codecs.BOM_UTF8 + "开头是正常的文字".encode() + b"\xff\xfe\xc3\x28 tail"
    message = refusal(data)
    assert "byte-order mark" in message
    assert "UTF-8" in message
    offset = len(codecs.BOM_UTF8) + len("开头是正常的文字".encode())
    assert f"byte {offset}" in message


def test_utf16_bom_with_a_lone_surrogate_is_refused() -> None:
    data = codecs.BOM_UTF16_LE + "文字".encode("utf-16-le") + b"\x00\xd8\x41\x00"
    assert "UTF-16LE" in refusal(data)


def test_text_full_of_control_characters_is_refused() -> None:
    data = ("新闻" + "\x01\x02\x03\x04\x05\x06\x07\x08" * 20 + "内容").encode()
    message = refusal(data)
    assert "control" in message


def test_private_use_characters_are_refused() -> None:
    data = ("\ue000\ue001\ue002\ue003" * 10).encode()
    assert "private-use" in refusal(data)


def test_a_few_control_characters_in_a_long_article_are_tolerated() -> None:
    text = SIMPLIFIED_TEXT * 20 + "\x0c\x1b" + SIMPLIFIED_TEXT
    assert decode(text.encode()).text == text


def test_latin1_english_falls_back_and_is_accepted() -> None:
    text = "Café owners in the old town said the new tram line brought more customers.\n" * 3
    decoded = decode(text.encode("latin-1"))
    assert "Caf" in decoded.text
    assert "tram line" in decoded.text


def test_parse_turns_decode_errors_into_import_refused() -> None:
    with pytest.raises(ImportRefused) as info:
        parse(b"", "empty.txt")
    assert str(info.value) == "empty file"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_nul_characters_behind_a_bom_are_refused(bom: bytes, codec: str) -> None:
    # the BOM decides the encoding before the NUL-byte test can see the file
    data = bom + ("正文" + SIMPLIFIED[0] + "\x00" + SIMPLIFIED[1]).encode(codec)
    message = refusal(data)
    assert "NUL" in message
    assert "binary" in message


# -- any bytes ------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_bytes_decode_to_text_or_are_refused_in_one_line(data: bytes) -> None:
    try:
        decoded = decode(data)
    except DecodeError as exc:
        reason = str(exc)
    else:
        reason = ""
        assert decoded.text.strip()
        assert "\x00" not in decoded.text
    assert "\n" not in reason


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(SIMPLIFIED + TRADITIONAL), min_size=1, max_size=4).map("\n".join),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]),
)
def test_unicode_text_comes_back_whatever_the_unicode_encoding(text: str, codec: str) -> None:
    assert decode(text.encode(codec)).text == text
