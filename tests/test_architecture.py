"""The layout keeps its promises: no import circles, glossary never imports align, only the CLI
prints or exits, and project modules are imported at the top of a module, not inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("align", "glossary")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _imports(tree: ast.Module) -> set[str]:
    """Project modules a module imports at its top level (each `from a.b import c` as a.b.c
    when c is a module, else a.b)."""
    out = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.add(full if full in MODULES else node.module)
        elif isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
    return {name for name in out if name in MODULES}


GRAPH = {name: _imports(ast.parse(path.read_text("utf-8"))) for name, path in MODULES.items()}


def test_there_is_no_import_circle() -> None:
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(GRAPH[module]):
            if target.startswith(module + "."):
                continue  # a package's __init__ re-exporting its own modules
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
    assert cycles == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("glossary")))
def test_glossary_never_imports_align(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text("utf-8"))
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {name for name in imported if name and name.split(".")[0] == "align"}


def _calls(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                names.add(f"{func.value.id}.{func.attr}")
    return names


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not m.startswith("align.cli")))
def test_only_the_cli_prints_or_exits(module: str) -> None:
    calls = _calls(ast.parse(MODULES[module].read_text("utf-8")))
    assert not calls & {"print", "sys.exit", "exit", "typer.echo", "typer.Exit"}


def _lazy_project_imports(tree: ast.Module) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and inner.module:
                    names = [inner.module]
                elif isinstance(inner, ast.Import):
                    names = [a.name for a in inner.names]
                else:
                    continue
                if any(name.split(".")[0] in PACKAGES for name in names):
                    lines.append(inner.lineno)
    return lines


# The CLI loads each command's modules when it runs, the package `align` its API on first use and
# the API each stage when a function needs it, so that `align --help` stays light and `check`
# does not load the aligners (see align/__init__.py): they are left out on purpose. So are the
# two modules on the way of `align pair --presplit` on two text files, which load the comparable
# aligner and the Word reader only for a pair or a file that needs them (a light start, issue 12).
LAZY = ("align", "align.api", "align.pairing.pair", "align.readers.files")
EAGER = sorted(m for m in MODULES if m not in LAZY and not m.startswith("align.cli"))


@pytest.mark.parametrize("module", EAGER)
def test_project_modules_are_imported_at_the_top(module: str) -> None:
    assert _lazy_project_imports(ast.parse(MODULES[module].read_text("utf-8"))) == []
