"""Seller Center clients: ``with_options`` copies share connections, limiter and token cache; ``from_env``."""

from __future__ import annotations

import httpx
import pytest

import spapi_async as sp
from spapi_async.errors import ConfigurationError
from spapi_async.sellercenter import SellerCenterClient
from spapi_async.sellercenter.legacy import SellerCenterLegacyClient

from .fakes import FakeClock, FakeServer

BASE = "https://sellercenter-api.example.test"
SECRET = "s3cret-value"


def _v2(server: FakeServer, clock: FakeClock, **kwargs: object) -> SellerCenterClient:
    return SellerCenterClient(
        BASE,
        server.client_id,
        server.client_secret,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
        clock=clock,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.anyio
async def test_v2_copy_shares_connections_limiter_and_token_cache() -> None:
    clock = FakeClock()
    server = FakeServer(clock)

    @server.route("GET", "/v2/brands")
    def brands(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"items": [], "context": request.headers.get("x-context")})

    original = _v2(server, clock, context="seller")
    copy = original.with_options(context="admin", requests_per_window=10, timeout=5.0)
    assert type(copy) is SellerCenterClient
    assert copy._http is original._http and copy.limiter is original.limiter
    assert copy.token_store is original.token_store and copy.clock is original.clock
    first = await original.request("GET", "/v2/brands")
    second = await copy.request("GET", "/v2/brands")
    assert (first.json()["context"], second.json()["context"]) == ("seller", "admin")
    assert server.tokens_issued == 1  # the copy used the original's cached token
    await copy.aclose()
    assert not original._http.is_closed  # closing the copy closes nothing it shares
    assert (await original.request("GET", "/v2/brands")).status_code == 200
    await original.aclose()


def test_with_options_rejects_what_it_cannot_change() -> None:
    clock = FakeClock()
    client = _v2(FakeServer(clock), clock)
    with pytest.raises(ConfigurationError, match=r"unknown setting.*limiter.*shared with the copy"):
        client.with_options(limiter=sp.NullLimiter())
    with pytest.raises(ConfigurationError, match=r"unknown setting.*colour"):
        client.with_options(colour="blue")
    with pytest.raises(ConfigurationError, match="context"):
        client.with_options(context="everyone")  # validated like the constructor
    # The remembered secret stays wrapped.
    assert SECRET not in repr(client._settings) and SECRET not in repr(client)


def test_v2_from_env() -> None:
    env = {
        "SELLERCENTER_BASE_URL": BASE,
        "SELLERCENTER_CLIENT_ID": "app-1",
        "SELLERCENTER_CLIENT_SECRET": SECRET,
        "SELLERCENTER_CONTEXT": "seller",
        "SELLERCENTER_REQUESTS_PER_WINDOW": "20",
        "SELLERCENTER_WINDOW": "2.5",
    }
    client = SellerCenterClient.from_env(environ=env, timeout=7.0)
    assert (client.base_url, client.client_id, client.context) == (BASE, "app-1", "seller")
    assert client._settings.requests_per_window == 20 and client._settings.window == 2.5
    assert client._settings.timeout == 7.0
    with pytest.raises(ConfigurationError, match="SELLERCENTER_CLIENT_ID, SELLERCENTER_CLIENT_SECRET"):
        SellerCenterClient.from_env(environ={"SELLERCENTER_BASE_URL": BASE})
    with pytest.raises(ConfigurationError, match="SELLERCENTER_WINDOW must be a number"):
        SellerCenterClient.from_env(environ={**env, "SELLERCENTER_WINDOW": "three"})


def test_legacy_from_env_and_copy() -> None:
    env = {"SELLERCENTER_BASE_URL": BASE, "SELLERCENTER_USER_ID": "me@example.com", "SELLERCENTER_API_KEY": SECRET}
    client = SellerCenterLegacyClient.from_env(environ=env)
    assert (client.base_url, client.user_id, client.format) == (BASE, "me@example.com", "JSON")
    copy = client.with_options(format="xml")
    assert copy.format == "XML" and copy._http is client._http and copy.limiter is client.limiter
    assert SECRET not in repr(copy._settings)
    with pytest.raises(ConfigurationError, match="SELLERCENTER_API_KEY"):
        SellerCenterLegacyClient.from_env(environ={k: v for k, v in env.items() if k != "SELLERCENTER_API_KEY"})
