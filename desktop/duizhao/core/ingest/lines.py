"""The text being cleaned, as numbered lines that rules mark rather than delete.

Marking keeps the record of what was removed and by which rule, so that the
library can show it and cleaning can be re-run from the kept raw input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from duizhao.core.library import Removed


@dataclass(slots=True)
class Line:
    number: int  # 1-based
    text: str
    removed_by: str | None = None

    @property
    def kept(self) -> bool:
        return self.removed_by is None

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class Lines:
    def __init__(self, text: str) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.items = [Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]
        self.inline_removed: list[Removed] = []

    def kept(self) -> Iterator[Line]:
        return (line for line in self.items if line.kept and not line.blank)

    def remove(self, line: Line, rule: str) -> None:
        if line.kept:
            line.removed_by = rule

    def removed(self) -> list[Removed]:
        found = [
            Removed(ln.removed_by, ln.text.strip(), ln.number)
            for ln in self.items
            if ln.removed_by is not None and not ln.blank
        ]
        found.extend(self.inline_removed)
        found.sort(key=lambda r: r.line)
        return found

    def text(self) -> str:
        """The kept lines, stripped, with runs of blank lines collapsed to one."""
        out: list[str] = []
        blank = False
        for line in self.items:
            if not line.kept:
                continue
            stripped = line.text.strip()
            if not stripped:
                blank = bool(out)
                continue
            if blank:
                out.append("")
                blank = False
            out.append(stripped)
        return "\n".join(out)
