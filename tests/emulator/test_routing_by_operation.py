"""The emulator names operations by key, never by path (issue #19): its handlers are registered by the key of
``sp.OPERATIONS`` or of the generated Seller Center v2 table. That no emulator module spells an operation path is
checked, with every hand-written module, by ``tests/test_layout.py``."""

from __future__ import annotations

import pytest

from spapi_async.emulator import Emulator, sellercenter_v2
from spapi_async.emulator.routes import Router
from spapi_async.registry import OPERATIONS
from spapi_async.sellercenter.v2._operations import OPERATIONS as V2_OPERATIONS


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
