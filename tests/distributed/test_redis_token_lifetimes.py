"""Short-lived tokens shared through a real Redis keep their lifetime: another process uses them, not refetches."""

from __future__ import annotations

import time

from spapi_async import SPAPIClient
from spapi_async.auth.redis_store import RedisTokenStore
from spapi_async.throttle.base import NullLimiter

from ..fakes import BASE, CLIENT_ID, CLIENT_SECRET, LWA, REFRESH_TOKEN, FakeAmazon, InstantClock, json_response

PARTICIPATIONS = "/sellers/v1/marketplaceParticipations"


async def test_a_five_second_token_from_redis_is_used_by_the_next_process(redis_url: str, namespace: str) -> None:
    amazon = FakeAmazon(token_lifetime=5, routes={PARTICIPATIONS: json_response(200, {"payload": []})})
    async with RedisTokenStore(redis_url, namespace=namespace) as store:
        for _ in range(3):  # three clients with their own in-process caches, as three processes would have
            async with SPAPIClient(
                CLIENT_ID,
                CLIENT_SECRET,
                REFRESH_TOKEN,
                endpoint=BASE,
                lwa_endpoint=LWA,
                http_client=amazon.http(),
                clock=InstantClock(time.time()),
                limiter=NullLimiter(),
                token_store=store,
            ) as client:
                await client.request("GET", PARTICIPATIONS)
        stored = await store.get(client._auth.lwa.cache_key(False))
    assert len(amazon.token_requests) == 1
    assert stored is not None and stored.lifetime == 5.0
