"""The selling partner's authorization flow, for applications that onboard sellers themselves.

1. Send the seller to :func:`~spapi_async.build_consent_uri` (with a ``state`` you remember).
2. Amazon redirects back with ``spapi_oauth_code`` (and your ``state``, which you check).
3. :func:`exchange_authorization_code` turns the code into the seller's refresh token: store it, then pass it to
   ``SPAPIClient(refresh_token=...)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from ._redact import SecretScrubber
from .auth.lwa import exchange_authorization_code as _exchange
from .clock import SYSTEM_CLOCK, Clock
from .config import LWA_TOKEN_URL, Secret
from .errors import ConfigurationError, SPAPIError
from .retry import DEFAULT_RETRY, RetryPolicy
from .token_grant import FormPoster
from .useragent import build_user_agent


@dataclass(frozen=True, slots=True)
class Authorization:
    """What an authorization-code exchange returns. Both tokens are :class:`~spapi_async.config.Secret`."""

    refresh_token: Secret
    access_token: Secret
    expires_at: float  # epoch seconds


async def exchange_authorization_code(
    *,
    client_id: str,
    client_secret: str,
    code: str,
    redirect_uri: str | None = None,
    lwa_endpoint: str | None = None,
    http_client: httpx.AsyncClient | None = None,
    retry: RetryPolicy | None = None,
    clock: Clock | None = None,
) -> Authorization:
    """Exchange the ``spapi_oauth_code`` of a consent redirect for the seller's refresh token (LWA
    ``authorization_code`` grant). Raises :class:`~spapi_async.AuthError` when LWA refuses it."""
    if not client_id or not client_secret:
        raise ConfigurationError("client_id and client_secret are required")
    clock = clock or SYSTEM_CLOCK
    # The secrets leave this frame's locals: tracebacks rendered with locals show only redacted holders.
    secret, oauth_code = Secret(client_secret), Secret(code)
    del client_secret, code
    scrubber = SecretScrubber([secret.get(), oauth_code.get()])
    http = http_client or httpx.AsyncClient()
    try:
        poster = FormPoster(http, retry or DEFAULT_RETRY, clock, build_user_agent(), 30.0)
        refresh, access = await _exchange(
            poster,
            client_id=client_id,
            client_secret=secret.get(),
            code=oauth_code.get(),
            redirect_uri=redirect_uri,
            lwa_endpoint=lwa_endpoint or LWA_TOKEN_URL,
            now=clock.time(),
        )
    except SPAPIError as exc:
        scrubber.exception(exc)
        raise
    finally:
        if http_client is None:
            await http.aclose()
    return Authorization(refresh_token=refresh, access_token=access.value, expires_at=access.expires_at)
