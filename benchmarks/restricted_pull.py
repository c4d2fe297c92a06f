"""Token and Tokens API requests of a bulk pull of orders with items, with and without ``data_elements``.

    python benchmarks/restricted_pull.py                     # 3,000 orders, usage plans x1000
    python benchmarks/restricted_pull.py --orders 500 --time-scale 2000

The embedded emulator serves on loopback with Amazon's usage plans sped up ``--time-scale`` times. Three runs of the
same job (orders v0 getOrders pages through the generated paginator, getOrderItems for every order from
``--workers`` tasks):

- ``plain``: no ``data_elements``, against an application without restricted roles (the default emulator);
- ``pii``: ``data_elements`` on both operations, against an application holding the roles;
- ``refused``: ``data_elements`` against the role-less application: ``sp.RestrictedDataError`` before getOrders.

Reported per run: orders and items received, LWA token requests, Tokens API (createRestrictedDataToken) requests,
getOrders / getOrderItems requests and 429s, wall time. Prints a table and writes
``benchmarks/results/restricted_pull.json``. Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spapi_async as sp
from spapi_async.emulator import Emulator

RESULTS = Path(__file__).resolve().parent / "results"
MARKETPLACE = "ATVPDKIKX0DER"
RDT_KEY = "tokens_2021_03_01.create_restricted_data_token"
DEADLINE_S = 600.0  # every run is bounded in time as well as in count


async def _job(client: sp.SPAPIClient, workers: int, pii: bool) -> tuple[int, int]:
    order_pii: dict[str, Any] = {"data_elements": ["buyerInfo", "shippingAddress"]} if pii else {}
    item_pii: dict[str, Any] = {"data_elements": ["buyerInfo"]} if pii else {}
    queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=workers * 4)
    counts = {"orders": 0, "items": 0}

    async def produce() -> None:
        paginator = client.orders_v0.get_orders(
            marketplace_ids=[MARKETPLACE], created_after="2000-01-01T00:00:00Z", **order_pii
        )
        async for order in paginator:
            counts["orders"] += 1
            await queue.put(order.amazon_order_id or "")
        for _ in range(workers):
            await queue.put(None)

    async def consume() -> None:
        while (order_id := await queue.get()) is not None:
            async for _item in client.orders_v0.get_order_items(order_id=order_id, **item_pii):
                counts["items"] += 1

    await asyncio.gather(produce(), *(consume() for _ in range(workers)))
    return counts["orders"], counts["items"]


async def run(name: str, *, orders: int, time_scale: float, workers: int, roles: bool, pii: bool) -> dict[str, Any]:
    emulator = Emulator(orders=orders, time_scale=time_scale, seed=1, restricted_roles=roles)
    result: dict[str, Any] = {"run": name, "restricted_roles": roles, "data_elements": pii}
    async with (
        emulator.serve(port=0) as base,
        sp.SPAPIClient(
            client_id="bench-app",
            client_secret="bench-secret",
            refresh_token="Atzr|bench",
            endpoint=base,
            lwa_endpoint=base + "/auth/o2/token",
            limiter=sp.Limiter(header_factor=max(10.0, time_scale)),  # the emulator's rates are time-scaled
        ) as client,
    ):
        start = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                got_orders, got_items = await asyncio.wait_for(_job(client, workers, pii), DEADLINE_S)
            result["outcome"] = "ok"
        except sp.RestrictedDataError as exc:
            got_orders = got_items = 0
            result["outcome"] = f"RestrictedDataError: {exc.errors[0].message if exc.errors else exc}"
        result["wall_s"] = round(time.perf_counter() - start, 3)
    ops = emulator.snapshot()["operations"]

    def requests(key: str) -> int:
        return int(ops.get(key, {}).get("requests", 0))

    result.update(
        orders=got_orders,
        items=got_items,
        expected_items=sum(len(o.items) for o in emulator.world.orders) if pii or not roles else None,
        lwa_token_requests=emulator.stats.lwa_tokens,
        tokens_api_requests=requests(RDT_KEY),
        get_orders_requests=requests("orders_v0.get_orders"),
        get_order_items_requests=requests("orders_v0.get_order_items"),
        throttled=emulator.snapshot()["totals"]["throttled"],
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=3000)
    parser.add_argument("--time-scale", type=float, default=1000.0)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--out", default=str(RESULTS / "restricted_pull.json"))
    args = parser.parse_args()
    if not 1 <= args.orders <= 100_000 or not 1 <= args.workers <= 256:
        parser.error("--orders must be 1..100000 and --workers 1..256")
    runs = [
        ("plain", False, False),
        ("pii", True, True),
        ("refused", False, True),
    ]
    rows = [
        asyncio.run(
            run(name, orders=args.orders, time_scale=args.time_scale, workers=args.workers, roles=roles, pii=pii)
        )
        for name, roles, pii in runs
    ]
    header = f"{'run':8} {'roles':6} {'orders':>7} {'items':>7} {'LWA':>4} {'RDT':>4} {'getOrders':>9} "
    header += f"{'getItems':>8} {'429':>4} {'wall s':>7}  outcome"
    print(header)
    for r in rows:
        print(
            f"{r['run']:8} {r['restricted_roles']!s:6} {r['orders']:>7} {r['items']:>7} "
            f"{r['lwa_token_requests']:>4} {r['tokens_api_requests']:>4} {r['get_orders_requests']:>9} "
            f"{r['get_order_items_requests']:>8} {r['throttled']:>4} {r['wall_s']:>7}  {r['outcome']}"
        )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {"orders": args.orders, "time_scale": args.time_scale, "workers": args.workers, "runs": rows}
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
