"""The keyed limiter: plans, overrides, header adaptation, 429 drains, isolation, stats. Its use by the transport
and the registry: ``test_limiter_transport.py``."""

from __future__ import annotations

import anyio
import httpx
import pytest

import spapi_async as sp
from spapi_async.errors import ConfigurationError
from spapi_async.operation import DEFAULT_PLAN, SANDBOX_PLAN, UsagePlan
from spapi_async.testing import FakeClock
from spapi_async.throttle import KeyStats, Limiter, LimiterBackend, LimitKey, WindowPlan

pytestmark = pytest.mark.anyio

SELLER_A = LimitKey("app:aaaa", "na", "orders_v0.get_orders")
SELLER_B = LimitKey("app:bbbb", "na", "orders_v0.get_orders")
ORDERS_PLAN = UsagePlan(0.0167, 20)


async def _acquire_times(limiter: Limiter, clock: FakeClock, calls: list[tuple[LimitKey, UsagePlan]]) -> list[float]:
    """Run the calls one after another in a task; return when each was granted."""
    times: list[float] = []

    async def run() -> None:
        for key, plan in calls:
            await limiter.acquire(key, plan)
            times.append(clock.monotonic())

    async with anyio.create_task_group() as tg:
        tg.start_soon(run)
        await clock.run_until_idle()
    return times


async def test_protocol_and_pacing_flag() -> None:
    limiter = Limiter()
    assert isinstance(limiter, LimiterBackend)
    assert limiter.paces_throttled_retries is True
    assert isinstance(sp.NullLimiter(), LimiterBackend)


async def test_identities_are_isolated_and_shared_instance_is_shared() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0)
    plan = UsagePlan(1.0, 2)
    times = await _acquire_times(limiter, clock, [(SELLER_A, plan)] * 2 + [(SELLER_B, plan)] * 2)
    assert times == [0.0, 0.0, 0.0, 0.0]  # two sellers: two buckets, neither slows the other
    # The same seller through a second "client" sharing this limiter waits for the shared bucket.
    times = await _acquire_times(limiter, clock, [(SELLER_A, plan)])
    assert times == [1.0]
    stats = limiter.stats()
    assert stats[str(SELLER_A)].grants == 3
    assert stats[str(SELLER_B)].grants == 2


async def test_regions_and_operations_are_separate_keys() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0)
    plan = UsagePlan(1.0, 1)
    eu = LimitKey("app:aaaa", "eu", "orders_v0.get_orders")
    items = LimitKey("app:aaaa", "na", "orders_v0.get_order_items")
    times = await _acquire_times(limiter, clock, [(SELLER_A, plan), (eu, plan), (items, plan)])
    assert times == [0.0, 0.0, 0.0]


async def test_header_on_200_sets_rate_and_retimes_waiters() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0)
    plan = UsagePlan(0.1, 1)
    await limiter.acquire(SELLER_A, plan)
    done: list[float] = []

    async def waiter() -> None:
        await limiter.acquire(SELLER_A, plan)
        done.append(clock.monotonic())

    async with anyio.create_task_group() as tg:
        tg.start_soon(waiter)
        await clock.settle()
        await clock.advance(0.5)  # 0.05 token refilled at 0.1/s
        await limiter.observe(SELLER_A, 200, httpx.Headers({"X-Amzn-RateLimit-Limit": "1.0"}))
        await clock.run_until_idle()
    assert done == [pytest.approx(0.5 + 0.95 / 1.0)]
    stats = limiter.stats()[str(SELLER_A)]
    assert (stats.rate, stats.burst, stats.plan_source) == (1.0, 1, "header")


async def test_missing_or_bad_header_changes_nothing() -> None:
    limiter = Limiter()
    await limiter.acquire(SELLER_A, ORDERS_PLAN)
    await limiter.observe(SELLER_A, 200, {})
    await limiter.observe(SELLER_A, 200, {"x-amzn-ratelimit-limit": "fast"})
    await limiter.observe(SELLER_B, 200, {"x-amzn-ratelimit-limit": "5"})  # unknown key: ignored
    stats = limiter.stats()
    assert stats[str(SELLER_A)].rate == 0.0167
    assert str(SELLER_B) not in stats


async def test_429_drains_the_key_so_everybody_waits_for_the_next_token() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0)
    plan = UsagePlan(0.5, 10)
    await limiter.acquire(SELLER_A, plan)  # 9 tokens left by our count
    await limiter.observe(SELLER_A, 429, {})  # ... but Amazon's bucket is empty
    times = await _acquire_times(limiter, clock, [(SELLER_A, plan)] * 3)
    assert times == pytest.approx([2.0, 4.0, 6.0])
    assert limiter.stats()[str(SELLER_A)].throttled == 1
    # Another seller is not affected.
    times = await _acquire_times(limiter, clock, [(SELLER_B, plan)])
    assert times == [6.0]


async def test_overrides_win_and_do_not_adapt() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter({"orders_v0.get_orders": UsagePlan(1.0, 2)}, clock=clock, margin=0.0)
    times = await _acquire_times(limiter, clock, [(SELLER_A, ORDERS_PLAN)] * 3)
    assert times == [0.0, 0.0, 1.0]
    await limiter.observe(SELLER_A, 200, {"x-amzn-RateLimit-Limit": "0.0167"})
    stats = limiter.stats()[str(SELLER_A)]
    assert (stats.rate, stats.burst, stats.plan_source) == (1.0, 2, "override")
    limiter2 = Limiter({"orders_v0.get_orders": UsagePlan(1.0, 2)}, adapt=False)
    assert limiter2.overrides == {"orders_v0.get_orders": UsagePlan(1.0, 2)}


async def test_window_override_for_seller_center_style_keys() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter({"raw:GET /v2/orders": WindowPlan(2, 1.0)}, clock=clock, window_margin=0.0)
    key = LimitKey("sc:app", "sc", "raw:GET /v2/orders")
    times = await _acquire_times(limiter, clock, [(key, DEFAULT_PLAN)] * 5)
    assert times == [0.0, 0.0, 1.0, 1.0, 2.0]
    await limiter.observe(key, 429, {})
    times = await _acquire_times(limiter, clock, [(key, DEFAULT_PLAN)])
    assert times == [3.0]
    stats = limiter.stats()[str(key)]
    assert (stats.rate, stats.burst, stats.throttled) == (2.0, 2, 1)


def test_override_validation() -> None:
    with pytest.raises(ConfigurationError):
        Limiter({"orders_v0.get_orders": (1.0, 2)})  # type: ignore[dict-item]
    with pytest.raises(ConfigurationError):
        Limiter({"": UsagePlan(1.0, 1)})
    with pytest.raises(ConfigurationError):
        Limiter(margin=-1.0)
    with pytest.raises(ConfigurationError):
        Limiter(window_margin=-1.0)
    with pytest.raises(ConfigurationError, match="timer_slack"):
        Limiter(timer_slack=-0.01)


@pytest.mark.parametrize(("slack", "wakes"), [(0.0, 40), (0.01, 5)])
async def test_timer_slack_reaches_the_buckets(slack: float, wakes: int) -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0, timer_slack=slack)
    plan = UsagePlan(1000.0, 20)
    for _ in range(20):
        await limiter.acquire(SELLER_A, plan)
    clock.sleep_calls = 0
    times: list[float] = []
    async with anyio.create_task_group() as tg:
        for _ in range(40):

            async def run() -> None:
                await limiter.acquire(SELLER_A, plan)
                times.append(clock.monotonic())

            tg.start_soon(run)
        await clock.run_until_idle()
    # 40 tokens at 1000/s take 40 ms either way. Without slack every grant has its own wake; with 10 ms the
    # first waiter (queued alone) has its own, then the other 39 come up to 10 per wake (half the burst).
    assert max(times) == pytest.approx(0.040)
    assert clock.sleep_calls == wakes


async def test_idle_keys_at_rest_are_forgotten_once_there_are_many(monkeypatch: pytest.MonkeyPatch) -> None:
    from spapi_async.throttle import limiter as limiter_module

    monkeypatch.setattr(limiter_module, "SWEEP_AT", 4)
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0, idle_ttl=60.0)
    plan = UsagePlan(1.0, 2)
    keys = [LimitKey(f"app:{i}", "na", "orders_v0.get_orders") for i in range(5)]
    for key in keys[:3]:
        await limiter.acquire(key, plan)
    # keys[1] was throttled with a long Retry-After: idle, but its bucket is not back at rest.
    await limiter.observe(keys[1], 429, {"retry-after": "1000"})
    await clock.advance(100.0)  # keys[0] is idle and full again
    await limiter.acquire(keys[2], plan)  # used recently
    await limiter.acquire(keys[3], plan)
    await limiter.acquire(keys[3], plan)  # used recently, and empty
    assert len(limiter.stats()) == 4
    await limiter.acquire(keys[4], plan)  # the fifth key sweeps: only keys[0] is both idle and at rest
    assert sorted(limiter.stats()) == sorted(str(k) for k in keys[1:])
    # Forgetting it changed no quota: a fresh bucket is full, as the forgotten one was.
    await limiter.acquire(keys[0], plan)
    await limiter.acquire(keys[0], plan)
    assert clock.monotonic() == 100.0
    assert limiter.stats()[str(keys[0])].grants == 2
    with pytest.raises(ConfigurationError, match="idle_ttl"):
        Limiter(idle_ttl=-1.0)


async def test_stats_are_typed_and_measure_waits() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0)
    plan = UsagePlan(0.5, 1)
    await _acquire_times(limiter, clock, [(SELLER_A, plan)] * 3)
    await limiter.release(SELLER_A)
    stats = limiter.stats()[str(SELLER_A)]
    assert isinstance(stats, KeyStats)
    assert stats.key == "app:aaaa|na|orders_v0.get_orders"
    assert stats.grants == 3
    assert stats.released == 1
    assert stats.total_wait_s == pytest.approx(4.0)
    assert stats.max_wait_s == pytest.approx(2.0)
    assert stats.waiting == 0
    assert stats.plan_source == "default" or stats.plan_source == "caller"


async def test_plan_sources() -> None:
    limiter = Limiter()
    await limiter.acquire(LimitKey("i", "na", "raw:GET /x"), DEFAULT_PLAN)
    await limiter.acquire(LimitKey("i", "na-sandbox", "orders_v0.get_orders"), SANDBOX_PLAN)
    await limiter.acquire(LimitKey("i", "na", "x.y"), UsagePlan(3.0, 3))
    sources = {k.split("|")[-1] + "@" + k.split("|")[1]: v.plan_source for k, v in limiter.stats().items()}
    assert sources == {
        "raw:GET /x@na": "default",
        "orders_v0.get_orders@na-sandbox": "sandbox",
        "x.y@na": "caller",
    }


async def test_default_margin_delays_only_the_last_token_of_a_full_burst() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock)  # DEFAULT_MARGIN = 0.2 s
    plan = UsagePlan(0.5, 30)
    times = await _acquire_times(limiter, clock, [(SELLER_A, plan)] * 31)
    assert times[:29] == [0.0] * 29
    assert times[29] == pytest.approx(0.2)  # 0.1 token held back, refilled at 0.5/s
    assert times[30] == pytest.approx(2.2)  # then the plain rate


async def test_429_with_retry_after_makes_the_next_token_due_exactly_then() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0)
    plan = UsagePlan(0.016, 15)  # getMarketplaceParticipations
    await limiter.acquire(SELLER_A, plan)
    await limiter.observe(SELLER_A, 429, {"Retry-After": "2"})
    times = await _acquire_times(limiter, clock, [(SELLER_A, plan)] * 2)
    assert times == pytest.approx([2.0, 2.0 + 1 / 0.016])
