"""Token requests during a pull with short-lived tokens, against the embedded emulator over loopback.

The emulator issues access tokens and RDTs that live ``--lifetime`` seconds; the client pulls orders and their items
(``get_orders`` first page, then ``get_order_items`` from ``--workers`` tasks, paced by the default limiter) for
``--seconds`` seconds. Counted at the client's HTTP layer: LWA token requests and Tokens API (RDT) requests.
Target: each at most ceil(seconds / lifetime) + 1.

    python -m benchmarks.token_lifetimes                      # 5 s tokens, 24 s run
    python -m benchmarks.token_lifetimes --lifetime 5 --seconds 24 --workers 4

Prints a table and writes ``benchmarks/results/token_lifetimes.json``. Bounded: the run stops after ``--seconds``
(and at most ``--max-calls`` API calls).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

import spapi_async as sp  # noqa: E402
from spapi_async.emulator import Emulator  # noqa: E402

MARKETPLACE = "ATVPDKIKX0DER"


async def run(lifetime: float, seconds: float, workers: int, max_calls: int) -> dict[str, Any]:
    counts = {"lwa": 0, "rdt": 0, "api": 0}

    async def count(request: httpx.Request) -> None:
        if request.url.path == "/auth/o2/token":
            counts["lwa"] += 1
        elif request.url.path == "/tokens/2021-03-01/restrictedDataToken":
            counts["rdt"] += 1
        else:
            counts["api"] += 1

    emulator = Emulator(token_lifetime=lifetime, orders=200)
    async with emulator.serve(port=0) as base_url, httpx.AsyncClient(event_hooks={"request": [count]}) as http:
        client = sp.SPAPIClient(
            "amzn1.application-oa2-client.bench",
            "bench-secret",
            "Atzr|bench-refresh",
            endpoint=base_url,
            lwa_endpoint=f"{base_url}/auth/o2/token",
            http_client=http,
        )
        async with client:
            start = time.monotonic()
            deadline = start + seconds
            page = await client.orders_v0.get_orders(
                marketplace_ids=[MARKETPLACE], created_after="2000-01-01T00:00:00Z"
            )
            order_ids = [o.amazon_order_id for o in (page.payload.orders if page.payload else [])]
            if not order_ids:
                raise SystemExit("the emulator returned no orders")
            calls = 1

            async def worker(offset: int) -> None:
                nonlocal calls
                i = offset
                while time.monotonic() < deadline and calls < max_calls:
                    remaining = deadline - time.monotonic()
                    try:
                        await asyncio.wait_for(
                            client.orders_v0.get_order_items(order_id=order_ids[i % len(order_ids)]), remaining
                        )
                    except asyncio.TimeoutError:
                        return
                    calls += 1
                    i += workers

            await asyncio.gather(*(worker(k) for k in range(workers)))
            wall = time.monotonic() - start
    bound = math.ceil(seconds / lifetime) + 1
    return {
        "lifetime_s": lifetime,
        "run_s": round(wall, 2),
        "api_calls": calls,
        "lwa_token_requests": counts["lwa"],
        "rdt_requests": counts["rdt"],
        "bound": bound,
        "met": counts["lwa"] <= bound and counts["rdt"] <= bound,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lifetime", type=float, default=5.0)
    parser.add_argument("--seconds", type=float, default=24.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--max-calls", type=int, default=10_000)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "token_lifetimes.json"))
    args = parser.parse_args()
    result = asyncio.run(run(args.lifetime, args.seconds, args.workers, args.max_calls))
    print(f"{'lifetime':>8} {'run s':>6} {'calls':>6} {'LWA':>5} {'RDT':>5} {'bound':>6} met")
    print(
        f"{result['lifetime_s']:>8g} {result['run_s']:>6} {result['api_calls']:>6} {result['lwa_token_requests']:>5} "
        f"{result['rdt_requests']:>5} {result['bound']:>6} {'yes' if result['met'] else 'NO'}"
    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
