"""One exception tree for everything the library raises.

::

    SPAPIError                      status_code, errors, request_id, rate_limit, body
      ConfigurationError (ValueError)   bad input found before any request is sent
      TransportError                    no HTTP response at all
        TransportTimeoutError           connect/read/write/pool timeout
        TransportConnectionError        refused, reset, DNS
      AuthError                         LWA token endpoint refused us (and 401/403 from an API, see below)
      ApiError                          an HTTP response with a non-success status
        BadRequestError                 400
          RestrictedDataError           the Tokens API refused a Restricted Data Token (no restricted role)
        UnauthorizedError (AuthError)   401
        ForbiddenError (AuthError)      403
        NotFoundError                   404
        ConflictError                   409
        PayloadError                    413 / 415
        ThrottledError                  429
        ClientError                     any other 4xx
        ServerError                     5xx
      PaginationLoopError               a server sent the same page token twice, or repeated an offset page

Messages never contain secrets: errors carry Amazon's error list, never request headers.

``TimeoutError_`` and ``ConnectionError_`` are the deprecated former names of the two transport errors; they still
work (the same classes) and warn when used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._json import loads as json_loads


@dataclass(frozen=True, slots=True)
class ErrorDetail:
    """One entry of Amazon's ``errors`` list."""

    code: str
    message: str = ""
    details: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_obj(cls, obj: Any) -> ErrorDetail:
        if not isinstance(obj, Mapping):
            return cls(code="Unknown", message=str(obj))
        known = {"code", "message", "details"}
        details = obj.get("details")
        return cls(
            code=str(obj.get("code", "Unknown")),
            message=str(obj.get("message", "")),
            details=None if details is None else str(details),
            extra={k: v for k, v in obj.items() if k not in known},
        )


class SPAPIError(Exception):
    """Base of every error raised by spapi_async."""

    status_code: int | None
    errors: list[ErrorDetail]
    request_id: str | None
    rate_limit: float | None
    body: str | None

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        errors: Sequence[ErrorDetail] = (),
        request_id: str | None = None,
        rate_limit: float | None = None,
        body: str | None = None,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.errors = list(errors)
        self.request_id = request_id
        self.rate_limit = rate_limit
        self.body = body
        self.method = method
        self.url = url

    def __str__(self) -> str:
        parts = [self.message]
        if self.errors:
            parts.append("; ".join(f"{e.code}: {e.message}" for e in self.errors))
        if self.request_id:
            parts.append(f"request id {self.request_id}")
        return " | ".join(parts)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code!r}, "
            f"errors={[e.code for e in self.errors]!r}, request_id={self.request_id!r})"
        )


class ConfigurationError(SPAPIError, ValueError):
    """Bad input or configuration, found before any request is sent."""


class PaginationLoopError(SPAPIError):
    """The server returned a page token it had already returned, or (offset pagination) a page repeating the
    previous one or an offset that does not move: following it would loop forever."""


class TransportError(SPAPIError):
    """No HTTP response was received.

    ``request_sent`` is False when the request certainly never reached the server (connect failure, connect or
    pool timeout), so even a non-idempotent request can be retried safely.
    """

    request_sent: bool = True

    def __init__(self, message: str, *, request_sent: bool = True, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.request_sent = request_sent


class TransportTimeoutError(TransportError):
    """A connect, read, write or pool timeout."""


class TransportConnectionError(TransportError):
    """The connection could not be made or was reset."""


#: Former names, kept for one release: reading one (here or from ``spapi_async``) warns and gives the new class.
DEPRECATED_NAMES: Mapping[str, str] = {
    "TimeoutError_": "TransportTimeoutError",
    "ConnectionError_": "TransportConnectionError",
}


def deprecated_name(module: str, name: str) -> type[TransportError]:
    """The class behind a deprecated name, with a ``DeprecationWarning`` naming its replacement."""
    import warnings

    new = DEPRECATED_NAMES[name]
    warnings.warn(
        f"{module}.{name} is deprecated and will be removed in the next release; use {module}.{new}",
        DeprecationWarning,
        stacklevel=3,
    )
    value: type[TransportError] = globals()[new]
    return value


def __getattr__(name: str) -> Any:
    if name in DEPRECATED_NAMES:
        return deprecated_name(__name__, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class AuthError(SPAPIError):
    """Authentication failed: the token endpoint refused us, or the API answered 401/403."""


class ApiError(SPAPIError):
    """An HTTP response with a non-success status."""


class BadRequestError(ApiError):
    """400: the request was malformed or failed Amazon's validation."""


class RestrictedDataError(BadRequestError):
    """The Tokens API refused a Restricted Data Token: the application lacks the restricted role for the data
    elements asked for. ``data_elements`` and ``resource`` (``"GET /orders/v0/orders"``) say what was asked; the
    operation itself was not sent."""

    data_elements: tuple[str, ...] = ()
    resource: str = ""


class UnauthorizedError(ApiError, AuthError):
    """401."""


class ForbiddenError(ApiError, AuthError):
    """403: missing role, bad token, or an operation that needs a Restricted Data Token."""


class NotFoundError(ApiError):
    """404."""


class ConflictError(ApiError):
    """409."""


class PayloadError(ApiError):
    """413 (too large) or 415 (unsupported media type)."""


class ThrottledError(ApiError):
    """429: the usage plan was exceeded."""


class ClientError(ApiError):
    """Any other 4xx."""


class ServerError(ApiError):
    """5xx."""


_STATUS_CLASSES: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadError,
    415: PayloadError,
    429: ThrottledError,
}


def error_class_for_status(status: int) -> type[ApiError]:
    if status in _STATUS_CLASSES:
        return _STATUS_CLASSES[status]
    if 500 <= status <= 599:
        return ServerError
    if 400 <= status <= 499:
        return ClientError
    return ApiError


def parse_rate_limit(headers: httpx.Headers | Mapping[str, str]) -> float | None:
    value = headers.get("x-amzn-RateLimit-Limit") or headers.get("x-amzn-ratelimit-limit")
    if not value:
        return None
    try:
        rate = float(value)
    except ValueError:
        return None
    return rate if rate > 0 else None


def parse_error_list(payload: Any) -> list[ErrorDetail]:
    """Amazon's error shapes: ``{"errors": [...]}``; LWA's ``{"error": ..., "error_description": ...}``;
    RFC 7807 ``{"title", "detail"}`` (Seller Center); a bare list."""
    if isinstance(payload, list):
        return [ErrorDetail.from_obj(e) for e in payload]
    if not isinstance(payload, Mapping):
        return []
    errors = payload.get("errors")
    if isinstance(errors, list):
        return [ErrorDetail.from_obj(e) for e in errors]
    if isinstance(errors, Mapping):
        return [ErrorDetail.from_obj(errors)]
    if "error" in payload and isinstance(payload["error"], str):
        return [ErrorDetail(code=payload["error"], message=str(payload.get("error_description", "")))]
    return []


_BODY_KEEP = 4096


def response_text(response: httpx.Response) -> str:
    """The body as text, whatever its declared charset: httpx's decoding raises for some (``charset=utf-16``
    without a byte order mark, an unknown codec name); then UTF-8 with replacement characters."""
    try:
        return response.text
    except (UnicodeError, LookupError):
        return response.content.decode("utf-8", "replace")


def error_from_response(response: httpx.Response, *, message: str | None = None) -> ApiError:
    """Build the typed error for a non-success response. Non-JSON bodies (an HTML 5xx page) are kept as text."""
    text = response_text(response)
    errors: list[ErrorDetail] = []
    try:
        errors = parse_error_list(json_loads(text)) if text else []
    except (ValueError, RecursionError):  # not JSON, or nested too deeply to turn into messages
        errors = []
    if not errors and text:
        snippet = " ".join(text.split())[:200]
        errors = [ErrorDetail(code=f"HTTP{response.status_code}", message=snippet)]
    cls = error_class_for_status(response.status_code)
    request = response.request
    return cls(
        message or f"{request.method} {request.url.path} answered {response.status_code}",
        status_code=response.status_code,
        errors=errors,
        request_id=request_id_of(response.headers),
        rate_limit=parse_rate_limit(response.headers),
        body=text[:_BODY_KEEP] if text else None,
        method=request.method,
        url=str(request.url.copy_with(query=None)),
    )


def request_id_of(headers: httpx.Headers | Mapping[str, str]) -> str | None:
    for name in ("x-amzn-RequestId", "x-amzn-requestid", "x-amz-request-id", "x-request-id"):
        value = headers.get(name)
        if value:
            return value
    return None
