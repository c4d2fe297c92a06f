"""P5 of ``benchmarks/scheduler.py``: 10,000 tasks waiting on one token bucket.

Three measurements per configuration:

- ``run_real``: the bucket on the real clock. CPU per grant, how late grants and timer wake-ups came, timer sleeps
  per grant, FIFO.
- ``run_floor``: the same number of tasks woken in the same number of timer wake-ups over the same time, with the
  backend's bare primitives (``asyncio`` futures or ``trio.Event``) and a single bare sleep loop: no scheduler at
  all. Its CPU per grant is what this machine charges for waking the event loop that often and resuming that many
  tasks. On a VM a wake-up from idle costs far more than the Python that runs after it, so ``real - floor`` is the
  scheduler's own share.
- ``run_virtual``: the bucket on a clock whose sleeps return at once (virtual time): the loop never idles, so the
  CPU per grant is the scheduler's code and the task switches, without the machine's wake-up cost.
"""

from __future__ import annotations

import asyncio
import gc
import math
import time
from typing import Any

import anyio
import anyio.lowlevel

from spapi_async.clock import SystemClock
from spapi_async.throttle.bucket import TokenBucket, coalesce


class _CountingClock(SystemClock):
    """The system clock, counting sleeps and how late each one that ran to its end woke up."""

    __slots__ = ("late", "sleeps")

    def __init__(self) -> None:
        self.sleeps = 0
        self.late: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        deadline = time.monotonic() + max(0.0, seconds)
        await anyio.sleep(max(0.0, seconds))
        self.late.append(time.monotonic() - deadline)


class _VirtualClock:
    """Virtual time that jumps to each sleeper's deadline at once (one sleeper at a time: the bucket's head).
    Until ``started`` is set, sleepers wait for it (so that every task can queue first)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps = 0
        self.started = anyio.Event()

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        if not self.started.is_set():
            await self.started.wait()
        self.now += max(0.0, seconds)
        await anyio.lowlevel.checkpoint()


def _p(values: list[float], q: float) -> float:
    return sorted(values)[int(q * (len(values) - 1))] if values else 0.0


async def run_real(waiters: int, rate: float, burst: int, slack: float) -> dict[str, Any]:
    """``waiters`` tasks queue on an empty bucket; then it starts refilling at ``rate``."""
    clock = _CountingClock()
    bucket = TokenBucket(1e-9, burst, clock=clock, timer_slack=slack)
    while bucket.tokens() >= 1.0:
        await bucket.acquire()
    entered: list[int] = []
    granted = [0.0] * waiters
    all_queued = anyio.Event()

    async def waiter(i: int) -> None:
        entered.append(i)
        if len(entered) == waiters:
            all_queued.set()  # its own acquire below queues before the main task runs again
        await bucket.acquire()
        granted[i] = time.monotonic()

    async with anyio.create_task_group() as tg:
        for i in range(waiters):
            tg.start_soon(waiter, i)
        await all_queued.wait()
        assert bucket.waiting == waiters
        clock.sleeps = 0
        clock.late.clear()
        gc.collect()
        gc.freeze()  # the 10,000 parked tasks are long-lived: keep full collections from scanning them mid-run
        cpu0 = time.process_time()
        t0 = time.monotonic()
        bucket.drain()
        bucket.set_plan(rate)
    cpu = time.process_time() - cpu0
    wall = time.monotonic() - t0
    gc.unfreeze()
    # In queue order, the k-th waiter's token is due at t0 + k / rate (the queue never empties).
    times = [granted[i] for i in entered]
    lateness = [t - (t0 + k / rate) for k, t in enumerate(times, start=1)]
    # FIFO: nobody is granted a token interval before someone queued ahead of it. (Waiters granted together
    # resume in an order the event loop picks, microseconds apart.)
    running_max, fifo = 0.0, True
    for t in times:
        if t + 0.5 / rate < running_max:
            fifo = False
        running_max = max(running_max, t)
    return {
        "waiters": waiters,
        "rate": rate,
        "burst": burst,
        "timer_slack_ms": slack * 1e3,
        "cpu_us_per_grant": cpu / waiters * 1e6,
        "wall_s": wall,
        "ideal_s": waiters / rate,
        "min_grant_lateness_ms": min(lateness) * 1e3,
        "max_grant_lateness_ms": max(lateness) * 1e3,
        "p99_grant_lateness_ms": _p(lateness, 0.99) * 1e3,
        "max_wakeup_lateness_ms": max(clock.late, default=0.0) * 1e3,
        "p99_wakeup_lateness_ms": _p(clock.late, 0.99) * 1e3,
        "timer_sleeps": clock.sleeps,
        "sleeps_per_grant": clock.sleeps / waiters,
        "fifo": fifo,
    }


async def _floor(waiters: int, wakes: int, seconds: float) -> float:
    """Tasks started the way ``run_real`` starts them (an anyio task group), each parked on the backend's bare
    primitive, woken in ``wakes`` batches by one loop of bare sleeps spread over ``seconds``."""
    import sniffio

    per_wake = math.ceil(waiters / wakes)
    if sniffio.current_async_library() == "trio":
        import trio

        events = [trio.Event() for _ in range(waiters)]
        park = [event.wait for event in events]
        wake = [event.set for event in events]
        now, sleep_until = trio.current_time, trio.sleep_until
    else:
        loop = asyncio.get_running_loop()
        futures: list[asyncio.Future[None]] = [loop.create_future() for _ in range(waiters)]

        def _waker(future: asyncio.Future[None]) -> Any:
            return lambda: future.set_result(None)

        park = [(lambda f=f: f) for f in futures]  # awaiting the future parks the task
        wake = [_waker(f) for f in futures]

        async def sleep_until(deadline: float) -> None:
            await asyncio.sleep(max(0.0, deadline - loop.time()))

        now = loop.time

    async def waiter(i: int) -> None:
        await park[i]()

    async with anyio.create_task_group() as tg:
        for i in range(waiters):
            tg.start_soon(waiter, i)
        await anyio.wait_all_tasks_blocked()
        gc.collect()
        gc.freeze()
        cpu0 = time.process_time()
        t0 = now()
        for j, start in enumerate(range(0, waiters, per_wake), start=1):
            await sleep_until(t0 + j * seconds / wakes)
            for set_one in wake[start : start + per_wake]:
                set_one()
    cpu = time.process_time() - cpu0
    gc.unfreeze()
    return cpu / waiters * 1e6


def run_floor(backend: str, waiters: int, wakes: int, seconds: float) -> float:
    """CPU microseconds per task woken with bare primitives, ``wakes`` timer wake-ups spread over ``seconds``."""
    return float(anyio.run(_floor, waiters, max(1, wakes), seconds, backend=backend))


async def run_virtual(waiters: int, rate: float, burst: int, slack: float) -> dict[str, Any]:
    """CPU per grant with the loop never idle: the scheduler's own code and the task switches."""
    clock = _VirtualClock()
    bucket = TokenBucket(rate, burst, clock=clock, timer_slack=slack)
    per_wake = 1 + round(coalesce(0.0, waiters, rate, bucket.capacity, slack) * rate)  # grants per wake
    while bucket.tokens() >= 1.0:
        await bucket.acquire()
    order: list[int] = []

    async def waiter(i: int) -> None:
        await bucket.acquire()
        order.append(i)

    async with anyio.create_task_group() as tg:
        for i in range(waiters):
            tg.start_soon(waiter, i)
        await anyio.wait_all_tasks_blocked()
        assert bucket.waiting == waiters
        clock.sleeps = 0
        gc.collect()
        gc.freeze()
        cpu0 = time.process_time()
        start = clock.now
        clock.started.set()
    cpu = time.process_time() - cpu0
    gc.unfreeze()
    return {
        "waiters": waiters,
        "rate": rate,
        "burst": burst,
        "timer_slack_ms": slack * 1e3,
        "cpu_us_per_grant": cpu / waiters * 1e6,
        "virtual_s": clock.now - start,
        "sleeps_per_grant": clock.sleeps / waiters,
        # Tasks queued in index order. Waiters granted in one wake may resume in any order (trio shuffles its run
        # queue), so FIFO means nobody resumed a whole batch away from its place in the queue.
        "fifo": len(order) == waiters and all(abs(pos - i) < per_wake for pos, i in enumerate(order)),
    }


async def bare_sleep_cost(n: int = 2000, seconds: float = 0.0005) -> float:
    """CPU microseconds of one bare ``asyncio.sleep`` on this machine."""
    cpu0 = time.process_time()
    for _ in range(n):
        await asyncio.sleep(seconds)
    return (time.process_time() - cpu0) / n * 1e6
