"""Per-key counters and ``stats()``: one implementation for the in-process and the Redis limiter.

Each limiter keeps one entry per :class:`~spapi_async.throttle.base.LimitKey`, a :class:`KeyCounters` with the
limiter's own state added; :func:`stats_of` turns them into the :class:`~spapi_async.throttle.base.KeyStats`
that ``stats()`` returns, asking the limiter only for what differs between them (the plan in force, where it
came from and how many callers wait).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from .base import KeyStats, LimitKey, StatsSource


class KeyCounters:
    """What a limiter counts for one key (see :class:`~spapi_async.throttle.base.KeyStats`)."""

    __slots__ = ("grants", "max_wait", "released", "throttled", "total_wait")

    def __init__(self) -> None:
        self.grants = 0
        self.released = 0
        self.throttled = 0
        self.total_wait = 0.0
        self.max_wait = 0.0

    def granted(self, waited: float) -> None:
        """One request let through after ``waited`` seconds in ``acquire``."""
        self.grants += 1
        self.total_wait += waited
        if waited > self.max_wait:
            self.max_wait = waited


#: The part of a key's stats only its limiter knows: ``(rate, burst, plan_source, waiting)``.
InForce = tuple[float, int, StatsSource, int]

E = TypeVar("E", bound=KeyCounters)


def stats_of(entries: Mapping[LimitKey, E], in_force: Callable[[LimitKey, E], InForce]) -> dict[str, KeyStats]:
    """``stats()`` of a limiter: per key (``str(LimitKey)``) its counters and what ``in_force`` says of it."""
    result: dict[str, KeyStats] = {}
    for key, entry in entries.items():
        rate, burst, source, waiting = in_force(key, entry)
        name = str(key)
        result[name] = KeyStats(
            key=name,
            grants=entry.grants,
            total_wait_s=entry.total_wait,
            max_wait_s=entry.max_wait,
            throttled=entry.throttled,
            released=entry.released,
            rate=rate,
            burst=burst,
            plan_source=source,
            waiting=waiting,
        )
    return result
