"""RedisLimiter against a real redis-server: exact reservations, atomicity across processes, shared adaptation,
cancellation, sliding windows, failure and recovery."""

from __future__ import annotations

import itertools
import logging
import subprocess
import sys
import time
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from spapi_async import ConfigurationError, LimitKey, UsagePlan, WindowPlan
from spapi_async._redis import RedisUnavailableError
from spapi_async.throttle.base import LimiterBackend, NullLimiter
from spapi_async.throttle.redis import RedisLimiter

from .servers import REPO_ROOT, RedisServer, free_port, run_workers

US = 1e-6
KEY = LimitKey("app:abc123", "na", "orders_v0.get_orders")


class FakeClock:
    """Sleeps return at once and move ``monotonic`` on; every requested sleep is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return time.time()

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)


class BlockingClock(FakeClock):
    """A sleep that never ends (until cancelled), to cancel callers at a known point."""

    def __init__(self) -> None:
        super().__init__()
        self.sleeping = anyio.Event()

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.sleeping.set()
        await anyio.sleep_forever()


class CountingLimiter(NullLimiter):
    """A stand-in in-process limiter that records what reaches it."""

    def __init__(self) -> None:
        self.acquired: list[LimitKey] = []
        self.observed: list[int] = []

    async def acquire(self, key: LimitKey, plan: UsagePlan) -> None:
        self.acquired.append(key)

    async def observe(self, key: LimitKey, status: int, headers: Any) -> None:
        self.observed.append(status)


def closed_port_url() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"


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


# ---------------------------------------------------------------------------------------------- failure


async def test_unreachable_redis_falls_back_and_warns_once(caplog: pytest.LogCaptureFixture) -> None:
    fallback = CountingLimiter()
    limiter = RedisLimiter(closed_port_url(), fallback=fallback, socket_timeout=0.5)
    with caplog.at_level(logging.WARNING, logger="spapi_async"):
        for _ in range(5):
            await limiter.acquire(KEY, UsagePlan(1.0, 1))
        await limiter.observe(KEY, 429, {})
    await limiter.aclose()
    assert fallback.acquired == [KEY] * 5
    assert fallback.observed == [429]
    assert limiter.using_fallback
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1
    assert limiter.stats()[str(KEY)].grants == 5
    assert limiter.outages == 1


async def test_default_fallback_is_the_in_process_limiter() -> None:
    from spapi_async.throttle.limiter import Limiter

    clock = FakeClock()
    limiter = RedisLimiter(closed_port_url(), clock=clock, socket_timeout=0.5, margin=0)
    plan = UsagePlan(rate=1.0, burst=1)
    await limiter.acquire(KEY, plan)
    await limiter.acquire(KEY, plan)  # in process now: the second one waits a token-time
    await limiter.aclose()
    assert isinstance(limiter._fallback, Limiter)
    assert sum(clock.sleeps) == pytest.approx(1.0, abs=0.01)


async def test_on_error_raise() -> None:
    limiter = RedisLimiter(closed_port_url(), on_error="raise", socket_timeout=0.5)
    for _ in range(2):  # every acquire tries Redis: nothing is ever limited in process
        with pytest.raises(RedisUnavailableError) as info:
            await limiter.acquire(KEY, UsagePlan(1.0, 1))
        assert info.value.request_sent is False
    # a response already received is never failed for the limiter's bookkeeping
    await limiter.observe(KEY, 429, {"x-amzn-RateLimit-Limit": "0.5"})
    await limiter.release(KEY)
    await limiter.aclose()
    assert limiter._fallback is None


async def test_redis_restart_mid_run(redis_server: RedisServer, caplog: pytest.LogCaptureFixture) -> None:
    from redis.asyncio import Redis

    fallback = CountingLimiter()
    plan = UsagePlan(rate=1000.0, burst=1000)
    check = Redis.from_url(redis_server.url)
    limiter = RedisLimiter(redis_server.url, namespace="restart", fallback=fallback, retry_interval=0)
    with caplog.at_level(logging.INFO, logger="spapi_async"):
        for _ in range(5):
            await limiter.acquire(KEY, plan)
        assert await check.exists(limiter.redis_key(KEY, plan)) == 1
        redis_server.stop()
        for _ in range(5):
            await limiter.acquire(KEY, plan)  # the job goes on, in process
        assert limiter.using_fallback
        assert len(fallback.acquired) == 5
        redis_server.start()  # empty: no persistence
        await limiter.acquire(KEY, plan)  # reconnects by itself
        assert not limiter.using_fallback
        assert len(fallback.acquired) == 5
    await check.aclose()
    check = Redis.from_url(redis_server.url)
    assert await check.exists(limiter.redis_key(KEY, plan)) == 1
    await limiter.aclose()
    await check.aclose()
    messages = [r.getMessage() for r in caplog.records]
    assert sum("unreachable" in m for m in messages) == 1
    assert sum("reachable again" in m for m in messages) == 1
    assert limiter.stats()[str(KEY)].grants == 11


async def test_concurrent_acquirers_ride_through_a_restart(redis_server: RedisServer) -> None:
    fallback = CountingLimiter()
    plan = UsagePlan(rate=100_000.0, burst=100_000)
    limiter = RedisLimiter(redis_server.url, namespace="restart", fallback=fallback, retry_interval=0, margin=0)
    granted = 0
    milestones = {100: anyio.Event(), 200: anyio.Event()}

    async def acquirer() -> None:
        nonlocal granted
        for _ in range(15):
            await limiter.acquire(KEY, plan)
            granted += 1
            if granted in milestones:
                milestones[granted].set()
            await anyio.lowlevel.checkpoint()  # let the others interleave

    with anyio.fail_after(30):
        async with anyio.create_task_group() as tg:
            for _ in range(20):
                tg.start_soon(acquirer)
            await milestones[100].wait()
            redis_server.stop()  # mid-run, 20 acquirers in flight
            await milestones[200].wait()
            assert limiter.using_fallback
            redis_server.start()
    await limiter.acquire(KEY, plan)
    await limiter.aclose()
    assert granted == 300
    assert not limiter.using_fallback
    assert limiter.outages == 1
    assert 0 < len(fallback.acquired) < 300
    assert limiter.stats()[str(KEY)].grants == 301


async def test_redis_restart_with_on_error_raise(redis_server: RedisServer) -> None:
    plan = UsagePlan(rate=1000.0, burst=1000)
    limiter = RedisLimiter(redis_server.url, namespace="restart", on_error="raise", retry_interval=0)
    await limiter.acquire(KEY, plan)
    redis_server.stop()
    with pytest.raises(RedisUnavailableError):
        await limiter.acquire(KEY, plan)
    redis_server.start()
    await limiter.acquire(KEY, plan)
    await limiter.aclose()
    assert limiter.stats()[str(KEY)].grants == 2


async def test_fallback_retries_redis_only_after_the_interval() -> None:
    clock = FakeClock()
    fallback = CountingLimiter()
    limiter = RedisLimiter(closed_port_url(), fallback=fallback, clock=clock, retry_interval=5.0)
    calls = 0
    real = limiter.reserve

    async def counting_reserve(key: LimitKey, plan: Any) -> Any:
        nonlocal calls
        calls += 1
        return await real(key, plan)

    limiter.reserve = counting_reserve  # type: ignore[method-assign]
    for _ in range(3):
        await limiter.acquire(KEY, UsagePlan(1.0, 1))
    assert calls == 1
    clock.now += 5.0
    await limiter.acquire(KEY, UsagePlan(1.0, 1))
    assert calls == 2
    await limiter.aclose()


# ---------------------------------------------------------------------------------------------- surface


def test_under_trio_it_says_it_needs_asyncio(redis_url: str) -> None:
    async def scenario() -> None:
        limiter = RedisLimiter(redis_url)
        with pytest.raises(ConfigurationError, match="asyncio"):
            await limiter.acquire(KEY, UsagePlan(1.0, 1))

    anyio.run(scenario, backend="trio")


def test_configuration_errors() -> None:
    with pytest.raises(ConfigurationError, match="exactly one"):
        RedisLimiter()
    with pytest.raises(ConfigurationError, match="redis://"):
        RedisLimiter("http://127.0.0.1:6379")
    with pytest.raises(ConfigurationError, match="on_error"):
        RedisLimiter("redis://127.0.0.1:6379", on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="namespace"):
        RedisLimiter("redis://127.0.0.1:6379", namespace="a b")
    with pytest.raises(ConfigurationError, match="margins"):
        RedisLimiter("redis://127.0.0.1:6379", margin=-1)
    with pytest.raises(ConfigurationError, match="overrides"):
        RedisLimiter("redis://127.0.0.1:6379", overrides={"x.y": (1, 2)})  # type: ignore[dict-item]


def test_repr_hides_the_password_and_satisfies_the_protocol() -> None:
    limiter = RedisLimiter("redis://user:hunter2secret@127.0.0.1:6379/0", namespace="jobs")
    assert "hunter2secret" not in repr(limiter)
    assert "jobs" in repr(limiter)
    assert isinstance(limiter, LimiterBackend)


def test_import_spapi_async_does_not_import_redis() -> None:
    code = (
        "import sys, spapi_async as sp\n"
        "assert 'redis' not in sys.modules, 'redis imported eagerly'\n"
        "assert 'RedisLimiter' in sp.__all__ and 'RedisTokenStore' in sp.__all__\n"
        "assert sp.RedisLimiter.__name__ == 'RedisLimiter'\n"
        "assert sp.RedisTokenStore.__name__ == 'RedisTokenStore'\n"
        "assert issubclass(sp.RedisUnavailableError, sp.TransportError)\n"
        "assert 'redis' not in sys.modules\n"
        "sp.RedisLimiter('redis://127.0.0.1:1/0')\n"
        "assert 'redis' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------------------------------------- with a client


async def test_a_client_on_redis_paces_its_429_retry_by_the_shared_bucket(redis_url: str, namespace: str) -> None:
    from spapi_async import SPAPIClient

    from ..fakes import BASE, CLIENT_ID, CLIENT_SECRET, LWA, REFRESH_TOKEN, FakeAmazon, json_response

    path = "/sellers/v1/marketplaceParticipations"
    amazon = FakeAmazon(
        routes={
            path: [
                json_response(429, {"errors": [{"code": "QuotaExceeded", "message": "slow down"}]}),
                json_response(200, {"payload": []}, {"x-amzn-RateLimit-Limit": "0.5"}),
            ]
        }
    )
    clock = FakeClock()
    overrides = {"sellers_v1.get_marketplace_participations": UsagePlan(rate=2.0, burst=5)}
    limiter = RedisLimiter(redis_url, namespace=namespace, overrides=overrides, clock=clock, margin=0)
    async with (
        amazon.http() as http,
        SPAPIClient(
            CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, endpoint=BASE, lwa_endpoint=LWA, http_client=http, limiter=limiter
        ) as client,
    ):
        response = await client.request("GET", path)
    await limiter.aclose()
    assert response.status_code == 200
    # the 429 emptied the shared bucket: the retry waited one token-time (0.5 s at 2/s) in the limiter, and the
    # retry policy added nothing on top
    assert clock.sleeps == [pytest.approx(0.5, abs=0.05)]
    [stats] = limiter.stats().values()
    assert stats.grants == 2
    assert stats.throttled == 1
    assert stats.plan_source == "override"
    assert stats.rate == 2.0  # an overridden key ignores the header
