"""``spapi-async demo``: the main job against the embedded emulator, through the real client and limiter.

A bulk concurrent pull of orders with their items (the generated ``client.orders_v0.get_orders`` paginator feeds
a pool of ``get_order_items`` workers; pages are parsed into the generated models), one report and one feed, all at
once. The emulator enforces Amazon's usage plans (rates x ``time_scale``); the client's
limiter knows the same plans. Every figure printed comes from real requests: the emulator's per-operation
counters and the limiter's own statistics.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

import anyio
import anyio.abc

from ..client import SPAPIClient
from ..operation import UsagePlan
from ..registry import OPERATIONS
from ..throttle.limiter import Limiter
from .workflows import NoProgress, Progress, fetch_report, submit_feed

DEMO_CLIENT_ID = "amzn1.application-oa2-client.demo"
DEMO_CLIENT_SECRET = "demo-secret"
DEMO_REFRESH_TOKEN = "Atzr|demo-refresh-token"
MARKETPLACE = "ATVPDKIKX0DER"
BOTTLENECK = "orders_v0.get_order_items"
JITTER_MARGIN = 0.15


@dataclass(frozen=True)
class DemoConfig:
    orders: int = 1000
    time_scale: float = 100.0
    seed: int = 7
    workers: int = 32
    poll_interval: float = 0.25  # real seconds between status polls


@dataclass
class OperationRow:
    operation: str
    requests: int
    throttled: int
    server_errors: int
    rate: float  # scaled plan rate
    burst: int
    waited_s: float  # time callers spent waiting in the limiter for this operation
    span_s: float  # first to last request seen by the emulator
    ideal_s: float  # (requests - burst) / rate, the least time the plan allows
    efficiency: float | None


@dataclass
class DemoResult:
    orders: int
    items: int
    report_rows: int
    feed_messages_accepted: int
    wall_s: float
    job_s: float
    requests: int
    throttled: int
    efficiency: float | None
    time_scale: float
    operations: list[OperationRow] = field(default_factory=list)

    def to_json(self) -> str:
        from dataclasses import asdict

        return json.dumps(asdict(self), indent=2)


def scaled_plans(time_scale: float) -> dict[str, UsagePlan]:
    """Every operation's published plan with its rate multiplied by ``time_scale`` (what the emulator enforces)."""
    return {key: UsagePlan(op.rate * time_scale, op.burst) for key, op in OPERATIONS.items()}


def make_limiter(time_scale: float) -> Limiter:
    """The library's own in-memory limiter, told the scaled plans (so it paces exactly as the emulator counts).

    The emulator shares this process with the client, so arrivals jitter more than over a network: the limiter
    absorbs up to :data:`JITTER_MARGIN` seconds of it (the sustained rate stays the plan's)."""
    return Limiter(overrides=scaled_plans(time_scale), margin=JITTER_MARGIN)


def _listings_feed(skus: list[str]) -> bytes:
    messages = [
        {
            "messageId": n,
            "sku": sku,
            "operationType": "PATCH",
            "productType": "PRODUCT",
            "patches": [
                {
                    "op": "replace",
                    "path": "/attributes/fulfillment_availability",
                    "value": [{"fulfillment_channel_code": "DEFAULT", "quantity": 5 + n}],
                }
            ],
        }
        for n, sku in enumerate(skus, start=1)
    ]
    return json.dumps({"header": {"sellerId": "DEMO", "version": "2.0"}, "messages": messages}).encode()


async def _pull_orders(client: SPAPIClient, since: str, workers: int, ui: Progress, counts: dict[str, int]) -> None:
    send, receive = anyio.create_memory_object_stream[str](max_buffer_size=10_000)

    async def lister() -> None:
        async with send:
            orders = client.orders_v0.get_orders(marketplace_ids=[MARKETPLACE], created_after=since)
            async for page in orders.pages():
                listed = page.payload.orders if page.payload and page.payload.orders else []
                for order in listed:
                    await send.send(str(order.amazon_order_id))
                counts["orders"] += len(listed)
                ui.advance("orders", len(listed))

    async def worker(inbox: anyio.abc.ObjectReceiveStream[str]) -> None:
        async with inbox:
            async for order_id in inbox:
                async for _item in client.orders_v0.get_order_items(order_id=order_id):
                    counts["items"] += 1
                ui.advance("items")

    async with anyio.create_task_group() as tg:
        tg.start_soon(lister)
        for _ in range(workers):
            tg.start_soon(worker, receive.clone())
        receive.close()


async def run_demo(
    config: DemoConfig, progress: Progress | None = None, *, limiter: Limiter | None = None
) -> DemoResult:
    """Run the job; ``limiter``: the one to use (its stats feed a progress display), else :func:`make_limiter`."""
    from ..emulator import LWA_PATH, Emulator
    from ..emulator.timefmt import iso

    started = time.perf_counter()
    ui = progress or NoProgress()
    emulator = Emulator(time_scale=config.time_scale, seed=config.seed, orders=config.orders)
    ui.total("orders", config.orders)
    ui.total("items", config.orders)
    limiter = limiter or make_limiter(config.time_scale)
    counts = {"orders": 0, "items": 0}
    since = iso(emulator.epoch - emulator.days * 86400 - 3600)
    skus = [p.sku for p in emulator.world.products[:25]]
    async with (
        emulator.serve(port=0) as base_url,
        SPAPIClient(
            DEMO_CLIENT_ID,
            DEMO_CLIENT_SECRET,
            DEMO_REFRESH_TOKEN,
            endpoint=base_url,
            lwa_endpoint=base_url + LWA_PATH,
            limiter=limiter,
        ) as client,
    ):
        report_rows = 0
        accepted = 0
        job_start = time.perf_counter()

        async def report() -> None:
            nonlocal report_rows
            outcome = await fetch_report(
                client,
                "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL",
                [MARKETPLACE],
                poll_interval=config.poll_interval,
                progress=ui,
            )
            report_rows = outcome.rows

        async def feed() -> None:
            nonlocal accepted
            outcome = await submit_feed(
                client,
                "JSON_LISTINGS_FEED",
                _listings_feed(skus),
                "application/json; charset=UTF-8",
                [MARKETPLACE],
                poll_interval=config.poll_interval,
                progress=ui,
            )
            accepted = outcome.accepted or 0

        async with anyio.create_task_group() as tg:
            tg.start_soon(_pull_orders, client, since, config.workers, ui, counts)
            tg.start_soon(report)
            tg.start_soon(feed)
        job_s = time.perf_counter() - job_start
        limiter_stats = limiter.stats()
    snapshot = emulator.snapshot()
    waits: dict[str, float] = {}
    for key, value in limiter_stats.items():
        operation = str(key).rsplit("|", 1)[-1]
        waits[operation] = waits.get(operation, 0.0) + float(getattr(value, "total_wait_s", 0.0))
    rows = []
    for key, op_stats in snapshot["operations"].items():
        plan = emulator.quota.effective(OPERATIONS[key].plan) if key in OPERATIONS else UsagePlan(1.0, 1)
        n = int(op_stats["requests"]) - int(op_stats["throttled"])
        span = float(op_stats["last"] - op_stats["first"]) if op_stats["first"] is not None else 0.0
        ideal = max(0.0, (n - plan.burst) / plan.rate)
        efficiency = round(ideal / span, 3) if ideal > 1.0 and span > 0 else None
        rows.append(
            OperationRow(key, n, int(op_stats["throttled"]), int(op_stats["server_errors"]), round(plan.rate, 4),
                         plan.burst, round(waits.get(key, 0.0), 2), round(span, 2), round(ideal, 2), efficiency)
        )  # fmt: skip
    bottleneck = next((r for r in rows if r.operation == BOTTLENECK), None)
    return DemoResult(
        orders=counts["orders"],
        items=counts["items"],
        report_rows=report_rows,
        feed_messages_accepted=accepted,
        wall_s=round(time.perf_counter() - started, 2),
        job_s=round(job_s, 2),
        requests=int(snapshot["totals"]["requests"]),
        throttled=int(snapshot["totals"]["throttled"]),
        efficiency=bottleneck.efficiency if bottleneck else None,
        time_scale=config.time_scale,
        operations=rows,
    )
