"""Restricted Data Tokens (RDT): the token that replaces the LWA token on operations returning PII.

Which calls carry one is decided by :class:`~spapi_async.auth.spapi.SPAPIAuth` from ``Operation.rdt``; when the
Tokens API refuses (400: the application lacks the restricted role) :class:`RestrictedDataError` is raised and the
operation is not sent.

The transport asks :class:`RDTProvider` for a token for ``(method, path, dataElements)``; the provider calls the
Tokens API (``POST /tokens/2021-03-01/restrictedDataToken``) once per expiry and key (single-flight) and caches
the answer. Paths are the operation's template (``/orders/v0/orders/{orderId}``): Amazon issues a token valid
for every resource of that shape, so one token serves all orders.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping, Sequence

from ..clock import Clock
from ..errors import AuthError, BadRequestError, ConfigurationError, RestrictedDataError
from .tokens import CachedToken, CachedTokenSource

RDT_PATH = "/tokens/2021-03-01/restrictedDataToken"


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


#: Sends the createRestrictedDataToken request (through the transport, with LWA auth) and returns the JSON body.
RDTRequester = Callable[[Mapping[str, object]], Awaitable[object]]


class RDTProvider:
    def __init__(self, tokens: CachedTokenSource, request: RDTRequester, clock: Clock, identity: str):
        self._tokens = tokens
        self._request = request
        self._clock = clock
        self._identity = identity

    def cache_key(self, method: str, path: str, data_elements: Sequence[str]) -> str:
        return f"rdt:{self._identity}:{method.upper()} {path}:{','.join(sorted(data_elements))}"

    async def token(self, method: str, path: str, data_elements: Sequence[str] = ()) -> str:
        return (await self.cached_token(method, path, data_elements)).value.get()

    async def cached_token(self, method: str, path: str, data_elements: Sequence[str] = ()) -> CachedToken:
        key = self.cache_key(method, path, data_elements)
        return await self._tokens.token(key, lambda: self._fetch(method, path, data_elements))

    async def invalidate(self, method: str, path: str, data_elements: Sequence[str], value: str) -> None:
        await self._tokens.invalidate(self.cache_key(method, path, data_elements), value)

    async def _fetch(self, method: str, path: str, data_elements: Sequence[str]) -> CachedToken:
        resource: dict[str, object] = {"method": method.upper(), "path": path}
        if data_elements:
            resource["dataElements"] = list(data_elements)
        try:
            data = await self._request({"restrictedResources": [resource]})
        except BadRequestError as exc:
            raise _refused(exc, method.upper(), path, tuple(data_elements)) from None
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
