"""Bounds on what a server says (issue 15, item 1): Retry-After and x-amzn-RateLimit-Limit on the in-process
limiter and through the transport. The Redis limiter's side is in tests/distributed/test_redis_bounds.py."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.operation import UsagePlan
from spapi_async.retry import bound_retry_after, parse_retry_after
from spapi_async.testing import FakeClock
from spapi_async.throttle import Limiter, LimitKey, TokenBucket
from spapi_async.throttle.bounds import MAX_HOLD, RATE_FACTOR, bounded_rate, rate_bounds

from .fakes import (
    FakeAmazon,
    InstantClock,
    fake_client,
    json_response,
)

ORDERS = "/orders/v0/orders"
KEY = LimitKey("app:aaaa", "na", "orders_v0.get_orders")
PLAN = UsagePlan(0.0167, 20)


@pytest.mark.parametrize("value", ["1e309", "inf", "-inf", "nan", "-5", "-0.5", "soon"])
def test_unusable_retry_after_is_ignored(value: str) -> None:
    assert parse_retry_after(value, now=0.0) is None


def test_bound_retry_after_caps_and_strips() -> None:
    assert parse_retry_after("2.5") == 2.5 and parse_retry_after("0") == 0.0
    headers = httpx.Headers({"Retry-After": "86400", "x-amzn-RequestId": "r"})
    bounded = bound_retry_after(headers, 1.0, now=0.0)
    assert bounded["retry-after"] == "1.0" and bounded["x-amzn-requestid"] == "r"
    assert "retry-after" not in bound_retry_after({"Retry-After": "1e309"}, 300.0, now=0.0)
    fine = httpx.Headers({"Retry-After": "1"})
    assert bound_retry_after(fine, 1.0, now=0.0) is fine


def test_bound_retry_after_keeps_headers_that_are_not_ascii() -> None:
    """A server's Latin-1 header next to an unusable Retry-After must not turn into a UnicodeEncodeError."""
    headers = httpx.Headers([(b"x-amzn-RequestId", b"\x80"), (b"Retry-After", b"")], encoding="latin-1")
    bounded = bound_retry_after(headers, 1.0, now=0.0)
    assert "retry-after" not in bounded and bounded["x-amzn-requestid"] == "\x80"


def test_rate_bounds_are_a_factor_around_the_plan() -> None:
    assert rate_bounds(1.0) == (1.0 / RATE_FACTOR, RATE_FACTOR)
    assert bounded_rate(10.0, 1.0) == 10.0 and bounded_rate(0.1, 1.0) == 0.1
    for bad in (10.01, 0.0999, float("inf"), float("nan"), 1e-9, 1e9):
        assert bounded_rate(bad, 1.0) is None


@pytest.mark.parametrize("value", ["1e-9", "1e9", "inf", "0.00001", "1000"])
async def test_rate_header_outside_the_bounds_changes_nothing_and_logs_once(
    value: str, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0)
    await limiter.acquire(KEY, PLAN)
    with caplog.at_level(logging.WARNING, logger="spapi_async"):
        for _ in range(3):
            await limiter.observe(KEY, 200, {"x-amzn-RateLimit-Limit": value})
    stats = limiter.stats()[str(KEY)]
    assert stats.rate == PLAN.rate and stats.plan_source != "header"
    logged = [r for r in caplog.records if "x-amzn-RateLimit-Limit" in r.getMessage()]
    assert len(logged) == 1 and str(KEY) in logged[0].getMessage()
    # inside the bounds a header still moves the rate
    await limiter.observe(KEY, 200, {"x-amzn-RateLimit-Limit": repr(PLAN.rate * 5)})
    assert limiter.stats()[str(KEY)].rate == pytest.approx(PLAN.rate * 5)


@pytest.mark.parametrize(("value", "due"), [("86400", MAX_HOLD), ("1e309", 1 / 0.5), ("-5", 1 / 0.5)])
async def test_a_429_never_holds_a_key_beyond_the_bound(value: str, due: float) -> None:
    clock = FakeClock(start=0.0)
    limiter = Limiter(clock=clock, margin=0.0, timer_slack=0.0)
    plan = UsagePlan(0.5, 1)
    await limiter.acquire(KEY, plan)
    await limiter.observe(KEY, 429, {"Retry-After": value})
    gate = limiter.gate(KEY)
    assert isinstance(gate, TokenBucket)
    # the next token is due `due` seconds from now: tokens = 1 - due * rate
    assert gate.tokens() == pytest.approx(1 - due * plan.rate)


def _client(amazon: FakeAmazon, clock: InstantClock, **kwargs: Any) -> sp.SPAPIClient:
    return fake_client(amazon.http(), clock, use_rdt=False, **kwargs)


def _429(**headers: str) -> Any:
    return json_response(429, {"errors": [{"code": "QuotaExceeded", "message": "x"}]}, headers)


async def test_retry_after_beyond_max_retry_after_ends_the_call_and_frees_the_key_in_time() -> None:
    clock = InstantClock()
    amazon = FakeAmazon(routes={ORDERS: [_429(**{"Retry-After": "86400"}), json_response(200, {"payload": {}}, {})]})
    limiter = Limiter(clock=clock, margin=0.0)
    async with _client(amazon, clock, limiter=limiter, retry=sp.RetryPolicy(max_retry_after=1.0)) as client:
        with pytest.raises(sp.ThrottledError):
            await client.request("GET", ORDERS)
        assert len(amazon.api_requests()) == 1  # not retried
        started = clock.monotonic()
        await client.request("GET", ORDERS)
        assert clock.monotonic() - started <= 1.0 + 1e-6  # the key was held for max_retry_after, not a day


async def test_infinite_retry_after_is_ignored_and_the_limiter_paces_the_retry() -> None:
    clock = InstantClock()
    amazon = FakeAmazon(routes={ORDERS: [_429(**{"Retry-After": "1e309"}), json_response(200, {"payload": {}}, {})]})
    limiter = Limiter(clock=clock, margin=0.0)
    started = clock.monotonic()
    async with _client(amazon, clock, limiter=limiter) as client:
        await client.request("GET", ORDERS)
    # drained by the 429, the retry waits for one token at the operation's rate (0.0167/s): about 60 s, not forever
    assert clock.monotonic() - started == pytest.approx(1 / 0.0167, rel=0.01)
    assert len(amazon.api_requests()) == 2
