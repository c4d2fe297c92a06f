"""The limiter protocol the transport talks to; the in-memory and Redis limiters both satisfy it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, Protocol, TypeAlias, runtime_checkable

from ..operation import UsagePlan
from .window import WindowPlan

#: A usage plan the limiter enforces: a token bucket (SP-API) or a sliding window (Seller Center).
Plan: TypeAlias = UsagePlan | WindowPlan

#: Where the plan in force for a key came from: the operation registry (``"model"`` - published by Amazon - or
#: ``"default"`` - no published plan), the sandbox's flat plan, ``Limiter(overrides=...)``, the
#: ``x-amzn-RateLimit-Limit`` response header, or ``"caller"`` (a plan passed in that none of these explain).
StatsSource = Literal["model", "default", "sandbox", "override", "header", "caller"]


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


@dataclass(frozen=True, slots=True)
class KeyStats:
    """What a limiter knows about one key (``stats()`` maps ``str(LimitKey)`` to these).

    - ``grants``: requests let through (refunded ones included); ``released``: attempts reported as never sent
      (a bucket takes their token back; a sliding window keeps the slot, see ``throttle.window``);
    - ``total_wait_s`` / ``max_wait_s``: time callers spent waiting in ``acquire`` (sum, longest);
    - ``throttled``: 429 responses seen;
    - ``rate`` / ``burst``: the plan in force now (for a sliding window: ``limit / window`` and ``limit``);
      ``plan_source``: where it came from (:data:`StatsSource`);
    - ``waiting``: callers queued right now.
    """

    key: str
    grants: int
    total_wait_s: float
    max_wait_s: float
    throttled: int
    released: int
    rate: float
    burst: int
    plan_source: StatsSource
    waiting: int


@runtime_checkable
class LimiterBackend(Protocol):
    """``acquire`` before every attempt, ``observe`` after every response (success or not), ``release`` when a
    token was taken for an attempt that never reached the server."""

    async def acquire(self, key: LimitKey, plan: Plan) -> None:
        """Wait until ``key`` may send one request under ``plan`` (or the limiter's override for it)."""
        ...

    async def release(self, key: LimitKey) -> None:
        """Give back the token of an attempt that was never sent (credential failure, connect error,
        cancellation before sending). Implementations that cannot refund exactly may ignore it."""
        ...

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        """Learn from a response: ``x-amzn-RateLimit-Limit`` and 429s."""
        ...

    def stats(self) -> Mapping[str, KeyStats]:
        """Per-key figures, keyed by ``str(LimitKey)``."""
        ...

    @property
    def paces_throttled_retries(self) -> bool:
        """True if a 429 seen by ``observe`` makes the next ``acquire`` on that key wait (so the retry policy
        adds no backoff of its own)."""
        ...


class NullLimiter:
    """Grants everything at once. For tests and for callers who limit elsewhere."""

    paces_throttled_retries = False

    async def acquire(self, key: LimitKey, plan: Plan) -> None:
        return None

    async def release(self, key: LimitKey) -> None:
        return None

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        return None

    def stats(self) -> Mapping[str, KeyStats]:
        return {}

    def __repr__(self) -> str:
        return "NullLimiter()"
