"""Seller Center under /sellercenter: v2 OAuth + offset pagination, and the legacy signed API with E429."""

from __future__ import annotations

import base64
from typing import Any

import httpx

from spapi_async.emulator import legacy_signature
from spapi_async.emulator.sellercenter import DEMO_API_KEY, DEMO_CLIENT, DEMO_USER
from spapi_async.sellercenter.auth import legacy_timestamp

from .helpers import emulator, http_for


async def _bearer(http: httpx.AsyncClient) -> dict[str, str]:
    basic = base64.b64encode(f"{DEMO_CLIENT[0]}:{DEMO_CLIENT[1]}".encode()).decode()
    r = await http.post(
        "/sellercenter/oauth/client-credentials",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert r.status_code == 200 and r.json()["expires_in"] == 3600
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


async def test_v2_orders_page_by_offset_until_has_next_is_false() -> None:
    emu, clock = emulator(orders=45)
    async with http_for(emu) as http:
        headers = await _bearer(http)
        seen: list[str] = []
        offset = 0
        while True:
            page = (
                await http.get("/sellercenter/v2/orders", params={"limit": 20, "offset": offset}, headers=headers)
            ).json()
            seen += [o["uuid"] for o in page["items"]]
            assert page["pagination"]["limit"] == 20 and page["pagination"]["offset"] == offset
            if not page["pagination"]["hasNext"]:
                break
            offset += 20
            clock.advance(1)
        assert seen == [o.order_id for o in emu.world.orders]
        products = (await http.get("/sellercenter/v2/product-sets", params={"limit": 5}, headers=headers)).json()
        assert products["pagination"]["totalCount"] == len(emu.world.products) and len(products["items"]) == 5
        r = await http.get("/sellercenter/v2/orders")
        assert r.status_code == 401 and r.json()["status"] == 401 and r.json()["title"]
        bad = base64.b64encode(b"demo-sc-client:wrong").decode()
        r = await http.post("/sellercenter/oauth/client-credentials", data={"grant_type": "client_credentials"},
                            headers={"Authorization": f"Basic {bad}"})  # fmt: skip
        assert r.status_code == 401


async def test_v2_answers_429_past_its_window() -> None:
    emu, _ = emulator()
    async with http_for(emu) as http:
        headers = await _bearer(http)
        codes = [
            (await http.get("/sellercenter/v2/orders", params={"limit": 1}, headers=headers)).status_code
            for _ in range(31)
        ]
    assert codes == [200] * 30 + [429]


def _signed(action: str, timestamp: str, key: str = DEMO_API_KEY, **extra: str) -> dict[str, Any]:
    params = {
        "Action": action,
        "UserID": DEMO_USER,
        "Version": "1.0",
        "Format": "JSON",
        "Timestamp": timestamp,
        **extra,
    }
    return {**params, "Signature": legacy_signature(params, key)}


def _at(clock: Any, offset: float = 0.0) -> str:
    return legacy_timestamp(clock.time() + offset)


async def test_legacy_verifies_signatures_and_answers_e429_past_30_requests_per_3_seconds() -> None:
    emu, clock = emulator()
    async with http_for(emu) as http:
        ok = await http.get("/sellercenter/legacy", params=_signed("GetProducts", _at(clock), Limit="3"))
        body = ok.json()["SuccessResponse"]
        assert (
            body["Head"]["TotalCount"] == str(len(emu.world.products)) and len(body["Body"]["Products"]["Product"]) == 3
        )
        forged = await http.get("/sellercenter/legacy", params=_signed("GetProducts", _at(clock), key="x"))
        assert forged.json()["ErrorResponse"]["Head"]["ErrorMessage"].startswith("E007")
        tampered = _signed("GetOrders", _at(clock))
        tampered["Limit"] = "5"
        assert "ErrorResponse" in (await http.get("/sellercenter/legacy", params=tampered)).json()
        answers = [
            await http.get("/sellercenter/legacy", params=_signed("GetOrders", _at(clock, -n))) for n in range(30)
        ]
        assert [a.status_code for a in answers] == [200] * 29 + [429]  # the first GetProducts counted too
        assert answers[-1].json()["ErrorResponse"]["Head"]["ErrorMessage"] == "E429: Too many requests"
        clock.advance(3)
        assert (await http.get("/sellercenter/legacy", params=_signed("GetOrders", _at(clock)))).status_code == 200
    assert emu.snapshot()["operations"]["sellercenter.legacy.GetOrders"]["throttled"] == 1
