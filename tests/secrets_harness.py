"""What the secret-leak tests share (``test_secrets_e2e.py``, ``test_secrets_focused.py``): secrets carrying the
marker ``MARKER``, a switchable stand-in for every host the clients talk to, and a client that knows them all."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

import spapi_async as sp

from .fakes import InstantClock

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


def make_client(server: Server, **kwargs: Any) -> sp.SPAPIClient:
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
