"""SigV4 with assumed-role credentials: STS AssumeRole against moto (caching, refresh before expiry, refusals),
and a client with ``role_arn`` signing with the assumed credentials."""

from __future__ import annotations

from collections.abc import Iterator

import anyio
import httpx
import pytest
import respx
from moto.server import ThreadedMotoServer

import spapi_async as sp
from spapi_async.auth import sigv4
from spapi_async.auth.sigv4 import (
    AssumeRoleCredentials,
    AwsCredentials,
)
from spapi_async.config import Secret

from .sigv4_harness import ACCESS_KEY, API, LWA, ROLE, SECRET_KEY, FakeClock, botocore_authorization, eu_client, lwa_ok


@pytest.fixture(scope="module")
def moto_sts() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


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


async def test_client_with_role_arn_signs_with_assumed_credentials(
    moto_sts: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_STS", moto_sts)
    seen: list[httpx.Request] = []

    def api(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"payload": {}})

    with respx.mock(assert_all_called=True) as mock:
        mock.post(LWA).mock(side_effect=lambda request: lwa_ok())
        mock.get(url__startswith=API).mock(side_effect=api)
        async with eu_client(role_arn=ROLE) as client:
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
