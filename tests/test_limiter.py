"""The keyed limiter: plans, overrides, header adaptation, 429 drains, isolation, stats; and its use by the
transport (every attempt acquires, refunds for unsent attempts, sandbox plan, operation keys)."""

from __future__ import annotations

import json
from collections.abc import Callable

import anyio
import httpx
import pytest

import spapi_async as sp
from spapi_async import registry
from spapi_async.errors import ConfigurationError
from spapi_async.operation import DEFAULT_PLAN, SANDBOX_PLAN, Operation, UsagePlan
from spapi_async.testing import FakeClock
from spapi_async.throttle import KeyStats, Limiter, LimiterBackend, LimitKey, TokenBucket, WindowPlan

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


def test_override_of_unknown_operation_is_rejected_once_the_registry_is_known(
    patched_registry: Callable[[list[Operation]], None],
) -> None:
    patched_registry([_op("orders_v0", "get_orders", "GET", "/orders/v0/orders", ORDERS_PLAN)])
    with pytest.raises(ConfigurationError, match=r"did you mean orders_v0\.get_orders"):
        Limiter({"orders_v0.get_order": UsagePlan(1.0, 1)})
    Limiter({"orders_v0.get_orders": UsagePlan(1.0, 1), "raw:GET /x": UsagePlan(1.0, 1)})


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


# ---------------------------------------------------------------------------------------------- the transport


def _op(api: str, name: str, method: str, path: str, plan: UsagePlan) -> Operation:
    return Operation(api, name, name, method, path, plan.rate, plan.burst, "model")


@pytest.fixture
def patched_registry(monkeypatch: pytest.MonkeyPatch) -> Callable[[list[Operation]], None]:
    def install(ops: list[Operation]) -> None:
        monkeypatch.setattr(registry, "OPERATIONS", registry.OperationTable(lambda: ops))

    return install


class FakeAmazon:
    """LWA + SP-API stand-in behind httpx.MockTransport; ``script`` gives the statuses to answer in turn."""

    def __init__(self, script: list[int] | None = None, headers: dict[str, str] | None = None) -> None:
        self.script = list(script or [])
        self.headers = headers or {}
        self.calls: list[str] = []
        self.fail_connect = 0

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "lwa.test":
            return httpx.Response(200, json={"access_token": "Atza|x", "expires_in": 3600, "token_type": "bearer"})
        if self.fail_connect:
            self.fail_connect -= 1
            raise httpx.ConnectError("refused", request=request)
        self.calls.append(request.url.path)
        status = self.script.pop(0) if self.script else 200
        body = {"errors": [{"code": "QuotaExceeded", "message": "You exceeded your quota"}]} if status == 429 else {}
        return httpx.Response(status, headers=self.headers, content=json.dumps(body).encode())


def _client(amazon: FakeAmazon, clock: FakeClock, **kwargs: object) -> sp.SPAPIClient:
    http = httpx.AsyncClient(transport=httpx.MockTransport(amazon.handler))
    return sp.SPAPIClient(
        client_id="amzn1.application-oa2-client.test",
        client_secret="secret",
        refresh_token="Atzr|refresh",
        region="na",
        endpoint="https://sp.test",
        lwa_endpoint="https://lwa.test/auth/o2/token",
        http_client=http,
        clock=clock,
        **kwargs,  # type: ignore[arg-type]
    )


async def test_default_limiter_is_a_limiter_and_copies_share_it() -> None:
    clock = FakeClock()
    client = _client(FakeAmazon(), clock)
    assert isinstance(client.limiter, Limiter)
    assert client.with_options(timeout=5.0).limiter is client.limiter
    assert client.transport.limiter.paces_throttled_retries


async def test_request_uses_operation_key_and_plan_and_every_attempt_acquires(
    patched_registry: Callable[[list[Operation]], None],
) -> None:
    patched_registry(
        [_op("orders_v0", "get_order_items", "GET", "/orders/v0/orders/{orderId}/orderItems", UsagePlan(0.5, 2))]
    )
    clock = FakeClock(start=0.0)
    amazon = FakeAmazon(script=[200, 200, 429, 200], headers={"x-amzn-RateLimit-Limit": "0.5"})
    limiter = Limiter(clock=clock, margin=0.0)
    client = _client(amazon, clock, limiter=limiter)
    times: list[float] = []

    async def run() -> None:
        for order in ("A", "B", "C"):
            await client.request("GET", f"/orders/v0/orders/{order}/orderItems")
            times.append(clock.monotonic())

    async with anyio.create_task_group() as tg:
        tg.start_soon(run)
        await clock.run_until_idle()
    # Burst 2 at t=0; the third goes at t=2 (next token), gets a 429, which drains the bucket; the retry waits
    # for exactly one more token (t=4) and adds no backoff of its own.
    assert times == pytest.approx([0.0, 0.0, 4.0])
    ((name, stats),) = limiter.stats().items()
    assert name.endswith("|na|orders_v0.get_order_items")
    assert "Atzr" not in name
    assert (stats.grants, stats.throttled, stats.plan_source) == (4, 1, "model")
    await client.aclose()


async def test_sandbox_uses_sandbox_plan_and_own_keys(patched_registry: Callable[[list[Operation]], None]) -> None:
    patched_registry([_op("orders_v0", "get_orders", "GET", "/orders/v0/orders", ORDERS_PLAN)])
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0)
    client = _client(FakeAmazon(), clock, limiter=limiter, sandbox=True)
    times: list[float] = []

    async def run() -> None:
        for _ in range(16):
            await client.request("GET", "/orders/v0/orders")
            times.append(clock.monotonic())

    async with anyio.create_task_group() as tg:
        tg.start_soon(run)
        await clock.run_until_idle()
    assert times[:15] == [0.0] * 15
    assert times[15] == pytest.approx(0.2)  # 5 rps
    ((name, stats),) = limiter.stats().items()
    assert "|na-sandbox|orders_v0.get_orders" in name
    assert (stats.rate, stats.burst, stats.plan_source) == (5.0, 15, "sandbox")
    await client.aclose()


async def test_unsent_attempt_gives_its_token_back() -> None:
    clock = FakeClock(start=0.0)
    amazon = FakeAmazon()
    amazon.fail_connect = 1
    limiter = Limiter(clock=clock, margin=0.0)
    client = _client(amazon, clock, limiter=limiter, retry=sp.RetryPolicy(max_attempts=1))
    with pytest.raises(sp.TransportConnectionError):
        await client.request("GET", "/unknown/v0/thing")
    stats = next(iter(limiter.stats().values()))
    assert (stats.grants, stats.released) == (1, 1)
    bucket = limiter.gate(LimitKey(client.transport.auth.identity, "na", "raw:GET /unknown/v0/thing"))
    assert isinstance(bucket, TokenBucket)
    assert bucket.tokens() == 1.0  # DEFAULT_PLAN's single token is back: the next call goes at once
    await client.request("GET", "/unknown/v0/thing")
    assert clock.monotonic() == 0.0
    await client.aclose()


async def test_cancelled_before_sending_gives_its_token_back() -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0)
    client = _client(FakeAmazon(), clock, limiter=limiter)
    signing = anyio.Event()

    class StuckSigner:
        async def sign(self, request: httpx.Request) -> None:
            signing.set()
            await anyio.sleep_forever()

        async def aclose(self) -> None:
            return None

    client.transport.signer = StuckSigner()
    with anyio.CancelScope() as scope:
        async with anyio.create_task_group() as tg:
            tg.start_soon(client.request, "GET", "/unknown/v0/thing")
            await signing.wait()  # the limiter token is taken, the request not yet sent
            scope.cancel()
    stats = next(iter(limiter.stats().values()))
    assert (stats.grants, stats.released) == (1, 1)
    client.transport.signer = None
    await client.aclose()


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
