"""The SQS calls of :class:`~spapi_async.notifications.consumer.NotificationConsumer` that are more than one
request: batches of ten (SQS's limit per batch call), the delete retries, and which errors end the consumer."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import Any

from ..clock import Clock

logger = logging.getLogger("spapi_async.notifications")

#: Entries per SQS batch call (DeleteMessageBatch, ChangeMessageVisibilityBatch).
BATCH = 10


def raise_if_permanent(exc: Exception) -> None:
    """Errors no retry will fix (no such queue, access denied, bad request) end the consumer."""
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return
    status = (response.get("ResponseMetadata") or {}).get("HTTPStatusCode")
    code = str((response.get("Error") or {}).get("Code") or "")
    if isinstance(status, int) and 400 <= status < 500 and status != 429 and "Throttl" not in code:
        raise exc


async def make_visible(sqs: Any, queue_url: str, receipts: Sequence[str], *, timeout: float | None = None) -> None:
    """Make messages visible again right away (best effort: failures are ignored), each batch call bounded by
    ``timeout`` seconds if given."""
    for start in range(0, len(receipts), BATCH):
        entries = [
            {"Id": str(i), "ReceiptHandle": r, "VisibilityTimeout": 0}
            for i, r in enumerate(receipts[start : start + BATCH])
        ]
        with contextlib.suppress(Exception):
            call = sqs.change_message_visibility_batch(QueueUrl=queue_url, Entries=entries)
            await (asyncio.wait_for(call, timeout=timeout) if timeout is not None else call)


async def delete_batch(sqs: Any, queue_url: str, batch: Sequence[str], clock: Clock) -> dict[str, Any]:
    """One DeleteMessageBatch of up to :data:`BATCH` receipts, tried three times; after the third failure the
    answer lists every entry as failed (with the error's class name as its code)."""
    entries = [{"Id": str(i), "ReceiptHandle": r} for i, r in enumerate(batch)]
    response: dict[str, Any] = {}
    for attempt in range(3):
        try:
            response = await sqs.delete_message_batch(QueueUrl=queue_url, Entries=entries)
            break
        except Exception as exc:
            logger.warning("SQS delete failed (%s), attempt %d of 3", type(exc).__name__, attempt + 1)
            if attempt == 2:
                response = {"Failed": [{"Id": e["Id"], "Code": type(exc).__name__} for e in entries]}
            else:
                await clock.sleep(0.2 * (attempt + 1))
    return response
