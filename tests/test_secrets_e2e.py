"""End to end: no secret leaves the library in clear (issue 16, item 1).

Every secret the clients know or receive contains the marker ``MARKER``. With every logger at DEBUG, each
scenario (success, every error status with bodies that echo the request's headers, token refusals that echo the
form or the Basic credentials, timeouts, redirects to another host, document transfers) is run, and everything a
user could see is searched for the marker: log records (formatted, with their exception info), and every error's
``str``, ``repr``, attributes, pickle and traceback rendered with locals (as rich, Sentry and ``pytest -l`` do).
The values have no recognisable shape, so they are scrubbed because the client knows them, not by pattern.
"""

from __future__ import annotations

import base64
import logging
import pickle
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.call import ApiCall
from spapi_async.documents.transfer import DocumentHttp, TransferSettings, upload

from .fakes import InstantClock
from .secrets_harness import (
    CLIENT_ID,
    CLIENT_SECRET,
    DOC_HOST,
    ERROR_STATUSES,
    GIVEN_RDT,
    LEGACY_KEY,
    LWA,
    MARK,
    PRESIGNED_QUERY,
    SC_BASE,
    SC_ID,
    SC_SECRET,
    SC_TOKEN,
    Server,
    make_client,
)


class Witness:
    """Everything a user could see, searched for the marker."""

    def __init__(self, caplog: pytest.LogCaptureFixture) -> None:
        self.caplog = caplog
        self.errors: list[BaseException] = []

    async def run(self, what: Callable[[], Awaitable[Any]]) -> BaseException | None:
        try:
            await what()
        except Exception as exc:  # every outcome is searched
            self.errors.append(exc)
            return exc
        return None

    def texts(self) -> list[tuple[str, str]]:
        formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
        out = [(f"log {r.name}", formatter.format(r)) for r in self.caplog.records]
        for exc in self.errors:
            name = type(exc).__name__
            rendered = "".join(traceback.TracebackException.from_exception(exc, capture_locals=True).format())
            out.append((f"{name} traceback with locals", rendered))
            out.append((f"{name} str/repr", f"{exc} {exc!r}"))
            out.append((f"{name} attributes", repr(vars(exc))))
            out.append((f"{name} pickle", pickle.dumps(exc).decode("latin-1")))
        return out

    def assert_clean(self) -> None:
        assert self.caplog.records, "nothing was logged: the scenario did not run at DEBUG"
        leaks = [(where, text) for where, text in self.texts() if MARK in text]
        assert not leaks, "secret marker found in: " + "; ".join(
            f"{where}: ...{text[max(0, text.index(MARK) - 80) : text.index(MARK) + 40]}..." for where, text in leaks
        )


@pytest.fixture
def witness(caplog: pytest.LogCaptureFixture) -> Witness:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "spapi_async", "spapi_async.documents"):
        caplog.set_level(logging.DEBUG, logger=name)
    return Witness(caplog)


@pytest.mark.anyio
async def test_sp_api_scenarios_leak_no_secret(witness: Witness) -> None:
    server = Server()
    client = make_client(server)
    transfer = httpx.MockTransport(server)
    documents = sp.Documents(client, transport=transfer)
    # success: a plain call, a restricted call (RDT), a call with a caller's RDT, a document download
    assert await witness.run(client.sellers_v1.get_marketplace_participations) is None
    assert (
        await witness.run(
            lambda: client.orders_v0.get_order(order_id="111-1111111-1111111", data_elements=["buyerInfo"])
        )
        is None
    )
    ok = await witness.run(
        lambda: client.request("GET", "/orders/v0/orders/111-1111111-1111111", restricted_data_token=GIVEN_RDT)
    )
    assert ok is None

    async def download() -> None:
        doc = await documents.report_document("d1")
        assert [row async for row in doc.rows()] == [{"sku": "A", "qty": "1"}]

    assert await witness.run(download) is None

    # a document upload the host refuses, then one that times out
    def refusing_host(request: httpx.Request) -> httpx.Response:
        if "timeout" in request.url.path:
            raise httpx.ReadTimeout("timed out", request=request)
        return httpx.Response(500, text=f"refused {request.url}")

    upload_http = DocumentHttp(TransferSettings(max_resumes=0), transport=httpx.MockTransport(refusing_host))
    for path in ("/upload/f1", "/upload/timeout"):
        failed = await witness.run(
            lambda path=path: upload(
                upload_http,
                f"{DOC_HOST}{path}?{PRESIGNED_QUERY}",
                body=b"sku\tqty\n",
                length=9,
                content_type="text/tab-separated-values",
                clock=InstantClock(),
            )
        )
        assert isinstance(failed, sp.DocumentTransferError)
    await upload_http.aclose()
    # every error status, the server echoing the request's headers, query and body
    for status in ERROR_STATUSES:
        server.api_status = status
        for call in (
            client.sellers_v1.get_marketplace_participations,
            lambda: client.orders_v0.get_order(order_id="111-1111111-1111111", data_elements=["buyerInfo"]),
            lambda: client.request("GET", "/orders/v0/orders/111-1111111-1111111", restricted_data_token=GIVEN_RDT),
        ):
            error = await witness.run(call)
            assert isinstance(error, sp.SPAPIError) and error.status_code == status
    server.api_status = 200
    # the Tokens API refusing an RDT and echoing the request
    for status in (400, 403, 500):
        server.rdt_status = status
        refused_rdt = await witness.run(
            lambda: client.orders_v0.get_order_items(order_id="111-1111111-1111112", data_elements=["buyerInfo"])
        )
        assert isinstance(refused_rdt, sp.SPAPIError) and refused_rdt.status_code == status
    server.rdt_status = 200
    # a success whose body does not parse, echoing the request
    server.echo_on_success = True
    for call in (
        client.sellers_v1.get_marketplace_participations,
        lambda: client.orders_v0.get_order(order_id="111-1111111-1111111", data_elements=["buyerInfo"]),
    ):
        assert isinstance(await witness.run(call), sp.ApiError)
    server.echo_on_success = False
    # a timeout
    server.timeout = True
    assert isinstance(await witness.run(client.sellers_v1.get_marketplace_participations), sp.TransportTimeoutError)
    server.timeout = False
    # a redirect to another host, with an HTTP client that follows redirects
    server.redirect = True
    redirected = await witness.run(client.sellers_v1.get_marketplace_participations)
    assert isinstance(redirected, sp.ApiError) and redirected.status_code == 307
    assert server.foreign_requests == []
    server.redirect = False
    # LWA refuses and echoes the form (refresh token and client secret)
    refusing_server = Server()
    refusing = make_client(refusing_server)
    refusing_server.lwa_status = 400
    refused = await witness.run(refusing.sellers_v1.get_marketplace_participations)
    assert isinstance(refused, sp.AuthError) and refused.status_code == 400
    refusing_server.lwa_status = 401
    assert isinstance(await witness.run(refusing.sellers_v1.get_marketplace_participations), sp.AuthError)
    await documents.aclose()
    await client.aclose()
    await refusing.aclose()
    witness.assert_clean()


@pytest.mark.anyio
async def test_authorization_code_refusal_leaks_no_secret(witness: Witness) -> None:
    def lwa(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": "invalid_grant", "error_description": request.content.decode()})

    http = httpx.AsyncClient(transport=httpx.MockTransport(lwa))
    error = await witness.run(
        lambda: sp.exchange_authorization_code(
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            code="code-MARKER-0015",
            lwa_endpoint=LWA,
            http_client=http,
        )
    )
    assert isinstance(error, sp.AuthError)
    await http.aclose()
    witness.assert_clean()


def _seller_center(status: int) -> tuple[sp.SellerCenterClient, httpx.AsyncClient]:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/oauth"):
            if status == 200:
                return httpx.Response(200, json={"access_token": SC_TOKEN, "expires_in": 3600})
            basic = request.headers.get("authorization", "")
            decoded = base64.b64decode(basic.removeprefix("Basic ")).decode()
            return httpx.Response(status, json={"title": "refused", "detail": f"{basic} ({decoded})"})
        echoed = f"{request.headers.get('authorization')} {request.headers.get('x-signature')} {dict(request.headers)}"
        return httpx.Response(403, json={"title": "denied", "detail": echoed})

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler), follow_redirects=True)
    client = sp.SellerCenterClient(
        base_url=SC_BASE,
        client_id=SC_ID,
        client_secret=SC_SECRET,
        http_client=http,
        retry=sp.RetryPolicy(max_attempts=1),
    )
    return client, http


@pytest.mark.anyio
async def test_seller_center_refusals_leak_no_secret(witness: Witness) -> None:
    refusing, http = _seller_center(401)
    assert isinstance(await witness.run(refusing.access_token), sp.AuthError)
    await refusing.aclose()
    await http.aclose()
    echoing, http = _seller_center(200)
    error = await witness.run(lambda: echoing.transport.send(ApiCall("GET", "/v2/orders")))
    assert isinstance(error, sp.SPAPIError) and error.status_code == 403
    await echoing.aclose()
    await http.aclose()

    def legacy(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            400, json={"ErrorResponse": {"Head": {"ErrorCode": "E1", "ErrorMessage": str(request.url)}}}
        )

    http = httpx.AsyncClient(transport=httpx.MockTransport(legacy))
    old = sp.SellerCenterLegacyClient(
        base_url=SC_BASE,
        user_id="user@example.com",
        api_key=LEGACY_KEY,
        http_client=http,
        retry=sp.RetryPolicy(max_attempts=1),
    )
    assert isinstance(await witness.run(lambda: old.call("GetProducts")), sp.SPAPIError)
    await old.aclose()
    await http.aclose()
    witness.assert_clean()
