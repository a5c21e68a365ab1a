"""Scripts: which one an article is written in.

Detection counts the Han characters that exist in only one script. A
character is *simplified-only* when OpenCC's ``s2t`` changes it and Big5
cannot encode it, *traditional-only* when ``t2s`` changes it and GB2312 cannot
encode it. The encodability test keeps characters at home in both scripts
(台, 里, 着, 乾 …) from counting as evidence; characters written the same in
both (人, 中, 日 …) say nothing. Each distinct character is looked up once per call,
in one OpenCC conversion per direction, characters separated by newlines so
no phrase rule can join them.

Views (:func:`view_text`) convert an article for display with the OpenCC
configuration chosen by the article's script (:data:`VIEW_CONFIGS`); the
view of an article in its own script is its text unchanged.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

from duizhao.core.article import Script

#: Share of script-specific characters above which a text is that script.
DOMINANT_SHARE = 0.8

VIEWS = ("original", "simplified", "traditional", "taiwan", "hongkong")

#: OpenCC configuration per (article script, view); None means the text as it is.
#: A Traditional article is read as Taiwan usage when simplified (``tw2sp``
#: turns 軟體 into 软件), since no reliable Taiwan/Hong Kong test exists yet.
VIEW_CONFIGS: dict[Script, dict[str, str | None]] = {
    Script.SIMPLIFIED: {
        "simplified": None,
        "traditional": "s2t",
        "taiwan": "s2twp",
        "hongkong": "s2hk",
    },
    Script.TRADITIONAL: {
        "simplified": "tw2sp",
        "traditional": None,
        "taiwan": "t2tw",
        "hongkong": "t2hk",
    },
    Script.MIXED: {
        "simplified": "t2s",
        "traditional": "s2t",
        "taiwan": "s2twp",
        "hongkong": "s2hk",
    },
    Script.UNKNOWN: {
        "simplified": "t2s",
        "traditional": "s2t",
        "taiwan": "s2twp",
        "hongkong": "s2hk",
    },
}


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(f"{config}.json")


def convert(text: str, config: str) -> str:
    """Raw OpenCC conversion with a built-in configuration such as ``s2t`` or ``t2s``."""
    return str(_converter(config).convert(text))


def script_counts(text: str) -> tuple[int, int]:
    """(simplified-only, traditional-only) character counts in ``text``."""
    han = Counter(ch for ch in text if _is_han(ch))
    if not han:
        return 0, 0
    chars = list(han)
    joined = "\n".join(chars)
    as_traditional = convert(joined, "s2t").split("\n")
    as_simplified = convert(joined, "t2s").split("\n")
    simplified = traditional = 0
    if len(as_traditional) != len(chars) or len(as_simplified) != len(chars):
        return 0, 0  # a conversion merged lines: never seen, but no guessing
    for ch, to_t, to_s in zip(chars, as_traditional, as_simplified, strict=True):
        if to_t != ch and to_s == ch and not _encodable(ch, "big5"):
            simplified += han[ch]
        elif to_s != ch and to_t == ch and not _encodable(ch, "gb2312"):
            traditional += han[ch]
    return simplified, traditional


def detect_script(text: str) -> Script:
    simplified, traditional = script_counts(text)
    total = simplified + traditional
    if total == 0:
        return Script.UNKNOWN
    if traditional / total >= DOMINANT_SHARE:
        return Script.TRADITIONAL
    if simplified / total >= DOMINANT_SHARE:
        return Script.SIMPLIFIED
    return Script.MIXED


def view_config(script: Script, view: str) -> str | None:
    if view == "original":
        return None
    try:
        return VIEW_CONFIGS[script][view]
    except KeyError:
        raise ValueError(f"unknown view {view!r}; choose from {', '.join(VIEWS)}") from None


def view_text(text: str, script: Script, view: str) -> str:
    """``text`` (of an article in ``script``) as shown in ``view``."""
    config = view_config(script, view)
    return text if config is None else convert(text, config)


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch >= "\U00020000"
