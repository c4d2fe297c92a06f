"""SellerCenterClient pagination: total count, has-next and archive styles, an empty page ends it, ``max_items``,
and ``read_page`` on loose totals."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.sellercenter import SellerCenterClient

from .fakes import FakeServer


def _paged(total: int, style: str) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        limit = int(request.url.params["limit"])
        rows = [{"id": i, "name": f"n{i}"} for i in range(offset, min(total, offset + limit))]
        if style == "total":
            body: dict[str, Any] = {
                "items": rows,
                "pagination": {"limit": limit, "offset": offset, "totalCount": total},
            }
        elif style == "has_next":
            body = {"items": rows, "pagination": {"limit": limit, "offset": offset, "hasNext": offset + limit < total}}
        else:
            body = {"data": rows, "hasNext": offset + limit < total}
        return httpx.Response(200, json=body)

    return handler


async def test_total_count_pagination(client: SellerCenterClient, server: FakeServer) -> None:
    server.routes[("GET", "/v2/brands")] = _paged(25, "total")
    names = [b.name async for b in client.brands.get_brands(limit=10, name="x")]
    assert names == [f"n{i}" for i in range(25)]
    brand_requests = [r for r in server.api_requests() if r.path == "/v2/brands"]
    assert [dict(r.query)["offset"] for r in brand_requests] == ["0", "10", "20"]
    assert all(dict(r.query)["name"] == "x" for r in brand_requests)


async def test_has_next_pagination_for_orders(client: SellerCenterClient, server: FakeServer) -> None:
    server.routes[("GET", "/v2/orders")] = _paged(7, "has_next")
    pages = [page async for page in client.orders.get_orders(limit=3, order_numbers=["A", "B"]).pages()]
    assert [len(p.items) for p in pages] == [3, 3, 1]
    assert [p.has_next for p in pages] == [True, True, False]
    query = server.api_requests()[0].query
    assert ("orderNumbers[]", "A") in query
    assert ("orderNumbers[]", "B") in query


async def test_archive_pagination_reads_data_and_has_next(client: SellerCenterClient, server: FakeServer) -> None:
    server.routes[("GET", "/v2/archive/orders")] = _paged(5, "data")
    first = await client.archive.get_archive_orders(limit=2)
    assert [o.model_extra for o in first.items] == [{"id": 0, "name": "n0"}, {"id": 1, "name": "n1"}]
    assert first.next_offset == 2
    count = 0
    async for _ in client.archive.get_archive_orders(limit=2):
        count += 1
    assert count == 5


async def test_pagination_stops_on_an_empty_page_even_if_has_next_lies(
    client: SellerCenterClient, server: FakeServer
) -> None:
    server.routes[("GET", "/v2/manifest")] = lambda r: httpx.Response(
        200, json={"items": [], "pagination": {"hasNext": True}}
    )
    assert [m async for m in client.manifest.get_manifest(limit=5)] == []
    assert len(server.api_requests()) == 1


async def test_max_items_stops_early(client: SellerCenterClient, server: FakeServer) -> None:
    server.routes[("GET", "/v2/brands")] = _paged(1000, "total")
    got = [b async for b in client.brands.get_brands(limit=10, max_items=15)]
    assert len(got) == 15
    assert len(server.api_requests()) == 2


def test_read_page_tolerates_loose_totals() -> None:
    from spapi_async.pagination import read_page

    page = read_page({"items": [1, 2], "pagination": {"totalCount": "4"}}, "total", 0, 2, int)
    assert (page.total_count, page.next_offset) == (4, 2)
    page = read_page({"items": [1, 2], "pagination": {"totalCount": 2.0}}, "total", 2, 2, int)
    assert (page.total_count, page.next_offset) == (2, None)
    page = read_page({"items": [1], "pagination": {"totalCount": "n/a"}}, "total", 0, 2, int)
    assert (page.total_count, page.next_offset) == (None, None)  # no usable total: a short page is the last
    with pytest.raises(sp.SPAPIError):
        read_page({"items": {"not": "a list"}}, "total", 0, 2, int)
