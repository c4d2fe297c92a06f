"""Worker processes for the multi-process Redis tests: ``python redis_workers.py <mode> <json args>``.

A worker sets itself up, prints ``ready``, waits for a line on stdin (so that all workers start together), does
its part and prints one JSON line with what it saw. Modes:

- ``reserve``: ``n`` concurrent ``RedisLimiter.reserve`` calls on one key; prints the due times (us).
- ``token``: ``n`` concurrent ``CachedTokenSource.get`` on one key over a ``RedisTokenStore``; the fetch counts
  itself in Redis and takes ``fetch_seconds``; prints the tokens received.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time


async def _reserve(args: dict[str, object]) -> object:
    from spapi_async.operation import UsagePlan
    from spapi_async.throttle.base import LimitKey
    from spapi_async.throttle.redis import RedisLimiter

    # a generous timeout: 50 connections opened at once by each of several processes on a busy machine
    limiter = RedisLimiter(str(args["url"]), namespace=str(args["namespace"]), margin=0, socket_timeout=10)
    async with limiter:
        key = LimitKey("app:worker", "na", str(args["operation"]))
        plan = UsagePlan(float(args["rate"]), int(args["burst"]))  # type: ignore[arg-type]
        await limiter.redis.ping()  # connect before the start signal
        _ready()
        reservations = await asyncio.gather(*(limiter.reserve(key, plan) for _ in range(int(args["n"]))))  # type: ignore[call-overload]
        return {
            "due_us": [r.due_us for r in reservations],
            "waited": [r.wait > 0 for r in reservations],
            "now_us": [r.due_us - round(r.wait * 1_000_000) for r in reservations],
            "rates": [r.rate for r in reservations],
        }


async def _token(args: dict[str, object]) -> object:
    from redis.asyncio import Redis

    from spapi_async.auth.redis_store import RedisTokenStore
    from spapi_async.auth.tokens import CachedToken, CachedTokenSource
    from spapi_async.clock import SYSTEM_CLOCK
    from spapi_async.config import Secret

    url, ns = str(args["url"]), str(args["namespace"])
    counter = Redis.from_url(url)
    async with RedisTokenStore(url, namespace=ns) as store:
        source = CachedTokenSource(store, SYSTEM_CLOCK)

        async def fetch() -> CachedToken:
            await counter.incr(f"{ns}:test:fetches")
            await asyncio.sleep(float(args["fetch_seconds"]))  # type: ignore[arg-type]
            return CachedToken(Secret(f"token-from-{os.getpid()}"), time.time() + 3600)

        await store.redis.ping()
        _ready()
        tokens = await asyncio.gather(*(source.get("lwa:app:abc", fetch) for _ in range(int(args["n"]))))  # type: ignore[call-overload]
    await counter.aclose()
    return {"tokens": tokens}


def _ready() -> None:
    print("ready", flush=True)
    sys.stdin.readline()


def main() -> None:
    mode, raw = sys.argv[1], sys.argv[2]
    args = json.loads(raw)
    work = {"reserve": _reserve, "token": _token}[mode]
    result = asyncio.run(work(args))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
