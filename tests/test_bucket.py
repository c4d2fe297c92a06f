"""Token bucket: arithmetic (pure functions) and the waiting machinery, on a fake clock, asyncio and trio."""

from __future__ import annotations

import math

import anyio
import pytest

from spapi_async.errors import ConfigurationError
from spapi_async.testing import FakeClock
from spapi_async.throttle import bucket as b
from spapi_async.throttle.bucket import TokenBucket

pytestmark = pytest.mark.anyio

# ---------------------------------------------------------------------------------------------- pure arithmetic


def test_refill_fractional_rates() -> None:
    # getOrders: 0.0167 rps, burst 20. From empty, 10 minutes refill 10.02 tokens.
    assert b.refill(0.0, 0.0, 0.0167, 20.0, 600.0) == pytest.approx(10.02)
    # ... and never more than the burst.
    assert b.refill(0.0, 0.0, 0.0167, 20.0, 3600.0) == 20.0
    # 0.0056 rps (e.g. getReports-like plans): one token takes 178.57 s.
    assert b.refill(0.0, 0.0, 0.0056, 20.0, 1.0 / 0.0056) == pytest.approx(1.0)
    # A clock going backwards adds nothing and takes nothing.
    assert b.refill(3.5, 100.0, 1.0, 20.0, 90.0) == 3.5


def test_take_reports_exact_wait() -> None:
    tokens, stamp, wait = b.take(0.25, 10.0, 0.0167, 20.0, 10.0)
    assert (tokens, stamp) == (0.25, 10.0)
    assert wait == pytest.approx(0.75 / 0.0167)
    # At exactly the due time the token is there, despite float rounding.
    tokens, stamp, wait = b.take(tokens, stamp, 0.0167, 20.0, 10.0 + wait)
    assert wait == 0.0
    assert abs(tokens) < 1e-9


def test_take_burst_then_rate() -> None:
    tokens, stamp = 20.0, 0.0
    for _ in range(20):
        tokens, stamp, wait = b.take(tokens, stamp, 0.0056, 20.0, 0.0)
        assert wait == 0.0
    tokens, stamp, wait = b.take(tokens, stamp, 0.0056, 20.0, 0.0)
    assert wait == pytest.approx(1 / 0.0056)


def test_give_back_is_exact_and_capped() -> None:
    assert b.give_back(2.0, 0.0, 1.0, 5.0, 1.0) == (4.0, 1.0)
    assert b.give_back(4.5, 0.0, 1.0, 5.0, 1.0) == (5.0, 1.0)
    assert b.drain(7.0) == (0.0, 7.0)
    assert b.drain(7.0, 0.5, due_in=1.0) == (0.5, 7.0)  # one token 1 s from now
    assert b.drain(7.0, 0.5, due_in=6.0) == (-2.0, 7.0)  # the server asks for longer than a token interval


def test_capacity_with_margin() -> None:
    assert b.capacity_for(0.5, 30, 0.0) == 30.0
    assert b.capacity_for(0.5, 30, 0.05) == pytest.approx(29.975)
    assert b.capacity_for(50.0, 30, 0.05) == pytest.approx(27.5)
    assert b.capacity_for(0.5, 1, 0.05) == 1.0  # never below one token
    assert b.capacity_for(100.0, 2, 0.05) == 1.0


def test_coalesce_bounds() -> None:
    # Below 1 / slack tokens per second the wait is exact, whatever the queue.
    assert b.coalesce(0.5, 1000, 80.0, 100.0, 0.01) == 0.5
    # 1000 tokens/s, 10 ms slack: up to 11 tokens per wake, i.e. 10 more token intervals than the head's own.
    assert b.coalesce(0.0004, 1000, 1000.0, 100.0, 0.01) == pytest.approx(0.0004 + 0.010)
    # ... but never more than the queue can use ...
    assert b.coalesce(0.0004, 3, 1000.0, 100.0, 0.01) == pytest.approx(0.0004 + 0.002)
    # ... nor more than half the whole tokens the bucket holds (room left for a late wake-up).
    assert b.coalesce(0.0004, 1000, 1000.0, 10.0, 0.01) == pytest.approx(0.0004 + 0.004)
    assert b.coalesce(0.0004, 1000, 1000.0, 3.0, 0.01) == 0.0004
    # No slack: exact.
    assert b.coalesce(0.0004, 1000, 1000.0, 100.0, 0.0) == 0.0004


def test_invalid_plans_rejected() -> None:
    with pytest.raises(ConfigurationError):
        TokenBucket(0.0, 1)
    with pytest.raises(ConfigurationError):
        TokenBucket(1.0, 0)
    with pytest.raises(ConfigurationError):
        TokenBucket(1.0, 1, margin=-1)
    with pytest.raises(ConfigurationError, match="timer_slack"):
        TokenBucket(1.0, 1, timer_slack=-0.001)


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


async def _grant_times(bucket: TokenBucket, clock: FakeClock, waiters: int) -> list[float]:
    times: list[float] = []
    async with anyio.create_task_group() as tg:
        for _ in range(waiters):

            async def run() -> None:
                await bucket.acquire()
                times.append(clock.monotonic())

            tg.start_soon(run)
        await clock.settle()
        assert clock.sleepers == 1
        await clock.run_until_idle()
    return times


@pytest.mark.parametrize("slack", [0.0, 0.004, 0.01, 0.025])
async def test_timer_slack_batches_wakes_never_early_never_more_late_than_slack(slack: float) -> None:
    clock = FakeClock(start=0.0)
    rate, burst, waiters = 1000.0, 20, 200
    bucket = TokenBucket(rate, burst, clock=clock, timer_slack=slack)
    for _ in range(burst):
        await bucket.acquire()
    clock.sleep_calls = 0
    times = await _grant_times(bucket, clock, waiters)
    assert len(times) == waiters
    per_wake = min(1 + int(slack * rate), burst // 2)
    for k, at in enumerate(times, start=1):
        due = k / rate
        assert at >= due - 1e-9  # never before its token is due: the rate is never exceeded
        assert at - due <= slack + 1e-9  # never more than the slack late
    # No token goes unused: the last grant comes exactly when the last token is due (the last batch is only as
    # big as the queue left).
    assert times[-1] == pytest.approx(waiters / rate)
    # The first waiter queued alone and slept exactly; after it, one wake per batch.
    assert clock.sleep_calls == 1 + math.ceil((waiters - 1) / per_wake)


async def test_default_timer_slack_is_exact_below_100_per_second() -> None:
    # The fastest published SP-API plan is 80 requests/s: every grant still gets its own exact wake.
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(80.0, 100, clock=clock)
    for _ in range(100):
        await bucket.acquire()
    clock.sleep_calls = 0
    times = await _grant_times(bucket, clock, 50)
    assert times == pytest.approx([k / 80.0 for k in range(1, 51)], abs=1e-9)
    assert clock.sleep_calls == 50


class _LateClock(FakeClock):
    """Every sleep ends ``late`` seconds after its deadline, like an event loop that wakes up late."""

    def __init__(self, late: float) -> None:
        super().__init__(start=0.0)
        self.late = late

    async def sleep(self, seconds: float) -> None:
        await super().sleep(seconds + self.late)


async def test_timer_slack_keeps_the_rate_when_a_wake_comes_late() -> None:
    # The head sleeps for at most half the bucket, so a wake-up later than the slack still loses no token.
    clock = _LateClock(late=0.004)
    bucket = TokenBucket(1000.0, 10, clock=clock, timer_slack=0.01)
    for _ in range(10):
        await bucket.acquire()
    times = await _grant_times(bucket, clock, 12)
    # The first head queued alone: due at 1 ms, woken at 5 ms with 5 tokens held, granting itself and 4 more.
    # The next waits for 5 tokens (due at 10 ms), is woken at 14 ms with 9 tokens held - none dropped at the
    # capacity of 10 - and grants the 7 left.
    assert times == pytest.approx([0.005] * 5 + [0.014] * 7)
    assert bucket.tokens() == pytest.approx(14 - 12)


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


async def test_a_drain_during_a_coalesced_sleep_is_honoured() -> None:
    # The head sleeps past its own token to serve a batch; a 429 in the meantime empties the bucket. Nobody may be
    # granted a token the bucket no longer has: the head recomputes from the drain.
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(1000.0, 20, clock=clock, timer_slack=0.01)
    for _ in range(20):
        await bucket.acquire()
    times: list[float] = []
    async with anyio.create_task_group() as tg:
        for _ in range(12):

            async def run() -> None:
                await bucket.acquire()
                times.append(clock.monotonic())

            tg.start_soon(run)
        await clock.settle()
        await clock.advance(0.001)  # the first waiter queued alone: granted exactly at 1 ms
        assert times == [0.001]
        await clock.advance(0.002)  # the next head sleeps until 10 tokens are due (11 ms); at 3 ms, a 429
        bucket.drain()
        await clock.run_until_idle()
    assert len(times) == 12
    # From the drain at 3 ms the bucket refills 1 token per ms: 10 due by 13 ms, granted together; the last one
    # when its own token is due, 1 ms later.
    assert times[1:] == pytest.approx([0.013] * 10 + [0.014])
    for k, at in enumerate(times[1:], start=1):
        assert at >= 0.003 + k / 1000.0 - 1e-9
