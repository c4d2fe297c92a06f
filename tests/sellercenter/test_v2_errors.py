"""SellerCenterClient errors: RFC 7807 bodies become typed errors, maintenance 503s and 429s are retried after
what the server says (the window closes on a 429), and what is raised when retries run out."""

from __future__ import annotations

import httpx
import pytest

import spapi_async as sp
from spapi_async.errors import ServerError, ThrottledError
from spapi_async.retry import RetryPolicy
from spapi_async.sellercenter import SellerCenterClient
from spapi_async.sellercenter.errors import (
    SellerCenterClientError,
    SellerCenterNotFoundError,
    SellerCenterServerError,
    SellerCenterThrottledError,
)

from .fakes import BASE, FakeClock, FakeServer, problem


async def test_rfc7807_error_becomes_a_typed_seller_center_error(
    client: SellerCenterClient, server: FakeServer
) -> None:
    server.routes[("PUT", "/v2/product/5/prices/SG")] = lambda r: problem(
        422, "Validation Failed", "price must be positive", violations=[{"propertyPath": "price", "message": "< 0"}]
    )
    with pytest.raises(SellerCenterClientError) as info:
        await client.request("PUT", "/v2/product/5/prices/SG", json={"price": -1})
    err = info.value
    assert isinstance(err, sp.SellerCenterError)
    assert isinstance(err, sp.SPAPIError)
    assert (err.status_code, err.title, err.detail, err.type) == (
        422,
        "Validation Failed",
        "price must be positive",
        "about:blank",
    )
    assert [(e.code, e.message) for e in err.errors] == [
        ("Validation Failed", "price must be positive"),
        ("price", "< 0"),
    ]
    server.routes[("GET", "/v2/brands/9")] = lambda r: problem(404, "Not Found", "no brand 9")
    with pytest.raises(SellerCenterNotFoundError):
        await client.brands.get_brands_by_brand_id(brand_id=9)


async def test_maintenance_503_is_retried_after_retry_after(
    client: SellerCenterClient, server: FakeServer, clock: FakeClock
) -> None:
    calls: list[float] = []

    def health(request: httpx.Request) -> httpx.Response:
        calls.append(clock.now)
        if len(calls) == 1:
            body = {"message": "Service is unavailable due to maintenance mode", "caused_by": "maintenance_mode"}
            return httpx.Response(503, json=body, headers={"Retry-After": "42"})
        return httpx.Response(200, json={"ok": True})

    server.routes[("POST", "/v2/orders/statuses/set-to-shipped")] = health
    response = await client.request("POST", "/v2/orders/statuses/set-to-shipped", json={"orderItemIds": [1]})
    assert response.json() == {"ok": True}
    assert len(calls) == 2
    assert calls[1] - calls[0] == pytest.approx(42.0)


async def test_maintenance_error_when_retries_run_out(server: FakeServer, clock: FakeClock) -> None:
    server.routes[("GET", "/v2/health")] = lambda r: httpx.Response(
        503, json={"message": "maintenance", "caused_by": "maintenance_mode"}, headers={"Retry-After": "1"}
    )
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    async with SellerCenterClient(
        BASE, server.client_id, server.client_secret, http_client=http, clock=clock, retry=RetryPolicy(max_attempts=2)
    ) as c:
        with pytest.raises(SellerCenterServerError) as info:
            await c.request("GET", "/v2/health")
    await http.aclose()
    assert info.value.maintenance
    assert isinstance(info.value, ServerError)
    assert len(server.api_requests()) == 2


async def test_429_closes_the_window_and_the_retry_waits_for_it(
    client: SellerCenterClient, server: FakeServer, clock: FakeClock
) -> None:
    arrivals: list[float] = []

    def health(request: httpx.Request) -> httpx.Response:
        arrivals.append(clock.now)
        if len(arrivals) == 1:
            return problem(429, "Too Many Requests", "slow down")
        return httpx.Response(200, json={})

    server.routes[("GET", "/v2/health")] = health
    await client.request("GET", "/v2/health")
    assert len(arrivals) == 2
    assert arrivals[1] - arrivals[0] >= 3.0  # the seller's window was closed for a full window
    stats = next(iter(client.limiter.stats().values()))
    assert stats.throttled == 1
    assert stats.grants == 2


async def test_429_raises_throttled_when_not_retried(server: FakeServer, clock: FakeClock) -> None:
    server.routes[("GET", "/v2/health")] = lambda r: problem(429, "Too Many Requests", "slow down")
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    async with SellerCenterClient(
        BASE, server.client_id, server.client_secret, http_client=http, clock=clock, retry=RetryPolicy(max_attempts=1)
    ) as c:
        with pytest.raises(SellerCenterThrottledError) as info:
            await c.request("GET", "/v2/health")
    await http.aclose()
    assert isinstance(info.value, ThrottledError)
