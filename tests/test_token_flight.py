"""Single-flight token refresh under cancellation and failure: a caller that leaves only leaves; a failure reaches
each waiter as its own exception chained to the shared cause. In-process cache (LWA) and Seller Center OAuth."""

from __future__ import annotations

import asyncio
import functools
import json
import traceback
from collections.abc import Awaitable, Callable

import anyio
import httpx
import pytest

import spapi_async as sp
from spapi_async.auth.tokens import CachedTokenSource, InMemoryTokenStore
from spapi_async.sellercenter.auth import SellerCenterOAuth
from spapi_async.token_grant import FormPoster

from .fakes import BASE, CLIENT_ID, CLIENT_SECRET, LWA, REFRESH_TOKEN, InstantClock

SC_TOKEN_URL = "http://127.0.0.1:9/oauth/client-credentials"


class HangingLogin:
    """A login server that holds every token request until ``release`` is set, then answers ``status``."""

    def __init__(self, status: int = 200) -> None:
        self.release = anyio.Event()
        self.status = status
        self.requests = 0

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        await self.release.wait()
        if self.status != 200:
            return httpx.Response(self.status, json={"error": "invalid_grant", "error_description": "refused"})
        body = {"access_token": f"SECRET-token-{self.requests}", "expires_in": 3600}
        return httpx.Response(200, content=json.dumps(body).encode())


def _lwa(login: HangingLogin) -> tuple[Callable[[], Awaitable[str]], httpx.AsyncClient]:
    http = httpx.AsyncClient(transport=httpx.MockTransport(login))
    client = sp.SPAPIClient(
        CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, endpoint=BASE, lwa_endpoint=LWA, http_client=http, clock=InstantClock()
    )
    return functools.partial(client._auth.lwa.access_token, client.transport), http


def _seller_center(login: HangingLogin) -> tuple[Callable[[], Awaitable[str]], httpx.AsyncClient]:
    http = httpx.AsyncClient(transport=httpx.MockTransport(login))
    clock = InstantClock()
    oauth = SellerCenterOAuth(
        client_id="app",
        client_secret=sp.config.Secret("SECRET-app"),
        token_url=SC_TOKEN_URL,
        host="127.0.0.1",
        tokens=CachedTokenSource(InMemoryTokenStore(), clock),
        clock=clock,
    )
    return functools.partial(
        oauth.access_token, FormPoster(http, sp.RetryPolicy(max_attempts=1), clock, "test", 30.0)
    ), http


CACHES = {"lwa": _lwa, "sellercenter": _seller_center}


@pytest.mark.anyio
@pytest.mark.parametrize("cache", sorted(CACHES))
async def test_cancelled_leader_leaves_at_once_and_the_others_get_the_token(cache: str) -> None:
    login = HangingLogin()
    get_token, http = CACHES[cache](login)
    leader_left = False
    tokens: list[str] = []

    async def leader(scope: anyio.CancelScope) -> None:
        nonlocal leader_left
        with scope:
            await get_token()
        leader_left = True

    async def follower() -> None:
        tokens.append(await get_token())

    async with anyio.create_task_group() as tg:
        scope = anyio.CancelScope()
        tg.start_soon(leader, scope)
        await anyio.wait_all_tasks_blocked()
        for _ in range(9):
            tg.start_soon(follower)
        await anyio.wait_all_tasks_blocked()
        scope.cancel()  # the leader's deadline passes (move_on_after) while the login server hangs
        try:
            await anyio.wait_all_tasks_blocked()
            assert leader_left  # it left within its deadline, not when the login server answered
        finally:
            login.release.set()
    assert tokens == ["SECRET-token-1"] * 9
    assert login.requests == 1
    await http.aclose()


@pytest.mark.anyio
@pytest.mark.parametrize("cache", sorted(CACHES))
async def test_refresh_goes_on_when_every_caller_left(cache: str) -> None:
    login = HangingLogin()
    get_token, http = CACHES[cache](login)
    left = anyio.Event()

    async def caller() -> None:
        with anyio.move_on_after(0.05):  # the login server hangs until released below
            await get_token()
        left.set()

    async with anyio.create_task_group() as tg:
        tg.start_soon(caller)
        with anyio.move_on_after(10):  # bounds the test if the caller is held (as it was by a shielded refresh)
            await left.wait()
        left_in_time = left.is_set()
        login.release.set()
    assert left_in_time
    await anyio.wait_all_tasks_blocked()
    assert await get_token() == "SECRET-token-1"  # the background refresh filled the cache
    assert login.requests == 1
    await http.aclose()


@pytest.mark.parametrize("cache", sorted(CACHES))
async def test_task_cancel_of_the_leader_does_not_cancel_the_waiters(cache: str) -> None:
    """asyncio's own cancellation (``task.cancel()``, ``asyncio.wait_for``) of the caller that started the refresh."""
    login = HangingLogin()
    get_token, http = CACHES[cache](login)
    leader = asyncio.ensure_future(get_token())
    await asyncio.sleep(0)
    followers = [asyncio.ensure_future(get_token()) for _ in range(9)]
    for _ in range(5):
        await asyncio.sleep(0)
    leader.cancel()
    try:
        for _ in range(5):
            await asyncio.sleep(0)
        assert leader.cancelled()  # gone at once, while the login server still hangs
        assert not any(f.done() for f in followers)
    finally:
        login.release.set()
    assert await asyncio.gather(*followers) == ["SECRET-token-1"] * 9
    assert login.requests == 1
    await http.aclose()


@pytest.mark.anyio
@pytest.mark.parametrize("cache", sorted(CACHES))
async def test_failed_refresh_gives_each_waiter_its_own_exception(cache: str) -> None:
    login = HangingLogin(status=400)
    get_token, http = CACHES[cache](login)
    errors: list[sp.AuthError] = []

    async def caller() -> None:
        try:
            await get_token()
        except sp.AuthError as exc:
            errors.append(exc)

    async with anyio.create_task_group() as tg:
        for _ in range(300):
            tg.start_soon(caller)
        await anyio.wait_all_tasks_blocked()
        login.release.set()
    assert login.requests == 1
    assert len(errors) == 300 and len({id(e) for e in errors}) == 300
    cause = errors[0].__cause__
    assert isinstance(cause, sp.AuthError) and all(e.__cause__ is cause for e in errors)
    assert all(e.status_code == 400 and e.errors[0].code == "invalid_grant" for e in errors)
    # Tracebacks do not grow with the number of waiters: the last one is as short as the first.
    sizes = {len(traceback.format_exception(e)) for e in (errors[0], errors[-1])}
    assert max(sizes) < 60, sizes
    frames = len(traceback.extract_tb(errors[-1].__traceback__))
    assert frames < 15
    await http.aclose()
