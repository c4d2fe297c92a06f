"""Token bucket timer slack: waiters woken in batches, never early and never later than the slack, and what a
late wake or a drain during a coalesced sleep does; on a fake clock, asyncio and trio."""

from __future__ import annotations

import math

import anyio
import pytest

from spapi_async.testing import FakeClock
from spapi_async.throttle.bucket import TokenBucket

pytestmark = pytest.mark.anyio


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
