"""Which notifications were already handled: the consumer's duplicate filter.

Amazon delivers each notification at least once, so the same notification id can arrive twice (even in one
batch, or at two consumers at the same time). A store answers :meth:`claim` with

- ``"new"``: nobody handled or is handling this id; the caller now holds it for ``lease`` seconds;
- ``"done"``: handled successfully within the last ``ttl`` seconds: delete the message, don't call the handler;
- ``"busy"``: another message with this id is being handled right now: leave this one, it comes back.

The holder then calls :meth:`complete` (success: remembered for ``ttl``) or :meth:`release` (failure: the next
copy may try again), and :meth:`extend` while its handler is still running. A crashed holder's claim expires with
its lease. :class:`MemoryDedupe` is the default (one process); :class:`RedisDedupe` is shared by every consumer
of a queue (extra ``redis``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Sequence
from typing import TYPE_CHECKING, Literal, Protocol

from ..clock import SYSTEM_CLOCK, Clock
from ..errors import ConfigurationError

if TYPE_CHECKING:
    from redis.asyncio import Redis

logger = logging.getLogger("spapi_async.notifications")

Claim = Literal["new", "done", "busy"]


class DedupeStore(Protocol):
    async def claim(self, key: str, lease: float) -> Claim: ...

    async def extend(self, keys: Sequence[str], lease: float) -> None: ...

    async def complete(self, key: str, ttl: float) -> None: ...

    async def release(self, key: str) -> None: ...

    async def aclose(self) -> None: ...


class MemoryDedupe:
    """In-process store: a dict of id → (state, expiry) on the injected clock; expired entries are swept once the
    dict has grown by ``sweep_every`` entries since the last sweep, so memory stays bounded by the ids of one
    ``ttl``."""

    def __init__(self, *, clock: Clock | None = None, sweep_every: int = 4096) -> None:
        self.clock = clock or SYSTEM_CLOCK
        self._entries: dict[str, tuple[bool, float]] = {}  # key -> (done, expires at)
        self._sweep_every = sweep_every
        self._next_sweep = sweep_every

    def __len__(self) -> int:
        return len(self._entries)

    def _sweep(self, now: float) -> None:
        self._entries = {k: v for k, v in self._entries.items() if v[1] > now}
        self._next_sweep = len(self._entries) + self._sweep_every

    async def claim(self, key: str, lease: float) -> Claim:
        now = self.clock.monotonic()
        entry = self._entries.get(key)
        if entry is not None and entry[1] > now:
            return "done" if entry[0] else "busy"
        self._entries[key] = (False, now + lease)
        if len(self._entries) >= self._next_sweep:
            self._sweep(now)
        return "new"

    async def extend(self, keys: Sequence[str], lease: float) -> None:
        until = self.clock.monotonic() + lease
        for key in keys:
            entry = self._entries.get(key)
            if entry is not None and not entry[0]:
                self._entries[key] = (False, until)

    async def complete(self, key: str, ttl: float) -> None:
        self._entries[key] = (True, self.clock.monotonic() + ttl)

    async def release(self, key: str) -> None:
        entry = self._entries.get(key)
        if entry is not None and not entry[0]:
            del self._entries[key]

    async def aclose(self) -> None:
        return None

    def __repr__(self) -> str:
        return f"MemoryDedupe(entries={len(self._entries)})"


class RedisDedupe:
    """Shared store in Redis (``dedupe="redis://..."`` on the consumer): one key per notification id under
    ``namespace``, expiring with its lease or ``ttl`` on Redis's clock. Several consumers of one queue, in any
    number of processes, then handle each notification once."""

    def __init__(
        self,
        url: str | None = None,
        *,
        client: Redis | None = None,
        namespace: str = "spapi-notifications",
        socket_timeout: float = 5.0,
    ) -> None:
        from .._redis import lua_script, make_client, redacted_url

        if not namespace or not isinstance(namespace, str):
            raise ConfigurationError("RedisDedupe: namespace must be a non-empty string")
        self._redis, self._owns = make_client(url, client, socket_timeout=socket_timeout, what="RedisDedupe")
        self.namespace = namespace
        self._url = redacted_url(url) if url else "<client>"
        self._token = uuid.uuid4().hex  # this consumer's claims
        # A claim holds a random token so that only its holder releases it; "done" marks success.
        self._release = self._redis.register_script(lua_script("spapi_async.notifications", "release_claim.lua"))

    def _key(self, key: str) -> str:
        return f"{self.namespace}:n:{key}"

    async def claim(self, key: str, lease: float) -> Claim:
        name = self._key(key)
        if await self._redis.set(name, self._token, nx=True, px=max(1, int(lease * 1000))):
            return "new"
        value = await self._redis.get(name)
        if value is None:  # expired in between: let the message come back rather than race for it
            return "busy"
        return "done" if value == b"done" else "busy"

    async def extend(self, keys: Sequence[str], lease: float) -> None:
        if not keys:
            return
        async with self._redis.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.pexpire(self._key(key), max(1, int(lease * 1000)))
            await pipe.execute()

    async def complete(self, key: str, ttl: float) -> None:
        await self._redis.set(self._key(key), "done", px=max(1, int(ttl * 1000)))

    async def release(self, key: str) -> None:
        await self._release(keys=[self._key(key)], args=[self._token])

    async def aclose(self) -> None:
        if self._owns:
            await self._redis.aclose()

    def __repr__(self) -> str:
        return f"RedisDedupe({self._url!r}, namespace={self.namespace!r})"


def make_dedupe(dedupe: DedupeStore | str | None, clock: Clock) -> tuple[DedupeStore, bool]:
    """The store for the consumer's ``dedupe=`` argument, and whether the consumer owns (closes) it."""
    if dedupe is None or dedupe == "memory":
        return MemoryDedupe(clock=clock), True
    if isinstance(dedupe, str):
        if dedupe.startswith(("redis://", "rediss://", "unix://")):
            return RedisDedupe(dedupe), True
        raise ConfigurationError("dedupe must be None, 'memory', a redis:// URL or a dedupe store")
    for method in ("claim", "extend", "complete", "release", "aclose"):
        if not callable(getattr(dedupe, method, None)):
            raise ConfigurationError(f"dedupe store {dedupe!r} has no {method}() method")
    return dedupe, False


async def quietly(call: Awaitable[None]) -> None:
    """Await a store call whose failure must not stop the consumer: it is logged as a warning."""
    try:
        await call
    except Exception as exc:
        logger.warning("dedupe store: %s: %s", type(exc).__name__, exc)
