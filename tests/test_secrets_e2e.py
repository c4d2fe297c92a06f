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
import json
import logging
import pickle
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.documents.transfer import DocumentHttp, TransferSettings, upload
from spapi_async.transport import ApiCall

from .fakes import InstantClock
from .loopback import LoopbackServer, Reply

MARK = "MARKER"
CLIENT_ID = "amzn1.application-oa2-client.e2e"
CLIENT_SECRET = "cs-MARKER-0001"
REFRESH = "rt-MARKER-0002"
ACCESS = "at-MARKER-0003"
RDT = "rdt-MARKER-0004"
AWS_KEY = "AKMARKER00000000005"
AWS_SECRET = "aws-secret-MARKER-0006"
AWS_SESSION = "aws-session-MARKER-0007"
SC_ID = "sc-client-e2e"
SC_SECRET = "sc-secret-MARKER-0011"
SC_TOKEN = "sc-token-MARKER-0012"
LEGACY_KEY = "legacy-key-MARKER-0013"
GIVEN_RDT = "given-rdt-MARKER-0014"
PRESIGNED_QUERY = (
    "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=cred-MARKER-0010%2F20261130%2Fus-east-1%2Fs3%2Faws4_request"
    "&X-Amz-Security-Token=sectok-MARKER-0009&X-Amz-Signature=sig-MARKER-0008"
)
BASE = "https://sellingpartnerapi-na.amazon.com"
LWA = "https://api.amazon.com/auth/o2/token"
DOC_HOST = "https://tortuga-prod-na.s3-external-1.amazonaws.com"
SC_BASE = "https://sellercenter-api.example.com"
ERROR_STATUSES = (400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503)


def _echo(request: httpx.Request) -> dict[str, Any]:
    """What a careless server echoes: every request header, the query and the form."""
    return {
        "headers": dict(request.headers),
        "query": str(request.url.query, "ascii"),
        "form": request.content.decode("latin-1"),
    }


class _Body(httpx.AsyncByteStream):
    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.data


class Server:
    """SP-API, LWA, the Tokens API, a document host and a foreign host, with a switchable behaviour."""

    def __init__(self) -> None:
        self.api_status = 200
        self.lwa_status = 200
        self.timeout = False
        self.redirect = False
        self.echo_on_success = False  # a 2xx whose body (not JSON) echoes the request
        self.rdt_status = 200  # the Tokens API refusing (and echoing the LWA token it was sent)
        self.foreign_requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if host == "evil.example":
            self.foreign_requests.append(request)
            return httpx.Response(200, json={"payload": {"stolen": dict(request.headers)}})
        if host.startswith("tortuga"):
            return httpx.Response(200, stream=_Body(b"sku\tqty\nA\t1\n"), headers={"content-type": "text/plain"})
        if request.url.path == "/auth/o2/token":
            if self.lwa_status != 200:
                echo = request.content.decode()
                return httpx.Response(self.lwa_status, json={"error": "invalid_grant", "error_description": echo})
            return httpx.Response(200, json={"access_token": ACCESS, "expires_in": 3600})
        if request.url.path == "/tokens/2021-03-01/restrictedDataToken":
            if self.rdt_status != 200:
                return httpx.Response(self.rdt_status, json={"errors": [{"code": "E", "message": str(_echo(request))}]})
            return httpx.Response(200, json={"restrictedDataToken": RDT, "expiresIn": 3600})
        if self.timeout:
            raise httpx.ReadTimeout("timed out", request=request)
        if self.redirect:
            return httpx.Response(307, headers={"location": "https://evil.example/collect"})
        if request.url.path.startswith("/reports/2021-06-30/documents/"):
            return httpx.Response(200, json={"reportDocumentId": "d1", "url": f"{DOC_HOST}/d1?{PRESIGNED_QUERY}"})
        if self.echo_on_success:
            return httpx.Response(200, text=json.dumps(_echo(request))[1:], headers={"content-type": "text/plain"})
        if self.api_status != 200:
            echo = _echo(request)
            body = {"errors": [{"code": "Echo", "message": json.dumps(echo), "details": str(echo)}], "echo": echo}
            return httpx.Response(self.api_status, json=body, headers={"x-amzn-RequestId": "rid-1"})
        if request.url.path.startswith("/orders/v0/orders/"):
            return httpx.Response(200, json={"payload": {"AmazonOrderId": "111-1111111-1111111"}})
        return httpx.Response(200, json={"payload": []})


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


def _client(server: Server, **kwargs: Any) -> sp.SPAPIClient:
    http = httpx.AsyncClient(transport=httpx.MockTransport(server), follow_redirects=True)
    return sp.SPAPIClient(
        CLIENT_ID,
        CLIENT_SECRET,
        REFRESH,
        endpoint=BASE,
        lwa_endpoint=LWA,
        aws_access_key=AWS_KEY,
        aws_secret_key=AWS_SECRET,
        aws_session_token=AWS_SESSION,
        http_client=http,
        retry=sp.RetryPolicy(max_attempts=1),
        clock=InstantClock(),
        **kwargs,
    )


@pytest.mark.anyio
async def test_sp_api_scenarios_leak_no_secret(witness: Witness) -> None:
    server = Server()
    client = _client(server)
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
    refusing = _client(refusing_server)
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


# ------------------------------------------------------------------------------------------- focused checks


@pytest.mark.anyio
async def test_redirects_to_another_host_are_never_followed() -> None:
    server = Server()
    server.redirect = True
    client = _client(server)
    with pytest.raises(sp.ApiError) as caught:
        await client.sellers_v1.get_marketplace_participations()
    assert caught.value.status_code == 307
    assert "evil.example" in str(caught.value)  # where it wanted to send us, without following
    assert server.foreign_requests == []
    await client.aclose()


@pytest.mark.anyio
async def test_token_requests_do_not_follow_redirects() -> None:
    foreign: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "evil.example":
            foreign.append(request)
            return httpx.Response(200, json={"access_token": "stolen", "expires_in": 3600})
        return httpx.Response(307, headers={"location": "https://evil.example/token"})

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler), follow_redirects=True)
    client = sp.SPAPIClient(
        CLIENT_ID, CLIENT_SECRET, REFRESH, endpoint=BASE, lwa_endpoint=LWA, http_client=http, clock=InstantClock()
    )
    with pytest.raises(sp.AuthError):
        await client.sellers_v1.get_marketplace_participations()
    assert foreign == []
    await client.aclose()
    await http.aclose()


@pytest.mark.anyio
async def test_httpx_request_log_line_hides_the_presigned_query(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    server = Server()
    client = _client(server)
    documents = sp.Documents(client, transport=httpx.MockTransport(server))
    doc = await documents.report_document("d1")
    assert [row async for row in doc.rows()] == [{"sku": "A", "qty": "1"}]
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any("tortuga" in line and "X-Amz-Signature=[redacted]" in line for line in lines)
    assert not [line for line in lines if MARK in line]
    await documents.aclose()
    await client.aclose()


@pytest.mark.anyio
async def test_lwa_refusal_echoing_the_form_is_clean_in_str_attributes_and_pickle() -> None:
    server = Server()
    server.lwa_status = 400
    client = _client(server)
    with pytest.raises(sp.AuthError) as caught:
        await client.sellers_v1.get_marketplace_participations()
    error = caught.value
    assert error.errors and error.errors[0].code == "invalid_grant"  # Amazon's error kept...
    assert "grant_type=refresh_token" in error.errors[0].message  # ...and its message, minus the secrets
    for text in (str(error), repr(vars(error)), pickle.dumps(error).decode("latin-1")):
        assert REFRESH not in text and CLIENT_SECRET not in text
    revived = pickle.loads(pickle.dumps(error))
    assert type(revived) is type(error) and REFRESH not in str(revived)
    await client.aclose()


@pytest.mark.anyio
async def test_document_transfer_over_sockets_logs_no_presigned_query(caplog: pytest.LogCaptureFixture) -> None:
    """The real network stack (httpx over httpcore, loopback sockets) at DEBUG: no line holds the signed values."""
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "spapi_async", "spapi_async.documents"):
        caplog.set_level(logging.DEBUG, logger=name)
    with LoopbackServer(Reply(200, b"sku\tqty\nA\t1\n", (("content-type", "text/plain"),))) as host:

        class Api(Server):
            def __call__(self, request: httpx.Request) -> httpx.Response:
                if request.url.path.startswith("/reports/2021-06-30/documents/"):
                    url = f"{host.url}/d1?{PRESIGNED_QUERY}"
                    return httpx.Response(200, json={"reportDocumentId": "d1", "url": url})
                return super().__call__(request)

        client = _client(Api())
        documents = sp.Documents(client)  # the default transport: real sockets
        doc = await documents.report_document("d1")
        assert [row async for row in doc.rows()] == [{"sku": "A", "qty": "1"}]
        await documents.aclose()
        await client.aclose()
        assert host.requests and "X-Amz-Signature=sig-MARKER-0008" in host.requests[0].target
    names = {r.name for r in caplog.records}
    assert "httpcore.connection" in names or "httpcore.http11" in names  # the socket layer did log
    formatter = logging.Formatter("%(name)s %(message)s")
    assert not [formatter.format(r) for r in caplog.records if MARK in formatter.format(r)]
