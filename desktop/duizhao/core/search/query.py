"""The search query language, parsed into a small engine-neutral tree.

What a user can type::

    稀土 出口管制            both words (AND is implied)
    "出口 管制"  “美国国债”     an exact phrase (ASCII or Chinese quotes, 「」 too)
    镓 OR 锗   镓 | 锗         either
    NOT 日本   -日本           exclusion
    (镓 OR 锗) AND 日本        grouping
    title:峰会  source:海峡时报  author:林志远  script:traditional
    date:2026-03   date:2026-02-01..2026-03-15   date:>=2026-03-01   date:<2026-03

A run of Chinese characters is one term; the engine decides how to match it
(the Whoosh engine cuts it into words and requires them in order). Nothing a
user types is an error: unbalanced quotes and brackets, lone operators and
unknown fields give best-effort results plus a :attr:`Parsed.warnings` line.
Only an empty query is refused (:class:`QueryError`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 1_000
MAX_TERMS = 64
MAX_DEPTH = 32  # brackets and NOT inside each other (the parser recurses)
TEXT_FIELDS = ("title", "body", "source", "author")
FILTER_FIELDS = ("script",)
DATE_FIELDS = ("date", "published")
FIELD_ALIASES = {
    "published": "date",
    "标题": "title",
    "標題": "title",
    "来源": "source",
    "來源": "source",
    "作者": "author",
}
SCRIPTS = ("simplified", "traditional", "mixed", "unknown")
_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "＂": "＂"}
_OPERATORS = {"AND", "OR", "NOT", "&&", "||", "|", "&", "且", "或", "非"}


class QueryError(ValueError):
    """A query that cannot be searched at all; the message is for the user."""


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    field: str | None = None  # None: title and body
    phrase: bool = False  # typed in quotes


@dataclass(frozen=True, slots=True)
class Filter:
    field: str  # "script"
    value: str


@dataclass(frozen=True, slots=True)
class DateRange:
    start: dt.date | None  # inclusive
    end: dt.date | None  # inclusive
    #: typed the other way round (``2026-03..2026-01``) and read in order
    swapped: bool = field(default=False, compare=False)


#: A date range no date falls in (``date:>9999-12-31``).
NOTHING = DateRange(dt.date.max, dt.date.min)


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


Node = Term | Filter | DateRange | And | Or | Not


@dataclass(slots=True)
class Parsed:
    tree: Node
    warnings: list[str] = field(default_factory=list)

    def positive_terms(self) -> list[Term]:
        """Terms that make a document match (not under NOT): what to highlight."""
        found: list[Term] = []
        _collect(self.tree, found, negated=False)
        return found


def _collect(node: Node, found: list[Term], negated: bool) -> None:
    if isinstance(node, Term):
        if not negated and node.field in (None, "body", "title"):
            found.append(node)
    elif isinstance(node, And | Or):
        for child in node.children:
            _collect(child, found, negated)
    elif isinstance(node, Not):
        _collect(node.child, found, not negated)


# -- lexing -----------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<open>[(（])
  | (?P<close>[)）])
  | (?P<quote>["“「『＂])
  | (?P<minus>-(?=\S))
  | (?P<plus>\+(?=\S))
  | (?P<range>[^\s()（）"“”「」『』＂\[\]]+[:：]\[[^\s\]]*\s+(?:to|TO)\s+[^\s\]]*\])
  | (?P<word>[^\s()（）"“”「」『』＂]+)
    """,
    re.X,
)


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # word, phrase, open, close, op, minus, plus
    text: str


def _lex(query: str, warnings: list[str]) -> list[_Tok]:
    tokens: list[_Tok] = []
    i = 0
    while i < len(query):
        match = _TOKEN.match(query, i)
        if match is None:  # a stray closing quote: skip it
            i += 1
            continue
        kind = match.lastgroup or "space"
        text = match.group(0)
        i = match.end()
        if kind == "space":
            continue
        if kind == "quote":
            closing = _QUOTES[text]
            end = query.find(closing, i)
            if end == -1:
                warnings.append(f"unbalanced quote {text}: searched the rest as a phrase")
                end = len(query)
            phrase = query[i:end].strip()
            i = end + 1
            if phrase:
                tokens.append(_Tok("phrase", phrase))
            continue
        if kind == "word" and text.upper() in _OPERATORS or text in _OPERATORS:
            tokens.append(_Tok("op", _operator(text)))
            continue
        tokens.append(_Tok("word" if kind == "range" else kind, text))
    return tokens


def _operator(text: str) -> str:
    upper = text.upper()
    if upper in ("AND", "&&", "&", "且"):
        return "AND"
    if upper in ("OR", "||", "|", "或"):
        return "OR"
    return "NOT"


# -- parsing ----------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[_Tok], warnings: list[str]) -> None:
        self.tokens = tokens
        self.at = 0
        self.warnings = warnings
        self.terms = 0
        self.depth = 0

    def peek(self) -> _Tok | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Tok:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse(self) -> Node | None:
        nodes: list[Node] = []
        while self.peek() is not None:
            node = self.or_expr()
            if node is not None:
                nodes.append(node)
            token = self.peek()
            if token is not None and token.kind == "close":
                self.take()
                self.warnings.append("unbalanced ')': ignored")
        return _and(nodes)

    def or_expr(self) -> Node | None:
        parts = [self.and_expr()]
        while (token := self.peek()) is not None and token.kind == "op" and token.text == "OR":
            self.take()
            parts.append(self.and_expr())
        kept = [p for p in parts if p is not None]
        if len(parts) > 1 and len(kept) < len(parts):
            self.warnings.append("OR with nothing on one side: ignored")
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(tuple(kept))

    def and_expr(self) -> Node | None:
        parts: list[Node] = []
        while (token := self.peek()) is not None:
            if token.kind == "close" or (token.kind == "op" and token.text == "OR"):
                break
            if token.kind == "op" and token.text == "AND":
                self.take()
                if not parts:
                    self.warnings.append("AND with nothing before it: ignored")
                continue
            node = self.unary()
            if node is not None:
                parts.append(node)
        return _and(parts)

    def unary(self) -> Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                token = self.take()
                if token.kind in ("word", "phrase"):
                    return self.unary_token(token)
                self.warnings.append(
                    f"brackets or NOT nested more than {MAX_DEPTH} deep: the inner ones ignored"
                )
                return None
            return self.unary_token(self.take())
        finally:
            self.depth -= 1

    def unary_token(self, token: _Tok) -> Node | None:
        if token.kind == "minus" or (token.kind == "op" and token.text == "NOT"):
            if self.peek() is None or self.peek().kind in ("close",):  # type: ignore[union-attr]
                self.warnings.append(f"{token.text} with nothing after it: ignored")
                return None
            child = self.unary()
            return None if child is None else Not(child)
        if token.kind == "plus":
            return self.unary() if self.peek() is not None else None
        if token.kind == "open":
            inner = self.or_expr()
            following = self.peek()
            if following is not None and following.kind == "close":
                self.take()
            else:
                self.warnings.append("unbalanced '(': closed at the end")
            return inner
        if token.kind == "close":
            self.warnings.append("unbalanced ')': ignored")
            return None
        if token.kind == "op":
            return None
        if token.kind == "phrase":
            return self.term(token.text, None, phrase=True)
        return self.word(token.text)

    def word(self, text: str) -> Node | None:
        name, colon, value = text.partition(":")
        if not colon:
            name, colon, value = text.partition("：")
        if colon and name and not re.fullmatch(r"https?|ftp", name, re.I):
            key = FIELD_ALIASES.get(name.lower(), name.lower())
            if not value:  # field:"a phrase"
                following = self.peek()
                if following is not None and following.kind == "phrase" and key in TEXT_FIELDS:
                    self.take()
                    return self.term(following.text, key, phrase=True)
            if key in TEXT_FIELDS and value:
                return self.term(value, key, phrase=False)
            if key in FILTER_FIELDS and value:
                if value.lower() not in SCRIPTS:
                    self.warnings.append(
                        f"script:{value} is not one of {', '.join(SCRIPTS)}: ignored"
                    )
                    return None
                return Filter("script", value.lower())
            if key in DATE_FIELDS and value:
                found = parse_date_range(value)
                if found is None:
                    self.warnings.append(f"date:{value} is not a date or range: ignored")
                elif found == NOTHING:
                    self.warnings.append(f"date:{value}: no date can be there, so nothing matches")
                elif found.swapped and found.start and found.end:
                    self.warnings.append(
                        f"date:{value} ends before it starts: searched "
                        f"{found.start.isoformat()}..{found.end.isoformat()}"
                    )
                return found
            if key not in TEXT_FIELDS + FILTER_FIELDS + DATE_FIELDS:
                fields = ", ".join(TEXT_FIELDS[:1] + TEXT_FIELDS[2:] + FILTER_FIELDS + ("date",))
                self.warnings.append(f"unknown field '{name}:' (use {fields}): searched as text")
                return self.term(text, None, phrase=False)
            self.warnings.append(f"{name}{colon} with nothing after it: ignored")
            return None
        return self.term(text, None, phrase=False)

    def term(self, text: str, field_name: str | None, phrase: bool) -> Node | None:
        self.terms += 1
        if self.terms > MAX_TERMS:
            if self.terms == MAX_TERMS + 1:
                self.warnings.append(f"more than {MAX_TERMS} terms: the rest ignored")
            return None
        return Term(text, field_name, phrase)


def _and(nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


def parse(query: str) -> Parsed:
    """Parse ``query``; raises :class:`QueryError` only when nothing is left to search."""
    warnings: list[str] = []
    cleaned = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in query)
    if len(cleaned) > MAX_QUERY_CHARS:
        warnings.append(f"query longer than {MAX_QUERY_CHARS} characters: the rest ignored")
        cleaned = cleaned[:MAX_QUERY_CHARS]
    if not cleaned.strip():
        raise QueryError('empty query: type words, "a phrase", or field:value')
    tree = _Parser(_lex(cleaned, warnings), warnings).parse()
    if tree is None:
        if warnings:  # everything was dropped: say why
            reasons = "; ".join(dict.fromkeys(warnings))
            raise QueryError(f"nothing to search for in this query: {reasons}")
        raise QueryError("nothing to search for in this query (only operators or brackets)")
    if _only_negative(tree):
        raise QueryError("the query only excludes (NOT/-): add something to search for")
    return Parsed(tree, list(dict.fromkeys(warnings)))


def _only_negative(node: Node) -> bool:
    if isinstance(node, Not):
        return True
    if isinstance(node, And):
        return all(_only_negative(child) for child in node.children)
    return False


# -- dates ------------------------------------------------------------------------

_DAY = r"(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?"


def _bounds(text: str) -> tuple[dt.date, dt.date] | None:
    match = re.fullmatch(_DAY, text.strip())
    if not match:
        return None
    year = int(match[1])
    try:
        if match[3]:
            day = dt.date(year, int(match[2]), int(match[3]))
            return day, day
        if match[2]:
            month = int(match[2])
            first = dt.date(year, month, 1)
            return first, first.replace(day=calendar.monthrange(year, month)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def parse_date_range(value: str) -> DateRange | None:
    """``2026``, ``2026-03``, ``2026-03-01``, ``A..B`` (either side open),
    ``[A TO B]``, ``>=A``, ``>A``, ``<=A``, ``<A``."""
    value = value.strip()
    bracket = re.fullmatch(r"\[\s*(\S*)\s+(?:to|TO)\s+(\S*)\s*\]", value)
    if bracket:
        value = f"{bracket[1]}..{bracket[2]}"
    comparison = re.fullmatch(r"(>=|<=|>|<)(.+)", value)
    if comparison:
        op, rest = comparison.groups()
        bounds = _bounds(rest)
        if bounds is None:
            return None
        one = dt.timedelta(days=1)
        if op == ">=":
            return DateRange(bounds[0], None)
        if op == "<=":
            return DateRange(None, bounds[1])
        if op == ">":  # after the last day there can be: nothing
            return NOTHING if bounds[1] == dt.date.max else DateRange(bounds[1] + one, None)
        return NOTHING if bounds[0] == dt.date.min else DateRange(None, bounds[0] - one)
    if ".." in value:
        left, right = value.split("..", 1)
        low = _bounds(left) if left else None
        high = _bounds(right) if right else None
        if (left and low is None) or (right and high is None) or not (left or right):
            return None
        if low and high and low[0] > high[1]:
            return DateRange(high[0], low[1], swapped=True)
        return DateRange(low[0] if low else None, high[1] if high else None)
    bounds = _bounds(value)
    return None if bounds is None else DateRange(*bounds)
