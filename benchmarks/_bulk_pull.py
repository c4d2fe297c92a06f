"""P1 of ``benchmarks/scheduler.py``: the bulk pull, by our client and by the python-amazon-sp-api baseline.

Both page through every order with getOrders and fetch every order's items with getOrderItems from ``workers``
concurrent tasks against the loopback plan server (``benchmarks/_plan_server.py``); each returns one row of
figures (wall time, the ideal time, 429s, whether every order's items were fetched exactly once).
"""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import httpx
from _plan_server import PLANS

import spapi_async as sp
from spapi_async.registry import match_operation

MARKETPLACE = "ATVPDKIKX0DER"


def ideal_seconds(pages: int, orders: int, time_scale: float) -> float:
    need = {"getOrders": pages, "getOrderItems": orders}
    return max(max(0, need[op] - burst) / (rate * time_scale) for op, (rate, burst) in PLANS.items())


async def _server_stats(base_url: str) -> dict[str, Any]:
    async with httpx.AsyncClient() as http:
        return dict((await http.get(base_url + "/_stats")).json())


def _summarise(name: str, wall: float, stats: dict[str, Any], ideal: float, extra: dict[str, Any]) -> dict[str, Any]:
    served = stats["items_served"]
    return {
        "client": name,
        "wall_s": wall,
        "ideal_s": ideal,
        "ideal_over_wall": ideal / wall if wall > 0 else 0.0,
        "requests": stats["requests"],
        "throttled_429": sum(stats["throttled"].values()),
        "throttled_by_operation": stats["throttled"],
        "orders": stats["orders"],
        "orders_with_items": len(served),
        "all_fetched_once": len(served) == stats["orders"] and all(n == 1 for n in served.values()),
        "orders_per_s": len(served) / wall if wall > 0 else 0.0,
        **extra,
    }


async def _pull(
    producer: Callable[[], Awaitable[None]], worker: Callable[[Any], Awaitable[None]], receive: Any, workers: int
) -> None:
    """The producer (order ids, page by page) and ``workers`` workers (each its own clone of ``receive``)."""
    async with anyio.create_task_group() as tg:
        tg.start_soon(producer)
        for _ in range(workers):
            tg.start_soon(worker, receive.clone())
        receive.close()


async def p1_ours(
    base_url: str, orders: int, page_size: int, time_scale: float, workers: int, margin: float | None
) -> dict[str, Any]:
    # client.request matches both paths to their operations in sp.OPERATIONS: same keys and published plans as
    # client.orders_v0.get_orders / get_order_items.
    assert match_operation("GET", "/orders/v0/orders/X/orderItems") is not None, "operation registry missing"
    # The server's plans are K times Amazon's and its x-amzn-RateLimit-Limit says so; the limiter follows that
    # header only within header_factor of the published plan (10 by default), so the scaled world widens it to K.
    factor = max(10.0, time_scale)
    limiter = sp.Limiter(header_factor=factor) if margin is None else sp.Limiter(margin=margin, header_factor=factor)
    http = httpx.AsyncClient(limits=httpx.Limits(max_connections=workers + 4, max_keepalive_connections=workers + 4))
    client = sp.SPAPIClient(
        client_id="amzn1.application-oa2-client.bench",
        client_secret="bench-secret",
        refresh_token="Atzr|bench",
        endpoint=base_url,
        lwa_endpoint=base_url + "/auth/o2/token",
        http_client=http,
        limiter=limiter,
        use_rdt=False,  # the benchmark server has no Tokens API; restricted data is not the point here
    )
    send, receive = anyio.create_memory_object_stream[str](max_buffer_size=math.inf)
    items_seen = 0
    pages = 0

    async def producer() -> None:
        nonlocal pages
        token: str | None = None
        async with send:
            while True:
                params: dict[str, Any] = {"MarketplaceIds": MARKETPLACE, "MaxResultsPerPage": page_size}
                if token:
                    params["NextToken"] = token
                else:
                    params["CreatedAfter"] = "2026-01-01T00:00:00Z"
                response = await client.request("GET", "/orders/v0/orders", params=params)
                pages += 1
                payload = response.json()["payload"]
                for order in payload["Orders"]:
                    send.send_nowait(order["AmazonOrderId"])
                token = payload.get("NextToken")
                if not token:
                    return

    async def worker(stream: Any) -> None:
        nonlocal items_seen
        async with stream:
            async for order_id in stream:
                response = await client.request("GET", f"/orders/v0/orders/{order_id}/orderItems")
                items_seen += len(response.json()["payload"]["OrderItems"])

    started = time.monotonic()
    await _pull(producer, worker, receive, workers)
    wall = time.monotonic() - started
    await client.aclose()
    stats = await _server_stats(base_url)
    ideal = ideal_seconds(pages, orders, time_scale)
    limiter_stats = {k.rsplit("|", 1)[-1]: v for k, v in limiter.stats().items()}
    extra = {
        "items": items_seen,
        "limiter": {
            name: {"grants": s.grants, "throttled": s.throttled, "rate": s.rate, "source": s.plan_source}
            for name, s in limiter_stats.items()
        },
    }
    return _summarise("spapi_async", wall, stats, ideal, extra)


async def p1_baseline(
    base_url: str, orders: int, page_size: int, time_scale: float, workers: int, limit: float
) -> dict[str, Any]:
    try:
        from sp_api.asyncio.api import Orders
        from sp_api.asyncio.auth.access_token_client import AccessTokenClient
        from sp_api.asyncio.util import load_all_pages, throttle_retry
        from sp_api.base import Marketplaces
    except ImportError:
        return {"client": "python-amazon-sp-api", "error": "not installed: pip install python-amazon-sp-api"}

    host = base_url.split("://", 1)[1]

    class LocalTokenClient(AccessTokenClient):  # type: ignore[misc]
        scheme = "http://"

    LocalTokenClient.host = host
    credentials = {
        "refresh_token": "Atzr|bench",
        "lwa_app_id": "amzn1.application-oa2-client.bench",
        "lwa_client_secret": "bench-secret",
    }
    api = Orders(Marketplaces.US, credentials=credentials, auth_token_client_class=LocalTokenClient)
    api.endpoint = base_url
    scale = 1.0 / time_scale

    @load_all_pages(throttle_by_seconds=2 * scale)  # type: ignore[misc]
    @throttle_retry(delay=5 * scale)  # type: ignore[misc]
    async def orders_pages(**kwargs: Any) -> Any:
        return await api.get_orders(**kwargs)

    @throttle_retry(delay=5 * scale)  # type: ignore[misc]
    async def order_items(order_id: str) -> Any:
        return await api.get_order_items(order_id)

    send, receive = anyio.create_memory_object_stream[str](max_buffer_size=math.inf)
    pages = 0
    failures = 0

    async def producer() -> None:
        nonlocal pages
        async with send:
            async for page in orders_pages(
                MarketplaceIds=[MARKETPLACE], CreatedAfter="2026-01-01T00:00:00Z", MaxResultsPerPage=page_size
            ):
                pages += 1
                for order in page.payload["Orders"]:
                    send.send_nowait(order["AmazonOrderId"])

    async def worker(stream: Any) -> None:
        nonlocal failures
        async with stream:
            async for order_id in stream:
                try:
                    await order_items(order_id)
                except Exception:  # gave up after its retries: the order's items are lost
                    failures += 1

    started = time.monotonic()
    with anyio.move_on_after(limit) as scope:
        await _pull(producer, worker, receive, workers)
    wall = time.monotonic() - started
    stats = await _server_stats(base_url)
    ideal = ideal_seconds(math.ceil(orders / page_size), orders, time_scale)
    extra = {"gave_up": failures, "cut_off": scope.cancelled_caught}
    return _summarise("python-amazon-sp-api", wall, stats, ideal, extra)
