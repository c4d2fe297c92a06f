from __future__ import annotations

import asyncio
from typing import Any

import spapi_async as sp

from .sqs import KEYS, create_queue, order_change, queue_depth, send_bodies


async def test_handles_each_notification_and_empties_the_queue(sqs: Any, sqs_endpoint: str) -> None:
    queue = await create_queue(sqs, visibility_timeout=2)
    await send_bodies(sqs, queue, [order_change(f"n{i}", f"111-{i}") for i in range(25)])
    seen: list[str] = []

    async def handler(n: sp.Notification) -> None:
        seen.append(n.payload.order_change_notification.amazon_order_id)

    async with sp.NotificationConsumer(queue, endpoint_url=sqs_endpoint, wait_time=1, **KEYS) as consumer:
        stats = await asyncio.wait_for(consumer.run(handler, idle_exit=1.5), 60)
    assert sorted(seen) == sorted(f"111-{i}" for i in range(25))
    assert stats.handled == 25
    assert await queue_depth(sqs, queue) == (0, 0)
