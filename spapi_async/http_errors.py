"""What an HTTP outcome means as one of our errors: httpx's exceptions mapped (:func:`map_httpx_error`), a
response classified by its status (:func:`classify_by_status`, the transport's default
:data:`~spapi_async.call.ResponseClassifier`), and the error for a redirect, which is never followed
(:func:`redirect_error`)."""

from __future__ import annotations

import httpx

from .errors import (
    ApiError,
    TransportConnectionError,
    TransportError,
    TransportTimeoutError,
    error_from_response,
    request_id_of,
)


async def classify_by_status(response: httpx.Response) -> ApiError | None:
    """None for a status below 400, else the typed error of :func:`~spapi_async.errors.error_from_response`."""
    if response.status_code < 400:
        return None
    await response.aread()
    return error_from_response(response)


def redirect_error(response: httpx.Response) -> ApiError:
    """A 3xx answer: redirects are never followed (the credentials were meant for the host the request was built
    for, and a redirect may lead elsewhere), whatever the HTTP client's own ``follow_redirects`` says."""
    request = response.request
    location = response.headers.get("location", "")
    target = ""
    if location:
        try:
            target_url = request.url.join(location)
            target = f" to {target_url.scheme}://{target_url.netloc.decode('ascii', 'replace')}"
        except (httpx.InvalidURL, ValueError, UnicodeError):
            target = " to an invalid location"
    return ApiError(
        f"{request.method} {request.url.path} answered {response.status_code} (a redirect{target}); "
        f"not followed: credentials are sent only to {request.url.host}",
        status_code=response.status_code,
        request_id=request_id_of(response.headers),
        method=request.method,
        url=str(request.url.copy_with(query=None)),
    )


def map_httpx_error(exc: httpx.HTTPError, method: str, path: str) -> TransportError:
    """httpx's exceptions → ours. ``request_sent`` is False when the request surely never reached the server."""
    what = f"{method} {path}"
    if isinstance(exc, httpx.TimeoutException):
        never_sent = isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout))
        return TransportTimeoutError(f"{what}: {type(exc).__name__}", request_sent=not never_sent, method=method)
    if isinstance(exc, httpx.ConnectError):
        return TransportConnectionError(f"{what}: could not connect ({exc})", request_sent=False, method=method)
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.NetworkError)):
        return TransportConnectionError(
            f"{what}: connection failed ({type(exc).__name__})", request_sent=True, method=method
        )
    return TransportError(f"{what}: {type(exc).__name__}: {exc}", request_sent=True, method=method)
