"""Token bucket: the waiting machinery (FIFO, exact wake-ups, cancellation, refunds, re-timing), on a fake clock,
asyncio and trio. The arithmetic: ``test_bucket_arithmetic.py``; timer slack: ``test_bucket_timer_slack.py``."""

from __future__ import annotations

import math

import anyio
import pytest

from spapi_async.testing import FakeClock
from spapi_async.throttle.bucket import TokenBucket

pytestmark = pytest.mark.anyio

# ---------------------------------------------------------------------------------------------- waiting


async def _start(
    tg: anyio.abc.TaskGroup, bucket: TokenBucket, clock: FakeClock, log: list[tuple[str, float]], name: str
) -> anyio.CancelScope:
    scope = anyio.CancelScope()

    async def run() -> None:
        with scope:
            await bucket.acquire()
            log.append((name, clock.monotonic()))

    tg.start_soon(run)
    await clock.settle()
    return scope


async def test_burst_then_exact_wakeups_fifo() -> None:
    clock = FakeClock(start=0.0)
    rate = 0.0167
    bucket = TokenBucket(rate, 20, clock=clock)
    for _ in range(20):
        await bucket.acquire()
    assert clock.monotonic() == 0.0
    log: list[tuple[str, float]] = []
    async with anyio.create_task_group() as tg:
        for i in range(5):
            await _start(tg, bucket, clock, log, f"w{i}")
        # One timer for the whole queue: only the head sleeps.
        assert clock.sleepers == 1
        assert bucket.waiting == 5
        await clock.run_until_idle()
    assert [name for name, _ in log] == [f"w{i}" for i in range(5)]
    for k, (_, at) in enumerate(log, start=1):
        assert at == pytest.approx(k / rate, abs=1e-6)
    # Exactly one sleep per waited grant: no polling, no fixed steps.
    assert clock.sleep_calls == 5
    assert all(deadline == woken for deadline, woken in clock.wakeups)


async def test_fractional_rate_0_0056_burst_20() -> None:
    clock = FakeClock(start=50.0)
    bucket = TokenBucket(0.0056, 20, clock=clock)
    for _ in range(20):
        await bucket.acquire()
    log: list[tuple[str, float]] = []
    async with anyio.create_task_group() as tg:
        await _start(tg, bucket, clock, log, "late")
        await clock.advance(178.0)
        assert log == []
        await clock.advance(1.0)
    assert log[0][1] == pytest.approx(50.0 + 1 / 0.0056)
    assert bucket.tokens() == pytest.approx((179.0 - 1 / 0.0056) * 0.0056, abs=1e-9)


async def test_refill_up_to_burst_after_idle() -> None:
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(2.0, 3, clock=clock)
    for _ in range(3):
        await bucket.acquire()
    await clock.advance(100.0)
    assert bucket.tokens() == 3.0
    for _ in range(3):
        await bucket.acquire()
    assert clock.monotonic() == 100.0
    assert clock.sleep_calls == 0


def _expected_times(start: float, rate: float, count: int) -> list[float]:
    return [start + k / rate for k in range(1, count + 1)]


@pytest.mark.parametrize("victim", [0, 1, 2, 4])
@pytest.mark.parametrize("when", ["queued", "just-before-due", "after-token-1"])
async def test_cancelled_waiter_takes_nothing_and_stalls_nobody(victim: int, when: str) -> None:
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(1.0, 1, clock=clock)
    await bucket.acquire()  # empty
    log: list[tuple[str, float]] = []
    async with anyio.create_task_group() as tg:
        scopes = [await _start(tg, bucket, clock, log, f"w{i}") for i in range(5)]
        if when == "queued":
            scopes[victim].cancel()
        elif when == "just-before-due":
            await clock.advance(0.999)
            scopes[victim].cancel()
        else:
            await clock.advance(1.0)
            scopes[victim].cancel()
        await clock.run_until_idle()
    names = [name for name, _ in log]
    if when == "after-token-1" and victim == 0:
        # w0 had its token at t=1 and finished before the cancel; nobody lost anything.
        expected = [f"w{i}" for i in range(5)]
    else:
        expected = [f"w{i}" for i in range(5) if i != victim]
    assert names == expected
    assert [at for _, at in log] == pytest.approx(_expected_times(0.0, 1.0, len(expected)))
    assert bucket.waiting == 0


async def test_cancelling_every_waiter_leaves_bucket_whole() -> None:
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(1.0, 2, clock=clock)
    await bucket.acquire()
    await bucket.acquire()
    log: list[tuple[str, float]] = []
    async with anyio.create_task_group() as tg:
        scopes = [await _start(tg, bucket, clock, log, f"w{i}") for i in range(4)]
        await clock.advance(0.5)
        for scope in scopes:
            scope.cancel()
        await clock.settle()
    assert log == []
    assert bucket.waiting == 0
    assert clock.sleepers == 0
    await clock.advance(1.5)
    assert bucket.tokens() == 2.0  # nothing was consumed by the cancelled waiters


async def test_granted_but_cancelled_before_resuming_gives_token_back() -> None:
    """A waiter granted by the previous head and cancelled before it runs: its token is not lost."""
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(1.0, 3, clock=clock, margin=0.0)
    for _ in range(3):
        await bucket.acquire()
    log: list[tuple[str, float]] = []
    victim = anyio.CancelScope()

    async def head() -> None:
        await bucket.acquire()
        log.append(("a", clock.monotonic()))
        victim.cancel()  # synchronously, right after a's grant handed a token to b

    async def second() -> None:
        with victim:
            await bucket.acquire()
            log.append(("b", clock.monotonic()))

    async with anyio.create_task_group() as tg:
        tg.start_soon(head)
        await clock.settle()
        tg.start_soon(second)
        await clock.settle()
        await _start(tg, bucket, clock, log, "c")
        bucket.release()  # two tokens appear at t=0: a takes one, b is granted the other
        bucket.release()
        await clock.settle()
        await clock.run_until_idle()
    names = [n for n, _ in log]
    assert names[0] == "a"
    # Either the cancellation arrived too late to stop b (it used its token) or b gave the token back to c; in
    # both cases both tokens were used at t=0 and nobody waited for a token that was lost.
    assert names[1:] in (["b", "c"], ["c"])
    assert [t for _, t in log[:2]] == [0.0, 0.0]
    if names[1:] == ["b", "c"]:
        assert log[2][1] == pytest.approx(1.0)


async def test_release_refunds_and_wakes_head() -> None:
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(0.1, 1, clock=clock)
    await bucket.acquire()
    log: list[tuple[str, float]] = []
    async with anyio.create_task_group() as tg:
        await _start(tg, bucket, clock, log, "w")
        await clock.advance(2.0)
        bucket.release()  # the token taken above was never used
        await clock.settle()
    assert log == [("w", 2.0)]


async def test_higher_rate_retimes_the_head() -> None:
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(0.1, 1, clock=clock)
    await bucket.acquire()
    log: list[tuple[str, float]] = []
    async with anyio.create_task_group() as tg:
        await _start(tg, bucket, clock, log, "w")
        await clock.advance(0.5)  # 0.05 tokens held
        bucket.set_plan(1.0)
        await clock.run_until_idle()
    assert log[0][1] == pytest.approx(1.45)


async def test_lower_rate_and_drain_delay_without_oversleeping() -> None:
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(1.0, 1, clock=clock)
    await bucket.acquire()
    log: list[tuple[str, float]] = []
    async with anyio.create_task_group() as tg:
        await _start(tg, bucket, clock, log, "w")
        await clock.advance(0.5)
        bucket.drain()  # a 429 at t=0.5: Amazon's bucket is empty now
        await clock.run_until_idle()
    assert log[0][1] == pytest.approx(1.5)
    assert clock.sleep_calls == 2  # woke at 1.0 as planned, found no token, slept exactly the remainder


async def test_margin_holds_back_part_of_the_burst() -> None:
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(10.0, 5, clock=clock, margin=0.05)  # keeps 0.5 token in reserve
    times: list[float] = []

    async def run() -> None:
        for _ in range(6):
            await bucket.acquire()
            times.append(clock.monotonic())

    async with anyio.create_task_group() as tg:
        tg.start_soon(run)
        await clock.run_until_idle()
    # Four at once; the fifth when the half token in reserve is refilled (0.05 s); then the full rate again.
    assert times == pytest.approx([0.0, 0.0, 0.0, 0.0, 0.05, 0.15])


async def test_many_waiters_fifo_one_timer() -> None:
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(100.0, 1, clock=clock)
    await bucket.acquire()
    order: list[int] = []
    async with anyio.create_task_group() as tg:
        for i in range(300):

            async def run(i: int = i) -> None:
                await bucket.acquire()
                order.append(i)

            tg.start_soon(run)
        await clock.settle()
        assert clock.sleepers == 1
        await clock.run_until_idle()
    assert order == list(range(300))
    assert clock.monotonic() == pytest.approx(3.0)
    assert clock.sleep_calls == 300
    assert not math.isnan(bucket.tokens())


async def test_at_rest_only_when_full_and_nobody_waits() -> None:
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(1.0, 2, clock=clock)
    assert bucket.at_rest()
    await bucket.acquire()
    assert not bucket.at_rest()
    async with anyio.create_task_group() as tg:
        tg.start_soon(bucket.acquire)
        tg.start_soon(bucket.acquire)
        await clock.settle()
        assert bucket.waiting == 1 and not bucket.at_rest()
        await clock.run_until_idle()
    await clock.advance(1.9)
    assert not bucket.at_rest()
    await clock.advance(0.1)
    assert bucket.at_rest()
