"""Single-flight: concurrent callers of one key share one run of the work, and each caller may leave alone.

The work (a token refresh) runs in a task of its own, detached from the callers: every caller, the first one
included, only waits for its result. So a caller that is cancelled or whose deadline passes (``move_on_after``)
leaves at once, and neither stops the work nor fails the others still waiting on it. A work that nobody waits
for any more still ends (it is bounded by the client's timeouts) and its result reaches the cache.

A failure is shared as a cause, not as an object: each waiter raises its own copy of the exception, chained
(``__cause__``) to the one the work raised, so 500 waiters on one failed refresh give 500 short tracebacks rather
than one that grows with each re-raise.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import anyio

T = TypeVar("T")

#: Detached asyncio tasks, held here so the loop's weak references do not let them be collected mid-flight.
_ASYNCIO_TASKS: set[asyncio.Task[None]] = set()


def spawn_detached(run: Callable[[], Awaitable[None]]) -> None:
    """Start ``run()`` in a task owned by no caller (asyncio: a loop task; trio: a system task).

    ``run`` must not raise (trio would end the whole run): :class:`SingleFlight` passes a function that stores
    its outcome instead.
    """
    loop = asyncio._get_running_loop()  # None under trio (anyio's two backends: asyncio and trio)
    if loop is None:
        import trio

        trio.lowlevel.spawn_system_task(run)
        return

    async def main() -> None:
        await run()

    task = loop.create_task(main())
    _ASYNCIO_TASKS.add(task)
    task.add_done_callback(_ASYNCIO_TASKS.discard)


def own_copy(error: BaseException) -> BaseException:
    """A new instance of ``error`` for one waiter: same type, arguments and attributes, fresh traceback, with
    ``error`` as its cause. Falls back to ``error`` itself for an exception that cannot be copied."""
    try:
        mine = copy.copy(error)
    except Exception:
        return error
    if mine is error or type(mine) is not type(error):
        return error
    mine.__traceback__ = None
    mine.__cause__ = error
    mine.__suppress_context__ = True
    return mine


class _Flight(Generic[T]):
    __slots__ = ("cancelled", "done", "error", "result")

    def __init__(self) -> None:
        self.done = anyio.Event()
        self.result: T | None = None
        self.error: BaseException | None = None
        self.cancelled = False


class SingleFlight(Generic[T]):
    """Coalesces concurrent calls per key: the work runs once, detached; every caller waits for its outcome.

    - A caller that leaves (cancelled, deadline passed) never cancels the work nor fails the other waiters.
    - A failure is not cached (the next call after it starts a new flight); each waiter raises its own copy of
      the failure, chained to it.
    - If the work itself is cancelled (the event loop is shutting down), the waiters still there start over.
    """

    def __init__(self) -> None:
        self._flights: dict[str, _Flight[T]] = {}

    def in_flight(self, key: str) -> bool:
        return key in self._flights

    def _start(self, key: str, work: Callable[[], Awaitable[T]]) -> _Flight[T]:
        flight: _Flight[T] = _Flight()
        self._flights[key] = flight

        async def run() -> None:
            cancelled_exc = anyio.get_cancelled_exc_class()
            try:
                flight.result = await work()
            except cancelled_exc:
                flight.cancelled = True
                raise
            except BaseException as exc:  # stored for the waiters; a detached task must not raise
                flight.error = exc
            finally:
                if self._flights.get(key) is flight:
                    del self._flights[key]
                flight.done.set()

        spawn_detached(run)
        return flight

    async def run(self, key: str, work: Callable[[], Awaitable[T]]) -> T:
        while True:
            flight = self._flights.get(key)
            if flight is None:
                flight = self._start(key, work)
            await flight.done.wait()
            if flight.cancelled:
                continue
            if flight.error is not None:
                raise own_copy(flight.error)
            return flight.result  # type: ignore[return-value]
