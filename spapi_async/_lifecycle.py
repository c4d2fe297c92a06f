"""What every client (SP-API, Seller Center v2, Seller Center legacy) does to open and close."""

from __future__ import annotations

from types import TracebackType
from typing import TypeVar

import httpx

from .transport import Transport

_C = TypeVar("_C", bound="ClientLifecycle")


class ClientLifecycle:
    """``async with`` support and :meth:`aclose` for a client built on a :class:`~spapi_async.transport.Transport`.

    A client closes only what it opened: the HTTP client it created (not one passed as ``http_client=``) and its
    transport's signer. Closing twice is harmless. Subclasses set ``_transport``, ``_http``, ``_owns_http`` and
    ``_closed``, and release their own resources in :meth:`_close_resources`.
    """

    _transport: Transport
    _http: httpx.AsyncClient
    _owns_http: bool
    _closed: bool

    async def _close_resources(self) -> None:
        """Close what the subclass opened besides the HTTP client (nothing by default)."""

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        await self._close_resources()
        if self._owns_http:
            await self._transport.aclose()
            await self._http.aclose()

    async def __aenter__(self: _C) -> _C:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
