"""The HTTP client every client creates when none is given: :func:`make_http_client` and ``LeanAsyncClient``.

SP-API sets no cookies and never redirects, and our transport passes plain absolute URLs. httpx's client still does,
per request: parse the URL string, merge client headers/params/cookies, run the auth and redirect flows, and build a
``urllib`` request to look for cookies in the response. Together that is about a fifth of httpx's CPU per small
request. This subclass takes those steps out of the common path and leaves every other case to httpx.
"""

from __future__ import annotations

import datetime
import time
import urllib.request
from typing import Any, Literal

import httpx

from .errors import ConfigurationError

HttpBackend = Literal["httpx", "aiohttp"]


class LeanAsyncClient(httpx.AsyncClient):
    """An ``httpx.AsyncClient`` for an API that sets no cookies and never redirects (SP-API), with the per-request
    work it does not need taken out of the common path.

    ``build_request`` with a plain absolute URL (no cookies, data/files/json or client-level params) builds the
    ``httpx.Request`` directly (parsed URLs are reused for repeated paths), and ``send`` without auth, redirects or
    event hooks hands the request straight to the transport: no cookie extraction, no auth or redirect flow. Anything
    else takes httpx's own path. Default headers are taken once, when the client is created.
    """

    def __init__(self, *, transport: httpx.AsyncBaseTransport, timeout: httpx.Timeout, limits: httpx.Limits) -> None:
        super().__init__(transport=transport, timeout=timeout, limits=limits, trust_env=False)
        self._direct = transport
        self.transport = transport  # what the requests go through (read-only use)
        self._default_headers = {k.lower(): v for k, v in self.headers.items()}
        self._urls: dict[str, httpx.URL] = {}

    def _url(self, url: str) -> httpx.URL:
        parsed = self._urls.get(url)
        if parsed is None:
            parsed = httpx.URL(url)
            if len(self._urls) >= 512:  # bounded: paths with ids in them come and go
                self._urls.clear()
            self._urls[url] = parsed
        return parsed

    def build_request(
        self,
        method: str,
        url: httpx.URL | str,
        *,
        content: Any = None,
        data: Any = None,
        files: Any = None,
        json: Any = None,
        params: Any = None,
        headers: Any = None,
        cookies: Any = None,
        timeout: Any = httpx.USE_CLIENT_DEFAULT,
        extensions: Any = None,
    ) -> httpx.Request:
        simple = (
            isinstance(url, str)
            and url.startswith(("https://", "http://"))
            and data is None
            and files is None
            and json is None
            and cookies is None
            and extensions is None
            and not self.params
            and not self.cookies
            and (headers is None or isinstance(headers, dict))
        )
        if not simple:
            return super().build_request(
                method,
                url,
                content=content,
                data=data,
                files=files,
                json=json,
                params=params,
                headers=headers,
                cookies=cookies,
                timeout=timeout,
                extensions=extensions,
            )
        merged = self._default_headers.copy()
        if headers:
            for name, value in headers.items():
                merged[name.lower()] = value
        chosen = self.timeout if timeout is httpx.USE_CLIENT_DEFAULT else httpx.Timeout(timeout)
        return httpx.Request(
            method,
            self._url(url),  # type: ignore[arg-type]
            content=content,
            params=params,
            headers=merged,
            extensions={"timeout": chosen.as_dict()},
        )

    async def send(
        self,
        request: httpx.Request,
        *,
        stream: bool = False,
        auth: Any = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: Any = httpx.USE_CLIENT_DEFAULT,
    ) -> httpx.Response:
        direct = (
            auth is httpx.USE_CLIENT_DEFAULT
            and self.auth is None
            and (follow_redirects is httpx.USE_CLIENT_DEFAULT or follow_redirects is False)
            and not self.follow_redirects
            and not any(self.event_hooks.values())
        )
        if not direct:
            return await super().send(request, stream=stream, auth=auth, follow_redirects=follow_redirects)
        if self.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        start = time.perf_counter()
        response = await self._direct.handle_async_request(request)
        response.request = request
        if not stream:
            try:
                if isinstance(response.stream, httpx.ByteStream):
                    response.read()  # already in memory: the synchronous path skips the async generator chain
                else:
                    await response.aread()
            except BaseException:
                await response.aclose()
                raise
            response.elapsed = datetime.timedelta(seconds=time.perf_counter() - start)
        return response


def environment_proxies() -> bool:
    """True if the environment names an HTTP proxy (``HTTPS_PROXY``, ``ALL_PROXY``, ...), which httpx honours by
    mounting proxy transports: then the stock ``httpx.AsyncClient`` is used, unchanged."""
    return any(scheme in ("http", "https", "all") for scheme in urllib.request.getproxies())


def make_http_client(
    backend: HttpBackend = "httpx", *, timeout: float = 30.0, connect_timeout: float = 10.0
) -> httpx.AsyncClient:
    """The HTTP client a client (SP-API or Seller Center) creates when none is given.

    Both backends use :class:`LeanAsyncClient` (httpx's client without the cookie, auth and redirect work SP-API
    does not need; with proxy environment variables set, the default backend is the stock ``httpx.AsyncClient``).
    ``backend="aiohttp"`` puts :class:`~spapi_async.aiohttp_transport.AiohttpTransport` (extra ``aiohttp``)
    underneath: the same API, about a third of the CPU per request. asyncio only.
    """
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100, keepalive_expiry=30.0)
    timeouts = httpx.Timeout(timeout, connect=connect_timeout)
    if backend == "httpx":
        if environment_proxies():
            return httpx.AsyncClient(timeout=timeouts, limits=limits)
        return LeanAsyncClient(transport=httpx.AsyncHTTPTransport(limits=limits), timeout=timeouts, limits=limits)
    if backend == "aiohttp":
        try:
            from .aiohttp_transport import AiohttpTransport
        except ImportError as exc:  # aiohttp is not installed
            raise ConfigurationError(
                "http_backend='aiohttp' needs the aiohttp extra: pip install 'spapi-async[aiohttp]'"
            ) from exc
        # aiohttp reads proxy settings from the environment only when told to (and then on every request).
        transport = AiohttpTransport(limits=limits, trust_env=environment_proxies())
        return LeanAsyncClient(transport=transport, timeout=timeouts, limits=limits)
    raise ConfigurationError(f"http_backend must be 'httpx' or 'aiohttp', got {backend!r}")
