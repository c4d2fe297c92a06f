"""RedisLimiter when Redis fails (unreachable, restarted; fallback or raise; retry interval), its surface
(asyncio only, configuration errors, repr, no import of redis by ``import spapi_async``) and a client on it."""

from __future__ import annotations

import logging
import subprocess
import sys
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from spapi_async import ConfigurationError, LimitKey, UsagePlan
from spapi_async._redis import RedisUnavailableError
from spapi_async.throttle.base import LimiterBackend, NullLimiter
from spapi_async.throttle.redis import RedisLimiter

from .limiting import KEY, FakeClock
from .servers import REPO_ROOT, RedisServer, free_port


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
