"""Vendor APIs with state: purchase orders (vendor and direct fulfillment), acknowledgements, submissions and
their transaction status.

Records are built from the models' schemas, keyed by the seed and the purchase order number, so the order a list
shows is the one a read by number returns. Acknowledging an order changes its state (and its items' confirmation
status in getPurchaseOrdersStatus); every submission (invoices,
shipment confirmations, acknowledgements, status updates, inventory) gets a transaction id whose status reads
``Processing`` and then ``Success``. A transaction id that was never issued answers 404.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ...registry import OPERATIONS
from ..http import Call, Reply, invalid, not_found
from ..operations import EmuOperation
from ..routes import Router
from ..schema import OpSchema, resolve
from ..schema_response import Sampler, schema_answer
from .common import decode_token, encode_token

if TYPE_CHECKING:
    from ..app import Emulator

ORDERS = 30  # purchase orders per family and seller
PROCESSING_SECONDS = 2.0  # a submission's transaction reads Processing this long (divided by time_scale)

#: family -> (list operation, read operation, state field, acknowledged value)
_DF_V1, _DF_2021 = "vendor_direct_fulfillment_orders_v1", "vendor_direct_fulfillment_orders_2021_12_28"
FAMILIES = {
    "vendor": (
        "vendor_orders_v1.get_purchase_orders",
        "vendor_orders_v1.get_purchase_order",
        "purchaseOrderState",
        "Acknowledged",
    ),
    "df-v1": (f"{_DF_V1}.get_orders", f"{_DF_V1}.get_order", "orderStatus", "ACCEPTED"),
    "df-2021": (f"{_DF_2021}.get_orders", f"{_DF_2021}.get_order", "orderStatus", "ACCEPTED"),
}
ORDERS_STATUS = "vendor_orders_v1.get_purchase_orders_status"
#: acknowledgement operation -> the family it acknowledges
ACK_FAMILY = {
    "vendor_orders_v1.submit_acknowledgement": "vendor",
    "vendor_direct_fulfillment_orders_v1.submit_acknowledgement": "df-v1",
    "vendor_direct_fulfillment_orders_2021_12_28.submit_acknowledgement": "df-2021",
}
SUBMISSIONS = (
    *ACK_FAMILY,
    "vendor_invoices_v1.submit_invoices",
    "vendor_shipments_v1.submit_shipment_confirmations",
    "vendor_shipments_v1.submit_shipments",
    "vendor_direct_fulfillment_payments_v1.submit_invoice",
    "vendor_direct_fulfillment_inventory_v1.submit_inventory_update",
    "vendor_direct_fulfillment_shipping_v1.submit_shipment_confirmations",
    "vendor_direct_fulfillment_shipping_v1.submit_shipment_status_updates",
    "vendor_direct_fulfillment_shipping_2021_12_28.submit_shipment_confirmations",
    "vendor_direct_fulfillment_shipping_2021_12_28.submit_shipment_status_updates",
    "vendor_direct_fulfillment_shipping_v1.submit_shipping_label_request",
    "vendor_direct_fulfillment_shipping_2021_12_28.submit_shipping_label_request",
)
TRANSACTIONS = (
    "vendor_transaction_status_v1.get_transaction",
    "vendor_direct_fulfillment_transactions_v1.get_transaction_status",
    "vendor_direct_fulfillment_transactions_2021_12_28.get_transaction_status",
)


@dataclass
class VendorBook:
    """One selling partner's vendor state."""

    acknowledged: dict[tuple[str, str], float] = field(default_factory=dict)  # (family, PO number) -> when
    transactions: dict[str, float] = field(default_factory=dict)  # transaction id -> when submitted (monotonic)
    shipments: dict[str, dict[str, Any]] = field(default_factory=dict)  # vendorShipmentIdentifier -> shipment
    labels: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (operation, PO) -> label request


#: submission operation -> what else a submission records (filled by the modules that read it back)
RECORDERS: dict[str, Callable[[VendorBook, Any], None]] = {}


_BOOKS: WeakKeyDictionary[Emulator, dict[str, VendorBook]] = WeakKeyDictionary()


def book(emu: Emulator, call: Call) -> VendorBook:
    partner = call.principal.partner if call.principal is not None else ""
    books = _BOOKS.setdefault(emu, {})
    return books.setdefault(partner, VendorBook())


def order_numbers(emu: Emulator, family: str) -> list[str]:
    out = []
    for i in range(ORDERS):
        digest = hashlib.blake2b(f"{emu.seed}|{family}|{i}".encode(), digest_size=5).hexdigest().upper()
        out.append(digest[:8])
    return out


def op_schema(emu: Emulator, key: str) -> tuple[EmuOperation, OpSchema]:
    """The operation ``key`` and its schema (404 without Amazon's models)."""
    op = emu.operations.by_key[key]
    spec = emu.schemas.get(op)
    if spec is None:
        raise not_found(f"{op.operation_id} needs Amazon's models.")
    return op, spec


def _record(emu: Emulator, call: Call, family: str, number: str) -> dict[str, Any]:
    """A purchase order, the same wherever it is built; acknowledgement applied."""
    _, spec = op_schema(emu, FAMILIES[family][1])
    sampler = Sampler(spec.model, seed=emu.seed, key=f"vendor-po|{family}|{number}", epoch=emu.epoch)
    order = sampler.definition("Order")
    if not isinstance(order, dict):
        order = {}
    order["purchaseOrderNumber"] = number
    state_field, acked = FAMILIES[family][2], FAMILIES[family][3]
    if (family, number) in book(emu, call).acknowledged:
        for holder in _dicts_with(order, state_field):
            holder[state_field] = acked
    return order


def _dicts_with(value: Any, key: str) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if key in value:
            yield value
        for item in value.values():
            yield from _dicts_with(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from _dicts_with(item, key)


def _order_date(order: dict[str, Any]) -> str:
    details = order.get("orderDetails") or {}
    return str(details.get("purchaseOrderDate") or details.get("orderDate") or "")


def set_path(body: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    node = body
    for part in parts[:-1]:
        nxt = node.get(part)
        if not isinstance(nxt, dict):
            nxt = node[part] = {}
        node = nxt
    node[parts[-1]] = value


def page_answer(call: Call, emu: Emulator, records: list[dict[str, Any]], default_limit: int = 50) -> Reply:
    """The operation's list answer (built from its schema) holding ``records``, paged by limit/nextToken."""
    op = call.operation
    assert op is not None
    spec = emu.schemas.get(op)
    pagination = OPERATIONS[op.key].pagination
    if spec is None or pagination is None or pagination.items_path is None:
        raise not_found(f"{op.operation_id} needs Amazon's models.")
    limit = call.q_int("limit", default_limit, 1, 100)
    token = call.q("nextToken")
    start = decode_token(token, "nextToken")["o"] if token else 0
    body = schema_answer(spec, call, seed=emu.seed, epoch=emu.epoch).body
    body = body if isinstance(body, dict) else {}
    set_path(body, pagination.items_path, records[start : start + limit])
    if start + limit < len(records):
        set_path(body, pagination.token_path, encode_token({"o": start + limit}))
    return Reply(200, body)


def list_orders(family: str) -> Any:
    def handle(call: Call, emu: Emulator) -> Reply:
        orders = [_record(emu, call, family, n) for n in order_numbers(emu, family)]
        after = call.q("createdAfter")
        before = call.q("createdBefore")
        orders = [
            o for o in orders if (not after or _order_date(o) >= after) and (not before or _order_date(o) < before)
        ]
        state, state_field = call.q("purchaseOrderState") or call.q("status"), FAMILIES[family][2]
        if state:
            orders = [o for o in orders if any(h[state_field] == state for h in _dicts_with(o, state_field))]
        orders.sort(key=_order_date, reverse=(call.q("sortOrder") or "DESC") == "DESC")
        if call.q("includeDetails") == "false":
            orders = [{"purchaseOrderNumber": o["purchaseOrderNumber"]} for o in orders]
        return page_answer(call, emu, orders, default_limit=100)

    return handle


def orders_status(call: Call, emu: Emulator) -> Reply:
    """getPurchaseOrdersStatus: the vendor orders' status; items read ACCEPTED once the order is acknowledged."""
    _, spec = op_schema(emu, ORDERS_STATUS)
    acknowledged = book(emu, call).acknowledged
    statuses = []
    for number in order_numbers(emu, "vendor"):
        sampler = Sampler(spec.model, seed=emu.seed, key=f"vendor-po-status|{number}", epoch=emu.epoch)
        status = sampler.definition("OrderStatus")
        status = status if isinstance(status, dict) else {}
        status["purchaseOrderNumber"] = number
        status["purchaseOrderDate"] = _order_date(_record(emu, call, "vendor", number)) or status.get(
            "purchaseOrderDate"
        )
        confirmed = "ACCEPTED" if ("vendor", number) in acknowledged else "UNCONFIRMED"
        for item in status.get("itemStatus") or ():
            item.setdefault("acknowledgementStatus", {})["confirmationStatus"] = confirmed
        statuses.append(status)
    for name in ("purchaseOrderNumber", "purchaseOrderStatus"):
        wanted = call.q(name)
        if wanted:
            statuses = [s for s in statuses if s.get(name) == wanted]
    wanted = call.q("itemConfirmationStatus")
    if wanted:
        statuses = [
            s for s in statuses if any(h["confirmationStatus"] == wanted for h in _dicts_with(s, "confirmationStatus"))
        ]
    statuses.sort(key=lambda s: str(s.get("purchaseOrderDate", "")), reverse=call.q("sortOrder") == "DESC")
    return page_answer(call, emu, statuses, default_limit=100)


def get_order(family: str) -> Any:
    def handle(call: Call, emu: Emulator) -> Reply:
        number = call.path_params["purchaseOrderNumber"]
        known = number in order_numbers(emu, family) or (family, number) in book(emu, call).acknowledged
        if not known:
            raise not_found(f"Purchase order {number} not found.")
        _, spec = op_schema(emu, FAMILIES[family][1])
        record = _record(emu, call, family, number)
        props = resolve(spec.model, spec.success_schema or {}).get("properties") or {}
        return Reply(200, {"payload": record} if "payload" in props else record)

    return handle


def _new_transaction(emu: Emulator, call: Call) -> str:
    """A transaction id, deterministic from the seed, the seller and how many came before."""
    transactions = book(emu, call).transactions
    partner = call.principal.partner if call.principal is not None else ""
    digest = hashlib.blake2b(f"{emu.seed}|{partner}|{len(transactions)}".encode(), digest_size=16).digest()
    tid = str(uuid.UUID(bytes=digest))
    transactions[tid] = call.mono
    return tid


def submit(call: Call, emu: Emulator) -> Reply:
    assert call.operation is not None
    spec = emu.schemas.get(call.operation)
    data = call.json()
    family = ACK_FAMILY.get(call.operation.key)
    if family is not None:
        numbers = [h["purchaseOrderNumber"] for h in _dicts_with(data, "purchaseOrderNumber")]
        if not numbers:
            raise invalid("The acknowledgement names no purchaseOrderNumber.")
        for number in numbers:
            book(emu, call).acknowledged[(family, str(number))] = call.mono
    recorder = RECORDERS.get(call.operation.key)
    if recorder is not None:
        recorder(book(emu, call), data)
    tid = _new_transaction(emu, call)
    body = schema_answer(spec, call, seed=emu.seed, epoch=emu.epoch).body if spec is not None else None
    if not isinstance(body, dict):
        body = {"payload": {}}
    holders = list(_dicts_with(body, "transactionId"))
    if not holders:
        holders = [body.setdefault("payload", {})] if "payload" in body else [body]
    for holder in holders:
        holder["transactionId"] = tid
    return Reply(spec.success_status if spec is not None else 202, body)


def transaction(call: Call, emu: Emulator) -> Reply:
    assert call.operation is not None
    tid = call.path_params["transactionId"]
    submitted = book(emu, call).transactions.get(tid)
    if submitted is None:
        raise not_found(f"Transaction {tid} not found.")
    spec = emu.schemas.get(call.operation)
    body = schema_answer(spec, call, seed=emu.seed, epoch=emu.epoch).body if spec is not None else None
    if not isinstance(body, dict):
        body = {}
    done = call.mono - submitted >= PROCESSING_SECONDS / emu.time_scale
    holders = list(_dicts_with(body, "transactionId")) or [body]
    for holder in holders:
        holder["transactionId"] = tid
        holder["status"] = "Success" if done else "Processing"
        holder.pop("errors", None)
    return Reply(200, body)


def register(router: Router) -> None:
    for family, (list_key, read_key, _, _) in FAMILIES.items():
        router.route(list_key)(list_orders(family))
        router.route(read_key)(get_order(family))
    router.route(ORDERS_STATUS)(orders_status)
    for key in SUBMISSIONS:
        router.route(key)(submit)
    for key in TRANSACTIONS:
        router.route(key)(transaction)
