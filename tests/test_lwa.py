from __future__ import annotations

import anyio
import httpx
import pytest

import spapi_async as sp
from spapi_async.auth.lwa import exchange_authorization_code
from spapi_async.config import Secret
from spapi_async.token_grant import FormPoster

from .fakes import BASE, CLIENT_ID, CLIENT_SECRET, LWA, REFRESH_TOKEN, FakeAmazon, InstantClock, json_response

PARTICIPATIONS = "/sellers/v1/marketplaceParticipations"


def _client(amazon: FakeAmazon, clock: InstantClock, **kwargs: object) -> sp.SPAPIClient:
    options: dict[str, object] = {"refresh_token": REFRESH_TOKEN, **kwargs}
    return sp.SPAPIClient(
        CLIENT_ID,
        CLIENT_SECRET,
        endpoint=BASE,
        lwa_endpoint=LWA,
        http_client=amazon.http(),
        clock=clock,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_single_flight_under_1000_concurrent_callers(backend: str) -> None:
    async def scenario() -> None:
        release = anyio.Event()
        token_calls = 0

        async def handler(request: httpx.Request) -> httpx.Response:
            nonlocal token_calls
            if request.url.path == "/auth/o2/token":
                token_calls += 1
                await release.wait()  # hold the refresh until every caller is queued behind it
                return httpx.Response(200, json={"access_token": "Atza|SECRET-one", "expires_in": 3600})
            return httpx.Response(200, json={"payload": []})

        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        client = sp.SPAPIClient(
            CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, endpoint=BASE, lwa_endpoint=LWA, http_client=http
        )
        tokens: list[str] = []

        async def caller() -> None:
            tokens.append(await client._auth.lwa.access_token(client.transport))

        async with anyio.create_task_group() as tg:
            for _ in range(1000):
                tg.start_soon(caller)
            await anyio.wait_all_tasks_blocked()
            release.set()
        assert token_calls == 1
        assert tokens == ["Atza|SECRET-one"] * 1000
        await client.aclose()
        await http.aclose()

    anyio.run(scenario, backend=backend)


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_failed_refresh_reaches_every_waiter_and_next_call_tries_again(backend: str) -> None:
    async def scenario() -> None:
        release = anyio.Event()
        token_calls = 0

        async def handler(request: httpx.Request) -> httpx.Response:
            nonlocal token_calls
            token_calls += 1
            if token_calls == 1:
                await release.wait()
                return httpx.Response(400, json={"error": "invalid_grant", "error_description": "bad refresh"})
            return httpx.Response(200, json={"access_token": "Atza|SECRET-two", "expires_in": 3600})

        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        client = sp.SPAPIClient(
            CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, endpoint=BASE, lwa_endpoint=LWA, http_client=http
        )
        errors: list[BaseException] = []

        async def caller() -> None:
            try:
                await client._auth.lwa.access_token(client.transport)
            except sp.AuthError as exc:
                errors.append(exc)

        async with anyio.create_task_group() as tg:
            for _ in range(50):
                tg.start_soon(caller)
            await anyio.wait_all_tasks_blocked()
            release.set()
        assert token_calls == 1
        # Each waiter raises its own instance, chained to the one failure.
        assert len({id(e) for e in errors}) == 50
        cause = errors[0].__cause__
        assert isinstance(cause, sp.AuthError) and all(e.__cause__ is cause for e in errors)
        assert errors[0].status_code == 400 and errors[0].errors[0].code == "invalid_grant"
        assert await client._auth.lwa.access_token(client.transport) == "Atza|SECRET-two"
        assert token_calls == 2
        await http.aclose()

    anyio.run(scenario, backend=backend)


async def test_token_is_cached_until_shortly_before_expiry() -> None:
    amazon = FakeAmazon(token_lifetime=3600, routes={PARTICIPATIONS: json_response(200, {"payload": []})})
    clock = InstantClock()
    async with _client(amazon, clock) as client:
        await client.request("GET", PARTICIPATIONS)
        clock.advance(3500)  # 100 s left: still outside the 60 s margin
        await client.request("GET", PARTICIPATIONS)
        assert len(amazon.token_requests) == 1
        clock.advance(50)  # 50 s left: refresh before it can expire in flight
        await client.request("GET", PARTICIPATIONS)
        assert len(amazon.token_requests) == 2
        sent = [r.headers["x-amz-access-token"] for r in amazon.api_requests()]
        assert sent == ["Atza|SECRET-access-1", "Atza|SECRET-access-1", "Atza|SECRET-access-2"]


async def test_refresh_token_grant_body() -> None:
    amazon = FakeAmazon(routes={PARTICIPATIONS: json_response(200, {"payload": []})})
    async with _client(amazon, InstantClock()) as client:
        await client.request("GET", PARTICIPATIONS)
    assert amazon.token_requests == [
        {
            "grant_type": "refresh_token",
            "refresh_token": REFRESH_TOKEN,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        }
    ]


async def test_grantless_operation_uses_client_credentials_with_scopes() -> None:
    amazon = FakeAmazon(routes={"/notifications/v1/destinations": json_response(200, {"payload": []})})
    grantless_op = sp.Operation(
        api="notifications_v1",
        name="get_destinations",
        operation_id="getDestinations",
        method="GET",
        path="/notifications/v1/destinations",
        rate=1,
        burst=5,
        plan_source="model",
        grantless=True,
    )
    from spapi_async.call import ApiCall

    async with _client(
        amazon, InstantClock(), refresh_token=None, grantless_scopes=["sellingpartnerapi::notifications"]
    ) as client:
        await client.transport.send(ApiCall("GET", "/notifications/v1/destinations", operation=grantless_op))
        with pytest.raises(sp.ConfigurationError, match="refresh_token"):
            await client.request("GET", PARTICIPATIONS)
    assert amazon.token_requests == [
        {
            "grant_type": "client_credentials",
            "scope": "sellingpartnerapi::notifications",
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        }
    ]
    assert len(amazon.api_requests()) == 1  # the refused call never left


async def test_authorization_code_exchange_request_and_result() -> None:
    amazon = FakeAmazon()
    clock = InstantClock()
    async with amazon.http() as http:
        poster = FormPoster(http, sp.RetryPolicy(), clock, "ua", 5.0)
        refresh, access = await exchange_authorization_code(
            poster,
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            code="ANDSPAPIOAUTHCODE",
            redirect_uri="https://example.invalid/cb",
            lwa_endpoint=LWA,
            now=clock.time(),
        )
    assert amazon.token_requests == [
        {
            "grant_type": "authorization_code",
            "code": "ANDSPAPIOAUTHCODE",
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uri": "https://example.invalid/cb",
        }
    ]
    assert refresh.get() == "Atzr|SECRET-new-refresh"
    assert access.value.get() == "Atza|SECRET-access-1"
    assert access.expires_at == clock.time() + 3600
    assert "SECRET" not in repr(refresh) + repr(access)


async def test_lwa_errors_are_auth_errors_with_lwa_code() -> None:
    amazon = FakeAmazon(lwa_status=401, routes={PARTICIPATIONS: json_response(200, {})})
    async with _client(amazon, InstantClock()) as client:
        with pytest.raises(sp.AuthError) as info:
            await client.request("GET", PARTICIPATIONS)
    assert info.value.status_code == 401
    assert info.value.errors[0].code == "invalid_grant"
    assert amazon.api_requests() == []


def test_consent_uri_for_seller_and_vendor_central() -> None:
    uri = sp.build_consent_uri("A1PA6795UKMFR9", "amzn1.sp.solution.abc", state="xyz", beta=True)
    assert uri == (
        "https://sellercentral-europe.amazon.com/apps/authorize/consent"
        "?application_id=amzn1.sp.solution.abc&state=xyz&version=beta"
    )
    vendor = sp.build_consent_uri("JP", "amzn1.sp.solution.abc", state="s", vendor=True)
    assert vendor.startswith("https://vendorcentral.amazon.co.jp/apps/authorize/consent?")
    with pytest.raises(sp.ConfigurationError):
        sp.build_consent_uri("US", "amzn1.sp.solution.abc", state="")


async def test_public_code_exchange_returns_the_sellers_refresh_token() -> None:
    amazon = FakeAmazon()
    clock = InstantClock()
    async with amazon.http() as http:
        grant = await sp.exchange_authorization_code(
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            code="CODE",
            lwa_endpoint=LWA,
            http_client=http,
            clock=clock,
        )
    assert grant.refresh_token.get() == "Atzr|SECRET-new-refresh"
    assert grant.access_token.get() == "Atza|SECRET-access-1"
    assert grant.expires_at == clock.time() + 3600
    assert amazon.token_requests[0]["grant_type"] == "authorization_code"
    assert "SECRET" not in repr(grant)
    with pytest.raises(sp.ConfigurationError):
        await sp.exchange_authorization_code(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, code="")


async def test_a_shared_store_is_read_once_per_token_not_once_per_request() -> None:
    from spapi_async.auth.tokens import CachedTokenSource

    class CountingStore(sp.InMemoryTokenStore):
        reads = 0

        async def get(self, key: str) -> sp.CachedToken | None:
            CountingStore.reads += 1
            return await super().get(key)

    store = CountingStore()
    clock = InstantClock()
    await store.set("k", sp.CachedToken(Secret("Atza|SECRET-shared"), clock.time() + 3600))
    source = CachedTokenSource(store, clock)

    async def never() -> sp.CachedToken:
        raise AssertionError("the stored token is fresh: no fetch")

    for _ in range(100):
        assert await source.get("k", never) == "Atza|SECRET-shared"
    assert CountingStore.reads == 1
    await source.invalidate("k", "Atza|SECRET-shared")
    assert await store.get("k") is None
    clock.advance(3600)

    async def fetch() -> sp.CachedToken:
        return sp.CachedToken(Secret("Atza|SECRET-new"), clock.time() + 3600)

    assert await source.get("k", fetch) == "Atza|SECRET-new"
