"""SigV4 end to end: the client signs every attempt afresh (asyncio and trio), and what is signed is what arrives
over a real socket with either HTTP backend."""

from __future__ import annotations

import json
import logging

import anyio
import httpx
import pytest
import respx
import sniffio

import spapi_async as sp
from spapi_async.client import HttpBackend
from spapi_async.retry import RetryPolicy
from tests.loopback import LoopbackServer, Reply

from .sigv4_harness import (
    ACCESS_KEY,
    API,
    FIXED_TS,
    LWA,
    SECRET_KEY,
    SESSION_TOKEN,
    FakeClock,
    botocore_authorization,
    eu_client,
    lwa_ok,
)


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_client_signs_every_attempt(backend: str, caplog: pytest.LogCaptureFixture) -> None:
    # A plain test running its body with anyio.run: pytest-asyncio's auto mode would run an async test on asyncio.
    anyio.run(_client_signs_every_attempt, caplog, backend, backend=backend)


async def _client_signs_every_attempt(caplog: pytest.LogCaptureFixture, backend: str) -> None:
    assert sniffio.current_async_library() == backend
    caplog.set_level(logging.DEBUG)
    clock = FakeClock(FIXED_TS)
    seen: list[httpx.Request] = []
    answers = iter(
        [
            httpx.Response(429, json={"errors": [{"code": "QuotaExceeded", "message": "slow down"}]}),
            httpx.Response(200, json={"payload": []}),
        ]
    )

    def api(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return next(answers)

    with respx.mock(assert_all_called=True) as mock:
        mock.post(LWA).mock(side_effect=lambda request: lwa_ok())
        mock.get(url__startswith=API).mock(side_effect=api)
        client = eu_client(
            aws_session_token=SESSION_TOKEN,
            retry=RetryPolicy(max_attempts=3, backoff=2.0, jitter=False),
            clock=clock,
            use_rdt=False,  # getOrders is restricted; this test is about signing, not RDTs
            limiter=sp.NullLimiter(),  # the retry waits the policy's 2 s backoff, not getOrders' next token (60 s)
        )
        async with client:
            response = await client.request(
                "GET", "/orders/v0/orders", params={"MarketplaceIds": "A1PA6795UKMFR9", "q": "a b"}
            )
            texts = [repr(client), repr(client.config), str(client.config), repr(client.transport.signer)]
    texts.append(caplog.text)  # everything logged while the client ran (before botocore's reference signer logs)
    assert response.status_code == 200
    assert "retrying GET /orders/v0/orders" in texts[-1]  # the log was captured, so the check below means something
    assert len(seen) == 2
    dates = [r.headers["x-amz-date"] for r in seen]
    assert dates == ["20260314T150926Z", "20260314T150928Z"]  # the retry waited 2 s and was signed afresh
    for request in seen:
        assert request.headers["x-amz-security-token"] == SESSION_TOKEN
        assert request.headers["x-amz-access-token"] == "Atza|e2e-access-token"
        assert request.headers["authorization"] == botocore_authorization(
            request, region="eu-west-1", access_key=ACCESS_KEY, secret_key=SECRET_KEY, token=SESSION_TOKEN
        )
    secrets = [SECRET_KEY, SESSION_TOKEN, ACCESS_KEY, "client-secret-value", "Atzr|refresh-token-value", "e2e-access"]
    for text in texts:
        for secret in secrets:
            assert secret not in text


@pytest.mark.parametrize("backend", ["httpx", "aiohttp"])
async def test_what_is_signed_is_what_arrives(backend: HttpBackend) -> None:
    """Over a real socket, with either HTTP backend: the server can verify the signature from the bytes it got."""
    with LoopbackServer() as server:
        server.script([Reply.json(200, json.dumps({"access_token": "Atza|wire", "expires_in": 3600}))])
        async with sp.SPAPIClient(
            "amzn1.application-oa2-client.wire",
            "client-secret-value",
            "Atzr|refresh-token-value",
            region="fe",
            endpoint=server.url,
            lwa_endpoint=server.url + "/auth/o2/token",
            aws_access_key=ACCESS_KEY,
            aws_secret_key=SECRET_KEY,
            http_backend=backend,
        ) as client:
            await client.request(
                "PATCH",
                "/listings/2021-08-01/items/A3SELLER/SKU%20%2F%C3%BC%2B1",
                params=[("marketplaceIds", "A1VC38T7YXB528,A39IBJ37TRP1C6"), ("includedData", "issues attributes")],
                json={"patches": [{"op": "replace", "path": "/attributes/item_name", "value": ["naïve ~ 100%"]}]},
            )
        seen = server.requests[-1]
    assert seen.method == "PATCH"
    assert seen.path == "/listings/2021-08-01/items/A3SELLER/SKU%20%2F%C3%BC%2B1"
    arrived = httpx.Request(seen.method, server.url + seen.target, headers=seen.headers, content=seen.body)
    assert seen.headers["authorization"] == botocore_authorization(
        arrived, region="us-west-2", access_key=ACCESS_KEY, secret_key=SECRET_KEY
    )
