"""Waiting for Amazon to finish a report, feed or query: polls with back-off on the injected clock."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from ..clock import Clock
from ..errors import ConfigurationError
from .errors import ProcessingTimeoutError

logger = logging.getLogger("spapi_async.documents")

TERMINAL_STATUSES = frozenset({"DONE", "CANCELLED", "FATAL"})

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """How to wait for processing: the first pause ``initial`` seconds, each next one ``factor`` times longer up to
    ``max_interval``; give up with :class:`ProcessingTimeoutError` after ``timeout`` seconds. The usage plan of the
    status operation is enforced by the client's limiter on top of this."""

    initial: float = 3.0
    factor: float = 1.5
    max_interval: float = 60.0
    timeout: float = 3600.0

    def __post_init__(self) -> None:
        if not self.initial > 0 or not self.max_interval > 0 or not self.timeout > 0:
            raise ConfigurationError("PollPolicy: initial, max_interval and timeout must be > 0")
        if self.factor < 1:
            raise ConfigurationError("PollPolicy.factor must be >= 1")


async def poll(
    fetch: Callable[[], Awaitable[T]],
    status_of: Callable[[T], str],
    *,
    clock: Clock,
    policy: PollPolicy,
    kind: str,
    resource_id: str,
) -> T:
    """Call ``fetch`` until ``status_of`` its result is DONE, CANCELLED or FATAL; return that result."""
    started = clock.monotonic()
    interval = policy.initial
    while True:
        result = await fetch()
        status = status_of(result)
        if status in TERMINAL_STATUSES:
            return result
        elapsed = clock.monotonic() - started
        if elapsed >= policy.timeout:
            raise ProcessingTimeoutError(
                f"{kind} {resource_id} still {status or 'without a status'} after {elapsed:.0f} s",
                kind=kind,
                resource_id=resource_id,
                processing_status=status,
            )
        wait = min(interval, policy.timeout - elapsed)
        logger.debug("%s %s is %s; next check in %.1fs", kind, resource_id, status, wait)
        await clock.sleep(wait)
        interval = min(policy.max_interval, interval * policy.factor)
