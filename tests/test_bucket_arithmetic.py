"""Token bucket arithmetic: the pure functions behind ``TokenBucket`` (refill, take, give back, capacity)."""

from __future__ import annotations

import pytest

from spapi_async.errors import ConfigurationError
from spapi_async.throttle import bucket as b
from spapi_async.throttle.bucket import TokenBucket


def test_refill_fractional_rates() -> None:
    # getOrders: 0.0167 rps, burst 20. From empty, 10 minutes refill 10.02 tokens.
    assert b.refill(0.0, 0.0, 0.0167, 20.0, 600.0) == pytest.approx(10.02)
    # ... and never more than the burst.
    assert b.refill(0.0, 0.0, 0.0167, 20.0, 3600.0) == 20.0
    # 0.0056 rps (e.g. getReports-like plans): one token takes 178.57 s.
    assert b.refill(0.0, 0.0, 0.0056, 20.0, 1.0 / 0.0056) == pytest.approx(1.0)
    # A clock going backwards adds nothing and takes nothing.
    assert b.refill(3.5, 100.0, 1.0, 20.0, 90.0) == 3.5


def test_take_reports_exact_wait() -> None:
    tokens, stamp, wait = b.take(0.25, 10.0, 0.0167, 20.0, 10.0)
    assert (tokens, stamp) == (0.25, 10.0)
    assert wait == pytest.approx(0.75 / 0.0167)
    # At exactly the due time the token is there, despite float rounding.
    tokens, stamp, wait = b.take(tokens, stamp, 0.0167, 20.0, 10.0 + wait)
    assert wait == 0.0
    assert abs(tokens) < 1e-9


def test_take_burst_then_rate() -> None:
    tokens, stamp = 20.0, 0.0
    for _ in range(20):
        tokens, stamp, wait = b.take(tokens, stamp, 0.0056, 20.0, 0.0)
        assert wait == 0.0
    tokens, stamp, wait = b.take(tokens, stamp, 0.0056, 20.0, 0.0)
    assert wait == pytest.approx(1 / 0.0056)


def test_give_back_is_exact_and_capped() -> None:
    assert b.give_back(2.0, 0.0, 1.0, 5.0, 1.0) == (4.0, 1.0)
    assert b.give_back(4.5, 0.0, 1.0, 5.0, 1.0) == (5.0, 1.0)
    assert b.drain(7.0) == (0.0, 7.0)
    assert b.drain(7.0, 0.5, due_in=1.0) == (0.5, 7.0)  # one token 1 s from now
    assert b.drain(7.0, 0.5, due_in=6.0) == (-2.0, 7.0)  # the server asks for longer than a token interval


def test_capacity_with_margin() -> None:
    assert b.capacity_for(0.5, 30, 0.0) == 30.0
    assert b.capacity_for(0.5, 30, 0.05) == pytest.approx(29.975)
    assert b.capacity_for(50.0, 30, 0.05) == pytest.approx(27.5)
    assert b.capacity_for(0.5, 1, 0.05) == 1.0  # never below one token
    assert b.capacity_for(100.0, 2, 0.05) == 1.0


def test_coalesce_bounds() -> None:
    # Below 1 / slack tokens per second the wait is exact, whatever the queue.
    assert b.coalesce(0.5, 1000, 80.0, 100.0, 0.01) == 0.5
    # 1000 tokens/s, 10 ms slack: up to 11 tokens per wake, i.e. 10 more token intervals than the head's own.
    assert b.coalesce(0.0004, 1000, 1000.0, 100.0, 0.01) == pytest.approx(0.0004 + 0.010)
    # ... but never more than the queue can use ...
    assert b.coalesce(0.0004, 3, 1000.0, 100.0, 0.01) == pytest.approx(0.0004 + 0.002)
    # ... nor more than half the whole tokens the bucket holds (room left for a late wake-up).
    assert b.coalesce(0.0004, 1000, 1000.0, 10.0, 0.01) == pytest.approx(0.0004 + 0.004)
    assert b.coalesce(0.0004, 1000, 1000.0, 3.0, 0.01) == 0.0004
    # No slack: exact.
    assert b.coalesce(0.0004, 1000, 1000.0, 100.0, 0.0) == 0.0004


def test_invalid_plans_rejected() -> None:
    with pytest.raises(ConfigurationError):
        TokenBucket(0.0, 1)
    with pytest.raises(ConfigurationError):
        TokenBucket(1.0, 0)
    with pytest.raises(ConfigurationError):
        TokenBucket(1.0, 1, margin=-1)
    with pytest.raises(ConfigurationError, match="timer_slack"):
        TokenBucket(1.0, 1, timer_slack=-0.001)
