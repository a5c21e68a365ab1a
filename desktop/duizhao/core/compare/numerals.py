"""Numerals as news writes them, read into numbers.

:func:`read_numeral` reads one numeral in any of the forms Chinese news uses:

- Arabic figures with separators and decimals (1,234.5; full-width ４６ and
  ３．８５ are folded first by :func:`fold`);
- positional Chinese numerals (三千一百, 一百一十八, 两万三千, 廿八, 卅三);
- digit-by-digit Chinese numerals, as print editions write counts and years
  (二六三 = 263, 九一○○ = 9100, 二〇〇八), with 〇, ○ or 零 for zero;
- decimals written with 点 / 點 or a dot (三点五, 三．八五);
- a figure followed by the large units 万, 亿, 万亿 and 兆 (a trillion, as in
  Taiwan and Hong Kong finance news), mixed with Arabic digits (3.85万亿,
  4127.35亿, 5.2万亿).

``None`` means "not a numeral" (三五 is a vague range, not 35).

Why not ``cn2an``: measured on the forms above (``tests/core/compare/
test_numerals.py`` keeps the list), cn2an reads none of 兆, 卅, ○, digit-by-
digit counts or 3.85万亿, so it would need this module's work anyway.
"""

from __future__ import annotations

import re

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
#: positional characters inside a section of ten thousand
SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
#: tens written as one character
TENS = {"廿": 20, "卅": 30, "卌": 40}
LARGE = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
POINTS = "点點.．"

#: every character a numeral may hold (Arabic digits, separators and points too)
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL) + "".join(TENS) + "".join(LARGE) + "0123456789,"

_FOLD = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")


def fold(text: str) -> str:
    """Full-width digits, point, comma and percent sign as ASCII (same length)."""
    return text.translate(_FOLD)


def read_numeral(text: str) -> float | None:
    """The value of one numeral (see the module docstring), or None."""
    text = fold("".join(text.split()))
    if not text:
        return None
    cut = _largest_unit(text)
    if cut is None:
        return _section(text)
    head, tail = text[:cut], text[cut + 1 :]
    scale = LARGE[text[cut]]
    while head and head[-1] in LARGE:  # 万亿: the units multiply
        scale *= LARGE[head[-1]]
        head = head[:-1]
    head_value = _section(head) if head else 1.0
    tail_value = _section(tail) if tail else 0.0
    if head_value is None or tail_value is None:
        return None
    return head_value * scale + tail_value


def _largest_unit(text: str) -> int | None:
    """Index of the largest large unit (the rightmost of a run such as 万亿), which
    splits ``text`` into a multiplied head and a tail read on its own: 一亿两千万
    splits at 亿, its tail 两千万 is read again. None without one."""
    positions = [i for i, ch in enumerate(text) if ch in LARGE]
    if not positions:
        return None
    return max(positions, key=lambda i: (LARGE[text[i]], i))


def _section(text: str) -> float | None:
    """A numeral below the large units, or one with them in its tail (recursive)."""
    if not text:
        return None
    if any(ch in LARGE for ch in text):
        return read_numeral(text)
    if _ARABIC.fullmatch(text):
        return float(text.replace(",", ""))
    for point in POINTS:
        if point in text:
            whole, _, fraction = text.partition(point)
            whole_value = _section(whole) if whole else 0.0
            digits = [DIGITS.get(ch, int(ch) if ch.isdigit() else None) for ch in fraction]
            if whole_value is None or not digits or None in digits:
                return None
            return whole_value + float("0." + "".join(str(d) for d in digits))
    if all(ch in DIGITS for ch in text):
        if len(text) == 1:
            return float(DIGITS[text])
        if len(text) == 2 and 0 not in (DIGITS[text[0]], DIGITS[text[1]]):
            return None  # 三五, 七八: "three to five", a rough range, not 35
        return float("".join(str(DIGITS[ch]) for ch in text))
    return _positional(text)


def _positional(text: str) -> float | None:
    total = 0.0
    digit: int | None = None
    last_small = 10_000
    for ch in text:
        if ch in DIGITS:
            if digit is not None and digit != 0:
                return None
            digit = DIGITS[ch]
        elif ch in SMALL:
            size = SMALL[ch]
            if size >= last_small:
                return None
            total += (1 if digit is None else digit) * size
            last_small = size
            digit = None
        elif ch in TENS:
            if digit is not None or total:
                return None
            total += TENS[ch]
            last_small = 10
        else:
            return None
    if digit:
        total += digit
    return total
