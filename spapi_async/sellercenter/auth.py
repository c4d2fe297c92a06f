"""Seller Center authentication.

- :class:`SellerCenterOAuth`: the v2 REST API's OAuth 2 client-credentials grant (HTTP Basic ``client_id:secret``
  on the token URL), the token cached until shortly before ``expires_in`` and fetched single-flight, sent as
  ``Authorization: Bearer`` on every attempt. The grant is posted with the transport's
  :class:`~spapi_async.call.Exchange` given to :meth:`~SellerCenterOAuth.authorize` (as LWA grants are).
- :class:`RequestSigner`: the extra HMAC-SHA256 request signature some v2 endpoints require
  (``X-Timestamp``, ``X-Nonce``, ``X-Signature-Algorithm``, ``X-Signature``).
- :class:`LegacyAuth`: the legacy API's signed query (``Action``, ``UserID``, ``Version``, ``Timestamp``,
  ``Format`` and the action's parameters, signed with the user's API key), signed by the transport when it builds
  each attempt's request (the credential's ``sign_query``), so the ``Timestamp`` is that of the send.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, quote

import httpx

from .._json import loads as json_loads
from .._redact import RedactedForm
from ..auth.lwa import fingerprint
from ..auth.tokens import CachedToken, CachedTokenSource
from ..call import ApiCall, Credential, Exchange, FormExchange, QueryParams
from ..clock import Clock
from ..config import Secret
from ..errors import AuthError, SPAPIError, error_from_response, request_id_of
from .v2._operations import SIGNED

# --------------------------------------------------------------------------------------------------------------
# v2 REST: OAuth 2 client credentials
# --------------------------------------------------------------------------------------------------------------


def basic_authorization(client_id: str, client_secret: str) -> str:
    """``Basic base64(client_id:client_secret)`` (RFC 7617)."""
    raw = f"{client_id}:{client_secret}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


class SellerCenterOAuth:
    """The v2 :class:`~spapi_async.call.Authenticator`: a cached client-credentials bearer token."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: Secret,
        token_url: str,
        host: str,
        tokens: CachedTokenSource,
        clock: Clock,
    ) -> None:
        self._client_id = client_id
        self._secret = client_secret
        self._token_url = token_url
        self._tokens = tokens
        self._clock = clock
        self._identity = f"sellercenter:{host}:{client_id}"
        self._cache_key = f"sellercenter:{host}:{client_id}:{fingerprint(client_secret.get())}"

    @property
    def identity(self) -> str:
        return self._identity

    @property
    def token_url(self) -> str:
        return self._token_url

    async def access_token(self, exchange: FormExchange) -> str:
        """The cached token, or one granted now (posted with ``exchange``, e.g. the client's transport)."""
        return await self._tokens.get(self._cache_key, lambda: self._fetch(exchange))

    async def _fetch(self, exchange: FormExchange) -> CachedToken:
        headers = RedactedForm(authorization=basic_authorization(self._client_id, self._secret.get()))
        response = await exchange.post_form(self._token_url, {"grant_type": "client_credentials"}, headers)
        return token_from_response(response, self._clock.time())

    async def authorize(self, call: ApiCall, exchange: Exchange) -> Credential:
        cached = await self._tokens.token(self._cache_key, lambda: self._fetch(exchange))
        token = cached.value.get()
        renew_after = None if cached.use_once else cached.refresh_at(self._tokens.margin)
        return Credential({"authorization": f"Bearer {token}"}, token=token, kind="oauth", renew_after=renew_after)

    async def forget(self, call: ApiCall, credential: Credential, error: SPAPIError) -> bool:
        if error.status_code != 401 or credential.token is None:
            return False
        await self._tokens.invalidate(self._cache_key, credential.token)
        return True

    def __repr__(self) -> str:
        return f"SellerCenterOAuth(identity={self._identity!r}, token_url={self._token_url!r})"


def token_from_response(response: httpx.Response, now: float) -> CachedToken:
    """The token endpoint's answer → a cached token (``expires_in`` seconds from ``now``, 3600 if absent; "use
    once" if zero, negative or not a finite number, see :func:`~spapi_async.auth.tokens.lifetime_of`)."""
    if response.status_code != 200:
        err = error_from_response(response, message=f"Seller Center refused the token request ({response.status_code})")
        raise AuthError(
            err.message,
            status_code=err.status_code,
            errors=err.errors,
            request_id=err.request_id,
            method="POST",
            url=err.url,
        )
    try:
        data = json_loads(response.content)
        token = str(data["access_token"])
        expires_in = data.get("expires_in")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise AuthError(
            "Seller Center answered the token request without a usable access_token",
            status_code=200,
            request_id=request_id_of(response.headers),
        ) from None  # the decoder's frames hold the body
    return CachedToken.issued(token, now, expires_in)


# --------------------------------------------------------------------------------------------------------------
# v2 REST: HMAC request signature
# --------------------------------------------------------------------------------------------------------------

#: (method, path) pairs that need the request signature, as the v2 description marks them (generated table, #19).
SIGNED_ENDPOINTS: frozenset[tuple[str, str]] = SIGNED


def rfc3986(value: str) -> str:
    """Percent-encode everything except RFC 3986's unreserved characters (space → ``%20``, never ``+``)."""
    return quote(value, safe="-_.~")


def canonical_path_with_query(url: httpx.URL) -> str:
    """The request path plus its query re-encoded per RFC 3986, in the order sent (``?`` only when present)."""
    path = url.path
    query = url.query.decode("ascii")
    if not query:
        return path
    pairs = parse_qsl(query, keep_blank_values=True)
    return path + "?" + "&".join(f"{rfc3986(k)}={rfc3986(v)}" for k, v in pairs)


def signature_content(method: str, path_with_query: str, timestamp: int, nonce: str, body: bytes) -> str:
    """The four lines that are signed: ``METHOD path?query``, ``timestamp=``, ``nonce=``, ``body_hash=``
    (the body's SHA-256 hex digest, empty for an empty body)."""
    body_hash = hashlib.sha256(body).hexdigest() if body else ""
    return f"{method.upper()} {path_with_query}\ntimestamp={timestamp}\nnonce={nonce}\nbody_hash={body_hash}"


def request_signature(secret: str, content: str) -> str:
    return hmac.new(secret.encode(), content.encode(), hashlib.sha256).hexdigest()


class RequestSigner:
    """Signs the requests of :data:`SIGNED_ENDPOINTS` with the application secret; leaves the others alone.

    Plugs into the transport's signer slot, so every attempt gets a fresh timestamp and nonce.
    """

    def __init__(
        self,
        client_secret: Secret,
        clock: Clock,
        *,
        endpoints: Iterable[tuple[str, str]] = SIGNED_ENDPOINTS,
        base_path: str = "",
        nonce: Callable[[], str] = lambda: secrets.token_hex(20),
    ) -> None:
        self._secret = client_secret
        self._clock = clock
        self._endpoints = frozenset((m.upper(), p) for m, p in endpoints)
        self._base_path = base_path.rstrip("/")
        self._nonce = nonce

    def applies_to(self, request: httpx.Request) -> bool:
        path = request.url.path
        if self._base_path and path.startswith(self._base_path):
            path = path[len(self._base_path) :]
        return (request.method.upper(), path) in self._endpoints

    async def sign(self, request: httpx.Request) -> None:
        if not self.applies_to(request):
            return
        timestamp = int(self._clock.time())
        nonce = self._nonce()
        content = signature_content(
            request.method, canonical_path_with_query(request.url), timestamp, nonce, request.content
        )
        request.headers["X-Timestamp"] = str(timestamp)
        request.headers["X-Nonce"] = nonce
        request.headers["X-Signature-Algorithm"] = "HMAC-SHA256"
        request.headers["X-Signature"] = request_signature(self._secret.get(), content)

    async def aclose(self) -> None:
        return None

    def __repr__(self) -> str:
        return f"RequestSigner(endpoints={sorted(self._endpoints)!r})"


# --------------------------------------------------------------------------------------------------------------
# Legacy API: signed query parameters
# --------------------------------------------------------------------------------------------------------------

LegacyParams = Sequence[tuple[str, str]]


def legacy_timestamp(epoch_seconds: float) -> str:
    """ISO 8601 with an explicit offset, e.g. ``2026-11-27T21:00:00+00:00``."""
    moment = _dt.datetime.fromtimestamp(int(epoch_seconds), tz=_dt.timezone.utc)
    return moment.isoformat()


def legacy_string_to_sign(params: Mapping[str, str]) -> str:
    """Parameters sorted by name, names and values RFC 3986-encoded, joined as ``name=value&...``."""
    return "&".join(f"{rfc3986(k)}={rfc3986(params[k])}" for k in sorted(params))


def legacy_signature(api_key: str, params: Mapping[str, str]) -> str:
    """Lowercase hex HMAC-SHA256 of :func:`legacy_string_to_sign`, keyed by the API key."""
    return hmac.new(api_key.encode(), legacy_string_to_sign(params).encode(), hashlib.sha256).hexdigest()


def legacy_value(value: Any) -> str:
    """A parameter value as the legacy API expects it: booleans lower-case, lists as JSON arrays
    (``OrderIdList=[1,2]``), dates as ISO 8601."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=_dt.timezone.utc)
        return moment.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), separators=(",", ":"))
    return str(value)


class LegacyAuth:
    """The legacy :class:`~spapi_async.call.Authenticator`: adds the common parameters and the signature to the
    call's query on every attempt (fresh ``Timestamp`` each time), when the transport builds the request."""

    def __init__(
        self, *, user_id: str, api_key: Secret, host: str, clock: Clock, format: str = "JSON", version: str = "1.0"
    ) -> None:
        self._user_id = user_id
        self._api_key = api_key
        self._clock = clock
        self._format = format
        self._version = version
        self._identity = f"sellercenter-legacy:{host}:{user_id}"
        self._issued: dict[str, int] = {}  # string to sign without Timestamp -> last second handed out

    @property
    def identity(self) -> str:
        return self._identity

    def _fresh_second(self, unsigned: Mapping[str, str]) -> int:
        """The Timestamp's second for this request: now, or one past the last second the same parameters were
        signed for. Seller Center accepts a signature once, so identical calls within one second (concurrent ones
        included) and retries within the second must not carry the same Timestamp; at the legacy rate limit the
        step ahead is a few seconds at most. The transport signs each attempt once, when it builds the request."""
        now = int(self._clock.time())
        key = legacy_string_to_sign(unsigned)
        last = self._issued.get(key)
        second = now if last is None or last < now else last + 1
        if len(self._issued) >= 1024:  # forget what can no longer collide
            self._issued = {k: v for k, v in self._issued.items() if v >= now}
        self._issued[key] = second
        return second

    def signed_params(self, params: Mapping[str, str]) -> list[tuple[str, str]]:
        full = dict(params)
        full.update({"UserID": self._user_id, "Version": self._version, "Format": self._format})
        full.pop("Signature", None)
        full.pop("Timestamp", None)
        full["Timestamp"] = legacy_timestamp(self._fresh_second(full))
        signature = legacy_signature(self._api_key.get(), full)
        return [*((k, full[k]) for k in sorted(full)), ("Signature", signature)]

    def sign_query(self, call: ApiCall) -> QueryParams:
        """The call's query with the common parameters, a fresh ``Timestamp`` and the signature."""
        raw = call.params or {}
        items = raw.items() if isinstance(raw, Mapping) else raw
        return self.signed_params({str(k): legacy_value(v) for k, v in items})

    async def authorize(self, call: ApiCall, exchange: Exchange) -> Credential:
        # Nothing to look up: the transport signs the query when it builds the request, after any limiter wait.
        return Credential({}, kind="legacy", sign_query=self.sign_query)

    async def forget(self, call: ApiCall, credential: Credential, error: SPAPIError) -> bool:
        return False  # a signature is computed afresh on every attempt: nothing cached to drop

    def __repr__(self) -> str:
        return f"LegacyAuth(identity={self._identity!r}, format={self._format!r})"
