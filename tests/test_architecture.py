"""The layers of docs/architecture.md, checked on the source: what may import what, and no
import circles between modules."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "desktop_app"


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        name = ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside functions (``from package import
    submodule`` counts as the submodule only)."""
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            submodules = [name for name in names if name in MODULES]
            targets.update(submodules)
            if len(submodules) < len(names):
                targets.add(node.module)
        elif isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
    return targets


def _ours(module: str) -> set[str]:
    return {t for t in _imports(MODULES[module]) if t in MODULES and t != module}


def _layer(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def test_domain_and_importing_stay_pure() -> None:
    for module, path in MODULES.items():
        layer = _layer(module)
        if layer not in ("domain", "importing"):
            continue
        allowed = {"domain"} if layer == "domain" else {"domain", "importing"}
        wrong = {t for t in _ours(module) if _layer(t) not in allowed}
        assert not wrong, f"{module} imports {sorted(wrong)}"
        foreign = {t.split(".")[0] for t in _imports(path)} & {"sqlalchemy", "PySide6"}
        assert not foreign, f"{module} imports {sorted(foreign)}"


def test_only_the_ui_imports_qt_and_nothing_below_imports_the_ui() -> None:
    for module, path in MODULES.items():
        layer = _layer(module)
        if layer in ("ui", "app", "selftest", "__main__", "cli"):
            continue
        assert not any(t.startswith("PySide6") for t in _imports(path)), module
        assert not any(_layer(t) == "ui" for t in _ours(module)), module


def test_the_ui_imports_no_sqlalchemy() -> None:
    """The screens talk to the Desk and the Office (services), never to the database."""
    talking = sorted(
        module
        for module, path in MODULES.items()
        if _layer(module) == "ui" and any(t.split(".")[0] == "sqlalchemy" for t in _imports(path))
    )
    assert talking == []


def test_no_import_circles() -> None:
    graph = {module: _ours(module) for module in MODULES}
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for module in graph:
        if module not in index:
            visit(module)
    assert circles == []


def test_every_package_ships_in_the_wheel_and_the_bundle() -> None:
    # pyproject.toml lists the packages by name (resources/ ships as desktop_app.resources):
    # one left out installs from a wheel or a bundle without it, while an editable install
    # (the tests, CI) still finds it in the checkout.
    import tomllib

    root = Path(__file__).resolve().parents[1]
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(root).parts)
        for init in (root / "desktop_app").rglob("__init__.py")
    }
    assert found - listed == set(), "packages missing from pyproject.toml"
    assert listed - found == {"desktop_app.resources"}
