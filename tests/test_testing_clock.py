"""The FakeClock other tests rely on: time moves only when told, sleepers wake in deadline order."""

from __future__ import annotations

import anyio
import pytest

from spapi_async.clock import Clock
from spapi_async.testing import FakeClock

pytestmark = pytest.mark.anyio


async def test_sleepers_wake_in_deadline_order_at_their_deadline() -> None:
    clock = FakeClock(start=10.0, wall=1000.0)
    typed: Clock = clock  # satisfies the protocol (checked by mypy)
    assert typed.time() == 1000.0
    assert clock.time() == 1000.0
    woke: list[tuple[str, float]] = []

    async def nap(name: str, seconds: float) -> None:
        await clock.sleep(seconds)
        woke.append((name, clock.monotonic()))

    async with anyio.create_task_group() as tg:
        tg.start_soon(nap, "late", 3.0)
        tg.start_soon(nap, "early", 1.0)
        tg.start_soon(nap, "mid", 2.0)
        await clock.settle()
        assert clock.sleepers == 3
        assert clock.next_deadline() == 11.0
        await clock.advance(1.5)
        assert woke == [("early", 11.0)]
        await clock.advance(10.0)
    assert woke == [("early", 11.0), ("mid", 12.0), ("late", 13.0)]
    assert clock.monotonic() == 21.5
    assert clock.time() == 1011.5
    assert clock.wakeups == [(11.0, 11.0), (12.0, 12.0), (13.0, 13.0)]


async def test_cancelled_sleeper_is_forgotten_and_zero_sleep_returns() -> None:
    clock = FakeClock()
    await clock.sleep(0)
    await clock.sleep(-1)
    with anyio.CancelScope() as scope:
        async with anyio.create_task_group() as tg:
            tg.start_soon(clock.sleep, 5.0)
            await clock.settle()
            assert clock.sleepers == 1
            scope.cancel()
    assert clock.sleepers == 0
    assert clock.next_deadline() is None
    assert await clock.run_until_idle() == 0.0
    with pytest.raises(ValueError, match="forward"):
        await clock.advance(-1.0)
    assert clock.sleep_calls == 3
