"""Transfers to and from Amazon's pre-signed document URLs.

These URLs point at Amazon's document storage, not at SP-API: they need no SP-API credentials (and must never
receive any), they are not counted against SP-API usage plans, and they get their own timeouts. The
:class:`DocumentHttp` client enforces the first point on every request it sends.

Broken downloads are **resumed**: the byte offset already received is asked for again with an HTTP ``Range``
request (with ``If-Range`` on the document's ETag). A host that ignores ``Range`` and sends the whole document
again is read from the start with the already received prefix skipped. Either way the bytes handed on are exactly
the document's bytes, once each: decompression and row parsing sit above this layer and never see a duplicate. An
expired URL (403) is refreshed once through the workflow's ``refresh`` callback, when it has one.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, AsyncIterable, Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from .._redact import SENSITIVE_HEADERS, RedactedStr, install_http_log_filter, scrub_patterns
from .._version import __version__
from ..clock import Clock
from ..retry import RetryContext, RetryPolicy
from .errors import DocumentError, DocumentTimeoutError, DocumentTransferError, TruncatedDocumentError

logger = logging.getLogger("spapi_async.documents")

#: Headers that must never reach a document host. SigV4's ``x-amz-date`` is not a secret, but a stray one would
#: only come from SP-API request building, so it is refused as well.
FORBIDDEN_HEADERS = frozenset(SENSITIVE_HEADERS | {"x-amz-date"})

UrlRefresher = Callable[[], Awaitable[str]]


@dataclass(frozen=True, slots=True)
class TransferSettings:
    """Timeouts and retry limits for document transfers.

    ``connect_timeout``/``read_timeout``/``write_timeout`` are per network operation; ``deadline`` (seconds, or
    None) bounds one whole transfer, so a host that trickles bytes cannot hold a job forever. ``max_resumes`` is how
    many times one transfer may be resumed or retried after a failure; ``retry_delay`` is the first wait between
    attempts (doubled each time, at most ``max_retry_delay``): the :class:`~spapi_async.RetryPolicy` of
    :attr:`retry`. ``chunk_size`` regroups the received bytes into pieces of that size (None: as they arrive, the
    fastest).
    """

    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    write_timeout: float = 60.0
    deadline: float | None = 6 * 3600.0
    max_resumes: int = 5
    retry_delay: float = 1.0
    max_retry_delay: float = 30.0
    chunk_size: int | None = None

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "write_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"TransferSettings.{name} must be > 0")
        if self.deadline is not None and not self.deadline > 0:
            raise ValueError("TransferSettings.deadline must be > 0 or None")
        if self.max_resumes < 0:
            raise ValueError("TransferSettings.max_resumes must be >= 0")
        if not self.retry_delay >= 0 or not self.max_retry_delay >= 0:
            raise ValueError("TransferSettings.retry_delay and max_retry_delay must be >= 0")
        if self.chunk_size is not None and self.chunk_size < 1024:
            raise ValueError("TransferSettings.chunk_size must be >= 1024 or None")

    @property
    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(
            connect=self.connect_timeout, read=self.read_timeout, write=self.write_timeout, pool=self.connect_timeout
        )

    @property
    def retry(self) -> RetryPolicy:
        """The retry policy of one transfer: ``max_resumes`` retries, exponential backoff from ``retry_delay`` up
        to ``max_retry_delay`` without jitter; retried are a broken or timed-out connection, 429 and 5xx (see
        :func:`transient`). ``Retry-After`` is not read: document hosts do not send it."""
        return RetryPolicy(
            max_attempts=self.max_resumes + 1,
            backoff=self.retry_delay,
            max_backoff=self.max_retry_delay,
            jitter=False,
            retry_on=transient,
            respect_retry_after=False,
        )

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed ``attempt`` (1-based): :meth:`RetryPolicy.delay` of :attr:`retry`."""
        return self.retry.delay(max(1, attempt))


def transient(context: RetryContext) -> bool:
    """Whether a failed transfer may succeed when tried again: no answer at all (a broken connection, a timeout),
    429 or a 5xx from the document host. Any method: pre-signed uploads are PUTs of the whole document."""
    status = context.error.status_code
    return status is None or status == 429 or status >= 500


def safe_url(url: str | httpx.URL) -> str:
    """The URL without its query string (a pre-signed URL's query carries a signature and a session token)."""
    parsed = httpx.URL(str(url))
    return str(parsed.copy_with(query=None, fragment=None))


async def _refuse_credentials(request: httpx.Request) -> None:
    leaked = sorted(name for name in request.headers if name.lower() in FORBIDDEN_HEADERS)
    if leaked:
        raise DocumentError(
            f"refusing to send {', '.join(leaked)} to the document host {request.url.host}: "
            "pre-signed document URLs must not receive SP-API credentials"
        )


class DocumentHttp:
    """The HTTP client for pre-signed document URLs, separate from the SP-API client's.

    It sends no SP-API headers (and refuses to, see :data:`FORBIDDEN_HEADERS`), is not rate limited, and uses the
    timeouts of :class:`TransferSettings`. ``transport`` replaces httpx's network transport (tests, proxies).
    """

    def __init__(
        self,
        settings: TransferSettings | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings or TransferSettings()
        install_http_log_filter()  # httpx logs every request's URL at INFO: the signed query values are masked
        self.client = httpx.AsyncClient(
            transport=transport,
            timeout=self.settings.timeout,
            follow_redirects=False,
            headers={"user-agent": f"spapi-async/{__version__} (documents)"},
            event_hooks={"request": [_refuse_credentials]},
        )

    async def aclose(self) -> None:
        await self.client.aclose()


def _map_transport_error(exc: httpx.HTTPError, what: str, url: str) -> DocumentTransferError:
    if isinstance(exc, httpx.TimeoutException):
        return DocumentTimeoutError(f"{what}: the document host timed out ({type(exc).__name__})", url=url)
    return DocumentTransferError(f"{what}: {type(exc).__name__}: {scrub_patterns(str(exc))}", url=url)


def _status_error(response: httpx.Response, what: str, url: str) -> DocumentTransferError:
    hint = ""
    if response.status_code == 403:
        hint = " (pre-signed URLs expire after a few minutes: fetch the document again)"
    return DocumentTransferError(
        f"{what}: the document host answered {response.status_code}{hint}", status_code=response.status_code, url=url
    )


def _content_range_start(value: str | None) -> tuple[int, int | None] | None:
    """``bytes 100-199/1000`` → (100, 1000); ``bytes 100-199/*`` → (100, None)."""
    if not value or not value.startswith("bytes "):
        return None
    try:
        span, _, total = value[6:].partition("/")
        start = int(span.split("-", 1)[0])
        return start, (None if total in ("", "*") else int(total))
    except ValueError:
        return None


class Download:
    """One download of a document as raw bytes (still compressed, if the document is). See the module docstring
    for how a broken connection is resumed. ``headers`` holds the first response's headers once :meth:`chunks` has
    started."""

    def __init__(
        self,
        http: DocumentHttp,
        url: str,
        *,
        clock: Clock,
        refresh: UrlRefresher | None = None,
        what: str = "document download",
    ) -> None:
        self._http = http
        self._url = RedactedStr(url)  # a pre-signed URL: its repr (tracebacks rendered with locals) is masked
        self._clock = clock
        self._refresh = refresh
        self.what = what
        self.headers: httpx.Headers | None = None
        self.received = 0
        self.resumes = 0

    @property
    def content_type(self) -> str | None:
        return None if self.headers is None else self.headers.get("content-type")

    async def _open(self, url: str, offset: int, etag: str | None) -> httpx.Response:
        headers = {}
        if offset:
            headers["range"] = f"bytes={offset}-"
            if etag:
                headers["if-range"] = etag
        # No local holds the request: its repr is the full pre-signed URL (tracebacks rendered with locals).
        client = self._http.client
        return await client.send(client.build_request("GET", url, headers=headers), stream=True)

    async def chunks(self) -> AsyncGenerator[bytes, None]:
        settings = self._http.settings
        url = self._url
        shown = safe_url(url)
        started = self._clock.monotonic()
        etag: str | None = None
        total: int | None = None
        refreshed = False
        failures = 0
        retry = settings.retry
        while True:
            try:
                response = await self._open(url, self.received, etag)
            except DocumentError:
                raise
            except httpx.HTTPError as exc:
                failures += 1
                error = _map_transport_error(exc, self.what, shown)
                delay = retry.next_delay("GET", failures, error, now=self._clock.time())
                if delay is None:
                    raise error from None
                await self._pause(delay, failures, exc)
                continue
            try:
                status = response.status_code
                if status == 403 and self._refresh is not None and not refreshed:
                    refreshed = True
                    url = RedactedStr(await self._refresh())
                    shown = safe_url(url)
                    continue
                if status == 429 or status >= 500:
                    failures += 1
                    error = _status_error(response, self.what, shown)
                    delay = retry.next_delay("GET", failures, error, now=self._clock.time())
                    if delay is None:
                        raise error
                    await self._pause(delay, failures, f"HTTP {status}")
                    continue
                if status == 416 and self.received and total is not None and self.received >= total:
                    return
                if status == 416 and self.received:
                    raise TruncatedDocumentError(
                        f"{self.what}: the document host has no bytes after offset {self.received}"
                        + (f" of an announced {total}" if total is not None else ""),
                        url=shown,
                    )
                skip = 0
                if self.received == 0:
                    if status not in (200, 206):
                        raise _status_error(response, self.what, shown)
                    self.headers = response.headers
                    etag = response.headers.get("etag")
                    total = _announced_length(response)
                elif status == 206:
                    span = _content_range_start(response.headers.get("content-range"))
                    if span is None or span[0] != self.received:
                        raise DocumentTransferError(
                            f"{self.what}: asked to resume at byte {self.received}, the host sent "
                            f"{response.headers.get('content-range')!r}",
                            url=shown,
                        )
                elif status == 200:
                    new_etag = response.headers.get("etag")
                    if etag and new_etag and new_etag != etag:
                        raise DocumentTransferError(
                            f"{self.what}: the document changed while it was being downloaded", url=shown
                        )
                    skip = self.received
                else:
                    raise _status_error(response, self.what, shown)
                async for chunk in response.aiter_raw(settings.chunk_size):
                    if skip:
                        if len(chunk) <= skip:
                            skip -= len(chunk)
                            continue
                        chunk = chunk[skip:]
                        skip = 0
                    self.received += len(chunk)
                    self._check_deadline(started, shown)
                    yield chunk
                if skip:
                    raise TruncatedDocumentError(
                        f"{self.what}: the restarted download ended before the {self.received} bytes already read",
                        url=shown,
                    )
                if total is not None and self.received < total:
                    raise httpx.RemoteProtocolError(f"body ended at byte {self.received} of {total}")
                if total is not None and self.received > total:
                    raise DocumentTransferError(
                        f"{self.what}: received {self.received} bytes, {total} were announced", url=shown
                    )
                return
            except (httpx.TransportError, httpx.StreamError) as exc:
                failures += 1
                broken: DocumentTransferError = (
                    _map_transport_error(exc, self.what, shown)
                    if isinstance(exc, httpx.TimeoutException)
                    else TruncatedDocumentError(
                        f"{self.what}: the connection broke at byte {self.received}"
                        + (f" of {total}" if total is not None else "")
                        + f" and {settings.max_resumes} resumes did not complete it ({type(exc).__name__})",
                        url=shown,
                    )
                )
                delay = retry.next_delay("GET", failures, broken, now=self._clock.time())
                if delay is None:
                    raise broken from None
                self.resumes += 1
                await self._pause(delay, failures, exc)
            finally:
                await response.aclose()

    def _check_deadline(self, started: float, shown: str) -> None:
        deadline = self._http.settings.deadline
        if deadline is not None and self._clock.monotonic() - started > deadline:
            raise DocumentTimeoutError(f"{self.what}: not finished after {deadline:.0f} s", url=shown)

    async def _pause(self, delay: float, attempt: int, reason: object) -> None:
        logger.info(
            "%s: %s at byte %d; retrying in %.1fs (attempt %d)",
            self.what,
            type(reason).__name__ if isinstance(reason, BaseException) else reason,
            self.received,
            delay,
            attempt,
        )
        await self._clock.sleep(delay)


def _announced_length(response: httpx.Response) -> int | None:
    if response.status_code == 206:
        span = _content_range_start(response.headers.get("content-range"))
        return None if span is None else span[1]
    value = response.headers.get("content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


Body = bytes | Callable[[], AsyncIterable[bytes]]


async def upload(
    http: DocumentHttp,
    url: str,
    *,
    body: Body,
    length: int,
    content_type: str,
    clock: Clock,
    what: str = "feed document upload",
) -> httpx.Response:
    """PUT ``body`` to a pre-signed URL with exactly ``content_type`` and a ``content-length`` (the storage
    behind these URLs does not take chunked uploads). ``body`` is bytes or a factory of a fresh byte stream, so a
    failed attempt can be sent again; retried as :attr:`TransferSettings.retry` says."""
    retry = http.settings.retry
    url = RedactedStr(url)  # a pre-signed URL: masked in tracebacks rendered with locals
    shown = safe_url(url)
    attempt = 0
    while True:
        attempt += 1
        content: Any = body if isinstance(body, bytes) else body()
        headers: Mapping[str, str] = {"content-type": content_type, "content-length": str(length)}
        try:
            response = await http.client.send(http.client.build_request("PUT", url, content=content, headers=headers))
        except DocumentError:
            raise
        except httpx.HTTPError as exc:
            error = _map_transport_error(exc, what, shown)
            delay = retry.next_delay("PUT", attempt, error, now=clock.time())
            if delay is None:
                raise error from None
            await clock.sleep(delay)
            continue
        if response.status_code < 300:
            return response
        error = _status_error(response, what, shown)
        delay = retry.next_delay("PUT", attempt, error, now=clock.time())
        if delay is None:
            raise error
        await clock.sleep(delay)
