"""The house rules, read off the source: no import cycles inside `glossary` (imports inside
functions and under TYPE_CHECKING counted), imports that point one way between the layers, and
typer and rich only in the command line and the renderers (see docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "glossary"

LAYERS = {
    "glossary": 10,  # the library's face: open() and the result types
    "glossary.cli": 9,
    "glossary.lsp": 8,
    "glossary.render": 7,
    "glossary.library": 6,
    "glossary.check": 5,  # built on scan: the findings judge the scanner's occurrences
    "glossary.search": 4,
    "glossary.scan": 4,
    "glossary.extract": 4,
    "glossary.importers": 4,
    "glossary.exporters": 4,
    "glossary.index": 3,
    "glossary.termbase": 2,
    "glossary.text": 1,
    "glossary.model": 0,
    "glossary.errors": 0,
    "glossary.progress": 0,
    "glossary.version": 0,
    "glossary.exchange": 0,
}
"""Each module may import its own package and the layers below it, never above or beside."""
TERMINAL_LIBRARIES = ("typer", "rich", "click")
MAY_USE_THE_TERMINAL = ("glossary.cli", "glossary.render")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """Every module `name` imports, anywhere in its source."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def internal_imports(name: str) -> set[str]:
    return {target for target in imports_of(name) if target in MODULES and target != name}


def layer_of(name: str) -> tuple[str, int]:
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if name == prefix or name.startswith(prefix + "."):
            return prefix, LAYERS[prefix]
    raise AssertionError(f"{name}: in no layer of tests/test_architecture.py: add it there")


def test_there_is_no_import_cycle() -> None:
    graph = {name: internal_imports(name) for name in MODULES}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(cycle) for cycle in cycles)


def test_imports_point_down_the_layers() -> None:
    wrong = []
    for name in sorted(MODULES):
        package, rank = layer_of(name)
        for target in sorted(internal_imports(name)):
            target_package, target_rank = layer_of(target)
            if target_package != package and target_rank >= rank:
                wrong.append(f"{name} -> {target}")
    assert not wrong, "imports against the layers: " + ", ".join(wrong)


def test_only_the_cli_and_the_renderers_use_the_terminal_libraries() -> None:
    wrong = [
        f"{name} imports {target}"
        for name in sorted(MODULES)
        if not name.startswith(MAY_USE_THE_TERMINAL)
        for target in sorted(imports_of(name))
        if target.split(".")[0] in TERMINAL_LIBRARIES
    ]
    assert not wrong, ", ".join(wrong)


def test_every_package_says_what_lives_there_and_what_it_may_import() -> None:
    for path in PACKAGE.rglob("__init__.py"):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        assert "import" in docstring and len(docstring) > 80, path.relative_to(PACKAGE.parent)
