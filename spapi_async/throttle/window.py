"""Sliding window: at most ``limit`` requests in any ``window`` seconds (Seller Center's "30 requests per 3
seconds"; past it the API answers E429).

A token bucket cannot express this: rate 10/s with burst 30 lets 30 through at the end of one window and 30 more
at the start of the next, 60 in some 3 s span. The window keeps the times of the last ``limit`` grants instead.

The arithmetic is pure functions on the sorted tuple of recent grant times, mirrored by the Redis limiter:

- :func:`window_prune` / :func:`window_take` - forget grants at or before ``now - span``; if fewer than
  ``limit`` remain, record ``now`` and grant (wait 0.0); else the wait is ``oldest + span - now``. A grant at
  ``t`` therefore counts in ``[t, t + span)``, and ``span = window + margin``;
- :func:`window_fill` - after an E429: treat the window as full from ``now`` (nobody goes before ``now + span``).

Measured at the server's side: the server counts a request when it *arrives*, somewhere between our grant and
the response coming back, and network jitter moves arrivals around. So a slot first counts from its grant and,
once the caller reports that the response (or a failure) came back (:meth:`SlidingWindow.complete`, which the
limiter calls from ``observe``), from that moment instead: the next request to need that slot is granted one
full window after the earlier request's response, hence arrives more than a window after the earlier one
arrived, whatever the jitter. The cost is the round trip, once per window: ``limit`` requests per
``window + margin + round trip`` instead of per ``window + margin`` (measured by
``benchmarks/sellercenter_window.py``). Completions cannot say which request they belong to; each moves the
*oldest* slot still in flight, which never counts a slot for less time than its own request needs. A slot whose
completion is never reported stays counted from its grant (direct users of the gate see the plain window).

``margin`` (seconds) widens the window a little on top, for the server's own clock granularity. Refunds: a
window cannot tell which recorded grant belonged to a request that was never sent, and forgetting the wrong one
could let one request too many through, so :class:`SlidingWindow` does not refund - such a slot is simply used
up until it leaves the window.
"""

from __future__ import annotations

import bisect
from collections import deque
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


#: Seconds after its grant a slot stops waiting for its completion to be reported (it then stays counted from its
#: grant), and the most slots remembered as in flight; bounds the memory a caller that never reports can cost.
MAX_FLIGHT = 300.0
MAX_IN_FLIGHT = 10_000

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
    appended). ``times`` is sorted, oldest first; it may hold more than ``limit`` grants (a completion recorded
    after a 429 filled the window), and then the wait runs until the ``limit``-th latest leaves the window."""
    times = window_prune(times, span, now)
    if len(times) < limit:
        return (*times, max(now, times[-1]) if times else now), 0.0
    return times, times[-limit] + span - now


def window_fill(limit: int, now: float) -> tuple[float, ...]:
    """A window that is full as of ``now``."""
    return (now,) * limit


class SlidingWindow(Gate):
    """At most ``limit`` grants in any ``window`` seconds, FIFO waiters, one timer. See the module docstring."""

    __slots__ = ("_flight", "_limit", "_span", "_times", "_window")

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
        self._flight: deque[float] = deque()  # grant times of slots whose completion is not reported yet

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
        if wait == 0.0:
            flight = self._flight
            while flight and (flight[0] <= now - MAX_FLIGHT or len(flight) >= MAX_IN_FLIGHT):
                flight.popleft()  # never reported: stays counted from its grant
            flight.append(self._times[-1])
        return wait

    def complete(self) -> None:
        """A response (or failure) came back: the oldest slot in flight counts from now on (module docstring)."""
        if not self._flight:
            return
        granted = self._flight.popleft()
        now = self._clock.monotonic()
        times = list(self._times)
        index = bisect.bisect_left(times, granted)
        if index < len(times) and times[index] == granted:
            del times[index]  # else already out of the window (in flight longer than it): counts again from now
        bisect.insort(times, now)
        self._times = tuple(times)

    def fill(self) -> None:
        """Treat the window as full from now (after an E429)."""
        now = self._clock.monotonic()
        if self._times:
            now = max(now, self._times[-1])
        self._times = window_fill(self._limit, now)

    def __repr__(self) -> str:
        return f"SlidingWindow(limit={self._limit!r}, window={self._window!r})"
