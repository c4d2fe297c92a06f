"""Progress of long commands: one set of figures, drawn live on a terminal or written as plain lines elsewhere.

A :class:`Tracker` holds the figures: meters (records, bytes or requests done, with a total where one is known,
and a status text), plus the quota figures sampled from a limiter's ``stats()`` (requests granted, 429s seen, time
spent waiting for quota). It satisfies the workflows' ``Progress`` protocol, so jobs only call ``total``,
``advance``, ``status`` (and ``resumed`` for work done by an earlier run).

A :class:`Reporter` shows them:

- on a terminal (``stream.isatty()``): a live rich display, redrawn :data:`LIVE_REFRESH` times a second;
- elsewhere (cron, CI logs): one plain line every ``interval`` seconds (:data:`DEFAULT_INTERVAL`) and a last
  line when the job ends, both on ``stream`` (stderr in the CLI);
- ``quiet``: nothing.

Usage from a command (any job, e.g. a notifications listener)::

    tracker = Tracker("orders export", stats=client.limiter.stats)
    reporter = Reporter.choose(tracker, quiet=quiet, interval=interval)
    result = common.run(lambda: reporter.drive(job(tracker)), debug=debug)

``drive`` runs the job and, next to it, a ticker on the injected clock that samples the stats (inside the event
loop, where a per-loop limiter can be asked) and writes or redraws. Tests inject a
:class:`~spapi_async.testing.FakeClock` and a ``StringIO``.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar

import anyio

from ..clock import SYSTEM_CLOCK, Clock
from ..throttle.base import KeyStats

T = TypeVar("T")

#: Seconds between two plain progress lines when the output is not a terminal. Five seconds keeps a CI log or a
#: cron mail short (12 lines a minute) while a stalled job still shows within one glance.
DEFAULT_INTERVAL = 5.0

#: Seconds between two samples of the figures for the live display (rich redraws at its own rate).
LIVE_REFRESH = 0.25


@dataclass
class Meter:
    """One counted thing. ``unit`` ``"B"`` formats as bytes; ``before`` is what an earlier run did (a resumed
    export): shown in ``done``, left out of the rate."""

    label: str
    unit: str = ""
    done: int = 0
    before: int = 0
    total: int | None = None
    status: str | None = None


@dataclass
class Quota:
    """What the limiter saw: requests granted, 429s, seconds callers waited for quota (summed over concurrent
    callers, so it can exceed the elapsed time). ``waited_s`` None: not applicable (the emulator's side)."""

    requests: int = 0
    throttled: int = 0
    waited_s: float | None = 0.0


StatsSource = Callable[[], Mapping[str, KeyStats]]
Sampler = Callable[["Tracker"], None]


def quota_of(stats: Mapping[str, KeyStats]) -> Quota:
    """Sum a limiter's per-key stats."""
    values = list(stats.values())
    return Quota(
        requests=sum(s.grants for s in values),
        throttled=sum(s.throttled for s in values),
        waited_s=sum(s.total_wait_s for s in values),
    )


@dataclass
class Tracker:
    """The figures of one job (see the module docstring). ``stats``: a limiter's ``stats`` method, read on every
    sample; ``samplers``: more callables run on every sample (the emulator command sets its counts from there)."""

    title: str
    stats: StatsSource | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)
    clock: Clock = SYSTEM_CLOCK
    samplers: list[Sampler] = field(default_factory=list)
    meters: dict[str, Meter] = field(default_factory=dict)
    quota: Quota = field(default_factory=Quota)
    started: float | None = None

    # ------------------------------------------------------------------ the workflows' Progress protocol

    def meter(self, task: str) -> Meter:
        found = self.meters.get(task)
        if found is None:
            found = self.meters[task] = Meter(self.labels.get(task, task), self.units.get(task, ""))
        return found

    def total(self, task: str, total: int | None) -> None:
        self.meter(task).total = total

    def advance(self, task: str, amount: int = 1) -> None:
        self.meter(task).done += amount

    def status(self, task: str, text: str) -> None:
        self.meter(task).status = text

    def resumed(self, task: str, amount: int) -> None:
        """``amount`` was done by an earlier run: counted as done, not in this run's rate."""
        m = self.meter(task)
        m.done += amount
        m.before += amount

    def set(self, task: str, done: int) -> None:
        """Set a counter read from elsewhere (a server's request count)."""
        self.meter(task).done = done

    # ------------------------------------------------------------------ figures

    def start(self) -> None:
        if self.started is None:
            self.started = self.clock.monotonic()

    def elapsed(self) -> float:
        return 0.0 if self.started is None else max(0.0, self.clock.monotonic() - self.started)

    def sample(self) -> None:
        """Refresh the quota figures and run the samplers (call it inside the job's event loop)."""
        if self.stats is not None:
            self.quota = quota_of(self.stats())
        for sampler in self.samplers:
            sampler(self)

    def rate(self, m: Meter) -> float | None:
        elapsed = self.elapsed()
        return (m.done - m.before) / elapsed if elapsed > 0 else None

    def eta(self, m: Meter) -> float | None:
        """Seconds left at this run's rate, when a total is known."""
        rate = self.rate(m)
        if m.total is None or not rate:
            return None
        return max(0, m.total - m.done) / rate

    def parts(self) -> list[str]:
        """Each meter as ``label done[/total] (rate/s, ETA ..)``, then the quota figures."""
        out = []
        for m in self.meters.values():
            if m.status and not m.done and m.total is None:
                out.append(f"{m.label} {m.status}")
                continue
            text = f"{m.label} {_amount(m.done, m.unit)}"
            if m.total is not None:
                text += f"/{_amount(m.total, m.unit)}"
            extra = []
            rate = self.rate(m)
            if rate is not None:
                extra.append(f"{_amount(rate, m.unit, rate=True)}/s")
            eta = self.eta(m)
            if eta is not None and m.done < (m.total or 0):
                extra.append(f"ETA {_duration(eta)}")
            if extra:
                text += f" ({', '.join(extra)})"
            if m.status:
                text += f" {m.status}"
            out.append(text)
        q = self.quota
        if self.stats is not None:
            out.append(f"requests {q.requests:,}")
        out.append(f"429s {q.throttled:,}")
        if q.waited_s is not None and self.stats is not None:
            out.append(f"quota wait {q.waited_s:.1f}s")
        return out

    def figures(self) -> tuple[object, ...]:
        """What has been counted (not the elapsed time or the rates derived from it): equal when nothing moved."""
        q = self.quota
        return (*((m.done, m.total, m.status) for m in self.meters.values()), q.requests, q.throttled, q.waited_s)

    def line(self, final: str | None = None) -> str:
        head = f"{self.title} {final + ' after ' if final else ''}{_duration(self.elapsed())}"
        return " | ".join([head, *self.parts()])


def _amount(value: float, unit: str, *, rate: bool = False) -> str:
    if unit == "B":
        for suffix, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
            if value >= size:
                return f"{value / size:.1f} {suffix}"
        return f"{value:.0f} B"
    if rate:
        return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"
    return f"{int(value):,}"


def _duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "?"
    whole = int(seconds)
    if whole < 60:
        return f"{seconds:.1f}s"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Reporter:
    """Shows a :class:`Tracker` while a job runs: ``mode`` is ``"live"``, ``"plain"`` or ``"off"``.

    ``interval``: seconds between plain lines. ``skip_idle``: write a plain line only when a figure changed (a
    server waiting for requests should not fill its log). ``console``: the rich console of the live display
    (default: one on ``stream``)."""

    def __init__(
        self,
        tracker: Tracker,
        *,
        mode: str,
        stream: IO[str] | None = None,
        interval: float = DEFAULT_INTERVAL,
        skip_idle: bool = False,
        console: Any = None,
    ) -> None:
        if mode not in ("live", "plain", "off"):
            raise ValueError(f"mode must be live, plain or off, got {mode!r}")
        if not interval > 0:
            raise ValueError(f"the progress interval must be > 0 seconds, got {interval!r}")
        self.tracker = tracker
        self.mode = mode
        self.interval = float(interval)
        self.skip_idle = skip_idle
        if stream is None:
            import sys

            stream = sys.stderr
        self.stream = stream
        self._console = console
        self._live: Any = None
        self._last: tuple[object, ...] | None = None

    @classmethod
    def choose(
        cls,
        tracker: Tracker,
        *,
        quiet: bool = False,
        interval: float = DEFAULT_INTERVAL,
        stream: IO[str] | None = None,
        skip_idle: bool = False,
    ) -> Reporter:
        """Live on a terminal, plain lines elsewhere, nothing when ``quiet``."""
        import sys

        out = stream if stream is not None else sys.stderr
        if quiet:
            mode = "off"
        else:
            try:
                mode = "live" if out.isatty() else "plain"
            except (AttributeError, ValueError):  # a closed or odd stream
                mode = "plain"
        return cls(tracker, mode=mode, stream=out, interval=interval, skip_idle=skip_idle)

    # ------------------------------------------------------------------ running

    async def drive(self, job: Callable[[], Awaitable[T]], *, show: bool = True) -> T:
        """Run ``job()`` with the display ticking next to it; a last plain line says how it ended. ``show=False``:
        the live display appears only when the job calls :meth:`show` (after printing a banner, say)."""
        self.tracker.start()
        if show:
            self.show()
        outcome = "stopped"
        error: BaseException | None = None
        try:
            async with anyio.create_task_group() as tg:
                if self.mode != "off":
                    tg.start_soon(self._tick)
                try:
                    result = await job()
                except anyio.get_cancelled_exc_class():
                    raise
                except BaseException as exc:  # raised below as itself, not inside the task group's ExceptionGroup
                    error = exc
                finally:
                    tg.cancel_scope.cancel()
            if error is not None:
                raise error
            outcome = "done"
            return result
        finally:
            self._close(outcome)

    async def _tick(self) -> None:
        clock = self.tracker.clock
        period = LIVE_REFRESH if self.mode == "live" else self.interval
        while True:
            await clock.sleep(period)
            self.tick()

    def tick(self) -> None:
        """Sample the figures; in plain mode write a line (unless idle and ``skip_idle``)."""
        self.tracker.sample()
        if self.mode == "plain":
            figures = self.tracker.figures()
            if self.skip_idle and figures == self._last:
                return
            self._last = figures
            self._write(self.tracker.line())
        elif self._live is not None:
            self._live.refresh()

    def _write(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def show(self) -> None:
        """Start the live display (in live mode, once)."""
        if self.mode != "live" or self._live is not None:
            return
        from rich.console import Console
        from rich.live import Live

        console = self._console or Console(file=self.stream)
        self._live = Live(get_renderable=self.render, console=console, refresh_per_second=4, transient=False)
        self._live.start()

    def _close(self, outcome: str) -> None:
        self.tracker.sample()
        if self._live is not None:
            self._live.refresh()
            self._live.stop()
            self._live = None
        elif self.mode == "plain" and (outcome == "done" or self._last is not None):
            # a job that fails before its first line leaves only its error line
            self._write(self.tracker.line(final=outcome))

    # ------------------------------------------------------------------ the live display

    def render(self) -> Any:
        """The rich renderable of the live display: one row per meter, then the quota figures."""
        from rich.progress_bar import ProgressBar
        from rich.table import Table

        t = self.tracker
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(width=24)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        for m in t.meters.values():
            bar = ProgressBar(total=m.total, completed=m.done, width=24) if m.total is not None else ""
            done = _amount(m.done, m.unit) + (f"/{_amount(m.total, m.unit)}" if m.total is not None else "")
            extra = []
            rate = t.rate(m)
            if rate is not None and (m.done or m.total is not None):
                extra.append(f"{_amount(rate, m.unit, rate=True)}/s")
            eta = t.eta(m)
            if eta is not None and m.done < (m.total or 0):
                extra.append(f"ETA {_duration(eta)}")
            if m.status:
                extra.append(m.status)
            table.add_row(m.label, bar, done if (m.done or m.total is not None) else "", "  ".join(extra))
        q = t.quota
        figures = [f"elapsed {_duration(t.elapsed())}"]
        if t.stats is not None:
            figures.append(f"requests {q.requests:,}")
        figures.append(f"429s {q.throttled:,}")
        if q.waited_s is not None and t.stats is not None:
            figures.append(f"quota wait {q.waited_s:.1f}s")
        grid = Table.grid()
        grid.add_row(f"[bold]{t.title}[/]  " + "  ".join(figures))
        grid.add_row(table)
        return grid
