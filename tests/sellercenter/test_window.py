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

from spapi_async.sellercenter import SellerCenterClient, SellerCenterLegacyClient
from spapi_async.throttle.limiter import DEFAULT_WINDOW_MARGIN, Limiter
from spapi_async.throttle.window import WindowPlan

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
    # 200 calls = 7 windows of 30 (the last partial): 6 waits of window + the limiter's margin.
    assert clock.now == pytest.approx(6 * (WINDOW + DEFAULT_WINDOW_MARGIN))


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


async def test_one_window_per_seller_across_endpoints() -> None:
    # Different paths and methods share the seller's window; another seller (own server here) has its own.
    clock = FakeClock()
    server_a, server_b = WindowedServer(clock), WindowedServer(clock)
    http_a = httpx.AsyncClient(transport=httpx.ASGITransport(app=server_a))
    http_b = httpx.AsyncClient(transport=httpx.ASGITransport(app=server_b))
    limiter = Limiter(clock=clock)
    async with (
        SellerCenterClient("http://127.0.0.1", "a", "s", http_client=http_a, clock=clock, limiter=limiter) as one,
        SellerCenterClient("http://127.0.0.1", "b", "s", http_client=http_b, clock=clock, limiter=limiter) as two,
    ):
        for n in range(LIMIT):
            await one.request("GET" if n % 2 else "POST", f"/v2/path-{n}")
        await two.request("GET", "/v2/other")
        assert clock.now == 0.0  # seller b did not wait for seller a's full window
        await one.request("GET", "/v2/one-more")
        assert clock.now == pytest.approx(WINDOW + DEFAULT_WINDOW_MARGIN)
    await http_a.aclose()
    await http_b.aclose()
    assert server_a.rejected == server_b.rejected == 0
    assert sorted(s.grants for s in limiter.stats().values()) == [1, LIMIT + 1]


async def test_configurable_window_on_the_client() -> None:
    clock = FakeClock()
    client = SellerCenterClient("http://127.0.0.1", "a", "b", requests_per_window=50, window=1.0, clock=clock)
    assert isinstance(client.limiter, Limiter)
    assert client.transport.plan_for(None) == WindowPlan(50, 1.0)
    await client.aclose()
