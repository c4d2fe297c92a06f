"""Token caching: the :class:`TokenStore` protocol, its in-memory default, and single-flight refresh
(:class:`~spapi_async.auth.flight.SingleFlight`, re-exported here)."""

from __future__ import annotations

import contextlib
import math
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ..clock import Clock
from ..config import Secret
from .flight import SingleFlight

#: A token is refreshed at most this many seconds before its stated expiry, so it never expires in flight...
EXPIRY_MARGIN = 60.0
#: ...and at most this share of its lifetime before, so a short-lived token is used for most of its life
#: (a 5 s token for 4.75 s; an hour's token for 59 minutes).
EXPIRY_SHARE = 0.05
#: ``expires_in`` when the server states none.
DEFAULT_LIFETIME = 3600.0


def lifetime_of(expires_in: object) -> float:
    """Seconds a token may be used, from the server's ``expires_in``: absent means :data:`DEFAULT_LIFETIME`;
    zero, negative, non-finite or unreadable means 0, "use once" (the token serves the calls waiting for it,
    and is never cached)."""
    if expires_in is None:
        return DEFAULT_LIFETIME
    try:
        seconds = float(expires_in)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return seconds if math.isfinite(seconds) and seconds > 0 else 0.0


@dataclass(frozen=True, slots=True)
class CachedToken:
    """An access token (LWA, RDT, or Seller Center OAuth) and its wall-clock expiry (epoch seconds).

    ``lifetime`` is how long the server said it lives (seconds from issue to ``expires_at``): 0 for a "use once"
    token, None when unknown (then the full :data:`EXPIRY_MARGIN` applies). Build one with :meth:`issued`.
    """

    value: Secret = field(repr=False)
    expires_at: float
    lifetime: float | None = None

    @classmethod
    def issued(cls, value: str | Secret, now: float, expires_in: object) -> CachedToken:
        """A token received at ``now`` with the server's ``expires_in`` (see :func:`lifetime_of`)."""
        lifetime = lifetime_of(expires_in)
        secret = value if isinstance(value, Secret) else Secret(value)
        return cls(secret, now + lifetime, lifetime)

    @property
    def use_once(self) -> bool:
        return self.lifetime is not None and self.lifetime <= 0

    def refresh_at(self, margin: float = EXPIRY_MARGIN) -> float:
        """The wall-clock second from which the token is refreshed rather than used: ``margin`` seconds before
        expiry, or a twentieth of its lifetime when that is less."""
        lifetime = self.lifetime
        if lifetime is not None:
            margin = min(margin, lifetime * EXPIRY_SHARE)
        return self.expires_at - margin

    def fresh(self, now: float, margin: float = EXPIRY_MARGIN) -> bool:
        return not self.use_once and now < self.refresh_at(margin)


@runtime_checkable
class TokenStore(Protocol):
    """Where access tokens live between requests. Keys never contain secrets (they hash them)."""

    async def get(self, key: str) -> CachedToken | None: ...

    async def set(self, key: str, token: CachedToken) -> None: ...

    async def delete(self, key: str) -> None: ...

    def refresh_lock(self, key: str) -> contextlib.AbstractAsyncContextManager[None]:
        """Held while one caller refreshes ``key``: a no-op in process (single-flight is done above the store),
        a short distributed lock in a shared store."""
        ...


__all__ = [
    "DEFAULT_LIFETIME",
    "EXPIRY_MARGIN",
    "EXPIRY_SHARE",
    "CachedToken",
    "CachedTokenSource",
    "InMemoryTokenStore",
    "SingleFlight",
    "TokenStore",
    "lifetime_of",
]


class InMemoryTokenStore:
    """The default store: a dict in this process."""

    def __init__(self) -> None:
        self._tokens: dict[str, CachedToken] = {}

    async def get(self, key: str) -> CachedToken | None:
        return self._tokens.get(key)

    async def set(self, key: str, token: CachedToken) -> None:
        self._tokens[key] = token

    async def delete(self, key: str) -> None:
        self._tokens.pop(key, None)

    @contextlib.asynccontextmanager
    async def refresh_lock(self, key: str) -> AsyncIterator[None]:
        yield

    def __repr__(self) -> str:
        return f"InMemoryTokenStore(keys={len(self._tokens)})"


class CachedTokenSource:
    """A token cache over a :class:`TokenStore` with single-flight refresh and double-checked reads.

    The last token seen for each key is also kept in this process while it is fresh, so a shared store (Redis) is
    read once per token rather than once per request; a token another process fetched meanwhile does not make ours
    invalid (access tokens stay valid until they expire), and :meth:`invalidate` drops both copies.
    """

    def __init__(self, store: TokenStore, clock: Clock, *, margin: float = EXPIRY_MARGIN) -> None:
        self.store = store
        self.clock = clock
        self.margin = margin
        self._flights: SingleFlight[CachedToken] = SingleFlight()
        self._local: dict[str, CachedToken] = {}

    async def get(self, key: str, fetch: Callable[[], Awaitable[CachedToken]]) -> str:
        return (await self.token(key, fetch)).value.get()

    async def token(self, key: str, fetch: Callable[[], Awaitable[CachedToken]]) -> CachedToken:
        """The cached token for ``key`` while fresh, else one fetched single-flight (at most one ``fetch`` at a
        time per key in this process, whatever the number of callers). A "use once" token is handed to the
        callers that waited for it and never cached, so each later call fetches its own."""
        now = self.clock.time()
        local = self._local.get(key)
        if local is not None and local.fresh(now, self.margin):
            return local
        cached = await self.store.get(key)
        if cached is not None and cached.fresh(now, self.margin):
            self._local[key] = cached
            return cached

        async def refresh() -> CachedToken:
            async with self.store.refresh_lock(key):
                again = await self.store.get(key)  # another process may have refreshed while we waited
                if again is not None and again.fresh(self.clock.time(), self.margin):
                    return again
                token = await fetch()
                if not token.use_once:
                    await self.store.set(key, token)
                return token

        token = await self._flights.run(key, refresh)
        if not token.use_once:
            self._local[key] = token
        return token

    async def invalidate(self, key: str, value: str | None = None) -> None:
        """Forget ``key`` (only if it still holds ``value``, when given: another caller may have refreshed)."""
        local = self._local.get(key)
        if local is not None and (value is None or local.value.get() == value):
            del self._local[key]
        if value is not None:
            cached = await self.store.get(key)
            if cached is None or cached.value.get() != value:
                return
        await self.store.delete(key)
