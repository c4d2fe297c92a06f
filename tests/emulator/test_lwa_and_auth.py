"""LWA as the emulator plays it: grants, strict mode with LWA's error shape, token lifetime and expiry, RDTs."""

from __future__ import annotations

import pytest

import spapi_async as sp

from .helpers import US, client_for, emulator, http_for, token


async def test_any_credentials_work_by_default_and_each_refresh_token_is_its_own_partner() -> None:
    emu, _ = emulator(sandbox=True)  # 5 rps / burst 15 for every operation
    async with client_for(emu, refresh_token="Atzr|one") as one, client_for(emu, refresh_token="Atzr|two") as two:
        for _ in range(15):
            await one.request("GET", "/sellers/v1/marketplaceParticipations")
        with pytest.raises(sp.ThrottledError):
            await one.request("GET", "/sellers/v1/marketplaceParticipations", retry=sp.RetryPolicy(max_attempts=1))
        # the other selling partner has a full bucket of its own
        response = await two.request("GET", "/sellers/v1/marketplaceParticipations")
        assert response.json()["payload"][0]["marketplace"]["id"] == US


async def test_grants_refresh_client_credentials_and_authorization_code() -> None:
    emu, _ = emulator(token_lifetime=600)
    async with http_for(emu) as http:
        r = await http.post(
            "/auth/o2/token",
            data={"grant_type": "client_credentials", "client_id": "a", "client_secret": "b",
                  "scope": "sellingpartnerapi::notifications"},
        )  # fmt: skip
        assert r.status_code == 200 and r.json()["expires_in"] == 600 and r.json()["token_type"] == "bearer"
        r = await http.post(
            "/auth/o2/token",
            data={"grant_type": "authorization_code", "client_id": "a", "client_secret": "b", "code": "xyz"},
        )
        assert r.status_code == 200
        assert r.json()["refresh_token"].startswith("Atzr|") and r.json()["access_token"].startswith("Atza|")
        r = await http.post("/auth/o2/token", data={"grant_type": "password", "client_id": "a", "client_secret": "b"})
        assert r.status_code == 400 and r.json()["error"] == "unsupported_grant_type"


async def test_strict_mode_answers_wrong_credentials_with_lwa_errors() -> None:
    emu, _ = emulator(strict=True, credentials={"app-1": "secret-1"}, refresh_tokens=["Atzr|good"])
    async with http_for(emu) as http:
        good = {"grant_type": "refresh_token", "client_id": "app-1", "client_secret": "secret-1"}
        assert (await http.post("/auth/o2/token", data={**good, "refresh_token": "Atzr|good"})).status_code == 200
        r = await http.post("/auth/o2/token", data={**good, "refresh_token": "Atzr|bad"})
        assert r.status_code == 400 and r.json()["error"] == "invalid_grant" and "error_description" in r.json()
        r = await http.post("/auth/o2/token", data={**good, "client_secret": "nope", "refresh_token": "Atzr|good"})
        assert r.status_code == 401 and r.json()["error"] == "invalid_client"
        code = emu.new_authorization_code("app-1")
        form = {"grant_type": "authorization_code", "client_id": "app-1", "client_secret": "secret-1", "code": code}
        assert (await http.post("/auth/o2/token", data=form)).status_code == 200
        assert (await http.post("/auth/o2/token", data=form)).status_code == 400  # a code is used once
    async with client_for(emu, refresh_token="Atzr|bad", client_secret="secret-1") as client:
        with pytest.raises(sp.AuthError) as info:
            await client.request("GET", "/sellers/v1/marketplaceParticipations")
        assert info.value.errors[0].code == "invalid_grant"


async def test_missing_unknown_and_expired_tokens_are_403_with_amazons_shape() -> None:
    emu, clock = emulator(token_lifetime=60)
    async with http_for(emu) as http:
        r = await http.get("/sellers/v1/marketplaceParticipations")
        assert r.status_code == 403 and r.json()["errors"][0]["code"] == "Unauthorized"
        assert r.headers["x-amzn-RequestId"]
        r = await http.get("/sellers/v1/marketplaceParticipations", headers={"x-amz-access-token": "Atza|forged"})
        assert r.status_code == 403
        access = await token(http)
        ok = await http.get("/sellers/v1/marketplaceParticipations", headers={"x-amz-access-token": access})
        assert ok.status_code == 200
        clock.advance(61)
        r = await http.get("/sellers/v1/marketplaceParticipations", headers={"x-amz-access-token": access})
        assert r.status_code == 403 and "expired" in r.json()["errors"][0]["details"]


async def test_grantless_tokens_only_open_grantless_operations() -> None:
    emu, _ = emulator()
    async with client_for(emu, grantless_scopes=["sellingpartnerapi::notifications"]) as client:
        created = await client.request(
            "POST",
            "/notifications/v1/destinations",
            json={"name": "q", "resourceSpecification": {"sqs": {"arn": "arn:aws:sqs:us-east-1:123456789012:q"}}},
        )
        dest = created.json()["payload"]
        listed = await client.request("GET", "/notifications/v1/destinations")
        assert listed.json()["payload"] == [dest]
    async with http_for(emu) as http:
        access = await token(http, grant_type="client_credentials", scope="sellingpartnerapi::notifications")
        r = await http.get("/sellers/v1/marketplaceParticipations", headers={"x-amz-access-token": access})
        assert r.status_code == 403


async def test_pii_needs_a_restricted_data_token() -> None:
    emu, _ = emulator(restricted_roles=True)
    order_id = next(o for o in emu.world.orders if o.status == "Shipped").order_id
    async with http_for(emu) as http:
        access = await token(http)
        plain = {"x-amz-access-token": access}
        r = await http.get(f"/orders/v0/orders/{order_id}/address", headers=plain)
        assert r.status_code == 403
        r = await http.get(f"/orders/v0/orders/{order_id}", headers=plain)
        assert r.status_code == 200 and "BuyerInfo" not in r.json()["payload"]
        rdt = await http.post(
            "/tokens/2021-03-01/restrictedDataToken",
            headers=plain,
            json={"restrictedResources": [
                {"method": "GET", "path": "/orders/v0/orders/{orderId}", "dataElements": ["buyerInfo", "shippingAddress"]},  # noqa: E501
                {"method": "GET", "path": "/orders/v0/orders/{orderId}/address"},
            ]},
        )  # fmt: skip
        assert rdt.status_code == 200, rdt.text
        restricted = {"x-amz-access-token": rdt.json()["restrictedDataToken"]}
        r = await http.get(f"/orders/v0/orders/{order_id}", headers=restricted)
        payload = r.json()["payload"]
        assert payload["BuyerInfo"]["BuyerEmail"].endswith("@marketplace.amazon.com")
        assert payload["ShippingAddress"]["AddressLine1"]
        r = await http.get(f"/orders/v0/orders/{order_id}/address", headers=restricted)
        assert r.status_code == 200 and r.json()["payload"]["ShippingAddress"]["Name"]
        # an RDT opens only the resources it names
        r = await http.get("/sellers/v1/marketplaceParticipations", headers=restricted)
        assert r.status_code == 403
        bad = await http.post(
            "/tokens/2021-03-01/restrictedDataToken",
            headers=plain,
            json={"restrictedResources": [{"method": "GET", "path": "/sellers/v1/marketplaceParticipations"}]},
        )
        assert bad.status_code == 400


async def test_the_client_fetches_an_rdt_by_itself_for_restricted_operations() -> None:
    emu, _ = emulator(restricted_roles=True)
    order = next(o for o in emu.world.orders if o.status == "Shipped")
    async with client_for(emu) as client:
        r = await client.request("GET", f"/orders/v0/orders/{order.order_id}", data_elements=("buyerInfo",))
        assert r.json()["payload"]["BuyerInfo"]["BuyerName"] == order.buyer_name
        r = await client.request("GET", f"/orders/v0/orders/{order.order_id}/address")
        assert r.json()["payload"]["ShippingAddress"]["City"] == order.city
    assert emu.snapshot()["operations"]["tokens_2021_03_01.create_restricted_data_token"]["ok"] == 2


async def test_a_token_the_server_expired_early_is_replaced_by_the_client() -> None:
    emu, _ = emulator()
    async with client_for(emu) as client:
        await client.request("GET", "/sellers/v1/marketplaceParticipations")
        emu.issuer.expire_all()  # the cached access token is now refused with "...has expired."
        response = await client.request("GET", "/sellers/v1/marketplaceParticipations")
        assert response.status_code == 200
    assert emu.snapshot()["totals"]["lwa_tokens"] == 2
