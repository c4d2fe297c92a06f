"""SellerCenterClient against a fake server (httpx.MockTransport): configuration, OAuth, helpers, generated methods.
Errors and retries: ``test_v2_errors.py``; pagination: ``test_v2_pagination.py``; fixtures: ``conftest.py``."""

from __future__ import annotations

import json
import logging
from typing import Any

import anyio
import httpx
import pytest

import spapi_async as sp
from spapi_async.errors import ConfigurationError, UnauthorizedError
from spapi_async.sellercenter import SellerCenterClient, default_token_url
from spapi_async.throttle.base import NullLimiter

from .fakes import BASE, FakeClock, FakeServer, problem


def test_default_token_url_follows_the_instance_naming() -> None:
    assert default_token_url(httpx.URL("https://sellercenter-api.zalora.com.my")) == (
        "https://sellercenter.zalora.com.my/oauth/client-credentials"
    )
    assert default_token_url(httpx.URL("https://sellercenter-api-staging.theiconic.com.au/")) == (
        "https://sellercenter-staging.theiconic.com.au/oauth/client-credentials"
    )
    assert default_token_url(httpx.URL("https://api.sellercenter.com.br")) == (
        "https://sellercenter.com.br/oauth/client-credentials"
    )
    assert default_token_url(httpx.URL("http://127.0.0.1:8123/sellercenter")) == (
        "http://127.0.0.1:8123/sellercenter/oauth/client-credentials"
    )


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"base_url": ""}, "base_url"),
        ({"base_url": "ftp://x"}, "http(s)"),
        ({"client_id": ""}, "client_id"),
        ({"client_secret": " "}, "client_secret"),
        ({"context": "root"}, "context"),
        ({"requests_per_window": 0}, "requests_per_window"),
        ({"window": 0}, "window"),
    ],
)
def test_bad_configuration_fails_before_any_request(kwargs: dict[str, Any], fragment: str) -> None:
    args: dict[str, Any] = {"base_url": BASE, "client_id": "a", "client_secret": "b", **kwargs}
    with pytest.raises(ConfigurationError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        SellerCenterClient(**args)


def test_secret_never_in_repr() -> None:
    c = SellerCenterClient(BASE, "app", "very-secret-value")
    assert "very-secret-value" not in repr(c)
    assert "very-secret-value" not in repr(c._auth)
    assert "very-secret-value" not in repr(c.transport.signer)


async def test_token_is_fetched_once_cached_and_sent_as_bearer(
    client: SellerCenterClient, server: FakeServer, clock: FakeClock
) -> None:
    server.routes[("GET", "/v2/health")] = lambda r: httpx.Response(200, json={"status": "ok"})
    for _ in range(3):
        response = await client.request("GET", "/v2/health")
        assert response.json() == {"status": "ok"}
    assert server.tokens_issued == 1
    token_request = server.requests[0]
    assert token_request.path == "/oauth/client-credentials"
    assert token_request.body == b"grant_type=client_credentials"
    assert token_request.headers["authorization"].startswith("Basic ")
    assert [r.headers["authorization"] for r in server.api_requests()] == ["Bearer token-1"] * 3
    # Shortly before expires_in (3600 s, refreshed 60 s early) a new token is fetched.
    clock.now += 3600 - 61
    await client.request("GET", "/v2/health")
    assert server.tokens_issued == 1
    clock.now += 2
    await client.request("GET", "/v2/health")
    assert server.tokens_issued == 2
    assert server.api_requests()[-1].headers["authorization"] == "Bearer token-2"


async def test_concurrent_first_calls_share_one_token_request(server: FakeServer, clock: FakeClock) -> None:
    server.routes[("GET", "/v2/health")] = lambda r: httpx.Response(200, json={})
    server.token_delay = 0.01  # keep the first token request in flight while the others arrive
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    client = SellerCenterClient(BASE, server.client_id, server.client_secret, http_client=http, clock=clock)
    async with client as c, anyio.create_task_group() as tg:
        for _ in range(20):
            tg.start_soon(c.request, "GET", "/v2/health")
    await http.aclose()
    assert server.tokens_issued == 1
    assert len(server.api_requests()) == 20


async def test_rejected_token_is_dropped_and_the_call_retried_once(
    client: SellerCenterClient, server: FakeServer
) -> None:
    seen: list[str] = []

    def health(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        if request.headers["authorization"] == "Bearer token-1":
            return problem(401, "Unauthorized", "token revoked")
        return httpx.Response(200, json={})

    server.routes[("GET", "/v2/health")] = health
    await client.request("GET", "/v2/health")
    assert seen == ["Bearer token-1", "Bearer token-2"]


async def test_token_endpoint_refusal_is_an_auth_error_without_the_secret(server: FakeServer, clock: FakeClock) -> None:
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    async with SellerCenterClient(BASE, server.client_id, "wrong-secret-xyz", http_client=http, clock=clock) as c:
        with pytest.raises(sp.AuthError) as info:
            await c.request("GET", "/v2/health")
    await http.aclose()
    assert info.value.status_code == 401
    assert "wrong-secret-xyz" not in str(info.value) + repr(info.value)


async def test_x_context_header(server: FakeServer, clock: FakeClock) -> None:
    server.routes[("GET", "/v2/health")] = lambda r: httpx.Response(200, json={})
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    async with SellerCenterClient(
        BASE, server.client_id, server.client_secret, http_client=http, clock=clock, context="admin"
    ) as c:
        await c.request("GET", "/v2/health")
    await http.aclose()
    assert server.api_requests()[0].headers["x-context"] == "admin"


async def test_update_stock_chunks_by_100_and_reports_not_updated(
    client: SellerCenterClient, server: FakeServer
) -> None:
    def stock(request: httpx.Request) -> httpx.Response:
        items = json.loads(request.content)
        assert len(items) <= 100
        # The server answers the items it did not update: here, those with a negative quantity.
        return httpx.Response(200, json=[i for i in items if i["quantity"] < 0])

    server.routes[("PUT", "/v2/stock/product")] = stock
    items = [{"productId": i, "quantity": -1 if i in (5, 150) else 3} for i in range(250)]
    result = await client.update_stock(items)
    assert (result.sent, result.calls) == (250, 3)
    assert [len(json.loads(r.body)) for r in server.api_requests()] == [100, 100, 50]
    assert result.not_updated == [{"productId": 5, "quantity": -1}, {"productId": 150, "quantity": -1}]
    assert not result.ok
    with pytest.raises(ConfigurationError):
        await client.update_stock([{"productId": 1}])


async def test_set_price_sends_every_field(client: SellerCenterClient, server: FakeServer) -> None:
    server.routes[("PUT", "/v2/product/7/prices/MY")] = lambda r: httpx.Response(200, json=json.loads(r.content))
    await client.set_price(7, "MY", price=10.5, sale_price=None, sale_start_date=None, sale_end_date=None)
    assert json.loads(server.api_requests()[0].body) == {
        "price": 10.5,
        "salePrice": None,
        "saleStartDate": None,
        "saleEndDate": None,
        "status": "active",
    }


async def test_generated_method_sends_typed_body_and_parses_the_model(
    client: SellerCenterClient, server: FakeServer
) -> None:
    from spapi_async.sellercenter.v2.product_price import PutProductPricesByCountryRequest

    server.routes[("PUT", "/v2/product/3/prices/SG")] = lambda r: httpx.Response(
        200, json={"productId": 3, "price": 9.9, "salePrice": None, "country": "SG", "unknownField": 1}
    )
    body = PutProductPricesByCountryRequest(price=9.9, sale_price=None)
    result = await client.product_price.put_product_prices_by_country(product_id=3, country="SG", body=body)
    # Only the fields that were set are sent; an explicit None goes out as null.
    assert json.loads(server.api_requests()[0].body) == {"price": 9.9, "salePrice": None}
    assert (result.product_id, result.price, result.country) == (3, 9.9, "SG")
    assert result.model_extra == {"unknownField": 1}


async def test_signed_endpoint_through_the_client(client: SellerCenterClient, server: FakeServer) -> None:
    server.routes[("POST", "/v2/finance/transaction")] = lambda r: httpx.Response(201, json={"id": 1})
    server.routes[("GET", "/v2/health")] = lambda r: httpx.Response(200, json={})
    result = await client.finance.post_finance_transaction(
        body={"sellerId": 1, "transactionTypeId": 2, "accountStatementGroupId": 3, "value": 1.5, "currency": "SGD"}
    )
    assert result.id == 1
    await client.request("GET", "/v2/health")
    signed, unsigned = server.api_requests()
    assert signed.headers["x-signature-algorithm"] == "HMAC-SHA256"
    assert len(signed.headers["x-nonce"]) == 40
    assert len(signed.headers["x-signature"]) == 64
    assert "x-signature" not in unsigned.headers


async def test_request_validates_path_and_closed_client(client: SellerCenterClient) -> None:
    with pytest.raises(ConfigurationError):
        await client.request("GET", "v2/health")
    await client.aclose()
    with pytest.raises(ConfigurationError, match="closed"):
        await client.request("GET", "/v2/health")


async def test_accepts_another_limiter_and_logs_no_token(
    server: FakeServer, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    server.routes[("GET", "/v2/health")] = lambda r: httpx.Response(200, json={})
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    caplog.set_level(logging.DEBUG, logger="spapi_async")
    async with SellerCenterClient(
        BASE, server.client_id, server.client_secret, http_client=http, clock=clock, limiter=NullLimiter()
    ) as c:
        assert isinstance(c.limiter, NullLimiter)
        await c.request("GET", "/v2/health")
    await http.aclose()
    assert "token-1" not in caplog.text
    assert server.client_secret not in caplog.text


async def test_401_from_api_after_refresh_raises_unauthorized(client: SellerCenterClient, server: FakeServer) -> None:
    server.routes[("GET", "/v2/health")] = lambda r: problem(401, "Unauthorized", "no")
    with pytest.raises(UnauthorizedError):
        await client.request("GET", "/v2/health")
    assert server.tokens_issued == 2


async def test_generated_multipart_upload(client: SellerCenterClient, server: FakeServer) -> None:
    server.routes[("POST", "/v2/import/product-update")] = lambda r: httpx.Response(200, json={"uuid": "u-1"})
    result = await client.imports.post_import_product_update(
        fields={"note": "x"}, files={"file": ("update.csv", b"sku;price\nA;1\n", "text/csv")}
    )
    assert result.model_dump(by_alias=True, exclude_none=True).get("uuid") == "u-1"
    sent = server.api_requests()[0]
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'filename="update.csv"' in sent.body
    assert b"sku;price\nA;1\n" in sent.body
    assert b'name="note"' in sent.body


async def test_generated_xml_upload_returns_the_raw_answer(client: SellerCenterClient, server: FakeServer) -> None:
    server.routes[("POST", "/v2/import/product-stock-update-xml")] = lambda r: httpx.Response(
        200, content=b"<SuccessResponse/>", headers={"content-type": "text/xml"}
    )
    xml = "<Request><Product><SellerSku>A</SellerSku><Quantity>1</Quantity></Product></Request>"
    answer = await client.imports.post_import_product_stock_update_xml(body=xml)
    assert answer == b"<SuccessResponse/>"
    sent = server.api_requests()[0]
    assert sent.headers["content-type"] == "text/xml; charset=utf-8"
    assert sent.body == xml.encode()
