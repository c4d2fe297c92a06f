"""The limiter protocol the transport talks to; the in-memory and Redis limiters both satisfy it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from ..operation import UsagePlan


@dataclass(frozen=True, slots=True)
class LimitKey:
    """Amazon applies usage plans per application + selling partner, per region, per operation.

    ``identity`` is the client id plus a hash of the refresh token (never the token itself); ``operation`` is the
    registry key (``"orders_v0.get_orders"``) or ``"raw:METHOD /path"`` for a path no operation matches.
    """

    identity: str
    region: str
    operation: str

    def __str__(self) -> str:
        return f"{self.identity}|{self.region}|{self.operation}"


@runtime_checkable
class LimiterBackend(Protocol):
    """``acquire`` before every attempt, ``observe`` after every response (success or not)."""

    async def acquire(self, key: LimitKey, plan: UsagePlan) -> None:
        """Wait until ``key`` may send one request under ``plan`` (or the limiter's override for it)."""
        ...

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        """Learn from a response: ``x-amzn-RateLimit-Limit`` and 429s."""
        ...

    def stats(self) -> Mapping[str, Any]:
        """Per-key figures (grants, waits, 429s, current rate)."""
        ...

    @property
    def paces_throttled_retries(self) -> bool:
        """True if a 429 seen by ``observe`` makes the next ``acquire`` on that key wait (so the retry policy
        adds no backoff of its own)."""
        ...


class NullLimiter:
    """Grants everything at once. For tests and for callers who limit elsewhere."""

    paces_throttled_retries = False

    async def acquire(self, key: LimitKey, plan: UsagePlan) -> None:
        return None

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        return None

    def stats(self) -> Mapping[str, Any]:
        return {}

    def __repr__(self) -> str:
        return "NullLimiter()"
