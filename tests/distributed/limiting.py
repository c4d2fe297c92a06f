"""What the Redis tests share (``test_redis_limiter*.py``, ``test_redis_token_store.py``): a key and a clock whose
sleeps return at once (``time`` is the real wall clock, for Redis TTLs)."""

from __future__ import annotations

import time

from spapi_async import LimitKey

KEY = LimitKey("app:abc123", "na", "orders_v0.get_orders")


class FakeClock:
    """Sleeps return at once and move ``monotonic`` on; every requested sleep is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return time.time()

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)
