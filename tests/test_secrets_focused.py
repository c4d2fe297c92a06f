"""Focused checks on what could leak a secret: redirects never followed (API and token requests), httpx's request
log line, an LWA refusal echoing the form, and a document transfer over real sockets at DEBUG."""

from __future__ import annotations

import logging
import pickle

import httpx
import pytest

import spapi_async as sp

from .fakes import InstantClock
from .loopback import LoopbackServer, Reply
from .secrets_harness import BASE, CLIENT_ID, CLIENT_SECRET, LWA, MARK, PRESIGNED_QUERY, REFRESH, Server, make_client


@pytest.mark.anyio
async def test_redirects_to_another_host_are_never_followed() -> None:
    server = Server()
    server.redirect = True
    client = make_client(server)
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
    client = make_client(server)
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
    client = make_client(server)
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

        client = make_client(Api())
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
