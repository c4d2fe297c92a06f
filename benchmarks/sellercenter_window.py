"""Seller Center's 30-per-3-s window over real loopback sockets, measured by the server.

    python -m benchmarks.sellercenter_window [--calls 200] [--limit 30] [--window 3]

Starts a small ASGI server (uvicorn, 127.0.0.1, a free port) that stamps every API request with its own
``time.monotonic()`` and answers 429 when a request would exceed ``limit`` in ``window`` seconds; fires ``calls``
concurrent requests through ``SellerCenterClient``; prints a table and writes ``benchmarks/results/
sellercenter_window.json``. Bounded: at most ``calls`` requests and a 120 s deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import time
from collections import deque
from pathlib import Path
from typing import Any

import anyio
import uvicorn

from spapi_async.sellercenter import SellerCenterClient


def busiest(times: list[float], window: float) -> int:
    ordered = sorted(times)
    best = start = 0
    for end, t in enumerate(ordered):
        while ordered[start] <= t - window:
            start += 1
        best = max(best, end - start + 1)
    return best


class Recorder:
    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self.arrivals: list[float] = []
        self.rejected = 0
        self._recent: deque[float] = deque()

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
            while self._recent and self._recent[0] <= now - self.window:
                self._recent.popleft()
            if len(self._recent) >= self.limit:
                self.rejected += 1
                status, body = 429, b'{"title":"Too Many Requests","status":429}'
            else:
                self._recent.append(now)
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def run(calls: int, limit: int, window: float) -> dict[str, Any]:
    recorder = Recorder(limit, window)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(recorder, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve())
    for _ in range(500):  # bounded wait for the server to listen (uvicorn offers no event)
        if server.started:
            break
        await asyncio.sleep(0.01)
    else:
        raise RuntimeError("uvicorn did not start within 5 s")
    base = f"http://127.0.0.1:{port}"
    latencies: list[float] = []
    started = time.monotonic()
    try:
        async with SellerCenterClient(
            base, "bench", "bench-secret", requests_per_window=limit, window=window
        ) as client:

            async def one() -> None:
                t0 = time.monotonic()
                await client.request("GET", "/v2/health")
                latencies.append(time.monotonic() - t0)

            with anyio.fail_after(120):
                async with anyio.create_task_group() as tg:
                    for _ in range(calls):
                        tg.start_soon(one)
    finally:
        server.should_exit = True
        await task
    elapsed = time.monotonic() - started
    full_windows = (calls - 1) // limit
    return {
        "calls": calls,
        "limit": limit,
        "window_s": window,
        "server_requests": len(recorder.arrivals),
        "server_rejected_429": recorder.rejected,
        "busiest_window_count": busiest(recorder.arrivals, window),
        "elapsed_s": round(elapsed, 3),
        "ideal_elapsed_s": round(full_windows * window, 3),
        "max_latency_s": round(max(latencies), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--window", type=float, default=3.0)
    args = parser.parse_args()
    result = asyncio.run(run(min(args.calls, 2000), args.limit, args.window))
    width = max(len(k) for k in result)
    print("Seller Center window over loopback (server-side measurement)")
    for key, value in result.items():
        print(f"  {key:<{width}}  {value}")
    out = Path(__file__).resolve().parent / "results" / "sellercenter_window.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
