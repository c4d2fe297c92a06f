"""Another SP-API client parses the emulator's answers: python-amazon-sp-api, pointed at a loopback emulator."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sp_api.api import Orders, Reports, Sellers
from sp_api.auth import AccessTokenClient
from sp_api.base import Marketplaces

from spapi_async.emulator import Emulator
from spapi_async.emulator.app import start_server

CREDENTIALS = {"lwa_app_id": "app-other", "lwa_client_secret": "secret-other"}


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    emulator = Emulator(seed=11, orders=120, time_scale=100)
    server, thread, url = start_server(emulator)
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(10)


def _api(cls: type, base_url: str) -> object:
    class LoopbackToken(AccessTokenClient):  # type: ignore[misc]
        scheme = "http://"
        host = base_url.removeprefix("http://")

    api = cls(
        Marketplaces.US, refresh_token="Atzr|other", credentials=CREDENTIALS, auth_token_client_class=LoopbackToken
    )
    api.endpoint = base_url  # type: ignore[attr-defined]
    return api


def test_python_amazon_sp_api_reads_orders_items_sellers_and_reports(base_url: str) -> None:
    orders = _api(Orders, base_url)
    page = orders.get_orders(CreatedAfter="2000-01-01T00:00:00Z", MarketplaceIds=["ATVPDKIKX0DER"])  # type: ignore[attr-defined]
    listed = page.payload["Orders"]
    assert len(listed) == 100 and page.next_token
    assert page.headers["x-amzn-RateLimit-Limit"] == "1.67"
    nxt = orders.get_orders(NextToken=page.next_token, MarketplaceIds=["ATVPDKIKX0DER"])  # type: ignore[attr-defined]
    assert len(nxt.payload["Orders"]) == 20 and nxt.next_token is None
    order_id = listed[0]["AmazonOrderId"]
    items = orders.get_order_items(order_id)  # type: ignore[attr-defined]
    assert items.payload["AmazonOrderId"] == order_id and items.payload["OrderItems"][0]["ASIN"].startswith("B0")
    participations = _api(Sellers, base_url).get_marketplace_participation()  # type: ignore[attr-defined]
    assert participations.payload[0]["marketplace"]["id"] == "ATVPDKIKX0DER"
    reports = _api(Reports, base_url)
    created = reports.create_report(reportType="GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds=["ATVPDKIKX0DER"])  # type: ignore[attr-defined]
    report = reports.get_report(created.payload["reportId"])  # type: ignore[attr-defined]
    assert report.payload["processingStatus"] in ("IN_QUEUE", "IN_PROGRESS", "DONE")
