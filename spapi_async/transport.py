"""The one place where a request is carried out (docs/ARCHITECTURE.md, section 4: how one call travels).

For each attempt: take a limiter token, let the :class:`Authenticator` add its credential (SP-API: LWA, RDT or
grantless; Seller Center: OAuth bearer or the legacy signature), sign last when a :class:`Signer` is configured
(SigV4), send with the shared ``httpx.AsyncClient``, tell the limiter what came back, then return the response or
decide with the retry policy whether to try again. Resource modules build :class:`ApiCall` objects and never talk to
httpx, auth or the limiter themselves; the transport never knows an API by name.
"""

from __future__ import annotations

import json as _json
import logging
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import anyio
import httpx

from ._redact import RedactedForm, SecretScrubber, install_http_log_filter
from .clock import Clock
from .errors import (
    ApiError,
    ConfigurationError,
    SPAPIError,
    TransportConnectionError,
    TransportError,
    TransportTimeoutError,
    error_from_response,
    request_id_of,
)
from .operation import Operation
from .retry import RetryPolicy, bound_retry_after, parse_retry_after
from .throttle.base import LimiterBackend, LimitKey, Plan

logger = logging.getLogger("spapi_async")

QueryParams = Mapping[str, Any] | Sequence[tuple[str, Any]]


@dataclass(frozen=True, slots=True)
class ApiCall:
    """One logical request (it may take several attempts)."""

    method: str
    path: str  # concrete path, parameters already substituted and encoded
    operation: Operation | None = None
    params: QueryParams | None = None
    json: Any = None
    content: bytes | None = None
    headers: Mapping[str, str] | None = field(default=None, repr=False)
    restricted_data_token: str | None = field(default=None, repr=False)
    data_elements: tuple[str, ...] | None = None
    retry: RetryPolicy | None = None
    timeout: float | None = None


class Signer(Protocol):
    """Adds a signature to a fully built request (SigV4). Called last, on every attempt."""

    async def sign(self, request: httpx.Request) -> None: ...

    async def aclose(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Credential:
    """What an :class:`Authenticator` adds to one attempt.

    ``params`` replaces the call's query parameters when set (schemes that sign the query, such as Seller
    Center's legacy API); ``token`` and ``kind`` let the authenticator forget a credential the server rejected.
    ``renew_after`` (clock wall time): if the attempt is still waiting for the limiter then, the transport asks
    for the credential again before sending; None: it stays good whatever the wait.
    Its ``repr`` shows none of them (tracebacks rendered with locals).
    """

    headers: Mapping[str, str] = field(repr=False)
    params: QueryParams | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    kind: str = ""
    renew_after: float | None = None


class Authenticator(Protocol):
    """The part of the send path that differs between SP-API and Seller Center."""

    @property
    def identity(self) -> str:
        """Names the application + seller for limiter keys (never a secret)."""
        ...

    async def authorize(self, call: ApiCall) -> Credential: ...

    async def forget(self, call: ApiCall, credential: Credential, error: SPAPIError) -> bool:
        """Called when the server refused an attempt. Return True (after dropping the cached credential) if a
        fresh credential may succeed: the transport then tries once more without counting a retry."""
        ...


#: Turns a response into the typed error it means, or None when it is a success. The default looks at the
#: status alone; an API that reports errors inside 200 bodies (Seller Center's legacy API) reads the body.
ResponseClassifier = Callable[[httpx.Response], Awaitable[ApiError | None]]


async def classify_by_status(response: httpx.Response) -> ApiError | None:
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


_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_HEADER_BAD_CHARS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def check_headers(headers: Mapping[str, Any], where: str = "header") -> None:
    """Header names and values that can be sent as they are (no CR/LF or other control characters, Latin-1
    only), else :class:`ConfigurationError`, before any I/O. The message names the header, never its value."""
    for name, value in headers.items():
        if name not in _GOOD_HEADER_NAMES:
            if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
                raise ConfigurationError(f"{where} name {name!r} is not a valid HTTP header name")
            if len(_GOOD_HEADER_NAMES) < 1024:  # a handful in practice; bounded whatever callers do
                _GOOD_HEADER_NAMES.add(name)
        if isinstance(value, str) and value.isascii() and value.isprintable():
            continue  # the common case, at C speed
        _check_header_value(name, value, where)


_GOOD_HEADER_NAMES: set[str] = set()


def _check_header_value(name: str, value: Any, where: str) -> None:
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        raise ConfigurationError(f"{where} {name!r} must be a string, got {type(value).__name__}")
    if not value.isascii():
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            raise ConfigurationError(
                f"{where} {name!r} has characters that cannot be sent in a header (only Latin-1 can)"
            ) from None
    if _HEADER_BAD_CHARS.search(value):
        raise ConfigurationError(f"{where} {name!r} contains CR, LF or another control character")


def encode_json_body(body: Any, what: str) -> bytes:
    """Strict JSON (no NaN or infinity, which are not JSON) or :class:`ConfigurationError`."""
    try:
        return _json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()
    except RecursionError:
        raise ConfigurationError(f"{what}: the JSON body is nested too deeply to be encoded") from None
    except UnicodeError:  # before ValueError, its base: lone surrogates in a string
        raise ConfigurationError(f"{what}: the JSON body has text that is not valid Unicode") from None
    except (ValueError, TypeError) as exc:
        raise ConfigurationError(f"{what}: the body cannot be sent as JSON ({exc})") from None


class FormPoster:
    """Form POSTs to token endpoints (LWA, Seller Center OAuth). Not rate-limited by API plans; retried on
    transient failures (connect errors, 429, 5xx) with the client's retry policy. Returns the final response."""

    def __init__(self, http: httpx.AsyncClient, retry: RetryPolicy, clock: Clock, user_agent: str, timeout: float):
        self._http = http
        self._retry = retry
        self._clock = clock
        self._headers = {"user-agent": user_agent, "accept": "application/json"}
        self._timeout = timeout

    async def __call__(
        self, url: str, form: Mapping[str, str], headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        policy = self._retry
        attempt = 0
        # Held in redacting containers: tracebacks rendered with locals show this frame.
        form = RedactedForm(form)
        sent_headers = RedactedForm({**self._headers, **headers} if headers else self._headers)
        check_headers(sent_headers)
        while True:
            attempt += 1
            try:
                response = await self._http.post(
                    url,
                    data=form,
                    headers=sent_headers,
                    timeout=self._timeout,
                    follow_redirects=False,  # the form carries the client secret: it goes to this URL only
                )
            except httpx.HTTPError as exc:
                error: SPAPIError = map_httpx_error(exc, "POST", httpx.URL(url).path)
                if not policy.should_retry("GET", attempt, error):  # a token grant is safe to repeat
                    raise error from None
                await self._clock.sleep(policy.delay(attempt))
                continue
            if response.status_code == 429 or response.status_code >= 500:
                error = error_from_response(response)
                if policy.should_retry("GET", attempt, error):
                    retry_after = parse_retry_after(response.headers.get("retry-after"), now=self._clock.time())
                    await self._clock.sleep(policy.delay(attempt, retry_after=retry_after))
                    continue
            return response


class _Prepared:
    """One attempt's built request, behind a ``repr`` that does not show its URL or headers."""

    __slots__ = ("request",)

    def __init__(self, request: httpx.Request) -> None:
        self.request = request

    def __repr__(self) -> str:
        return f"<prepared {self.request.method} request>"


class Transport:
    """Carries out :class:`ApiCall` objects against one base URL. Shared by ``with_options`` copies."""

    def __init__(
        self,
        base_url: str,
        *,
        http_client: httpx.AsyncClient,
        auth: Authenticator,
        limiter: LimiterBackend,
        retry: RetryPolicy,
        clock: Clock,
        user_agent: str,
        timeout: httpx.Timeout,
        plan_for: Callable[[Operation | None], Plan],
        region: str = "",
        signer: Signer | None = None,
        classify: ResponseClassifier = classify_by_status,
        default_headers: Mapping[str, str] | None = None,
        sandbox: bool = False,
        scrubber: SecretScrubber | None = None,
    ) -> None:
        self.http = http_client
        self.sandbox = sandbox
        self.auth = auth
        self.limiter = limiter
        self.retry = retry
        self.clock = clock
        self.signer = signer
        self.plan_for = plan_for
        self.user_agent = user_agent
        self._base_url = base_url.rstrip("/")
        self._region = region
        self._timeout = timeout
        self._classify = classify
        self._headers = {"user-agent": user_agent, "accept": "application/json", **(default_headers or {})}
        check_headers(self._headers)
        #: Knows this client's secrets; every error leaving :meth:`send` is scrubbed with it.
        self.scrubber = scrubber or SecretScrubber()
        self._checked_token: str | None = None
        install_http_log_filter()

    @property
    def base_url(self) -> str:
        return self._base_url

    def limit_key(self, call: ApiCall) -> LimitKey:
        name = call.operation.key if call.operation else f"raw:{call.method.upper()} {call.path}"
        return LimitKey(self.auth.identity, self._region, name)

    def _build(self, call: ApiCall, credential: Credential) -> httpx.Request:
        headers = RedactedForm(self._headers)
        if credential.token is None or credential.token is not self._checked_token:
            # A token from a server could hold CR/LF too; checked once per token (the cache hands out one object).
            check_headers(credential.headers, "credential header")
            self._checked_token = credential.token
        headers.update(credential.headers)
        if call.headers:
            check_headers(call.headers)
            headers.update(call.headers)
        content = call.content
        if call.json is not None:
            content = encode_json_body(call.json, f"{call.method} {call.path}")
            headers.setdefault("content-type", "application/json")
        params = credential.params if credential.params is not None else call.params
        timeout = self._timeout if call.timeout is None else httpx.Timeout(call.timeout)
        try:
            return self.http.build_request(
                call.method,
                self._base_url + call.path,
                params=params,  # type: ignore[arg-type]
                content=content,
                headers=headers,
                timeout=timeout,
            )
        except (TypeError, ValueError, UnicodeError) as exc:  # httpx.InvalidURL is not among them
            raise ConfigurationError(
                f"{call.method} {call.path}: the request cannot be built ({type(exc).__name__})"
            ) from None

    async def _dispatch(self, call: ApiCall, prepared: _Prepared) -> httpx.Response:
        """Send one attempt. Redirects are never followed, whatever the HTTP client was configured with."""
        try:
            return await self.http.send(prepared.request, follow_redirects=False)
        except (ValueError, UnicodeError) as exc:  # a backend refusing what httpx let through (aiohttp: headers)
            raise ConfigurationError(
                f"{call.method} {call.path}: the HTTP backend refused the request ({type(exc).__name__})"
            ) from None

    async def send(self, call: ApiCall) -> httpx.Response:
        """Carry out ``call``: limit, authenticate, send, observe, retry. Returns a success or raises.

        Every library error leaving here is scrubbed of this client's secrets (:class:`SecretScrubber`)."""
        try:
            return await self._send(call)
        except SPAPIError as exc:
            self.scrubber.exception(exc)
            raise

    async def _send(self, call: ApiCall) -> httpx.Response:
        policy = call.retry or self.retry
        key = self.limit_key(call)
        plan = self.plan_for(call.operation)
        method = call.method.upper()
        debug = logger.isEnabledFor(logging.DEBUG)
        attempt = 0
        refreshed_credential = False
        while True:
            attempt += 1
            # Credentials first: a token fetch (LWA, RDT, OAuth) must not sit between the limiter's grant and the
            # request's arrival, or a cold first burst reaches the server late and the next one early. They are
            # looked up once per attempt, and again only if the limiter's wait outlasted them.
            credential = await self.auth.authorize(call)
            await self.limiter.acquire(key, plan)
            # From here until the request is handed to httpx, a failure (credentials, signing, cancellation)
            # means Amazon never saw this attempt: the token goes back to the limiter.
            handed_over = False
            response: httpx.Response | None = None
            try:
                renew_after = credential.renew_after
                if renew_after is not None and self.clock.time() >= renew_after:
                    credential = await self.auth.authorize(call)
                self.scrubber.remember(credential.token)
                # The request (its URL may carry a signature) is held where tracebacks' locals do not show it.
                prepared = _Prepared(self._build(call, credential))
                if self.signer is not None:
                    await self.signer.sign(prepared.request)
                    # Assumed-role credentials are only known to the signer: scrub their session token too.
                    self.scrubber.remember(prepared.request.headers.get("x-amz-security-token"))
                if debug:
                    logger.debug("-> %s %s attempt %d", method, call.path, attempt)
                handed_over = True
                sent = await self._dispatch(call, prepared)
            except httpx.HTTPError as exc:
                transport_error = map_httpx_error(exc, method, call.path)
                if not handed_over or not transport_error.request_sent:  # e.g. connect errors, pool timeouts
                    await self.limiter.release(key)
                else:  # it may have reached the server: tell the limiter it is over (status 0: no response)
                    await self.limiter.observe(key, 0, {})
                error: SPAPIError = transport_error
            except BaseException:
                with anyio.CancelScope(shield=True):
                    if not handed_over:
                        await self.limiter.release(key)
                    else:
                        await self.limiter.observe(key, 0, {})
                raise
            else:
                response = sent
                failure = redirect_error(sent) if 300 <= sent.status_code < 400 else await self._classify(sent)
                # An error reported inside a 2xx body (legacy Seller Center's E429) counts as its own status.
                observed = failure.status_code if failure is not None and failure.status_code else sent.status_code
                await self.limiter.observe(
                    key, observed, bound_retry_after(sent.headers, policy.max_retry_after, now=self.clock.time())
                )
                if failure is None:
                    if debug:
                        logger.debug(
                            "<- %d %s %s request-id=%s",
                            sent.status_code,
                            method,
                            call.path,
                            request_id_of(sent.headers),
                        )
                    return sent
                error = failure
                if debug:
                    logger.debug(
                        "<- %d %s %s request-id=%s errors=%s",
                        sent.status_code,
                        method,
                        call.path,
                        error.request_id,
                        [e.code for e in error.errors],
                    )
                if not refreshed_credential and await self.auth.forget(call, credential, error):
                    # A cached credential the server no longer accepts: dropped; try once more with a new one.
                    refreshed_credential = True
                    attempt -= 1
                    continue
            retry_after = None
            if response is not None:
                retry_after = parse_retry_after(response.headers.get("retry-after"), now=self.clock.time())
            too_long = policy.respect_retry_after and retry_after is not None and retry_after > policy.max_retry_after
            if too_long or not policy.should_retry(method, attempt, error):
                raise error
            paced = error.status_code == 429 and self.limiter.paces_throttled_retries
            delay = policy.delay(attempt, retry_after=retry_after, paced_by_limiter=paced)
            logger.info(
                "retrying %s %s after %s (attempt %d of %d) in %.3fs",
                method,
                call.path,
                error.status_code or type(error).__name__,
                attempt,
                policy.max_attempts,
                delay,
            )
            if delay > 0:
                await self.clock.sleep(delay)

    async def aclose(self) -> None:
        if self.signer is not None:
            await self.signer.aclose()


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
