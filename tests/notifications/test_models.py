"""Parsing notifications: typed payloads for every schema's example, lenient on the unknown."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import spapi_async as sp
from spapi_async.notifications.payloads import PAYLOADS, UNTYPED
from spapi_async.testing import FakeClock
from tests.shared_models import models_dir

from .sqs import order_change

SCHEMAS = models_dir().parent / "schemas" / "notifications"


def _times(value: object) -> object:
    """Timestamps as datetimes (the model writes ``.196000Z`` where Amazon wrote ``.196Z``)."""
    if isinstance(value, dict):
        return {k: _times(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_times(v) for v in value]
    if isinstance(value, str) and len(value) >= 20 and value[4:5] == "-" and "T" in value:
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    return value


def _examples() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(SCHEMAS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for example in doc.get("examples") or []:
            if isinstance(example, dict) and ("NotificationType" in example or "notificationType" in example):
                out.append((path.name, example))
    return out


@pytest.mark.parametrize(("name", "example"), _examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_example_in_amazons_schemas_parses_into_its_model(name: str, example: dict) -> None:
    n = sp.parse_notification(json.dumps(example))
    ntype = example.get("NotificationType") or example.get("notificationType")
    assert n.notification_type == ntype
    if ntype in UNTYPED:
        assert isinstance(n.payload, dict)
        return
    version = example.get("PayloadVersion") or example.get("payloadVersion")
    model = PAYLOADS.get(f"{ntype}@{version}") or PAYLOADS[ntype]
    assert isinstance(n.payload, model), name
    payload = example.get("Payload") or example.get("payload")
    # Nothing lost: the model writes back what Amazon sent.
    assert _times(n.payload.model_dump(mode="json", by_alias=True, exclude_unset=True)) == _times(payload)


def test_envelope_fields_and_typed_payload() -> None:
    n = sp.parse_notification(order_change("abc-1", "111-2223333-4444444"), message_id="m1", receive_count=2)
    assert n.notification_type == "ORDER_CHANGE"
    assert n.notification_version == "1.0"
    assert n.notification_id == "abc-1"
    assert n.event_time is not None and not isinstance(n.event_time, str)
    assert n.event_time.year == 2026
    assert n.payload.order_change_notification.amazon_order_id == "111-2223333-4444444"
    assert n.payload.order_change_notification.summary.order_items[0].quantity == 1
    assert n.receive_count == 2
    assert json.loads(n.raw) == n.to_json()


def test_unknown_types_and_fields_never_fail() -> None:
    body = json.loads(order_change("x", "1"))
    body["Payload"]["OrderChangeNotification"]["BrandNewField"] = {"a": 1}
    n = sp.parse_notification(json.dumps(body))
    assert n.payload.order_change_notification.model_extra["BrandNewField"] == {"a": 1}
    body["NotificationType"] = "SOMETHING_NEW"
    n = sp.parse_notification(json.dumps(body))
    assert isinstance(n.payload, dict)
    assert n.payload["OrderChangeNotification"]["BrandNewField"] == {"a": 1}
    # A payload that does not fit its model stays a dict.
    body["NotificationType"] = "ORDER_CHANGE"
    body["Payload"] = {"OrderChangeNotification": "not an object"}
    assert sp.parse_notification(json.dumps(body)).payload == {"OrderChangeNotification": "not an object"}


def test_camel_case_envelope_and_wrappers() -> None:
    inner = {
        "notificationVersion": "2020-09-04",
        "notificationType": "REPORT_PROCESSING_FINISHED",
        "payloadVersion": "2020-09-04",
        "eventTime": "2026-01-01T00:00:00Z",
        "payload": {"reportProcessingFinishedNotification": {"reportId": "42", "processingStatus": "DONE"}},
        "notificationMetadata": {"notificationId": "nid"},
    }
    for body in (
        inner,
        {"Type": "Notification", "Message": json.dumps(inner)},  # SNS
        {"version": "0", "detail-type": "x", "source": "aws.partner/...", "detail": inner},  # EventBridge
    ):
        n = sp.parse_notification(json.dumps(body))
        assert n.notification_id == "nid"
        assert n.payload.report_processing_finished_notification.report_id == "42"


@pytest.mark.parametrize("body", ["", "not json", "[1, 2]", '{"a": 1}', '{"NotificationType": 5}'])
def test_what_is_not_a_notification_is_rejected(body: str) -> None:
    with pytest.raises(sp.NotificationParseError):
        sp.parse_notification(body)


async def test_memory_dedupe_claims_and_expiry() -> None:
    clock = FakeClock()
    store = sp.MemoryDedupe(clock=clock, sweep_every=2)
    assert await store.claim("a", lease=10) == "new"
    assert await store.claim("a", lease=10) == "busy"
    await store.release("a")
    assert await store.claim("a", lease=10) == "new"
    await store.complete("a", ttl=100)
    assert await store.claim("a", lease=10) == "done"
    assert await store.claim("b", lease=10) == "new"
    await clock.advance(11)  # b's holder vanished: its lease ran out
    assert await store.claim("b", lease=10) == "new"
    await store.extend(["b"], lease=50)
    await clock.advance(40)
    assert await store.claim("b", lease=10) == "busy"
    await clock.advance(61)  # a's ttl is over
    assert await store.claim("a", lease=10) == "new"
    assert await store.claim("c", lease=1) == "new"
    await clock.advance(2)
    assert await store.claim("d", lease=1) == "new"  # sweeps the expired entries
    assert len(store) <= 3


async def test_redis_dedupe_is_shared(redis_url: str) -> None:
    import uuid

    ns = f"t{uuid.uuid4().hex[:8]}"
    a, b = sp.RedisDedupe(redis_url, namespace=ns), sp.RedisDedupe(redis_url, namespace=ns)
    try:
        assert await a.claim("n1", lease=30) == "new"
        assert await b.claim("n1", lease=30) == "busy"
        await b.release("n1")  # not b's claim: nothing happens
        assert await b.claim("n1", lease=30) == "busy"
        await a.complete("n1", ttl=60)
        assert await b.claim("n1", lease=30) == "done"
        assert await b.claim("n2", lease=30) == "new"
        await b.release("n2")
        assert await a.claim("n2", lease=30) == "new"
        assert "secret" not in repr(sp.RedisDedupe("redis://user:secret@127.0.0.1:1/0"))
    finally:
        await a.aclose()
        await b.aclose()
