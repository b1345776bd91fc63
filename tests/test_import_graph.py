"""The import graph of ``extractors`` and ``crawler`` has no cycle (it had one: registry <-> sites).

Edges are read from the source with :mod:`ast`, module-level and function-level imports alike, so an
import hidden inside a function to dodge a cycle still counts; imports under ``if TYPE_CHECKING:`` are
for the type checker only and never run, so they are no edges. ``from pkg import name`` is an edge to
``pkg.name`` when that is a module, else to ``pkg``. Imports made by name at run time
(``importlib.import_module``, as the publisher registry does) are no edges: they name no module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("extractors", "crawler")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text("utf-8"))
    type_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If) and _is_type_checking(block.test)
                 for stmt in block.body for node in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in known else base)
    return {module for module in found if module in known and module != name}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path ``[a, b, ..., a]``, or ``None``."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycle() -> None:
    graph = import_graph()
    assert "extractors.registry" in graph and "crawler.spiders.news" in graph
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_profiles_do_not_import_the_registry() -> None:
    graph = import_graph()
    for name, targets in graph.items():
        if name.startswith("extractors.sites"):
            assert "extractors.registry" not in targets, name


@pytest.mark.parametrize(("graph", "cycle"), [
    ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
    ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
])
def test_find_cycle_finds_cycles(graph: dict[str, set[str]], cycle: list[str] | None) -> None:
    assert find_cycle(graph) == cycle


def test_the_old_circle_would_be_found() -> None:
    """The registry <-> sites circle this test was written against, rebuilt in the graph."""
    graph = import_graph()
    graph["extractors.registry"] = {*graph["extractors.registry"], "extractors.sites"}
    graph["extractors.sites"] = {*graph["extractors.sites"], "extractors.sites.vtv"}
    graph["extractors.sites.vtv"] = {*graph["extractors.sites.vtv"], "extractors.registry"}
    assert find_cycle(graph) is not None
