"""Offset maps between an article's original text and a converted copy of it.

An :class:`OffsetMap` is a monotone list of aligned segments that covers
both texts completely:

- a *run* maps character for character (the same length on both sides);
- a *block* maps a stretch of one text to a stretch of the other as a whole
  (a phrase conversion such as 内存 → 記憶體). A position inside a block maps
  to the block's start when it opens a span and to its end when it closes one.

So any span maps to a span that contains its image, and mapping back gives a
span that contains the one you started from. :meth:`OffsetMap.splice` puts
another map in place of a stretch (a name converted on its own), and
:func:`concatenate` joins the maps of texts written one after another. Offsets are code points;
:class:`Utf16Index` converts to and from the UTF-16 units Qt counts.

:func:`align` builds the map for an OpenCC conversion without knowing how
OpenCC segmented the text. It compares the phrase-aware conversion with a
character-by-character one (``str.translate``, C speed) and walks only the
places where they differ, asking OpenCC to convert the few characters there
in isolation to find how long the converted phrase is.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

RUN, BLOCK = 0, 1
#: How far a phrase difference may reach back into a matching run, and forward.
MAX_BACK, MAX_PHRASE = 6, 10


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Segments ``k``: original ``[a[k], a[k+1])`` ↔ view ``[b[k], b[k+1])``."""

    a: tuple[int, ...]  # segment starts in the original, plus the length at the end
    b: tuple[int, ...]  # segment starts in the view, plus the length at the end
    kinds: bytes  # RUN or BLOCK per segment

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        if length == 0:
            return cls((0,), (0,), b"")
        return cls((0, length), (0, length), bytes([RUN]))

    @property
    def original_length(self) -> int:
        return self.a[-1]

    @property
    def view_length(self) -> int:
        return self.b[-1]

    def inverse(self) -> OffsetMap:
        return OffsetMap(self.b, self.a, self.kinds)

    def to_view(self, start: int, end: int) -> tuple[int, int]:
        """The view span covering original ``[start, end)``."""
        return _map_span(self.a, self.b, self.kinds, start, end)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering view ``[start, end)``."""
        return _map_span(self.b, self.a, self.kinds, start, end)

    def blocks(self) -> list[tuple[int, int, int, int]]:
        """The block segments as (original start, end, view start, end)."""
        return [
            (self.a[k], self.a[k + 1], self.b[k], self.b[k + 1])
            for k, kind in enumerate(self.kinds)
            if kind == BLOCK
        ]

    def to_json(self) -> dict[str, object]:
        return {"a": list(self.a), "b": list(self.b), "kinds": list(self.kinds)}

    def segments(self) -> list[tuple[int, int, int]]:
        """The segments as (kind, original length, view length), in order."""
        return [
            (kind, self.a[k + 1] - self.a[k], self.b[k + 1] - self.b[k])
            for k, kind in enumerate(self.kinds)
        ]

    def splice(self, edits: list[tuple[int, int, OffsetMap]]) -> OffsetMap:
        """This map with original stretches re-mapped: each edit (start, end,
        map of that stretch to its new view text) replaces what the stretch
        mapped to. Edits are sorted and do not overlap, and each end is a
        segment boundary or inside a run (as :meth:`to_original` of a view
        span always gives)."""
        builder = _Builder()
        at = 0
        for start, end, stretch in edits:
            self._copy(builder, at, start)
            for kind, o_len, v_len in stretch.segments():
                builder.add(kind, o_len, v_len)
            at = end
        self._copy(builder, at, self.original_length)
        return builder.build()

    def _copy(self, builder: _Builder, start: int, end: int) -> None:
        """Add this map's segments for original ``[start, end)``; a run is cut
        where a bound falls inside it, a block never is."""
        if end <= start:
            return
        k = max(0, bisect_right(self.a, start) - 1)
        while k < len(self.kinds) and self.a[k] < end:
            first, last = max(self.a[k], start), min(self.a[k + 1], end)
            if self.kinds[k] == RUN:
                builder.add(RUN, last - first, last - first)
            else:
                if (first, last) != (self.a[k], self.a[k + 1]):
                    raise ValueError(f"a splice may not cut the block at {self.a[k]}")
                builder.add(BLOCK, last - first, self.b[k + 1] - self.b[k])
            k += 1


def _map_point(
    src: tuple[int, ...], dst: tuple[int, ...], kinds: bytes, p: int, closing: bool
) -> int:
    if p <= 0 or not kinds:
        return 0 if p <= 0 else dst[-1]
    if p >= src[-1]:
        return dst[-1]
    k = bisect_right(src, p) - 1
    offset = p - src[k]
    if offset == 0:
        return dst[k]
    if kinds[k] == RUN:
        return dst[k] + offset
    return dst[k + 1] if closing else dst[k]


def _map_span(
    src: tuple[int, ...], dst: tuple[int, ...], kinds: bytes, start: int, end: int
) -> tuple[int, int]:
    if end < start:
        raise ValueError(f"span end {end} before start {start}")
    first = _map_point(src, dst, kinds, start, closing=False)
    last = _map_point(src, dst, kinds, end, closing=True)
    if end > start and last == first:
        # a non-empty span inside a block that maps to nothing would vanish:
        # widen it to the whole segment so it stays visible and reversible.
        k = min(bisect_right(src, start) - 1, len(kinds) - 1)
        first, last = dst[k], dst[k + 1]
    return first, last


def concatenate(maps: list[OffsetMap]) -> OffsetMap:
    """The map of texts written one after another, each with its own map."""
    builder = _Builder()
    for piece in maps:
        for kind, o_len, v_len in piece.segments():
            builder.add(kind, o_len, v_len)
    return builder.build()


class _Builder:
    def __init__(self) -> None:
        self.a: list[int] = [0]
        self.b: list[int] = [0]
        self.kinds = bytearray()

    def add(self, kind: int, o_len: int, v_len: int) -> None:
        if o_len == 0 and v_len == 0:
            return
        if self.kinds and self.kinds[-1] == kind == RUN:
            self.a[-1] += o_len
            self.b[-1] += v_len
            return
        self.kinds.append(kind)
        self.a.append(self.a[-1] + o_len)
        self.b.append(self.b[-1] + v_len)

    def trim_run(self, count: int) -> None:
        """Give back the last ``count`` characters of the trailing run."""
        if count == 0:
            return
        self.a[-1] -= count
        self.b[-1] -= count
        if self.a[-1] == self.a[-2]:
            self.a.pop()
            self.b.pop()
            self.kinds.pop()

    def trailing_run(self) -> int:
        if self.kinds and self.kinds[-1] == RUN:
            return self.a[-1] - self.a[-2]
        return 0

    def build(self) -> OffsetMap:
        return OffsetMap(tuple(self.a), tuple(self.b), bytes(self.kinds))


def common_prefix(x: str, i: int, y: str, j: int) -> int:
    """Length of the common prefix of ``x[i:]`` and ``y[j:]``, by galloping slice compares."""
    limit = min(len(x) - i, len(y) - j)
    k, step = 0, 32
    while k < limit:
        size = min(step, limit - k)
        if x[i + k : i + k + size] == y[j + k : j + k + size]:
            k += size
            step *= 2
            continue
        lo, hi = 0, size  # x and y agree on lo characters, differ within hi
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if x[i + k : i + k + mid] == y[j + k : j + k + mid]:
                lo = mid
            else:
                hi = mid
        return k + lo
    return k


def align(
    original: str,
    converted: str,
    convert: Callable[[str], str],
    *,
    charwise: str | None = None,
    char: Callable[[str], str] | None = None,
) -> OffsetMap:
    """Map ``original`` to ``converted``, the phrase-aware conversion of it.

    ``convert`` converts a few characters at a time. The character-by-character
    conversion comes either as ``charwise`` (the whole text, one code point per
    code point, a sentinel where a character's conversion is longer) — best when
    many characters change — or as ``char`` (one character at a time) — best
    when few do, as with the variant-only configurations.
    """
    if charwise is not None and len(charwise) != len(original):
        raise ValueError("charwise must have one code point per original code point")
    if charwise is None and char is None:
        raise ValueError("give charwise or char")
    reference = charwise if charwise is not None else original
    if charwise is not None:
        cw: Callable[[int], str] = charwise.__getitem__
    else:
        assert char is not None

        def cw(k: int) -> str:
            return char(original[k])

    n, m = len(original), len(converted)
    builder = _Builder()
    i = j = 0
    while i < n and j < m:
        run = common_prefix(reference, i, converted, j)
        builder.add(RUN, run, run)
        i += run
        j += run
        if charwise is None:
            while i < n and j < m and original[i] != converted[j] and cw(i) == converted[j]:
                builder.add(RUN, 1, 1)
                i += 1
                j += 1
            if i < n and j < m and original[i] == converted[j]:
                continue
        if i >= n or j >= m:
            break
        back, o_len, v_len = _phrase_at(
            original, cw, converted, i, j, builder.trailing_run(), convert
        )
        builder.trim_run(back)
        builder.add(BLOCK, o_len, v_len)
        i += o_len - back
        j += v_len - back
    builder.add(BLOCK, n - i, m - j)
    return builder.build()


def _phrase_at(
    original: str,
    cw: Callable[[int], str],
    converted: str,
    i: int,
    j: int,
    run_before: int,
    convert: Callable[[str], str],
) -> tuple[int, int, int]:
    """Find the phrase that makes ``charwise`` and ``converted`` differ at (i, j).

    Returns (characters taken back from the run before, original length,
    view length) of a block starting ``back`` characters before (i, j).
    """
    n = len(original)
    max_back = min(MAX_BACK, run_before)
    # Shortest candidates first: a two-character phrase whose first character
    # happened to match (头发 → 頭髮) is (back 1, length 2), the third try.
    for length in range(1, MAX_PHRASE + 1):
        for back in range(min(max_back, length - 1) + 1):
            start, vstart = i - back, j - back
            if start + length > n:
                continue
            out = convert(original[start : start + length])
            if (
                out
                and converted.startswith(out, vstart)
                and _continues(
                    original, cw, converted, start + length, vstart + len(out), convert, 2
                )
            ):
                return back, length, len(out)
    return (0, *_resync(original, cw, converted, i, j))


def _continues(
    original: str,
    cw: Callable[[int], str],
    converted: str,
    end: int,
    vend: int,
    convert: Callable[[str], str],
    depth: int,
) -> bool:
    """Whether the texts agree again right after a candidate phrase, allowing up
    to ``depth`` further phrases in a row (内存软件 → 記憶體軟體)."""
    n, m = len(original), len(converted)
    if end == n or vend == m:
        return end == n and vend == m
    if cw(end) == converted[vend]:
        return True
    if depth == 0:
        return False
    for length in range(1, min(MAX_PHRASE, n - end) + 1):
        out = convert(original[end : end + length])
        if (
            out
            and converted.startswith(out, vend)
            and _continues(
                original, cw, converted, end + length, vend + len(out), convert, depth - 1
            )
        ):
            return True
    return False


#: Characters that must agree for :func:`_resync` to trust a re-alignment.
ANCHOR = 4


def _resync(
    original: str, cw: Callable[[int], str], converted: str, i: int, j: int
) -> tuple[int, int]:
    """Lengths of the smallest block after which the texts agree again for a few
    characters; failing that, up to the next line break, which OpenCC never moves."""
    n, m = len(original), len(converted)
    for total in range(2, 4 * MAX_PHRASE):
        for di in range(1, total):
            dj = total - di
            if i + di > n or j + dj > m:
                continue
            if i + di == n and j + dj == m:
                return di, dj
            window = min(ANCHOR, n - i - di, m - j - dj)
            if window and all(cw(i + di + k) == converted[j + dj + k] for k in range(window)):
                return di, dj
    o_break, v_break = original.find("\n", i + 1), converted.find("\n", j + 1)
    if o_break == -1 or v_break == -1:
        return n - i, m - j
    return o_break - i, v_break - j


class Utf16Index:
    """Convert code-point offsets of one text to UTF-16 offsets and back."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.astral = (
            [k for k, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        )
        self.units = self.length + len(self.astral)

    def to_utf16(self, p: int) -> int:
        return p + bisect_left(self.astral, p) if self.astral else p

    def from_utf16(self, u: int, *, closing: bool = False) -> int:
        """The code point at UTF-16 offset ``u``; inside a surrogate pair, the
        character's start (or its end when ``closing``)."""
        if not self.astral:
            return max(0, min(u, self.length))
        lo, hi = 0, self.length
        while lo < hi:  # smallest p with to_utf16(p) >= u
            mid = (lo + hi) // 2
            if self.to_utf16(mid) < u:
                lo = mid + 1
            else:
                hi = mid
        if self.to_utf16(lo) > u and not closing:
            return lo - 1
        return lo
