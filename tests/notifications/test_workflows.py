"""The emulator publishes to a moto SQS queue; report and feed workflows wait on those notifications."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import jsonschema
import pytest

import spapi_async as sp
from spapi_async.clock import SYSTEM_CLOCK
from spapi_async.emulator import Emulator
from tests.emulator.helpers import US, emulator
from tests.shared_models import models_dir

from .sqs import KEYS, create_queue, queue_depth

SCHEMAS = models_dir().parent / "schemas" / "notifications"
FAST = sp.PollPolicy(initial=0.1, factor=1.0, max_interval=0.1, timeout=30)


def _validate(body: dict[str, Any], schema_file: str) -> None:
    schema = json.loads((SCHEMAS / schema_file).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(body)


def client_for(emu: Emulator) -> sp.SPAPIClient:
    """A client of the emulator served on loopback (documents are downloaded over real sockets too)."""
    base = emu.base_url  # type: ignore[attr-defined]
    return sp.SPAPIClient(
        client_id="app-1",
        client_secret="secret-1",
        refresh_token="Atzr|refresh-1",
        endpoint=base,
        lwa_endpoint=base + "/auth/o2/token",
        limiter=sp.NullLimiter(),
    )


@asynccontextmanager
async def served(**kw: Any) -> AsyncIterator[Emulator]:
    # 30 Amazon-seconds of processing take 1 s at time_scale 30; real clock (the emulator's timers are real).
    emu, _ = emulator(clock=SYSTEM_CLOCK, time_scale=30, orders=60, **kw)
    async with emu.serve(port=0) as base_url:
        emu.base_url = base_url  # type: ignore[attr-defined]
        yield emu


@pytest.fixture
async def emu_queue(sqs: Any, sqs_endpoint: str) -> AsyncIterator[tuple[Emulator, str]]:
    queue = await create_queue(sqs, visibility_timeout=5)
    async with served() as emu:
        publisher = emu.publish_notifications(queue, endpoint_url=sqs_endpoint, **_aws())
        try:
            yield emu, queue
        finally:
            await publisher.aclose()


def _aws() -> dict[str, str]:
    return {"aws_access_key": KEYS["aws_access_key"], "aws_secret_key": KEYS["aws_secret_key"]}


def _calls(emu: Emulator, key: str) -> int:
    return int(emu.stats.snapshot()["operations"].get(key, {}).get("requests", 0))


async def _receive_all(sqs: Any, queue: str, want: int) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    for _ in range(20):
        got = await sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=1)
        bodies += [json.loads(m["Body"]) for m in got.get("Messages") or ()]
        if len(bodies) >= want:
            break
    return bodies


async def test_emulator_publishes_amazon_shaped_notifications(sqs: Any, emu_queue: tuple[Emulator, str]) -> None:
    emu, queue = emu_queue
    async with client_for(emu) as client:
        report_id = (
            await client.reports.create_report(
                body={"reportType": "GET_MERCHANT_LISTINGS_ALL_DATA", "marketplaceIds": [US]}
            )
        ).report_id
        order = next(o for o in emu.world.orders if o.status == "Unshipped")
        await client.orders_v0.confirm_shipment(
            order_id=order.order_id,
            body={
                "marketplaceId": US,
                "packageDetail": {
                    "packageReferenceId": "1",
                    "carrierCode": "UPS",
                    "trackingNumber": "1Z",
                    "shipDate": "2026-01-01T00:00:00Z",
                    "orderItems": [],
                },
            },
        )
        bodies = await _receive_all(sqs, queue, 2)
    by_type = {b.get("notificationType") or b.get("NotificationType"): b for b in bodies}
    assert set(by_type) == {"ORDER_CHANGE", "REPORT_PROCESSING_FINISHED"}
    _validate(by_type["ORDER_CHANGE"], "OrderChangeNotification.json")
    _validate(by_type["REPORT_PROCESSING_FINISHED"], "ReportProcessingFinishedNotification.json")
    change = sp.parse_notification(json.dumps(by_type["ORDER_CHANGE"])).payload.order_change_notification
    assert change.amazon_order_id == order.order_id
    assert change.summary.order_status == "Shipped"
    finished = sp.parse_notification(json.dumps(by_type["REPORT_PROCESSING_FINISHED"]))
    inner = finished.payload.report_processing_finished_notification
    assert (inner.report_id, inner.processing_status) == (report_id, "DONE")
    assert inner.report_document_id


async def test_download_report_with_wait_makes_one_get_report_call(
    sqs_endpoint: str, emu_queue: tuple[Emulator, str]
) -> None:
    emu, queue = emu_queue
    async with client_for(emu) as client:
        polled = await client.documents.download_report(
            report_type="GET_MERCHANT_LISTINGS_ALL_DATA", marketplace_ids=[US], poll_policy=FAST
        )
        polling_calls = _calls(emu, "reports_2021_06_30.get_report")
        async with sp.NotificationConsumer(queue, endpoint_url=sqs_endpoint, wait_time=1, **KEYS) as consumer:
            waited = await client.documents.download_report(
                report_type="GET_MERCHANT_LISTINGS_ALL_DATA", marketplace_ids=[US], poll_policy=FAST, wait=consumer
            )
        waiting_calls = _calls(emu, "reports_2021_06_30.get_report") - polling_calls
        rows = [row async for row in waited.rows()]
    assert polled.report is not None and waited.report is not None
    assert waited.report.processing_status == "DONE"
    assert len(rows) > 0
    assert polling_calls >= 5  # about 1 s of processing polled every 0.1 s
    assert waiting_calls == 1  # the notification said it was done: one getReport to read it


async def test_submit_feed_waits_on_a_running_consumer(sqs_endpoint: str, emu_queue: tuple[Emulator, str]) -> None:
    """The consumer is busy running a handler for every notification; the feed workflow watches it."""
    emu, queue = emu_queue
    handled: list[str] = []

    async def handler(n: sp.Notification) -> None:
        handled.append(n.notification_type)

    stop = asyncio.Event()
    async with sp.NotificationConsumer(queue, endpoint_url=sqs_endpoint, wait_time=1, **KEYS) as consumer:
        run = asyncio.ensure_future(consumer.run(handler, stop=stop))
        async with client_for(emu) as client:
            result = await client.documents.submit_feed(
                feed_type="POST_INVENTORY_AVAILABILITY_DATA",
                content="sku\tquantity\nEMU-SKU-00001\t5\n",
                content_type="text/tab-separated-values; charset=UTF-8",
                marketplace_ids=[US],
                poll_policy=FAST,
                wait=consumer,
            )
        stop.set()
        await asyncio.wait_for(run, 30)
    assert result.processing_status == "DONE"
    assert _calls(emu, "feeds_2021_06_30.get_feed") == 1
    assert handled == ["FEED_PROCESSING_FINISHED"]  # the handler still got it
    assert emu.notifier is not None
    (sent,) = emu.notifier.sent
    _validate(sent, "FeedProcessingFinishedNotification.json")
    assert sent["payload"]["feedProcessingFinishedNotification"]["feedId"] == result.feed_id


async def test_wait_falls_back_to_polling_without_a_notification(sqs: Any, sqs_endpoint: str) -> None:
    silent = await create_queue(sqs)
    async with (
        served() as emu,
        client_for(emu) as client,
        sp.NotificationConsumer(  # publishes nothing
            silent, endpoint_url=sqs_endpoint, wait_time=1, **KEYS
        ) as consumer,
    ):
        doc = await client.documents.download_report(
            report_type="GET_MERCHANT_LISTINGS_ALL_DATA",
            marketplace_ids=[US],
            poll_policy=FAST,
            wait=consumer,
            wait_timeout=1.5,
        )
        assert doc.report is not None and doc.report.processing_status == "DONE"
        with pytest.raises(sp.ConfigurationError):
            await client.documents.download_report(
                report_type="GET_MERCHANT_LISTINGS_ALL_DATA",
                marketplace_ids=[US],
                wait=42,  # type: ignore[arg-type]
            )
    assert await queue_depth(sqs, silent) == (0, 0)
