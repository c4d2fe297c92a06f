"""What a user writes; type-checked with ``mypy --strict`` by tests/test_typecheck.py (never run)."""

from __future__ import annotations

from datetime import datetime, timezone

from typing_extensions import assert_type

import spapi_async as sp
from spapi_async.models import catalog_items_2022_04_01 as catalog
from spapi_async.models import orders_2026_01_01 as orders_new
from spapi_async.models import orders_v0 as orders
from spapi_async.models import reports_2021_06_30 as reports


async def nightly_job(client: sp.SPAPIClient) -> list[str]:
    ids: list[str] = []
    async for order in client.orders_v0.get_orders(
        marketplace_ids=["ATVPDKIKX0DER"],
        created_after=datetime(2025, 1, 1, tzinfo=timezone.utc),
        order_statuses=["Unshipped"],
    ):
        assert_type(order, orders.Order)
        if order.amazon_order_id is not None:
            ids.append(order.amazon_order_id)

    paginator = client.orders_v0.get_orders(marketplace_ids=["ATVPDKIKX0DER"], created_after="2025-01-01T00:00:00Z")
    assert_type(paginator, sp.AsyncPaginator[orders.GetOrdersResponse, orders.Order])
    first = await paginator
    recommended = client.orders.search_orders(marketplace_ids=["ATVPDKIKX0DER"], created_after="2025-01-01T00:00:00Z")
    assert_type(recommended, sp.AsyncPaginator[orders_new.SearchOrdersResponse, orders_new.Order])
    assert_type(first, orders.GetOrdersResponse)
    saved: str | None = paginator.next_token
    async for page in client.orders_v0.get_orders(marketplace_ids=["ATVPDKIKX0DER"], next_token=saved).pages():
        assert_type(page, orders.GetOrdersResponse)

    items = await client.orders_v0.get_order_items(order_id=ids[0])
    assert_type(items, orders.GetOrderItemsResponse)

    created = await client.reports.create_report(
        body=reports.CreateReportSpecification(report_type="GET_FLAT_FILE_OPEN_LISTINGS_DATA", marketplace_ids=["A"])
    )
    assert_type(created.report_id, str | None)
    also = await client.reports_2021_06_30.create_report(body={"reportType": "X", "marketplaceIds": ["A"]})
    assert_type(also, reports.CreateReportResponse)

    async for item in client.catalog.search_catalog_items(marketplace_ids=["ATVPDKIKX0DER"], keywords=["tea"]):
        assert_type(item, catalog.Item)

    participations = await client.sellers_v1.get_marketplace_participations()
    assert participations.payload is not None

    op = sp.OPERATIONS["orders_v0.get_orders"]
    assert_type(op, sp.Operation)
    assert_type(op.rate, float)
    return ids
