"""Both Seller Center clients against the emulator's Seller Center routes, in process (httpx.ASGITransport)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

import spapi_async as sp
from spapi_async.emulator import Emulator
from spapi_async.emulator.sellercenter import DEMO_API_KEY, DEMO_CLIENT, DEMO_USER

BASE = "http://127.0.0.1"


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    emulator = Emulator(seed=3, orders=23, products=11, models=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=emulator.app)) as client:
        yield client


async def test_v2_client_against_the_emulator(http: httpx.AsyncClient) -> None:
    async with sp.SellerCenterClient(f"{BASE}/sellercenter", *DEMO_CLIENT, http_client=http) as client:
        assert client.token_url == f"{BASE}/sellercenter/oauth/client-credentials"
        orders = [o async for o in client.orders.get_orders(limit=5)]  # hasNext pages
        assert len(orders) == 23
        assert len({o.id for o in orders}) == 23
        product_sets = [p async for p in client.product_set.get_product_sets(limit=4)]  # totalCount pages
        assert len(product_sets) == 11
        with pytest.raises(sp.SellerCenterError) as info:
            await client.request("GET", "/v2/no-such-route")
        assert info.value.status_code == 404
        assert info.value.title == "Not Found"


async def test_v2_bad_client_secret_is_an_auth_error(http: httpx.AsyncClient) -> None:
    async with sp.SellerCenterClient(f"{BASE}/sellercenter", DEMO_CLIENT[0], "wrong", http_client=http) as client:
        with pytest.raises(sp.AuthError):
            await client.request("GET", "/v2/orders", params={"limit": 1, "offset": 0})


async def test_legacy_client_against_the_emulator(http: httpx.AsyncClient) -> None:
    url = f"{BASE}/sellercenter/legacy"
    async with sp.SellerCenterLegacyClient(url, DEMO_USER, DEMO_API_KEY, http_client=http) as client:
        products = [p async for p in client.get_products(limit=4)]
        assert len(products) == 11
        assert all(p.seller_sku for p in products)
        orders = [o async for o in client.get_orders(limit=10)]
        assert len(orders) == 23
        with pytest.raises(sp.SellerCenterLegacyError) as info:
            await client.call("NoSuchAction")
        assert info.value.code == "E008"
    async with sp.SellerCenterLegacyClient(url, DEMO_USER, "not-the-key", http_client=http) as client:
        with pytest.raises(sp.SellerCenterLegacyError) as info:
            await client.call("GetProducts")
        assert info.value.code == "E007"
