"""Types Amazon does not know are refused with 400 InvalidInput; vendor submissions change what reads back."""

from __future__ import annotations

import pytest

import spapi_async as sp

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
