"""Bounds on what a server (or shared state) may tell a limiter, so that no header can stall or disable a key.

- ``x-amzn-RateLimit-Limit`` may move a key's rate only within ``[plan / RATE_FACTOR, plan * RATE_FACTOR]`` of the
  plan the key was built from (the published plan, the sandbox plan or the default). Amazon reports in that header
  the rate it applies to this seller, which differs from the published default when Amazon adjusts a plan for a
  selling partner; the adjustments stay within the same order of magnitude, while a rate a thousand times lower
  stalls the key for hours and one a thousand times higher turns limiting off. A factor of 10 each way keeps
  every legitimate adjustment and bounds the damage of a wrong header: at worst the key runs 10 times slower than
  published (the next token of a 0.0055/s plan comes in 30 minutes, not 37 days) or risks 429s that the limiter
  then paces (never unlimited). Anything outside, or not a finite positive number, is ignored (and logged once
  per key by the limiter).
- ``Retry-After``: non-finite and negative values are ignored (``spapi_async.retry.parse_retry_after``); the
  transport caps what it passes on at the retry policy's ``max_retry_after`` and ends the call with the 429
  when the server asks for longer; a limiter used directly caps it at :data:`MAX_HOLD`.
"""

from __future__ import annotations

import logging
import math

logger = logging.getLogger("spapi_async")

#: How far (as a factor, either way) a response header may move a key's rate from its plan.
RATE_FACTOR = 10.0

#: The longest a limiter holds a key for one ``Retry-After`` (seconds): the default ``RetryPolicy.max_retry_after``.
MAX_HOLD = 300.0


def rate_bounds(plan_rate: float, factor: float = RATE_FACTOR) -> tuple[float, float]:
    """The lowest and highest rate a header may set for a key whose plan has ``plan_rate``."""
    return plan_rate / factor, plan_rate * factor


def check_factor(factor: float) -> float:
    """A limiter's ``header_factor``: finite and at least 1 (1 pins every key to its plan)."""
    from ..errors import ConfigurationError

    if not 1 <= factor < math.inf:
        raise ConfigurationError(f"header_factor must be >= 1 and finite, got {factor!r}")
    return float(factor)


def bounded_rate(header_rate: float | None, plan_rate: float, factor: float = RATE_FACTOR) -> float | None:
    """``header_rate`` if it is finite and within :func:`rate_bounds` of ``plan_rate``, else None."""
    if header_rate is None or not math.isfinite(header_rate):
        return None
    low, high = rate_bounds(plan_rate, factor)
    # a relative tolerance so that exactly plan * 10 (after float rounding) still counts as inside
    if header_rate < low * (1 - 1e-9) or header_rate > high * (1 + 1e-9):
        return None
    return header_rate


def bounded_hold(due_in: float | None, limit: float = MAX_HOLD) -> float | None:
    """A ``Retry-After`` in seconds, capped at ``limit``; None (ignored) if missing, negative or not finite."""
    if due_in is None or not math.isfinite(due_in) or due_in < 0:
        return None
    return min(due_in, limit)


class OnceLog:
    """Logs a value a limiter ignored, once per key and kind of value (a bounded set: past ``limit`` marks it
    starts over, so a flood of keys costs memory once and logs again rather than growing without end)."""

    __slots__ = ("_limit", "_seen", "what")

    def __init__(self, what: str, limit: int = 10_000) -> None:
        self.what = what
        self._seen: set[tuple[str, str]] = set()
        self._limit = limit

    def warn(
        self, key: object, kind: str, value: object, plan_rate: float | None = None, factor: float = RATE_FACTOR
    ) -> bool:
        """Log that ``value`` (of ``kind``) was ignored for ``key`` unless already logged; True if it logged."""
        mark = (str(key), kind)
        if mark in self._seen:
            return False
        if len(self._seen) >= self._limit:
            self._seen.clear()
        self._seen.add(mark)
        if plan_rate is not None:
            low, high = rate_bounds(plan_rate, factor)
            logger.warning(
                "%s: ignored %s %r for %s (outside [%.6g, %.6g] around the plan's %.6g requests/s)",
                *(self.what, kind, value, key, low, high, plan_rate),
            )
        else:
            logger.warning("%s: %s for %s failed validation (%r): reset", self.what, kind, key, value)
        return True
