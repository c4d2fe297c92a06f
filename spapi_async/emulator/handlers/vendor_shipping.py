"""Vendor shipments and direct-fulfillment shipping labels read back what was submitted.

``submitShipments`` records each shipment by ``vendorShipmentIdentifier``; ``getShipmentDetails`` lists them
(filtered by identifier, buyer reference or status). ``submitShippingLabelRequest`` records a label request per
purchase order; ``getShippingLabel(s)`` return its label (built from the schema, keyed by the order number, with the
parties of the request), ``createShippingLabels`` makes one at once. A purchase order without a request is 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..http import Call, Reply, not_found
from ..router import Router
from ..schema_response import Sampler
from .vendor import RECORDERS, VendorBook, book, page_answer

if TYPE_CHECKING:
    from ..app import Emulator

SHIPMENTS = "/vendor/shipping/v1/shipments"
LABELS = (
    "/vendor/directFulfillment/shipping/v1/shippingLabels",
    "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels",
)


def _record_shipments(vendor: VendorBook, data: Any) -> None:
    for shipment in (data or {}).get("shipments") or ():
        if isinstance(shipment, dict) and isinstance(shipment.get("vendorShipmentIdentifier"), str):
            vendor.shipments[shipment["vendorShipmentIdentifier"]] = shipment


def _label_recorder(template: str) -> Any:
    def record(vendor: VendorBook, data: Any) -> None:
        for request in (data or {}).get("shippingLabelRequests") or ():
            if isinstance(request, dict) and isinstance(request.get("purchaseOrderNumber"), str):
                vendor.labels[(template, request["purchaseOrderNumber"])] = request

    return record


RECORDERS[SHIPMENTS] = _record_shipments
for _template in LABELS:
    RECORDERS[_template] = _label_recorder(_template)


def shipment_details(call: Call, emu: Emulator) -> Reply:
    shipments = list(book(emu, call).shipments.values())
    for name in ("vendorShipmentIdentifier", "buyerReferenceNumber", "currentShipmentStatus"):
        wanted = call.q(name)
        if wanted:
            shipments = [s for s in shipments if s.get(name) == wanted]
    shipments.sort(key=lambda s: str(s.get("transactionDate", "")), reverse=call.q("sortOrder") == "DESC")
    return page_answer(call, emu, shipments)


def _label(emu: Emulator, template: str, request: dict[str, Any]) -> dict[str, Any]:
    op = emu.operations.by_template[("GET", template + "/{purchaseOrderNumber}")]
    spec = emu.schemas.get(op)
    if spec is None:
        raise not_found(f"{op.operation_id} needs Amazon's models.")
    number = request["purchaseOrderNumber"]
    label = Sampler(spec.model, seed=emu.seed, key=f"df-label|{number}", epoch=emu.epoch).definition("ShippingLabel")
    label = label if isinstance(label, dict) else {}
    label["purchaseOrderNumber"] = number
    for party in ("sellingParty", "shipFromParty"):
        if isinstance(request.get(party), dict):
            label[party] = request[party]
    return label


def list_labels(template: str) -> Any:
    def handle(call: Call, emu: Emulator) -> Reply:
        requests = [r for (t, _), r in sorted(book(emu, call).labels.items()) if t == template]
        return page_answer(call, emu, [_label(emu, template, r) for r in requests])

    return handle


def get_label(template: str) -> Any:
    def handle(call: Call, emu: Emulator) -> Reply:
        number = call.path_params["purchaseOrderNumber"]
        request = book(emu, call).labels.get((template, number))
        if request is None:
            raise not_found(f"No shipping label for purchase order {number}.")
        label = _label(emu, template, request)
        return Reply(200, {"payload": label} if "/v1/" in template else label)

    return handle


def create_labels(call: Call, emu: Emulator) -> Reply:
    """createShippingLabels (2021-12-28): the label at once, for the order in the path."""
    template = LABELS[1]
    data = call.json() or {}
    request = {
        **(data if isinstance(data, dict) else {}),
        "purchaseOrderNumber": call.path_params["purchaseOrderNumber"],
    }
    book(emu, call).labels[(template, request["purchaseOrderNumber"])] = request
    return Reply(200, _label(emu, template, request))


def register(router: Router) -> None:
    router.route("GET", SHIPMENTS)(shipment_details)
    for template in LABELS:
        router.route("GET", template)(list_labels(template))
        router.route("GET", template + "/{purchaseOrderNumber}")(get_label(template))
    router.route("POST", LABELS[1] + "/{purchaseOrderNumber}")(create_labels)
