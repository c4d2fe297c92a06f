"""Retry policy as small pure functions: which failures to retry, and how long to wait before the next attempt.

The transport, token grants and document transfers ask :meth:`RetryPolicy.next_delay` after each failed attempt
(which combines :meth:`~RetryPolicy.should_retry`, the server's ``Retry-After`` and :meth:`~RetryPolicy.delay`);
in the transport every attempt then takes a fresh limiter token and is signed afresh.
"""

from __future__ import annotations

import email.utils
import math
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from .errors import ApiError, ConfigurationError, SPAPIError, TransportError

#: Methods that may be repeated without changing the outcome (RFC 9110, section 9.2.2).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})

#: Statuses that mean the server did not act on the request, so any method may be sent again.
UNPROCESSED_STATUSES = frozenset({429, 503})

#: Statuses worth retrying for idempotent methods.
TRANSIENT_STATUSES = frozenset({500, 502, 503, 504})

RetryOn = Literal["default", "all", "none"]


@dataclass(frozen=True, slots=True)
class RetryContext:
    """What a custom ``retry_on`` predicate is told about a failed attempt."""

    method: str
    attempt: int  # 1 for the first attempt
    error: SPAPIError


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When and how long to retry.

    - ``max_attempts``: attempts in all, the first included (1 disables retries).
    - ``backoff``: base of the exponential backoff in seconds (``backoff * 2**(attempt-1)``), capped at
      ``max_backoff``; with ``jitter`` the wait is drawn uniformly from ``[0, that]`` ("full jitter").
    - ``fixed_delay``: wait exactly this long between attempts instead (integration-platform style).
    - ``retry_on``: ``"default"`` (see :meth:`should_retry`), ``"all"`` (every error, every method),
      ``"none"``, or a predicate ``(RetryContext) -> bool``.
    - ``respect_retry_after``: wait for the server's ``Retry-After`` when it sends one. One longer than
      ``max_retry_after`` seconds ends the call with the error (``sp.ThrottledError`` for a 429) instead, and the
      limiter holds the key for ``max_retry_after`` at most (with or without ``respect_retry_after``).
    """

    max_attempts: int = 5
    backoff: float = 0.5
    max_backoff: float = 30.0
    jitter: bool = True
    fixed_delay: float | None = None
    retry_on: RetryOn | Callable[[RetryContext], bool] = "default"
    respect_retry_after: bool = True
    max_retry_after: float = 300.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ConfigurationError(f"max_attempts must be >= 1, got {self.max_attempts!r}")
        if self.backoff < 0 or self.max_backoff < 0:
            raise ConfigurationError("backoff and max_backoff must be >= 0")
        if self.fixed_delay is not None and self.fixed_delay < 0:
            raise ConfigurationError("fixed_delay must be >= 0")
        if not 0 <= self.max_retry_after < math.inf:
            raise ConfigurationError(f"max_retry_after must be >= 0 seconds and finite, got {self.max_retry_after!r}")
        if not callable(self.retry_on) and self.retry_on not in ("default", "all", "none"):
            raise ConfigurationError(f"retry_on must be 'default', 'all', 'none' or a callable, got {self.retry_on!r}")

    def with_options(self, **changes: Any) -> RetryPolicy:
        return replace(self, **changes)

    def should_retry(self, method: str, attempt: int, error: SPAPIError) -> bool:
        """True if a failed ``attempt`` (1-based) of ``method`` should be tried again."""
        if attempt >= self.max_attempts:
            return False
        if callable(self.retry_on):
            return bool(self.retry_on(RetryContext(method.upper(), attempt, error)))
        if self.retry_on == "none":
            return False
        if self.retry_on == "all":
            return True
        return is_retryable(method, error)

    def delay(
        self,
        attempt: int,
        *,
        retry_after: float | None = None,
        paced_by_limiter: bool = False,
        rng: Callable[[], float] = random.random,
    ) -> float:
        """Seconds to wait after failed ``attempt`` (1-based).

        ``paced_by_limiter``: the failure was a 429 and the limiter has already drained the key, so the next
        attempt will wait for its token there; no extra backoff is added on top.
        """
        if retry_after is not None and self.respect_retry_after:
            return min(max(0.0, retry_after), self.max_retry_after)
        if paced_by_limiter:
            return 0.0
        if self.fixed_delay is not None:
            return self.fixed_delay
        ceiling = min(self.max_backoff, self.backoff * (2 ** (attempt - 1)))
        return float(ceiling * rng()) if self.jitter else float(ceiling)

    def next_delay(
        self,
        method: str,
        attempt: int,
        error: SPAPIError,
        *,
        headers: Mapping[str, str] | None = None,
        now: float,
        paced_by_limiter: bool = False,
        rng: Callable[[], float] = random.random,
    ) -> float | None:
        """After failed ``attempt`` (1-based) of ``method``: the seconds to wait before the next one, or None when
        the call ends with ``error``. The one retry arithmetic of the library (the transport, token grants and
        document transfers all ask it).

        ``headers``: the failed response's headers, if there was a response (its ``Retry-After``, read at ``now``,
        the clock's wall time). A ``Retry-After`` longer than ``max_retry_after`` ends the call when
        ``respect_retry_after`` is set; otherwise :meth:`should_retry` decides and :meth:`delay` says how long.
        """
        retry_after = None
        if headers is not None:
            retry_after = parse_retry_after(headers.get("retry-after"), now=now)
            if self.respect_retry_after and retry_after is not None and retry_after > self.max_retry_after:
                return None
        if not self.should_retry(method, attempt, error):
            return None
        return self.delay(attempt, retry_after=retry_after, paced_by_limiter=paced_by_limiter, rng=rng)


def is_retryable(method: str, error: SPAPIError) -> bool:
    """The default rule.

    - 429 and 503: any method (the request was not processed).
    - 500, 502, 504: idempotent methods only.
    - No response at all: any method when the request never left (connect errors, connect/pool timeouts);
      idempotent methods only when it may have reached the server (read timeouts, resets).
    - Everything else (other 4xx, configuration errors, pagination loops): never.
    """
    idempotent = method.upper() in IDEMPOTENT_METHODS
    if isinstance(error, ApiError):
        status = error.status_code or 0
        if status in UNPROCESSED_STATUSES:
            return True
        return idempotent and status in TRANSIENT_STATUSES
    if isinstance(error, TransportError):
        return idempotent or not error.request_sent
    return False


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date (then ``now`` is the wall-clock time).

    None when missing or unusable: not a number or date, negative, or not finite (``1e309`` overflows to inf).
    A date in the past means "now" (0.0)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or now is None:
        return None
    return max(0.0, when.timestamp() - now)


def bound_retry_after(headers: Mapping[str, str], max_retry_after: float, *, now: float) -> Mapping[str, str]:
    """``headers`` as a limiter may trust them: an unusable ``Retry-After`` (see :func:`parse_retry_after`) is
    removed and one longer than ``max_retry_after`` is replaced by ``max_retry_after``, so that no response holds a
    key longer than the retry policy allows. Returns ``headers`` itself when nothing needs changing."""
    raw = headers.get("retry-after") or headers.get("Retry-After")
    if raw is None:
        return headers
    seconds = parse_retry_after(raw, now=now)
    if seconds is not None and seconds <= max_retry_after:
        return headers
    # A plain mapping with lower-case names (what the limiters read): rebuilding httpx.Headers would re-encode the
    # values as ASCII and fail on a server's non-ASCII header.
    bounded = {k.lower(): v for k, v in headers.items() if k.lower() != "retry-after"}
    if seconds is not None:
        bounded["retry-after"] = repr(float(max_retry_after))
    return bounded


DEFAULT_RETRY = RetryPolicy()
