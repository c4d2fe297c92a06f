"""The seller's window, measured where it matters: on the server.

200 concurrent calls go through ``SellerCenterClient`` (and the legacy client) to an ASGI fake that stamps each
arrival with the shared virtual clock, and answers 429 / E429 if a request would be the 31st in 3 seconds.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

import anyio
import httpx
import pytest

from spapi_async.errors import ConfigurationError
from spapi_async.operation import UsagePlan
from spapi_async.sellercenter import SellerCenterClient, SellerCenterLegacyClient, SellerWindowLimiter
from spapi_async.throttle.base import LimitKey

from .fakes import FakeClock, max_in_window

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

CALLS = 200
LIMIT, WINDOW = 30, 3.0


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


class WindowedServer:
    """A Seller Center that enforces ``LIMIT`` per ``WINDOW`` itself and records every arrival time."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.arrivals: list[float] = []
        self.rejected = 0
        self._recent: deque[float] = deque()

    def _admit(self, now: float) -> bool:
        while self._recent and self._recent[0] <= now - WINDOW:
            self._recent.popleft()
        if len(self._recent) >= LIMIT:
            self.rejected += 1
            return False
        self._recent.append(now)
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert scope["type"] == "http"
        while (await receive()).get("more_body"):
            pass
        path = scope["path"]
        if path == "/oauth/client-credentials":
            await self._reply(send, 200, {"access_token": "t", "expires_in": 3600})
            return
        now = self.clock.monotonic()
        self.arrivals.append(now)
        admitted = self._admit(now)
        if path.rstrip("/") == "/legacy":
            action = dict(parse_qsl(scope["query_string"].decode()))["Action"]
            if admitted:
                body: Any = {"SuccessResponse": {"Head": {"RequestAction": action}, "Body": ""}}
            else:
                head = {"RequestAction": action, "ErrorCode": "429", "ErrorMessage": "E429: Too many requests"}
                body = {"ErrorResponse": {"Head": head, "Body": ""}}
            await self._reply(send, 200, body)
        elif admitted:
            await self._reply(send, 200, {"status": "ok"})
        else:
            await self._reply(send, 429, {"title": "Too Many Requests", "status": 429})

    @staticmethod
    async def _reply(send: Send, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": data})


def _report(name: str, server: WindowedServer, clock: FakeClock) -> str:
    busiest = max_in_window(server.arrivals, WINDOW)
    return f"{name}: {len(server.arrivals)} requests, busiest {WINDOW:g}s window {busiest}, span {clock.now:.2f}s"


@pytest.mark.anyio
async def test_v2_window_never_exceeded_under_200_concurrent_calls(anyio_backend: str) -> None:
    clock = FakeClock()
    server = WindowedServer(clock)
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=server), base_url="http://127.0.0.1")
    statuses: list[int] = []
    async with SellerCenterClient("http://127.0.0.1", "app", "secret", http_client=http, clock=clock) as client:

        async def one() -> None:
            statuses.append((await client.request("GET", "/v2/health")).status_code)

        with anyio.fail_after(30):  # real seconds: a bound on the loop, the virtual clock does the waiting
            async with anyio.create_task_group() as tg:
                for _ in range(CALLS):
                    tg.start_soon(one)
    await http.aclose()
    print(_report(f"v2 [{anyio_backend}]", server, clock))
    assert statuses == [200] * CALLS
    assert len(server.arrivals) == CALLS
    assert server.rejected == 0
    assert max_in_window(server.arrivals, WINDOW) == LIMIT  # full use of the window, never more
    # 200 calls = 7 windows of 30 (the last partial): 6 waits of window + margin (3.1 s).
    assert clock.now == pytest.approx(6 * 3.1)


@pytest.mark.anyio
async def test_legacy_window_never_exceeded_under_200_concurrent_calls(anyio_backend: str) -> None:
    clock = FakeClock()
    server = WindowedServer(clock)
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=server))
    done = 0
    async with SellerCenterLegacyClient("http://127.0.0.1/legacy", "u", "k", http_client=http, clock=clock) as client:

        async def one() -> None:
            nonlocal done
            await client.call("GetBrands")
            done += 1

        with anyio.fail_after(30):
            async with anyio.create_task_group() as tg:
                for _ in range(CALLS):
                    tg.start_soon(one)
    await http.aclose()
    print(_report(f"legacy [{anyio_backend}]", server, clock))
    assert done == CALLS
    assert server.rejected == 0
    assert max_in_window(server.arrivals, WINDOW) <= LIMIT


async def test_window_recovers_after_a_server_side_e429() -> None:
    # The server's own window was already used by another process of the same seller: it rejects the next call.
    clock = FakeClock()
    server = WindowedServer(clock)
    server._recent.extend([0.0] * LIMIT)
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=server))
    async with SellerCenterLegacyClient("http://127.0.0.1/legacy", "u", "k", http_client=http, clock=clock) as client:
        await client.call("GetBrands")
    await http.aclose()
    assert server.rejected == 1
    assert server.arrivals[1] - server.arrivals[0] >= WINDOW


async def test_limiter_is_per_seller_and_fifo() -> None:
    clock = FakeClock()
    limiter = SellerWindowLimiter(2, 1.0, margin=0.0, clock=clock)
    plan = UsagePlan(1, 1)
    order: list[tuple[str, float]] = []

    async def take(seller: str, n: int) -> None:
        await limiter.acquire(LimitKey(seller, "host", f"op{n}"), plan)
        order.append((seller, clock.now))

    for n in range(3):
        await take("a", n)
    await take("b", 0)
    assert order == [("a", 0.0), ("a", 0.0), ("a", 1.0), ("b", 1.0)]
    stats = limiter.stats()
    assert stats["a|host"]["grants"] == 3
    assert stats["b|host"]["grants"] == 1


def test_limiter_rejects_bad_settings() -> None:
    with pytest.raises(ConfigurationError):
        SellerWindowLimiter(0, 1.0)
    with pytest.raises(ConfigurationError):
        SellerWindowLimiter(1, 0)
    with pytest.raises(ConfigurationError):
        SellerWindowLimiter(1, 1.0, margin=-1)


async def test_configurable_window_on_the_client() -> None:
    clock = FakeClock()
    client = SellerCenterClient("http://127.0.0.1", "a", "b", requests_per_window=50, window=1.0, clock=clock)
    assert isinstance(client.limiter, SellerWindowLimiter)
    assert (client.limiter.requests, client.limiter.window) == (50, 1.0)
    await client.aclose()
