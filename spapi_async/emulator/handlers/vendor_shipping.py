"""Vendor shipments and direct-fulfillment shipping labels read back what was submitted.

``submitShipments`` records each shipment by ``vendorShipmentIdentifier``; ``getShipmentDetails`` lists them
(filtered by identifier, buyer reference or status). ``submitShippingLabelRequest`` records a label request per
purchase order; ``getShippingLabel(s)`` return its label (built from the schema, keyed by the order number, with the
parties of the request), ``createShippingLabels`` makes one at once. A purchase order without a request is 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..http import Call, Reply, not_found
from ..routes import Router
from ..schema_response import Sampler
from .vendor import RECORDERS, VendorBook, book, op_schema, page_answer

if TYPE_CHECKING:
    from ..app import Emulator

SUBMIT_SHIPMENTS = "vendor_shipments_v1.submit_shipments"
SHIPMENT_DETAILS = "vendor_shipments_v1.get_shipment_details"


@dataclass(frozen=True)
class LabelApi:
    """One version of direct-fulfillment shipping labels, by operation key."""

    submit: str  # submitShippingLabelRequest: what records a label request
    list: str  # getShippingLabels
    read: str  # getShippingLabel
    wrapped: bool  # whether getShippingLabel answers {"payload": label} (v1) or the label itself


LABELS = (
    LabelApi(
        "vendor_direct_fulfillment_shipping_v1.submit_shipping_label_request",
        "vendor_direct_fulfillment_shipping_v1.get_shipping_labels",
        "vendor_direct_fulfillment_shipping_v1.get_shipping_label",
        wrapped=True,
    ),
    LabelApi(
        "vendor_direct_fulfillment_shipping_2021_12_28.submit_shipping_label_request",
        "vendor_direct_fulfillment_shipping_2021_12_28.get_shipping_labels",
        "vendor_direct_fulfillment_shipping_2021_12_28.get_shipping_label",
        wrapped=False,
    ),
)
CREATE_LABELS = "vendor_direct_fulfillment_shipping_2021_12_28.create_shipping_labels"


def _record_shipments(vendor: VendorBook, data: Any) -> None:
    for shipment in (data or {}).get("shipments") or ():
        if isinstance(shipment, dict) and isinstance(shipment.get("vendorShipmentIdentifier"), str):
            vendor.shipments[shipment["vendorShipmentIdentifier"]] = shipment


def _label_recorder(api: LabelApi) -> Any:
    def record(vendor: VendorBook, data: Any) -> None:
        for request in (data or {}).get("shippingLabelRequests") or ():
            if isinstance(request, dict) and isinstance(request.get("purchaseOrderNumber"), str):
                vendor.labels[(api.submit, request["purchaseOrderNumber"])] = request

    return record


RECORDERS[SUBMIT_SHIPMENTS] = _record_shipments
for _api in LABELS:
    RECORDERS[_api.submit] = _label_recorder(_api)


def shipment_details(call: Call, emu: Emulator) -> Reply:
    shipments = list(book(emu, call).shipments.values())
    for name in ("vendorShipmentIdentifier", "buyerReferenceNumber", "currentShipmentStatus"):
        wanted = call.q(name)
        if wanted:
            shipments = [s for s in shipments if s.get(name) == wanted]
    shipments.sort(key=lambda s: str(s.get("transactionDate", "")), reverse=call.q("sortOrder") == "DESC")
    return page_answer(call, emu, shipments)


def _label(emu: Emulator, api: LabelApi, request: dict[str, Any]) -> dict[str, Any]:
    _, spec = op_schema(emu, api.read)
    number = request["purchaseOrderNumber"]
    label = Sampler(spec.model, seed=emu.seed, key=f"df-label|{number}", epoch=emu.epoch).definition("ShippingLabel")
    label = label if isinstance(label, dict) else {}
    label["purchaseOrderNumber"] = number
    for party in ("sellingParty", "shipFromParty"):
        if isinstance(request.get(party), dict):
            label[party] = request[party]
    return label


def list_labels(api: LabelApi) -> Any:
    def handle(call: Call, emu: Emulator) -> Reply:
        requests = [r for (k, _), r in sorted(book(emu, call).labels.items()) if k == api.submit]
        return page_answer(call, emu, [_label(emu, api, r) for r in requests])

    return handle


def get_label(api: LabelApi) -> Any:
    def handle(call: Call, emu: Emulator) -> Reply:
        number = call.path_params["purchaseOrderNumber"]
        request = book(emu, call).labels.get((api.submit, number))
        if request is None:
            raise not_found(f"No shipping label for purchase order {number}.")
        label = _label(emu, api, request)
        return Reply(200, {"payload": label} if api.wrapped else label)

    return handle


def create_labels(call: Call, emu: Emulator) -> Reply:
    """createShippingLabels (2021-12-28): the label at once, for the order in the path."""
    api = LABELS[1]
    data = call.json() or {}
    request = {
        **(data if isinstance(data, dict) else {}),
        "purchaseOrderNumber": call.path_params["purchaseOrderNumber"],
    }
    book(emu, call).labels[(api.submit, request["purchaseOrderNumber"])] = request
    return Reply(200, _label(emu, api, request))


def register(router: Router) -> None:
    router.route(SHIPMENT_DETAILS)(shipment_details)
    for api in LABELS:
        router.route(api.list)(list_labels(api))
        router.route(api.read)(get_label(api))
    router.route(CREATE_LABELS)(create_labels)
