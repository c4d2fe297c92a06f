"""SigV4: our signer against botocore's own, STS AssumeRole against moto, and the client end to end."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from unittest import mock

import anyio
import httpx
import pytest
import respx
import sniffio
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from moto.server import ThreadedMotoServer

import spapi_async as sp
from spapi_async.auth import sigv4
from spapi_async.auth.sigv4 import (
    AssumeRoleCredentials,
    AwsCredentials,
    SigV4Signer,
    StaticCredentials,
    canonical_path,
    create_signer,
    headers_to_sign,
)
from spapi_async.client import HttpBackend
from spapi_async.config import Secret, build_config
from spapi_async.retry import RetryPolicy
from tests.loopback import LoopbackServer, Reply

ACCESS_KEY = "AKIDEXAMPLESIGV4TEST"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN//+=="
FIXED = dt.datetime(2026, 3, 14, 15, 9, 26, tzinfo=dt.timezone.utc)
FIXED_TS = float(calendar.timegm(FIXED.utctimetuple()))
API = "https://sellingpartnerapi-eu.amazon.com"
LWA = "https://api.amazon.com/auth/o2/token"


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


def _request(method: str, url: str, **kwargs: object) -> httpx.Request:
    headers = {
        "x-amz-access-token": "Atza|access-token-value",
        "x-amz-date": FIXED.strftime("%Y%m%dT%H%M%SZ"),
        "user-agent": "spapi-async/test",
        "accept": "application/json",
    }
    headers.update(kwargs.pop("headers", {}))  # type: ignore[arg-type]
    return httpx.Request(method, url, headers=headers, **kwargs)  # type: ignore[arg-type]


CASES = {
    "get-repeated-and-encoded-query": lambda: _request(
        "GET",
        f"{API}/orders/v0/orders",
        params=[
            ("MarketplaceIds", "A1PA6795UKMFR9,A1F83G8C2ARO7P"),
            ("CreatedAfter", "2025-01-01T00:00:00Z"),
            ("tag", "zeta"),
            ("tag", "alpha"),
            ("q", "a b+c/ü~*'()!"),
            ("empty", ""),
        ],
    ),
    "post-json-body": lambda: _request(
        "POST",
        f"{API}/tokens/2021-03-01/restrictedDataToken",
        content=json.dumps({"restrictedResources": [{"method": "GET", "path": "/orders/v0/orders"}]}).encode(),
        headers={"content-type": "application/json"},
    ),
    "path-with-encoded-characters": lambda: _request(
        "PUT",
        f"{API}/listings/2021-08-01/items/A3SELLER/SKU%20with%2Fslash%C3%BC%2B",
        params={"marketplaceIds": "A1PA6795UKMFR9"},
        content=b'{"productType":"SHIRT"}',
        headers={"content-type": "application/json; charset=utf-8"},
    ),
    "path-with-empty-segments-and-trailing-slash": lambda: _request("DELETE", f"{API}/a//b/c/"),
    "root-path-non-default-port": lambda: _request("GET", "http://127.0.0.1:8123/"),
}


@pytest.mark.parametrize("token", [None, SESSION_TOKEN], ids=["keys", "session-token"])
@pytest.mark.parametrize("case", sorted(CASES))
async def test_signature_equals_botocore(case: str, token: str | None) -> None:
    request = CASES[case]()
    creds = AwsCredentials(Secret(ACCESS_KEY), Secret(SECRET_KEY), Secret(token) if token else None)
    signer = SigV4Signer(StaticCredentials(creds), region="eu-west-1", clock=FakeClock(FIXED_TS))
    await signer.sign(request)
    expected = botocore_authorization(
        request, region="eu-west-1", access_key=ACCESS_KEY, secret_key=SECRET_KEY, token=token
    )
    assert request.headers["authorization"] == expected
    assert request.headers.get("x-amz-security-token") == token
    assert "x-amz-access-token" in expected  # the LWA token is covered by the signature
    assert "user-agent" not in expected.split("SignedHeaders=")[1]


def test_aws_published_vector_get_vanilla() -> None:
    """AWS's SigV4 test suite, case get-vanilla: a known signature for known inputs."""
    parts = sigv4.compute_signature(
        method="GET",
        raw_path="/",
        query=[],
        headers={"Host": "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z"},
        payload_hash=sigv4._EMPTY_SHA256,
        amz_date="20150830T123600Z",
        region="us-east-1",
        service="service",
        access_key="AKIDEXAMPLE",
        key=sigv4.signing_key(SECRET_KEY, "20150830", "us-east-1", "service"),
    )
    assert parts.signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
    assert parts.signed_headers == "host;x-amz-date"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", "/"),
        ("/", "/"),
        ("/a/./b/../c", "/a/c"),
        ("/a//b/", "/a/b/"),
        ("/sku%20x", "/sku%2520x"),
        ("/~user/x", "/~user/x"),
    ],
)
def test_canonical_path(raw: str, expected: str) -> None:
    assert canonical_path(raw) == expected


async def test_resigning_replaces_previous_signature_and_missing_date_comes_from_clock() -> None:
    clock = FakeClock(FIXED_TS)
    creds = AwsCredentials(Secret(ACCESS_KEY), Secret(SECRET_KEY), Secret(SESSION_TOKEN))
    signer = SigV4Signer(StaticCredentials(creds), region="us-east-1", clock=clock)
    request = httpx.Request("GET", f"{API}/sellers/v1/marketplaceParticipations", headers={"x-amz-access-token": "t"})
    await signer.sign(request)
    assert request.headers["x-amz-date"] == "20260314T150926Z"
    first = request.headers["authorization"]
    # A retry a day later: new date, new signing key, exactly one Authorization header.
    clock.now += 86400
    request.headers["x-amz-date"] = sigv4.amz_date_of(clock.now)
    await signer.sign(request)
    assert request.headers.get_list("authorization") == [request.headers["authorization"]]
    assert request.headers.get_list("x-amz-security-token") == [SESSION_TOKEN]
    assert request.headers["authorization"] != first
    assert "/20260315/us-east-1/execute-api/aws4_request" in request.headers["authorization"]
    assert request.headers["authorization"] == botocore_authorization(
        request, region="us-east-1", access_key=ACCESS_KEY, secret_key=SECRET_KEY, token=SESSION_TOKEN
    )


def test_reprs_hide_credentials() -> None:
    creds = AwsCredentials(Secret(ACCESS_KEY), Secret(SECRET_KEY), Secret(SESSION_TOKEN))
    signer = SigV4Signer(StaticCredentials(creds), region="us-east-1", clock=FakeClock(0))
    for text in (repr(creds), repr(signer), str(creds)):
        for secret in (ACCESS_KEY, SECRET_KEY, SESSION_TOKEN):
            assert secret not in text


def _config(**kwargs: object) -> sp.client.ClientConfig:  # type: ignore[name-defined]
    return build_config(client_id="amzn1.app", client_secret="cs", refresh_token="rt", region="eu", **kwargs)  # type: ignore[arg-type]


def test_role_arn_without_the_extra_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "aiobotocore", None)
    monkeypatch.setitem(sys.modules, "aiobotocore.session", None)
    config = _config(aws_access_key=ACCESS_KEY, aws_secret_key=SECRET_KEY, role_arn="arn:aws:iam::123456789012:role/x")
    with pytest.raises(sp.ConfigurationError, match=r"pip install 'spapi-async\[sigv4\]'"):
        create_signer(config, clock=FakeClock(0))


def test_static_keys_need_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "aiobotocore", None)
    monkeypatch.setitem(sys.modules, "aiobotocore.session", None)
    signer = create_signer(_config(aws_access_key=ACCESS_KEY, aws_secret_key=SECRET_KEY), clock=FakeClock(0))
    assert isinstance(signer, SigV4Signer)
    assert signer.region == "eu-west-1"


# ------------------------------------------------------------------------------------------- STS against moto


@pytest.fixture(scope="module")
def moto_sts() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


ROLE = "arn:aws:iam::123456789012:role/spapi-role"


def _provider(endpoint: str, clock: FakeClock) -> AssumeRoleCredentials:
    return AssumeRoleCredentials(
        ROLE,
        region="us-east-1",
        clock=clock,
        base=AwsCredentials(Secret(ACCESS_KEY), Secret(SECRET_KEY)),
        endpoint_url=endpoint,
        duration=900,
    )


async def test_assume_role_caches_then_refreshes_before_expiry(moto_sts: str) -> None:
    import time

    clock = FakeClock(time.time())
    provider = _provider(moto_sts, clock)
    first = await provider.credentials()
    assert provider.refresh_count == 1
    assert first.session_token is not None
    assert first.session_token.get()
    assert first.access_key.get() != ACCESS_KEY
    assert first.expires_at is not None
    assert first.expires_at > clock.now
    assert await provider.credentials() is first
    # Just outside the refresh margin: still the same credentials.
    clock.now = first.expires_at - sigv4.REFRESH_MARGIN - 1
    assert await provider.credentials() is first
    assert provider.refresh_count == 1
    # Inside the margin (still valid for a few minutes): renewed, once, however many callers ask at once.
    clock.now = first.expires_at - sigv4.REFRESH_MARGIN + 1
    results: list[AwsCredentials] = []

    async def ask() -> None:
        results.append(await provider.credentials())

    async with anyio.create_task_group() as tg:
        for _ in range(8):
            tg.start_soon(ask)
    assert provider.refresh_count == 2
    assert len({id(r) for r in results}) == 1
    second = results[0]
    assert second is not first
    assert second.access_key.get() != first.access_key.get()


async def test_assume_role_refusal_is_an_auth_error_without_secrets(moto_sts: str) -> None:
    provider = AssumeRoleCredentials(
        ROLE,
        region="us-east-1",
        clock=FakeClock(0),
        base=AwsCredentials(Secret(ACCESS_KEY), Secret(SECRET_KEY)),
        endpoint_url=moto_sts,
        session_name="s" * 65,  # STS allows at most 64 characters: a validation error (400), not retried
    )
    with pytest.raises(sp.AuthError) as info:
        await provider.credentials()
    assert info.value.status_code == 400
    assert "ValidationError" in str(info.value)
    assert SECRET_KEY not in str(info.value)
    assert ACCESS_KEY not in str(info.value)
    assert provider.refresh_count == 0


# ------------------------------------------------------------------------------------------------ end to end


def _lwa_ok() -> httpx.Response:
    return httpx.Response(200, json={"access_token": "Atza|e2e-access-token", "expires_in": 3600})


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_client_signs_every_attempt(backend: str, caplog: pytest.LogCaptureFixture) -> None:
    # A plain test running its body with anyio.run: pytest-asyncio's auto mode would run an async test on asyncio.
    anyio.run(_client_signs_every_attempt, caplog, backend, backend=backend)


async def _client_signs_every_attempt(caplog: pytest.LogCaptureFixture, backend: str) -> None:
    assert sniffio.current_async_library() == backend
    caplog.set_level(logging.DEBUG)
    clock = FakeClock(FIXED_TS)
    seen: list[httpx.Request] = []
    answers = iter(
        [
            httpx.Response(429, json={"errors": [{"code": "QuotaExceeded", "message": "slow down"}]}),
            httpx.Response(200, json={"payload": []}),
        ]
    )

    def api(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return next(answers)

    with respx.mock(assert_all_called=True) as mock:
        mock.post(LWA).mock(side_effect=lambda request: _lwa_ok())
        mock.get(url__startswith=API).mock(side_effect=api)
        client = sp.SPAPIClient(
            "amzn1.application-oa2-client.e2e",
            "client-secret-value",
            "Atzr|refresh-token-value",
            region="eu",
            aws_access_key=ACCESS_KEY,
            aws_secret_key=SECRET_KEY,
            aws_session_token=SESSION_TOKEN,
            retry=RetryPolicy(max_attempts=3, backoff=2.0, jitter=False),
            clock=clock,
            use_rdt=False,  # getOrders is restricted; this test is about signing, not RDTs
            limiter=sp.NullLimiter(),  # the retry waits the policy's 2 s backoff, not getOrders' next token (60 s)
        )
        async with client:
            response = await client.request(
                "GET", "/orders/v0/orders", params={"MarketplaceIds": "A1PA6795UKMFR9", "q": "a b"}
            )
            texts = [repr(client), repr(client.config), str(client.config), repr(client.transport.signer)]
    texts.append(caplog.text)  # everything logged while the client ran (before botocore's reference signer logs)
    assert response.status_code == 200
    assert "retrying GET /orders/v0/orders" in texts[-1]  # the log was captured, so the check below means something
    assert len(seen) == 2
    dates = [r.headers["x-amz-date"] for r in seen]
    assert dates == ["20260314T150926Z", "20260314T150928Z"]  # the retry waited 2 s and was signed afresh
    for request in seen:
        assert request.headers["x-amz-security-token"] == SESSION_TOKEN
        assert request.headers["x-amz-access-token"] == "Atza|e2e-access-token"
        assert request.headers["authorization"] == botocore_authorization(
            request, region="eu-west-1", access_key=ACCESS_KEY, secret_key=SECRET_KEY, token=SESSION_TOKEN
        )
    secrets = [SECRET_KEY, SESSION_TOKEN, ACCESS_KEY, "client-secret-value", "Atzr|refresh-token-value", "e2e-access"]
    for text in texts:
        for secret in secrets:
            assert secret not in text


async def test_client_with_role_arn_signs_with_assumed_credentials(
    moto_sts: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_STS", moto_sts)
    seen: list[httpx.Request] = []

    def api(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"payload": {}})

    with respx.mock(assert_all_called=True) as mock:
        mock.post(LWA).mock(side_effect=lambda request: _lwa_ok())
        mock.get(url__startswith=API).mock(side_effect=api)
        async with sp.SPAPIClient(
            "amzn1.application-oa2-client.e2e",
            "client-secret-value",
            "Atzr|refresh-token-value",
            region="eu",
            aws_access_key=ACCESS_KEY,
            aws_secret_key=SECRET_KEY,
            role_arn=ROLE,
        ) as client:
            await client.request("GET", "/sellers/v1/marketplaceParticipations")
            await client.request("GET", "/sellers/v1/marketplaceParticipations")
            provider = client.transport.signer.provider  # type: ignore[union-attr]
            assert isinstance(provider, AssumeRoleCredentials)
            assert provider.refresh_count == 1
            assumed = await provider.credentials()
    assert len(seen) == 2
    for request in seen:
        assert f"Credential={assumed.access_key.get()}/" in request.headers["authorization"]
        assert assumed.session_token is not None
        assert request.headers["x-amz-security-token"] == assumed.session_token.get()
        assert request.headers["authorization"] == botocore_authorization(
            request,
            region="eu-west-1",
            access_key=assumed.access_key.get(),
            secret_key=assumed.secret_key.get(),
            token=assumed.session_token.get(),
        )


@pytest.mark.parametrize("backend", ["httpx", "aiohttp"])
async def test_what_is_signed_is_what_arrives(backend: HttpBackend) -> None:
    """Over a real socket, with either HTTP backend: the server can verify the signature from the bytes it got."""
    with LoopbackServer() as server:
        server.script([Reply.json(200, json.dumps({"access_token": "Atza|wire", "expires_in": 3600}))])
        async with sp.SPAPIClient(
            "amzn1.application-oa2-client.wire",
            "client-secret-value",
            "Atzr|refresh-token-value",
            region="fe",
            endpoint=server.url,
            lwa_endpoint=server.url + "/auth/o2/token",
            aws_access_key=ACCESS_KEY,
            aws_secret_key=SECRET_KEY,
            http_backend=backend,
        ) as client:
            await client.request(
                "PATCH",
                "/listings/2021-08-01/items/A3SELLER/SKU%20%2F%C3%BC%2B1",
                params=[("marketplaceIds", "A1VC38T7YXB528,A39IBJ37TRP1C6"), ("includedData", "issues attributes")],
                json={"patches": [{"op": "replace", "path": "/attributes/item_name", "value": ["naïve ~ 100%"]}]},
            )
        seen = server.requests[-1]
    assert seen.method == "PATCH"
    assert seen.path == "/listings/2021-08-01/items/A3SELLER/SKU%20%2F%C3%BC%2B1"
    arrived = httpx.Request(seen.method, server.url + seen.target, headers=seen.headers, content=seen.body)
    assert seen.headers["authorization"] == botocore_authorization(
        arrived, region="us-west-2", access_key=ACCESS_KEY, secret_key=SECRET_KEY
    )


def test_from_env_reads_the_aws_settings() -> None:
    environ = {
        "LWA_APP_ID": "amzn1.app",
        "LWA_CLIENT_SECRET": "cs",
        "SP_API_REFRESH_TOKEN": "rt",
        "SP_API_ACCESS_KEY": ACCESS_KEY,
        "SP_API_SECRET_KEY": SECRET_KEY,
        "SPAPI_AWS_SESSION_TOKEN": SESSION_TOKEN,
    }
    client = sp.SPAPIClient.from_env(environ=environ)
    signer = client.transport.signer
    assert isinstance(signer, SigV4Signer)
    assert isinstance(signer.provider, StaticCredentials)
    assert client.config.aws_session_token == Secret(SESSION_TOKEN)


def test_session_token_without_keys_is_a_configuration_error() -> None:
    with pytest.raises(sp.ConfigurationError, match="aws_session_token"):
        _config(aws_session_token=SESSION_TOKEN)


def test_role_arn_alone_assumes_the_role_with_the_default_aws_credentials() -> None:
    signer = create_signer(_config(role_arn=ROLE), clock=FakeClock(0))
    assert isinstance(signer, SigV4Signer)
    provider = signer.provider
    assert isinstance(provider, AssumeRoleCredentials)
    assert provider.role_arn == ROLE
    assert provider._base is None  # aiobotocore's own chain (environment, config files, instance role) calls STS
    assert signer.region == "eu-west-1"
