"""AsyncPaginator on its own, then every paginated operation of the models through its generated method."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.pagination import AsyncPaginator, attribute_path

from .apifakes import item_is_model, make_client, required_kwargs, set_path

# ---------------------------------------------------------------------------------------------- the paginator


class FakePages:
    """Pages keyed by the token that requests them (None: the first page)."""

    def __init__(self, pages: dict[str | None, dict[str, Any]]) -> None:
        self.pages = pages
        self.requested: list[str | None] = []

    async def fetch(self, token: str | None) -> dict[str, Any]:
        self.requested.append(token)
        return self.pages[token]


def _paginator(fake: FakePages, **kwargs: Any) -> AsyncPaginator[dict[str, Any], int]:
    return AsyncPaginator(fake.fetch, token_of=attribute_path(("next",)), items_of=attribute_path(("items",)), **kwargs)


THREE_PAGES = {
    None: {"items": [1, 2], "next": "a"},
    "a": {"items": [3], "next": "b"},
    "b": {"items": [4, 5]},
}


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.anyio
async def test_items_of_every_page(anyio_backend: str) -> None:
    fake = FakePages(THREE_PAGES)
    paginator = _paginator(fake)
    assert [x async for x in paginator] == [1, 2, 3, 4, 5]
    assert fake.requested == [None, "a", "b"]
    assert paginator.done
    assert paginator.next_token is None
    assert paginator.pages_read == 3


@pytest.mark.anyio
async def test_await_gives_the_first_page_then_pages_continue(anyio_backend: str) -> None:
    fake = FakePages(THREE_PAGES)
    paginator = _paginator(fake)
    first = await paginator
    assert first == THREE_PAGES[None]
    assert paginator.next_token == "a"
    rest = [page async for page in paginator.pages()]
    assert rest == [THREE_PAGES["a"], THREE_PAGES["b"]]
    with pytest.raises(RuntimeError):
        await paginator


async def test_resume_from_a_saved_token() -> None:
    fake = FakePages(THREE_PAGES)
    first = _paginator(fake)
    await first
    saved = first.next_token
    assert saved == "a"
    resumed = _paginator(fake, next_token=saved)
    assert [x async for x in resumed] == [3, 4, 5]
    assert fake.requested == [None, "a", "b"]


async def test_same_token_twice_raises_instead_of_looping() -> None:
    fake = FakePages(
        {None: {"items": [1], "next": "a"}, "a": {"items": [2], "next": "b"}, "b": {"items": [3], "next": "a"}}
    )
    seen: list[int] = []

    async def collect() -> None:
        async for x in _paginator(fake):
            seen.append(x)

    with pytest.raises(sp.PaginationLoopError):
        await collect()
    assert seen == [1, 2]  # the page carrying the repeated token is not handed out: it is most likely a repeat
    assert fake.requested == [None, "a", "b"]


async def test_resumed_token_sent_back_is_a_loop() -> None:
    fake = FakePages({"a": {"items": [1], "next": "a"}})
    with pytest.raises(sp.PaginationLoopError):
        await _paginator(fake, next_token="a")


async def test_empty_token_and_missing_items_end_cleanly() -> None:
    fake = FakePages({None: {"next": "a"}, "a": {"items": [7], "next": ""}})
    assert [x async for x in _paginator(fake)] == [7]


async def test_max_pages_bounds_a_walk() -> None:
    fake = FakePages(THREE_PAGES)
    paginator = _paginator(fake, max_pages=2)
    assert [page async for page in paginator.pages()] == [THREE_PAGES[None], THREE_PAGES["a"]]
    assert paginator.next_token == "b"
    with pytest.raises(ValueError):
        _paginator(fake, max_pages=0)


# ------------------------------------------------------------------------- every paginated operation, every style

PAGINATED = sorted(key for key, op in sp.OPERATIONS.items() if op.pagination is not None)


def _page(op: sp.Operation, items: list[Any], token: str | None) -> dict[str, Any]:
    assert op.pagination is not None
    body: dict[str, Any] = {}
    if op.pagination.items_path:
        set_path(body, op.pagination.items_path, items)
    if token is not None:
        set_path(body, op.pagination.token_path, token)
    return body


def _server(op: sp.Operation, model_items: bool, *, repeat: bool = False) -> tuple[list[httpx.Request], Any]:
    """Three pages (tokens t1, t2, then none); with ``repeat`` the third page sends t1 again."""
    assert op.pagination is not None
    name = op.pagination.token_name
    seen: list[httpx.Request] = []

    def item(n: int) -> Any:
        return {"sku": f"item-{n}"} if model_items else f"item-{n}"

    pages = {
        None: _page(op, [item(1), item(2)], "t1"),
        "t1": _page(op, [item(3)], "t2"),
        "t2": _page(op, [item(4)], "t1" if repeat else None),
    }

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        assert request.method == op.method
        return httpx.Response(200, json=pages[request.url.params.get(name)])

    return seen, handle


@pytest.mark.parametrize("key", PAGINATED)
async def test_every_paginated_operation_follows_its_token(key: str) -> None:
    op = sp.OPERATIONS[key]
    assert op.pagination is not None
    model_items = item_is_model(key)
    seen, handle = _server(op, model_items)
    async with make_client(handle) as client:
        method = getattr(getattr(client, op.api), op.name)
        paginator = method(**required_kwargs(key))
        assert isinstance(paginator, AsyncPaginator)
        if op.pagination.items_path:
            items = [x async for x in paginator]
            got = [x.sku if model_items else x for x in items]  # type: ignore[union-attr]
            assert got == ["item-1", "item-2", "item-3", "item-4"]
        else:
            pages = [p async for p in paginator]
            assert len(pages) == 3
    tokens = [r.url.params.get(op.pagination.token_name) for r in seen]
    assert tokens == [None, "t1", "t2"]
    assert paginator.next_token is None


@pytest.mark.parametrize("key", PAGINATED)
async def test_every_paginated_operation_detects_a_token_loop(key: str) -> None:
    op = sp.OPERATIONS[key]
    seen, handle = _server(op, item_is_model(key), repeat=True)
    async with make_client(handle) as client:
        method = getattr(getattr(client, op.api), op.name)
        pages = method(**required_kwargs(key)).pages()
        with pytest.raises(sp.PaginationLoopError):
            async for _ in pages:
                pass
    assert len(seen) == 3


def test_the_token_styles_exercised_above() -> None:
    styles = {(sp.OPERATIONS[k].pagination.token_param, sp.OPERATIONS[k].pagination.token_path) for k in PAGINATED}  # type: ignore[union-attr]
    assert len(styles) >= 11


# ------------------------------------------------------------------- what goes with the token, documented per operation


def _recording(pages: list[dict[str, Any]]) -> tuple[list[httpx.Request], Any]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=pages[len(seen) - 1])

    return seen, handle


async def test_get_orders_sends_only_next_token_and_marketplace_ids_with_the_token() -> None:
    seen, handle = _recording(
        [
            {"payload": {"Orders": [{"AmazonOrderId": "1"}], "NextToken": "tok/1+="}},
            {"payload": {"Orders": [{"AmazonOrderId": "2"}]}},
        ]
    )
    async with make_client(handle) as client:
        orders = [
            o.amazon_order_id
            async for o in client.orders_v0.get_orders(
                marketplace_ids=["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"],
                created_after="2025-01-01T00:00:00Z",
                order_statuses=["Unshipped", "Shipped"],
            )
        ]
    assert orders == ["1", "2"]
    first, second = (dict(r.url.params.multi_items()) for r in seen)
    assert first == {
        "MarketplaceIds": "ATVPDKIKX0DER,A2EUQ1WTGCTBG2",
        "CreatedAfter": "2025-01-01T00:00:00Z",
        "OrderStatuses": "Unshipped,Shipped",
    }
    assert second == {"MarketplaceIds": "ATVPDKIKX0DER,A2EUQ1WTGCTBG2", "NextToken": "tok/1+="}


async def test_get_reports_sends_the_token_alone() -> None:
    seen, handle = _recording([{"reports": [], "nextToken": "n1"}, {"reports": []}])
    async with make_client(handle) as client:
        pages = [p async for p in client.reports.get_reports(report_types=["GET_FLAT_FILE"], page_size=10).pages()]
    assert len(pages) == 2
    assert dict(seen[0].url.params) == {"reportTypes": "GET_FLAT_FILE", "pageSize": "10"}
    assert dict(seen[1].url.params) == {"nextToken": "n1"}


async def test_inbound_v0_token_pages_use_query_type_next_token() -> None:
    seen, handle = _recording([{"payload": {"ShipmentData": [], "NextToken": "n1"}}, {"payload": {"ShipmentData": []}}])
    async with make_client(handle) as client:
        async for _ in client.fulfillment_inbound_v0.get_shipments(
            marketplace_id="ATVPDKIKX0DER", query_type="SHIPMENT", shipment_status_list=["WORKING"]
        ):
            pass
    assert dict(seen[1].url.params) == {"QueryType": "NEXT_TOKEN", "MarketplaceId": "ATVPDKIKX0DER", "NextToken": "n1"}


async def test_a_job_resumes_with_next_token() -> None:
    seen, handle = _recording(
        [
            {"pagination": {"nextToken": "p2"}, "items": [{"asin": "A"}]},
            {"pagination": {"nextToken": "p3"}, "items": [{"asin": "B"}]},
            {"items": [{"asin": "C"}]},
        ]
    )
    async with make_client(handle) as client:
        first = client.catalog.search_catalog_items(marketplace_ids=["ATVPDKIKX0DER"], keywords=["tea"])
        page = await first
        assert [i.asin for i in page.items or []] == ["A"]
        saved = first.next_token
        assert saved == "p2"
        # ... later, maybe in another process:
        resumed = client.catalog.search_catalog_items(
            marketplace_ids=["ATVPDKIKX0DER"], keywords=["tea"], next_token=saved
        )
        assert [i.asin async for i in resumed] == ["B", "C"]
    assert [r.url.params.get("pageToken") for r in seen] == [None, "p2", "p3"]
    assert all(r.url.params["keywords"] == "tea" for r in seen)  # "include the same arguments as the call..."


@pytest.mark.anyio
async def test_a_generated_paginator_runs_on_asyncio_and_trio(anyio_backend: str) -> None:
    seen, handle = _recording([{"reports": [{"reportId": "1"}], "nextToken": "n1"}, {"reports": [{"reportId": "2"}]}])
    async with make_client(handle) as client:
        ids = [r.report_id async for r in client.reports.get_reports(report_types=["T"])]
    assert ids == ["1", "2"]
    assert len(seen) == 2
