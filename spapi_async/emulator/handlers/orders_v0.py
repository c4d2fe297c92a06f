"""Orders API v0: getOrders (filters, NextToken), getOrder, getOrderItems, buyer info and address (RDT)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..data import Item, Order
from ..http import Call, Reply, invalid, not_found
from ..routes import Router
from ..timefmt import iso, parse_iso
from .common import amount, currency, decode_token, encode_token, marketplace_ids, sales_channel

if TYPE_CHECKING:
    from ..app import Emulator

STATUSES = frozenset(
    {
        "Pending",
        "Unshipped",
        "PartiallyShipped",
        "Shipped",
        "Canceled",
        "Unfulfillable",
        "InvoiceUnconfirmed",
        "PendingAvailability",
    }
)
CHANNELS = frozenset({"AFN", "MFN"})
PAYMENT_METHODS = frozenset({"COD", "CVS", "Other"})
MIN_AGE = 120.0  # dates must be at least two minutes before the request


def _money(cents: int, marketplace_id: str) -> dict[str, str]:
    return {"CurrencyCode": currency(marketplace_id), "Amount": amount(cents)}


def _address(o: Order, full: bool) -> dict[str, Any]:
    address: dict[str, Any] = {"City": o.city, "StateOrRegion": o.state, "PostalCode": o.postal, "CountryCode": "US"}
    if full:
        address = {"Name": o.address_name, "AddressLine1": o.address_line1, **address, "AddressType": "Residential"}
    return address


def order_v0(o: Order, elements: frozenset[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "AmazonOrderId": o.order_id,
        "SellerOrderId": o.seller_order_id,
        "PurchaseDate": iso(o.purchase),
        "LastUpdateDate": iso(o.updated),
        "OrderStatus": o.status,
        "FulfillmentChannel": o.channel,
        "SalesChannel": sales_channel(o.marketplace_id),
        "ShipServiceLevel": o.ship_level,
        "NumberOfItemsShipped": o.shipped_units,
        "NumberOfItemsUnshipped": o.unshipped_units,
        "PaymentMethod": o.payment_method,
        "PaymentMethodDetails": ["Standard"],
        "MarketplaceId": o.marketplace_id,
        "ShipmentServiceLevelCategory": "Standard" if o.ship_level.startswith("Std") else o.ship_level,
        "OrderType": "StandardOrder",
        "EarliestShipDate": iso(o.purchase + 86400),
        "LatestShipDate": iso(o.purchase + 2 * 86400),
        "IsBusinessOrder": o.is_business,
        "IsPrime": o.is_prime,
        "IsPremiumOrder": False,
        "IsGlobalExpressEnabled": False,
        "IsReplacementOrder": False,
        "IsSoldByAB": False,
        "IsISPU": False,
        "IsAccessPointOrder": False,
        "HasRegulatedItems": False,
    }
    if o.status != "Canceled":
        out["OrderTotal"] = _money(o.total_cents, o.marketplace_id)
    if o.status != "Pending":
        out["ShippingAddress"] = _address(o, "shippingAddress" in elements)
    if "buyerInfo" in elements:
        out["BuyerInfo"] = {"BuyerEmail": o.buyer_email, "BuyerName": o.buyer_name}
    return out


def order_item_v0(o: Order, item: Item, elements: frozenset[str] = frozenset()) -> dict[str, Any]:
    shipped = item.quantity if o.status == "Shipped" else 0
    out: dict[str, Any] = {
        "ASIN": item.product.asin,
        "SellerSKU": item.product.sku,
        "OrderItemId": item.order_item_id,
        "Title": item.product.title,
        "QuantityOrdered": item.quantity,
        "QuantityShipped": shipped,
        "ProductInfo": {"NumberOfItems": "1"},
        "ItemPrice": _money(item.price_cents, o.marketplace_id),
        "ItemTax": _money(item.tax_cents, o.marketplace_id),
        "ShippingPrice": _money(0, o.marketplace_id),
        "PromotionDiscount": _money(0, o.marketplace_id),
        "IsGift": "false",
        "ConditionId": "New",
        "ConditionSubtypeId": "New",
        "IsTransparency": False,
        "SerialNumberRequired": False,
    }
    if "buyerInfo" in elements:  # item-level buyer information is restricted data (an RDT with buyerInfo)
        out["BuyerInfo"] = {"GiftMessageText": f"For {o.buyer_name}", "GiftWrapLevel": "Classic"}
    return out


def _rdt_elements(call: Call) -> frozenset[str]:
    p = call.principal
    if p is None or p.kind != "rdt":
        return frozenset()
    return p.rdt_elements(call.method, call.path) or frozenset()


def _date(call: Call, name: str) -> float | None:
    raw = call.q(name)
    return None if raw is None or raw == "" else parse_iso(raw, name)


def _filters(call: Call) -> dict[str, Any]:
    ca, cb = _date(call, "CreatedAfter"), _date(call, "CreatedBefore")
    ua, ub = _date(call, "LastUpdatedAfter"), _date(call, "LastUpdatedBefore")
    ids = call.q_list("AmazonOrderIds")
    statuses = call.q_list("OrderStatuses")
    channels = call.q_list("FulfillmentChannels")
    payments = call.q_list("PaymentMethods")
    email, seller_order = call.q("BuyerEmail"), call.q("SellerOrderId")
    latest = call.now - MIN_AGE
    if len(ids) > 50:
        raise invalid("AmazonOrderIds accepts at most 50 values.")
    if not ids:
        if ca is None and ua is None:
            raise invalid("Either CreatedAfter or LastUpdatedAfter must be specified.")
        if ca is not None and ua is not None:
            raise invalid("CreatedAfter and LastUpdatedAfter cannot both be specified.")
    if (ca is not None or cb is not None) and (ua is not None or ub is not None):
        raise invalid("Created and LastUpdated filters cannot be combined.")
    if cb is not None and ca is None:
        raise invalid("CreatedBefore can only be specified with CreatedAfter.")
    if ub is not None and ua is None:
        raise invalid("LastUpdatedBefore can only be specified with LastUpdatedAfter.")
    for name, value in (
        ("CreatedAfter", ca),
        ("CreatedBefore", cb),
        ("LastUpdatedAfter", ua),
        ("LastUpdatedBefore", ub),
    ):
        if value is not None and value > latest:
            raise invalid(f"{name} must be no later than two minutes before the time of the request.")
    if ca is not None and cb is not None and cb < ca:
        raise invalid("CreatedBefore must be later than CreatedAfter.")
    if ua is not None and ub is not None and ub < ua:
        raise invalid("LastUpdatedBefore must be later than LastUpdatedAfter.")
    bad = [s for s in statuses if s not in STATUSES]
    if bad:
        raise invalid(f"Invalid OrderStatuses: {', '.join(bad)}.")
    if [c for c in channels if c not in CHANNELS]:
        raise invalid("FulfillmentChannels must be AFN or MFN.")
    if [p for p in payments if p not in PAYMENT_METHODS]:
        raise invalid("PaymentMethods must be COD, CVS or Other.")
    if seller_order and (statuses or channels or payments or ua is not None or ub is not None or email):
        raise invalid(
            "SellerOrderId cannot be combined with FulfillmentChannels, OrderStatuses, PaymentMethods, "
            "LastUpdatedAfter, LastUpdatedBefore or BuyerEmail."
        )
    if email and (statuses or channels or payments or ua is not None or ub is not None):
        raise invalid(
            "BuyerEmail cannot be combined with FulfillmentChannels, OrderStatuses, PaymentMethods, "
            "LastUpdatedAfter or LastUpdatedBefore."
        )
    by_update = ua is not None
    return {
        "m": marketplace_ids(call, "MarketplaceIds"),
        "u": by_update,
        "a": ua if by_update else ca,
        "b": (ub if by_update else cb) if (ub if by_update else cb) is not None else latest,
        "ids": ids,
        "st": statuses,
        "fc": channels,
        "pm": payments,
        "em": email,
        "so": seller_order,
        "n": call.q_int("MaxResultsPerPage", 100, 1, 100),
    }


def _select(orders: list[Order], f: dict[str, Any]) -> list[Order]:
    markets = set(f["m"])
    ids = set(f["ids"])
    out = []
    for o in orders:
        if o.marketplace_id not in markets:
            continue
        if ids and o.order_id not in ids:
            continue
        when = o.updated if f["u"] else o.purchase
        if f["a"] is not None and not f["a"] <= when <= f["b"]:
            continue
        if f["st"] and o.status not in f["st"]:
            continue
        if f["fc"] and o.channel not in f["fc"]:
            continue
        if f["pm"] and o.payment_method not in f["pm"]:
            continue
        if f["em"] and o.buyer_email != f["em"]:
            continue
        if f["so"] and o.seller_order_id != f["so"]:
            continue
        out.append(o)
    if f["u"]:
        out.sort(key=lambda o: (o.updated, o.order_id))
    return out


def get_orders(call: Call, emu: Emulator) -> Reply:
    token = call.q("NextToken")
    if token:
        marketplace_ids(call, "MarketplaceIds")
        state = decode_token(token)
        f, offset = state["f"], state["o"]
    else:
        f, offset = _filters(call), 0
    matched = _select(emu.world.orders, f)
    page = matched[offset : offset + f["n"]]
    elements = _rdt_elements(call)
    payload: dict[str, Any] = {"Orders": [order_v0(o, elements) for o in page]}
    if offset + f["n"] < len(matched):
        payload["NextToken"] = encode_token({"f": f, "o": offset + f["n"]})
    payload["LastUpdatedBefore" if f["u"] else "CreatedBefore"] = iso(f["b"])
    return Reply(200, {"payload": payload})


def _order(call: Call, emu: Emulator) -> Order:
    order = emu.world.by_id.get(call.path_params["orderId"])
    if order is None:
        raise not_found(f"Order {call.path_params['orderId']} not found.")
    return order


def get_order(call: Call, emu: Emulator) -> Reply:
    return Reply(200, {"payload": order_v0(_order(call, emu), _rdt_elements(call))})


def get_order_items(call: Call, emu: Emulator) -> Reply:
    o = _order(call, emu)
    if call.q("NextToken"):
        raise invalid("Invalid NextToken.")
    elements = _rdt_elements(call)
    items = [order_item_v0(o, i, elements) for i in o.items]
    return Reply(200, {"payload": {"AmazonOrderId": o.order_id, "OrderItems": items}})


def get_order_buyer_info(call: Call, emu: Emulator) -> Reply:
    o = _order(call, emu)
    return Reply(
        200, {"payload": {"AmazonOrderId": o.order_id, "BuyerEmail": o.buyer_email, "BuyerName": o.buyer_name}}
    )


def get_order_address(call: Call, emu: Emulator) -> Reply:
    o = _order(call, emu)
    return Reply(200, {"payload": {"AmazonOrderId": o.order_id, "ShippingAddress": _address(o, True)}})


def get_order_items_buyer_info(call: Call, emu: Emulator) -> Reply:
    o = _order(call, emu)
    items = [{"OrderItemId": i.order_item_id} for i in o.items]
    return Reply(200, {"payload": {"AmazonOrderId": o.order_id, "OrderItems": items}})


def register(router: Router) -> None:
    for method, handler in (
        ("get_orders", get_orders),
        ("get_order", get_order),
        ("get_order_items", get_order_items),
        ("get_order_buyer_info", get_order_buyer_info),
        ("get_order_address", get_order_address),
        ("get_order_items_buyer_info", get_order_items_buyer_info),
    ):
        router.route("orders_v0." + method)(handler)
