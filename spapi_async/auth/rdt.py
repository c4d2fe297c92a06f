"""Restricted Data Tokens (RDT): the token that replaces the LWA token on operations returning PII.

The transport asks :class:`RDTProvider` for a token for ``(method, path, dataElements)``; the provider calls the
Tokens API (``POST /tokens/2021-03-01/restrictedDataToken``) once per expiry and key (single-flight) and caches
the answer. Paths are the operation's template (``/orders/v0/orders/{orderId}``): Amazon issues a token valid
for every resource of that shape, so one token serves all orders.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import MappingProxyType

from ..clock import Clock
from ..errors import AuthError
from .tokens import CachedToken, CachedTokenSource

RDT_PATH = "/tokens/2021-03-01/restrictedDataToken"

#: Data elements asked for by default, per operation key; an operation not listed asks for none.
DEFAULT_DATA_ELEMENTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "orders_v0.get_orders": ("buyerInfo", "shippingAddress"),
        "orders_v0.get_order": ("buyerInfo", "shippingAddress"),
        "orders_v0.get_order_items": ("buyerInfo",),
    }
)

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
        data = await self._request({"restrictedResources": [resource]})
        if not isinstance(data, Mapping) or "restrictedDataToken" not in data:
            raise AuthError(
                "the Tokens API answered without a restrictedDataToken",
                status_code=200,
                body=json.dumps(sorted(data)) if isinstance(data, Mapping) else None,
            )
        return CachedToken.issued(str(data["restrictedDataToken"]), self._clock.time(), data.get("expiresIn"))
