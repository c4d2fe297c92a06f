"""The send loop: the one place where a request is carried out (docs/ARCHITECTURE.md, section 4).

For each attempt: look up the credential (the :class:`~spapi_async.call.Authenticator` gets this transport as its
:class:`~spapi_async.call.Exchange`, to fetch a token it lacks: an LWA grant with :meth:`Transport.post_form`, the
Restricted Data Token with :meth:`Transport.send`), take a limiter token, build the request (the credential's date
header is stamped here, at the send time), sign last when a :class:`~spapi_async.call.Signer` is configured
(SigV4), send with the shared ``httpx.AsyncClient``, tell the limiter what came back, then return the response or
ask the retry policy (:meth:`~spapi_async.retry.RetryPolicy.next_delay`) whether and when to try again.

One credential lookup per attempt. The lookup comes before the limiter's wait, so that a token fetch never sits
between the limiter's grant and the request's arrival. The credential carries no time of its own: ``x-amz-date`` is
set when the request is built, so a long wait cannot make it stale. Only a token that truly aged out during the wait
(its ``renew_after``, the moment its cache would refresh it, has passed) makes the transport give the limiter's
grant back and start the attempt afresh, with a new lookup; that restart is not counted as a retry, and happens at
most once per attempt (a token past ``renew_after`` is still valid for the cache's margin, so the second time it is
sent).

Resource modules build :class:`~spapi_async.call.ApiCall` objects and never talk to httpx, auth or the limiter
themselves; the transport never knows an API by name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

import anyio
import httpx

from ._checks import check_headers
from ._dates import amz_date_of
from ._json_body import encode_json_body
from ._redact import RedactedForm, SecretScrubber, install_http_log_filter
from .call import ApiCall, Authenticator, Credential, QueryParams, ResponseClassifier, Signer
from .clock import Clock
from .errors import ConfigurationError, SPAPIError, request_id_of
from .http_errors import classify_by_status, map_httpx_error, redirect_error
from .operation import Operation
from .retry import RetryPolicy, bound_retry_after
from .throttle.base import LimiterBackend, LimitKey, Plan
from .token_grant import FormPoster

__all__ = ["Transport"]

logger = logging.getLogger("spapi_async")


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
        self._date_second = -1
        self._date_value = ""
        # Token grants: the same HTTP client, retry policy and clock, no limiter (see token_grant.py).
        self._forms = FormPoster(http_client, retry, clock, user_agent, timeout.read or 30.0)
        install_http_log_filter()

    @property
    def base_url(self) -> str:
        return self._base_url

    def limit_key(self, call: ApiCall) -> LimitKey:
        name = call.operation.key if call.operation else f"raw:{call.method.upper()} {call.path}"
        return LimitKey(self.auth.identity, self._region, name)

    async def post_form(
        self, url: str, form: Mapping[str, str], headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """A token grant (:class:`~spapi_async.call.FormExchange`): see :mod:`spapi_async.token_grant`."""
        return await self._forms.post_form(url, form, headers)

    def _send_time(self) -> str:
        """Now as ``YYYYMMDDTHHMMSSZ`` (SP-API's ``x-amz-date``), formatted once per second."""
        second = int(self.clock.time())
        if second != self._date_second:
            self._date_second = second
            self._date_value = amz_date_of(second)
        return self._date_value

    def _build(self, call: ApiCall, credential: Credential) -> httpx.Request:
        headers = RedactedForm(self._headers)
        if credential.token is None or credential.token is not self._checked_token:
            # A token from a server could hold CR/LF too; checked once per token (the cache hands out one object).
            check_headers(credential.headers, "credential header")
            self._checked_token = credential.token
        headers.update(credential.headers)
        if credential.date_header is not None:
            headers[credential.date_header] = self._send_time()
        if call.headers:
            check_headers(call.headers)
            headers.update(call.headers)
        content = call.content
        if call.json is not None:
            content = encode_json_body(call.json, f"{call.method} {call.path}")
            headers.setdefault("content-type", "application/json")
        params: QueryParams | None
        if credential.sign_query is not None:
            params = credential.sign_query(call)
        else:
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
        restarted = False
        while True:
            attempt += 1
            # Credentials first, once per attempt: a token fetch (LWA, RDT, OAuth) must not sit between the
            # limiter's grant and the request's arrival, or a cold first burst reaches the server late and the next
            # one early (module docstring).
            credential = await self.auth.authorize(call, self)
            await self.limiter.acquire(key, plan)
            renew_after = credential.renew_after
            if renew_after is not None and not restarted and self.clock.time() >= renew_after:
                # The token aged out during the wait: the grant goes back, the attempt starts afresh.
                restarted = True
                with anyio.CancelScope(shield=True):
                    await self.limiter.release(key)
                attempt -= 1
                continue
            restarted = False
            # From here until the request is handed to httpx, a failure (credentials, signing, cancellation)
            # means Amazon never saw this attempt: the token goes back to the limiter.
            handed_over = False
            response: httpx.Response | None = None
            try:
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
            delay = policy.next_delay(
                method,
                attempt,
                error,
                headers=None if response is None else response.headers,
                now=self.clock.time(),
                paced_by_limiter=error.status_code == 429 and self.limiter.paces_throttled_retries,
            )
            if delay is None:
                raise error
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
