"""The emulator over loopback (uvicorn in a thread, so asyncio and trio both work) and its fault injection."""

from __future__ import annotations

import httpx
import pytest

import spapi_async as sp
from spapi_async.emulator import Emulator, Faults

from .helpers import US


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _client(base_url: str, **kwargs: object) -> sp.SPAPIClient:
    return sp.SPAPIClient(
        "app-loop",
        "secret",
        "Atzr|loop",
        endpoint=base_url,
        lwa_endpoint=base_url + "/auth/o2/token",
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.anyio
async def test_the_client_pages_orders_over_loopback(anyio_backend: str) -> None:
    emulator = Emulator(seed=5, orders=150, time_scale=50)
    async with emulator.serve(port=0) as base_url, _client(base_url) as client:
        assert base_url.startswith("http://127.0.0.1:")
        params = {"MarketplaceIds": US, "CreatedAfter": "2000-01-01T00:00:00Z", "MaxResultsPerPage": 50}
        ids: list[str] = []
        while True:
            payload = (await client.request("GET", "/orders/v0/orders", params=params)).json()["payload"]
            ids += [o["AmazonOrderId"] for o in payload["Orders"]]
            if "NextToken" not in payload:
                break
            params = {"MarketplaceIds": US, "NextToken": payload["NextToken"]}
        async with httpx.AsyncClient() as plain:
            stats = (await plain.get(base_url + "/__stats")).json()
    assert ids == [o.order_id for o in emulator.world.orders]
    assert stats["operations"]["orders_v0.get_orders"]["ok"] == 3


async def test_server_errors_sometimes_come_as_html_pages() -> None:
    emulator = Emulator(seed=1, orders=10, faults=Faults(error_rate=1.0, html_share=0.5))
    no_retry = sp.RetryPolicy(max_attempts=1)
    seen: set[str] = set()
    async with emulator.serve(port=0) as base_url, _client(base_url, retry=no_retry) as client:
        for _ in range(12):
            with pytest.raises(sp.ServerError) as info:
                await client.request("GET", "/sellers/v1/marketplaceParticipations")
            assert info.value.status_code in (500, 503) and info.value.request_id
            seen.add(info.value.errors[0].code)
    assert "InternalFailure" in seen  # JSON bodies
    assert {"HTTP500", "HTTP503"} & seen  # HTML pages, kept as text by the client
    assert emulator.snapshot()["operations"]["sellers_v1.get_marketplace_participations"]["faults"] == 12


async def test_connection_resets_reach_the_client_as_transport_errors() -> None:
    emulator = Emulator(seed=1, orders=10, faults=Faults(reset_rate=1.0))
    async with emulator.serve(port=0) as base_url, _client(base_url, retry=sp.RetryPolicy(max_attempts=2)) as client:
        with pytest.raises(sp.TransportConnectionError):
            await client.request("GET", "/sellers/v1/marketplaceParticipations")
    # in-process, the same fault is an httpx.ReadError from the transport
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=emulator.app), base_url="http://127.0.0.1")
    token = (await http.post("/auth/o2/token", data={"grant_type": "refresh_token", "client_id": "a",
                                                     "client_secret": "b", "refresh_token": "c"})).json()["access_token"]  # fmt: skip  # noqa: E501
    with pytest.raises(httpx.ReadError):
        await http.get("/sellers/v1/marketplaceParticipations", headers={"x-amz-access-token": token})
    await http.aclose()


async def test_slow_answers_trip_the_clients_timeout() -> None:
    emulator = Emulator(seed=1, orders=10, faults=Faults(slow_rate=1.0, slow_seconds=0.5))
    async with (
        emulator.serve(port=0) as base_url,
        _client(base_url, retry=sp.RetryPolicy(max_attempts=1)) as client,
    ):
        with pytest.raises(sp.TransportTimeoutError):
            await client.request("GET", "/sellers/v1/marketplaceParticipations", timeout=0.1)


def test_fault_rates_are_validated() -> None:
    with pytest.raises(ValueError, match="error_rate"):
        Faults(error_rate=1.5)
