"""RedisTokenStore against a real redis-server: storage with expiry, the refresh lock, single-flight refresh across
processes, use by a client, secrets kept out of key names and logs, failure."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import anyio
import httpx
import pytest

from spapi_async import CachedToken, ConfigurationError, SPAPIClient, TokenStore
from spapi_async._redis import RedisUnavailableError
from spapi_async.auth.redis_store import RedisTokenStore
from spapi_async.config import Secret

from ..fakes import BASE, CLIENT_ID, CLIENT_SECRET, LWA, REFRESH_TOKEN, FakeAmazon
from .limiting import FakeClock as StepClock
from .servers import RedisServer, free_port, run_workers


def token(value: str, lifetime: float = 3600.0) -> CachedToken:
    return CachedToken(Secret(value), time.time() + lifetime)


async def test_set_get_delete_with_expiry_as_ttl(redis_url: str, namespace: str, redis_client: Any) -> None:
    async with RedisTokenStore(redis_url, namespace=namespace) as store:
        assert isinstance(store, TokenStore)
        assert await store.get("lwa:app:abc") is None
        stored = token("Atza|SECRET-one", lifetime=1800)
        await store.set("lwa:app:abc", stored)
        got = await store.get("lwa:app:abc")
        assert got is not None
        assert got.value.get() == "Atza|SECRET-one"
        assert got.expires_at == pytest.approx(stored.expires_at, abs=1e-6)
        ttl = await redis_client.pttl(store.token_key("lwa:app:abc"))
        assert 1_795_000 < ttl <= 1_800_000
        await store.delete("lwa:app:abc")
        assert await store.get("lwa:app:abc") is None
        await store.set("lwa:app:old", token("Atza|SECRET-expired", lifetime=-5))  # already expired: not stored
        assert await redis_client.exists(store.token_key("lwa:app:old")) == 0


async def test_a_value_that_is_not_ours_reads_as_absent(redis_url: str, namespace: str, redis_client: Any) -> None:
    async with RedisTokenStore(redis_url, namespace=namespace) as store:
        await redis_client.set(store.token_key("k"), b"not json")
        assert await store.get("k") is None


async def test_refresh_lock_is_exclusive_and_released_safely(redis_url: str, namespace: str, redis_client: Any) -> None:
    clock = StepClock()
    async with RedisTokenStore(redis_url, namespace=namespace, clock=clock, lock_wait=1.0) as store:
        lock = store.lock_key("lwa:app:abc")
        async with store.refresh_lock("lwa:app:abc"):
            held = await redis_client.get(lock)
            assert held is not None
            assert 0 < await redis_client.pttl(lock) <= 10_000
            # a second caller cannot take it; it gives up after lock_wait (fake time) and goes on without it
            async with store.refresh_lock("lwa:app:abc"):
                assert await redis_client.get(lock) == held
            assert clock.sleeps and sum(clock.sleeps) >= 1.0
            assert max(clock.sleeps) <= 0.25
        assert await redis_client.exists(lock) == 0
        # a lock that expired and was taken by someone else is not deleted by its former holder
        async with store.refresh_lock("lwa:app:abc"):
            await redis_client.set(lock, b"someone-else")
        assert await redis_client.get(lock) == b"someone-else"


async def test_refresh_is_single_flight_across_4_processes(redis_url: str, namespace: str, redis_client: Any) -> None:
    args = {"url": redis_url, "namespace": namespace, "n": 10, "fetch_seconds": 0.3}
    results = await run_workers("token", args, count=4)
    tokens = {t for r in results for t in r["tokens"]}
    assert len(tokens) == 1, tokens  # 40 callers in 4 processes, one token
    assert int(await redis_client.get(f"{namespace}:test:fetches")) == 1


async def test_a_client_shares_its_lwa_token_through_redis(redis_url: str, namespace: str, redis_client: Any) -> None:
    amazon = FakeAmazon(routes={"/sellers/v1/marketplaceParticipations": lambda r: httpx.Response(200, json={})})
    store_a = RedisTokenStore(redis_url, namespace=namespace)
    store_b = RedisTokenStore(redis_url, namespace=namespace)
    kwargs: dict[str, Any] = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "refresh_token": REFRESH_TOKEN,
        "endpoint": BASE,
        "lwa_endpoint": LWA,
    }
    async with (
        amazon.http() as http,
        SPAPIClient(**kwargs, http_client=http, token_store=store_a) as a,
        SPAPIClient(**kwargs, http_client=http, token_store=store_b) as b,
    ):
        await a.request("GET", "/sellers/v1/marketplaceParticipations")
        await b.request("GET", "/sellers/v1/marketplaceParticipations")
    assert len(amazon.token_requests) == 1  # the second client found the first one's token in Redis
    sent = [r.headers["x-amz-access-token"] for r in amazon.api_requests()]
    assert sent == ["Atza|SECRET-access-1"] * 2
    keys = [k.decode() for k in await redis_client.keys(f"{namespace}:*")]
    assert len(keys) == 1
    assert "SECRET" not in keys[0]  # the refresh token is hashed in the key name
    stored = json.loads(await redis_client.get(keys[0]))
    assert stored["v"] == "Atza|SECRET-access-1"
    assert 3590_000 < await redis_client.pttl(keys[0]) <= 3600_000
    await store_a.aclose()
    await store_b.aclose()


async def test_unreachable_redis_keeps_tokens_in_process(caplog: pytest.LogCaptureFixture) -> None:
    store = RedisTokenStore(f"redis://127.0.0.1:{free_port()}/0", socket_timeout=0.5)
    with caplog.at_level(logging.DEBUG, logger="spapi_async"):
        await store.set("k", token("Atza|SECRET-kept"))
        got = await store.get("k")
        async with store.refresh_lock("k"):
            pass
        await store.delete("k")
        assert await store.get("k") is None
    await store.aclose()
    assert got is not None and got.value.get() == "Atza|SECRET-kept"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "SECRET" not in caplog.text


async def test_on_error_raise() -> None:
    store = RedisTokenStore(f"redis://127.0.0.1:{free_port()}/0", on_error="raise", socket_timeout=0.5)
    with pytest.raises(RedisUnavailableError):
        await store.get("k")
    await store.aclose()


def test_repr_and_configuration() -> None:
    store = RedisTokenStore("rediss://app:pw-SECRET@127.0.0.1:6380/2", namespace="shop")
    assert "SECRET" not in repr(store)
    assert "shop" in repr(store)
    with pytest.raises(ConfigurationError):
        RedisTokenStore("redis://127.0.0.1:6379", lock_timeout=0)
    with pytest.raises(ConfigurationError):
        RedisTokenStore()


def test_under_trio_it_says_it_needs_asyncio(redis_url: str) -> None:
    async def scenario() -> None:
        store = RedisTokenStore(redis_url)
        with pytest.raises(ConfigurationError, match="asyncio"):
            await store.get("k")

    anyio.run(scenario, backend="trio")


async def test_tokens_survive_a_redis_restart(redis_server: RedisServer) -> None:
    from spapi_async.auth.tokens import CachedTokenSource

    fetches = 0

    async def fetch() -> CachedToken:
        nonlocal fetches
        fetches += 1
        return token(f"Atza|SECRET-{fetches}")

    store = RedisTokenStore(redis_server.url, namespace="restart", retry_interval=0)
    clock = StepClock()
    source = CachedTokenSource(store, clock)
    assert await source.get("lwa:k", fetch) == "Atza|SECRET-1"
    assert await source.get("lwa:k", fetch) == "Atza|SECRET-1"
    redis_server.stop()
    # A source that already holds a fresh token keeps using it: an outage costs no extra LWA call.
    assert await source.get("lwa:k", fetch) == "Atza|SECRET-1"
    # A new process (a new source) during the outage fetches, and the store keeps it in process meanwhile.
    during = CachedTokenSource(store, clock)
    assert await during.get("lwa:k", fetch) == "Atza|SECRET-2"
    assert await CachedTokenSource(store, clock).get("lwa:k", fetch) == "Atza|SECRET-2"
    redis_server.start()  # empty again
    after = CachedTokenSource(store, clock)
    assert await after.get("lwa:k", fetch) == "Atza|SECRET-3"
    assert await CachedTokenSource(store, clock).get("lwa:k", fetch) == "Atza|SECRET-3"
    assert await store.redis.exists(store.token_key("lwa:k")) == 1
    await store.aclose()
    assert fetches == 3
