"""What crosses the command line's edge: arguments checked on the way in, text
escaped on the way out.

In
    argparse types that range-check every number and name before any work
    starts, so a value SQLite, Python or the file system would choke on
    (``show 9223372036854775808``, ``--max-size nan``, ``--library ""``)
    is a one-line usage error (exit 2), never an ``OverflowError``.

Out
    Titles, file names and article text come from files anyone can write. A
    terminal obeys the control characters in them (ESC clears the screen or
    retitles the window, a carriage return overwrites a line, bidirectional
    overrides reorder what is shown), so :func:`one_line` shows every control
    character as an escape (``\\x1b``, ``\\u202e``) and :func:`for_terminal`
    does the same for multi-line text while keeping line breaks and tabs.
    ``--json`` output is JSON-escaped by the encoder and left alone.
"""

from __future__ import annotations

import argparse
import math
import sys
import unicodedata
from typing import TextIO

#: SQLite's INTEGER: an article id beyond it cannot exist.
MAX_ID = 2**63 - 1
MAX_LIMIT = 10_000
MAX_MEGABYTES = 2048.0

#: Format characters that change the order or direction text is shown in.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# -- in ---------------------------------------------------------------------------------


def article_id(text: str) -> int:
    """An article id: a whole number from 1 to 2**63-1."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an article id: {one_line(text)!s}") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"not an article id: {one_line(text)} (ids are whole numbers from 1 to {MAX_ID})"
        )
    return value


def limit(text: str) -> int:
    """How many results: a whole number from 1 to :data:`MAX_LIMIT`."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {one_line(text)}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_LIMIT}, not {value}")
    return value


def megabytes(text: str) -> float:
    """A size in megabytes: a finite number above 0 and at most :data:`MAX_MEGABYTES`."""
    try:
        value = float(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {one_line(text)}") from None
    if not math.isfinite(value) or not 0 < value <= MAX_MEGABYTES:
        raise argparse.ArgumentTypeError(
            f"must be a positive number of megabytes up to {MAX_MEGABYTES:g}, not {one_line(text)}"
        )
    return value


def path_text(text: str) -> str:
    """A path the user typed: not empty (an empty one would mean "here", silently)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty: give a path")
    if "\x00" in text:
        raise argparse.ArgumentTypeError("contains a NUL character")
    return text


# -- out --------------------------------------------------------------------------------


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _hidden(ch: str) -> bool:
    """A character a terminal acts on rather than shows."""
    if ch in _BIDI:
        return True
    category = unicodedata.category(ch)
    return category in ("Cc", "Cs", "Zl", "Zp")


def one_line(text: object) -> str:
    """``text`` on one line: every control character (line breaks too) escaped."""
    value = str(text)
    if value.isprintable():
        return value
    return "".join(_escape(ch) if _hidden(ch) else ch for ch in value)


def for_terminal(text: str, stream: TextIO | None = None) -> str:
    """Multi-line text for ``stream`` (default stdout): when it is a terminal,
    control characters other than line breaks and tabs are escaped; text for a
    file or a pipe is passed on as it is."""
    stream = stream if stream is not None else sys.stdout
    isatty = getattr(stream, "isatty", None)
    if isatty is None or not isatty():
        return text
    return "".join(_escape(ch) if _hidden(ch) and ch not in "\n\t" else ch for ch in text)
