"""FIFO admission with a single timer: the waiting machinery shared by token buckets and sliding windows.

A :class:`Gate` hands out permits in strict arrival order. Subclasses only say, for a given instant, whether a
permit can be taken now and, if not, how long until one is due (:meth:`Gate._take`); the gate does the waiting:

- a caller that finds no queue and a free permit takes it without waiting;
- otherwise it joins the queue. Only the first waiter in the queue (the *head*) sleeps, and only until its permit
  is due - one timer per gate, however many callers wait. The others wait on their own event and use no timer;
- a subclass may let the head sleep a little past its own permit so that one wake serves several waiters
  (:meth:`Gate._coalesce`; the token bucket's ``timer_slack``): fewer timers, each grant at most that much late;
- when the head gets its permit it hands over: every following waiter whose permit is already due is granted at
  once (in order) and the next one becomes the new head;
- when something makes permits come sooner (a refund, a higher rate) the head's sleep is interrupted and it
  recomputes; when permits come later (a drain after a 429) the head simply finds none when it wakes and sleeps
  again for the remainder.

Cancellation: a waiter cancelled while queued takes no permit and is skipped; a head cancelled while sleeping
passes the head role on; a waiter that had already been granted a permit by the previous head but is cancelled
before it resumes gives that permit back, so no permit is lost and nobody behind it is stalled.
"""

from __future__ import annotations

from collections import deque

import anyio

from ..clock import SYSTEM_CLOCK, Clock

_WAITING = 0
_HEAD = 1
_GRANTED = 2
_CANCELLED = 3


class _Waiter:
    __slots__ = ("event", "state")

    def __init__(self, state: int) -> None:
        self.state = state
        self.event = anyio.Event()


class Gate:
    """Base class: FIFO permits with one timer for the head of the queue. See the module docstring."""

    __slots__ = ("_clock", "_queue", "_scope")

    def __init__(self, clock: Clock | None = None) -> None:
        self._clock: Clock = clock or SYSTEM_CLOCK
        self._queue: deque[_Waiter] = deque()
        self._scope: anyio.CancelScope | None = None  # the head's sleep, while it sleeps

    # ---------------------------------------------------------------- for subclasses

    def _take(self, now: float) -> float:
        """Take one permit if one is free at ``now`` and return 0.0; else return the seconds until one is due."""
        raise NotImplementedError

    def at_rest(self) -> bool:
        """True when a freshly built gate would behave the same: nobody waits and every permit is free."""
        raise NotImplementedError

    def _coalesce(self, wait: float, queued: int) -> float:
        """How long the head sleeps when its permit is due in ``wait`` seconds and ``queued`` callers (the head
        included) wait. The default sleeps exactly ``wait``; never return less."""
        return wait

    def _give_back(self, now: float) -> None:
        """Undo one :meth:`_take` (a refund). Subclasses that cannot refund exactly leave this a no-op."""

    def _changed(self) -> None:
        """Call after any change that may make a permit due sooner: wakes the head to recompute."""
        if self._scope is not None:
            self._scope.cancel()

    # ---------------------------------------------------------------- public

    @property
    def waiting(self) -> int:
        """Callers currently queued (cancelled ones not yet skipped included)."""
        return len(self._queue)

    async def acquire(self) -> None:
        """Wait for a permit, in arrival order, exactly until it is due."""
        queue = self._queue
        if not queue and self._take(self._clock.monotonic()) == 0.0:
            return
        waiter = _Waiter(_WAITING if queue else _HEAD)
        queue.append(waiter)
        try:
            if waiter.state == _WAITING:
                await waiter.event.wait()
            while waiter.state == _HEAD:
                wait = self._take(self._clock.monotonic())
                if wait == 0.0:
                    queue.popleft()
                    waiter.state = _GRANTED
                    self._advance()
                    return
                with anyio.CancelScope() as scope:
                    self._scope = scope
                    try:
                        await self._clock.sleep(self._coalesce(wait, len(queue)))
                    finally:
                        self._scope = None
        except BaseException:
            self._abandon(waiter)
            raise

    def release(self) -> None:
        """Give back a permit taken by :meth:`acquire` whose work never happened (see :meth:`_give_back`)."""
        self._give_back(self._clock.monotonic())
        self._advance()

    # ---------------------------------------------------------------- internals

    def _advance(self) -> None:
        """Grant every queued waiter whose permit is due now, in order, then make the next one the head."""
        queue = self._queue
        now = -1.0
        while queue:
            waiter = queue[0]
            state = waiter.state
            if state == _CANCELLED:
                queue.popleft()
                continue
            if state == _HEAD:  # already the head (sleeping or about to run): let it recompute
                self._changed()
                return
            if now < 0.0:
                now = self._clock.monotonic()
            if self._take(now) == 0.0:
                queue.popleft()
                waiter.state = _GRANTED
                waiter.event.set()
                continue
            waiter.state = _HEAD
            waiter.event.set()
            return

    def _abandon(self, waiter: _Waiter) -> None:
        state = waiter.state
        waiter.state = _CANCELLED
        if state == _WAITING:
            return  # skipped lazily when it reaches the front
        if state == _HEAD:
            queue = self._queue
            if queue and queue[0] is waiter:  # the head is always the first entry
                queue.popleft()
            else:  # pragma: no cover - defensive: never leave a dead entry at the front
                queue.remove(waiter)
        else:  # _GRANTED on our behalf, but we never resumed to use it
            self._give_back(self._clock.monotonic())
        self._advance()
