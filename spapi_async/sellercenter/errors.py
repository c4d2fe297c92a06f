"""Seller Center errors: RFC 7807 problem bodies (v2 REST) and ``ErrorResponse`` envelopes (legacy API).

Both families sit under :class:`spapi_async.errors.ApiError`, so code that catches ``sp.SPAPIError`` or
``sp.ThrottledError`` keeps working; the subclasses below combine the Seller Center base with the status class::

    SellerCenterError (ApiError)            .type, .title, .detail, .problem
      SellerCenterThrottledError (ThrottledError)   429
      SellerCenterUnauthorizedError, ...            one per status class of spapi_async.errors
    SellerCenterLegacyError (ApiError)      .code ("E009"), .message, .details
      SellerCenterLegacyThrottledError (ThrottledError)   E429 (status_code 429)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from .._json import loads as json_loads
from ..errors import (
    ApiError,
    BadRequestError,
    ClientError,
    ConflictError,
    ErrorDetail,
    ForbiddenError,
    NotFoundError,
    PayloadError,
    ServerError,
    ThrottledError,
    UnauthorizedError,
    error_class_for_status,
    request_id_of,
    response_text,
)

_BODY_KEEP = 4096


class SellerCenterError(ApiError):
    """A Seller Center v2 response with a non-success status. ``problem`` is the RFC 7807 body (``type``,
    ``title``, ``status``, ``detail``, and any extension members) or an empty mapping when the body was not JSON."""

    type: str | None
    title: str | None
    detail: str | None
    problem: Mapping[str, Any]

    def __init__(
        self,
        message: str,
        *,
        problem: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.problem = dict(problem or {})
        self.type = _str_or_none(self.problem.get("type"))
        self.title = _str_or_none(self.problem.get("title"))
        self.detail = _str_or_none(self.problem.get("detail"))


class SellerCenterBadRequestError(SellerCenterError, BadRequestError):
    """400."""


class SellerCenterUnauthorizedError(SellerCenterError, UnauthorizedError):
    """401: missing or expired bearer token."""


class SellerCenterForbiddenError(SellerCenterError, ForbiddenError):
    """403: the OAuth application's user lacks the permission."""


class SellerCenterNotFoundError(SellerCenterError, NotFoundError):
    """404."""


class SellerCenterConflictError(SellerCenterError, ConflictError):
    """409."""


class SellerCenterPayloadError(SellerCenterError, PayloadError):
    """413 / 415."""


class SellerCenterThrottledError(SellerCenterError, ThrottledError):
    """429: more requests than the seller's window allows."""


class SellerCenterClientError(SellerCenterError, ClientError):
    """Any other 4xx (Seller Center answers validation failures with 422)."""


class SellerCenterServerError(SellerCenterError, ServerError):
    """5xx, including the maintenance-mode 503 (``caused_by == "maintenance_mode"``)."""

    @property
    def maintenance(self) -> bool:
        return self.problem.get("caused_by") == "maintenance_mode"


_BY_BASE: dict[type[ApiError], type[SellerCenterError]] = {
    BadRequestError: SellerCenterBadRequestError,
    UnauthorizedError: SellerCenterUnauthorizedError,
    ForbiddenError: SellerCenterForbiddenError,
    NotFoundError: SellerCenterNotFoundError,
    ConflictError: SellerCenterConflictError,
    PayloadError: SellerCenterPayloadError,
    ThrottledError: SellerCenterThrottledError,
    ClientError: SellerCenterClientError,
    ServerError: SellerCenterServerError,
}


def seller_center_error_class(status: int) -> type[SellerCenterError]:
    return _BY_BASE.get(error_class_for_status(status), SellerCenterError)


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def problem_details(problem: Mapping[str, Any], status: int) -> list[ErrorDetail]:
    """RFC 7807 → our error list: one entry whose code is the title (or ``HTTP<status>``), message the detail.
    The maintenance body (``message``, ``caused_by``) and a validation body's ``violations``/``errors`` list
    are kept too."""
    code = problem.get("title") or problem.get("caused_by") or f"HTTP{status}"
    message = problem.get("detail") or problem.get("message") or ""
    extra = {k: v for k, v in problem.items() if k not in ("title", "detail", "message")}
    details: list[ErrorDetail] = [ErrorDetail(code=str(code), message=str(message), extra=extra)]
    for key in ("violations", "errors"):
        entries = problem.get(key)
        if isinstance(entries, list):
            for entry in entries:
                if isinstance(entry, Mapping):
                    field = entry.get("propertyPath") or entry.get("field") or entry.get("code") or key
                    text = entry.get("message") or entry.get("title") or ""
                    details.append(ErrorDetail(code=str(field), message=str(text)))
    return details


async def classify_v2(response: httpx.Response) -> ApiError | None:
    """The v2 :data:`~spapi_async.call.ResponseClassifier`: statuses >= 400 become :class:`SellerCenterError`."""
    if response.status_code < 400:
        return None
    await response.aread()
    return v2_error_from_response(response)


def v2_error_from_response(response: httpx.Response) -> SellerCenterError:
    text = response_text(response)
    problem: Mapping[str, Any] = {}
    if text:
        try:
            parsed = json_loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, Mapping):
            problem = parsed
    status = response.status_code
    if problem:
        errors = problem_details(problem, status)
    elif text:
        errors = [ErrorDetail(code=f"HTTP{status}", message=" ".join(text.split())[:200])]
    else:
        errors = []
    request = response.request
    title = problem.get("title") if problem else None
    summary = f"{request.method} {request.url.path} answered {status}" + (f" ({title})" if title else "")
    return seller_center_error_class(status)(
        summary,
        problem=problem,
        status_code=status,
        errors=errors,
        request_id=request_id_of(response.headers),
        body=text[:_BODY_KEEP] if text else None,
        method=request.method,
        url=str(request.url.copy_with(query=None)),
    )


class SellerCenterLegacyError(ApiError):
    """An ``ErrorResponse`` from the legacy Seller Center API (often inside an HTTP 200).

    ``code`` is the documented E-code (``"E009"``), ``message`` the server's text, ``details`` the
    ``Body.ErrorDetail`` entries (field, message, value, seller SKU ...), ``action`` the request's action.
    """

    code: str
    details: list[Mapping[str, Any]]
    action: str | None
    error_type: str | None

    def __init__(
        self,
        message: str,
        *,
        code: str,
        details: Sequence[Mapping[str, Any]] = (),
        action: str | None = None,
        error_type: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.code = code
        self.details = [dict(d) for d in details]
        self.action = action
        self.error_type = error_type

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, action={self.action!r}, status_code={self.status_code!r})"


class SellerCenterLegacyThrottledError(SellerCenterLegacyError, ThrottledError):
    """E429 "Too many requests": reported as status 429 so the limiter drains the seller's window and the
    retry waits for it."""
