"""Sliding windows measured at the server's side (issue 15, item 3): a slot counts from the moment its response
(or failure) came back, so arrival jitter cannot put limit + 1 requests into one window at the server."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import anyio
import httpx
import pytest

import spapi_async as sp
from spapi_async.testing import FakeClock
from spapi_async.throttle import Limiter, LimitKey, SlidingWindow, WindowPlan

from .fakes import BASE, CLIENT_ID, CLIENT_SECRET, LWA, REFRESH_TOKEN, FakeAmazon, InstantClock

KEY = LimitKey("sc:app", "sc", "raw:GET /v2/orders")


async def test_a_completed_slot_counts_from_its_completion() -> None:
    clock = FakeClock(start=0.0)
    window = SlidingWindow(2, 1.0, clock=clock)
    await window.acquire()
    await window.acquire()
    await clock.advance(0.3)
    window.complete()  # the first response comes back at 0.3
    granted: list[float] = []

    async def one() -> None:
        await window.acquire()
        granted.append(clock.monotonic())

    async with anyio.create_task_group() as tg:
        tg.start_soon(one)
        tg.start_soon(one)
        await clock.run_until_idle()
    # the slot never reported stays counted from its grant (0.0); the reported one from 0.3
    assert granted == [pytest.approx(1.0), pytest.approx(1.3)]


async def test_completions_move_the_oldest_slot_in_flight_and_nothing_when_none_is() -> None:
    clock = FakeClock(start=0.0)
    window = SlidingWindow(1, 1.0, clock=clock)
    window.complete()  # nothing in flight: no effect
    await window.acquire()
    await clock.advance(0.5)
    window.complete()
    window.complete()  # a second report for one slot changes nothing
    assert window.in_window() == 1
    await clock.advance(0.99)
    assert window.in_window() == 1  # counts until 0.5 + 1.0
    await clock.advance(0.01)
    assert window.in_window() == 0


async def test_the_limiter_completes_window_slots_on_observe() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter({KEY.operation: WindowPlan(1, 1.0)}, clock=clock, window_margin=0.0)
    await limiter.acquire(KEY, WindowPlan(1, 1.0))
    await clock.advance(0.4)
    await limiter.observe(KEY, 200, {})
    gate = limiter.gate(KEY)
    assert isinstance(gate, SlidingWindow)
    await clock.advance(0.9)
    assert gate.in_window() == 1  # counted from 0.4, still in the window at 1.3


async def test_arrival_jitter_cannot_put_two_requests_into_one_window_at_the_server() -> None:
    """The first request takes 0.3 s to reach the server; the second none. Counting from the grant lets the
    second arrive 0.7 s after the first, inside a 1 s window; counting from the response cannot."""
    clock = InstantClock(start=0.0)
    arrivals: list[float] = []
    delays = [0.3, 0.0]

    def respond(request: httpx.Request) -> httpx.Response:
        clock.advance(delays.pop(0))
        arrivals.append(clock.monotonic())
        return httpx.Response(200, json={"payload": {}})

    amazon = FakeAmazon(routes={"/orders/v0/orders": respond})
    limiter = Limiter({"orders_v0.get_orders": WindowPlan(1, 1.0)}, clock=clock, window_margin=0.0)
    async with sp.SPAPIClient(
        CLIENT_ID,
        CLIENT_SECRET,
        REFRESH_TOKEN,
        endpoint=BASE,
        lwa_endpoint=LWA,
        http_client=amazon.http(),
        clock=clock,
        limiter=limiter,
        use_rdt=False,
    ) as client:
        await client.orders_v0.get_orders(marketplace_ids=["ATVPDKIKX0DER"])
        await client.orders_v0.get_orders(marketplace_ids=["ATVPDKIKX0DER"])
    assert len(arrivals) == 2
    assert arrivals[1] - arrivals[0] >= 1.0


class _Recording:
    paces_throttled_retries = True

    def __init__(self) -> None:
        self.events: list[tuple[str, int]] = []

    async def acquire(self, key: LimitKey, plan: Any) -> None:
        return None

    async def release(self, key: LimitKey) -> None:
        self.events.append(("release", 0))

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        self.events.append(("observe", status))

    def stats(self) -> Mapping[str, Any]:
        return {}


async def test_a_failure_after_sending_is_reported_as_a_completion() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/o2/token":
            return httpx.Response(200, json={"access_token": "Atza|x", "expires_in": 3600})
        raise httpx.ReadTimeout("slow")  # it may have reached the server: completed, status 0

    limiter = _Recording()
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    async with sp.SPAPIClient(
        CLIENT_ID,
        CLIENT_SECRET,
        REFRESH_TOKEN,
        endpoint=BASE,
        lwa_endpoint=LWA,
        http_client=http,
        clock=InstantClock(),
        limiter=limiter,
        use_rdt=False,
        retry=sp.RetryPolicy(max_attempts=1),
    ) as client:
        with pytest.raises(sp.TransportError):
            await client.request("GET", "/orders/v0/orders")
    assert limiter.events == [("observe", 0)]


async def test_a_caller_cancelled_while_its_request_is_in_flight_still_completes_the_slot() -> None:
    started = anyio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/o2/token":
            return httpx.Response(200, json={"access_token": "Atza|x", "expires_in": 3600})
        started.set()
        await anyio.sleep_forever()
        raise AssertionError  # pragma: no cover

    limiter = _Recording()
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    async with (
        sp.SPAPIClient(
            CLIENT_ID,
            CLIENT_SECRET,
            REFRESH_TOKEN,
            endpoint=BASE,
            lwa_endpoint=LWA,
            http_client=http,
            limiter=limiter,
            use_rdt=False,
        ) as client,
        anyio.create_task_group() as tg,
    ):
        tg.start_soon(client.request, "GET", "/orders/v0/orders")
        await started.wait()
        tg.cancel_scope.cancel()
    assert limiter.events == [("observe", 0)]
