"""The Lua scripts give the schedule the in-process arithmetic gives (``throttle.bucket``, ``throttle.window``).

Requests are reserved in Redis; the same arrivals (the server times at which the scripts ran) are replayed through
the pure functions of the in-process bucket and window, granting in FIFO order as its gate does. Each request's due
time must match to the microsecond.
"""

from __future__ import annotations

from spapi_async import LimitKey, UsagePlan
from spapi_async.throttle.bucket import capacity_for, take
from spapi_async.throttle.redis import RedisLimiter
from spapi_async.throttle.window import WindowPlan, window_take

KEY = LimitKey("app:mirror", "eu", "orders_v0.get_order_items")


def replay_bucket(arrivals: list[float], rate: float, burst: int, margin: float) -> list[float]:
    capacity = capacity_for(rate, burst, margin)
    tokens, stamp = capacity, arrivals[0]
    granted: list[float] = []
    for arrival in arrivals:
        t = max(arrival, granted[-1] if granted else arrival)
        for _ in range(100):  # the gate's loop: sleep until due, try again
            tokens, stamp, wait = take(tokens, stamp, rate, capacity, t)
            if wait == 0.0:
                granted.append(t)
                break
            t += wait
        else:
            raise AssertionError("the replay did not converge")
    return granted


async def test_bucket_schedule_matches_the_in_process_bucket(redis_url: str, namespace: str) -> None:
    rate, burst, margin = 3.0, 4, 0.2
    plan = UsagePlan(rate, burst)
    async with RedisLimiter(redis_url, namespace=namespace, margin=margin) as limiter:
        reservations = [await limiter.reserve(KEY, plan) for _ in range(12)]
    # relative to the first arrival: epoch seconds have too few bits after the point for the replay
    base = reservations[0].due_us
    arrivals = [(r.due_us - base) / 1e6 - r.wait for r in reservations]
    expected = replay_bucket(arrivals, rate, burst, margin)
    for r, due in zip(reservations, expected, strict=True):
        assert abs((r.due_us - base) / 1e6 - due) <= 2e-6, ((r.due_us - base) / 1e6, due)


async def test_window_schedule_matches_the_in_process_window(redis_url: str, namespace: str) -> None:
    plan = WindowPlan(limit=4, window=2.0)
    margin = 0.05
    key = LimitKey("sc:mirror", "sc", "sellercenter.get_orders")
    async with RedisLimiter(redis_url, namespace=namespace, window_margin=margin) as limiter:
        reservations = [await limiter.reserve(key, plan) for _ in range(11)]
    span = plan.window + margin
    times: tuple[float, ...] = ()
    last = 0.0
    base = reservations[0].due_us
    for r in reservations:
        t = max((r.due_us - base) / 1e6 - r.wait, last)
        for _ in range(100):
            times, wait = window_take(times, plan.limit, span, t)
            if wait == 0.0:
                break
            t += wait
        else:
            raise AssertionError("the replay did not converge")
        last = t
        assert abs((r.due_us - base) / 1e6 - t) <= 2e-6, ((r.due_us - base) / 1e6, t)
