"""Bad input, as README promises: ConfigurationError naming the argument, before any I/O (constructors, generated
methods, date-times, timeouts, headers and the user agent)."""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.throttle.base import NullLimiter

from .fakes import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, fake_client

MARKETPLACE = "ATVPDKIKX0DER"
SC_BASE = "http://127.0.0.1:9"


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/auth/o2/token":
            return httpx.Response(200, json={"access_token": "SECRET-token", "expires_in": 3600})
        if request.url.path == "/tokens/2021-03-01/restrictedDataToken":
            return httpx.Response(200, json={"restrictedDataToken": "SECRET-rdt", "expiresIn": 3600})
        return httpx.Response(200, json={"payload": {"Orders": []}})


def _client(recorder: Recorder) -> sp.SPAPIClient:
    return fake_client(httpx.AsyncClient(transport=httpx.MockTransport(recorder)), limiter=NullLimiter())


@pytest.mark.parametrize(
    ("argument", "value"),
    [
        ("marketplace", 123),
        ("region", 5),
        ("endpoint", 123),
        ("lwa_endpoint", b"http://127.0.0.1"),
        ("timeout", "30"),
        ("timeout", math.nan),
        ("timeout", math.inf),
        ("timeout", True),
        ("user_agent", "app/1.0\r\nX-Injected: 1"),
        ("user_agent", "app\x00"),
        ("user_agent", 42),
        ("app_name", 7),
        ("grantless_scopes", "sellingpartnerapi::notifications"),
        ("sandbox", "yes"),
        ("role_arn", 1),
        ("client_id", 99),
    ],
)
def test_constructor_arguments_of_the_wrong_type_or_value(argument: str, value: Any) -> None:
    options: dict[str, Any] = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "refresh_token": REFRESH_TOKEN}
    options[argument] = value
    with pytest.raises(sp.ConfigurationError, match=argument):
        sp.SPAPIClient(**options)


@pytest.mark.parametrize(
    ("client", "argument", "value"),
    [
        ("v2", "timeout", "30"),
        ("v2", "timeout", math.nan),
        ("v2", "user_agent", "a\nb"),
        ("legacy", "timeout", math.inf),
        ("legacy", "user_agent", "a\r\nb"),
    ],
)
def test_seller_center_constructor_arguments(client: str, argument: str, value: Any) -> None:
    make: Any = (
        (lambda: sp.SellerCenterClient(SC_BASE, "app", "secret", **{argument: value}))
        if client == "v2"
        else (lambda: sp.SellerCenterLegacyClient(SC_BASE, "user@example.com", "key", **{argument: value}))
    )
    with pytest.raises(sp.ConfigurationError, match=argument):
        make()


async def test_with_options_checks_what_it_changes() -> None:
    async with _client(Recorder()) as client:
        with pytest.raises(sp.ConfigurationError, match="timeout"):
            client.with_options(timeout=math.nan)
        with pytest.raises(sp.ConfigurationError, match="timeout"):
            client.with_options(timeout="5")
        with pytest.raises(sp.ConfigurationError, match="user_agent"):
            client.with_options(user_agent="a\r\nb")
        with pytest.raises(sp.ConfigurationError, match="bogus"):
            client.with_options(bogus=1)


async def test_generated_methods_missing_or_unknown_arguments() -> None:
    recorder = Recorder()
    async with _client(recorder) as client:
        with pytest.raises(sp.ConfigurationError, match="marketplace_ids"):
            client.orders_v0.get_orders()  # type: ignore[call-arg]
        with pytest.raises(sp.ConfigurationError, match="order_id"):
            await client.orders_v0.get_order()  # type: ignore[call-arg]
        with pytest.raises(sp.ConfigurationError, match="marketplaceIds"):
            client.orders_v0.get_orders(marketplaceIds=[MARKETPLACE])  # type: ignore[call-arg]
        with pytest.raises(sp.ConfigurationError, match="positional"):
            await client.orders_v0.get_order("1")  # type: ignore[misc]
    assert recorder.requests == []


MALFORMED = ["yesterday", "2025-13-01", "2025-01-32T00:00:00Z", "2025-01-01T25:00:00Z", "1/2/2025", ""]
ISO_8601 = ["2025-01-01", "2025-01-01T00:00:00Z", "2025-01-01T08:30:00.125+02:00", "2025-01-01T08:30Z"]


async def test_malformed_date_times_are_refused_and_iso_8601_text_is_sent_as_given() -> None:
    recorder = Recorder()
    async with _client(recorder) as client:
        for text in MALFORMED:
            with pytest.raises(sp.ConfigurationError, match="created_after"):
                client.orders_v0.get_orders(marketplace_ids=[MARKETPLACE], created_after=text)
        assert recorder.requests == []
        for text in ISO_8601:
            await client.orders_v0.get_orders(marketplace_ids=[MARKETPLACE], created_after=text)
    sent = [r.url.params["CreatedAfter"] for r in recorder.requests if r.url.path == "/orders/v0/orders"]
    assert sent == ISO_8601


async def test_request_timeout_and_headers_are_checked() -> None:
    recorder = Recorder()
    async with _client(recorder) as client:
        for timeout in (math.nan, -1.0, "30"):
            with pytest.raises(sp.ConfigurationError, match="timeout"):
                await client.request("GET", "/sellers/v1/marketplaceParticipations", timeout=timeout)  # type: ignore[arg-type]
        for headers in ({"x-note": "a\r\nInjected: 1"}, {"x-note": "caf\u00e9 \u2603"}, {"bad name": "v"}):
            with pytest.raises(sp.ConfigurationError, match="headers"):
                await client.request("GET", "/sellers/v1/marketplaceParticipations", headers=headers)
        with pytest.raises(sp.ConfigurationError, match="x_amzn_fulfillment_service_id"):
            await client.fulfillment_outbound_2026_07_04.get_order_preview(
                body={}, x_amzn_fulfillment_service_id="svc\r\nInjected: 1"
            )
    assert recorder.requests == []
