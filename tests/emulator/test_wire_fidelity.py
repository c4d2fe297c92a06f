"""Wire fidelity: python-amazon-sp-api (a blocking client, run in a thread) against ``emulator.serve()`` on
loopback, one call of each API it shares with us, unmodified. Its report download must work although it sends
``Host: 27.0.0.1:PORT`` for ``http://`` endpoints: document URLs come from the emulator's own address."""

from __future__ import annotations

import gzip
from typing import Any

import anyio
from sp_api.api import (
    CatalogItems,
    Feeds,
    Finances,
    ListingsItems,
    Notifications,
    Orders,
    Reports,
    VendorOrders,
)
from sp_api.auth import AccessTokenClient
from sp_api.base import Marketplaces, SellingApiBadRequestException, SellingApiNotFoundException

from spapi_async.emulator import Emulator

from .helpers import US, emulator, http_for, token

CREDENTIALS = {"lwa_app_id": "app-wire", "lwa_client_secret": "secret-wire"}


def _api(cls: Any, base_url: str, **kwargs: Any) -> Any:
    class LoopbackToken(AccessTokenClient):  # type: ignore[misc]
        scheme = "http://"
        host = base_url.removeprefix("http://")

    api = cls(
        Marketplaces.US,
        refresh_token="Atzr|wire",
        credentials=CREDENTIALS,
        auth_token_client_class=LoopbackToken,
        **kwargs,
    )
    api.endpoint = base_url
    return api


def _session(base_url: str) -> dict[str, Any]:
    """One call of each API python-amazon-sp-api shares with us (blocking: runs in a worker thread)."""
    out: dict[str, Any] = {}
    orders = _api(Orders, base_url).get_orders(CreatedAfter="2000-01-01T00:00:00Z", MarketplaceIds=[US])
    out["orders"] = orders
    reports = _api(Reports, base_url)
    created = reports.create_report(reportType="GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds=[US])
    report_id = created.payload["reportId"]
    report = reports.get_report(report_id)
    for _ in range(50):
        if report.payload["processingStatus"] == "DONE":
            break
        report = reports.get_report(report_id)
    out["report"] = report
    out["document"] = reports.get_report_document(report.payload["reportDocumentId"], download=True)
    out["feeds"] = _api(Feeds, base_url).get_feeds(feedTypes=["POST_PRODUCT_DATA"])
    try:
        _api(Feeds, base_url).get_feeds(processingStatuses=["NOT_A_STATUS"], feedTypes=["POST_PRODUCT_DATA"])
    except SellingApiBadRequestException as refused:
        out["refused"] = refused
    out["catalog"] = _api(CatalogItems, base_url, version="2022-04-01").search_catalog_items(
        keywords=["Black"], marketplaceIds=[US]
    )
    out["listings"] = _api(ListingsItems, base_url).get_listings_item(
        "SELLER", "EMU-SKU-00003", marketplaceIds=[US], includedData=["summaries"]
    )
    try:  # no subscription yet: Amazon's 404 NotFound
        out["notifications"] = _api(Notifications, base_url).get_subscription("ANY_OFFER_CHANGED")
    except SellingApiNotFoundException as missing:
        out["notifications"] = missing
    vendor = _api(VendorOrders, base_url)
    listed = vendor.get_purchase_orders(limit=5, createdAfter="2000-01-01T00:00:00Z")
    out["vendor_list"] = listed
    number = listed.payload["orders"][0]["purchaseOrderNumber"]
    out["vendor_one"] = vendor.get_purchase_order(number)
    out["finances"] = _api(Finances, base_url).list_financial_event_groups(
        FinancialEventGroupStartedAfter="2024-01-01T00:00:00Z"
    )
    return out


async def test_python_amazon_sp_api_runs_against_the_served_emulator() -> None:
    emulator = Emulator(seed=5, orders=30, products=20, time_scale=10_000)
    async with emulator.serve(port=0) as base_url:
        out = await anyio.to_thread.run_sync(_session, base_url)
    assert len(out["orders"].payload["Orders"]) == 30
    assert out["orders"].headers["x-amzn-RateLimit-Limit"] == str(0.0167 * 10_000).rstrip("0").rstrip(".")
    assert out["report"].payload["processingStatus"] == "DONE"
    document = out["document"].payload["document"]
    assert document.splitlines()[0].startswith("item-name\t")  # the report's rows, downloaded and decompressed
    assert isinstance(out["feeds"].payload["feeds"], list)
    refused = out["refused"]
    assert refused.code == 400 and refused.error[0]["code"] == "InvalidInput"
    assert "processingStatuses" in refused.error[0]["message"]
    assert out["catalog"].payload["items"]
    assert out["listings"].payload["sku"] == "EMU-SKU-00003"
    missing = out["notifications"]
    assert isinstance(missing, SellingApiNotFoundException) and missing.error[0]["code"] == "NotFound"
    one = out["vendor_one"].payload
    assert one == out["vendor_list"].payload["orders"][0]  # the listed order is the one read back
    assert "FinancialEventGroupList" in out["finances"].payload


def _sdk_session(base_url: str) -> dict[str, Any]:
    """The same calls through Amazon's generated SDK (``amzn-sp-api``, module ``spapi``), answers deserialized into
    its models; the report document is fetched from the pre-signed URL as the SDK's users do."""
    import urllib.request

    from spapi import ApiException, SPAPIClient, SPAPIConfig
    from spapi.api.catalogitems_v2022_04_01.catalog_api import CatalogApi
    from spapi.api.feeds_v2021_06_30.feeds_api import FeedsApi
    from spapi.api.finances_v0.finances_v0_api import FinancesV0Api
    from spapi.api.listings_items_v2021_08_01.listings_api import ListingsApi
    from spapi.api.notifications_v1.notifications_api import NotificationsApi
    from spapi.api.orders_v0.orders_v0_api import OrdersV0Api
    from spapi.api.reports_v2021_06_30.reports_api import ReportsApi
    from spapi.api.vendor_orders_v1.vendor_orders_api import VendorOrdersApi

    config = SPAPIConfig(client_id="app-sdk", client_secret="secret-sdk", refresh_token="Atzr|sdk", region="NA")
    api = SPAPIClient(config, oauth_endpoint=base_url + "/auth/o2/token", endpoint=base_url).api_client
    out: dict[str, Any] = {}
    out["orders"] = OrdersV0Api(api).get_orders([US], created_after="2000-01-01T00:00:00Z")
    reports = ReportsApi(api)
    created = reports.create_report({"reportType": "GET_MERCHANT_LISTINGS_ALL_DATA", "marketplaceIds": [US]})
    report = reports.get_report(created.report_id)
    for _ in range(50):
        if report.processing_status == "DONE":
            break
        report = reports.get_report(created.report_id)
    document = reports.get_report_document(report.report_document_id)
    with urllib.request.urlopen(document.url, timeout=10) as response:
        raw = response.read()
    out["report_text"] = (gzip.decompress(raw) if document.compression_algorithm == "GZIP" else raw).decode()
    out["feeds"] = FeedsApi(api).get_feeds(feed_types=["POST_PRODUCT_DATA"])
    try:
        reports.create_report({"reportType": "GET_NO_SUCH_REPORT", "marketplaceIds": [US]})
    except ApiException as refused:
        out["refused"] = refused
    out["catalog"] = CatalogApi(api).search_catalog_items([US], keywords=["Black"])
    out["listings"] = ListingsApi(api).get_listings_item("SELLER", "EMU-SKU-00003", [US], included_data=["summaries"])
    try:  # no subscription yet: Amazon's 404 NotFound
        out["notifications"] = NotificationsApi(api).get_subscription("ANY_OFFER_CHANGED")
    except ApiException as missing:
        out["notifications"] = missing
    vendor = VendorOrdersApi(api)
    listed = vendor.get_purchase_orders(limit=5)
    out["vendor_list"] = listed
    out["vendor_one"] = vendor.get_purchase_order(listed.payload.orders[0].purchase_order_number)
    out["finances"] = FinancesV0Api(api).list_financial_event_groups(
        financial_event_group_started_after="2024-01-01T00:00:00Z"
    )
    return out


async def test_amazons_sdk_runs_against_the_served_emulator() -> None:
    emulator = Emulator(seed=6, orders=30, products=20, time_scale=10_000)
    async with emulator.serve(port=0) as base_url:
        out = await anyio.to_thread.run_sync(_sdk_session, base_url)
    assert len(out["orders"].payload.orders) == 30
    assert out["report_text"].splitlines()[0].startswith("item-name\t")
    assert isinstance(out["feeds"].feeds, list)
    refused = out["refused"]
    assert refused.status == 400 and "reportType" in refused.body and "InvalidInput" in refused.body
    assert out["catalog"].items
    assert out["listings"].sku == "EMU-SKU-00003"
    missing = out["notifications"]
    assert missing.status == 404 and '"code":"NotFound"' in missing.body.replace(" ", "")
    assert out["vendor_one"].payload.to_dict() == out["vendor_list"].payload.orders[0].to_dict()
    assert out["finances"].payload is not None


async def test_document_urls_ignore_the_host_header_and_follow_base_url() -> None:
    for configured, expected in (
        (None, "http://127.0.0.1/__documents/"),
        ("http://docs.test:81/", "http://docs.test:81/__documents/"),
    ):
        emu, _ = emulator(orders=5, base_url=configured)
        async with http_for(emu) as http:
            headers = {"x-amz-access-token": await token(http), "host": "27.0.0.1:9"}
            created = await http.post(
                "/feeds/2021-06-30/documents", headers=headers, json={"contentType": "text/plain"}
            )
        assert created.status_code == 201
        assert created.json()["url"].startswith(expected)
