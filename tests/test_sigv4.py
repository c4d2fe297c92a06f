"""SigV4: our signer against botocore's own (every request shape, AWS's published vector), canonical paths,
re-signing, reprs, and how the configuration picks a signer. STS: ``test_sigv4_sts.py``; the client end to end:
``test_sigv4_client.py``."""

from __future__ import annotations

import json
import sys

import httpx
import pytest

import spapi_async as sp
from spapi_async._dates import amz_date_of
from spapi_async.auth import sigv4
from spapi_async.auth.sigv4 import (
    AssumeRoleCredentials,
    AwsCredentials,
    SigV4Signer,
    StaticCredentials,
    canonical_path,
    create_signer,
)
from spapi_async.config import Secret

from .sigv4_harness import (
    ACCESS_KEY,
    API,
    FIXED,
    FIXED_TS,
    ROLE,
    SECRET_KEY,
    SESSION_TOKEN,
    FakeClock,
    botocore_authorization,
    make_config,
)


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
    request.headers["x-amz-date"] = amz_date_of(clock.now)
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


def test_role_arn_without_the_extra_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "aiobotocore", None)
    monkeypatch.setitem(sys.modules, "aiobotocore.session", None)
    config = make_config(
        aws_access_key=ACCESS_KEY, aws_secret_key=SECRET_KEY, role_arn="arn:aws:iam::123456789012:role/x"
    )
    with pytest.raises(sp.ConfigurationError, match=r"pip install 'spapi-async\[sigv4\]'"):
        create_signer(config, clock=FakeClock(0))


def test_static_keys_need_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "aiobotocore", None)
    monkeypatch.setitem(sys.modules, "aiobotocore.session", None)
    signer = create_signer(make_config(aws_access_key=ACCESS_KEY, aws_secret_key=SECRET_KEY), clock=FakeClock(0))
    assert isinstance(signer, SigV4Signer)
    assert signer.region == "eu-west-1"


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
        make_config(aws_session_token=SESSION_TOKEN)


def test_role_arn_alone_assumes_the_role_with_the_default_aws_credentials() -> None:
    signer = create_signer(make_config(role_arn=ROLE), clock=FakeClock(0))
    assert isinstance(signer, SigV4Signer)
    provider = signer.provider
    assert isinstance(provider, AssumeRoleCredentials)
    assert provider.role_arn == ROLE
    assert provider._base is None  # aiobotocore's own chain (environment, config files, instance role) calls STS
    assert signer.region == "eu-west-1"
