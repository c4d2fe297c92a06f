"""Seller Center's 30-per-3-s window over real loopback sockets with network jitter, measured by the server.

    python -m benchmarks.sellercenter_window [--calls 200] [--v2-calls 60] [--limit 30] [--window 3] [--jitter 0.03]
                                             [--bucket-calls 200] [--redis-url redis://127.0.0.1:6379/0]

Starts a small ASGI server (uvicorn, 127.0.0.1, a free port) that stamps every API request with its own
``time.monotonic()`` on arrival and rejects one that would exceed ``limit`` in ``window`` seconds (legacy: an E429
envelope with status 200; v2: a 429). Every request is delayed by a uniform 0..``jitter`` seconds on its way to
the server and again on its way back (an httpx transport wrapper), so requests reach the server in a different
rhythm than the limiter granted them. Runs, one after the other:

- ``legacy``: ``calls`` concurrent ``SellerCenterLegacyClient.call`` (ideal: ``(calls - 1) // limit`` windows);
- ``v2``: ``v2_calls`` concurrent ``SellerCenterClient.request`` calls;
- ``bucket``: the same jitter against a token bucket (rate ``limit / window``, burst ``limit``) enforced by the
  server, through the in-process ``sp.Limiter``'s default token bucket - does a bucket need completion-based
  counting too?

``--redis-url``: the Seller Center clients share a ``sp.RedisLimiter`` instead of the in-process limiter.

Prints a table and writes ``benchmarks/results/sellercenter_window.json``. Bounded: at most 2000 requests per
run and a 120 s deadline each.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import time
from collections import deque
from pathlib import Path
from typing import Any

import anyio
import httpx
import uvicorn

from spapi_async.operation import UsagePlan
from spapi_async.sellercenter import SellerCenterClient, SellerCenterLegacyClient
from spapi_async.throttle import Limiter, LimitKey

LEGACY_OK = (
    b'{"SuccessResponse":{"Head":{"RequestId":"","RequestAction":"GetProducts","ResponseType":"","Timestamp":""},'
    b'"Body":""}}'
)
LEGACY_E429 = (
    b'{"ErrorResponse":{"Head":{"RequestAction":"GetProducts","ErrorType":"Sender","ErrorCode":"429",'
    b'"ErrorMessage":"E429: Too many requests"},"Body":""}}'
)


def busiest(times: list[float], window: float) -> int:
    ordered = sorted(times)
    best = start = 0
    for end, t in enumerate(ordered):
        while ordered[start] <= t - window:
            start += 1
        best = max(best, end - start + 1)
    return best


class Recorder:
    """The server: a sliding window (``bucket_rate`` None) or a token bucket, counted at arrival."""

    def __init__(self, limit: int, window: float, bucket_rate: float | None = None) -> None:
        self.limit, self.window, self.bucket_rate = limit, window, bucket_rate
        self.arrivals: list[float] = []
        self.rejected = 0
        self._recent: deque[float] = deque()
        self._tokens = float(limit)
        self._stamp = time.monotonic()

    def _admit(self, now: float) -> bool:
        if self.bucket_rate is not None:
            self._tokens = min(float(self.limit), self._tokens + (now - self._stamp) * self.bucket_rate)
            self._stamp = now
            if self._tokens < 1.0:
                return False
            self._tokens -= 1.0
            return True
        while self._recent and self._recent[0] <= now - self.window:
            self._recent.popleft()
        if len(self._recent) >= self.limit:
            return False
        self._recent.append(now)
        return True

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        while (await receive()).get("more_body"):
            pass
        status, body = 200, b'{"status":"ok"}'
        if scope["path"] == "/oauth/client-credentials":
            body = b'{"access_token":"bench","expires_in":3600}'
        else:
            now = time.monotonic()
            self.arrivals.append(now)
            legacy = scope["path"] == "/"
            if self._admit(now):
                body = LEGACY_OK if legacy else body
            else:
                self.rejected += 1
                status, body = (200, LEGACY_E429) if legacy else (429, b'{"title":"Too Many Requests","status":429}')
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class JitterTransport(httpx.AsyncBaseTransport):
    """Delays each request by uniform(0, jitter) before sending and its response by as much again."""

    def __init__(self, jitter: float, rng: random.Random) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._jitter = jitter
        self._rng = rng

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(self._rng.uniform(0, self._jitter))
        response = await self._inner.handle_async_request(request)
        await response.aread()
        await asyncio.sleep(self._rng.uniform(0, self._jitter))
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def serve(recorder: Recorder) -> tuple[uvicorn.Server, asyncio.Task[None], str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(recorder, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve())
    for _ in range(500):  # bounded wait for the server to listen (uvicorn offers no event)
        if server.started:
            break
        await asyncio.sleep(0.01)
    else:
        raise RuntimeError("uvicorn did not start within 5 s")
    return server, task, f"http://127.0.0.1:{port}"


async def run(
    kind: str, calls: int, limit: int, window: float, jitter: float, seed: int, redis_url: str | None = None
) -> dict[str, Any]:
    recorder = Recorder(limit, window, bucket_rate=limit / window if kind == "bucket" else None)
    server, task, base = await serve(recorder)
    http = httpx.AsyncClient(transport=JitterTransport(jitter, random.Random(seed)), timeout=30)
    failures = 0
    shared: Any = None
    if redis_url is not None:
        from spapi_async.throttle.redis import RedisLimiter

        shared = RedisLimiter(redis_url, namespace=f"bench{seed}{time.monotonic_ns()}")
    started = time.monotonic()
    try:
        if kind == "legacy":
            client: Any = SellerCenterLegacyClient(
                *(base, "bench@example.com", "bench-key"),
                **dict(requests_per_window=limit, window=window, http_client=http, limiter=shared),
            )
        elif kind == "v2":
            client = SellerCenterClient(
                *(base, "bench", "bench-secret"),
                **dict(requests_per_window=limit, window=window, http_client=http, limiter=shared),
            )
        limiter = Limiter()
        key = LimitKey("bench", "local", "bench.bucket")
        plan = UsagePlan(limit / window, limit)

        async def one() -> None:
            nonlocal failures
            try:
                if kind == "legacy":
                    await client.call("GetProducts")
                elif kind == "v2":
                    await client.request("GET", "/v2/health")
                else:
                    await limiter.acquire(key, plan)
                    response = await http.get(base + "/v2/health")
                    await limiter.observe(key, response.status_code, response.headers)
                    if response.status_code == 429:
                        failures += 1
            except Exception:
                failures += 1

        with anyio.fail_after(120):
            async with anyio.create_task_group() as tg:
                for _ in range(calls):
                    tg.start_soon(one)
        if kind != "bucket":
            await client.aclose()
    finally:
        await http.aclose()
        if shared is not None:
            await shared.aclose()
        server.should_exit = True
        await task
    elapsed = time.monotonic() - started
    span = recorder.arrivals[-1] - recorder.arrivals[0] if recorder.arrivals else 0.0
    full_windows = (calls - 1) // limit
    ideal = full_windows * window if kind != "bucket" else (calls - limit) / (limit / window)
    return {
        "kind": kind,
        "limiter": "RedisLimiter" if redis_url else "Limiter (in process)",
        "calls": calls,
        "jitter_s": jitter,
        "server_requests": len(recorder.arrivals),
        "server_rejected_429": recorder.rejected,
        "failed_calls": failures,
        "busiest_window_count": busiest(recorder.arrivals, window),
        "elapsed_s": round(elapsed, 3),
        "first_to_last_arrival_s": round(span, 3),
        "ideal_s": round(ideal, 3),
        "elapsed_over_ideal": round(elapsed / ideal, 4) if ideal else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200, help="legacy calls")
    parser.add_argument("--v2-calls", type=int, default=60)
    parser.add_argument("--bucket-calls", type=int, default=200)
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--window", type=float, default=3.0)
    parser.add_argument("--jitter", type=float, default=0.03)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["legacy", "v2", "bucket"], default=None)
    parser.add_argument("--redis-url", default=None, help="Seller Center clients on sp.RedisLimiter at this URL")
    args = parser.parse_args()
    jitter = min(max(args.jitter, 0.0), 1.0)
    plans = [("legacy", args.calls), ("v2", args.v2_calls), ("bucket", args.bucket_calls)]
    results = []
    for kind, calls in plans:
        if args.only and kind != args.only:
            continue
        redis_url = args.redis_url if kind != "bucket" else None
        result = asyncio.run(run(kind, min(calls, 2000), args.limit, args.window, jitter, args.seed, redis_url))
        results.append(result)
        width = max(len(k) for k in result)
        print(f"Seller Center window over loopback with 0-{jitter * 1000:.0f} ms jitter each way: {kind}")
        for name, value in result.items():
            print(f"  {name:<{width}}  {value}")
    out = Path(__file__).resolve().parent / "results" / "sellercenter_window.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
