from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.call import ApiCall

from .fakes import BASE, CLIENT_ID, CLIENT_SECRET, LWA, REFRESH_TOKEN, FakeAmazon, InstantClock, json_response

ORDERS = "/orders/v0/orders"
GET_ORDERS = sp.Operation(
    api="orders_v0",
    name="get_orders",
    operation_id="getOrders",
    method="GET",
    path=ORDERS,
    rate=0.0167,
    burst=20,
    plan_source="model",
    restricted=True,
)
GET_ORDER = sp.Operation(
    api="orders_v0",
    name="get_order",
    operation_id="getOrder",
    method="GET",
    path="/orders/v0/orders/{orderId}",
    rate=0.5,
    burst=30,
    plan_source="model",
    rdt="on_request",
)
CREATE_REPORT = sp.Operation(
    api="reports_2021_06_30",
    name="create_report",
    operation_id="createReport",
    method="POST",
    path="/reports/2021-06-30/reports",
    rate=0.0167,
    burst=15,
    plan_source="model",
)


class RecordingLimiter:
    """Records every acquire/observe, grants at once."""

    paces_throttled_retries = True

    def __init__(self) -> None:
        self.acquired: list[tuple[sp.LimitKey, sp.UsagePlan]] = []
        self.observed: list[tuple[sp.LimitKey, int, str | None]] = []
        self.released: list[sp.LimitKey] = []

    async def acquire(self, key: sp.LimitKey, plan: sp.UsagePlan | sp.WindowPlan) -> None:
        assert isinstance(plan, sp.UsagePlan)
        self.acquired.append((key, plan))

    async def release(self, key: sp.LimitKey) -> None:
        self.released.append(key)

    async def observe(self, key: sp.LimitKey, status: int, headers: Mapping[str, str]) -> None:
        self.observed.append((key, status, headers.get("x-amzn-RateLimit-Limit")))

    def stats(self) -> Mapping[str, Any]:
        return {}


def _client(amazon: FakeAmazon, clock: InstantClock, **kwargs: Any) -> sp.SPAPIClient:
    kwargs.setdefault("limiter", RecordingLimiter())
    return sp.SPAPIClient(
        CLIENT_ID,
        CLIENT_SECRET,
        REFRESH_TOKEN,
        endpoint=BASE,
        lwa_endpoint=LWA,
        http_client=amazon.http(),
        clock=clock,
        **kwargs,
    )


def _status(status: int, body: Any = None, **headers: str) -> Any:
    return json_response(
        status, body if body is not None else {"errors": [{"code": f"E{status}", "message": "x"}]}, headers
    )


async def test_every_attempt_takes_a_limiter_token_and_is_observed() -> None:
    amazon = FakeAmazon(
        routes={
            "/orders/v0/orders/1": [
                _status(503),
                _status(500, **{"x-amzn-RateLimit-Limit": "0.5"}),
                _status(200, {"payload": {"AmazonOrderId": "1"}}),
            ]
        }
    )
    clock = InstantClock()
    limiter = RecordingLimiter()
    async with _client(amazon, clock, limiter=limiter, use_rdt=False) as client:
        response = await client.transport.send(ApiCall("GET", "/orders/v0/orders/1", operation=GET_ORDER))
    assert response.json() == {"payload": {"AmazonOrderId": "1"}}
    assert len(limiter.acquired) == 3
    key, plan = limiter.acquired[0]
    assert key.operation == "orders_v0.get_order" and key.region == "na"
    assert REFRESH_TOKEN not in str(key) and key.identity.startswith(CLIENT_ID + ":")
    assert plan == sp.UsagePlan(0.5, 30)
    assert [(s, h) for _, s, h in limiter.observed] == [(503, None), (500, "0.5"), (200, None)]
    assert len(clock.sleeps) == 2  # backoff between the three attempts
    dates = {r.headers["x-amz-date"] for r in amazon.api_requests()}
    assert all(len(d) == 16 and d.endswith("Z") for d in dates)


async def test_post_is_not_retried_on_500_but_is_on_503_and_429() -> None:
    amazon = FakeAmazon(routes={"/reports/2021-06-30/reports": [_status(500), _status(200, {})]})
    async with _client(amazon, InstantClock()) as client:
        with pytest.raises(sp.ServerError) as info:
            await client.transport.send(ApiCall("POST", CREATE_REPORT.path, operation=CREATE_REPORT, json={}))
        assert info.value.status_code == 500
        assert len(amazon.api_requests()) == 1
        amazon.routes["/reports/2021-06-30/reports"] = [_status(503), _status(429), _status(202, {"reportId": "7"})]
        response = await client.transport.send(ApiCall("POST", CREATE_REPORT.path, operation=CREATE_REPORT, json={}))
    assert response.json() == {"reportId": "7"}
    assert len(amazon.api_requests()) == 4


async def test_429_waits_for_retry_after_and_gives_up_after_max_attempts() -> None:
    clock = InstantClock()
    amazon = FakeAmazon(routes={ORDERS: [_status(429, **{"Retry-After": "2", "x-amzn-RequestId": "rq-429"})]})
    async with _client(amazon, clock, retry=sp.RetryPolicy(max_attempts=3), use_rdt=False) as client:
        with pytest.raises(sp.ThrottledError) as info:
            await client.request("GET", ORDERS, params={"MarketplaceIds": "ATVPDKIKX0DER"})
    assert clock.sleeps == [2.0, 2.0]
    assert info.value.request_id == "rq-429"
    assert len(amazon.api_requests()) == 3


async def test_429_without_retry_after_leaves_pacing_to_the_limiter() -> None:
    clock = InstantClock()
    amazon = FakeAmazon(routes={ORDERS: [_status(429), _status(200, {"payload": {}})]})
    async with _client(amazon, clock, use_rdt=False) as client:
        await client.request("GET", ORDERS)
    assert clock.sleeps == []  # the limiter (paces_throttled_retries) makes the retry wait for its token


async def test_html_5xx_becomes_a_server_error_not_a_success() -> None:
    html = "<html><h1>503 Service Unavailable</h1></html>"

    def page(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, text=html, headers={"content-type": "text/html"})

    amazon = FakeAmazon(routes={ORDERS: page})
    async with _client(amazon, InstantClock(), retry=sp.RetryPolicy(max_attempts=2), use_rdt=False) as client:
        with pytest.raises(sp.ServerError) as info:
            await client.request("GET", ORDERS)
    assert info.value.body == html
    assert "Service Unavailable" in info.value.errors[0].message


async def test_rejected_token_is_refreshed_once() -> None:
    expired = _status(
        403, {"errors": [{"code": "Unauthorized", "message": "The access token you provided has expired"}]}
    )
    amazon = FakeAmazon(routes={ORDERS: [expired, _status(200, {"payload": {}})]})
    async with _client(amazon, InstantClock(), use_rdt=False) as client:
        await client.request("GET", ORDERS)
    assert len(amazon.token_requests) == 2
    assert [r.headers["x-amz-access-token"] for r in amazon.api_requests()] == [
        "Atza|SECRET-access-1",
        "Atza|SECRET-access-2",
    ]
    denied = _status(403, {"errors": [{"code": "Unauthorized", "message": "Access to requested resource is denied."}]})
    amazon2 = FakeAmazon(routes={ORDERS: denied})
    async with _client(amazon2, InstantClock(), use_rdt=False) as client:
        with pytest.raises(sp.ForbiddenError):
            await client.request("GET", ORDERS)
    assert len(amazon2.api_requests()) == 1  # a missing role is not retried


async def test_restricted_operation_gets_a_cached_rdt() -> None:
    rdt_calls: list[Any] = []

    def rdt(request: httpx.Request) -> httpx.Response:
        import json

        rdt_calls.append((request.headers["x-amz-access-token"], json.loads(request.content)))
        return httpx.Response(
            200, json={"restrictedDataToken": f"Atz.sprdt|SECRET-{len(rdt_calls)}", "expiresIn": 3600}
        )

    amazon = FakeAmazon(
        routes={
            "/tokens/2021-03-01/restrictedDataToken": rdt,
            "/orders/v0/orders/1": _status(200, {"payload": {}}),
            "/orders/v0/orders/2": _status(200, {"payload": {}}),
        }
    )
    clock = InstantClock()
    elements = ("buyerInfo", "shippingAddress")
    async with _client(amazon, clock) as client:
        for order_id in ("1", "2"):
            await client.transport.send(
                ApiCall("GET", f"/orders/v0/orders/{order_id}", operation=GET_ORDER, data_elements=elements)
            )
        assert len(rdt_calls) == 1  # one RDT for the path template serves every order
        clock.advance(3600)
        await client.transport.send(ApiCall("GET", "/orders/v0/orders/1", operation=GET_ORDER, data_elements=elements))
        await client.transport.send(
            ApiCall("GET", "/orders/v0/orders/1", operation=GET_ORDER, restricted_data_token="Atz.sprdt|given")
        )
    assert len(rdt_calls) == 2
    assert rdt_calls[0] == (
        "Atza|SECRET-access-1",
        {
            "restrictedResources": [
                {
                    "method": "GET",
                    "path": "/orders/v0/orders/{orderId}",
                    "dataElements": ["buyerInfo", "shippingAddress"],
                }
            ]
        },
    )
    order_requests = [r for r in amazon.api_requests() if r.url.path.startswith("/orders")]
    assert [r.headers["x-amz-access-token"] for r in order_requests] == [
        "Atz.sprdt|SECRET-1",
        "Atz.sprdt|SECRET-1",
        "Atz.sprdt|SECRET-2",
        "Atz.sprdt|given",
    ]


async def test_connection_errors_map_to_transport_errors() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/o2/token":
            return httpx.Response(200, json={"access_token": "Atza|SECRET", "expires_in": 3600})
        raise httpx.ConnectError("connection refused", request=request)

    http = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
    clock = InstantClock()
    async with sp.SPAPIClient(
        CLIENT_ID,
        CLIENT_SECRET,
        REFRESH_TOKEN,
        endpoint=BASE,
        lwa_endpoint=LWA,
        http_client=http,
        clock=clock,
        retry=sp.RetryPolicy(max_attempts=2),
    ) as client:
        with pytest.raises(sp.TransportConnectionError) as info:
            await client.transport.send(ApiCall("POST", CREATE_REPORT.path, operation=CREATE_REPORT, json={}))
    assert info.value.request_sent is False
    assert len(clock.sleeps) == 1  # a POST that never left is safe to retry
    await http.aclose()


async def test_raw_request_sends_params_json_and_headers() -> None:
    seen: list[httpx.Request] = []

    def echo(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True})

    amazon = FakeAmazon(routes={"/any/future/path": echo})
    async with _client(amazon, InstantClock(), app_name="Acme ETL", app_version="3.0") as client:
        response = await client.request(
            "post", "/any/future/path", params=[("ids", "a"), ("ids", "b")], json={"x": 1}, headers={"X-Extra": "1"}
        )
        with pytest.raises(sp.ConfigurationError):
            await client.request("GET", "relative/path")
    assert response.json() == {"ok": True}
    request = seen[0]
    assert request.method == "POST"
    assert request.url.query == b"ids=a&ids=b"
    assert request.content == b'{"x":1}'
    assert request.headers["content-type"] == "application/json"
    assert request.headers["x-extra"] == "1"
    assert request.headers["user-agent"].startswith("Acme-ETL/3.0 (Language=Python/")


async def test_debug_logging_of_a_full_flow_never_shows_secrets(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)

    def rdt(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"restrictedDataToken": "Atz.sprdt|SECRET-rdt", "expiresIn": 3600})

    amazon = FakeAmazon(
        routes={
            "/tokens/2021-03-01/restrictedDataToken": rdt,
            "/orders/v0/orders/1": [_status(500), _status(200, {"payload": {}})],
            ORDERS: _status(400, {"errors": [{"code": "InvalidInput", "message": "bad"}]}),
        }
    )
    texts: list[str] = []
    async with _client(amazon, InstantClock()) as client:
        await client.transport.send(ApiCall("GET", "/orders/v0/orders/1", operation=GET_ORDER))
        try:
            await client.request("GET", ORDERS)
        except sp.BadRequestError as exc:
            texts += [str(exc), repr(exc), exc.body or ""]
        texts += [repr(client), repr(client.config), repr(client._auth), repr(client.token_store)]
    captured = capsys.readouterr()
    texts += [caplog.text, captured.out, captured.err]
    texts += [repr(r.__dict__) for r in caplog.records]
    blob = "\n".join(texts)
    assert "GET /orders/v0/orders/1" in caplog.text  # the flow was logged at DEBUG
    for secret in (CLIENT_SECRET, REFRESH_TOKEN, "Atza|SECRET-access-1", "Atz.sprdt|SECRET-rdt", "SECRET"):
        assert secret not in blob


async def test_a_cold_token_is_fetched_before_the_limiter_grants_the_slot() -> None:
    events: list[str] = []

    class OrderLimiter(RecordingLimiter):
        async def acquire(self, key: sp.LimitKey, plan: sp.UsagePlan) -> None:
            events.append("acquire")

    def handler(request: httpx.Request) -> httpx.Response:
        events.append("token" if request.url.path == "/auth/o2/token" else "send")
        if request.url.path == "/auth/o2/token":
            return httpx.Response(200, json={"access_token": "Atza|SECRET", "expires_in": 3600})
        return httpx.Response(200, json={"payload": {}})

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    async with sp.SPAPIClient(
        CLIENT_ID,
        CLIENT_SECRET,
        REFRESH_TOKEN,
        endpoint=BASE,
        lwa_endpoint=LWA,
        http_client=http,
        limiter=OrderLimiter(),
        clock=InstantClock(),
    ) as client:
        await client.request("GET", "/sellers/v1/marketplaceParticipations")
        await client.request("GET", "/sellers/v1/marketplaceParticipations")
    # the token fetch never sits between a grant and the request it was granted for
    assert events == ["token", "acquire", "send", "acquire", "send"]
    await http.aclose()
