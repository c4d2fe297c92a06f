"""A real SQS-compatible server for the notification tests: moto's server mode on 127.0.0.1 and a free port,
plus small helpers (create a queue, send Amazon-shaped notifications, count what is left)."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from tests.distributed.servers import free_port

REGION = "us-east-1"
KEYS = {"aws_access_key": "testing", "aws_secret_key": "testing"}


class MotoServer:
    """moto's ThreadedMotoServer (an HTTP server speaking the SQS protocol) on loopback."""

    def __init__(self) -> None:
        from moto.server import ThreadedMotoServer

        self.port = free_port()
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._server.start()

    def stop(self) -> None:
        self._server.stop()


@asynccontextmanager
async def sqs_client(endpoint: str) -> AsyncIterator[Any]:
    from aiobotocore.session import get_session

    async with get_session().create_client(
        "sqs",
        region_name=REGION,
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ) as client:
        yield client


async def create_queue(sqs: Any, *, visibility_timeout: int = 2, name: str | None = None) -> str:
    response = await sqs.create_queue(
        QueueName=name or f"q-{uuid.uuid4().hex[:12]}",
        Attributes={"VisibilityTimeout": str(visibility_timeout)},
    )
    return str(response["QueueUrl"])


async def send_bodies(sqs: Any, queue_url: str, bodies: Iterable[str]) -> int:
    batch: list[str] = []
    sent = 0

    async def flush() -> None:
        nonlocal sent, batch
        if batch:
            response = await sqs.send_message_batch(
                QueueUrl=queue_url, Entries=[{"Id": str(i), "MessageBody": b} for i, b in enumerate(batch)]
            )
            assert not response.get("Failed"), response.get("Failed")
            sent += len(batch)
            batch = []

    for body in bodies:
        batch.append(body)
        if len(batch) == 10:
            await flush()
    await flush()
    return sent


async def queue_depth(sqs: Any, queue_url: str) -> tuple[int, int]:
    """(visible, in flight) messages, as SQS reports them."""
    attrs = await sqs.get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )
    a = attrs["Attributes"]
    return int(a["ApproximateNumberOfMessages"]), int(a["ApproximateNumberOfMessagesNotVisible"])


def order_change(notification_id: str, order_id: str, *, status: str = "Unshipped") -> str:
    """An ORDER_CHANGE notification shaped as Amazon's schema says (PascalCase envelope)."""
    return json.dumps(
        {
            "NotificationVersion": "1.0",
            "NotificationType": "ORDER_CHANGE",
            "PayloadVersion": "1.0",
            "EventTime": "2026-01-11T00:09:53.109Z",
            "Payload": {
                "OrderChangeNotification": {
                    "NotificationLevel": "OrderLevel",
                    "SellerId": "A3TH9S8BH6GOGM",
                    "AmazonOrderId": order_id,
                    "OrderChangeType": "OrderStatusChange",
                    "OrderChangeTrigger": {"TimeOfOrderChange": "2026-01-11T00:09:50.000Z", "ChangeReason": "x"},
                    "Summary": {
                        "MarketplaceId": "ATVPDKIKX0DER",
                        "OrderStatus": status,
                        "PurchaseDate": "2026-01-10T19:42:04.284Z",
                        "DestinationPostalCode": "48110",
                        "FulfillmentType": "MFN",
                        "OrderType": "StandardOrder",
                        "NumberOfItemsShipped": 0,
                        "NumberOfItemsUnshipped": 1,
                        "OrderItems": [
                            {"OrderItemId": "OI1", "SellerSKU": "SKU1", "SupplySourceId": "s", "Quantity": 1}
                        ],
                    },
                }
            },
            "NotificationMetadata": {
                "ApplicationId": "amzn1.sellerapps.app.test",
                "SubscriptionId": "sub-1",
                "PublishTime": "2026-01-11T00:09:54.000Z",
                "NotificationId": notification_id,
            },
        }
    )
