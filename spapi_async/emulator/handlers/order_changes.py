"""Orders API v0 calls that change an order: confirmShipment (an unshipped order becomes Shipped). Each change
publishes ORDER_CHANGE when the emulator publishes notifications (:mod:`spapi_async.emulator.notify`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import notify
from ..http import ApiFault, Call, Reply, invalid, not_found
from ..routes import Router

if TYPE_CHECKING:
    from ..app import Emulator


def confirm_shipment(call: Call, emu: Emulator) -> Reply:
    # Raised faults fall back to Amazon's sandbox cases (their order ids are not the emulator's).
    order_id = call.path_params["orderId"]
    body = call.json_object()
    if not isinstance(body.get("marketplaceId"), str) or not isinstance(body.get("packageDetail"), dict):
        raise invalid("marketplaceId and packageDetail are required.")
    order = emu.world.by_id.get(order_id)
    if order is None:
        raise not_found(f"Order {order_id} not found.")
    if body["marketplaceId"] != order.marketplace_id:
        raise invalid(f"Order {order_id} is not in marketplace {body['marketplaceId']}.")
    if order.status not in ("Unshipped", "PartiallyShipped"):
        raise ApiFault(400, "InvalidInput", f"Order {order_id} is {order.status} and cannot be confirmed as shipped.")
    order.status = "Shipped"
    order.updated = call.now
    notify.order_changed(emu, call.st, order, reason="Shipment confirmed")
    return Reply(204, None)


def register(router: Router) -> None:
    router.route("orders_v0.confirm_shipment")(confirm_shipment)
