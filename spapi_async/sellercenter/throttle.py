"""Seller Center's limit: at most ``requests`` per ``window`` seconds per seller, across every endpoint.

:class:`SellerWindowLimiter` satisfies :class:`~spapi_async.throttle.base.LimiterBackend` and keys on the seller
(``LimitKey.identity`` + ``region``), not on the operation. Waiters are served in arrival order. A 429 (v2) or an
E429 (legacy) closes the seller's window for a full ``window`` so the retry that follows is paced here.

Note: the generic sliding window of ``spapi_async.throttle.window`` (the scheduler work) implements the same rule
for ``sp.Limiter``; this module keeps Seller Center usable on its own and will delegate to it once it lands.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import anyio

from ..clock import SYSTEM_CLOCK, Clock
from ..errors import ConfigurationError
from ..operation import UsagePlan
from ..throttle.base import LimitKey

#: The older Seller Center documentation: more than 30 requests per 3 seconds answers E429.
DEFAULT_REQUESTS = 30
DEFAULT_WINDOW = 3.0


@dataclass
class _SellerWindow:
    grants: deque[float] = field(default_factory=deque)
    lock: anyio.Lock = field(default_factory=anyio.Lock)
    closed_until: float = 0.0
    granted: int = 0
    waited: float = 0.0
    throttled: int = 0


class SellerWindowLimiter:
    """At most ``requests`` grants in any ``window`` seconds per seller.

    ``margin`` widens the window a little (default 0.1 s) so that network jitter between the grant here and the
    arrival at the server does not let the server see one request too many in its own window.
    """

    paces_throttled_retries = True

    def __init__(
        self,
        requests: int = DEFAULT_REQUESTS,
        window: float = DEFAULT_WINDOW,
        *,
        margin: float = 0.1,
        clock: Clock | None = None,
    ) -> None:
        if requests < 1:
            raise ConfigurationError(f"requests must be >= 1, got {requests!r}")
        if not window > 0:
            raise ConfigurationError(f"window must be > 0 seconds, got {window!r}")
        if margin < 0:
            raise ConfigurationError(f"margin must be >= 0, got {margin!r}")
        self.requests = requests
        self.window = window
        self.margin = margin
        self._span = window + margin
        self._clock = clock or SYSTEM_CLOCK
        self._sellers: dict[tuple[str, str], _SellerWindow] = {}

    def _state(self, key: LimitKey) -> _SellerWindow:
        seller = (key.identity, key.region)
        state = self._sellers.get(seller)
        if state is None:
            state = self._sellers[seller] = _SellerWindow()
        return state

    async def acquire(self, key: LimitKey, plan: UsagePlan) -> None:
        state = self._state(key)
        clock = self._clock
        started = clock.monotonic()
        async with state.lock:  # one waiter at a time, in arrival order
            while True:
                now = clock.monotonic()
                grants = state.grants
                while grants and grants[0] + self._span <= now:
                    grants.popleft()
                if state.closed_until > now:
                    await clock.sleep(state.closed_until - now)
                    continue
                if len(grants) < self.requests:
                    grants.append(now)
                    state.granted += 1
                    state.waited += now - started
                    return
                await clock.sleep(grants[0] + self._span - now)

    async def release(self, key: LimitKey) -> None:
        """A window cannot tell which recorded grant was never sent; the slot simply ages out of the window."""
        return None

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        if status != 429:
            return
        state = self._state(key)
        state.throttled += 1
        state.closed_until = max(state.closed_until, self._clock.monotonic() + self._span)

    def stats(self) -> Mapping[str, Any]:
        return {
            f"{identity}|{region}": {
                "grants": s.granted,
                "waited_seconds": round(s.waited, 6),
                "throttled": s.throttled,
                "limit": f"{self.requests}/{self.window:g}s",
            }
            for (identity, region), s in sorted(self._sellers.items())
        }

    def __repr__(self) -> str:
        return f"SellerWindowLimiter(requests={self.requests}, window={self.window!r}, margin={self.margin!r})"
