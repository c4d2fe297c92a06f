"""client.notifications.subscribe() / unsubscribe() against the emulator (in process)."""

from __future__ import annotations

from urllib.parse import parse_qs

import httpx
import pytest

import spapi_async as sp
from tests.emulator.helpers import BASE, client_for, emulator

ARN = "arn:aws:sqs:us-east-1:123456789012:spapi-events"


def _recording_http(emu: object) -> tuple[httpx.AsyncClient, list[str]]:
    grants: list[str] = []

    async def record(request: httpx.Request) -> None:
        if request.url.path == "/auth/o2/token":
            grants.append(parse_qs(request.content.decode())["grant_type"][0])

    http = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emu.app),  # type: ignore[attr-defined]
        base_url=BASE,
        event_hooks={"request": [record]},
    )
    return http, grants


async def test_subscribe_creates_then_reuses_destination_and_subscription() -> None:
    emu, _ = emulator()
    http, grants = _recording_http(emu)
    async with client_for(emu, http=http) as client:
        first = await client.notifications.subscribe("ORDER_CHANGE", sqs_arn=ARN)
        again = await client.notifications.subscribe("ORDER_CHANGE", sqs_arn=ARN)
        report = await client.notifications.subscribe("REPORT_PROCESSING_FINISHED", sqs_arn=ARN)
        destinations = await client.notifications.grantless.get_destinations()
        current = await client.notifications.get_subscription(notification_type="ORDER_CHANGE")
    assert first.created_destination and first.created_subscription
    assert not again.created_destination and not again.created_subscription
    assert (again.subscription_id, again.destination_id) == (first.subscription_id, first.destination_id)
    assert report.destination_id == first.destination_id and not report.created_destination
    assert report.payload_version == "2020-09-04"  # the type's own version, not "1.0"
    assert len(destinations.payload or []) == 1
    assert current.payload is not None and current.payload.subscription_id == first.subscription_id
    # The destination calls used the application's grantless token; the subscriptions the seller's.
    assert "client_credentials" in grants and "refresh_token" in grants
    await http.aclose()


async def test_unsubscribe_removes_the_subscription() -> None:
    emu, _ = emulator()
    async with client_for(emu) as client:
        await client.notifications.subscribe("ORDER_CHANGE", sqs_arn=ARN)
        assert await client.notifications.unsubscribe("ORDER_CHANGE", delete_destination=True) is True
        assert await client.notifications.unsubscribe("ORDER_CHANGE") is False
        with pytest.raises(sp.NotFoundError):
            await client.notifications.get_subscription(notification_type="ORDER_CHANGE")
        destinations = await client.notifications.grantless.get_destinations()
        assert destinations.payload == []
        # and it can be set up again
        assert (await client.notifications.subscribe("ORDER_CHANGE", sqs_arn=ARN)).created_subscription


async def test_subscribe_checks_its_arguments_before_any_request() -> None:
    emu, _ = emulator()
    async with client_for(emu) as client:
        with pytest.raises(sp.ConfigurationError):
            await client.notifications.subscribe("ORDER_CHANGE", sqs_arn="https://sqs.us-east-1.amazonaws.com/1/q")
        with pytest.raises(sp.ConfigurationError):
            await client.notifications.subscribe("order change", sqs_arn=ARN)
    assert not [k for k in emu.stats.snapshot().get("operations", {}) if "notifications" in k]
