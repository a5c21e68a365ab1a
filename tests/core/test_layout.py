"""The shape of the code: one package per concern, entered through its ``__init__``.

import-linter (``./dev lint``) checks that the core never imports Qt and that
its packages depend one way; these tests check what it cannot: where modules
live, that each package says what it holds, that other packages import a
package's public names rather than its inner modules, and that no two
modules need each other when the program runs.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import grimp
import pytest

import duizhao

PACKAGE = Path(duizhao.__file__).parent
CORE = PACKAGE / "core"
#: Shared helpers every package may use; everything else lives in a package.
CORE_HELPERS = {"__init__.py", "resources.py", "yielding.py"}


def core_packages() -> list[Path]:
    return sorted(p for p in CORE.iterdir() if (p / "__init__.py").is_file())


def test_every_core_module_is_inside_a_package() -> None:
    loose = sorted(p.name for p in CORE.glob("*.py") if p.name not in CORE_HELPERS)
    assert loose == []


@pytest.mark.parametrize("package", core_packages(), ids=lambda p: p.name)
def test_each_package_docstring_names_its_modules_and_exports_names(package: Path) -> None:
    tree = ast.parse((package / "__init__.py").read_text("utf-8"))
    doc = ast.get_docstring(tree) or ""
    modules = sorted(p.stem for p in package.glob("*.py") if p.name != "__init__.py")
    unnamed = [m for m in modules if f":mod:`.{m}`" not in doc]
    assert unnamed == [], f"{package.name}/__init__.py does not describe {unnamed}"
    exported = [
        node
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "__all__" for t in node.targets)
    ]
    assert exported, f"{package.name}/__init__.py has no __all__"


def _package_of(path: Path) -> str | None:
    """The core package a source file belongs to (None outside the core's packages)."""
    parts = path.relative_to(PACKAGE).parts
    if parts[0] == "core" and len(parts) > 2:
        return parts[1]
    return None


def test_other_packages_import_a_package_not_its_inner_modules() -> None:
    names = {p.name for p in core_packages()}
    reaching_in: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        home = _package_of(path)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            modules: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            for module in modules:
                parts = module.split(".")
                inner = parts[:2] == ["duizhao", "core"] and len(parts) > 3 and parts[2] in names
                if inner and parts[2] != home:
                    where = path.relative_to(PACKAGE)
                    reaching_in.append(f"{where}:{node.lineno} imports {module}")
    assert reaching_in == []


def test_no_two_modules_need_each_other_at_run_time() -> None:
    """Strongly connected modules of the import graph, annotations left out."""
    sys.path.insert(0, str(PACKAGE.parent))
    try:
        graph = grimp.build_graph("duizhao", exclude_type_checking_imports=True)
    finally:
        sys.path.remove(str(PACKAGE.parent))
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in sorted(graph.modules)}
    assert _cycles(edges) == []


def _cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of more than one module, iteratively."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if child < len(targets):
                work.append((node, child + 1))
                target = targets[child]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}
    assert _cycles(edges) == [["a", "b", "c"]]
