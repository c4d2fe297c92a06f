"""Helpers for testing code built on spapi_async without real waiting.

:class:`FakeClock` satisfies :class:`spapi_async.clock.Clock`: its time only moves when the test says so, and
``sleep`` blocks until the test advances the clock past the sleeper's deadline. Pass it as ``clock=`` to
``SPAPIClient``, ``Limiter``, ``TokenBucket`` or ``SlidingWindow``. Works on asyncio and trio.

    clock = FakeClock()
    bucket = TokenBucket(rate=0.5, burst=1, clock=clock)
    ...
    await clock.advance(2.0)       # wakes, in deadline order, every sleeper due within the next 2 s
"""

from __future__ import annotations

import heapq
import sys

import anyio
import anyio.lowlevel


class _Sleeper:
    __slots__ = ("active", "deadline", "event", "seq")

    def __init__(self, deadline: float, seq: int) -> None:
        self.deadline = deadline
        self.seq = seq
        self.event = anyio.Event()
        self.active = True

    def __lt__(self, other: _Sleeper) -> bool:
        return (self.deadline, self.seq) < (other.deadline, other.seq)


class FakeClock:
    """Virtual monotonic and wall time with sleepers woken only by :meth:`advance`.

    ``sleep_calls`` counts calls to ``sleep`` (to prove that nothing polls); ``wakeups`` records, for every sleep
    that ended because the clock reached its deadline, ``(deadline, time it was woken)`` - always equal here.
    """

    def __init__(self, start: float = 1000.0, *, wall: float = 1_767_225_600.0) -> None:
        self._now = float(start)
        self._wall_offset = wall - start
        self._heap: list[_Sleeper] = []
        self._seq = 0
        self.sleep_calls = 0
        self.wakeups: list[tuple[float, float]] = []

    # ------------------------------------------------------------------ the Clock protocol

    def monotonic(self) -> float:
        return self._now

    def time(self) -> float:
        return self._now + self._wall_offset

    async def sleep(self, seconds: float) -> None:
        self.sleep_calls += 1
        if seconds <= 0:
            await anyio.lowlevel.checkpoint()
            return
        self._seq += 1
        sleeper = _Sleeper(self._now + seconds, self._seq)
        heapq.heappush(self._heap, sleeper)
        try:
            await sleeper.event.wait()
        finally:
            sleeper.active = False

    # ------------------------------------------------------------------ driving time

    @property
    def sleepers(self) -> int:
        """Tasks currently sleeping on this clock."""
        return sum(1 for s in self._heap if s.active)

    def next_deadline(self) -> float | None:
        """The earliest deadline of a current sleeper."""
        self._drop_inactive()
        return self._heap[0].deadline if self._heap else None

    async def settle(self) -> None:
        """Let every task that can run, run (until all are blocked again)."""
        if _on_trio():
            import trio.testing

            await trio.testing.wait_all_tasks_blocked()
            return
        for _ in range(64):
            await anyio.lowlevel.checkpoint()

    async def advance(self, seconds: float) -> None:
        """Move time forward by ``seconds``, stopping at each sleeper's deadline on the way to wake it (in
        deadline order) and letting the woken tasks run before going further."""
        if seconds < 0:
            raise ValueError("time only moves forward")
        await self.settle()
        target = self._now + seconds
        while True:
            deadline = self.next_deadline()
            if deadline is None or deadline > target:
                break
            self._now = max(self._now, deadline)
            while self._heap and self._heap[0].deadline <= self._now:
                sleeper = heapq.heappop(self._heap)
                if sleeper.active:
                    sleeper.active = False
                    self.wakeups.append((sleeper.deadline, self._now))
                    sleeper.event.set()
            await self.settle()
        self._now = target
        await self.settle()

    async def run_until_idle(self, limit: float = 86_400.0) -> float:
        """Advance from deadline to deadline until nobody sleeps (or ``limit`` seconds passed); returns the time
        that passed."""
        start = self._now
        await self.settle()
        while (deadline := self.next_deadline()) is not None and deadline - start <= limit:
            await self.advance(deadline - self._now)
        return self._now - start

    def _drop_inactive(self) -> None:
        while self._heap and not self._heap[0].active:
            heapq.heappop(self._heap)

    def __repr__(self) -> str:
        return f"FakeClock(now={self._now!r}, sleepers={self.sleepers})"


def _on_trio() -> bool:
    trio = sys.modules.get("trio")
    if trio is None:
        return False
    try:
        trio.lowlevel.current_task()
    except RuntimeError:
        return False
    return True
