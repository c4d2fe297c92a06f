"""Types Amazon does not know are refused with 400 InvalidInput; vendor submissions change what reads back."""

from __future__ import annotations

from typing import Any

import pytest

import spapi_async as sp
from spapi_async.emulator import Emulator
from spapi_async.emulator.schema_response import Sampler

from .helpers import US, client_for, emulator


@pytest.mark.parametrize(
    ("method", "path", "body", "name"),
    [
        ("POST", "/reports/2021-06-30/reports", {"reportType": "GET_NO_SUCH_REPORT", "marketplaceIds": [US]}, "reportType"),  # noqa: E501
        ("POST", "/reports/2021-06-30/schedules", {"reportType": "GET_NO_SUCH_REPORT", "marketplaceIds": [US], "period": "P1D"}, "reportType"),  # noqa: E501
        ("POST", "/feeds/2021-06-30/feeds", {"feedType": "POST_NO_SUCH_FEED", "marketplaceIds": [US], "inputFeedDocumentId": "d"}, "feedType"),  # noqa: E501
        ("GET", "/notifications/v1/subscriptions/NO_SUCH_NOTIFICATION", None, "notificationType"),
    ],
)  # fmt: skip
async def test_unknown_types_are_refused(method: str, path: str, body: object, name: str) -> None:
    emu, _ = emulator(orders=5)
    async with client_for(emu) as client:
        with pytest.raises(sp.BadRequestError) as info:
            await client.request(method, path, json=body)
    assert info.value.errors[0].code == "InvalidInput" and name in info.value.errors[0].message


async def test_vendor_orders_acknowledgement_and_transaction_status() -> None:
    emu, clock = emulator(orders=5, time_scale=1)
    async with client_for(emu) as client:
        unconfirmed = await client.vendor_orders_v1.get_purchase_orders_status(item_confirmation_status="UNCONFIRMED")
        assert unconfirmed.payload is not None and unconfirmed.payload.orders_status is not None
        assert len(unconfirmed.payload.orders_status) == 30  # nothing acknowledged yet
        page = await client.vendor_orders_v1.get_purchase_orders(limit=10)
        assert page.payload is not None and page.payload.orders is not None and len(page.payload.orders) == 10
        assert page.payload.pagination is not None and page.payload.pagination.next_token
        first = page.payload.orders[0]
        again = await client.vendor_orders_v1.get_purchase_order(purchase_order_number=first.purchase_order_number)
        assert again.payload is not None and again.payload.to_wire() == first.to_wire()
        ack = await client.vendor_orders_v1.submit_acknowledgement(
            body={
                "acknowledgements": [
                    {
                        "purchaseOrderNumber": first.purchase_order_number,
                        "sellingParty": {"partyId": "VENDOR"},
                        "acknowledgementDate": "2026-01-01T00:00:00Z",
                        "items": [
                            {
                                "orderedQuantity": {"amount": 1},
                                "itemAcknowledgements": [
                                    {"acknowledgementCode": "Accepted", "acknowledgedQuantity": {"amount": 1}}
                                ],
                            }
                        ],
                    }
                ]
            }
        )
        assert ack.payload is not None and ack.payload.transaction_id
        after = await client.vendor_orders_v1.get_purchase_order(purchase_order_number=first.purchase_order_number)
        assert after.payload is not None and after.payload.purchase_order_state == "Acknowledged"
        statuses = await client.vendor_orders_v1.get_purchase_orders_status(
            purchase_order_number=first.purchase_order_number
        )
        assert statuses.payload is not None and statuses.payload.orders_status is not None
        (status,) = statuses.payload.orders_status
        assert status.item_status
        assert {
            i.acknowledgement_status.confirmation_status for i in status.item_status if i.acknowledgement_status
        } == {"ACCEPTED"}
        status = await client.vendor_transaction_status_v1.get_transaction(transaction_id=ack.payload.transaction_id)
        assert status.payload is not None and status.payload.transaction_status is not None
        assert status.payload.transaction_status.status == "Processing"
        clock.advance(5)
        status = await client.vendor_transaction_status_v1.get_transaction(transaction_id=ack.payload.transaction_id)
        assert status.payload is not None and status.payload.transaction_status is not None
        assert status.payload.transaction_status.status == "Success"
        with pytest.raises(sp.NotFoundError):
            await client.vendor_transaction_status_v1.get_transaction(transaction_id="never-issued")
        with pytest.raises(sp.NotFoundError):
            await client.vendor_orders_v1.get_purchase_order(purchase_order_number="NOSUCHPO")


def _body(emu: Emulator, key: str) -> dict[str, Any]:
    """A valid request body for ``key``, built from its model."""
    op = next(o for o in emu.operations.operations if o.key == key)
    spec = emu.schemas.get(op)
    assert spec is not None
    param = next(p for p in spec.params if p["in"] == "body")
    body = Sampler(spec.model, seed=1, key=key, epoch=emu.epoch).build(param["schema"])
    assert isinstance(body, dict)
    return body


async def test_vendor_shipments_read_back_what_was_submitted() -> None:
    emu, _ = emulator(orders=5)
    body = _body(emu, "vendor_shipments_v1.submit_shipments")
    body["shipments"][0]["vendorShipmentIdentifier"] = "SHIP-1"
    async with client_for(emu) as client:
        before = await client.vendor_shipments_v1.get_shipment_details(vendor_shipment_identifier="SHIP-1")
        assert before.payload is not None and before.payload.shipments == []
        submitted = await client.vendor_shipments_v1.submit_shipments(body=body)
        assert submitted.payload is not None and submitted.payload.transaction_id
        after = await client.vendor_shipments_v1.get_shipment_details(vendor_shipment_identifier="SHIP-1")
    assert after.payload is not None and after.payload.shipments is not None
    assert [s.vendor_shipment_identifier for s in after.payload.shipments] == ["SHIP-1"]


async def test_direct_fulfillment_label_requests_give_labels() -> None:
    emu, _ = emulator(orders=5, restricted_roles=True)  # shipping labels are restricted data
    body = _body(emu, "vendor_direct_fulfillment_shipping_2021_12_28.submit_shipping_label_request")
    body["shippingLabelRequests"][0]["purchaseOrderNumber"] = "PO12345"
    async with client_for(emu) as client:
        api = client.vendor_direct_fulfillment_shipping_2021_12_28
        with pytest.raises(sp.NotFoundError):
            await api.get_shipping_label(purchase_order_number="PO12345")
        reference = await api.submit_shipping_label_request(body=body)
        assert reference.transaction_id
        label = await api.get_shipping_label(purchase_order_number="PO12345")
        listed = await api.get_shipping_labels(
            created_after="2000-01-01T00:00:00Z", created_before="2100-01-01T00:00:00Z"
        )
    assert label.purchase_order_number == "PO12345" and label.label_data
    assert label.selling_party is not None
    assert label.selling_party.to_wire() == body["shippingLabelRequests"][0]["sellingParty"]
    assert listed.shipping_labels is not None
    assert [x.purchase_order_number for x in listed.shipping_labels] == ["PO12345"]


def test_types_other_clients_know_are_accepted() -> None:
    """python-amazon-sp-api's report, feed and notification type lists are all known to the emulator."""
    from sp_api.base import FeedType, NotificationType, ReportType

    from spapi_async.emulator.known_types import FEED_TYPES, NOTIFICATION_TYPES, REPORT_TYPES

    # it lists one feed type among its report types
    assert {r.value for r in ReportType} - REPORT_TYPES == {"POST_FLAT_FILE_INVLOADER_DATA"}
    assert {f.value for f in FeedType} <= FEED_TYPES
    assert {n.value for n in NotificationType} <= NOTIFICATION_TYPES
