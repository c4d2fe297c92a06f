"""Sliding window: at most ``limit`` requests in any ``window`` seconds (Seller Center's "30 requests per 3
seconds"; past it the API answers E429).

A token bucket cannot express this: rate 10/s with burst 30 lets 30 through at the end of one window and 30 more
at the start of the next, 60 in some 3 s span. The window keeps the times of the last ``limit`` grants instead.

The arithmetic is pure functions on the sorted tuple of recent grant times, mirrored by the Redis limiter:

- :func:`window_prune` / :func:`window_take` - forget grants at or before ``now - span``; if fewer than
  ``limit`` remain, record ``now`` and grant (wait 0.0); else the wait is ``oldest + span - now``. A grant at
  ``t`` therefore counts in ``[t, t + span)``, and ``span = window + margin``;
- :func:`window_fill` - after an E429: treat the window as full from ``now`` (nobody goes before ``now + span``).

``margin`` (seconds) widens the window a little so that arrival jitter at the server cannot squeeze ``limit + 1``
requests into one window. Refunds: a window cannot tell which recorded grant belonged to a request that was
never sent, and forgetting the wrong one could let one request too many through, so :class:`SlidingWindow` does
not refund - such a slot is simply used up until it leaves the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..clock import Clock
from ..errors import ConfigurationError
from ._gate import Gate
from .bucket import EPSILON


@dataclass(frozen=True, slots=True)
class WindowPlan:
    """At most ``limit`` requests in any ``window`` seconds. Defaults: Seller Center's 30 per 3 s."""

    limit: int = 30
    window: float = 3.0

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ConfigurationError(f"WindowPlan.limit must be >= 1, got {self.limit!r}")
        if not self.window > 0:
            raise ConfigurationError(f"WindowPlan.window must be > 0 seconds, got {self.window!r}")

    @property
    def rate(self) -> float:
        """The long-run rate, ``limit / window`` requests per second."""
        return self.limit / self.window


#: Seller Center's documented limit.
SELLER_CENTER_WINDOW = WindowPlan(30, 3.0)


def window_prune(times: tuple[float, ...], span: float, now: float) -> tuple[float, ...]:
    """The grants that still count at ``now`` (those after ``now - span``; ``EPSILON`` absorbs float rounding at
    exact due times)."""
    cutoff = now - span + EPSILON
    start = 0
    while start < len(times) and times[start] <= cutoff:
        start += 1
    return times[start:] if start else times


def window_take(times: tuple[float, ...], limit: int, span: float, now: float) -> tuple[tuple[float, ...], float]:
    """One step of the window at ``now``: returns ``(times, wait)``; ``wait == 0.0`` means granted (``now`` was
    appended). ``times`` is sorted, oldest first, and never longer than ``limit``."""
    times = window_prune(times, span, now)
    if len(times) < limit:
        return (*times, max(now, times[-1]) if times else now), 0.0
    return times, times[0] + span - now


def window_fill(limit: int, now: float) -> tuple[float, ...]:
    """A window that is full as of ``now``."""
    return (now,) * limit


class SlidingWindow(Gate):
    """At most ``limit`` grants in any ``window`` seconds, FIFO waiters, one timer. See the module docstring."""

    __slots__ = ("_limit", "_span", "_times", "_window")

    def __init__(
        self, limit: int = 30, window: float = 3.0, *, clock: Clock | None = None, margin: float = 0.0
    ) -> None:
        super().__init__(clock)
        plan = WindowPlan(limit, window)
        if not margin >= 0:
            raise ConfigurationError(f"margin must be >= 0 seconds, got {margin!r}")
        self._limit = plan.limit
        self._window = plan.window
        self._span = plan.window + margin
        self._times: tuple[float, ...] = ()

    @property
    def limit(self) -> int:
        return self._limit

    @property
    def window(self) -> float:
        return self._window

    def in_window(self) -> int:
        """Grants still counting against the window now."""
        return len(window_prune(self._times, self._span, self._clock.monotonic()))

    def at_rest(self) -> bool:
        return not self._queue and self.in_window() == 0

    def _take(self, now: float) -> float:
        self._times, wait = window_take(self._times, self._limit, self._span, now)
        return wait

    def fill(self) -> None:
        """Treat the window as full from now (after an E429)."""
        now = self._clock.monotonic()
        if self._times:
            now = max(now, self._times[-1])
        self._times = window_fill(self._limit, now)

    def __repr__(self) -> str:
        return f"SlidingWindow(limit={self._limit!r}, window={self._window!r})"
