"""Token caching: the :class:`TokenStore` protocol, its in-memory default, and single-flight refresh."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar, runtime_checkable

import anyio

from ..clock import Clock
from ..config import Secret

#: Refresh this many seconds before a token's stated expiry, so a token never expires in flight.
EXPIRY_MARGIN = 60.0


@dataclass(frozen=True, slots=True)
class CachedToken:
    """An access token (LWA, RDT, or Seller Center OAuth) and its wall-clock expiry (epoch seconds)."""

    value: Secret = field(repr=False)
    expires_at: float

    def fresh(self, now: float, margin: float = EXPIRY_MARGIN) -> bool:
        return now < self.expires_at - margin


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


T = TypeVar("T")


class _Flight(Generic[T]):
    __slots__ = ("done", "error", "result")

    def __init__(self) -> None:
        self.done = anyio.Event()
        self.result: T | None = None
        self.error: BaseException | None = None


class SingleFlight(Generic[T]):
    """Coalesces concurrent calls per key: one runs, the others wait and get its result or its exception.

    The leader's work runs shielded from cancellation, so cancelling the first caller never fails the others
    (the leader's own cancellation takes effect when the work ends). A failure is not cached: the next call
    after it starts a new flight.
    """

    def __init__(self) -> None:
        self._flights: dict[str, _Flight[T]] = {}

    def in_flight(self, key: str) -> bool:
        return key in self._flights

    async def run(self, key: str, work: Callable[[], Awaitable[T]]) -> T:
        flight = self._flights.get(key)
        if flight is not None:
            await flight.done.wait()
            if flight.error is not None:
                raise flight.error
            return flight.result  # type: ignore[return-value]
        flight = _Flight()
        self._flights[key] = flight
        try:
            with anyio.CancelScope(shield=True):
                try:
                    flight.result = await work()
                except BaseException as exc:
                    flight.error = exc
        finally:
            del self._flights[key]
            flight.done.set()
        if flight.error is not None:
            raise flight.error
        return flight.result  # type: ignore[return-value]


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
        now = self.clock.time()
        local = self._local.get(key)
        if local is not None and local.fresh(now, self.margin):
            return local.value.get()
        cached = await self.store.get(key)
        if cached is not None and cached.fresh(now, self.margin):
            self._local[key] = cached
            return cached.value.get()

        async def refresh() -> CachedToken:
            async with self.store.refresh_lock(key):
                again = await self.store.get(key)  # another process may have refreshed while we waited
                if again is not None and again.fresh(self.clock.time(), self.margin):
                    return again
                token = await fetch()
                await self.store.set(key, token)
                return token

        token = await self._flights.run(key, refresh)
        self._local[key] = token
        return token.value.get()

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
