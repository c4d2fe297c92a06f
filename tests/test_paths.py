"""Paths mean what they say: a path parameter that is None, empty, ``.`` or ``..`` raises ConfigurationError before
any I/O, in generated SP-API methods, ``client.request(path_params=...)`` and both kinds of Seller Center call."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.sellercenter import SellerCenterClient
from spapi_async.throttle.base import NullLimiter

from .fakes import InstantClock, fake_client

BAD = [None, "", ".", ".."]
SC_BASE = "http://127.0.0.1:9"


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path.endswith(("/auth/o2/token", "/oauth/client-credentials")):
            return httpx.Response(200, json={"access_token": "SECRET-token", "expires_in": 3600})
        if request.url.path == "/tokens/2021-03-01/restrictedDataToken":
            return httpx.Response(200, json={"restrictedDataToken": "SECRET-rdt", "expiresIn": 3600})
        return httpx.Response(200, json={"payload": {}})


def _spapi(recorder: Recorder) -> sp.SPAPIClient:
    return fake_client(httpx.AsyncClient(transport=httpx.MockTransport(recorder)), limiter=NullLimiter())


def _seller_center(recorder: Recorder) -> SellerCenterClient:
    return SellerCenterClient(
        SC_BASE,
        "app",
        "SECRET-app",
        token_url=f"{SC_BASE}/oauth/client-credentials",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)),
        clock=InstantClock(),
        limiter=NullLimiter(),
    )


@pytest.mark.parametrize("value", ["", ".", ".."])  # None was already refused as a missing argument
async def test_generated_methods_refuse_dot_and_empty_path_parameters(value: str) -> None:
    recorder = Recorder()
    async with _spapi(recorder) as client:
        with pytest.raises(sp.ConfigurationError, match="order_id"):
            await client.orders_v0.get_order(order_id=value)
        with pytest.raises(sp.ConfigurationError, match="sku"):
            await client.listings_items_2021_08_01.delete_listings_item(
                seller_id="A1", sku=value, marketplace_ids=["ATVPDKIKX0DER"]
            )
        with pytest.raises(sp.ConfigurationError, match="order_id"):
            client.orders_v0.get_order_items(order_id=value)  # a paginator: refused when it is made
        assert recorder.requests == []
        # Dots inside a value are fine: the value is one segment, slashes encoded.
        await client.listings_items_2021_08_01.delete_listings_item(
            seller_id="A1", sku="a/../b.", marketplace_ids=["ATVPDKIKX0DER"]
        )
    sent = [r for r in recorder.requests if r.url.path.startswith("/listings")]
    assert sent[0].url.raw_path.decode().startswith("/listings/2021-08-01/items/A1/a%2F..%2Fb.?")


@pytest.mark.parametrize("value", BAD)
async def test_request_refuses_bad_path_params(value: Any) -> None:
    recorder = Recorder()
    async with _spapi(recorder) as client:
        with pytest.raises(sp.ConfigurationError, match="orderId"):
            await client.request("GET", "/orders/v0/orders/{orderId}", path_params={"orderId": value})
    assert recorder.requests == []


async def test_request_path_params_and_literal_dot_segments() -> None:
    recorder = Recorder()
    async with _spapi(recorder) as client:
        for path in ("/orders/v0/orders/..", "/orders/v0/./orders", "/orders/v0/orders/../x"):
            with pytest.raises(sp.ConfigurationError, match="path"):
                await client.request("GET", path)
        with pytest.raises(sp.ConfigurationError, match="orderId"):
            await client.request("GET", "/orders/v0/orders/{orderId}", path_params={})
        with pytest.raises(sp.ConfigurationError, match="extra"):
            await client.request("GET", "/orders/v0/orders/{orderId}", path_params={"orderId": "1", "extra": "2"})
        assert recorder.requests == []
        await client.request("GET", "/orders/v0/orders/{orderId}", path_params={"orderId": "902-1/2"})
    sent = [r for r in recorder.requests if r.url.path.startswith("/orders")]
    assert [r.url.raw_path for r in sent] == [b"/orders/v0/orders/902-1%2F2"]


@pytest.mark.parametrize("value", BAD)
async def test_seller_center_refuses_bad_path_parameters(value: Any) -> None:
    recorder = Recorder()
    async with _seller_center(recorder) as client:
        with pytest.raises(sp.ConfigurationError, match="order_id"):
            await client.orders.get_order_finance(order_id=value)
        with pytest.raises(sp.ConfigurationError, match="country"):
            await client.set_price(1, value, price=1.0, sale_price=None, sale_start_date=None, sale_end_date=None)
        with pytest.raises(sp.ConfigurationError, match="id"):
            await client.request("GET", "/v2/product/{id}", path_params={"id": value})
        with pytest.raises(sp.ConfigurationError, match="path"):
            await client.request("GET", "/v2/product/..")
    assert recorder.requests == []
