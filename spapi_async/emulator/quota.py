"""Server-side usage plans: one token bucket per (application, selling partner, operation), as Amazon applies them.

Deliberately independent of the client's limiter, so a client that overshoots a plan is caught with a 429.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..operation import UsagePlan


@dataclass(slots=True)
class Bucket:
    rate: float
    burst: int
    tokens: float
    updated: float

    def take(self, now: float) -> bool:
        """Refill for the time elapsed, then take one token if there is a whole one."""
        if now > self.updated:
            self.tokens = min(float(self.burst), self.tokens + (now - self.updated) * self.rate)
            self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class QuotaBook:
    """All buckets of one emulator. ``time_scale`` multiplies every rate (bursts stay as published)."""

    def __init__(self, time_scale: float = 1.0) -> None:
        if not time_scale > 0:
            raise ValueError(f"time_scale must be > 0, got {time_scale!r}")
        self.time_scale = time_scale
        self._buckets: dict[tuple[str, str, str], Bucket] = {}

    def effective(self, plan: UsagePlan) -> UsagePlan:
        return UsagePlan(plan.rate * self.time_scale, plan.burst)

    def take(self, app: str, partner: str, operation: str, plan: UsagePlan, now: float) -> bool:
        key = (app, partner, operation)
        bucket = self._buckets.get(key)
        if bucket is None:
            eff = self.effective(plan)
            bucket = self._buckets[key] = Bucket(eff.rate, eff.burst, float(eff.burst), now)
        return bucket.take(now)

    def reset(self) -> None:
        self._buckets.clear()
