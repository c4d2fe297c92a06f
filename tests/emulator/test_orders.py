"""Orders v0 and 2026-01-01 through the real client: filters, NextToken pagination, items."""

from __future__ import annotations

from typing import Any

import pytest

import spapi_async as sp
from spapi_async.emulator.timefmt import iso

from .helpers import EPOCH, US, client_for, emulator

SINCE = iso(EPOCH - 40 * 86400)


async def _all_pages(client: sp.SPAPIClient, params: dict[str, Any]) -> list[dict[str, Any]]:
    orders: list[dict[str, Any]] = []
    tokens: set[str] = set()
    while True:
        payload = (await client.request("GET", "/orders/v0/orders", params=params)).json()["payload"]
        orders += payload["Orders"]
        token = payload.get("NextToken")
        if not token:
            return orders
        assert token not in tokens
        tokens.add(token)
        params = {"MarketplaceIds": US, "NextToken": token}


async def test_get_orders_pages_through_every_order_once_in_purchase_order() -> None:
    emu, _ = emulator(orders=250)
    async with client_for(emu) as client:
        orders = await _all_pages(client, {"MarketplaceIds": US, "CreatedAfter": SINCE, "MaxResultsPerPage": 40})
    expected = [o.order_id for o in emu.world.orders if o.marketplace_id == US]
    assert [o["AmazonOrderId"] for o in orders] == expected
    assert len(expected) == 250


async def test_filters_narrow_the_result() -> None:
    emu, _ = emulator()
    middle = emu.world.orders[125].purchase
    async with client_for(emu) as client:
        older = await _all_pages(client, {"MarketplaceIds": US, "CreatedAfter": SINCE, "CreatedBefore": iso(middle)})
        assert all(o["PurchaseDate"] <= iso(middle) for o in older) and 0 < len(older) < 250
        shipped = await _all_pages(client, {"MarketplaceIds": US, "CreatedAfter": SINCE, "OrderStatuses": "Shipped"})
        assert shipped and {o["OrderStatus"] for o in shipped} == {"Shipped"}
        afn = await _all_pages(client, {"MarketplaceIds": US, "LastUpdatedAfter": SINCE, "FulfillmentChannels": "AFN"})
        assert afn and {o["FulfillmentChannel"] for o in afn} == {"AFN"}
        dates = [o["LastUpdateDate"] for o in afn]
        assert dates == sorted(dates)
        one = await _all_pages(client, {"MarketplaceIds": US, "AmazonOrderIds": emu.world.orders[3].order_id})
        assert [o["AmazonOrderId"] for o in one] == [emu.world.orders[3].order_id]


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"CreatedAfter": SINCE}, "MarketplaceIds"),
        ({"MarketplaceIds": US}, "CreatedAfter or LastUpdatedAfter"),
        ({"MarketplaceIds": US, "CreatedAfter": SINCE, "LastUpdatedAfter": SINCE}, "cannot both"),
        ({"MarketplaceIds": US, "CreatedAfter": SINCE, "LastUpdatedBefore": SINCE}, "cannot be combined"),
        ({"MarketplaceIds": US, "CreatedAfter": "yesterday"}, "ISO 8601"),
        ({"MarketplaceIds": US, "CreatedAfter": iso(EPOCH + 3600 - 30)}, "two minutes"),
        ({"MarketplaceIds": US, "CreatedAfter": SINCE, "MaxResultsPerPage": 101}, "between 1 and 100"),
        ({"MarketplaceIds": US, "CreatedAfter": SINCE, "OrderStatuses": "Lost"}, "OrderStatuses"),
        (
            {"MarketplaceIds": US, "CreatedAfter": SINCE, "SellerOrderId": "x", "OrderStatuses": "Shipped"},
            "SellerOrderId",
        ),
        ({"MarketplaceIds": US, "NextToken": "garbage!"}, "NextToken"),
    ],
)
async def test_get_orders_rejects_bad_filters_with_400(params: dict[str, Any], fragment: str) -> None:
    emu, _ = emulator()
    async with client_for(emu) as client:
        with pytest.raises(sp.BadRequestError) as info:
            await client.request("GET", "/orders/v0/orders", params=params)
    assert info.value.errors[0].code == "InvalidInput"
    assert fragment in info.value.errors[0].message


async def test_order_items_match_the_order_and_unknown_orders_are_404() -> None:
    emu, _ = emulator()
    order = emu.world.orders[7]
    async with client_for(emu) as client:
        payload = (await client.request("GET", f"/orders/v0/orders/{order.order_id}/orderItems")).json()["payload"]
        assert payload["AmazonOrderId"] == order.order_id
        assert [i["SellerSKU"] for i in payload["OrderItems"]] == [i.product.sku for i in order.items]
        with pytest.raises(sp.NotFoundError):
            await client.request("GET", "/orders/v0/orders/111-0000000-0000000/orderItems")


async def test_search_orders_2026_paginates_and_includes_data_on_request() -> None:
    emu, _ = emulator(orders=120)
    async with client_for(emu) as client:
        seen: list[str] = []
        params: dict[str, Any] = {
            "createdAfter": SINCE,
            "maxResultsPerPage": 50,
            "includedData": "PROCEEDS,FULFILLMENT",
        }
        while True:
            body = (await client.request("GET", "/orders/2026-01-01/orders", params=params)).json()
            seen += [o["orderId"] for o in body["orders"]]
            assert all("proceeds" in o and "fulfillment" in o and "buyer" not in o for o in body["orders"])
            token = body.get("pagination", {}).get("nextToken")
            if not token:
                break
            params = {"paginationToken": token}
        assert seen == [o.order_id for o in emu.world.orders]
        with pytest.raises(sp.BadRequestError):
            await client.request("GET", "/orders/2026-01-01/orders", params={"marketplaceIds": US})
