"""Scheduler benchmark: how close to Amazon's quotas the limiter runs, and what its waiting costs.

    python benchmarks/scheduler.py                    # P1 (ours + python-amazon-sp-api baseline) and P5
    python benchmarks/scheduler.py --only p1 --orders 2600 --time-scale 100

P1 bulk pull. A loopback server (``benchmarks/_plan_server.py``, its own process) enforces the real usage plans
of getOrders (0.0167 rps, burst 20) and getOrderItems (0.5 rps, burst 30) sped up ``K`` times, answering 429 past
them. The client pages through every order with getOrders and fetches every order's items with getOrderItems
from ``--workers`` concurrent tasks. Reported: wall time, the ideal time a perfect scheduler needs for the same
request counts (``max over operations of (requests - burst) / (rate * K)``), ideal / wall, 429s, and whether
every order's items were fetched exactly once. Our client starts from the published plans and learns the K-times
rate from the ``x-amzn-RateLimit-Limit`` header of the first responses.

The baseline is python-amazon-sp-api (``pip install python-amazon-sp-api``; in the ``bench`` extra), using its
asyncio client the way its documentation shows: ``@load_all_pages()`` for getOrders pages and
``@throttle_retry()`` around calls. Its sleeps (2 s between pages, 5 s x 1.3^n after a throttle) are divided by
``K`` like the server's clock, so both clients see the same scaled world. Its run is cut off after
``--baseline-limit`` times the ideal time.

P5 waiters. 10,000 tasks queue on one token bucket (real clock); reported: CPU microseconds per grant, the
latest a grant came after its token was due, sleeps per grant (no polling: at most one timer per grant), FIFO,
and, for scale, the CPU cost of one bare ``asyncio.sleep`` on this machine.

Writes ``benchmarks/results/scheduler.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import math
import platform
import sys
import time
from pathlib import Path
from typing import Any

import anyio
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _plan_server import PLANS, ServerProcess

import spapi_async as sp
from spapi_async.clock import SystemClock
from spapi_async.registry import match_operation
from spapi_async.throttle.bucket import TokenBucket

RESULTS = Path(__file__).resolve().parent / "results"
MARKETPLACE = "ATVPDKIKX0DER"


def ideal_seconds(pages: int, orders: int, time_scale: float) -> float:
    need = {"getOrders": pages, "getOrderItems": orders}
    return max(max(0, need[op] - burst) / (rate * time_scale) for op, (rate, burst) in PLANS.items())


async def _server_stats(base_url: str) -> dict[str, Any]:
    async with httpx.AsyncClient() as http:
        return dict((await http.get(base_url + "/_stats")).json())


def _summarise(name: str, wall: float, stats: dict[str, Any], ideal: float, extra: dict[str, Any]) -> dict[str, Any]:
    served = stats["items_served"]
    return {
        "client": name,
        "wall_s": wall,
        "ideal_s": ideal,
        "ideal_over_wall": ideal / wall if wall > 0 else 0.0,
        "requests": stats["requests"],
        "throttled_429": sum(stats["throttled"].values()),
        "throttled_by_operation": stats["throttled"],
        "orders": stats["orders"],
        "orders_with_items": len(served),
        "all_fetched_once": len(served) == stats["orders"] and all(n == 1 for n in served.values()),
        "orders_per_s": len(served) / wall if wall > 0 else 0.0,
        **extra,
    }


async def p1_ours(
    base_url: str, orders: int, page_size: int, time_scale: float, workers: int, margin: float | None
) -> dict[str, Any]:
    # client.request matches both paths to their operations in sp.OPERATIONS: same keys and published plans as
    # client.orders_v0.get_orders / get_order_items.
    assert match_operation("GET", "/orders/v0/orders/X/orderItems") is not None, "operation registry missing"
    limiter = sp.Limiter() if margin is None else sp.Limiter(margin=margin)
    http = httpx.AsyncClient(limits=httpx.Limits(max_connections=workers + 4, max_keepalive_connections=workers + 4))
    client = sp.SPAPIClient(
        client_id="amzn1.application-oa2-client.bench",
        client_secret="bench-secret",
        refresh_token="Atzr|bench",
        endpoint=base_url,
        lwa_endpoint=base_url + "/auth/o2/token",
        http_client=http,
        limiter=limiter,
        use_rdt=False,  # the benchmark server has no Tokens API; restricted data is not the point here
    )
    send, receive = anyio.create_memory_object_stream[str](max_buffer_size=math.inf)
    items_seen = 0
    pages = 0

    async def producer() -> None:
        nonlocal pages
        token: str | None = None
        async with send:
            while True:
                params: dict[str, Any] = {"MarketplaceIds": MARKETPLACE, "MaxResultsPerPage": page_size}
                if token:
                    params["NextToken"] = token
                else:
                    params["CreatedAfter"] = "2026-01-01T00:00:00Z"
                response = await client.request("GET", "/orders/v0/orders", params=params)
                pages += 1
                payload = response.json()["payload"]
                for order in payload["Orders"]:
                    send.send_nowait(order["AmazonOrderId"])
                token = payload.get("NextToken")
                if not token:
                    return

    async def worker(stream: Any) -> None:
        nonlocal items_seen
        async with stream:
            async for order_id in stream:
                response = await client.request("GET", f"/orders/v0/orders/{order_id}/orderItems")
                items_seen += len(response.json()["payload"]["OrderItems"])

    started = time.monotonic()
    async with anyio.create_task_group() as tg:
        tg.start_soon(producer)
        for _ in range(workers):
            tg.start_soon(worker, receive.clone())
        receive.close()
    wall = time.monotonic() - started
    await client.aclose()
    stats = await _server_stats(base_url)
    ideal = ideal_seconds(pages, orders, time_scale)
    limiter_stats = {k.rsplit("|", 1)[-1]: v for k, v in limiter.stats().items()}
    extra = {
        "items": items_seen,
        "limiter": {
            name: {"grants": s.grants, "throttled": s.throttled, "rate": s.rate, "source": s.plan_source}
            for name, s in limiter_stats.items()
        },
    }
    return _summarise("spapi_async", wall, stats, ideal, extra)


async def p1_baseline(
    base_url: str, orders: int, page_size: int, time_scale: float, workers: int, limit: float
) -> dict[str, Any]:
    try:
        from sp_api.asyncio.api import Orders
        from sp_api.asyncio.auth.access_token_client import AccessTokenClient
        from sp_api.asyncio.util import load_all_pages, throttle_retry
        from sp_api.base import Marketplaces
    except ImportError:
        return {"client": "python-amazon-sp-api", "error": "not installed: pip install python-amazon-sp-api"}

    host = base_url.split("://", 1)[1]

    class LocalTokenClient(AccessTokenClient):  # type: ignore[misc]
        scheme = "http://"

    LocalTokenClient.host = host
    credentials = {
        "refresh_token": "Atzr|bench",
        "lwa_app_id": "amzn1.application-oa2-client.bench",
        "lwa_client_secret": "bench-secret",
    }
    api = Orders(Marketplaces.US, credentials=credentials, auth_token_client_class=LocalTokenClient)
    api.endpoint = base_url
    scale = 1.0 / time_scale

    @load_all_pages(throttle_by_seconds=2 * scale)  # type: ignore[misc]
    @throttle_retry(delay=5 * scale)  # type: ignore[misc]
    async def orders_pages(**kwargs: Any) -> Any:
        return await api.get_orders(**kwargs)

    @throttle_retry(delay=5 * scale)  # type: ignore[misc]
    async def order_items(order_id: str) -> Any:
        return await api.get_order_items(order_id)

    send, receive = anyio.create_memory_object_stream[str](max_buffer_size=math.inf)
    pages = 0
    failures = 0

    async def producer() -> None:
        nonlocal pages
        async with send:
            async for page in orders_pages(
                MarketplaceIds=[MARKETPLACE], CreatedAfter="2026-01-01T00:00:00Z", MaxResultsPerPage=page_size
            ):
                pages += 1
                for order in page.payload["Orders"]:
                    send.send_nowait(order["AmazonOrderId"])

    async def worker(stream: Any) -> None:
        nonlocal failures
        async with stream:
            async for order_id in stream:
                try:
                    await order_items(order_id)
                except Exception:  # gave up after its retries: the order's items are lost
                    failures += 1

    started = time.monotonic()
    with anyio.move_on_after(limit) as scope:
        async with anyio.create_task_group() as tg:
            tg.start_soon(producer)
            for _ in range(workers):
                tg.start_soon(worker, receive.clone())
            receive.close()
    wall = time.monotonic() - started
    stats = await _server_stats(base_url)
    ideal = ideal_seconds(math.ceil(orders / page_size), orders, time_scale)
    extra = {"gave_up": failures, "cut_off": scope.cancelled_caught}
    return _summarise("python-amazon-sp-api", wall, stats, ideal, extra)


# ---------------------------------------------------------------------------------------------- P5


class _CountingClock(SystemClock):
    """The system clock, counting sleeps and how late each one that ran to its end woke up."""

    __slots__ = ("late", "sleeps")

    def __init__(self) -> None:
        self.sleeps = 0
        self.late: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        deadline = time.monotonic() + max(0.0, seconds)
        await anyio.sleep(max(0.0, seconds))
        self.late.append(time.monotonic() - deadline)


async def p5_waiters(waiters: int, rate: float, burst: int) -> dict[str, Any]:
    """``waiters`` tasks queue on an empty bucket; then it starts refilling at ``rate``."""
    clock = _CountingClock()
    bucket = TokenBucket(1e-9, burst, clock=clock)
    while bucket.tokens() >= 1.0:
        await bucket.acquire()
    entered: list[int] = []
    granted = [0.0] * waiters

    all_queued = anyio.Event()

    async def waiter(i: int) -> None:
        entered.append(i)
        if len(entered) == waiters:
            all_queued.set()  # its own acquire below queues before the main task runs again
        await bucket.acquire()
        granted[i] = time.monotonic()

    async with anyio.create_task_group() as tg:
        for i in range(waiters):
            tg.start_soon(waiter, i)
        await all_queued.wait()
        assert bucket.waiting == waiters
        clock.sleeps = 0
        clock.late.clear()
        gc.collect()
        gc.freeze()  # the 10,000 parked tasks are long-lived: keep full collections from scanning them mid-run
        cpu0 = time.process_time()
        t0 = time.monotonic()
        bucket.drain()
        bucket.set_plan(rate)
    cpu = time.process_time() - cpu0
    wall = time.monotonic() - t0
    gc.unfreeze()
    # In queue order, the k-th waiter's token is due at t0 + k / rate (the queue never empties).
    times = [granted[i] for i in entered]
    lateness = sorted(t - (t0 + k / rate) for k, t in enumerate(times, start=1))
    # FIFO: nobody is granted a token interval before someone queued ahead of it. (Waiters granted together
    # resume in an order the event loop picks, microseconds apart.)
    running_max, fifo = 0.0, True
    for t in times:
        if t + 0.5 / rate < running_max:
            fifo = False
        running_max = max(running_max, t)
    return {
        "waiters": waiters,
        "rate": rate,
        "burst": burst,
        "cpu_us_per_grant": cpu / waiters * 1e6,
        "wall_s": wall,
        "ideal_s": waiters / rate,
        "max_grant_lateness_ms": lateness[-1] * 1e3,
        "p99_grant_lateness_ms": lateness[int(0.99 * (len(lateness) - 1))] * 1e3,
        "max_wakeup_lateness_ms": max(clock.late, default=0.0) * 1e3,
        "p99_wakeup_lateness_ms": sorted(clock.late)[int(0.99 * (len(clock.late) - 1))] * 1e3 if clock.late else 0.0,
        "timer_sleeps": clock.sleeps,
        "sleeps_per_grant": clock.sleeps / waiters,
        "fifo": fifo,
    }


async def bare_sleep_cost(n: int = 2000, seconds: float = 0.0005) -> float:
    """CPU microseconds of one bare ``asyncio.sleep`` on this machine (the floor for a timer-paced grant)."""
    cpu0 = time.process_time()
    for _ in range(n):
        await asyncio.sleep(seconds)
    return (time.process_time() - cpu0) / n * 1e6


# ---------------------------------------------------------------------------------------------- main


def run_p1(args: argparse.Namespace) -> list[dict[str, Any]]:
    results = []
    runs = [("ours", None)] + ([] if args.no_baseline else [("baseline", None)])
    ideal = ideal_seconds(math.ceil(args.orders / args.page_size), args.orders, args.time_scale)
    for which, _ in runs:
        server = ServerProcess(args.orders, args.page_size, args.time_scale)
        try:
            if which == "ours":
                result = anyio.run(
                    p1_ours, server.base_url, args.orders, args.page_size, args.time_scale, args.workers, args.margin
                )
            else:
                limit = args.baseline_limit * ideal
                result = anyio.run(
                    p1_baseline, server.base_url, args.orders, args.page_size, args.time_scale, args.workers, limit
                )
        finally:
            server.stop()
        results.append(result)
        print(f"  P1 {result['client']}: done", flush=True)
    return results


def print_table(p1: list[dict[str, Any]], p5: list[dict[str, Any]], floor: float | None) -> None:
    if p1:
        print("\nP1 bulk pull (getOrders pages + getOrderItems per order, server enforces plans x K)")
        head = (
            f"{'client':<22}{'wall s':>9}{'ideal s':>9}{'ideal/wall':>11}{'429s':>7}{'orders done':>12}"
            f"{'lost':>6}{'once':>6}{'orders/s':>10}"
        )
        print(head)
        print("-" * len(head))
        for r in p1:
            if "error" in r:
                print(f"{r['client']:<22}{r['error']}")
                continue
            print(
                f"{r['client']:<22}{r['wall_s']:>9.2f}{r['ideal_s']:>9.2f}{r['ideal_over_wall']:>11.3f}"
                f"{r['throttled_429']:>7}{r['orders_with_items']:>12}{r['orders'] - r['orders_with_items']:>6}"
                f"{'yes' if r['all_fetched_once'] else 'no':>6}{r['orders_per_s']:>10.1f}"
            )
        ok = [r for r in p1 if "error" not in r]
        if len(ok) == 2:
            ours, base = ok
            print(
                f"ours vs baseline: {base['wall_s'] / ours['wall_s']:.2f}x wall time, "
                f"{ours['orders_per_s'] / base['orders_per_s']:.2f}x orders fetched per second, "
                f"{base['throttled_429']} vs {ours['throttled_429']} 429s, "
                f"{base['orders'] - base['orders_with_items']} vs "
                f"{ours['orders'] - ours['orders_with_items']} orders lost"
            )
    if p5:
        print("\nP5 waiters (10,000 tasks on one bucket, real clock)")
        head = (
            f"{'backend':<9}{'rate/s':>8}{'burst':>6}{'cpu us/grant':>13}{'wake late ms max':>17}{'p99':>6}"
            f"{'grant late ms max':>18}{'p99':>7}{'sleeps/grant':>13}{'fifo':>6}"
        )
        print(head)
        print("-" * len(head))
        for r in p5:
            print(
                f"{r['backend']:<9}{r['rate']:>8g}{r['burst']:>6}{r['cpu_us_per_grant']:>13.1f}"
                f"{r['max_wakeup_lateness_ms']:>17.2f}{r['p99_wakeup_lateness_ms']:>6.2f}"
                f"{r['max_grant_lateness_ms']:>18.2f}{r['p99_grant_lateness_ms']:>7.2f}{r['sleeps_per_grant']:>13.3f}"
                f"{'yes' if r['fifo'] else 'NO':>6}"
            )
        if floor is not None:
            print(f"bare asyncio.sleep on this machine: {floor:.1f} CPU us per call")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["p1", "p5"], default=None)
    parser.add_argument("--orders", type=int, default=2600)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--time-scale", type=float, default=100.0, help="K: server plans run K times faster")
    parser.add_argument("--workers", type=int, default=64)
    parser.add_argument("--margin", type=float, default=None, help="our limiter's margin (default: the library's)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--baseline-limit", type=float, default=3.0, help="cut the baseline off at N x ideal")
    parser.add_argument("--waiters", type=int, default=10_000)
    args = parser.parse_args()

    p1: list[dict[str, Any]] = []
    p5: list[dict[str, Any]] = []
    floor = None
    if args.only in (None, "p1"):
        p1 = run_p1(args)
    if args.only in (None, "p5"):
        for backend, rate, burst in (("asyncio", 1000.0, 10), ("asyncio", 10000.0, 100), ("trio", 1000.0, 10)):
            result = anyio.run(p5_waiters, args.waiters, rate, burst, backend=backend)
            result["backend"] = backend
            p5.append(result)
        floor = asyncio.run(bare_sleep_cost())
    print_table(p1, p5, floor)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "scheduler.json"
    out.write_text(
        json.dumps(
            {
                "args": vars(args),
                "python": platform.python_version(),
                "machine": platform.machine(),
                "p1": p1,
                "p5": p5,
                "bare_asyncio_sleep_cpu_us": floor,
            },
            indent=2,
        )
    )
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
