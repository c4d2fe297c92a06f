"""The emulator names operations by key, never by path (issue #19): its handlers are registered by the key of
``sp.OPERATIONS`` or of the generated Seller Center v2 table, and no module of ``spapi_async/emulator`` spells an
SP-API or Seller Center operation path. The source is read with :mod:`ast` (docstrings aside)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import spapi_async.emulator
from spapi_async.emulator import Emulator, sellercenter_v2
from spapi_async.emulator.routes import Router
from spapi_async.registry import OPERATIONS
from spapi_async.sellercenter.v2._operations import OPERATIONS as V2_OPERATIONS

EMULATOR = Path(spapi_async.emulator.__file__).resolve().parent

#: a path with a version segment (``/orders/v0/...``, ``/reports/2021-06-30``, ``/v2/brands``, ``/v2.1``)
VERSIONED = re.compile(r"^/(?:[^/\s]+/)*(?:v\d+(?:\.\d+)?|\d{4}-\d{2}-\d{2})(?:/|$)")
#: a path parameter of a template (``/{orderId}``)
PARAMETER = re.compile(r"/\{\w+\}")
TEMPLATES = {op.path for op in OPERATIONS.values()} | {path for _, path, _, _, _ in V2_OPERATIONS}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def spelled_paths(source: str) -> list[str]:
    """The string constants of ``source`` (f-string parts included, docstrings not) that spell an operation path."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and (VERSIONED.match(node.value) or PARAMETER.search(node.value) or node.value in TEMPLATES)
    ]
    return [f"line {n.lineno}: {n.value!r}" for n in sorted(found, key=lambda n: (n.lineno, n.col_offset))]


def test_the_check_finds_spelled_paths() -> None:
    # The old handlers' ways of spelling paths; a checker that found none would pass the test below vacuously.
    source = '''
"""/orders/v0/orders in a docstring is prose."""
BASE = "/reports/2021-06-30"
ITEM = "/listings/2021-08-01/items/{sellerId}/{sku}"
router.route("POST", "/tokens/2021-03-01/restrictedDataToken")
router.route("GET", BASE + "/reports/{reportId}")
if path == "/v2/brands" or path.startswith("/v2/stock/product"): pass
FAMILY = "/vendor/directFulfillment/orders/2021-12-28/purchaseOrders"
url = f"/catalog/2022-04-01/items/{asin}"
LWA = "/auth/o2/token"
STATS = "/__stats"
patch = {"op": "replace", "path": "/attributes/item_name"}
'''
    found = spelled_paths(source)
    assert [line.split(":", 1)[0] for line in found] == [
        "line 3",
        "line 4",
        "line 5",
        "line 6",
        "line 7",
        "line 7",
        "line 8",
        "line 9",
    ]


def test_no_emulator_module_spells_an_operation_path() -> None:
    offenders = {
        str(path.relative_to(EMULATOR)): found
        for path in sorted(EMULATOR.rglob("*.py"))
        if (found := spelled_paths(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_handlers_are_registered_by_operation_key() -> None:
    emu = Emulator(orders=0, products=1, models=False)
    assert emu.router.handlers, "no stateful handler registered"
    assert set(emu.router.handlers) <= set(OPERATIONS)
    # a stateful answer is found by the operation the path matches
    assert emu.router.find("tokens_2021_03_01.create_restricted_data_token") is not None
    assert emu.router.find("orders_v0.get_orders") is not None
    assert emu.router.find("aplus_content_2020_11_01.search_content_documents") is None


def test_a_route_for_an_unknown_operation_is_refused_at_registration() -> None:
    with pytest.raises(KeyError, match=r"orders_v0\.get_orderz"):
        Router().route("orders_v0.get_orderz")
    with pytest.raises(KeyError, match=r"brands\.get_brandz"):
        sellercenter_v2.route("brands.get_brandz")


def test_seller_center_v2_routes_are_operations_of_the_generated_table() -> None:
    keys = {f"{attribute}.{name}" for _, _, attribute, name, _ in V2_OPERATIONS}
    assert sellercenter_v2.ROUTES
    assert set(sellercenter_v2.ROUTES) <= keys
    assert "brands.get_brands" in sellercenter_v2.ROUTES
