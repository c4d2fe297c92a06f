"""The progress reporter of long commands, on an injected clock: plain lines every interval and at the end, the
live display's figures, quiet, and the limiter's stats read inside the event loop."""

from __future__ import annotations

import io

import anyio
import pytest
from rich.console import Console

from spapi_async.cli.progress import DEFAULT_INTERVAL, Reporter, Tracker, quota_of
from spapi_async.testing import FakeClock
from spapi_async.throttle.base import KeyStats


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _stats(grants: int, throttled: int, wait: float) -> dict[str, KeyStats]:
    def one(key: str, share: float) -> KeyStats:
        return KeyStats(key=key, grants=int(grants * share), total_wait_s=wait * share, max_wait_s=0.0,
                        throttled=int(throttled * share), released=0, rate=1.0, burst=1, plan_source="model",
                        waiting=0)  # fmt: skip

    return {"a": one("a", 0.5), "b": one("b", 0.5)}


async def test_plain_lines_come_every_interval_while_the_job_runs_and_once_at_the_end() -> None:
    clock = FakeClock()
    figures = {"stats": _stats(0, 0, 0.0)}
    tracker = Tracker("orders export", stats=lambda: figures["stats"], clock=clock, units={"report": "B"})
    out = io.StringIO()
    reporter = Reporter(tracker, mode="plain", stream=out, interval=5.0)
    step = anyio.Event()
    finish = anyio.Event()

    async def job() -> str:
        tracker.advance("orders", 100)
        tracker.total("items", 400)
        tracker.advance("items", 100)
        step.set()
        await finish.wait()
        tracker.advance("orders", 100)
        tracker.advance("items", 300)
        return "result"

    async with anyio.create_task_group() as tg:
        results: list[str] = []

        async def run() -> None:
            results.append(await reporter.drive(job))

        tg.start_soon(run)
        await step.wait()
        await clock.advance(4.9)
        assert out.getvalue() == ""  # not yet
        figures["stats"] = _stats(120, 2, 3.25)
        await clock.advance(0.1)
        lines = out.getvalue().splitlines()
        assert lines == [
            "orders export 5.0s | orders 100 (20.0/s) | items 100/400 (20.0/s, ETA 15.0s) | requests 120 | 429s 2 "
            "| quota wait 3.2s"
        ]
        await clock.advance(5.0)
        assert len(out.getvalue().splitlines()) == 2
        finish.set()
    assert results == ["result"]
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[-1].startswith("orders export done after 10.0s | orders 200 (20.0/s) | items 400/400 (40.0/s)")
    assert "ETA" not in lines[-1]


async def test_resumed_work_counts_as_done_but_not_in_the_rate() -> None:
    clock = FakeClock()
    tracker = Tracker("orders export", clock=clock)
    out = io.StringIO()

    async def job() -> None:
        tracker.resumed("orders", 500)
        tracker.advance("orders", 100)
        await clock.sleep(10)

    async with anyio.create_task_group() as tg:
        tg.start_soon(Reporter(tracker, mode="plain", stream=out, interval=DEFAULT_INTERVAL).drive, job)
        await clock.advance(10)
    assert out.getvalue().splitlines()[-1] == "orders export done after 10.0s | orders 600 (10.0/s) | 429s 0"


async def test_a_job_that_fails_early_leaves_only_its_error_and_a_later_failure_a_stopped_line() -> None:
    clock = FakeClock()
    out = io.StringIO()
    tracker = Tracker("reports get", clock=clock, units={"report": "B"})

    async def fails_at(seconds: float) -> None:
        tracker.status("report", "requested, waiting for Amazon")
        await clock.sleep(seconds)
        raise RuntimeError("boom")

    async with anyio.create_task_group() as tg:
        tg.start_soon(clock.advance, 1)
        with pytest.raises(RuntimeError, match="boom"):  # raised as itself, not in an ExceptionGroup
            await Reporter(tracker, mode="plain", stream=out, interval=5).drive(lambda: fails_at(1))
    assert out.getvalue() == ""
    async with anyio.create_task_group() as tg:
        tg.start_soon(clock.advance, 7)
        with pytest.raises(RuntimeError, match="boom"):
            await Reporter(tracker, mode="plain", stream=out, interval=5).drive(lambda: fails_at(7))
    lines = out.getvalue().splitlines()
    assert lines[0] == "reports get 6.0s | report requested, waiting for Amazon | 429s 0"
    assert lines[-1].startswith("reports get stopped after")


async def test_bytes_are_shown_as_bytes_with_their_rate() -> None:
    clock = FakeClock()
    tracker = Tracker("reports get", clock=clock, units={"report": "B"})
    tracker.start()
    tracker.status("report", "50000000001 DONE")
    tracker.advance("report", 12_500_000)
    await clock.advance(5)
    assert tracker.parts()[0] == "report 12.5 MB (2.5 MB/s) 50000000001 DONE"


async def test_idle_lines_are_skipped_when_asked() -> None:
    clock = FakeClock()
    tracker = Tracker("emulator", clock=clock, labels={"served": "requests served"})
    out = io.StringIO()
    reporter = Reporter(tracker, mode="plain", stream=out, interval=1.0, skip_idle=True)

    async def serve() -> None:
        await clock.sleep(3.5)
        tracker.set("served", 7)
        await clock.sleep(3)

    tracker.meter("served")
    async with anyio.create_task_group() as tg:
        tg.start_soon(reporter.drive, serve)
        await clock.advance(6.5)
    # a line at the first tick, none while nothing moves, one after the 7 requests, one at the end
    assert out.getvalue().splitlines() == [
        "emulator 1.0s | requests served 0 (0.0/s) | 429s 0",
        "emulator 4.0s | requests served 7 (1.8/s) | 429s 0",
        "emulator done after 6.5s | requests served 7 (1.1/s) | 429s 0",
    ]


def test_choose_picks_live_on_a_terminal_plain_elsewhere_and_nothing_when_quiet() -> None:
    tracker = Tracker("x")
    assert Reporter.choose(tracker, stream=Tty()).mode == "live"
    assert Reporter.choose(tracker, stream=io.StringIO()).mode == "plain"
    assert Reporter.choose(tracker, stream=Tty(), quiet=True).mode == "off"
    assert Reporter.choose(tracker, stream=io.StringIO(), quiet=True).mode == "off"
    with pytest.raises(ValueError, match="interval"):
        Reporter(tracker, mode="plain", interval=0)


async def test_quiet_writes_nothing() -> None:
    clock = FakeClock()
    out = io.StringIO()
    tracker = Tracker("orders export", clock=clock)

    async def job() -> None:
        tracker.advance("orders", 5)
        await clock.sleep(20)

    async with anyio.create_task_group() as tg:
        tg.start_soon(Reporter.choose(tracker, quiet=True, stream=out, interval=1).drive, job)
        await clock.advance(20)
    assert out.getvalue() == ""


async def test_the_live_display_shows_the_same_figures() -> None:
    clock = FakeClock()
    samples: list[int] = []

    def stats() -> dict[str, KeyStats]:
        samples.append(1)
        return _stats(300, 4, 12.0)

    tracker = Tracker("demo", stats=stats, clock=clock, labels={"orders": "orders listed"})
    screen = Tty()
    console = Console(file=screen, force_terminal=True, width=100)
    reporter = Reporter(tracker, mode="live", stream=screen, console=console)

    async def job() -> None:
        tracker.total("orders", 1000)
        tracker.advance("orders", 250)
        await clock.sleep(10)

    async with anyio.create_task_group() as tg:
        tg.start_soon(reporter.drive, job)
        await clock.advance(10)
    text = Console(width=100, record=True, file=io.StringIO())
    text.print(reporter.render())
    shown = text.export_text()
    assert "orders listed" in shown and "250/1,000" in shown and "25.0/s" in shown and "ETA 30.0s" in shown
    assert "elapsed 10.0s" in shown and "requests 300" in shown and "429s 4" in shown and "quota wait 12.0s" in shown
    assert "orders listed" in screen.getvalue()  # drawn on the terminal
    # the ticker sampled the stats inside the loop every LIVE_REFRESH (0.25) seconds, not only at the end
    assert len(samples) == 10 / 0.25 + 1


def test_quota_of_sums_every_key() -> None:
    q = quota_of(_stats(10, 2, 1.5))
    assert (q.requests, q.throttled, q.waited_s) == (10, 2, 1.5)
