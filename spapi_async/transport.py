"""The one place where a request is carried out (GUIDE section 1).

For each attempt: take a limiter token, authenticate (LWA, RDT or grantless; SigV4 last when configured), send
with the shared ``httpx.AsyncClient``, tell the limiter what came back, then return the response or decide with
the retry policy whether to try again. Resource modules build :class:`ApiCall` objects and never talk to httpx,
auth or the limiter themselves.
"""

from __future__ import annotations

import json as _json
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import anyio
import httpx

from .auth.lwa import LWAAuth
from .auth.rdt import DEFAULT_DATA_ELEMENTS, RDT_PATH, RDTProvider
from .auth.tokens import CachedTokenSource, TokenStore
from .clock import Clock
from .config import ClientConfig
from .errors import (
    ApiError,
    ConnectionError_,
    SPAPIError,
    TimeoutError_,
    TransportError,
    error_from_response,
    request_id_of,
)
from .operation import DEFAULT_PLAN, SANDBOX_PLAN, Operation, UsagePlan
from .retry import RetryPolicy, parse_retry_after
from .throttle.base import LimiterBackend, LimitKey
from .useragent import build_user_agent

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
    headers: Mapping[str, str] | None = None
    restricted_data_token: str | None = None
    data_elements: tuple[str, ...] | None = None
    retry: RetryPolicy | None = None
    timeout: float | None = None


class Signer(Protocol):
    """Adds a signature to a fully built request (SigV4). Called last, on every attempt."""

    async def sign(self, request: httpx.Request) -> None: ...

    async def aclose(self) -> None: ...


class Transport:
    """Sends :class:`ApiCall` objects for one client configuration. Shared by ``with_options`` copies."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        http_client: httpx.AsyncClient,
        limiter: LimiterBackend,
        retry: RetryPolicy,
        clock: Clock,
        token_store: TokenStore,
        use_rdt: bool = True,
        signer: Signer | None = None,
    ) -> None:
        self.config = config
        self.http = http_client
        self.limiter = limiter
        self.retry = retry
        self.clock = clock
        self.use_rdt = use_rdt
        self.signer = signer
        self.tokens = CachedTokenSource(token_store, clock)
        self.lwa = LWAAuth(config, self.tokens, self.post_form, clock)
        self.rdt = RDTProvider(self.tokens, self._request_rdt, clock, self.lwa.identity)
        self.user_agent = build_user_agent(config.app_name, config.app_version, config.user_agent)
        self._base_url = config.endpoint
        self._region = config.region.code
        self._limit_region = f"{self._region}-sandbox" if config.sandbox else self._region
        self._default_timeout = httpx.Timeout(config.timeout, connect=config.connect_timeout)
        self._date_second = -1
        self._date_value = ""

    # ------------------------------------------------------------------ helpers

    def limit_key(self, call: ApiCall) -> LimitKey:
        """The limiter key: the sandbox has quotas of its own, so its keys carry a ``-sandbox`` region."""
        name = call.operation.key if call.operation else f"raw:{call.method.upper()} {call.path}"
        return LimitKey(self.lwa.identity, self._limit_region, name)

    def plan_for(self, operation: Operation | None) -> UsagePlan:
        if self.config.sandbox:
            return SANDBOX_PLAN
        return operation.plan if operation is not None else DEFAULT_PLAN

    def _amz_date(self) -> str:
        now = self.clock.time()
        second = int(now)
        if second != self._date_second:
            self._date_second = second
            self._date_value = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(second))
        return self._date_value

    async def _credential(self, call: ApiCall) -> tuple[str, str]:
        """The access token for this call and how it was obtained (``lwa``, ``grantless``, ``rdt``, ``given``)."""
        op = call.operation
        if call.restricted_data_token:
            return call.restricted_data_token, "given"
        if op is not None and op.grantless:
            return await self.lwa.access_token(grantless=True), "grantless"
        if op is not None and op.restricted and self.use_rdt:
            elements = call.data_elements
            if elements is None:
                elements = DEFAULT_DATA_ELEMENTS.get(op.key, ())
            return await self.rdt.token(op.method, op.path, elements), "rdt"
        return await self.lwa.access_token(), "lwa"

    async def _forget_credential(self, call: ApiCall, token: str, kind: str) -> None:
        if kind == "lwa":
            await self.lwa.invalidate(token)
        elif kind == "grantless":
            await self.lwa.invalidate(token, grantless=True)
        elif kind == "rdt" and call.operation is not None:
            op = call.operation
            elements = call.data_elements
            if elements is None:
                elements = DEFAULT_DATA_ELEMENTS.get(op.key, ())
            await self.rdt.invalidate(op.method, op.path, elements, token)

    def _build(self, call: ApiCall, token: str) -> httpx.Request:
        headers = {
            "x-amz-access-token": token,
            "x-amz-date": self._amz_date(),
            "user-agent": self.user_agent,
            "accept": "application/json",
        }
        if call.headers:
            headers.update(call.headers)
        content = call.content
        if call.json is not None:
            content = _json.dumps(call.json, separators=(",", ":"), ensure_ascii=False).encode()
            headers.setdefault("content-type", "application/json")
        timeout = self._default_timeout if call.timeout is None else httpx.Timeout(call.timeout)
        return self.http.build_request(
            call.method,
            self._base_url + call.path,
            params=call.params,  # type: ignore[arg-type]
            content=content,
            headers=headers,
            timeout=timeout,
        )

    # ------------------------------------------------------------------ send path

    async def send(self, call: ApiCall) -> httpx.Response:
        """Carry out ``call``: limit, authenticate, send, observe, retry. Returns a 2xx/3xx response or raises."""
        policy = call.retry or self.retry
        key = self.limit_key(call)
        plan = self.plan_for(call.operation)
        method = call.method.upper()
        debug = logger.isEnabledFor(logging.DEBUG)
        attempt = 0
        refreshed_credential = False
        while True:
            attempt += 1
            await self.limiter.acquire(key, plan)
            # From here until the request is handed to httpx, a failure (credentials, signing, cancellation)
            # means Amazon never saw this attempt: the token goes back to the limiter.
            handed_over = False
            response: httpx.Response | None = None
            try:
                token, kind = await self._credential(call)
                request = self._build(call, token)
                if self.signer is not None:
                    await self.signer.sign(request)
                if debug:
                    logger.debug("-> %s %s attempt %d", method, call.path, attempt)
                handed_over = True
                sent = await self.http.send(request)
            except httpx.HTTPError as exc:
                failure = map_httpx_error(exc, method, call.path)
                if not failure.request_sent:  # connect errors, pool timeouts: nothing reached the server
                    await self.limiter.release(key)
                error: SPAPIError = failure
            except BaseException:
                if not handed_over:
                    with anyio.CancelScope(shield=True):
                        await self.limiter.release(key)
                raise
            else:
                response = sent
                await self.limiter.observe(key, response.status_code, response.headers)
                status = response.status_code
                if status < 400:
                    if debug:
                        logger.debug(
                            "<- %d %s %s request-id=%s",
                            status,
                            method,
                            call.path,
                            request_id_of(response.headers),
                        )
                    return response
                await response.aread()
                error = error_from_response(response)
                if debug:
                    logger.debug(
                        "<- %d %s %s request-id=%s errors=%s",
                        status,
                        method,
                        call.path,
                        error.request_id,
                        [e.code for e in error.errors],
                    )
                if not refreshed_credential and kind != "given" and _credential_rejected(error):
                    # A cached token that Amazon no longer accepts: drop it and try once more with a new one.
                    refreshed_credential = True
                    await self._forget_credential(call, token, kind)
                    attempt -= 1
                    continue
            if not policy.should_retry(method, attempt, error):
                raise error
            retry_after = None
            if response is not None:
                retry_after = parse_retry_after(response.headers.get("retry-after"), now=self.clock.time())
            paced = isinstance(error, ApiError) and error.status_code == 429 and self.limiter.paces_throttled_retries
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

    async def post_form(self, url: str, form: Mapping[str, str]) -> httpx.Response:
        """A form POST to a token endpoint (LWA). Not rate-limited by SP-API plans; retried on transient
        failures (connect errors, 429, 5xx) with the client's retry policy. Returns the final response."""
        policy = self.retry
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self.http.post(
                    url,
                    data=dict(form),
                    headers={"user-agent": self.user_agent, "accept": "application/json"},
                    timeout=self._default_timeout,
                )
            except httpx.HTTPError as exc:
                error: SPAPIError = map_httpx_error(exc, "POST", httpx.URL(url).path)
                if not policy.should_retry("GET", attempt, error):  # a token grant is safe to repeat
                    raise error from None
                await self.clock.sleep(policy.delay(attempt))
                continue
            if response.status_code == 429 or response.status_code >= 500:
                error = error_from_response(response)
                if policy.should_retry("GET", attempt, error):
                    retry_after = parse_retry_after(response.headers.get("retry-after"), now=self.clock.time())
                    await self.clock.sleep(policy.delay(attempt, retry_after=retry_after))
                    continue
            return response

    async def _request_rdt(self, body: Mapping[str, object]) -> object:
        from .registry import match_operation

        op = match_operation("POST", RDT_PATH)
        response = await self.send(ApiCall("POST", RDT_PATH, operation=op, json=body))
        return response.json()

    async def aclose(self) -> None:
        if self.signer is not None:
            await self.signer.aclose()


def _credential_rejected(error: SPAPIError) -> bool:
    if error.status_code == 401:
        return True
    if error.status_code == 403:
        return any("expired" in e.message.lower() for e in error.errors)
    return False


def map_httpx_error(exc: httpx.HTTPError, method: str, path: str) -> TransportError:
    """httpx's exceptions → ours. ``request_sent`` is False when the request surely never reached the server."""
    what = f"{method} {path}"
    if isinstance(exc, httpx.TimeoutException):
        never_sent = isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout))
        return TimeoutError_(f"{what}: {type(exc).__name__}", request_sent=not never_sent, method=method)
    if isinstance(exc, httpx.ConnectError):
        return ConnectionError_(f"{what}: could not connect ({exc})", request_sent=False, method=method)
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.NetworkError)):
        return ConnectionError_(f"{what}: connection failed ({type(exc).__name__})", request_sent=True, method=method)
    return TransportError(f"{what}: {type(exc).__name__}: {exc}", request_sent=True, method=method)
