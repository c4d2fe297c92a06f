"""Fixtures of the Seller Center v2 client tests: the fake clock and server (``fakes.py``) and a client on them.
(``test_legacy_client.py`` has fixtures of its own with the same names.)"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from spapi_async.retry import RetryPolicy
from spapi_async.sellercenter import SellerCenterClient

from .fakes import BASE, FakeClock, FakeServer


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock) -> FakeServer:
    return FakeServer(clock)


@pytest.fixture
async def client(server: FakeServer, clock: FakeClock) -> AsyncIterator[SellerCenterClient]:
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    async with SellerCenterClient(
        BASE,
        server.client_id,
        server.client_secret,
        token_url=f"{BASE}/oauth/client-credentials",
        http_client=http,
        clock=clock,
        retry=RetryPolicy(max_attempts=3, jitter=False, backoff=1.0),
    ) as c:
        yield c
    await http.aclose()
