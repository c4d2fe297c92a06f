"""RedisLimiter and RedisTokenStore against hostile input (issue 15): response headers out of bounds, poisoned
shared state of every field and type, and cancellation at every await of the reservation path."""

from __future__ import annotations

import itertools
import json
import logging
import time
from typing import Any

import anyio
import anyio.lowlevel
import pytest
from anyio import wait_all_tasks_blocked

from spapi_async import LimitKey, UsagePlan, WindowPlan
from spapi_async.auth.redis_store import MAX_TOKEN_TTL, RedisTokenStore
from spapi_async.auth.tokens import CachedToken
from spapi_async.config import Secret
from spapi_async.throttle.bounds import MAX_HOLD
from spapi_async.throttle.redis import RedisLimiter

US = 1e-6
KEY = LimitKey("app:abc123", "na", "orders_v0.get_orders")
PLAN = UsagePlan(rate=1.0, burst=1)
WINDOW = WindowPlan(limit=2, window=1.0)
#: the longest TTL a bucket of PLAN may have: idle TTL + horizon + refill at the lowest rate a header may set
MAX_TTL_MS = 3_600_000 + 3_600_000 + 2 * 1000 * 10


async def _spacing(limiter: RedisLimiter, n: int = 3, plan: UsagePlan = PLAN) -> list[float]:
    reservations = [await limiter.reserve(KEY, plan) for _ in range(n)]
    assert 0 <= reservations[0].wait <= 1.0 / plan.rate + 2 * US  # neither stalled nor in the past
    return [(b.due_us - a.due_us) / 1e6 for a, b in itertools.pairwise(reservations)]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("hr", "abc"),
        ("hr", "0"),
        ("hr", "-5"),
        ("hr", "1e-9"),
        ("hr", "1e9"),
        ("hr", "inf"),
        ("hr", "nan"),
        ("t", "-1e300"),
        ("t", "abc"),
        ("t", "nan"),
        ("t", "-inf"),
        ("ts", "abc"),
        ("ts", "1e300"),
        ("h", "abc"),
        ("h", "1e30"),
    ],
)
async def test_a_poisoned_bucket_field_is_reset_and_logged_once(
    redis_url: str, namespace: str, redis_client: Any, field: str, value: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        rkey = limiter.redis_key(KEY, PLAN)
        await limiter.reserve(KEY, PLAN)  # real state first
        await redis_client.hset(rkey, field, value)
        await redis_client.persist(rkey)  # and no TTL
        with caplog.at_level(logging.WARNING, logger="spapi_async"):
            gaps = await _spacing(limiter)
            await limiter.acquire(KEY, PLAN)
        # still paced at the plan's rate, one token a second: neither off nor stalled
        assert gaps == [pytest.approx(1.0, abs=2 * US)] * 2
        assert 0 < await redis_client.pttl(rkey) <= MAX_TTL_MS
        assert not limiter.using_fallback
    assert len([r for r in caplog.records if "failed validation" in r.getMessage()]) == 1


@pytest.mark.parametrize("kind", ["string", "list", "zset"])
async def test_a_bucket_key_of_the_wrong_type_is_reset(
    redis_url: str, namespace: str, redis_client: Any, kind: str
) -> None:
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        rkey = limiter.redis_key(KEY, PLAN)
        if kind == "string":
            await redis_client.set(rkey, "x")
        elif kind == "list":
            await redis_client.rpush(rkey, "x")
        else:
            await redis_client.zadd(rkey, {"x": 1})
        assert await _spacing(limiter) == [pytest.approx(1.0, abs=2 * US)] * 2
        assert 0 < await redis_client.pttl(rkey) <= MAX_TTL_MS
        assert not limiter.using_fallback


@pytest.mark.parametrize("poison", ["string", "inf", "far"])
async def test_a_poisoned_window_is_reset(redis_url: str, namespace: str, redis_client: Any, poison: str) -> None:
    key = LimitKey("sc:client", "sc", "sellercenter.get_products")
    async with RedisLimiter(redis_url, namespace=namespace, window_margin=0) as limiter:
        rkey = limiter.redis_key(key, WINDOW)
        if poison == "string":
            await redis_client.set(rkey, "x")
        else:
            score = float("inf") if poison == "inf" else (time.time() + 10 * 365 * 86400) * 1e6
            await redis_client.zadd(rkey, {"a": score, "b": score})
        reservations = [await limiter.reserve(key, WINDOW) for _ in range(3)]
        assert [r.wait for r in reservations[:2]] == [0.0, 0.0]
        assert 0 < reservations[2].wait <= 1.0 + 2 * US
        assert 0 < await redis_client.pttl(rkey) <= 3_600_000 + 3_000


async def test_hostile_headers_reach_neither_this_process_nor_redis(
    redis_url: str, namespace: str, redis_client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        rkey = limiter.redis_key(KEY, PLAN)
        await limiter.acquire(KEY, PLAN)
        with caplog.at_level(logging.WARNING, logger="spapi_async"):
            for value in ("1e-9", "1e9", "inf"):
                await limiter.observe(KEY, 200, {"x-amzn-RateLimit-Limit": value})
        assert await redis_client.hget(rkey, "hr") is None
        assert limiter.stats()[str(KEY)].rate == 1.0
        # a day-long Retry-After holds the key for MAX_HOLD at most; the TTL stays bounded
        await limiter.observe(KEY, 429, {"Retry-After": "86400"})
        nxt = await limiter.reserve(KEY, PLAN)
        assert nxt.wait <= MAX_HOLD + 1.0
        assert 0 < await redis_client.pttl(rkey) <= MAX_TTL_MS
        await limiter.observe(KEY, 429, {"Retry-After": "1e309"})  # ignored: drained to empty, not forever
        assert (await limiter.reserve(KEY, PLAN)).wait <= MAX_HOLD + 2.0
    assert len([r for r in caplog.records if "x-amzn-RateLimit-Limit" in r.getMessage()]) == 1


# ---------------------------------------------------------------------------------------------- cancellation


async def test_cancelling_queued_reservations_never_lets_two_grants_share_a_slot(
    redis_url: str, namespace: str
) -> None:
    """10 queued on a burst-1 plan, 3 of them (not the last) cancelled, then newcomers: every slot is distinct."""
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        queued = [await limiter.reserve(KEY, PLAN) for _ in range(10)]
        for i in (2, 5, 7):
            assert await limiter.cancel(queued[i]) is True
        newcomers = [await limiter.reserve(KEY, PLAN) for _ in range(5)]
        kept = [r for i, r in enumerate(queued) if i not in (2, 5, 7)]
        due = sorted(r.due_us for r in kept + newcomers)
        gaps = [(b - a) / 1e6 for a, b in itertools.pairwise(due)]
        assert min(gaps) >= 1.0 - 2 * US
        # and the holes were reused: the first three newcomers took the cancelled slots
        assert sorted(r.due_us for r in newcomers[:3]) == [queued[i].due_us for i in (2, 5, 7)]
        # cancelling the latest reservation gives its slot back exactly: the next newcomer takes it
        assert await limiter.cancel(newcomers[-1]) is True
        assert (await limiter.reserve(KEY, PLAN)).due_us == newcomers[-1].due_us


async def test_release_while_slots_are_reserved_ahead_gives_nothing_back(redis_url: str, namespace: str) -> None:
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        await limiter.acquire(KEY, PLAN)  # granted at once, then (say) never sent
        queued = await limiter.reserve(KEY, PLAN)  # due in 1 s
        await limiter.release(KEY)  # a refund now would put the next newcomer on queued's slot (burst 1)
        newcomer = await limiter.reserve(KEY, PLAN)
        assert (newcomer.due_us - queued.due_us) / 1e6 == pytest.approx(1.0, abs=2 * US)


async def test_a_caller_cancelled_while_its_script_runs_leaves_no_slot_behind(
    redis_url: str, namespace: str, redis_client: Any
) -> None:
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        first = await limiter.reserve(KEY, PLAN)
        await redis_client.execute_command("CLIENT", "PAUSE", "300", "ALL")  # the server holds every command
        async with anyio.create_task_group() as tg:
            tg.start_soon(limiter.acquire, KEY, PLAN)
            await wait_all_tasks_blocked()  # its EVALSHA is sent; it waits for the answer
            tg.cancel_scope.cancel()
        nxt = await limiter.reserve(KEY, PLAN)
        # the cancelled caller's slot (1 s after the first) went back: the next caller has it
        assert (nxt.due_us - first.due_us) / 1e6 == pytest.approx(1.0, abs=2 * US)
        assert limiter.stats()[str(KEY)].released == 1


# ---------------------------------------------------------------------------------------------- token store


@pytest.mark.parametrize(
    "poison",
    ["list", "no-ttl", "long-ttl", "not-json", "no-value", "inf-expiry", "far-expiry"],
)
async def test_a_poisoned_token_key_reads_as_absent_and_is_deleted(
    redis_url: str, namespace: str, redis_client: Any, poison: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with RedisTokenStore(redis_url, namespace=namespace) as store:
        name = store.token_key("k")
        good = json.dumps({"v": "Atza|SECRET", "e": time.time() + 600})
        if poison == "list":
            await redis_client.rpush(name, "x")
        elif poison == "no-ttl":
            await redis_client.set(name, good)
        elif poison == "long-ttl":
            await redis_client.set(name, good, px=int((MAX_TOKEN_TTL + 3600) * 1000))
        else:
            value = {
                "not-json": "{",
                "no-value": json.dumps({"e": time.time() + 600}),
                "inf-expiry": '{"v": "Atza|SECRET", "e": Infinity}',
                "far-expiry": json.dumps({"v": "Atza|SECRET", "e": time.time() + 10 * 86400}),
            }[poison]
            await redis_client.set(name, value, px=60_000)
        with caplog.at_level(logging.WARNING, logger="spapi_async"):
            assert await store.get("k") is None
            assert await store.get("k") is None
        assert await redis_client.exists(name) == 0
        await store.set("k", CachedToken(Secret("Atza|SECRET-new"), time.time() + 600))
        token = await store.get("k")
        assert token is not None and token.value.get() == "Atza|SECRET-new"
    logged = [r.getMessage() for r in caplog.records if "failed validation" in r.getMessage()]
    assert len(logged) == 1 and "SECRET" not in logged[0]


async def test_a_token_is_never_stored_longer_than_the_bound(redis_url: str, namespace: str, redis_client: Any) -> None:
    async with RedisTokenStore(redis_url, namespace=namespace) as store:
        await store.set("k", CachedToken(Secret("Atza|SECRET"), time.time() + 10 * 365 * 86400))
        assert 0 < await redis_client.pttl(store.token_key("k")) <= MAX_TOKEN_TTL * 1000


async def test_a_lock_without_ttl_is_poisoned_and_taken_over(redis_url: str, namespace: str, redis_client: Any) -> None:
    async with RedisTokenStore(redis_url, namespace=namespace, lock_wait=5.0) as store:
        await redis_client.set(store.lock_key("k"), "someone")  # no TTL: it would never be freed
        async with store.refresh_lock("k"):
            assert await redis_client.get(store.lock_key("k")) != b"someone"
            assert 0 < await redis_client.pttl(store.lock_key("k")) <= 10_000


async def test_state_left_without_a_ttl_gets_one_whatever_script_touches_it(
    redis_url: str, namespace: str, redis_client: Any
) -> None:
    key = LimitKey("sc:client", "sc", "sellercenter.get_products")
    async with RedisLimiter(redis_url, namespace=namespace, margin=0, window_margin=0) as limiter:
        due_now = await limiter.reserve(KEY, PLAN)
        window_now = await limiter.reserve(key, WINDOW)
        for reservation in (due_now, window_now):
            await redis_client.persist(reservation.redis_key)
            assert await limiter.cancel(reservation) is False  # already due: nothing to give back
            assert 0 < await redis_client.pttl(reservation.redis_key) <= MAX_TTL_MS


# ---------------------------------------------------------------------------------------------- windows


async def test_a_window_slot_reserved_ahead_waits_for_completions_reported_since(
    redis_url: str, namespace: str, redis_client: Any
) -> None:
    """Two requests in flight, a third reserved for when their grants leave the window; the two responses come
    back 0.3 s later: the third goes one full window after them, not after their grants (issue 15, item 3)."""
    key = LimitKey("sc:client", "sc", "sellercenter.get_products")
    async with RedisLimiter(redis_url, namespace=namespace, window_margin=0) as limiter:
        rkey = limiter.redis_key(key, WINDOW)
        await limiter.acquire(key, WINDOW)
        await limiter.acquire(key, WINDOW)
        async with anyio.create_task_group() as tg:
            tg.start_soon(limiter.acquire, key, WINDOW)  # reserved 1 s after the first two, sleeping
            await anyio.sleep(0.3)  # the round trip of the first two (real time: Redis keeps its own clock)
            await limiter.observe(key, 200, {})
            await limiter.observe(key, 200, {})
            members = await redis_client.zrange(rkey, 0, -1, withscores=True)
            completed = [score for member, score in members if member.startswith(b"c:")]
            assert len(completed) == 2  # both counted from their responses now
        members = await redis_client.zrange(rkey, 0, -1, withscores=True)
    granted = [score for member, score in members if member.startswith(b"p:")]
    assert len(granted) == 1  # the third, re-scored to when it was confirmed
    # Two per window: the third may go once the earlier of the two completions has left the window.
    assert granted[0] - min(completed) >= 1_000_000 - 2


async def test_more_concurrent_callers_than_redis_py_s_default_pool_stay_on_redis(
    redis_url: str, namespace: str
) -> None:
    plan = UsagePlan(rate=1000.0, burst=1000)
    async with RedisLimiter(redis_url, namespace=namespace, margin=0) as limiter:
        async with anyio.create_task_group() as tg:
            for _ in range(150):
                tg.start_soon(limiter.acquire, KEY, plan)
        assert limiter.outages == 0 and not limiter.using_fallback
