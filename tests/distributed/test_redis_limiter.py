"""RedisLimiter against a real redis-server: exact reservations, atomicity across processes, shared adaptation,
cancellation, sliding windows. Failure and recovery, the surface and a client on it:
``test_redis_limiter_failure.py``."""

from __future__ import annotations

import itertools
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from spapi_async import LimitKey, UsagePlan, WindowPlan
from spapi_async.throttle.redis import RedisLimiter

from .limiting import KEY, FakeClock
from .servers import run_workers

US = 1e-6


class BlockingClock(FakeClock):
    """A sleep that never ends (until cancelled), to cancel callers at a known point."""

    def __init__(self) -> None:
        super().__init__()
        self.sleeping = anyio.Event()

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.sleeping.set()
        await anyio.sleep_forever()


# ---------------------------------------------------------------------------------------------- reservations


async def test_due_times_are_exact(redis_url: str, namespace: str) -> None:
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        plan = UsagePlan(rate=2.0, burst=3)
        r = [await limiter.reserve(KEY, plan) for _ in range(6)]
    assert [x.wait for x in r[:3]] == [0.0, 0.0, 0.0]
    # the bucket was full at r[0]; the 4th token exists exactly 1/rate after it, then one every 1/rate
    for i, offset in [(3, 0.5), (4, 1.0), (5, 1.5)]:
        assert r[i].due - r[0].due == pytest.approx(offset, abs=2 * US)
        assert r[i].wait > 0
    assert all(x.rate == 2.0 for x in r)


async def test_acquire_sleeps_once_until_its_due_time(redis_url: str, namespace: str) -> None:
    clock = FakeClock()
    async with RedisLimiter(redis_url, namespace=namespace, clock=clock, margin=0) as limiter:
        plan = UsagePlan(rate=1.0, burst=1)
        for _ in range(3):
            await limiter.acquire(KEY, plan)
        stats = limiter.stats()[str(KEY)]
    # one sleep per waiting caller, for the whole wait (no polling): ~1 s, then ~2 s (the server clock moved on
    # by the microseconds our calls took)
    assert len(clock.sleeps) == 2
    assert clock.sleeps[0] == pytest.approx(1.0, abs=0.05)
    assert clock.sleeps[1] == pytest.approx(2.0, abs=0.05)
    assert stats.grants == 3
    assert stats.total_wait_s == pytest.approx(sum(clock.sleeps))
    assert stats.max_wait_s == clock.sleeps[1]
    assert stats.rate == 1.0
    assert stats.burst == 1
    assert stats.waiting == 0
    assert stats.released == 0


async def test_200_acquirers_in_4_processes_get_a_gapless_schedule(redis_url: str, namespace: str) -> None:
    rate, burst = 50.0, 10
    args = {"url": redis_url, "namespace": namespace, "operation": "orders_v0.get_order_items"}
    results = await run_workers("reserve", {**args, "rate": rate, "burst": burst, "n": 50}, count=4)
    due = sorted(d for r in results for d in r["due_us"])
    queued = sorted(d for r in results for d, waited in zip(r["due_us"], r["waited"], strict=True) if waited)
    assert len(due) == 200
    # granted at once: the burst, plus at most what refilled while the 200 requests were arriving
    arrivals = [t for r in results for t in r["now_us"]]
    arriving_s = (max(arrivals) - min(arrivals)) / 1e6
    assert arriving_s < 1.0
    assert burst <= 200 - len(queued) <= burst + rate * arriving_s + 1
    # every queued reservation is due exactly one token-time after the one before, whichever process asked:
    # no slot was given twice and none was lost
    for a, b in itertools.pairwise(queued):
        assert b - a == pytest.approx(1e6 / rate, abs=2)
    # and the schedule never exceeds the plan over any interval
    for i in range(0, 200, 7):
        for j in range(i + 1, 200):
            assert j - i + 1 <= burst + rate * (due[j] - due[i]) / 1e6 + 1e-6


async def test_header_rate_is_seen_by_another_process(redis_url: str, namespace: str, redis_client: Any) -> None:
    plan = UsagePlan(rate=1.0, burst=1)
    key = LimitKey("app:worker", "na", "orders_v0.get_orders")
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        await limiter.acquire(key, plan)  # the only token, taken at once
        taken_us = int(await redis_client.hget(limiter.redis_key(key, plan), "ts"))
        await limiter.observe(key, 200, {"x-amzn-RateLimit-Limit": "0.1"})
        assert limiter.stats()[str(key)].rate == 0.1
        assert limiter.stats()[str(key)].plan_source == "header"
    args = {"url": redis_url, "namespace": namespace, "operation": "orders_v0.get_orders"}
    [result] = await run_workers("reserve", {**args, "rate": 1.0, "burst": 1, "n": 1}, count=1)
    assert result["rates"] == [0.1]
    # at the plan's rate the next token would come 1 s after the first; at the header's rate it takes 10 s
    # (less 10x the few milliseconds refilled at 1/s before the header arrived)
    offset = (result["due_us"][0] - taken_us) / 1e6
    assert 9.0 < offset <= 10.0 + 2 * US


async def test_429_drains_the_shared_bucket(redis_url: str, namespace: str) -> None:
    plan = UsagePlan(rate=1.0, burst=5)
    async with (
        RedisLimiter(redis_url, namespace=namespace, margin=0) as one,
        RedisLimiter(redis_url, namespace=namespace, margin=0) as other,
    ):
        await one.acquire(KEY, plan)  # 4 tokens left
        await one.observe(KEY, 429, {})
        first = await other.reserve(KEY, plan)
        second = await other.reserve(KEY, plan)
        assert first.wait == pytest.approx(1.0, abs=0.05)  # one token-time after the drain
        assert second.due - first.due == pytest.approx(1.0, abs=2 * US)
        assert one.stats()[str(KEY)].throttled == 1
        assert one.paces_throttled_retries is True


async def test_429_with_retry_after_makes_the_next_slot_due_then(redis_url: str, namespace: str) -> None:
    plan = UsagePlan(rate=10.0, burst=5)
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        await limiter.acquire(KEY, plan)
        await limiter.observe(KEY, 429, {"Retry-After": "3"})
        first = await limiter.reserve(KEY, plan)
        second = await limiter.reserve(KEY, plan)
    assert first.wait == pytest.approx(3.0, abs=0.05)  # as the in-process bucket: not 1/rate, but when told
    assert second.due - first.due == pytest.approx(0.1, abs=2 * US)


async def test_cancelled_waiter_gives_its_slot_back(redis_url: str, namespace: str) -> None:
    clock = BlockingClock()
    plan = UsagePlan(rate=1.0, burst=1)
    async with RedisLimiter(redis_url, namespace=namespace, clock=clock, margin=0) as limiter:
        first = await limiter.reserve(KEY, plan)
        async with anyio.create_task_group() as tg:
            tg.start_soon(limiter.acquire, KEY, plan)
            await clock.sleeping.wait()
            tg.cancel_scope.cancel()
        assert clock.sleeps[0] == pytest.approx(1.0, abs=0.05)
        # the next caller gets the slot the cancelled one had, not the one after it
        nxt = await limiter.reserve(KEY, plan)
        assert nxt.due - first.due == pytest.approx(1.0, abs=2 * US)
        stats = limiter.stats()[str(KEY)]
    assert stats.released == 1
    assert stats.grants == 0
    assert stats.waiting == 0


async def test_a_slot_already_due_is_not_given_back(redis_url: str, namespace: str) -> None:
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        now = await limiter.reserve(KEY, UsagePlan(rate=1.0, burst=2))
        assert now.wait == 0.0
        assert await limiter.cancel(now) is False


async def test_release_refunds_a_bucket_token(redis_url: str, namespace: str) -> None:
    plan = UsagePlan(rate=1.0, burst=2)
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        await limiter.acquire(KEY, plan)
        await limiter.acquire(KEY, plan)
        await limiter.release(KEY)  # the second attempt never reached Amazon
        again = await limiter.reserve(KEY, plan)
        assert again.wait == 0.0
        assert limiter.stats()[str(KEY)].released == 1
        await limiter.release(LimitKey("app:other", "na", "x.y"))  # unknown key: nothing to give back


async def test_margin_holds_back_the_end_of_a_burst(redis_url: str, namespace: str) -> None:
    # as in the in-process bucket: capacity = burst - margin * rate = 5 - 0.05 * 10 = 4.5 tokens
    async with RedisLimiter(redis_url, namespace=namespace, margin=0.05) as limiter:
        r = [await limiter.reserve(KEY, UsagePlan(rate=10.0, burst=5)) for _ in range(6)]
    assert [x.wait for x in r[:4]] == [0.0] * 4
    assert r[4].due - r[0].due == pytest.approx(0.05, abs=2 * US)
    assert r[5].due - r[0].due == pytest.approx(0.15, abs=2 * US)


async def test_overrides_replace_the_plan_and_ignore_headers(redis_url: str, namespace: str) -> None:
    overrides = {"orders_v0.get_orders": UsagePlan(rate=0.5, burst=1)}
    async with RedisLimiter(redis_url, namespace=namespace, overrides=overrides, margin=0) as limiter:
        assert limiter.plan_for(KEY, UsagePlan(100.0, 100)) == UsagePlan(0.5, 1)
        first = await limiter.reserve(KEY, limiter.plan_for(KEY, UsagePlan(100.0, 100)))
        await limiter.observe(KEY, 200, {"x-amzn-RateLimit-Limit": "100"})
        nxt = await limiter.reserve(KEY, limiter.plan_for(KEY, UsagePlan(100.0, 100)))
    assert nxt.due - first.due == pytest.approx(2.0, abs=2 * US)


async def test_header_adaptation_can_be_turned_off(redis_url: str, namespace: str) -> None:
    async with RedisLimiter(redis_url, namespace=namespace, adapt=False, margin=0) as limiter:
        plan = UsagePlan(rate=1.0, burst=1)
        first = await limiter.reserve(KEY, plan)
        await limiter.observe(KEY, 200, {"x-amzn-RateLimit-Limit": "0.01"})
        nxt = await limiter.reserve(KEY, plan)
    assert nxt.due - first.due == pytest.approx(1.0, abs=2 * US)


async def test_state_expires_once_idle(redis_url: str, namespace: str, redis_client: Any) -> None:
    async with RedisLimiter(redis_url, namespace=namespace, idle_ttl=60, margin=0) as limiter:
        await limiter.reserve(KEY, UsagePlan(rate=0.5, burst=2))
        ttl_ms = await redis_client.pttl(limiter.redis_key(KEY, UsagePlan(0.5, 2)))
    # one token short of full at 0.5/s: 2 s to refill, then the idle minute
    assert 61_000 < ttl_ms <= 62_000


# ---------------------------------------------------------------------------------------------- sliding windows


async def test_window_plan_allows_limit_per_window(redis_url: str, namespace: str) -> None:
    key = LimitKey("sc:client", "sc", "sellercenter.get_products")
    plan = WindowPlan(limit=3, window=1.0)
    async with RedisLimiter(redis_url, namespace=namespace, window_margin=0) as limiter:
        r = [await limiter.reserve(key, plan) for _ in range(7)]
        assert [x.wait for x in r[:3]] == [0.0, 0.0, 0.0]
        for i in range(3, 7):
            assert r[i].due_us - r[i - 3].due_us == 1_000_000
        # a cancelled future slot is given back: the next caller takes its place
        assert await limiter.cancel(r[6]) is True
        again = await limiter.reserve(key, plan)
        assert again.due_us == r[6].due_us


async def test_window_429_fills_the_window(redis_url: str, namespace: str) -> None:
    key = LimitKey("sc:client", "sc", "sellercenter.get_orders")
    plan = WindowPlan(limit=30, window=3.0)
    async with RedisLimiter(redis_url, namespace=namespace, window_margin=0) as limiter:
        await limiter.acquire(key, plan)
        first = await limiter.reserve(key, plan)
        assert first.wait == 0.0  # 28 of 30 left
        await limiter.observe(key, 429, {})
        nxt = await limiter.reserve(key, plan)
    assert nxt.due - first.due == pytest.approx(3.0, abs=0.05)
