"""The emulator's legacy Seller Center API refuses what Seller Center refuses: a Timestamp outside the tolerance
(E003), a Timestamp that is no date at all (E003), and a captured signed request sent again (E007); our own legacy
client, which signs each request with a fresh Timestamp, keeps working."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.emulator import legacy_signature
from spapi_async.emulator.sellercenter import DEMO_API_KEY, DEMO_USER
from spapi_async.emulator.sellercenter_replay import TIMESTAMP_TOLERANCE
from spapi_async.sellercenter.auth import legacy_timestamp

from .helpers import BASE, emulator, http_for


def _signed(timestamp: str, action: str = "GetBrands", **extra: str) -> dict[str, Any]:
    params = {"Action": action, "UserID": DEMO_USER, "Version": "1.0", "Format": "JSON", "Timestamp": timestamp}
    params |= extra
    return {**params, "Signature": legacy_signature(params, DEMO_API_KEY)}


def _code(response: httpx.Response) -> str | None:
    body = response.json()
    if "ErrorResponse" not in body:
        return None
    return str(body["ErrorResponse"]["Head"]["ErrorMessage"]).split(":", 1)[0]


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, None),
        (-TIMESTAMP_TOLERANCE + 1, None),
        (TIMESTAMP_TOLERANCE - 1, None),
        (-TIMESTAMP_TOLERANCE - 1, "E003"),
        (TIMESTAMP_TOLERANCE + 1, "E003"),
    ],
)
async def test_timestamps_outside_the_tolerance_are_refused_with_e003(offset: float, expected: str | None) -> None:
    emu, clock = emulator()
    async with http_for(emu) as http:
        r = await http.get("/sellercenter/legacy", params=_signed(legacy_timestamp(clock.time() + offset)))
    assert _code(r) == expected


@pytest.mark.parametrize("timestamp", ["1970-01-01T00:00:00+00:00", "not-a-time", "2026-01-01", ""])
async def test_ancient_and_malformed_timestamps_are_refused(timestamp: str) -> None:
    emu, _ = emulator()
    async with http_for(emu) as http:
        r = await http.get("/sellercenter/legacy", params=_signed(timestamp))
    assert _code(r) in {"E003", "E001"}  # E001: an empty Timestamp is a missing one
    assert _code(r) == ("E001" if timestamp == "" else "E003")
    assert "SuccessResponse" not in r.json()


async def test_a_replayed_request_is_refused_within_the_tolerance_and_after_it() -> None:
    emu, clock = emulator()
    captured = _signed(legacy_timestamp(clock.time()))
    async with http_for(emu) as http:
        first = await http.get("/sellercenter/legacy", params=captured)
        assert _code(first) is None
        clock.advance(5)
        replay = await http.get("/sellercenter/legacy", params=captured)
        assert _code(replay) == "E007"
        assert replay.status_code == 403
        assert "already used" in replay.json()["ErrorResponse"]["Head"]["ErrorMessage"]
        clock.advance(TIMESTAMP_TOLERANCE)
        late = await http.get("/sellercenter/legacy", params=captured)
        assert _code(late) == "E003"  # once its Timestamp has aged out, the old signature is simply expired
        fresh = await http.get("/sellercenter/legacy", params=_signed(legacy_timestamp(clock.time())))
        assert _code(fresh) is None


async def test_a_forged_signature_does_not_use_up_the_real_one() -> None:
    emu, clock = emulator()
    genuine = _signed(legacy_timestamp(clock.time()))
    forged = dict(genuine, Signature="0" * 64)
    async with http_for(emu) as http:
        assert _code(await http.get("/sellercenter/legacy", params=forged)) == "E007"
        assert _code(await http.get("/sellercenter/legacy", params=genuine)) is None


async def test_our_legacy_client_sends_identical_calls_in_one_second_without_tripping_the_replay_check() -> None:
    emu, _clock = emulator()  # the clock does not move: every call falls in the same second
    async with (
        http_for(emu) as http,
        sp.SellerCenterLegacyClient(
            f"{BASE}/sellercenter", DEMO_USER, DEMO_API_KEY, http_client=http, clock=emu.clock
        ) as client,
    ):
        for _ in range(5):
            result = await client.call("GetBrands")
            assert result.body["Brands"]["Brand"]
        products = [p async for p in client.get_products(limit=50)]
        assert len(products) == len(emu.world.products)
