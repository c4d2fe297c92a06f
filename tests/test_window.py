"""Sliding window: at most N requests in any W seconds, on a fake clock, asyncio and trio."""

from __future__ import annotations

import random

import anyio
import pytest

from spapi_async.errors import ConfigurationError
from spapi_async.testing import FakeClock
from spapi_async.throttle import bucket as b
from spapi_async.throttle.window import SlidingWindow, WindowPlan, window_fill, window_prune, window_take

pytestmark = pytest.mark.anyio


def _max_in_any_window(times: list[float], window: float) -> int:
    """The most grants inside any half-open interval [t, t + window)."""
    times = sorted(times)
    best = 0
    j = 0
    for i, start in enumerate(times):
        j = max(j, i)
        while j < len(times) and times[j] < start + window - 1e-9:
            j += 1
        best = max(best, j - i)
    return best


def test_window_take_pure() -> None:
    times: tuple[float, ...] = ()
    for _ in range(3):
        times, wait = window_take(times, 3, 3.0, 10.0)
        assert wait == 0.0
    times, wait = window_take(times, 3, 3.0, 11.0)
    assert wait == pytest.approx(2.0)
    assert len(times) == 3
    times, wait = window_take(times, 3, 3.0, 13.0)  # the grants at 10.0 left the window at exactly 13.0
    assert wait == 0.0
    assert times == (13.0,)
    assert window_prune((1.0, 2.0, 3.0), 3.0, 5.0) == (3.0,)
    assert window_fill(2, 4.0) == (4.0, 4.0)


def test_token_bucket_would_allow_sixty_in_three_seconds() -> None:
    """Why Seller Center needs a window: rate 10 burst 30 lets 59 requests through in [0, 3), the window 30."""
    tokens, stamp, granted = 30.0, 0.0, []
    now = 0.0
    while now < 3.0 - 1e-9:
        tokens, stamp, wait = b.take(tokens, stamp, 10.0, 30.0, now)
        if wait == 0.0:
            granted.append(now)
        else:
            now += wait
    assert len(granted) == 59
    times: tuple[float, ...] = ()
    count = 0
    for now in granted:
        times, wait = window_take(times, 30, 3.0, now)
        count += wait == 0.0
    assert count == 30


def test_plan_validation() -> None:
    assert WindowPlan().limit == 30
    assert WindowPlan().rate == 10.0
    with pytest.raises(ConfigurationError):
        WindowPlan(0, 3.0)
    with pytest.raises(ConfigurationError):
        WindowPlan(30, 0.0)
    with pytest.raises(ConfigurationError):
        SlidingWindow(30, 3.0, margin=-0.1)


async def test_thirty_then_exactly_one_window_later() -> None:
    clock = FakeClock(start=0.0)
    window = SlidingWindow(clock=clock)
    times: list[float] = []

    async def run() -> None:
        for _ in range(61):
            await window.acquire()
            times.append(clock.monotonic())

    async with anyio.create_task_group() as tg:
        tg.start_soon(run)
        await clock.run_until_idle()
    assert times[:30] == [0.0] * 30
    assert times[30:60] == [3.0] * 30
    assert times[60] == 6.0
    assert clock.sleep_calls == 2


async def test_bursts_at_window_edges_never_exceed_the_limit() -> None:
    """Requests arrive in bursts just before and after window edges; the window must hold, and grant each as
    soon as allowed: t_i = max(arrival_i, t_{i-30} + 3)."""
    clock = FakeClock(start=0.0)
    window = SlidingWindow(30, 3.0, clock=clock)
    rng = random.Random(7)
    arrivals: list[float] = []
    t = 0.0
    for _ in range(12):
        t += rng.choice([0.001, 2.999, 3.0, 3.001, 1.5, 0.0])
        arrivals.extend([t] * rng.randint(5, 40))
    granted: dict[int, float] = {}

    async def request(i: int, at: float) -> None:
        await window.acquire()
        granted[i] = clock.monotonic()

    async with anyio.create_task_group() as tg:
        i = 0
        for at in sorted(set(arrivals)):
            await clock.advance(at - clock.monotonic())
            for _ in range(arrivals.count(at)):
                tg.start_soon(request, i, at)
                await clock.settle()
                i += 1
        await clock.run_until_idle()
    times = [granted[k] for k in range(len(arrivals))]
    assert times == sorted(times)  # FIFO
    assert _max_in_any_window(times, 3.0) <= 30
    for k, at in enumerate(arrivals):
        due = max(at, times[k - 30] + 3.0) if k >= 30 else at
        assert times[k] == pytest.approx(due)


async def test_fill_after_e429_and_margin() -> None:
    clock = FakeClock(start=0.0)
    window = SlidingWindow(2, 1.0, clock=clock, margin=0.25)
    times: list[float] = []

    async def run() -> None:
        await window.acquire()
        times.append(clock.monotonic())
        window.fill()  # the server said E429: nobody goes for a whole (widened) window
        await window.acquire()
        times.append(clock.monotonic())
        await window.acquire()
        times.append(clock.monotonic())

    async with anyio.create_task_group() as tg:
        tg.start_soon(run)
        await clock.run_until_idle()
    assert times == pytest.approx([0.0, 1.25, 1.25])
    assert window.in_window() == 2


async def test_window_cancellation_takes_no_slot() -> None:
    clock = FakeClock(start=0.0)
    window = SlidingWindow(1, 1.0, clock=clock)
    await window.acquire()
    log: list[tuple[str, float]] = []
    scopes = []
    async with anyio.create_task_group() as tg:
        for name in "abc":
            scope = anyio.CancelScope()
            scopes.append(scope)

            async def run(name: str = name, scope: anyio.CancelScope = scope) -> None:
                with scope:
                    await window.acquire()
                    log.append((name, clock.monotonic()))

            tg.start_soon(run)
            await clock.settle()
        await clock.advance(0.5)
        scopes[0].cancel()
        await clock.run_until_idle()
    assert log == [("b", 1.0), ("c", 2.0)]


async def test_at_rest_once_every_request_has_left_the_window() -> None:
    clock = FakeClock(start=0.0)
    window = SlidingWindow(2, 3.0, clock=clock)
    assert window.at_rest()
    await window.acquire()
    await clock.advance(1.0)
    await window.acquire()
    assert not window.at_rest()
    await clock.advance(2.0)  # the first has left the window, the second has not
    assert not window.at_rest()
    await clock.advance(1.0)
    assert window.at_rest()
