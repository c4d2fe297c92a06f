"""The default limiter: one per event loop, shared by every client not given one; keyed by seller."""

from __future__ import annotations

import json

import anyio
import httpx
import pytest

import spapi_async as sp
from spapi_async.testing import FakeClock
from spapi_async.throttle import Limiter, LoopLimiter
from spapi_async.throttle.shared import LOOP_LIMITER, default_limiter

ITEMS = "/orders/v0/orders/{}/orderItems"  # getOrderItems: 0.5 rps, burst 30 - nothing here waits


def _handler(request: httpx.Request) -> httpx.Response:
    if request.url.host == "lwa.test":
        return httpx.Response(200, json={"access_token": "Atza|x", "expires_in": 3600, "token_type": "bearer"})
    return httpx.Response(200, content=json.dumps({"payload": {}}).encode())


def _client(refresh_token: str, **kwargs: object) -> sp.SPAPIClient:
    return sp.SPAPIClient(
        client_id="amzn1.application-oa2-client.test",
        client_secret="secret",
        refresh_token=refresh_token,
        region="na",
        endpoint="https://sp.test",
        lwa_endpoint="https://lwa.test/auth/o2/token",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(_handler)),
        use_rdt=False,  # getOrderItems is restricted; its RDT is not what this test is about
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.anyio
async def test_clients_of_one_loop_share_quotas_per_seller() -> None:
    a1, a2, b = _client("Atzr|seller-a"), _client("Atzr|seller-a"), _client("Atzr|seller-b")
    assert a1.limiter is a2.limiter is b.limiter is LOOP_LIMITER
    for client, order in ((a1, "1"), (a2, "2"), (a2, "3"), (b, "4")):
        await client.request("GET", ITEMS.format(order))
    stats = LOOP_LIMITER.stats()
    # Two clients for seller A drew on one bucket; seller B has its own.
    assert sorted(s.grants for s in stats.values()) == [1, 3]
    assert len({key.split("|")[0] for key in stats}) == 2
    assert all(key.endswith("|na|orders_v0.get_order_items") for key in stats)
    assert all("seller" not in key for key in stats)  # the refresh token itself never appears
    for client in (a1, a2, b):
        await client.aclose()


def test_each_event_loop_has_its_own_limiter() -> None:
    seen: list[Limiter] = []

    async def grab() -> None:
        first = LOOP_LIMITER.current()
        assert LOOP_LIMITER.current() is first
        seen.append(first)

    anyio.run(grab)
    anyio.run(grab, backend="trio")
    anyio.run(grab)
    assert len({id(limiter) for limiter in seen}) == 3
    # Outside any loop there is nothing to report.
    assert LOOP_LIMITER.stats() == {}


def test_an_injected_clock_or_limiter_is_not_shared() -> None:
    clock = FakeClock()
    private = default_limiter(None, clock)
    assert isinstance(private, Limiter) and private is not default_limiter(None, clock)
    given = sp.NullLimiter()
    assert default_limiter(given, clock) is given
    assert default_limiter(None, None) is LOOP_LIMITER
    assert isinstance(LOOP_LIMITER, LoopLimiter) and isinstance(LOOP_LIMITER, sp.LimiterBackend)
    assert _client("Atzr|x", clock=clock).limiter is not LOOP_LIMITER


def test_seller_center_clients_default_to_the_loop_limiter() -> None:
    v2 = sp.SellerCenterClient("http://127.0.0.1:1", "client", "secret")
    legacy = sp.SellerCenterLegacyClient("http://127.0.0.1:1", "user@example.com", "api-key")
    assert v2.limiter is LOOP_LIMITER
    assert legacy.limiter is LOOP_LIMITER
