"""Test doubles for the Seller Center tests: a virtual clock and a small fake Seller Center server."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import anyio
import anyio.lowlevel
import httpx

from ..fakes import InstantClock

#: The base URL the v2 client tests talk to (nothing is resolved: the fake server answers through MockTransport).
BASE = "https://sellercenter-api.example.test"


class FakeClock(InstantClock):
    """The shared instant clock, counting monotonic time from 0 (``time()`` adds an epoch) and yielding to the
    event loop on every ``sleep``, so concurrent tasks interleave as they would in real time."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        super().__init__(0.0)
        self.epoch = start

    def time(self) -> float:
        return self.epoch + self.now

    async def sleep(self, seconds: float) -> None:
        await super().sleep(seconds)
        await anyio.lowlevel.checkpoint()


Handler = Callable[[httpx.Request], Awaitable[httpx.Response] | httpx.Response]


@dataclass
class Recorded:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: httpx.Headers
    body: bytes
    at: float


@dataclass
class FakeServer:
    """Routes ``(METHOD, path)`` to handlers, answers the OAuth token endpoint, and records every request
    with the (virtual) time it arrived."""

    clock: FakeClock
    client_id: str = "app-1"
    client_secret: str = "s3cret-value"
    token_path: str = "/oauth/client-credentials"
    token_delay: float = 0.0
    expires_in: int = 3600
    routes: dict[tuple[str, str], Handler] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    tokens_issued: int = 0

    def route(self, method: str, path: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes[(method, path)] = handler
            return handler

        return register

    def api_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path != self.token_path]

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        self.requests.append(
            Recorded(
                request.method,
                request.url.path,
                parse_qsl(request.url.query.decode(), keep_blank_values=True),
                request.headers,
                body,
                self.clock.monotonic(),
            )
        )
        if request.url.path == self.token_path:
            return await self._token(request, body)
        handler = self.routes.get((request.method, request.url.path))
        if handler is None:
            return httpx.Response(404, json={"type": "about:blank", "title": "Not Found", "status": 404})
        result = handler(request)
        if not isinstance(result, httpx.Response):
            result = await result
        return result

    async def _token(self, request: httpx.Request, body: bytes) -> httpx.Response:
        expected = "Basic " + base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        form = dict(parse_qsl(body.decode()))
        if request.headers.get("authorization") != expected or form.get("grant_type") != "client_credentials":
            return httpx.Response(401, json={"error": "invalid_client", "error_description": "bad client"})
        if self.token_delay:
            await anyio.sleep(self.token_delay)
        self.tokens_issued += 1
        return httpx.Response(
            200,
            json={"access_token": f"token-{self.tokens_issued}", "token_type": "Bearer", "expires_in": self.expires_in},
        )


def problem(status: int, title: str, detail: str, **extra: Any) -> httpx.Response:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return httpx.Response(
        status, content=json.dumps(body).encode(), headers={"content-type": "application/problem+json"}
    )


def max_in_window(times: list[float], window: float) -> int:
    """The most requests that fall in any half-open interval ``[t, t + window)``."""
    ordered = sorted(times)
    best = start = 0
    for end, t in enumerate(ordered):
        while ordered[start] <= t - window:
            start += 1
        best = max(best, end - start + 1)
    return best
