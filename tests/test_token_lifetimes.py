"""Token lifetimes: short-lived tokens are used for most of their life, odd ``expires_in`` values mean "use once"
without a storm, and an attempt looks its credential up once. LWA, RDT and Seller Center OAuth alike."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from typing import Any

import anyio
import httpx
import pytest

import spapi_async as sp
from spapi_async.sellercenter import SellerCenterClient
from spapi_async.throttle.base import NullLimiter

from .fakes import InstantClock, fake_client

PARTICIPATIONS = "/sellers/v1/marketplaceParticipations"
RDT_PATH = "/tokens/2021-03-01/restrictedDataToken"
SC_BASE = "http://127.0.0.1:9"


class TokenServer:
    """LWA + the Tokens API + two API paths; counts token requests and records which token each call carried."""

    def __init__(self, expires_in: Any, rdt_expires_in: Any = 3600) -> None:
        self.expires_in = expires_in
        self.rdt_expires_in = rdt_expires_in
        self.lwa_requests = 0
        self.rdt_requests = 0
        self.sent: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/o2/token":
            self.lwa_requests += 1
            body = {"access_token": f"Atza|SECRET-{self.lwa_requests}", "expires_in": self.expires_in}
            return httpx.Response(200, content=json.dumps(body).encode())
        if request.url.path == RDT_PATH:
            self.rdt_requests += 1
            body = {"restrictedDataToken": f"Atz.sprdt|SECRET-{self.rdt_requests}", "expiresIn": self.rdt_expires_in}
            return httpx.Response(200, content=json.dumps(body).encode())
        self.sent.append(request.headers["x-amz-access-token"])
        if request.url.path.startswith("/orders/v0/orders/"):
            return httpx.Response(200, json={"payload": {"AmazonOrderId": "1"}})
        return httpx.Response(200, json={"payload": []})


def _client(server: TokenServer, clock: InstantClock) -> sp.SPAPIClient:
    return fake_client(
        httpx.AsyncClient(transport=httpx.MockTransport(server)),
        clock,
        limiter=NullLimiter(),
    )


async def _run(clock: InstantClock, seconds: float, step: float, call: Callable[[], Any]) -> int:
    calls = 0
    end = clock.time() + seconds
    while clock.time() < end:
        await call()
        calls += 1
        clock.advance(step)
    return calls


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [
        (3600, 3600.0),
        ("5", 5.0),
        (None, 3600.0),
        (0, 0.0),
        (-5, 0.0),
        (math.nan, 0.0),
        (math.inf, 0.0),
        ("soon", 0.0),
        ([], 0.0),
    ],
)
def test_lifetime_of(raw: Any, seconds: float) -> None:
    from spapi_async.auth.tokens import lifetime_of

    assert lifetime_of(raw) == seconds


def test_refresh_margin_is_proportional_to_the_lifetime() -> None:
    from spapi_async.auth.tokens import CachedToken

    hour = CachedToken.issued("a", 1000.0, 3600)
    assert hour.refresh_at() == 1000.0 + 3600 - 60  # the margin caps at a minute
    five = CachedToken.issued("a", 1000.0, 5)
    assert five.refresh_at() == pytest.approx(1004.75)
    assert five.fresh(1004.7) and not five.fresh(1004.8)
    once = CachedToken.issued("a", 1000.0, -5)
    assert once.use_once and not once.fresh(1000.0)
    assert "SECRET" not in repr(CachedToken.issued("SECRET", 0.0, 5))


async def test_five_second_tokens_over_a_24_second_run() -> None:
    """The issue's measurement: 339 token requests where ceil(24/5)+1 = 6 suffice."""
    server = TokenServer(expires_in=5)
    clock = InstantClock()
    async with _client(server, clock) as client:
        calls = await _run(clock, 24.0, 0.1, lambda: client.request("GET", PARTICIPATIONS))
    assert calls >= 240
    assert server.lwa_requests <= math.ceil(24 / 5) + 1
    assert len(set(server.sent)) == server.lwa_requests


@pytest.mark.parametrize("expires_in", [0, -5, math.nan, math.inf, "never"])
async def test_use_once_tokens_cost_one_request_per_call(expires_in: Any) -> None:
    server = TokenServer(expires_in=expires_in)
    clock = InstantClock()
    async with _client(server, clock) as client:
        for _ in range(10):
            await client.request("GET", PARTICIPATIONS)
    assert server.lwa_requests == 10  # one per call, not two, and never cached forever
    assert server.sent == [f"Atza|SECRET-{i}" for i in range(1, 11)]  # each call carries the token it fetched


@pytest.mark.parametrize("expires_in", [1, 59])
async def test_tokens_shorter_than_the_margin_are_reused(expires_in: int) -> None:
    server = TokenServer(expires_in=expires_in)
    clock = InstantClock()
    async with _client(server, clock) as client:
        for _ in range(10):
            await client.request("GET", PARTICIPATIONS)
    assert server.lwa_requests == 1


async def test_use_once_token_is_shared_by_concurrent_callers_without_a_storm() -> None:
    server = TokenServer(expires_in=0)
    clock = InstantClock()
    async with _client(server, clock) as client, anyio.create_task_group() as tg:
        for _ in range(50):
            tg.start_soon(client.request, "GET", PARTICIPATIONS)
    assert len(server.sent) == 50
    assert 1 <= server.lwa_requests <= 50
    assert server.lwa_requests == len(set(server.sent))


class SlowLimiter(NullLimiter):
    """Every acquire waits ``wait`` seconds of the injected clock; acquires and releases are counted."""

    def __init__(self, clock: InstantClock, wait: float) -> None:
        self.clock, self.wait = clock, wait
        self.acquired = self.released = 0

    async def acquire(self, key: Any, plan: Any) -> None:
        self.acquired += 1
        self.clock.advance(self.wait)

    async def release(self, key: Any) -> None:
        self.released += 1


class LookupCounter:
    """Counts the credential lookups (``authorize`` calls) of a client's authenticator."""

    def __init__(self, client: sp.SPAPIClient) -> None:
        self.count = 0
        auth = client.transport.auth
        authorize = auth.authorize

        async def counting(call: Any, exchange: Any) -> Any:
            self.count += 1
            return await authorize(call, exchange)

        auth.authorize = counting  # type: ignore[method-assign]


async def test_credential_looked_up_again_only_when_the_limiter_wait_outlasts_it() -> None:
    """One lookup per attempt; after a limiter wait longer than the token's life, one more (not a storm)."""
    server = TokenServer(expires_in=5)
    clock = InstantClock()
    async with _client(server, clock) as client:
        lookups = LookupCounter(client)
        client.transport.limiter = SlowLimiter(clock, 1.0)
        await client.request("GET", PARTICIPATIONS)
        assert (lookups.count, server.lwa_requests) == (1, 1)
        client.transport.limiter = SlowLimiter(clock, 10.0)
        await client.request("GET", PARTICIPATIONS)
        # Token 1 was still fresh when looked up, stale after the wait: asked again, token 2 sent.
        assert (lookups.count, server.lwa_requests) == (3, 2)
    assert server.sent == ["Atza|SECRET-1", "Atza|SECRET-2"]


async def test_a_long_wait_costs_no_second_lookup_while_the_token_is_good_and_x_amz_date_is_the_send_time() -> None:
    """x-amz-date is stamped when the request is built: a wait longer than a minute (the old date tolerance) no
    longer looks the credential up again, and the date sent is that of the send, after the wait. A token that aged
    out during the wait gives the limiter's grant back before the attempt starts afresh."""
    dates: list[str] = []
    server = TokenServer(expires_in=3600)

    def recording(request: httpx.Request) -> httpx.Response:
        if "x-amz-date" in request.headers:
            dates.append(request.headers["x-amz-date"])
        return server(request)

    clock = InstantClock()
    async with fake_client(httpx.AsyncClient(transport=httpx.MockTransport(recording)), clock) as client:
        lookups = LookupCounter(client)
        limiter = SlowLimiter(clock, 600.0)
        client.transport.limiter = limiter
        await client.request("GET", PARTICIPATIONS)
        assert (lookups.count, limiter.acquired, limiter.released) == (1, 1, 0)
        assert dates == [time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(int(clock.time())))]
        limiter.wait = 3600.0  # outlasts the token: one restart, its grant given back
        await client.request("GET", PARTICIPATIONS)
        assert (lookups.count, limiter.acquired, limiter.released) == (3, 3, 1)
    assert server.sent == ["Atza|SECRET-1", "Atza|SECRET-2"]


async def test_short_lived_rdts_over_a_24_second_run() -> None:
    server = TokenServer(expires_in=3600, rdt_expires_in=5)
    clock = InstantClock()
    async with _client(server, clock) as client:
        await _run(clock, 24.0, 0.1, lambda: client.request("GET", "/orders/v0/orders/1/address"))
    assert server.rdt_requests <= math.ceil(24 / 5) + 1
    assert server.lwa_requests == 1


@pytest.mark.parametrize("rdt_expires_in", [0, math.nan])
async def test_use_once_rdts_cost_one_request_per_call(rdt_expires_in: float) -> None:
    server = TokenServer(expires_in=3600, rdt_expires_in=rdt_expires_in)
    clock = InstantClock()
    async with _client(server, clock) as client:
        for _ in range(5):
            await client.request("GET", "/orders/v0/orders/1/address")
    assert server.rdt_requests == 5


class SellerCenterTokens:
    def __init__(self, expires_in: Any) -> None:
        self.expires_in = expires_in
        self.token_requests = 0
        self.sent: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/client-credentials"):
            self.token_requests += 1
            body = {"access_token": f"sc-SECRET-{self.token_requests}", "expires_in": self.expires_in}
            return httpx.Response(200, content=json.dumps(body).encode())
        self.sent.append(request.headers["authorization"])
        return httpx.Response(200, json=[])


def _seller_center(server: SellerCenterTokens, clock: InstantClock) -> SellerCenterClient:
    return SellerCenterClient(
        SC_BASE,
        "app",
        "SECRET-app",
        token_url=f"{SC_BASE}/oauth/client-credentials",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
        clock=clock,
        limiter=NullLimiter(),
    )


async def test_seller_center_five_second_tokens_over_a_24_second_run() -> None:
    server = SellerCenterTokens(5)
    clock = InstantClock()
    async with _seller_center(server, clock) as client:
        await _run(clock, 24.0, 0.1, lambda: client.request("GET", "/v2/brands"))
    assert server.token_requests <= math.ceil(24 / 5) + 1


@pytest.mark.parametrize("expires_in", [0, -1, math.nan])
async def test_seller_center_use_once_tokens(expires_in: float) -> None:
    server = SellerCenterTokens(expires_in)
    clock = InstantClock()
    async with _seller_center(server, clock) as client:
        for _ in range(5):
            await client.request("GET", "/v2/brands")
    assert server.token_requests == 5
    assert server.sent == [f"Bearer sc-SECRET-{i}" for i in range(1, 6)]
