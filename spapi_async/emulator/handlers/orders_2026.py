"""Orders API 2026-01-01: searchOrders (paginationToken, includedData) and getOrder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...config import MARKETPLACES
from ..data import Order
from ..http import Call, Reply, invalid, not_found
from ..routes import Router
from ..timefmt import iso, parse_iso
from .common import amount, currency, decode_token, encode_token, sales_channel

if TYPE_CHECKING:
    from ..app import Emulator

INCLUDED = frozenset(
    {"BUYER", "RECIPIENT", "PROCEEDS", "EXPENSE", "PROMOTION", "CANCELLATION", "FULFILLMENT", "PACKAGES", "TAX",
     "PAYMENT", "FULFILLMENT_ORDERS"}
)  # fmt: skip
STATUS = {
    "Pending": "PENDING",
    "Unshipped": "UNSHIPPED",
    "PartiallyShipped": "PARTIALLY_SHIPPED",
    "Shipped": "SHIPPED",
    "Canceled": "CANCELLED",
    "Unfulfillable": "UNFULFILLABLE",
    "PendingAvailability": "PENDING_AVAILABILITY",
}


def _money(cents: int, marketplace_id: str) -> dict[str, str]:
    return {"amount": amount(cents), "currencyCode": currency(marketplace_id)}


def order_2026(o: Order, included: set[str]) -> dict[str, Any]:
    m = MARKETPLACES.get(o.marketplace_id)
    out: dict[str, Any] = {
        "orderId": o.order_id,
        "orderAliases": [{"aliasId": o.seller_order_id, "aliasType": "SELLER_ORDER_ID"}],
        "createdTime": iso(o.purchase),
        "lastUpdatedTime": iso(o.updated),
        "salesChannel": {
            "channelName": "AMAZON",
            "marketplaceId": o.marketplace_id,
            "marketplaceName": sales_channel(o.marketplace_id) if m else "Amazon.com",
        },
        "orderItems": [
            {
                "orderItemId": i.order_item_id,
                "quantityOrdered": i.quantity,
                "product": {"asin": i.product.asin, "title": i.product.title, "sellerSku": i.product.sku},
            }
            for i in o.items
        ],
    }
    if "BUYER" in included:
        out["buyer"] = {"buyerName": o.buyer_name, "buyerEmail": o.buyer_email}
    if "RECIPIENT" in included:
        out["recipient"] = {
            "deliveryAddress": {
                "name": o.address_name,
                "addressLine1": o.address_line1,
                "city": o.city,
                "stateOrRegion": o.state,
                "postalCode": o.postal,
                "countryCode": "US",
                "addressType": "RESIDENTIAL",
            }
        }
    if "PROCEEDS" in included:
        out["proceeds"] = {"grandTotal": _money(o.total_cents, o.marketplace_id)}
        for item, entry in zip(o.items, out["orderItems"], strict=True):
            entry["proceeds"] = {"proceedsTotal": _money(item.price_cents + item.tax_cents, o.marketplace_id)}
    if "FULFILLMENT" in included:
        out["fulfillment"] = {
            "fulfillmentStatus": STATUS.get(o.status, "PENDING"),
            "fulfilledBy": "AMAZON" if o.channel == "AFN" else "MERCHANT",
        }
    return out


#: Buyer and recipient data: this version needs no RDT, but only applications holding the restricted roles get it.
PII_INCLUDED = frozenset({"BUYER", "RECIPIENT"})


def _included(call: Call, emu: Emulator) -> set[str]:
    values = set(call.q_list("includedData"))
    bad = values - INCLUDED
    if bad:
        raise invalid(f"Invalid includedData: {', '.join(sorted(bad))}.")
    return values if emu.restricted_roles else values - PII_INCLUDED


def search_orders(call: Call, emu: Emulator) -> Reply:
    included = _included(call, emu)
    token = call.q("paginationToken")
    if token:
        state = decode_token(token, "paginationToken")
        f, offset = state["f"], state["o"]
        included |= set(f.get("i", ())) - (set() if emu.restricted_roles else PII_INCLUDED)
    else:
        dates = {}
        for name in ("createdAfter", "createdBefore", "lastUpdatedAfter", "lastUpdatedBefore"):
            raw = call.q(name)
            dates[name] = parse_iso(raw, name) if raw else None
        if dates["createdAfter"] is None and dates["lastUpdatedAfter"] is None:
            raise invalid("Either createdAfter or lastUpdatedAfter must be specified.")
        if dates["createdAfter"] is not None and dates["lastUpdatedAfter"] is not None:
            raise invalid("createdAfter and lastUpdatedAfter cannot both be specified.")
        by_update = dates["lastUpdatedAfter"] is not None
        before = dates["lastUpdatedBefore" if by_update else "createdBefore"]
        after = dates["lastUpdatedAfter" if by_update else "createdAfter"]
        latest = call.now - 120.0
        if after is not None and after > latest:
            raise invalid("The start date must be no later than two minutes before the time of the request.")
        statuses = call.q_list("fulfillmentStatuses")
        if set(statuses) - set(STATUS.values()):
            raise invalid("Invalid fulfillmentStatuses.")
        by = call.q_list("fulfilledBy")
        if set(by) - {"MERCHANT", "AMAZON"}:
            raise invalid("fulfilledBy must be MERCHANT or AMAZON.")
        f = {
            "u": by_update,
            "a": after,
            "b": before if before is not None else latest,
            "m": call.q_list("marketplaceIds"),
            "st": statuses,
            "by": by,
            "n": call.q_int("maxResultsPerPage", 100, 1, 100),
            "i": sorted(included),
        }
        offset = 0
    matched = []
    for o in emu.world.orders:
        when = o.updated if f["u"] else o.purchase
        if not f["a"] <= when <= f["b"]:
            continue
        if f["m"] and o.marketplace_id not in f["m"]:
            continue
        if f["st"] and STATUS.get(o.status) not in f["st"]:
            continue
        if f["by"] and ("AMAZON" if o.channel == "AFN" else "MERCHANT") not in f["by"]:
            continue
        matched.append(o)
    if f["u"]:
        matched.sort(key=lambda o: (o.updated, o.order_id))
    page = matched[offset : offset + f["n"]]
    body: dict[str, Any] = {"orders": [order_2026(o, included) for o in page]}
    if offset + f["n"] < len(matched):
        body["pagination"] = {"nextToken": encode_token({"f": f, "o": offset + f["n"]})}
    body["lastUpdatedBefore" if f["u"] else "createdBefore"] = iso(f["b"])
    return Reply(200, body)


def get_order(call: Call, emu: Emulator) -> Reply:
    order = emu.world.by_id.get(call.path_params["orderId"])
    if order is None:
        raise not_found(f"Order {call.path_params['orderId']} not found.")
    return Reply(200, {"order": order_2026(order, _included(call, emu))})


def register(router: Router) -> None:
    for method, handler in (
        ("search_orders", search_orders),
        ("get_order", get_order),
    ):
        router.route("orders_2026_01_01." + method)(handler)
