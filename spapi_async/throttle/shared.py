"""The default limiter: one in-memory :class:`~spapi_async.throttle.limiter.Limiter` per event loop, shared by
every client of that loop that was not given a limiter of its own.

Amazon counts a usage plan per application and selling partner, whichever client sends the request. Limiter keys
already carry that identity (client id plus a hash of the refresh token), so one limiter for the whole loop makes
two clients for the same seller share their quota while clients for different sellers keep theirs apart - without
the caller having to pass one limiter around. It is one per *event loop* because its buckets' waiters belong to a
loop; processes and machines share quotas through :class:`~spapi_async.throttle.redis.RedisLimiter` instead.

A client built with an injected clock (tests) gets a private limiter on that clock: virtual time cannot be shared
with clients on the real one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from weakref import WeakKeyDictionary

from anyio.lowlevel import RunVar

from ..clock import SYSTEM_CLOCK, Clock
from .base import KeyStats, LimiterBackend, LimitKey, Plan
from .limiter import Limiter

# asyncio loops are looked up directly (this sits on every request's path; anyio's RunVar lookup costs ~1 us);
# other event loops (trio) through anyio.
_PER_ASYNCIO_LOOP: WeakKeyDictionary[asyncio.AbstractEventLoop, Limiter] = WeakKeyDictionary()
_PER_LOOP: RunVar[Limiter] = RunVar("spapi_async.loop_limiter")


class LoopLimiter:
    """Satisfies :class:`~spapi_async.throttle.base.LimiterBackend` by handing every call to the running event
    loop's :class:`Limiter` (created on first use with the library's defaults)."""

    __slots__ = ()

    paces_throttled_retries = True

    def current(self) -> Limiter:
        """The running loop's limiter (a ``RuntimeError`` outside an event loop)."""
        loop = asyncio._get_running_loop()
        if loop is not None:
            limiter = _PER_ASYNCIO_LOOP.get(loop)
            if limiter is None:
                limiter = _PER_ASYNCIO_LOOP[loop] = Limiter()
            return limiter
        limiter = _PER_LOOP.get(None)
        if limiter is None:
            limiter = Limiter()
            _PER_LOOP.set(limiter)
        return limiter

    async def acquire(self, key: LimitKey, plan: Plan) -> None:
        await self.current().acquire(key, plan)

    async def release(self, key: LimitKey) -> None:
        await self.current().release(key)

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        await self.current().observe(key, status, headers)

    def stats(self) -> Mapping[str, KeyStats]:
        """Every key of the running loop's limiter (all clients sharing it); empty outside an event loop."""
        try:
            limiter = self.current()
        except RuntimeError:  # no event loop running (anyio's NoEventLoopError; sniffio's error on older anyio)
            return {}
        return limiter.stats()

    def __repr__(self) -> str:
        return "LoopLimiter()"


#: The one instance clients share.
LOOP_LIMITER = LoopLimiter()


def default_limiter(limiter: LimiterBackend | None = None, clock: Clock | None = None) -> LimiterBackend:
    """``limiter`` if given; else :data:`LOOP_LIMITER`, or a private :class:`Limiter` for an injected clock."""
    if limiter is not None:
        return limiter
    if clock is None or clock is SYSTEM_CLOCK:
        return LOOP_LIMITER
    return Limiter(clock=clock)
