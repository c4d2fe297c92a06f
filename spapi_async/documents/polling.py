"""Waiting for Amazon to finish a report, feed or query: polls with back-off on the injected clock."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

from .._json import loads as json_loads
from .._redact import RedactedStr
from ..clock import Clock
from ..errors import ConfigurationError
from ..registry import OPERATIONS, match_operation
from ..transport import ApiCall, QueryParams, Transport
from .errors import DocumentError, ProcessingTimeoutError

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


def path_segment(value: str, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigurationError(f"{name} must be a non-empty string, got {value!r}")
    return quote(value, safe="")


async def call_api(
    transport: Transport,
    key: str,
    method: str,
    path: str,
    *,
    params: QueryParams | None = None,
    json: Any = None,
    restricted_data_token: str | None = None,
) -> Mapping[str, Any]:
    """One SP-API call through the client's transport (auth, limiter, retries), by registry key; the body as a
    JSON object (a ``payload`` wrapper is removed)."""
    operation = OPERATIONS.get(key) or match_operation(method, path)
    call = ApiCall(
        method, path, operation=operation, params=params, json=json, restricted_data_token=restricted_data_token
    )
    response = await transport.send(call)
    try:
        body = json_loads(response.content)
    except ValueError:
        raise DocumentError(
            f"{method} {path}: the response is not JSON", status_code=response.status_code, method=method
        ) from None
    if isinstance(body, Mapping) and isinstance(body.get("payload"), Mapping):
        body = body["payload"]
    if not isinstance(body, Mapping):
        raise DocumentError(f"{method} {path}: expected a JSON object", status_code=response.status_code)
    return body


def require_str(body: Mapping[str, Any], field: str, what: str) -> str:
    value = body.get(field)
    if not isinstance(value, str) or not value:
        raise DocumentError(f"{what}: the response has no {field!r}")
    return value


def require_url(body: Mapping[str, Any], what: str) -> str:
    """The pre-signed ``url`` of a document response, as a string whose ``repr`` is masked."""
    return RedactedStr(require_str(body, "url", what))


def optional_str(body: Mapping[str, Any], field: str) -> str | None:
    value = body.get(field)
    return value if isinstance(value, str) and value else None
