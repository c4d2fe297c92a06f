"""The emulator's notifications: ORDER_CHANGE when an order changes, REPORT_PROCESSING_FINISHED and
FEED_PROCESSING_FINISHED when a report or feed finishes, sent to an SQS queue (any SQS-compatible server).

Turn it on with ``emulator.publish_notifications(queue_url, endpoint_url=...)``. Bodies are shaped as Amazon's
notification schemas say (``schemas/notifications/*.json``: the envelope, the payload, the metadata with a
notification id). By default every seller's events are sent; ``subscribed_only=True`` sends a type only to sellers
that subscribed to it (``createSubscription``), as Amazon does. Sending needs aiobotocore (asyncio) and happens on
the event loop the emulator serves from; a report or feed finishes on a timer at its scaled processing time, so the
notification arrives even if nobody polls.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Callable
from contextlib import AsyncExitStack
from typing import TYPE_CHECKING, Any

from .timefmt import iso

if TYPE_CHECKING:
    from .app import Emulator
    from .data import Order
    from .state import Job, SellerState

logger = logging.getLogger("spapi_async.emulator")

APPLICATION_ID = "amzn1.sellerapps.app.00000000-0000-4000-8000-00000000e3u1"


class NotificationPublisher:
    """Sends notification bodies to one SQS queue. ``sent`` keeps every body sent (newest last)."""

    def __init__(
        self,
        queue_url: str,
        *,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        aws_access_key: str | None = None,
        aws_secret_key: str | None = None,
        subscribed_only: bool = False,
        application_id: str = APPLICATION_ID,
    ) -> None:
        self.queue_url = queue_url
        self.endpoint_url = endpoint_url
        self.region = region
        self.subscribed_only = subscribed_only
        self.application_id = application_id
        self.sent: list[dict[str, Any]] = []
        self.errors = 0
        self._keys = (aws_access_key, aws_secret_key)
        self._stack: AsyncExitStack | None = None
        self._sqs: Any = None
        self._lock: asyncio.Lock | None = None
        self._tasks: set[asyncio.Future[None]] = set()
        self._timers: set[asyncio.TimerHandle] = set()

    # ------------------------------------------------------------------ sending

    async def _client(self) -> Any:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._sqs is None:
                from aiobotocore.session import get_session

                stack = AsyncExitStack()
                key, secret = self._keys
                self._sqs = await stack.enter_async_context(
                    get_session().create_client(
                        "sqs",
                        region_name=self.region,
                        endpoint_url=self.endpoint_url,
                        aws_access_key_id=key,
                        aws_secret_access_key=secret,
                    )
                )
                self._stack = stack
        return self._sqs

    async def send(self, body: dict[str, Any]) -> None:
        try:
            sqs = await self._client()
            await sqs.send_message(QueueUrl=self.queue_url, MessageBody=json.dumps(body))
        except Exception as exc:
            self.errors += 1
            logger.warning("emulator: could not send %s: %s", body.get("notificationType") or "?", exc)
            return
        self.sent.append(body)

    def publish(self, body: dict[str, Any]) -> None:
        """Send ``body`` in the background (on the running loop)."""
        task = asyncio.ensure_future(self.send(body))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def later(self, delay: float, build: Callable[[], dict[str, Any] | None]) -> None:
        """After ``delay`` seconds, build a body (None: nothing to send) and publish it."""
        loop = asyncio.get_running_loop()

        def fire() -> None:
            self._timers.discard(handle)
            try:
                body = build()
            except Exception as exc:  # the emulator's state may be gone; never break the loop
                logger.warning("emulator: could not build a notification: %s", exc)
                return
            if body is not None:
                self.publish(body)

        handle = loop.call_later(max(0.0, delay), fire)
        self._timers.add(handle)

    async def drain(self) -> None:
        """Wait until everything published so far has been sent."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self) -> None:
        for handle in list(self._timers):
            handle.cancel()
        self._timers.clear()
        await self.drain()
        stack, self._stack, self._sqs = self._stack, None, None
        if stack is not None:
            await stack.aclose()

    # ------------------------------------------------------------------ bodies

    def envelope(
        self, state: SellerState, ntype: str, version: str, payload: dict[str, Any], now: float, *, camel: bool
    ) -> dict[str, Any]:
        """The envelope of one notification (camelCase for the 2020-09-04 types, PascalCase for the others)."""
        sub = state.subscriptions.get(ntype) or {}
        meta = {
            "applicationId": self.application_id,
            "subscriptionId": sub.get("subscriptionId") or str(uuid.uuid4()),
            "publishTime": iso(now),
            "notificationId": str(uuid.uuid4()),
        }
        body = {
            "notificationVersion": version,
            "notificationType": ntype,
            "payloadVersion": version,
            "eventTime": iso(now),
            "payload": payload,
            "notificationMetadata": meta,
        }
        if camel:
            return body
        return {_pascal(k): v for k, v in body.items()} | {
            "NotificationMetadata": {_pascal(k): v for k, v in meta.items()}
        }

    def wanted(self, state: SellerState, ntype: str) -> bool:
        return not self.subscribed_only or ntype in state.subscriptions


def _pascal(name: str) -> str:
    return name[0].upper() + name[1:]


def _account(state: SellerState) -> str:
    return f"amzn1.merchant.o.{state.seller_id}"


def job_finished(emu: Emulator, state: SellerState, job: Job, kind: str, render: Callable[[], dict[str, Any]]) -> None:
    """Hook for ``createReport`` / ``createFeed``: when the job's processing time is over, publish its
    ``REPORT_PROCESSING_FINISHED`` / ``FEED_PROCESSING_FINISHED`` (``render`` gives the job as ``getReport`` /
    ``getFeed`` would answer then)."""
    publisher = emu.notifier
    if publisher is None:
        return
    ntype = "REPORT_PROCESSING_FINISHED" if kind == "report" else "FEED_PROCESSING_FINISHED"
    if not publisher.wanted(state, ntype):
        return

    def build() -> dict[str, Any] | None:
        info = render()
        status = info.get("processingStatus")
        if status not in ("DONE", "CANCELLED", "FATAL"):
            return None
        inner: dict[str, Any] = {"sellerId": state.seller_id, "accountId": _account(state), "processingStatus": status}
        if kind == "report":
            inner |= {"reportId": info["reportId"], "reportType": info["reportType"]}
            if info.get("reportDocumentId"):
                inner["reportDocumentId"] = info["reportDocumentId"]
            payload = {"reportProcessingFinishedNotification": inner}
        else:
            inner |= {"feedId": info["feedId"], "feedType": info["feedType"]}
            if info.get("resultFeedDocumentId"):
                inner["resultFeedDocumentId"] = info["resultFeedDocumentId"]
            payload = {"feedProcessingFinishedNotification": inner}
        return publisher.envelope(state, ntype, "2020-09-04", payload, emu.clock.time(), camel=True)

    publisher.later(job.done_at() - emu.clock.monotonic(), build)


def order_changed(emu: Emulator, state: SellerState, order: Order, *, reason: str = "") -> None:
    """Hook for the emulator's order changes: publish ``ORDER_CHANGE`` (OrderStatusChange) for ``order``."""
    publisher = emu.notifier
    if publisher is None or not publisher.wanted(state, "ORDER_CHANGE"):
        return
    now = emu.clock.time()
    summary: dict[str, Any] = {
        "MarketplaceId": order.marketplace_id,
        "OrderStatus": order.status,
        "PurchaseDate": iso(order.purchase),
        "DestinationPostalCode": order.postal,
        "FulfillmentType": order.channel,
        "OrderType": "StandardOrder",
        "NumberOfItemsShipped": order.shipped_units,
        "NumberOfItemsUnshipped": order.unshipped_units,
        "OrderItems": [
            {
                "OrderItemId": item.order_item_id,
                "SellerSKU": item.product.sku,
                "SupplySourceId": "",
                "OrderItemStatus": order.status,
                "Quantity": item.quantity,
                "QuantityShipped": item.quantity if order.status == "Shipped" else 0,
            }
            for item in order.items
        ],
    }
    payload = {
        "OrderChangeNotification": {
            "NotificationLevel": "OrderLevel",
            "SellerId": state.seller_id,
            "AmazonOrderId": order.order_id,
            "OrderChangeType": "OrderStatusChange",
            "OrderChangeTrigger": {"TimeOfOrderChange": iso(now), "ChangeReason": reason or "Order status changed"},
            "Summary": summary,
        }
    }
    publisher.publish(publisher.envelope(state, "ORDER_CHANGE", "1.0", payload, now, camel=False))
