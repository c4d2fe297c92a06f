"""No hand-written library module spells a Seller Center v2 operation path (issue #19).

The paths live in the generated ``spapi_async/sellercenter/v2`` (its resources and ``_operations.py``); hand-written
code takes them from there. Docstrings may quote a path; string literals and f-strings in code may not. The
emulator serves these paths and the command line is an application: neither is checked here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from spapi_async.sellercenter.v2._operations import OPERATIONS

PACKAGE = Path(__file__).resolve().parents[2] / "spapi_async"
EXEMPT = ("apis", "models", "sellercenter/v2", "emulator", "cli")


def _shape(template: str) -> str:
    """A path with each ``{placeholder}`` replaced by ``{}``."""
    return re.sub(r"\{[^}]*\}", "{}", template)


SHAPES = {_shape(path) for _, path, *_ in OPERATIONS}


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def spelled_paths(source: str) -> list[tuple[int, str]]:
    """(line, shape) of every string literal or f-string in ``source`` that is a v2 operation path."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    inside_fstrings = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings or id(node) in inside_fstrings:
                continue
            text = _shape(node.value)
        else:
            continue
        if text in SHAPES:
            found.append((node.lineno, text))
    return found


def test_the_check_sees_literals_and_fstrings_but_not_docstrings() -> None:
    source = (
        'def f(x):\n    """``PUT /v2/stock/product``."""\n'
        '    a = "/v2/stock/product"\n'
        "    b = f\"/v2/product/{x}/prices/{'MY'}\"\n"
        '    c = "/v2/product/{productId}/prices/{country}"\n'
    )
    assert spelled_paths(source) == [
        (3, "/v2/stock/product"),
        (4, "/v2/product/{}/prices/{}"),
        (5, "/v2/product/{}/prices/{}"),
    ]


def test_no_hand_written_module_spells_a_v2_operation_path() -> None:
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(tuple(f"{e}/" for e in EXEMPT)):
            continue
        found = spelled_paths(path.read_text(encoding="utf-8"))
        if found:
            offenders[relative] = found
    assert offenders == {}, "take the path from the generated v2 resources or v2/_operations.py"


def test_hand_written_helpers_take_their_paths_from_the_generated_table() -> None:
    from spapi_async.sellercenter.auth import SIGNED_ENDPOINTS
    from spapi_async.sellercenter.v2._operations import SIGNED
    from spapi_async.sellercenter.v2_runtime import operation

    assert operation("product_stock", "put_stock_product") == ("PUT", "/v2/stock/product")
    method, template = operation("product_price", "put_product_prices_by_country")
    assert (method, template) == ("PUT", "/v2/product/{productId}/prices/{country}")
    with pytest.raises(LookupError, match=r"product_stock\.no_such_method"):
        operation("product_stock", "no_such_method")
    assert SIGNED_ENDPOINTS is SIGNED and ("POST", "/v2/finance/transaction") in SIGNED
