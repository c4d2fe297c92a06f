"""What the SigV4 tests share (``test_sigv4.py``, ``test_sigv4_sts.py``, ``test_sigv4_client.py``): AWS keys of
no account, a fixed signing time, a clock to hold it, and botocore's signature of a request as the reference."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any
from unittest import mock

import anyio
import anyio.lowlevel
import httpx
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

import spapi_async as sp
from spapi_async.auth.sigv4 import headers_to_sign
from spapi_async.config import build_config

ACCESS_KEY = "AKIDEXAMPLESIGV4TEST"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN//+=="
FIXED = dt.datetime(2026, 3, 14, 15, 9, 26, tzinfo=dt.timezone.utc)
FIXED_TS = float(calendar.timegm(FIXED.utctimetuple()))
API = "https://sellingpartnerapi-eu.amazon.com"
LWA = "https://api.amazon.com/auth/o2/token"
ROLE = "arn:aws:iam::123456789012:role/spapi-role"


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now
        self.mono = 0.0

    def monotonic(self) -> float:
        return self.mono

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.mono += seconds
        await anyio.lowlevel.checkpoint()


def botocore_authorization(
    request: httpx.Request, *, region: str, access_key: str, secret_key: str, token: str | None = None
) -> str:
    """botocore's SigV4 signature of the same request, over the same headers, at the request's x-amz-date."""
    amz_date = request.headers["x-amz-date"]
    stamp = dt.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ")
    signed = headers_to_sign(request.headers)
    signed.pop("x-amz-security-token", None)  # botocore adds it itself from the credentials
    raw_path = request.url.raw_path.decode().partition("?")[0]
    aws = AWSRequest(
        method=request.method,
        url=f"{request.url.scheme}://{request.url.netloc.decode()}{raw_path}",
        headers=signed,
        data=request.content,
        params=list(request.url.params.multi_items()),
    )
    auth = SigV4Auth(Credentials(access_key, secret_key, token), "execute-api", region)
    with mock.patch("botocore.auth.get_current_datetime", return_value=stamp):
        auth.add_auth(aws)
    return str(aws.headers["Authorization"])


def make_config(**kwargs: object) -> sp.client.ClientConfig:  # type: ignore[name-defined]
    return build_config(client_id="amzn1.app", client_secret="cs", refresh_token="rt", region="eu", **kwargs)  # type: ignore[arg-type]


def lwa_ok() -> httpx.Response:
    return httpx.Response(200, json={"access_token": "Atza|e2e-access-token", "expires_in": 3600})


def eu_client(**kwargs: Any) -> sp.SPAPIClient:
    """A client of the EU endpoint signing with :data:`ACCESS_KEY` / :data:`SECRET_KEY` (and ``kwargs``)."""
    return sp.SPAPIClient(
        "amzn1.application-oa2-client.e2e",
        "client-secret-value",
        "Atzr|refresh-token-value",
        region="eu",
        aws_access_key=ACCESS_KEY,
        aws_secret_key=SECRET_KEY,
        **kwargs,
    )
