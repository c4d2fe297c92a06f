"""An httpx transport over aiohttp (extra ``aiohttp``): ``SPAPIClient(..., http_backend="aiohttp")``.

httpx's own connection layer costs several hundred microseconds of CPU per small request; aiohttp's C-accelerated
HTTP parser and connection pool cost a fraction of that. This transport keeps httpx's request/response objects
(so the rest of the library, signing included, is unchanged) and hands the wire work to one
``aiohttp.ClientSession``.

What it guarantees, beyond moving bytes:

- The URL goes to aiohttp exactly as httpx encoded it (``encoded=True``): what was signed is what is sent.
- Timeouts: httpx's ``connect`` → aiohttp ``sock_connect``, ``read`` → ``sock_read``, ``pool`` → ``connect``
  (aiohttp's time to get a connection, pool wait included). aiohttp has no write timeout.
- Limits: ``max_connections`` → the connector's ``limit``; ``keepalive_expiry`` → ``keepalive_timeout``.
- aiohttp's exceptions become httpx's, chosen so that "never sent" is only claimed when it is certain:
  connect failures and connect/pool timeouts → ``ConnectError``/``ConnectTimeout``; a server that disconnects or
  resets → ``RemoteProtocolError``/``ReadError``; read timeouts → ``ReadTimeout``.
- asyncio only: aiohttp does not run on trio (a clear :class:`~spapi_async.errors.ConfigurationError` says so).
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import httpx
from yarl import URL

from .errors import ConfigurationError

_TimeoutKey = tuple[float | None, float | None, float | None]
#: Headers aiohttp adds on its own when a request lacks them; httpx's request is sent as built, so those are
#: skipped when missing (passing ``skip_auto_headers`` costs aiohttp time, so only then).
_AUTO_HEADERS = frozenset({"accept", "accept-encoding", "user-agent", "content-type"})


def _map_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """aiohttp's exception → the httpx exception with the same meaning for "did the request leave?"."""
    message = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, aiohttp.ConnectionTimeoutError):  # connecting, or waiting for a pooled connection
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(exc, (aiohttp.ServerTimeoutError, asyncio.TimeoutError)):
        return httpx.ReadTimeout(message, request=request)
    if isinstance(exc, aiohttp.ClientConnectorError):  # refused, DNS, TLS handshake: nothing was sent
        return httpx.ConnectError(message, request=request)
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return httpx.RemoteProtocolError(message, request=request)
    if isinstance(exc, (aiohttp.ClientOSError, aiohttp.ClientConnectionResetError, aiohttp.ClientPayloadError)):
        return httpx.ReadError(message, request=request)
    if isinstance(exc, aiohttp.ClientResponseError):  # a malformed response
        return httpx.RemoteProtocolError(message, request=request)
    if isinstance(exc, aiohttp.InvalidURL):
        return httpx.UnsupportedProtocol(message, request=request)
    return httpx.NetworkError(message, request=request)


class _ResponseStream(httpx.AsyncByteStream):
    """The body of an aiohttp response, chunk by chunk as it arrives; closing releases the connection."""

    __slots__ = ("_request", "_response")

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        content = self._response.content
        try:
            while True:
                chunk = await content.readany()
                if not chunk:
                    return
                yield chunk
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise _map_error(exc, self._request) from exc

    async def aclose(self) -> None:
        self._response.release()


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Send httpx requests with one ``aiohttp.ClientSession`` (created on first use, in the running loop)."""

    def __init__(
        self,
        *,
        limits: httpx.Limits | None = None,
        verify: ssl.SSLContext | bool = True,
        trust_env: bool = False,
    ) -> None:
        self._limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=100)
        self._verify = verify
        self._trust_env = trust_env
        self._session: aiohttp.ClientSession | None = None
        self._timeouts: dict[_TimeoutKey, aiohttp.ClientTimeout] = {}

    @property
    def trust_env(self) -> bool:
        """Whether aiohttp takes proxy settings (``HTTPS_PROXY``, ...) from the environment."""
        return self._trust_env

    def _open(self) -> aiohttp.ClientSession:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            raise ConfigurationError(
                "http_backend='aiohttp' runs on asyncio only; use the default http_backend='httpx' under trio"
            ) from None
        verify = self._verify
        ssl_option: ssl.SSLContext | bool = httpx.create_ssl_context(verify=verify) if verify is True else verify
        connector = aiohttp.TCPConnector(
            limit=self._limits.max_connections or 0,
            keepalive_timeout=self._limits.keepalive_expiry or 0,
            ssl=ssl_option,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),  # httpx keeps the cookies, if any
            auto_decompress=False,  # httpx decodes according to content-encoding
            trust_env=self._trust_env,
            timeout=aiohttp.ClientTimeout(total=None),
        )
        return self._session

    def _timeout(self, request: httpx.Request) -> aiohttp.ClientTimeout:
        given: dict[str, float | None] = request.extensions.get("timeout") or {}
        key = (given.get("connect"), given.get("read"), given.get("pool"))
        timeout = self._timeouts.get(key)
        if timeout is None:
            pool = key[2]
            # aiohttp's "connect" covers waiting for a pooled connection and connecting: bound it by both.
            connect = None if pool is None and key[0] is None else (pool or 0.0) + (key[0] or 0.0)
            timeout = aiohttp.ClientTimeout(total=None, connect=connect, sock_connect=key[0], sock_read=key[1])
            if len(self._timeouts) < 64:  # a handful of distinct settings in practice; never grows unbounded
                self._timeouts[key] = timeout
        return timeout

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._session or self._open()
        data: Any
        try:
            data = request.content or None
        except httpx.RequestNotRead:
            data = None
        if data is None and "transfer-encoding" in request.headers:
            data = request.stream  # a streamed upload: aiohttp frames it (chunked) itself
            raw = [(k, v) for k, v in request.headers.raw if k.lower() != b"transfer-encoding"]
        else:
            raw = request.headers.raw
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in raw]
        missing = _AUTO_HEADERS.difference(k.lower() for k, _ in headers)
        try:
            response = await session.request(
                request.method,
                URL(str(request.url), encoded=True),
                headers=headers,
                data=data,
                skip_auto_headers=missing or None,
                allow_redirects=False,
                timeout=self._timeout(request),
            )
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise _map_error(exc, request) from exc
        extensions: dict[str, Any] = {"http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
        if response.content.is_eof():
            # The whole (small) body arrived with the headers: hand it over as bytes, skipping the stream machinery.
            try:
                body = await response.read()
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                raise _map_error(exc, request) from exc
            finally:
                response.release()
            return httpx.Response(
                response.status,
                headers=response.raw_headers,
                stream=httpx.ByteStream(body),  # not content=: httpx's client then times the response as usual
                request=request,
                extensions=extensions,
            )
        return httpx.Response(
            response.status,
            headers=response.raw_headers,
            stream=_ResponseStream(response, request),
            request=request,
            extensions=extensions,
        )

    async def aclose(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    def __repr__(self) -> str:
        return f"AiohttpTransport(max_connections={self._limits.max_connections})"
