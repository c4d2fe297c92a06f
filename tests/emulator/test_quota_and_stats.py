"""Usage plans enforced server-side: token buckets per (application, partner, operation), time scale, 429 shape."""

from __future__ import annotations

import httpx

from .helpers import emulator, http_for, token

PATH = "/sellers/v1/marketplaceParticipations"  # 0.016 rps, burst 15


async def _burst(http: httpx.AsyncClient, headers: dict[str, str], n: int) -> list[httpx.Response]:
    return [await http.get(PATH, headers=headers) for _ in range(n)]


async def test_burst_then_429_with_amazons_body_and_headers_then_refill_at_the_scaled_rate() -> None:
    emu, clock = emulator(time_scale=10)
    async with http_for(emu) as http:
        headers = {"x-amz-access-token": await token(http)}
        answers = await _burst(http, headers, 16)
        assert [r.status_code for r in answers] == [200] * 15 + [429]
        throttled = answers[-1]
        assert throttled.json() == {
            "errors": [
                {
                    "code": "QuotaExceeded",
                    "message": "You exceeded your quota for the requested resource.",
                    "details": "",
                }
            ]
        }
        assert throttled.headers["x-amzn-RateLimit-Limit"] == "0.16"
        assert throttled.headers["x-amzn-RequestId"]
        assert answers[0].headers["x-amzn-RateLimit-Limit"] == "0.16"
        clock.advance(1 / 0.16 - 0.01)  # not quite one token yet
        assert (await http.get(PATH, headers=headers)).status_code == 429
        clock.advance(0.02)
        assert (await http.get(PATH, headers=headers)).status_code == 200
        stats = (await http.get("/__stats")).json()
    op = stats["operations"]["sellers_v1.get_marketplace_participations"]
    assert (op["requests"], op["ok"], op["throttled"]) == (18, 16, 2)
    assert stats["totals"]["lwa_tokens"] == 1 and stats["time_scale"] == 10


async def test_buckets_are_per_operation_and_per_application() -> None:
    emu, _ = emulator()
    async with http_for(emu) as http:
        a = {"x-amz-access-token": await token(http, client_id="app-a")}
        b = {"x-amz-access-token": await token(http, client_id="app-b")}
        assert (await _burst(http, a, 16))[-1].status_code == 429
        assert (await http.get(PATH, headers=b)).status_code == 200  # another application, same refresh token
        order = emu.world.orders[0].order_id
        assert (await http.get(f"/orders/v0/orders/{order}/orderItems", headers=a)).status_code == 200


async def test_sandbox_mode_applies_five_per_second_burst_fifteen_to_every_operation() -> None:
    emu, clock = emulator(sandbox=True)
    async with http_for(emu) as http:
        headers = {"x-amz-access-token": await token(http)}
        answers = await _burst(http, headers, 16)
        assert [r.status_code for r in answers][-2:] == [200, 429]
        assert answers[0].headers["x-amzn-RateLimit-Limit"] == "5"
        clock.advance(0.2)
        assert (await http.get(PATH, headers=headers)).status_code == 200


async def test_rejected_requests_do_not_spend_quota() -> None:
    emu, _ = emulator()
    async with http_for(emu) as http:
        for _ in range(20):
            assert (await http.get(PATH, headers={"x-amz-access-token": "nope"})).status_code == 403
        headers = {"x-amz-access-token": await token(http)}
        assert (await http.get(PATH, headers=headers)).status_code == 200
