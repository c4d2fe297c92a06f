"""Generated methods: argument checks before any I/O, encoding on the wire, parsing of answers, RDT, attributes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

import spapi_async as sp
from codegen.generate import REPO_ROOT
from spapi_async.models import orders_v0 as orders_models
from spapi_async.models import reports_2021_06_30 as reports_models

from .apifakes import make_client


class Recorder:
    def __init__(self, *responses: httpx.Response) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.responses.pop(0) if self.responses else httpx.Response(200, json={})


def _never(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request expected, got {request.method} {request.url}")


# ------------------------------------------------------------------ arguments fail before I/O


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.orders_v0.get_orders(marketplace_ids="ATVPDKIKX0DER"), "marketplace_ids"),
        (lambda c: c.orders_v0.get_orders(marketplace_ids=[1]), "expected str"),
        (lambda c: c.orders_v0.get_orders(marketplace_ids=[]), "empty"),
        (lambda c: c.orders_v0.get_orders(marketplace_ids=["A"], max_results_per_page="10"), "expected int"),
        (lambda c: c.orders_v0.get_orders(marketplace_ids=["A"], max_results_per_page=True), "expected int"),
        (lambda c: c.orders_v0.get_orders(marketplace_ids=["A"], created_after=datetime(2025, 1, 1)), "timezone"),
        (lambda c: c.orders_v0.get_orders(marketplace_ids=["A"], is_ispu="yes"), "expected bool"),
    ],
)
async def test_wrong_arguments_of_a_paginated_method_fail_at_call_time(call: Any, message: str) -> None:
    async with make_client(_never) as client:
        with pytest.raises(sp.ConfigurationError, match=message):
            call(client)


async def test_wrong_arguments_of_a_plain_method_fail_before_any_request() -> None:
    async with make_client(_never) as client:
        with pytest.raises(sp.ConfigurationError, match="order_id"):
            await client.orders_v0.get_order(order_id=123)  # type: ignore[arg-type]
        with pytest.raises(sp.ConfigurationError, match="expected a model or a dict"):
            await client.reports.create_report(body="GET_FLAT_FILE")  # type: ignore[arg-type]
        with pytest.raises(sp.ConfigurationError, match="report_type, marketplace_ids"):
            await client.reports.create_report(body=reports_models.CreateReportSpecification())
        with pytest.raises(sp.ConfigurationError, match="missing a required argument: 'order_id'"):
            await client.orders_v0.get_order()  # type: ignore[call-arg]
        with pytest.raises(sp.ConfigurationError, match="order_id is required"):
            await client.orders_v0.get_order(order_id=None)  # type: ignore[arg-type]
        with pytest.raises(sp.ConfigurationError, match="marketplace_ids is required"):
            client.orders_v0.get_orders(marketplace_ids=None)  # type: ignore[arg-type]


# ------------------------------------------------------------------ encoding


async def test_path_query_and_time_encoding() -> None:
    rec = Recorder(httpx.Response(200, json={"payload": {"Orders": []}}), httpx.Response(200, json={"payload": {}}))
    async with make_client(rec) as client:
        await client.orders_v0.get_orders(
            marketplace_ids=["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"],
            created_after=datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2))),
            last_updated_before=datetime(2025, 1, 2, 3, 4, 5, 678000, tzinfo=timezone.utc),
            is_ispu=False,
            max_results_per_page=50,
        )
        await client.orders_v0.get_order(order_id="902-1/2 3?x")
    query = dict(rec.requests[0].url.params)
    assert query == {
        "MarketplaceIds": "ATVPDKIKX0DER,A2EUQ1WTGCTBG2",
        "CreatedAfter": "2025-01-02T01:04:05Z",
        "LastUpdatedBefore": "2025-01-02T03:04:05.678Z",
        "IsISPU": "false",
        "MaxResultsPerPage": "50",
    }
    assert rec.requests[1].url.raw_path == b"/orders/v0/orders/902-1%2F2%203%3Fx"


async def test_multi_collection_format_repeats_the_parameter() -> None:
    rec = Recorder(httpx.Response(200, json={"complianceDetails": []}))
    async with make_client(rec) as client:
        await client.fulfillment_inbound_2024_03_20.list_item_compliance_details(
            mskus=["SKU-1", "SKU 2"], marketplace_id="ATVPDKIKX0DER"
        )
    assert rec.requests[0].url.params.get_list("mskus") == ["SKU-1", "SKU 2"]


async def test_header_parameters_are_sent_as_headers() -> None:
    rec = Recorder(httpx.Response(200, json={}))
    async with make_client(rec) as client:
        await client.fba_inventory_v1.create_inventory_item(
            body={"sellerSku": "S", "marketplaceId": "M", "productName": "P"},
        )
        await client.fulfillment_outbound_2026_07_04.list_orders(x_amzn_fulfillment_service_id="svc-1")
    assert rec.requests[1].headers["x-amzn-fulfillment-service-id"] == "svc-1"


async def test_body_as_model_uses_amazons_names_and_dict_is_sent_as_given() -> None:
    rec = Recorder(httpx.Response(202, json={"reportId": "R1"}), httpx.Response(202, json={"reportId": "R2"}))
    async with make_client(rec) as client:
        spec = reports_models.CreateReportSpecification(
            report_type="GET_FLAT_FILE_OPEN_LISTINGS_DATA",
            marketplace_ids=["ATVPDKIKX0DER"],
            data_start_time=datetime(2025, 1, 1, tzinfo=timezone.utc),
        )
        created = await client.reports.create_report(body=spec)
        assert created.report_id == "R1"
        raw = {
            "reportType": "X",
            "marketplaceIds": ["A"],
            "custom": {"when": datetime(2025, 1, 1, tzinfo=timezone.utc)},
        }
        await client.reports.create_report(body=raw)
    assert json.loads(rec.requests[0].content) == {
        "reportType": "GET_FLAT_FILE_OPEN_LISTINGS_DATA",
        "marketplaceIds": ["ATVPDKIKX0DER"],
        "dataStartTime": "2025-01-01T00:00:00Z",
    }
    assert rec.requests[0].headers["content-type"] == "application/json"
    assert json.loads(rec.requests[1].content) == {
        "reportType": "X",
        "marketplaceIds": ["A"],
        "custom": {"when": "2025-01-01T00:00:00Z"},
    }


# ------------------------------------------------------------------ answers


async def test_unknown_fields_and_enum_values_are_kept() -> None:
    body = {
        "payload": {
            "AmazonOrderId": "1",
            "OrderStatus": "SomethingNew",
            "BrandNewField": {"nested": [1, 2]},
        }
    }
    async with make_client(Recorder(httpx.Response(200, json=body))) as client:
        answer = await client.orders_v0.get_order(order_id="1")
    order = answer.payload
    assert isinstance(order, orders_models.Order)
    assert order.amazon_order_id == "1"
    assert order.order_status == "SomethingNew"
    assert order.model_extra == {"BrandNewField": {"nested": [1, 2]}}
    assert order.model_dump(by_alias=True, exclude_unset=True)["BrandNewField"] == {"nested": [1, 2]}
    assert order.purchase_date is None  # required in the model, absent here: parses, reads as None


async def test_timestamps_parse_and_malformed_ones_are_kept_as_sent() -> None:
    report = {
        "reportId": "R",
        "reportType": "T",
        "processingStatus": "DONE",
        "createdTime": "2025-01-01T10:00:00+02:00",
        "processingEndTime": "2024-02-30T00:00:00Z",
    }
    async with make_client(Recorder(httpx.Response(200, json=report))) as client:
        got = await client.reports.get_report(report_id="R")
    assert got.created_time == datetime(2025, 1, 1, 8, tzinfo=timezone.utc)
    assert got.processing_end_time == "2024-02-30T00:00:00Z"


async def test_a_2xx_that_is_not_json_raises_a_typed_error() -> None:
    html = httpx.Response(
        200, text="<html>gateway</html>", headers={"content-type": "text/html", "x-amzn-RequestId": "r1"}
    )
    async with make_client(Recorder(html)) as client:
        with pytest.raises(sp.ApiError) as info:
            await client.sellers.get_marketplace_participations()
    assert info.value.status_code == 200
    assert info.value.request_id == "r1"
    assert "not JSON" in str(info.value)


async def test_a_response_of_the_wrong_shape_raises_a_typed_error() -> None:
    async with make_client(Recorder(httpx.Response(200, json={"payload": "oops"}))) as client:
        with pytest.raises(sp.ApiError, match="does not match GetOrderResponse"):
            await client.orders_v0.get_order(order_id="1")


async def test_204_gives_none() -> None:
    async with make_client(Recorder(httpx.Response(204), httpx.Response(204))) as client:
        assert await client.orders_v0.update_verification_status(order_id="1", body={"x": 1}) is None  # type: ignore[func-returns-value]
        assert await client.customer_feedback_2024_06_01.get_item_browse_node(asin="B0", marketplace_id="M") is None


async def test_error_statuses_raise_the_typed_errors() -> None:
    body = {"errors": [{"code": "InvalidInput", "message": "bad", "details": ""}]}
    async with make_client(Recorder(httpx.Response(400, json=body, headers={"x-amzn-RequestId": "r9"}))) as client:
        with pytest.raises(sp.BadRequestError) as info:
            await client.orders_v0.get_order(order_id="1")
    assert info.value.errors[0].code == "InvalidInput"
    assert info.value.request_id == "r9"


# ------------------------------------------------------------------ RDT and attributes


async def test_restricted_data_only_when_asked_for() -> None:
    rdt_bodies: list[Any] = []
    api_requests: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        api_requests.append(request)
        if request.url.path.startswith("/sellers/"):
            return httpx.Response(200, json={"payload": []})
        return httpx.Response(200, json={"payload": {"AmazonOrderId": "1"}})

    async with make_client(handle, rdt_requests=rdt_bodies) as client:
        await client.orders_v0.get_order(order_id="1")  # personal data optional: LWA token, no RDT
        await client.orders_v0.get_order(order_id="2", data_elements=["buyerInfo", "shippingAddress"])
        await client.orders_v0.get_order(order_id="3", data_elements=["shippingAddress", "buyerInfo"])
        await client.orders_v0.get_order_address(order_id="4")  # only restricted data: RDT automatically
        await client.sellers.get_marketplace_participations()
    assert [r.headers["x-amz-access-token"] for r in api_requests] == [
        "Atza|test",
        "Atz.sprdt|test",
        "Atz.sprdt|test",
        "Atz.sprdt|test",
        "Atza|test",
    ]
    assert rdt_bodies[0] == {
        "restrictedResources": [
            {"method": "GET", "path": "/orders/v0/orders/{orderId}", "dataElements": ["buyerInfo", "shippingAddress"]}
        ]
    }
    assert rdt_bodies[1] == {"restrictedResources": [{"method": "GET", "path": "/orders/v0/orders/{orderId}/address"}]}
    assert len(rdt_bodies) == 2  # cached per template and elements (in any order)


async def test_api_attributes_are_lazy_cached_and_aliased() -> None:
    async with make_client(_never) as client:
        assert client.orders_v0 is client.orders_v0
        assert client.orders is client.orders_2026_01_01  # Amazon's recommended version (v0 is deprecated)
        assert client.reports is client.reports_2021_06_30
        assert client.catalog is client.catalog_items_2022_04_01
        assert type(client.fba_inventory_v1).__name__ == "FbaInventoryV1Api"
        copy = client.with_options(timeout=5.0)
        assert copy.orders_v0 is not client.orders_v0
        assert repr(client.orders_v0) == "<OrdersV0Api>"


def test_import_loads_no_api_module_and_an_attribute_loads_only_its_own() -> None:
    code = (
        "import sys\n"
        "import spapi_async as sp\n"
        "gen = lambda: sorted(m for m in sys.modules if m.startswith(('spapi_async.apis.', 'spapi_async.models.')))\n"
        "print(gen(), 'pydantic' in sys.modules)\n"
        "client = sp.SPAPIClient(client_id='i', client_secret='s', refresh_token='Atzr|x', region='na')\n"
        "client.orders\n"
        "print(gen())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    at_import, after = result.stdout.splitlines()
    assert at_import == "['spapi_async.apis._attributes'] False"
    # its own API module and models, plus the operation descriptors it passes to Resource (one table for all APIs)
    assert after == str(
        [
            "spapi_async.apis._attributes",
            "spapi_async.apis._operations",
            "spapi_async.apis.orders_2026_01_01",
            "spapi_async.models.orders_2026_01_01",
        ]
    )
