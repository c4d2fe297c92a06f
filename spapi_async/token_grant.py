"""Token grants: the form POST to a token endpoint (LWA, Seller Center OAuth).

Not rate-limited by API plans; retried on connect errors, 429 and 5xx with :meth:`RetryPolicy.next_delay` (the
transport's arithmetic; a grant is safe to repeat, so it is retried as an idempotent request); redirects are never
followed (the form carries the client secret: it goes to this URL only); form and headers are held in redacting
containers. :class:`FormPoster` is the :class:`~spapi_async.call.FormExchange` the transport lends to
authenticators (``Transport.post_form``), and the one used where there is no transport (the authorization-code
exchange).
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ._checks import check_headers
from ._redact import RedactedForm
from .clock import Clock
from .errors import SPAPIError, error_from_response
from .http_errors import map_httpx_error
from .retry import RetryPolicy


class FormPoster:
    """Sends token-grant forms with one HTTP client, retry policy and clock. Returns the final response."""

    def __init__(self, http: httpx.AsyncClient, retry: RetryPolicy, clock: Clock, user_agent: str, timeout: float):
        self._http = http
        self._retry = retry
        self._clock = clock
        self._headers = {"user-agent": user_agent, "accept": "application/json"}
        self._timeout = timeout

    async def post_form(
        self, url: str, form: Mapping[str, str], headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        policy = self._retry
        clock = self._clock
        attempt = 0
        # Held in redacting containers: tracebacks rendered with locals show this frame.
        form = RedactedForm(form)
        sent_headers = RedactedForm({**self._headers, **headers} if headers else self._headers)
        check_headers(sent_headers)
        while True:
            attempt += 1
            try:
                response = await self._http.post(
                    url, data=form, headers=sent_headers, timeout=self._timeout, follow_redirects=False
                )
            except httpx.HTTPError as exc:
                error: SPAPIError = map_httpx_error(exc, "POST", httpx.URL(url).path)
                delay = policy.next_delay("GET", attempt, error, now=clock.time())  # "GET": safe to repeat
                if delay is None:
                    raise error from None
            else:
                if response.status_code != 429 and response.status_code < 500:
                    return response
                delay = policy.next_delay(
                    "GET", attempt, error_from_response(response), headers=response.headers, now=clock.time()
                )
                if delay is None:
                    return response  # the caller turns it into its AuthError
            await clock.sleep(delay)

    def __repr__(self) -> str:
        return f"FormPoster(timeout={self._timeout!r})"
