"""Offset pagination protects itself (issue 16, item 4): a server that ignores ``offset`` cannot make a Seller
Center paginator hand out the same page over and over; the token paginators keep their loop protection."""

from __future__ import annotations

import json
from collections.abc import AsyncIterable
from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.pagination import AsyncPaginator, OffsetPaginator

from .fakes import InstantClock

SC_BASE = "https://sellercenter-api.example.com"


async def _collect(items: AsyncIterable[Any], into: list[Any]) -> None:
    async for item in items:
        into.append(item)


def _orders_ignoring_offset(requests: list[httpx.Request]) -> httpx.MockTransport:
    page = [{"id": n, "number": f"N{n}"} for n in range(100)]

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/oauth"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
        requests.append(request)
        if len(requests) > 200:  # bounds the test if the paginator does not stop by itself
            return httpx.Response(200, json={"items": [], "pagination": {"hasNext": False}})
        # Always the first page and "there is more", whatever offset was asked for.
        return httpx.Response(200, json={"items": page, "pagination": {"limit": 100, "offset": 0, "hasNext": True}})

    return httpx.MockTransport(handler)


async def test_seller_center_endpoint_ignoring_offset_stops_with_a_loop_error() -> None:
    requests: list[httpx.Request] = []
    http = httpx.AsyncClient(transport=_orders_ignoring_offset(requests))
    async with sp.SellerCenterClient(
        base_url=SC_BASE, client_id="c", client_secret="s", http_client=http, clock=InstantClock()
    ) as client:
        seen: list[Any] = []
        with pytest.raises(sp.PaginationLoopError, match="repeats the previous page"):
            await _collect(client.orders.get_orders(), seen)
    assert len(seen) == 100  # the first page, once; the repeat is not handed out
    assert [r.url.params["offset"] for r in requests] == ["0", "100"]


def _fetcher(pages: list[dict[str, Any]]) -> Any:
    calls: list[tuple[int, int]] = []

    async def fetch(offset: int, limit: int) -> Any:
        calls.append((offset, limit))
        if len(calls) > 50:  # bounds the test if the paginator does not stop by itself
            return {"items": [], "data": []}
        return pages[min(len(calls) - 1, len(pages) - 1)]

    fetch.calls = calls  # type: ignore[attr-defined]
    return fetch


@pytest.mark.parametrize(
    ("style", "body"),
    [
        ("total", {"items": [1, 2], "pagination": {"totalCount": 1_000_000}}),
        ("has_next", {"items": [1, 2], "pagination": {"hasNext": True}}),
        ("data_has_next", {"data": [1, 2], "hasNext": True}),
    ],
)
async def test_every_page_style_stops_on_a_repeated_page(style: Any, body: dict[str, Any]) -> None:
    fetch = _fetcher([body])
    paginator = OffsetPaginator(fetch, style=style, parse=lambda x: x, limit=2)
    items: list[Any] = []
    with pytest.raises(sp.PaginationLoopError):
        await _collect(paginator, items)
    assert items == [1, 2]
    assert len(fetch.calls) == 2


async def test_different_pages_are_followed_to_the_end() -> None:
    pages = [
        {"items": [1, 2], "pagination": {"totalCount": 5}},
        {"items": [3, 4], "pagination": {"totalCount": 5}},
        {"items": [5], "pagination": {"totalCount": 5}},
    ]
    paginator = OffsetPaginator(_fetcher(pages), style="total", parse=lambda x: x, limit=2)
    assert [x async for x in paginator] == [1, 2, 3, 4, 5]


async def test_legacy_paginator_ignoring_offset_stops() -> None:
    product = {"SellerSku": "A", "Name": "a"}

    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls > 50:  # bounds the test if the paginator does not stop by itself
            return httpx.Response(200, json={"SuccessResponse": {"Head": {"TotalCount": "0"}, "Body": {}}})
        body = {
            "SuccessResponse": {
                "Head": {"RequestId": "r", "TotalCount": "1000"},
                "Body": {"Products": {"Product": [product, {**product, "SellerSku": "B"}]}},
            }
        }
        return httpx.Response(200, content=json.dumps(body).encode(), headers={"content-type": "application/json"})

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    async with sp.SellerCenterLegacyClient(SC_BASE, "user@example.com", "key", http_client=http) as client:
        got: list[Any] = []
        with pytest.raises(sp.PaginationLoopError):
            await _collect(client.get_products(limit=2), got)
    assert len(got) == 2


async def test_token_paginators_keep_their_loop_protection() -> None:
    async def fetch(token: str | None) -> dict[str, Any]:
        return {"items": [1], "next": "same"}

    paginator: AsyncPaginator[dict[str, Any], int] = AsyncPaginator(
        fetch, token_of=lambda p: p["next"], items_of=lambda p: p["items"]
    )
    with pytest.raises(sp.PaginationLoopError):
        _ = [x async for x in paginator]
