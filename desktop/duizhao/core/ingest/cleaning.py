"""Remove the boilerplate Chinese news platforms wrap around articles.

The rules are data, in ``resources/cleaning/rules.yaml``; this module only
knows the four kinds of rule:

``line``
    a whole line that matches goes (image placeholders, call-to-actions,
    platform disclaimers, share prompts, like counters);
``inline``
    the matching part of a line goes, the rest stays (an image placeholder
    glued to a sentence);
``tail``
    a heading such as 相关内容 / 热门资讯 and everything after it goes, but only
    when it sits in the second half of the text and what follows reads like a
    list of links (short or truncated titles, timestamps) rather than prose;
``head``
    like ``line`` but only among the first lines of the text, above the first
    line of prose (a stray comment counter under the title).

Each rule carries ``examples`` it must remove and ``keep`` lines it must not;
the tests run every one of them.

A rule with a ``field`` (``author`` or ``credits``) removes a byline or a
credit line and says who it names: :meth:`Rule.names` reads the pattern's
``name`` group (with its ``role`` group, or the rule's ``role``), or else every
``role：name`` pair of the line (:func:`credit_pairs`: 监制：… 编辑：…), names
written as in the text. :func:`.metadata.read_credits` turns them into the
article's author and credits, so the names leave the text and never become
people of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from duizhao.core.ingest.dates import DATE_TIME_LINE
from duizhao.core.ingest.lines import Lines
from duizhao.core.library import Removed
from duizhao.core.resources import read_text

RULES_RESOURCE = "cleaning/rules.yaml"
KINDS = ("line", "inline", "tail", "head")
FIELDS = ("author", "credits")
#: ``head`` rules look at this many first non-blank lines.
HEAD_LINES = 8


class RuleError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str
    pattern: re.Pattern[str]
    description: str
    max_length: int | None = None  # ``line`` rules: only lines this short
    examples: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    field: str | None = None  # "author" or "credits": the names of what it removes
    role: str | None = None  # the role when the pattern has no ``role`` group

    def matches(self, line: str) -> bool:
        line = line.strip()
        if self.max_length is not None and len(line) > self.max_length:
            return False
        return self.pattern.search(line) is not None

    def names(self, text: str) -> list[tuple[str, str]]:
        """``(role, name)`` pairs named by a piece this rule removed (empty without a field)."""
        if self.field is None:
            return []
        match = self.pattern.search(text.strip())
        if match is not None and "name" in self.pattern.groupindex and match["name"]:
            groups = match.groupdict()
            role = groups.get("role") or self.role or self.field
            return [(role.strip(), _clean_name(match["name"]))]
        return credit_pairs(text)


#: Roles that credit people at the foot or head of a page.
CREDIT_ROLES = (
    "责任编辑|責任編輯|值班编辑|值班編輯|实习编辑|實習編輯|特约记者|特約記者|"
    "监制|監製|编辑|編輯|校对|校對|审核|審核|审校|審校|编审|編審|主编|主編|终审|終審|"
    "策划|策劃|统筹|統籌|制作|製作|美编|美編|摄影|攝影|记者|記者|编译|編譯|撰文|撰稿|"
    "作者|实习生|實習生|通讯员|通訊員"
)
_NAME = r"(?!(?:" + CREDIT_ROLES + r"))[\u3400-\u9fffA-Za-z·.\-]{1,16}"
_CREDIT_PAIR = re.compile(
    r"(?P<role>" + CREDIT_ROLES + r")\s*[:：|丨｜/／]?\s*"
    r"(?P<name>" + _NAME + r"(?:[ \t、，,]+" + _NAME + r")*)"
)


def credit_pairs(text: str) -> list[tuple[str, str]]:
    """Every ``role name`` pair in a credit line (监制：甲 编辑：乙丙 → two pairs)."""
    return [(m["role"], _clean_name(m["name"])) for m in _CREDIT_PAIR.finditer(text)]


def _clean_name(name: str) -> str:
    return name.strip(" \t，,、:：|丨｜/／()（）[]【】〔〕")


@dataclass(frozen=True, slots=True)
class RuleSet:
    version: int
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def of_kind(self, kind: str) -> list[Rule]:
        return [rule for rule in self.rules if rule.kind == kind]


def parse_rules(text: str) -> RuleSet:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleError(f"cleaning rules are not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError("cleaning rules need a 'version' and a list of 'rules'")
    rules: list[Rule] = []
    seen: set[str] = set()
    for entry in data["rules"]:
        rules.append(_rule(entry))
        if rules[-1].id in seen:
            raise RuleError(f"duplicate cleaning rule id {rules[-1].id!r}")
        seen.add(rules[-1].id)
    return RuleSet(int(data.get("version", 0)), tuple(rules))


def _rule(entry: Any) -> Rule:
    if not isinstance(entry, dict) or "id" not in entry or "pattern" not in entry:
        raise RuleError(f"a cleaning rule needs an 'id' and a 'pattern': {entry!r}")
    kind = entry.get("kind", "line")
    if kind not in KINDS:
        raise RuleError(f"rule {entry['id']}: kind must be one of {', '.join(KINDS)}")
    try:
        pattern = re.compile(entry["pattern"])
    except re.error as exc:
        raise RuleError(f"rule {entry['id']}: bad pattern: {exc}") from None
    field_name = entry.get("field")
    if field_name is not None and field_name not in FIELDS:
        raise RuleError(f"rule {entry['id']}: field must be one of {', '.join(FIELDS)}")
    return Rule(
        id=str(entry["id"]),
        kind=kind,
        pattern=pattern,
        description=str(entry.get("description", "")),
        max_length=entry.get("max_length"),
        examples=tuple(entry.get("examples") or ()),
        keep=tuple(entry.get("keep") or ()),
        field=field_name,
        role=entry.get("role"),
    )


@cache
def default_rules() -> RuleSet:
    return parse_rules(read_text(RULES_RESOURCE))


def apply_line_rules(lines: Lines, rules: RuleSet) -> None:
    line_rules = rules.of_kind("line")
    for line in lines.kept():
        for rule in line_rules:
            if rule.matches(line.text):
                lines.remove(line, rule.id)
                break
    head_rules = rules.of_kind("head")
    for index, line in enumerate(list(lines.kept())):
        if index >= HEAD_LINES or "。" in line.text:  # the body has started
            break
        for rule in head_rules:
            if rule.matches(line.text):
                lines.remove(line, rule.id)
                break


def apply_tail_rules(lines: Lines, rules: RuleSet) -> None:
    # Again after a cut: what is left is judged as cleaning it a second time would.
    while _cut_tail(lines, rules):
        pass


def _cut_tail(lines: Lines, rules: RuleSet) -> bool:
    tail_rules = rules.of_kind("tail")
    kept = list(lines.kept())
    if not tail_rules or len(kept) < 3:
        return False
    total = sum(len(line.text) for line in kept)
    seen = 0
    for position, line in enumerate(kept):
        seen += len(line.text)
        if seen < total / 2:
            continue
        rule = next((r for r in tail_rules if r.matches(line.text)), None)
        if rule is None:
            continue
        rest = kept[position + 1 :]
        if rest and _reads_like_link_list([item.text for item in rest]):
            for item in kept[position:]:
                lines.remove(item, rule.id)
            return True
    return False


_TRUNCATED = re.compile(r"(\.\.\.|…|⋯)\s*$")


def _reads_like_link_list(texts: list[str]) -> bool:
    """True when most lines are link titles: short, truncated with …, or timestamps."""
    linkish = 0
    for text in texts:
        stripped = text.strip()
        if (
            len(stripped) <= 30
            or _TRUNCATED.search(stripped)
            or DATE_TIME_LINE.match(stripped)
            or re.search(r"(\.\.\.|…)\s", stripped)
        ):
            linkish += 1
    return linkish >= 0.7 * len(texts)


def apply_inline_rules(lines: Lines, rules: RuleSet) -> None:
    inline_rules = rules.of_kind("inline")
    line_rules = rules.of_kind("line")
    for line in lines.kept():
        before = line.text
        for rule in inline_rules:

            def record(match: re.Match[str], rule: Rule = rule, number: int = line.number) -> str:
                lines.inline_removed.append(Removed(rule.id, match.group(0), number))
                return ""

            line.text = rule.pattern.sub(record, line.text)
        if line.text != before:
            # what is left may be boilerplate itself ("![]()对此你怎么看？")
            found = next((r for r in line_rules if r.matches(line.text)), None)
            if found is not None:
                lines.remove(line, found.id)


def removed_summary(removed: list[Removed]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in removed:
        counts[item.rule] = counts.get(item.rule, 0) + 1
    return counts
