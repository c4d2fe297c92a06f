"""SellerCenterLegacyClient against a fake legacy endpoint that checks every signature independently."""

from __future__ import annotations

import hashlib
import hmac
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import parse_qsl, quote

import httpx
import pytest

import spapi_async as sp
from spapi_async.errors import ConfigurationError, ThrottledError
from spapi_async.retry import RetryPolicy
from spapi_async.sellercenter import LEGACY_ACTIONS, SellerCenterLegacyClient
from spapi_async.sellercenter.errors import SellerCenterLegacyThrottledError
from spapi_async.sellercenter.legacy_format import normalise, request_xml

from .fakes import FakeClock

BASE = "https://sellercenter-api.example.test"
USER = "seller@example.test"
KEY = "0123456789abcdef-api-key"

Reply = Callable[[dict[str, str], bytes], httpx.Response]


def success(action: str, body: Any, **head: Any) -> httpx.Response:
    h = {"RequestId": "", "RequestAction": action, "ResponseType": "", "Timestamp": "2026-01-01T00:00:00+0000"}
    h.update(head)
    return httpx.Response(200, json={"SuccessResponse": {"Head": h, "Body": body}})


def failure(action: str, code: str, message: str, status: int = 200, details: Any = "") -> httpx.Response:
    head = {"RequestAction": action, "ErrorType": "Sender", "ErrorCode": code, "ErrorMessage": message}
    body = {"ErrorDetail": details} if details else ""
    return httpx.Response(status, json={"ErrorResponse": {"Head": head, "Body": body}})


class LegacyServer:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.actions: dict[str, Reply] = {}
        self.calls: list[tuple[str, dict[str, str], bytes, float]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        params = dict(parse_qsl(request.url.query.decode(), keep_blank_values=True))
        body = request.read()
        self.calls.append((request.method, params, body, self.clock.monotonic()))
        signature = params.pop("Signature", "")
        message = "&".join(f"{quote(k, safe='-_.~')}={quote(params[k], safe='-_.~')}" for k in sorted(params))
        expected = hmac.new(KEY.encode(), message.encode(), hashlib.sha256).hexdigest()
        if signature != expected:
            return failure(params.get("Action", ""), "7", "E007: Login failed. Signature mismatch", 403)
        handler = self.actions.get(params["Action"])
        if handler is None:
            return failure(params["Action"], "8", f"E008: Invalid Action {params['Action']}")
        return handler(params, body)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=1435749071.0)


@pytest.fixture
def server(clock: FakeClock) -> LegacyServer:
    return LegacyServer(clock)


@pytest.fixture
async def client(server: LegacyServer, clock: FakeClock) -> AsyncIterator[SellerCenterLegacyClient]:
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    async with SellerCenterLegacyClient(
        BASE, USER, KEY, http_client=http, clock=clock, retry=RetryPolicy(max_attempts=3, jitter=False)
    ) as c:
        yield c
    await http.aclose()


async def test_call_sends_the_common_signed_parameters(client: SellerCenterLegacyClient, server: LegacyServer) -> None:
    server.actions["GetBrands"] = lambda p, b: success("GetBrands", {"Brands": {"Brand": [{"Name": "A"}]}})
    result = await client.call("GetBrands", Limit=5)
    method, params, _, _ = server.calls[0]
    assert method == "GET"
    assert params["Action"] == "GetBrands"
    assert params["UserID"] == USER
    assert params["Version"] == "1.0"
    assert params["Format"] == "JSON"
    assert params["Timestamp"] == "2015-07-01T11:11:11+00:00"
    assert params["Limit"] == "5"
    assert result.head.request_action == "GetBrands"
    assert result.body == {"Brands": {"Brand": [{"Name": "A"}]}}


async def test_single_element_and_empty_lists_are_normalised(
    client: SellerCenterLegacyClient, server: LegacyServer
) -> None:
    single = {"Orders": {"Order": {"OrderId": "1", "OrderItems": {"OrderItem": {"OrderItemId": "11"}}}}}
    server.actions["GetMultipleOrderItems"] = lambda p, b: success("GetMultipleOrderItems", single)
    result = await client.call("GetMultipleOrderItems", OrderIdList=[1])
    assert result.body["Orders"]["Order"] == [{"OrderId": "1", "OrderItems": {"OrderItem": [{"OrderItemId": "11"}]}}]
    assert server.calls[0][1]["OrderIdList"] == "[1]"

    server.actions["GetOrders"] = lambda p, b: success("GetOrders", {"Orders": ""})
    empty = await client.call("GetOrders")
    assert empty.body == {"Orders": {"Order": []}}

    items = await client.get_multiple_order_items([1])
    assert [i.order_item_id for i in items["1"]] == ["11"]


def test_normalise_paths_directly() -> None:
    body: dict[str, Any] = {"A": {"B": [{"C": {"D": {"x": 1}}}, {"C": {"D": ""}}, {"Z": 1}]}, "E": None}
    normalise(body, ["A.B.*.C.D", "E.F", "G.H"])
    assert body == {"A": {"B": [{"C": {"D": [{"x": 1}]}}, {"C": {"D": []}}, {"Z": 1}]}, "E": {"F": []}}


@pytest.mark.parametrize(
    ("code", "message", "status", "expected"),
    [
        ("1", "E001: Parameter UserID is mandatory", 400, "E001"),
        ("7", "E007: Login failed. Signature mismatch", 403, "E007"),
        ("9", "E009: Access Denied", 200, "E009"),
        ("30", "Empty Request", 200, "E030"),
        ("1000", "E1000: Internal Application Error", 200, "E1000"),
    ],
)
async def test_error_response_maps_to_legacy_error_with_its_code(
    client: SellerCenterLegacyClient, server: LegacyServer, code: str, message: str, status: int, expected: str
) -> None:
    server.actions["GetOrder"] = lambda p, b: failure("GetOrder", code, message, status)
    with pytest.raises(sp.SellerCenterLegacyError) as info:
        await client.call("GetOrder", OrderId=1)
    err = info.value
    assert err.code == expected
    assert err.action == "GetOrder"
    assert err.errors[0].code == expected
    assert not isinstance(err, ThrottledError)
    assert len(server.calls) == 1  # never retried


async def test_error_details_are_kept(client: SellerCenterLegacyClient, server: LegacyServer) -> None:
    details = [{"Field": "Price", "Message": "must be positive", "Value": "-1", "SellerSku": "SKU-1"}]
    server.actions["ProductUpdate"] = lambda p, b: failure(
        "ProductUpdate", "5", "E005: Invalid Request Format", 400, details
    )
    with pytest.raises(sp.SellerCenterLegacyError) as info:
        await client.product_update([{"SellerSku": "SKU-1", "Price": -1}])
    assert info.value.details == details
    assert [(e.code, e.message) for e in info.value.errors] == [
        ("E005", "Invalid Request Format"),
        ("Price", "must be positive"),
    ]


async def test_bad_signature_is_reported_not_hidden(server: LegacyServer, clock: FakeClock) -> None:
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    async with SellerCenterLegacyClient(BASE, USER, "wrong-key", http_client=http, clock=clock) as c:
        with pytest.raises(sp.SellerCenterLegacyError) as info:
            await c.call("GetBrands")
    await http.aclose()
    assert info.value.code == "E007"
    assert info.value.status_code == 403
    assert "wrong-key" not in repr(c) + str(info.value)


async def test_e429_inside_a_200_is_a_throttle_error_and_is_retried_after_the_window(
    client: SellerCenterLegacyClient, server: LegacyServer, clock: FakeClock
) -> None:
    answers = iter(
        [
            failure("GetBrands", "429", "E429: Too many requests", 200),
            success("GetBrands", {"Brands": {"Brand": []}}),
        ]
    )
    server.actions["GetBrands"] = lambda p, b: next(answers)
    result = await client.call("GetBrands")
    assert result.body == {"Brands": {"Brand": []}}
    first, second = server.calls[0][3], server.calls[1][3]
    assert second - first >= 3.0
    # A fresh timestamp and signature on the retry.
    assert server.calls[0][1]["Timestamp"] != server.calls[1][1]["Timestamp"]
    stats = next(iter(client.limiter.stats().values()))
    assert stats.throttled == 1


async def test_e429_surfaces_as_throttled_when_retries_are_exhausted(server: LegacyServer, clock: FakeClock) -> None:
    server.actions["GetBrands"] = lambda p, b: failure("GetBrands", "429", "E429: Too many requests", 429)
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    async with SellerCenterLegacyClient(
        BASE, USER, KEY, http_client=http, clock=clock, retry=RetryPolicy(max_attempts=2)
    ) as c:
        with pytest.raises(SellerCenterLegacyThrottledError) as info:
            await c.call("GetBrands")
    await http.aclose()
    assert info.value.status_code == 429
    assert info.value.code == "E429"
    assert isinstance(info.value, ThrottledError)
    assert len(server.calls) == 2


async def test_write_actions_post_an_xml_request_and_return_the_feed_id(
    client: SellerCenterLegacyClient, server: LegacyServer
) -> None:
    server.actions["ProductStockUpdate"] = lambda p, b: success("ProductStockUpdate", "", RequestId="feed-123")
    feed = await client.update_stock({"SKU-1": 5, "SKU <2>": 0})
    assert feed == "feed-123"
    method, params, body, _ = server.calls[0]
    assert method == "POST"
    assert params["Action"] == "ProductStockUpdate"
    root = ET.fromstring(body)
    assert root.tag == "Request"
    assert [(p.findtext("SellerSku"), p.findtext("Quantity")) for p in root.findall("Product")] == [
        ("SKU-1", "5"),
        ("SKU <2>", "0"),
    ]


def test_request_xml_escapes_and_nests() -> None:
    xml = request_xml({"Product": [{"SellerSku": "a&b", "ProductData": {"Color": "red"}, "Skip": None}]})
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert b"<SellerSku>a&amp;b</SellerSku>" in xml
    assert b"<ProductData><Color>red</Color></ProductData>" in xml
    assert b"Skip" not in xml


async def test_get_products_pages_by_offset(client: SellerCenterLegacyClient, server: LegacyServer) -> None:
    catalogue = [{"SellerSku": f"S{i}", "Quantity": i} for i in range(7)]

    def products(p: dict[str, str], b: bytes) -> httpx.Response:
        offset, limit = int(p["Offset"]), int(p["Limit"])
        page = catalogue[offset : offset + limit]
        body = {"Products": {"Product": page[0] if len(page) == 1 else page}} if page else {"Products": ""}
        return success("GetProducts", body, TotalCount=str(len(catalogue)))

    server.actions["GetProducts"] = products
    skus = [p.seller_sku async for p in client.get_products(limit=3, Filter="all")]
    assert skus == [f"S{i}" for i in range(7)]
    assert [c[1]["Offset"] for c in server.calls] == ["0", "3", "6"]
    assert all(c[1]["Filter"] == "all" for c in server.calls)


async def test_get_orders_stops_on_a_short_page_without_total(
    client: SellerCenterLegacyClient, server: LegacyServer
) -> None:
    def orders(p: dict[str, str], b: bytes) -> httpx.Response:
        offset = int(p["Offset"])
        page = [{"OrderId": str(i)} for i in range(offset, min(offset + 2, 3))]
        return success("GetOrders", {"Orders": {"Order": page}})

    server.actions["GetOrders"] = orders
    ids = [o.order_id async for o in client.get_orders(limit=2)]
    assert ids == ["0", "1", "2"]
    assert len(server.calls) == 2


async def test_status_change_helpers(client: SellerCenterLegacyClient, server: LegacyServer) -> None:
    server.actions["SetStatusToReadyToShip"] = lambda p, b: success(
        "SetStatusToReadyToShip", {"OrderItems": {"OrderItem": {"OrderItemId": "5", "PurchaseOrderId": "9"}}}
    )
    result = await client.set_status_to_ready_to_ship(
        [5], delivery_type="dropship", shipping_provider="DHL", tracking_number="T1"
    )
    assert result.body["OrderItems"]["OrderItem"] == [{"OrderItemId": "5", "PurchaseOrderId": "9"}]
    method, params, _, _ = server.calls[0]
    assert method == "POST"
    assert (params["OrderItemIds"], params["DeliveryType"], params["TrackingNumber"]) == ("[5]", "dropship", "T1")


async def test_wait_for_feed_polls_until_done(
    client: SellerCenterLegacyClient, server: LegacyServer, clock: FakeClock
) -> None:
    statuses = iter(["Queued", "Processing", "Finished"])

    def feed_status(p: dict[str, str], b: bytes) -> httpx.Response:
        status = next(statuses)
        errors = {"Error": {"Message": "bad sku", "SellerSku": "X"}} if status == "Finished" else ""
        detail = {"Feed": p["FeedID"], "Status": status, "Action": "ProductUpdate", "FeedErrors": errors}
        return success("FeedStatus", {"FeedDetail": detail})

    server.actions["FeedStatus"] = feed_status
    result = await client.wait_for_feed("feed-1", interval=5)
    assert result.done
    assert result.status == "Finished"
    assert result.errors == [{"Message": "bad sku", "SellerSku": "X"}]
    assert len(server.calls) == 3
    assert clock.now == pytest.approx(10.0)


async def test_xml_format_is_decoded_to_the_same_shape(server: LegacyServer, clock: FakeClock) -> None:
    def brands(p: dict[str, str], b: bytes) -> httpx.Response:
        assert p["Format"] == "XML"
        xml = (
            "<?xml version='1.0' encoding='UTF-8'?><SuccessResponse><Head><RequestId/><RequestAction>GetBrands"
            "</RequestAction></Head><Body><Brands><Brand><Name>Only</Name></Brand></Brands></Body></SuccessResponse>"
        )
        return httpx.Response(200, content=xml.encode(), headers={"content-type": "text/xml"})

    server.actions["GetBrands"] = brands
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    async with SellerCenterLegacyClient(BASE, USER, KEY, format="xml", http_client=http, clock=clock) as c:
        result = await c.call("GetBrands")
    await http.aclose()
    assert result.body == {"Brands": {"Brand": [{"Name": "Only"}]}}


async def test_reserved_parameters_and_bad_config_are_rejected(client: SellerCenterLegacyClient) -> None:
    with pytest.raises(ConfigurationError, match="Signature"):
        await client.call("GetBrands", Signature="x")
    with pytest.raises(ConfigurationError, match="format"):
        SellerCenterLegacyClient(BASE, USER, KEY, format="YAML")
    with pytest.raises(ConfigurationError, match="api_key"):
        SellerCenterLegacyClient(BASE, USER, "")


def test_actions_table_is_consistent() -> None:
    assert len(LEGACY_ACTIONS) >= 30
    for name, action in LEGACY_ACTIONS.items():
        assert action.name == name
        assert action.method in ("GET", "POST")
        if action.feed:
            assert action.method == "POST"
