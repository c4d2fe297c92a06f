"""The emulator's Seller Center keeps one shop state: what a v2 or legacy call writes (prices, stock, order status
changes), every later v2 and legacy read returns."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

import spapi_async as sp
from spapi_async.emulator import Emulator

from .helpers import BASE, emulator, http_for


@asynccontextmanager
async def clients(emu: Emulator) -> AsyncIterator[tuple[sp.SellerCenterClient, sp.SellerCenterLegacyClient]]:
    http = http_for(emu)
    async with (
        http,
        sp.SellerCenterClient(f"{BASE}/sellercenter", "any-id", "any-secret", http_client=http) as sc,
        sp.SellerCenterLegacyClient(
            f"{BASE}/sellercenter", "me@shop.com", "any-key", http_client=http, clock=emu.clock
        ) as legacy,
    ):
        yield sc, legacy


async def _json(sc: sp.SellerCenterClient, method: str, path: str, **kwargs: Any) -> Any:
    return (await sc.request(method, path, **kwargs)).json()


async def test_set_price_is_read_back_by_v2_products_prices_and_legacy_get_products() -> None:
    emu, _ = emulator(products=12, orders=5)
    sku = emu.world.products[2].sku
    async with clients(emu) as (sc, legacy):
        stored = await sc.set_price(3, "MY", price=19.5, sale_price=15.25, sale_start_date=None, sale_end_date=None)
        assert stored["price"] == 19.5 and stored["salePrice"] == 15.25 and stored["productId"] == 3
        one = await _json(sc, "GET", "/v2/product/seller-sku/{sku}", path_params={"sku": sku})
        assert (one["id"], one["price"], one["salePrice"]) == (3, 19.5, 15.25)
        listed = await _json(sc, "GET", "/v2/products", params={"sellerSku": sku})
        assert [(p["id"], p["price"]) for p in listed] == [(3, 19.5)]
        await sc.set_price(3, "SG", price=30.0, sale_price=None, sale_start_date=None, sale_end_date=None)
        prices = await _json(sc, "GET", "/v2/product-set/3/prices")
        assert {(p["country"], p["price"], p["salePrice"]) for p in prices} == {("MY", 19.5, 15.25), ("SG", 30.0, None)}
        await sc.update_stock([{"productId": 3, "quantity": 77}])
        row = (await legacy.call("GetProducts", Limit=3)).body["Products"]["Product"][2]
        assert (row["SellerSku"], row["Price"], row["SalePrice"], row["Quantity"]) == (sku, "19.50", "15.25", "77")
        with pytest.raises(sp.SellerCenterError) as info:
            await sc.set_price(3, "MY", price=10.0, sale_price=12.0, sale_start_date=None, sale_end_date=None)
        assert info.value.status_code == 422 and "salePrice" in (info.value.detail or "")
        with pytest.raises(sp.SellerCenterError) as info:
            await sc.set_price(999, "MY", price=10.0, sale_price=None, sale_start_date=None, sale_end_date=None)
        assert info.value.status_code == 404
    one_after = (await _json_fresh(emu, "/v2/products", {"productIds[]": "3"}))[0]
    assert one_after["price"] == 19.5  # the refused update changed nothing


async def _json_fresh(emu: Emulator, path: str, params: dict[str, str]) -> Any:
    async with clients(emu) as (sc, _):
        return await _json(sc, "GET", path, params=params)


async def test_v2_status_changes_show_in_v2_and_legacy_reads_and_refuse_invalid_transitions() -> None:
    emu, _ = emulator(products=8, orders=40)
    async with clients(emu) as (sc, legacy):
        orders = (await _json(sc, "GET", "/v2/orders", params={"limit": 100, "offset": 0}))["items"]
        pending = next(o for o in orders if o["status"] == "pending")
        order_id, item_ids = pending["id"], pending["orderItemIds"]
        with pytest.raises(sp.SellerCenterError) as info:  # the spec requires a tracking number
            await sc.request("POST", "/v2/orders/statuses/set-to-ready-to-ship", json={"orderItems": [{"id": 1}]})
        assert info.value.status_code == 400 and "trackingNumber" in (info.value.detail or "")
        done = await _json(
            sc,
            "POST",
            "/v2/orders/statuses/set-to-ready-to-ship",
            json={"orderItems": [{"id": i} for i in item_ids], "trackingNumber": "TRK-1"},
        )
        assert done == {"orderItemIds": item_ids}
        after = await _json(sc, "GET", "/v2/orders/{id}", path_params={"id": order_id})
        assert after["status"] == "ready_to_ship" and {i["status"] for i in after["items"]} == {"ready_to_ship"}
        assert after["statusList"] == {"ready_to_ship": len(item_ids)}
        legacy_order = await legacy.get_order(pending["number"])
        assert legacy_order is not None and legacy_order.statuses == {"Status": ["ready_to_ship"]}
        with pytest.raises(sp.SellerCenterError) as info:  # ready_to_ship -> delivered skips shipping
            await sc.request("POST", "/v2/orders/statuses/set-to-delivered", json={"orderItemIds": item_ids})
        assert info.value.status_code == 422 and "cannot be set to delivered" in (info.value.detail or "")
        await sc.request("POST", "/v2/orders/statuses/set-to-shipped", json={"orderItemIds": item_ids})
        with pytest.raises(sp.SellerCenterError) as info:  # shipped items can no longer be cancelled
            await sc.request(
                "POST", "/v2/orders/statuses/set-to-cancelled", json={"orderItemIds": item_ids, "reason": "x"}
            )
        assert info.value.status_code == 422
        assert (await _json(sc, "GET", f"/v2/orders/{order_id}"))["status"] == "shipped"
        with pytest.raises(sp.SellerCenterError) as info:
            await sc.request("POST", "/v2/orders/statuses/set-to-shipped", json={"orderItemIds": [99_999_999]})
        assert info.value.status_code == 422 and "does not exist" in (info.value.detail or "")


async def test_legacy_status_changes_change_the_orders_v2_reads() -> None:
    emu, _ = emulator(products=8, orders=40)
    async with clients(emu) as (sc, legacy):
        orders = (await _json(sc, "GET", "/v2/orders", params={"limit": 100, "offset": 0}))["items"]
        pending = [o for o in orders if o["status"] == "pending"]
        first, second = pending[0], pending[1]
        items = await legacy.get_order_items(first["number"])
        assert [int(i.order_item_id or 0) for i in items] == first["orderItemIds"]
        assert {i.status for i in items} == {"pending"}
        await legacy.set_status_to_ready_to_ship(first["orderItemIds"], delivery_type="dropship")
        assert (await _json(sc, "GET", f"/v2/orders/{first['id']}"))["status"] == "ready_to_ship"
        assert {i.status for i in await legacy.get_order_items(first["number"])} == {"ready_to_ship"}
        cancel = second["orderItemIds"][0]
        await legacy.set_status_to_canceled(cancel, reason="out of stock")
        after = await _json(sc, "GET", f"/v2/orders/{second['id']}")
        assert next(i["status"] for i in after["items"] if i["id"] == cancel) == "canceled"
        with pytest.raises(sp.SellerCenterLegacyError) as info:
            await legacy.set_status_to_canceled(cancel, reason="again")
        assert info.value.code == "E024" and "cannot be set to canceled" in str(info.value)
        listed = {o.order_id: o.statuses async for o in legacy.get_orders(limit=100)}
        assert listed[first["number"]] == {"Status": ["ready_to_ship"]}
        assert "canceled" in listed[second["number"]]["Status"]


async def test_categories_list_tree_and_one_agree_with_legacy_get_category_tree() -> None:
    emu, _ = emulator(products=20, orders=1)
    types = sorted({p.product_type for p in emu.world.products})
    async with clients(emu) as (sc, legacy):
        tree = await _json(sc, "GET", "/v2/category/tree")
        assert [c["name"] for c in tree] == types
        root = tree[0]
        brands = sorted({p.brand for p in emu.world.products if p.product_type == root["name"]})
        assert [c["name"] for c in root["children"]] == brands
        child = root["children"][0]
        assert child["parentId"] == root["id"] and child["path"] == [root["name"], child["name"]]
        listed = await _json(sc, "GET", "/v2/categories", params={"limit": 2, "offset": 0})
        total = len(types) + sum(len(c["children"]) for c in tree)
        assert listed["pagination"] == {"limit": 2, "offset": 0, "totalCount": total} and len(listed["items"]) == 2
        path = await _json(sc, "GET", f"/v2/category/{child['id']}")
        assert [c["id"] for c in path] == [root["id"], child["id"]]
        children = await _json(sc, "GET", f"/v2/category/{root['id']}/children")
        assert [c["id"] for c in children] == [c["id"] for c in root["children"]]
        with pytest.raises(sp.SellerCenterError) as info:
            await sc.request("GET", "/v2/category/9999")
        assert info.value.status_code == 404
        legacy_tree = (await legacy.call("GetCategoryTree")).body["Categories"]["Category"]
        assert [c["Name"] for c in legacy_tree] == types
        assert legacy_tree[0]["CategoryId"] == str(root["id"])


async def test_generated_v2_methods_parse_the_shop_state() -> None:
    emu, _ = emulator(products=10, orders=40)
    sku = emu.world.products[0].sku
    async with clients(emu) as (sc, _):
        orders = [o async for o in sc.orders.get_orders(limit=10)]
        pending = next(o for o in orders if o.status == "pending")
        assert pending.id is not None
        ids = list(pending.order_item_ids or [])
        done = await sc.orders.post_orders_statuses_set_to_ready_to_ship(
            body={"orderItems": [{"id": i} for i in ids], "trackingNumber": "TRK-2"}
        )
        assert list(done.order_item_ids or []) == ids
        one = await sc.orders.get_orders_by_order_id(order_id=pending.id)
        assert one.status_list == {"ready_to_ship": len(ids)}
        await sc.orders.post_orders_statuses_set_to_shipped(body={"orderItemIds": ids})
        assert (await sc.orders.get_orders_by_order_id(order_id=pending.id)).status_list == {"shipped": len(ids)}
        await sc.set_price(1, "MY", price=5.5, sale_price=None, sale_start_date=None, sale_end_date=None)
        product = await sc.product.get_product_seller_sku_by_seller_sku(seller_sku=sku)
        assert product.id == 1 and product.model_extra is not None and product.model_extra["price"] == 5.5
        tree = await sc.category.get_category_tree()
        listed = [c async for c in sc.category.get_categories(limit=3)]
        assert {c.id for c in listed} >= {c.id for c in tree} and len(listed) > len(tree)
