"""The imports of ``spapi_async`` go the declared way (docs/ARCHITECTURE.md, section 2).

The source is parsed with :mod:`ast`; nothing is imported. Imports inside functions and ``TYPE_CHECKING`` blocks
count: they still tie one module to another.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "spapi_async"

#: Modules that import ``spapi_async.client`` today although they sit below it (issue #19). The test fails on any
#: new one and on any listed one that no longer does, so this set only shrinks.
KNOWN_CLIENT_IMPORTS = frozenset({})

APPLICATIONS = ("spapi_async.cli", "spapi_async.emulator")
GENERATED = ("spapi_async.apis", "spapi_async.models")


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _modules(root: Path) -> dict[str, tuple[Path, bool]]:
    found: dict[str, tuple[Path, bool]] = {}
    for path in sorted(root.rglob("*.py")):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        found[".".join(parts)] = (path, is_package)
    return found


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module name -> the ``spapi_async`` modules it imports (``from pkg import mod`` names ``pkg.mod``)."""
    modules = _modules(root)
    graph: dict[str, set[str]] = {}
    for name, (path, is_package) in modules.items():
        parts = name.split(".")
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = parts if is_package else parts[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    source = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    source = node.module or ""
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    targets.add(submodule if submodule in modules else source)
        graph[name] = {t for t in targets if _within(t, root.name)}
    return graph


def client_importers(graph: Mapping[str, set[str]]) -> set[str]:
    """Modules importing ``spapi_async.client`` that are neither the package itself nor the command line."""
    return {
        module
        for module, targets in graph.items()
        if any(_within(t, "spapi_async.client") for t in targets)
        and not _within(module, "spapi_async.client")
        and module != "spapi_async"
        and not _within(module, "spapi_async.cli")
    }


def violations(graph: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """Rule -> the ``"importer -> imported"`` edges breaking it (the client rule is checked separately)."""
    found: dict[str, set[str]] = {"generated imports an application": set(), "library imports an application": set()}
    for module, targets in graph.items():
        for target in targets:
            if not any(_within(target, app) for app in APPLICATIONS):
                continue
            edge = f"{module} -> {target}"
            if any(_within(module, g) for g in GENERATED):
                found["generated imports an application"].add(edge)
            library = not any(_within(module, app) for app in APPLICATIONS)
            if library or (_within(module, "spapi_async.emulator") and _within(target, "spapi_async.cli")):
                found["library imports an application"].add(edge)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph()


def test_the_graph_sees_the_package(graph: dict[str, set[str]]) -> None:
    # A parser that found nothing would pass every rule below.
    assert "spapi_async.client" in graph["spapi_async"]
    assert "spapi_async.transport" in graph["spapi_async.client"]
    assert any(_within(t, "spapi_async.emulator") for t in graph["spapi_async.cli.serve"])
    assert any(_within(m, "spapi_async.apis") for m in graph)


def test_nothing_below_the_client_imports_it_except_known_debts(graph: dict[str, set[str]]) -> None:
    importers = client_importers(graph)
    new = importers - KNOWN_CLIENT_IMPORTS
    assert not new, f"new imports of spapi_async.client against the declared direction: {sorted(new)}"
    gone = KNOWN_CLIENT_IMPORTS - importers
    assert not gone, f"known debts paid off, remove them from KNOWN_CLIENT_IMPORTS: {sorted(gone)}"


def test_generated_code_and_the_library_never_import_the_applications(graph: dict[str, set[str]]) -> None:
    assert violations(graph) == {"generated imports an application": set(), "library imports an application": set()}


def _write(root: Path, files: Mapping[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_checks_catch_bad_imports(tmp_path: Path) -> None:
    root = _write(
        tmp_path / "spapi_async",
        {
            "__init__.py": "from .client import SPAPIClient\n",
            "client.py": "from .transport import Transport\n",
            "transport.py": "def f():\n    from . import client\n",
            "cli/__init__.py": "from ..client import SPAPIClient\n",
            "emulator/__init__.py": "",
            "emulator/app.py": "from spapi_async.cli import main\n",
            "apis/__init__.py": "",
            "apis/orders.py": "from ..emulator import app\n",
            "documents/api.py": "import spapi_async.cli.demo\nfrom ..client import SPAPIClient\n",
        },
    )
    graph = import_graph(root)
    assert client_importers(graph) == {"spapi_async.transport", "spapi_async.documents.api"}
    assert violations(graph) == {
        "generated imports an application": {"spapi_async.apis.orders -> spapi_async.emulator.app"},
        "library imports an application": {
            "spapi_async.apis.orders -> spapi_async.emulator.app",
            "spapi_async.documents.api -> spapi_async.cli.demo",
            "spapi_async.emulator.app -> spapi_async.cli",
        },
    }
