"""Login with Amazon (LWA): access tokens for SP-API calls.

Grants: ``refresh_token`` (seller/vendor calls), ``client_credentials`` with scopes (grantless calls), and
``authorization_code`` (turning a consent redirect into a refresh token). Access tokens are cached until shortly
before expiry and refreshed single-flight (see :class:`~spapi_async.auth.tokens.CachedTokenSource`). The grant is
posted with the :class:`~spapi_async.call.FormExchange` the caller passes (the transport, during an attempt): the
refresh then runs detached from that caller (:class:`~spapi_async.auth.flight.SingleFlight`).
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlencode

import httpx

from .._json import loads as json_loads
from .._redact import RedactedForm
from ..call import FormExchange
from ..clock import Clock
from ..config import ClientConfig, Marketplace, Secret, get_marketplace
from ..errors import AuthError, ConfigurationError, error_from_response, request_id_of
from .tokens import CachedToken, CachedTokenSource


def fingerprint(secret: str) -> str:
    """A short, stable, non-reversible name for a secret (for cache and limiter keys)."""
    return hashlib.sha256(secret.encode()).hexdigest()[:16]


def _token_from_response(response: httpx.Response, now: float, what: str) -> tuple[CachedToken, dict[str, Any]]:
    if response.status_code != 200:
        err = error_from_response(response, message=f"LWA refused the {what} request ({response.status_code})")
        raise AuthError(
            err.message,
            status_code=err.status_code,
            errors=err.errors,
            request_id=err.request_id,
            body=None,  # LWA bodies are short and fully represented by ``errors``
            method="POST",
            url=err.url,
        )
    try:
        data = json_loads(response.content)
        token = str(data["access_token"])
        expires_in = data.get("expires_in")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise AuthError(
            f"LWA answered 200 without a usable access_token for the {what} request",
            status_code=200,
            request_id=request_id_of(response.headers),
        ) from None  # the decoder's frames hold the body
    return CachedToken.issued(token, now, expires_in), data


class LWAAuth:
    """Access tokens for one application + selling partner (or one set of grantless scopes)."""

    def __init__(self, config: ClientConfig, tokens: CachedTokenSource, clock: Clock):
        self._config = config
        self._tokens = tokens
        self._clock = clock
        refresh = config.refresh_token.get() if config.refresh_token else ""
        self.identity = f"{config.client_id}:{fingerprint(refresh)}" if refresh else f"{config.client_id}:grantless"
        self._seller_key = f"lwa:{config.client_id}:{fingerprint(refresh)}" if refresh else ""

    def _scopes(self, scope: str | None) -> tuple[str, ...]:
        """The scopes of a grantless token: the client's ``grantless_scopes`` (an override) or the operation's."""
        if self._config.grantless_scopes:
            return tuple(self._config.grantless_scopes)
        if scope:
            return (scope,)
        raise ConfigurationError("this operation is grantless: pass grantless_scopes=[...] to the client")

    def cache_key(self, grantless: bool, scope: str | None = None) -> str:
        if not grantless:
            return self._seller_key
        return f"lwa:{self._config.client_id}:scopes:{' '.join(sorted(self._scopes(scope)))}"

    async def access_token(self, exchange: FormExchange, *, grantless: bool = False, scope: str | None = None) -> str:
        """A valid access token: a grantless one (client credentials, for ``scope`` unless the client's
        ``grantless_scopes`` override it) or the seller's (refresh token). A grantless operation never gets the
        seller's token: Amazon refuses it there. A grant is posted with ``exchange`` (e.g. ``client.transport``)."""
        return (await self.cached_token(exchange, grantless=grantless, scope=scope)).value.get()

    async def cached_token(
        self, exchange: FormExchange, *, grantless: bool = False, scope: str | None = None
    ) -> CachedToken:
        """:meth:`access_token` with its expiry."""
        if not grantless and not self._seller_key:
            raise ConfigurationError(
                "this operation needs a selling partner's authorization: pass refresh_token=... to the client"
            )
        scopes = self._scopes(scope) if grantless else ()
        key = self.cache_key(grantless, scope)
        return await self._tokens.token(key, lambda: self._fetch(exchange, scopes))

    async def invalidate(self, token: str, *, grantless: bool = False, scope: str | None = None) -> None:
        await self._tokens.invalidate(self.cache_key(grantless, scope), token)

    async def _fetch(self, exchange: FormExchange, scopes: tuple[str, ...]) -> CachedToken:
        cfg = self._config
        form: RedactedForm  # its repr hides the secrets (tracebacks rendered with locals)
        if scopes:
            form = RedactedForm(grant_type="client_credentials", scope=" ".join(scopes))
        else:
            assert cfg.refresh_token is not None
            form = RedactedForm(grant_type="refresh_token", refresh_token=cfg.refresh_token.get())
        form["client_id"] = cfg.client_id
        form["client_secret"] = cfg.client_secret.get()
        response = await exchange.post_form(cfg.lwa_endpoint, form)
        token, _ = _token_from_response(response, self._clock.time(), form["grant_type"])
        return token

    def __repr__(self) -> str:
        return f"LWAAuth(identity={self.identity!r})"


async def exchange_authorization_code(
    exchange: FormExchange,
    *,
    client_id: str,
    client_secret: str,
    code: str,
    redirect_uri: str | None = None,
    lwa_endpoint: str,
    now: float,
) -> tuple[Secret, CachedToken]:
    """Exchange the ``spapi_oauth_code`` of a consent redirect for ``(refresh_token, access_token)``."""
    if not code:
        raise ConfigurationError("code must be the spapi_oauth_code from the consent redirect")
    form = RedactedForm(grant_type="authorization_code", code=code, client_id=client_id, client_secret=client_secret)
    del code, client_secret  # from here on only in the redacting form (tracebacks rendered with locals)
    if redirect_uri:
        form["redirect_uri"] = redirect_uri
    response = await exchange.post_form(lwa_endpoint, form)
    token, data = _token_from_response(response, now, "authorization_code")
    refresh = data.get("refresh_token")
    if not refresh:
        raise AuthError("LWA answered the authorization_code grant without a refresh_token", status_code=200)
    return Secret(str(refresh)), token


def build_consent_uri(
    marketplace: str | Marketplace,
    application_id: str,
    *,
    state: str,
    vendor: bool = False,
    beta: bool = False,
    redirect_uri: str | None = None,
) -> str:
    """The URL that starts the selling partner's authorization of ``application_id``.

    ``<Seller or Vendor Central URL of the marketplace>/apps/authorize/consent?application_id=...&state=...``,
    plus ``version=beta`` for an application in draft state.
    """
    mkt = marketplace if isinstance(marketplace, Marketplace) else get_marketplace(marketplace)
    if not application_id:
        raise ConfigurationError("application_id is required (amzn1.sp.solution....)")
    if not state:
        raise ConfigurationError("state is required: a per-request value you check on the redirect (CSRF)")
    query: dict[str, str] = {"application_id": application_id, "state": state}
    if beta:
        query["version"] = "beta"
    if redirect_uri:
        query["redirect_uri"] = redirect_uri
    base = mkt.vendor_central_url if vendor else mkt.seller_central_url
    return f"{base}/apps/authorize/consent?{urlencode(query)}"
