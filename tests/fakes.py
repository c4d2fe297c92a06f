"""Small fakes shared by the foundation tests: an instant clock and a scripted SP-API/LWA server."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

CLIENT_ID = "amzn1.application-oa2-client.test"
CLIENT_SECRET = "amzn1.oa2-cs.v1.SECRET-client-secret-value"
REFRESH_TOKEN = "Atzr|SECRET-refresh-token-value"
BASE = "http://127.0.0.1:9"
LWA = "http://127.0.0.1:9/auth/o2/token"


def fake_client(http_client: httpx.AsyncClient, clock: Any = None, **kwargs: Any) -> Any:
    """An ``sp.SPAPIClient`` with the test credentials, aimed at the fake endpoints above through ``http_client``,
    on an instant clock unless given one (``kwargs`` go to the client: limiter, retry, use_rdt, ...)."""
    import spapi_async as sp

    return sp.SPAPIClient(
        CLIENT_ID,
        CLIENT_SECRET,
        REFRESH_TOKEN,
        endpoint=BASE,
        lwa_endpoint=LWA,
        http_client=http_client,
        clock=clock or InstantClock(),
        **kwargs,
    )


class InstantClock:
    """``sleep`` advances time at once and records the wait; ``time``/``monotonic`` can be moved by hand."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)

    def advance(self, seconds: float) -> None:
        self.now += seconds


Responder = Callable[[httpx.Request], httpx.Response]


@dataclass
class FakeAmazon:
    """An ``httpx.MockTransport`` handler: LWA hands out numbered tokens; API paths answer from a script."""

    token_lifetime: int = 3600
    lwa_status: int = 200
    routes: dict[str, list[Responder] | Responder] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/auth/o2/token":
            form = dict(httpx.QueryParams(request.content.decode()))
            self.token_requests.append(form)
            if self.lwa_status != 200:
                return httpx.Response(
                    self.lwa_status,
                    json={"error": "invalid_grant", "error_description": "The request has an invalid grant parameter"},
                )
            body: dict[str, Any] = {
                "access_token": f"Atza|SECRET-access-{len(self.token_requests)}",
                "token_type": "bearer",
                "expires_in": self.token_lifetime,
            }
            if form.get("grant_type") == "authorization_code":
                body["refresh_token"] = "Atzr|SECRET-new-refresh"
            return httpx.Response(200, json=body)
        route = self.routes.get(request.url.path)
        if route is None:
            return httpx.Response(404, json={"errors": [{"code": "NotFound", "message": "no route"}]})
        responder = (route.pop(0) if len(route) > 1 else route[0]) if isinstance(route, list) else route
        return responder(request)

    def http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self.handler))

    def api_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path != "/auth/o2/token"]


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> Responder:
    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=json.dumps(body).encode(), headers=headers or {})

    return respond
