"""RedisLimiter and RedisTokenStore on a real 3-node Redis Cluster (issue 15, item 4): both ways of pointing at a
cluster, every script on one hash slot, and a node going down mid-run and coming back."""

from __future__ import annotations

import time

import anyio
import pytest

from spapi_async import LimitKey, UsagePlan, WindowPlan
from spapi_async.auth.redis_store import RedisTokenStore
from spapi_async.auth.tokens import CachedToken
from spapi_async.config import Secret
from spapi_async.throttle.redis import RedisLimiter

from .cluster import RedisCluster3

PLAN = UsagePlan(rate=1.0, burst=1)
#: enough operations that some keys live on each of the three nodes
KEYS = [LimitKey("app:cluster", "na", f"orders_v0.op_{i}") for i in range(24)]


def _plain(url: str) -> str:
    return "redis://" + url.split("://", 1)[1]


async def test_url_and_client_both_reach_a_cluster(redis_cluster_url: str, namespace: str) -> None:
    from redis.asyncio import RedisCluster

    client = RedisCluster.from_url(_plain(redis_cluster_url))
    await client.initialize()
    try:
        for limiter in (
            RedisLimiter(redis_cluster_url, namespace=namespace, margin=0),
            RedisLimiter(client=client, namespace=namespace + "c", margin=0),
        ):
            async with limiter:
                for key in KEYS[:6]:
                    first = await limiter.reserve(key, PLAN)
                    second = await limiter.reserve(key, PLAN)
                    assert (second.due_us - first.due_us) / 1e6 == pytest.approx(1.0, abs=2e-6)
                    assert await limiter.cancel(second) is True
                    await limiter.observe(key, 429, {"Retry-After": "1"})
                    window = WindowPlan(2, 1.0)
                    await limiter.reserve(key, window)
                    await limiter.observe(key, 429, {})
                assert not limiter.using_fallback and limiter.outages == 0
                nodes = {client.get_node_from_key(limiter.redis_key(k, PLAN)).name for k in KEYS[:6]}
                assert len(nodes) >= 2  # the keys really are spread over the cluster
        async with RedisTokenStore(redis_cluster_url, namespace=namespace) as store:
            await store.set("k", CachedToken(Secret("Atza|SECRET"), time.time() + 600))
            token = await store.get("k")
            assert token is not None and token.value.get() == "Atza|SECRET"
            async with store.refresh_lock("k"):
                assert await client.exists(store.lock_key("k")) == 1
    finally:
        await client.aclose()


async def _round(limiter: RedisLimiter, plan: UsagePlan) -> None:
    for key in KEYS:
        with anyio.fail_after(5):  # a hang guard, far above the 2 x socket_timeout bound
            await limiter.acquire(key, plan)


async def test_a_node_down_mid_run_falls_back_and_comes_back_by_itself(
    own_redis_cluster: RedisCluster3, namespace: str
) -> None:
    from redis.asyncio import RedisCluster

    plan = UsagePlan(rate=1000.0, burst=1000)  # never waits: this is about errors, not pacing
    limiter = RedisLimiter(own_redis_cluster.url, namespace=namespace, margin=0, socket_timeout=0.5, retry_interval=0.2)
    async with limiter:
        await _round(limiter, plan)
        assert not limiter.using_fallback and limiter.outages == 0
        own_redis_cluster.stop_node(1)
        for _ in range(5):
            await _round(limiter, plan)  # no exception, no hang
        assert limiter.outages >= 1
        own_redis_cluster.start_node(1)
        own_redis_cluster.wait_healthy()
        back = False
        for _ in range(100):  # bounded: the limiter finds Redis again by itself
            await _round(limiter, plan)
            if not limiter.using_fallback:
                back = True
                break
            await anyio.sleep(0.1)
        assert back
        checker = RedisCluster.from_url(_plain(own_redis_cluster.url))
        try:
            before = {k: await checker.hget(limiter.redis_key(k, plan), "ts") for k in KEYS}
            await _round(limiter, plan)
            after = {k: await checker.hget(limiter.redis_key(k, plan), "ts") for k in KEYS}
        finally:
            await checker.aclose()
        # every key, on every node, is counted in Redis again
        assert all(after[k] is not None and after[k] != before[k] for k in KEYS)
        assert not limiter.using_fallback


async def test_token_store_rides_through_a_node_down(own_redis_cluster: RedisCluster3, namespace: str) -> None:
    store = RedisTokenStore(own_redis_cluster.url, namespace=namespace, socket_timeout=0.5, retry_interval=0.2)
    token = CachedToken(Secret("Atza|SECRET"), time.time() + 600)
    names = [f"k{i}" for i in range(12)]
    async with store:
        for name in names:
            await store.set(name, token)
        own_redis_cluster.stop_node(2)
        for name in names:
            with anyio.fail_after(5):
                await store.get(name)  # None or the token: never an exception
                await store.set(name, token)
        own_redis_cluster.start_node(2)
        own_redis_cluster.wait_healthy()
        for _ in range(100):
            results = []
            for name in names:
                with anyio.fail_after(5):
                    await store.set(name, token)
                    results.append(await store.get(name))
            if all(r is not None for r in results) and not store._health.down:
                break
            await anyio.sleep(0.1)
        assert not store._health.down
