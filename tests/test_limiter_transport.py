"""The keyed limiter as the transport and the operation registry use it: every attempt acquires under the
operation's key and plan, refunds for unsent attempts, the sandbox plan, overrides checked against the registry."""

from __future__ import annotations

import json
from collections.abc import Callable

import anyio
import httpx
import pytest

import spapi_async as sp
from spapi_async import registry
from spapi_async.errors import ConfigurationError
from spapi_async.operation import Operation, UsagePlan
from spapi_async.testing import FakeClock
from spapi_async.throttle import Limiter, LimitKey, TokenBucket

pytestmark = pytest.mark.anyio

ORDERS_PLAN = UsagePlan(0.0167, 20)


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


def test_override_of_unknown_operation_is_rejected_once_the_registry_is_known(
    patched_registry: Callable[[list[Operation]], None],
) -> None:
    patched_registry([_op("orders_v0", "get_orders", "GET", "/orders/v0/orders", ORDERS_PLAN)])
    with pytest.raises(ConfigurationError, match=r"did you mean orders_v0\.get_orders"):
        Limiter({"orders_v0.get_order": UsagePlan(1.0, 1)})
    Limiter({"orders_v0.get_orders": UsagePlan(1.0, 1), "raw:GET /x": UsagePlan(1.0, 1)})
