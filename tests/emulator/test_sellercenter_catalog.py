"""What README's Seller Center example needs from the emulator: any credentials, brands (v2 and legacy GetBrands)
and stock updates that change what later reads return."""

from __future__ import annotations

import pytest

import spapi_async as sp
from spapi_async.emulator.sellercenter import DEMO_CLIENT

from .helpers import BASE, emulator, http_for


async def test_any_client_credentials_work_but_a_registered_client_needs_its_secret() -> None:
    emu, _ = emulator()
    async with http_for(emu) as http:
        async with sp.SellerCenterClient(f"{BASE}/sellercenter", "any-id", "any-secret", http_client=http) as sc:
            r = await sc.request("GET", "/v2/brands", params={"limit": 10, "offset": 0})
            assert r.status_code == 200
        async with sp.SellerCenterClient(f"{BASE}/sellercenter", DEMO_CLIENT[0], "wrong", http_client=http) as sc:
            with pytest.raises(sp.AuthError):
                await sc.request("GET", "/v2/brands", params={"limit": 10, "offset": 0})


async def test_a_strict_emulator_accepts_only_registered_credentials() -> None:
    emu, _ = emulator(strict=True)
    async with http_for(emu) as http:
        async with sp.SellerCenterClient(f"{BASE}/sellercenter", "any-id", "any-secret", http_client=http) as sc:
            with pytest.raises(sp.AuthError):
                await sc.request("GET", "/v2/brands", params={"limit": 1, "offset": 0})
        async with sp.SellerCenterLegacyClient(f"{BASE}/sellercenter", "me@shop.com", "k", http_client=http) as lg:
            with pytest.raises(sp.SellerCenterLegacyError) as info:
                await lg.call("GetBrands")
            assert info.value.code == "E007"


async def test_brands_page_by_offset_and_match_the_catalogue_and_legacy_get_brands() -> None:
    emu, _ = emulator()
    names = sorted({p.brand for p in emu.world.products})
    async with http_for(emu) as http:
        async with sp.SellerCenterClient(f"{BASE}/sellercenter", "id", "secret", http_client=http) as sc:
            first = (await sc.request("GET", "/v2/brands", params={"limit": 2, "offset": 0})).json()
            assert first["pagination"] == {"limit": 2, "offset": 0, "totalCount": len(names)}
            listed = [b.name async for b in sc.brands.get_brands(limit=2)]
            assert listed == names
            found = (await sc.request("GET", "/v2/brands", params={"limit": 10, "offset": 0, "name": names[0]})).json()
            assert [b["name"] for b in found["items"]] == [names[0]]
        async with sp.SellerCenterLegacyClient(
            f"{BASE}/sellercenter", "me@shop.com", "any-key", http_client=http, clock=emu.clock
        ) as legacy:
            brands = await legacy.call("GetBrands")
            assert [b["Name"] for b in brands.body["Brands"]["Brand"]] == names


async def test_stock_updates_change_what_is_read_back_and_unknown_products_are_reported() -> None:
    emu, _ = emulator(products=30)
    async with http_for(emu) as http:
        async with sp.SellerCenterClient(f"{BASE}/sellercenter", "id", "secret", http_client=http) as sc:
            items = [{"productId": n, "quantity": 1000 + n} for n in range(1, 31)]
            result = await sc.update_stock(
                [*items, {"productId": 999, "quantity": 5}, {"productId": 2, "quantity": -1}]
            )
            assert result.calls == 1
            assert result.not_updated == [{"productId": 999, "quantity": 5}, {"productId": 2, "quantity": -1}]
            read = (await sc.request("GET", "/v2/stock/product/7")).json()
            assert read["quantity"] == 1007 and read["sellerSku"] == emu.world.products[6].sku
            with pytest.raises(sp.SellerCenterError) as info:
                await sc.request("GET", "/v2/stock/product/999")
            assert info.value.status_code == 404
            many = await sc.update_stock([{"productId": 1, "quantity": q} for q in range(150)])
            assert many.calls == 2 and many.ok
            assert (await sc.request("GET", "/v2/stock/product/1")).json()["quantity"] == 149
        async with sp.SellerCenterLegacyClient(
            f"{BASE}/sellercenter", "me@shop.com", "any-key", http_client=http, clock=emu.clock
        ) as legacy:
            products = [p async for p in legacy.get_products(limit=100)]
            assert len(products) == 30
            quantities = (await legacy.call("GetProducts", Limit=3)).body["Products"]["Product"]
            assert [q["Quantity"] for q in quantities] == ["149", "1002", "1003"]


async def test_a_stock_read_is_found_by_its_template_not_by_the_last_segment_of_any_longer_path() -> None:
    # The old prefix test answered GET /v2/stock/product/1/2 with product 2's stock; it is no operation.
    emu, _ = emulator(products=5)
    async with (
        http_for(emu) as http,
        sp.SellerCenterClient(f"{BASE}/sellercenter", "id", "secret", http_client=http) as sc,
    ):
        with pytest.raises(sp.SellerCenterError) as info:
            await sc.request("GET", "/v2/stock/product/1/2")
        assert info.value.problem["status"] == 404
        assert info.value.detail == "No route GET /v2/stock/product/1/2"
        assert (await sc.request("GET", "/v2/stock/product/2")).json()["sellerSku"] == emu.world.products[1].sku
        # one trailing slash is the same route, as for every other route
        slash = (await sc.request("GET", "/v2/brands/", params={"limit": 2, "offset": 0})).json()
        plain = (await sc.request("GET", "/v2/brands", params={"limit": 2, "offset": 0})).json()
        assert slash == plain
