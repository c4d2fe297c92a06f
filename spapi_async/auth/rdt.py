"""Restricted Data Tokens (RDT): the token that replaces the LWA token on operations returning PII.

Which calls carry one is decided by :class:`~spapi_async.auth.spapi.SPAPIAuth` from ``Operation.rdt``; when the
Tokens API refuses (400: the application lacks the restricted role) :class:`RestrictedDataError` is raised and the
operation is not sent.

The authenticator asks :class:`RDTProvider` for a token for ``(method, path, dataElements)``; the provider calls
the Tokens API's ``createRestrictedDataToken`` (looked up by key, :data:`RDT_OPERATION`, in the registry it is
given) once per expiry and key (single-flight) and caches the answer. The call
is a sub-request: it goes through the :class:`~spapi_async.call.Exchange` the transport lent to the attempt that
needed the token, so it takes the transport's normal path (LWA token, the Tokens API's usage plan in the limiter,
retries, typed errors). Paths are the operation's template (``/orders/v0/orders/{orderId}``): Amazon issues a token
valid for every resource of that shape, so one token serves all orders.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from .._json import loads as json_loads
from ..call import ApiCall, Exchange
from ..clock import Clock
from ..errors import AuthError, BadRequestError, ConfigurationError, RestrictedDataError, request_id_of
from ..operation import Operation
from .tokens import CachedToken, CachedTokenSource

#: The registry key of the Tokens API operation that issues Restricted Data Tokens (``sp.OPERATIONS[...]``).
RDT_OPERATION = "tokens_2021_03_01.create_restricted_data_token"


def data_elements_arg(value: object, where: str) -> tuple[str, ...] | None:
    """A call's ``data_elements=`` as a tuple (None: not asked for); anything but a list of names is a
    :class:`ConfigurationError`."""
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise ConfigurationError(f"{where}: data_elements must be a list such as ['buyerInfo'], got {value!r}")
    bad = [v for v in value if not isinstance(v, str) or not v]
    if bad:
        raise ConfigurationError(f"{where}: data_elements must be names such as 'buyerInfo', got {bad[0]!r}")
    return tuple(value)


class RDTProvider:
    """Restricted Data Tokens for one application + seller, fetched with the createRestrictedDataToken operation of
    ``operations`` (the registry, ``sp.OPERATIONS``; read on the first fetch, so building a client loads no table)."""

    def __init__(self, tokens: CachedTokenSource, clock: Clock, identity: str, operations: Mapping[str, Operation]):
        self._tokens = tokens
        self._clock = clock
        self._identity = identity
        self._operations = operations

    def cache_key(self, method: str, path: str, data_elements: Sequence[str]) -> str:
        return f"rdt:{self._identity}:{method.upper()} {path}:{','.join(sorted(data_elements))}"

    async def token(self, exchange: Exchange, method: str, path: str, data_elements: Sequence[str] = ()) -> str:
        return (await self.cached_token(exchange, method, path, data_elements)).value.get()

    async def cached_token(
        self, exchange: Exchange, method: str, path: str, data_elements: Sequence[str] = ()
    ) -> CachedToken:
        key = self.cache_key(method, path, data_elements)
        return await self._tokens.token(key, lambda: self._fetch(exchange, method, path, data_elements))

    async def invalidate(self, method: str, path: str, data_elements: Sequence[str], value: str) -> None:
        await self._tokens.invalidate(self.cache_key(method, path, data_elements), value)

    async def _fetch(self, exchange: Exchange, method: str, path: str, data_elements: Sequence[str]) -> CachedToken:
        resource: dict[str, object] = {"method": method.upper(), "path": path}
        if data_elements:
            resource["dataElements"] = list(data_elements)
        op = self._operations[RDT_OPERATION]
        try:
            response = await exchange.send(
                ApiCall(op.method, op.path, operation=op, json={"restrictedResources": [resource]})
            )
        except BadRequestError as exc:
            raise _refused(exc, method.upper(), path, tuple(data_elements)) from None
        try:
            data = json_loads(response.content)
        except ValueError:
            raise AuthError(
                "the Tokens API answered with a body that is not JSON",
                status_code=response.status_code,
                request_id=request_id_of(response.headers),
            ) from None
        if not isinstance(data, Mapping) or "restrictedDataToken" not in data:
            raise AuthError(
                "the Tokens API answered without a restrictedDataToken",
                status_code=200,
                body=json.dumps(sorted(data)) if isinstance(data, Mapping) else None,
            )
        return CachedToken.issued(str(data["restrictedDataToken"]), self._clock.time(), data.get("expiresIn"))


def _refused(exc: BadRequestError, method: str, path: str, data_elements: tuple[str, ...]) -> RestrictedDataError:
    """Amazon's 400 to createRestrictedDataToken: the application does not hold the restricted role."""
    elements = f"data elements [{', '.join(data_elements)}]" if data_elements else "restricted data"
    error = RestrictedDataError(
        f"Amazon refused a Restricted Data Token for {elements} of {method} {path}: the application needs the "
        "restricted role for them (Direct-to-Consumer Shipping, Tax Invoicing or Tax Remittance, granted in the "
        "developer profile); call without data_elements to get the data without personal information",
        status_code=exc.status_code,
        errors=exc.errors,
        request_id=exc.request_id,
        rate_limit=exc.rate_limit,
        body=exc.body,
        method=exc.method,
        url=exc.url,
    )
    error.data_elements = data_elements
    error.resource = f"{method} {path}"
    return error
