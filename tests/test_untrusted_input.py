"""Every failure is a library error (issue 16, item 2): bodies, documents, headers and request bodies that used to
raise builtin exceptions (RecursionError, UnicodeError, ValueError, UnicodeEncodeError) or were sent as invalid JSON."""

from __future__ import annotations

import json
import math
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.client import HttpBackend
from spapi_async.documents import codec, parse
from spapi_async.documents.errors import DocumentParseError
from spapi_async.sellercenter.legacy_format import decode as legacy_decode
from tests.loopback import LoopbackServer, Reply, SeenRequest

from .fakes import InstantClock

DEEP = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"errors":' + "[" * 50_000 + "]" * 50_000 + "}"
BASE = "https://sellingpartnerapi-na.amazon.com"
LWA = "https://api.amazon.com/auth/o2/token"


class Api:
    """LWA plus one SP-API answer; counts what reaches the API."""

    def __init__(self, status: int = 200, body: str = '{"payload":[]}', token_body: str | None = None) -> None:
        self.status = status
        self.body = body
        self.token_body = token_body
        self.api_requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/o2/token":
            body = self.token_body or json.dumps({"access_token": "Atza|token", "expires_in": 3600})
            return httpx.Response(200, content=body.encode(), headers={"content-type": "application/json"})
        self.api_requests.append(request)
        return httpx.Response(self.status, content=self.body.encode(), headers={"content-type": "application/json"})


def _client(api: Api) -> sp.SPAPIClient:
    return sp.SPAPIClient(
        "amzn1.application-oa2-client.x",
        "client-secret",
        "Atzr|refresh",
        endpoint=BASE,
        lwa_endpoint=LWA,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(api)),
        retry=sp.RetryPolicy(max_attempts=1),
        clock=InstantClock(),
    )


# ------------------------------------------------------------------------------------------- deep JSON


@pytest.mark.parametrize("status", [200, 400, 403, 500])
@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT])
async def test_deeply_nested_json_is_a_library_error(status: int, body: str) -> None:
    api = Api(status, body)
    async with _client(api) as client:
        with pytest.raises(sp.SPAPIError) as caught:
            await client.sellers_v1.get_marketplace_participations()
    assert caught.value.status_code == status
    assert not isinstance(caught.value, RecursionError)


async def test_deeply_nested_token_answer_is_an_auth_error() -> None:
    async with _client(Api(token_body='{"access_token":' + DEEP + "}")) as client:
        with pytest.raises(sp.AuthError):
            await client.sellers_v1.get_marketplace_participations()


async def test_deeply_nested_rdt_answer_is_a_library_error() -> None:
    api = Api(200, DEEP)
    async with _client(api) as client:
        with pytest.raises(sp.SPAPIError):
            await client.orders_v0.get_order(order_id="111-1111111-1111111")


def test_legacy_seller_center_deep_bodies_decode_to_none() -> None:
    assert legacy_decode(DEEP.encode()) is None
    assert legacy_decode(("<a>" * 5000 + "</a>" * 5000).encode()) is None


async def test_seller_center_v2_deep_body_is_a_library_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/oauth"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
        return httpx.Response(200, content=DEEP.encode(), headers={"content-type": "application/json"})

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    async with sp.SellerCenterClient(
        base_url="https://sellercenter-api.example.com", client_id="c", client_secret="s", http_client=http
    ) as client:
        with pytest.raises(sp.SPAPIError):
            await client.update_stock([{"productId": 1, "quantity": 2}])


# ------------------------------------------------------------------------------------------- documents


async def _chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def _texts(*parts: str) -> AsyncIterator[str]:
    for part in parts:
        yield part


async def _drain(gen: AsyncIterator[Any]) -> list[Any]:
    return [x async for x in gen]


async def test_utf16_declared_but_utf8_written_is_a_parse_error() -> None:
    name = codec.python_codec("UTF-16")
    with pytest.raises(DocumentParseError, match="not valid utf-16"):
        await _drain(codec.decode(_chunks(b"sku\tqty\nA\t1\n"), name))


async def test_xml_record_that_never_closes_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MAX_RECORD_CHARS", 1024 * 1024)
    piece = b"<Field>value</Field>" * 10_000  # 200 kB
    chunks = [b"<?xml version='1.0'?><Report><Order>", *([piece] * 20)]  # 4 MB, the record never closes
    with pytest.raises(DocumentParseError, match="XML record longer than"):
        await _drain(parse.xml_records(_chunks(*chunks)))


async def test_xml_cap_leaves_normal_records_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MAX_RECORD_CHARS", 1024 * 1024)
    record = b"<Order><Id>1</Id></Order>"
    chunks = [b"<Report>", *([record * 20_000] * 5), b"</Report>"]  # 2.5 MB in total, small records
    batches = await _drain(parse.xml_records(_chunks(*chunks)))
    assert sum(len(b) for b in batches) == 100_000


async def test_deeply_nested_xml_and_json_documents_are_parse_errors() -> None:
    with pytest.raises(DocumentParseError, match="nested"):
        await _drain(parse.xml_records(_chunks(b"<r>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</r>")))
    with pytest.raises(DocumentParseError, match="nested"):
        await _drain(parse.json_records(_texts(DEEP)))


# ------------------------------------------------------------------------------------------- headers, bodies


@pytest.mark.parametrize("value", ["a\r\nInjected: 1", "a\nb", "a\x00b", "snow \u2603"])
async def test_unsendable_header_values_are_configuration_errors_before_io(value: str) -> None:
    api = Api()
    async with _client(api) as client:
        with pytest.raises(sp.ConfigurationError, match="x-custom"):
            await client.request("GET", "/sellers/v1/marketplaceParticipations", headers={"x-custom": value})
    assert api.api_requests == []


@pytest.mark.parametrize("backend", ["httpx", "aiohttp"])
@pytest.mark.parametrize("value", ["a\r\nInjected: 1", "snow \u2603"])
async def test_unsendable_headers_on_both_backends(backend: HttpBackend, value: str) -> None:
    def handler(request: SeenRequest) -> Reply:
        if request.path == "/auth/o2/token":
            return Reply.json(200, json.dumps({"access_token": "Atza|t", "expires_in": 3600}))
        return Reply()

    with LoopbackServer() as server:
        server.handle_with(handler)
        client = sp.SPAPIClient(
            "amzn1.application-oa2-client.x",
            "client-secret",
            "Atzr|refresh",
            endpoint=server.url,
            lwa_endpoint=server.url + "/auth/o2/token",
            http_backend=backend,
            retry=sp.RetryPolicy(max_attempts=1),
            clock=InstantClock(),
        )
        async with client:
            with pytest.raises(sp.ConfigurationError):
                await client.request("GET", "/sellers/v1/marketplaceParticipations", headers={"x-custom": value})
        assert [r for r in server.requests if r.path != "/auth/o2/token"] == []


def test_unsendable_user_agent_is_a_configuration_error() -> None:
    with pytest.raises(sp.ConfigurationError):
        sp.SPAPIClient("id", "secret", "Atzr|r", endpoint=BASE, user_agent="bad\r\nagent")


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf])
async def test_non_finite_numbers_in_a_body_are_configuration_errors_before_io(number: float) -> None:
    api = Api()
    async with _client(api) as client:
        with pytest.raises(sp.ConfigurationError, match="JSON"):
            await client.request("POST", "/feeds/2021-06-30/documents", json={"contentType": "x", "n": number})
    assert api.api_requests == []


async def test_unencodable_bodies_are_configuration_errors_before_io() -> None:
    api = Api()
    nested: list[Any] = []
    for _ in range(5000):
        nested = [nested]
    async with _client(api) as client:
        for body in (nested, {"s": "\ud800"}, {"o": object()}):
            with pytest.raises(sp.ConfigurationError):
                await client.request("POST", "/feeds/2021-06-30/documents", json=body)
    assert api.api_requests == []


async def test_a_token_that_cannot_be_sent_as_a_header_is_refused_before_io() -> None:
    api = Api(token_body=json.dumps({"access_token": "Atza|x\r\nX-Injected: 1", "expires_in": 3600}))
    async with _client(api) as client:
        with pytest.raises(sp.SPAPIError, match="credential header 'x-amz-access-token'"):
            await client.sellers_v1.get_marketplace_participations()
    assert api.api_requests == []
