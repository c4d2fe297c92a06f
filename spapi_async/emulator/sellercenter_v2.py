"""The Seller Center v2 REST routes the emulator answers, registered by operation key.

A request is matched against the generated operation table (``spapi_async.sellercenter.v2._operations``, the same
one the client's resources come from) with the package's :class:`~spapi_async._templates.TemplateMatcher`; its
handler is found by the key ``"<resource attribute>.<method name>"`` (``"brands.get_brands"``, as in
``client.brands.get_brands``). No handler spells a path. A handler answers None for a request it does not serve
(``category.get_category_by_category_id`` with a non-numeric id), and the caller answers 404 "No route" for that,
as for an operation without a handler.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeGuard

from .._templates import TemplateMatcher
from ..sellercenter.v2._operations import OPERATIONS as V2_OPERATIONS
from .http import ApiFault, Call, Reply
from .sellercenter_catalog import STOCK_UPDATE_MAX_ITEMS
from .sellercenter_shop import DEFAULT_COUNTRY, StatusRefused

if TYPE_CHECKING:
    from .sellercenter import SellerCenter

#: (seller center, call, path parameters, limit, offset) -> the answer, or None for "not this route"
V2Handler = Callable[["SellerCenter", Call, Mapping[str, str], int, int], "Reply | None"]


def problem(status: int, title: str, detail: str) -> Reply:
    """An RFC 7807-like problem, as Seller Center answers errors."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return Reply(status, body, content_type="application/problem+json")


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    """Operation key -> (method, template), from the generated table."""
    return {f"{attribute}.{name}": (method, path) for method, path, attribute, name, _ in V2_OPERATIONS}


@lru_cache(maxsize=1)
def _matcher() -> TemplateMatcher[str]:
    return TemplateMatcher((method, path, key) for key, (method, path) in _table().items())


ROUTES: dict[str, V2Handler] = {}


def route(key: str) -> Callable[[V2Handler], V2Handler]:
    """Register a handler for the v2 operation ``key``."""
    if key not in _table():
        raise KeyError(f"no Seller Center v2 operation {key!r} in the generated table")

    def register(handler: V2Handler) -> V2Handler:
        ROUTES[key] = handler
        return handler

    return register


def serves(path: str) -> bool:
    """Whether ``path`` is under a version prefix (its first segment) of an operation the emulator answers."""
    return path.split("/", 2)[1] in _prefixes()


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    # called once every route below is registered (at import)
    return frozenset(_table()[key][1].split("/", 2)[1] for key in ROUTES)


def answer(sc: SellerCenter, call: Call, path: str, limit: int, offset: int) -> Reply | None:
    """The answer of the route ``call`` reaches (``path`` without the emulator's prefix); None when none does."""
    found = _matcher().match(call.method, path)
    if found is None:
        return None
    key, _, params = found
    handler = ROUTES.get(key)
    return handler(sc, call, params, limit, offset) if handler is not None else None


def _json(call: Call) -> Any:
    try:
        return call.json()
    except ApiFault:
        return None


def _number(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _page(items: list[Any], limit: int, offset: int, total: int) -> dict[str, Any]:
    return {"items": items, "pagination": {"limit": limit, "offset": offset, "totalCount": total}}


# ---------------------------------------------------------------------- brands and stock


@route("brands.get_brands")
def _brands(sc: SellerCenter, call: Call, _p: Mapping[str, str], limit: int, offset: int) -> Reply:
    return Reply(200, sc.catalog.brand_page(call.q("name"), limit, offset))


@route("product_stock.put_stock_product")
def _update_stock(sc: SellerCenter, call: Call, _p: Mapping[str, str], _limit: int, _offset: int) -> Reply:
    items = _json(call)
    if not isinstance(items, list):
        return problem(400, "Bad Request", "the body must be a JSON array of {productId, quantity}")
    if len(items) > STOCK_UPDATE_MAX_ITEMS:
        return problem(422, "Entity can not be processed", f"at most {STOCK_UPDATE_MAX_ITEMS} items per call")
    return Reply(200, sc.catalog.update(items))


@route("product_stock.get_stock_product_by_product_id")
def _stock(sc: SellerCenter, _call: Call, p: Mapping[str, str], _limit: int, _offset: int) -> Reply:
    raw = p["productId"]
    read = sc.catalog.stock_read(int(raw)) if raw.isdigit() else None
    if read is None:
        return problem(404, "Not Found", f"No product {raw}")
    return Reply(200, read)


# ---------------------------------------------------------------------- products and prices


@route("product.get_products")
def _products(sc: SellerCenter, call: Call, _p: Mapping[str, str], _limit: int, _offset: int) -> Reply:
    skus = set(call.q_list("sellerSku")) | set(call.q_list("sellerSku[]"))
    ids = {int(i) for i in call.q_list("productIds[]") if i.isdigit()}
    products = sc.emu.world.products
    return Reply(
        200,
        [
            sc.shop.product(n)
            for n, p in enumerate(products, start=1)
            if (not skus or p.sku in skus) and (not ids or n in ids)
        ],
    )


@route("product.get_product_seller_sku_by_seller_sku")
def _product_by_sku(sc: SellerCenter, _call: Call, p: Mapping[str, str], _limit: int, _offset: int) -> Reply:
    sku = p["sellerSku"]
    for n, product in enumerate(sc.emu.world.products, start=1):
        if product.sku == sku:
            return Reply(200, sc.shop.product(n))
    return problem(404, "Not Found", f"No product with seller SKU {sku}")


@route("product_price.put_product_prices_by_country")
def _set_price(sc: SellerCenter, call: Call, p: Mapping[str, str], _limit: int, _offset: int) -> Reply:
    raw_id, country = p["productId"], p["country"]
    product_id = sc.shop.product_id(raw_id)
    if product_id is None:
        return problem(404, "Not Found", f"No product {raw_id}")
    body = _json(call)
    if not isinstance(body, Mapping):
        return problem(400, "Bad Request", "the body must be a JSON object")
    price, sale = body.get("price"), body.get("salePrice")
    if not _number(price) or price <= 0:
        return problem(422, "Entity can not be processed", "price must be a positive number")
    if sale is not None and (not _number(sale) or sale >= price):
        return problem(422, "Entity can not be processed", "salePrice must be a number lower than price")
    status = body.get("status", sc.shop.price_record(product_id, country)["status"])
    if status not in ("active", "inactive"):
        return problem(422, "Entity can not be processed", "status must be active or inactive")
    record = {
        "productSetId": product_id,
        "productId": product_id,
        "price": price,
        "salePrice": sale,
        "saleStartDate": body.get("saleStartDate"),
        "saleEndDate": body.get("saleEndDate"),
        "country": country,
        "status": status,
    }
    sc.shop.prices[(product_id, country)] = record
    return Reply(200, dict(record))


@route("product_price.get_product_set_prices")
def _prices(sc: SellerCenter, _call: Call, p: Mapping[str, str], _limit: int, _offset: int) -> Reply:
    product_id = sc.shop.product_id(p["productSetId"])
    if product_id is None:
        return problem(404, "Not Found", f"No product set {p['productSetId']}")
    countries = sorted({c for (i, c) in sc.shop.prices if i == product_id} | {DEFAULT_COUNTRY})
    return Reply(200, [sc.shop.price_record(product_id, c) for c in countries])


@route("product_set.get_product_sets")
def _product_sets(sc: SellerCenter, _call: Call, _p: Mapping[str, str], limit: int, offset: int) -> Reply:
    products = sc.emu.world.products
    page = [sc.shop.product(n) for n in range(offset + 1, min(offset + limit, len(products)) + 1)]
    return Reply(200, _page(page, limit, offset, len(products)))


# ---------------------------------------------------------------------- orders

#: status change operation -> (target status, body fields the spec requires besides the item ids)
STATUS_CHANGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "orders.post_orders_statuses_set_to_ready_to_ship": ("ready_to_ship", ("trackingNumber",)),
    "orders.post_orders_statuses_set_to_shipped": ("shipped", ()),
    "orders.post_orders_statuses_set_to_delivered": ("delivered", ()),
    "orders.post_orders_statuses_set_to_cancelled": ("canceled", ("reason",)),
}


@route("orders.get_orders")
def _orders(sc: SellerCenter, _call: Call, _p: Mapping[str, str], limit: int, offset: int) -> Reply:
    count = len(sc.emu.world.orders)
    page = [sc.shop.order(n) for n in range(offset + 1, min(offset + limit, count) + 1)]
    return Reply(
        200, {"items": page, "pagination": {"limit": limit, "offset": offset, "hasNext": offset + limit < count}}
    )


@route("orders.get_orders_by_order_id")
def _order(sc: SellerCenter, _call: Call, p: Mapping[str, str], _limit: int, _offset: int) -> Reply:
    raw = p["orderId"]
    n = sc.shop.order_number(raw) if raw.isdigit() else None
    return Reply(200, sc.shop.order(n)) if n is not None else problem(404, "Not Found", f"No order {raw}")


def _change_status(target: str, required: tuple[str, ...]) -> V2Handler:
    def handle(sc: SellerCenter, call: Call, _p: Mapping[str, str], _limit: int, _offset: int) -> Reply:
        body = _json(call)
        ids: Any = None
        if isinstance(body, Mapping):
            ids = body.get("orderItemIds")
            if ids is None and isinstance(body.get("orderItems"), list):
                ids = [i.get("id") if isinstance(i, Mapping) else i for i in body["orderItems"]]
        if not isinstance(ids, list) or not ids:
            return problem(400, "Bad Request", "orderItemIds (or orderItems[].id) must be a non-empty array")
        missing = [k for k in required if not isinstance(body, Mapping) or not body.get(k)]
        if missing:
            return problem(400, "Bad Request", f"{', '.join(missing)} is required")
        try:
            changed = sc.shop.change(ids, target, call.now)
        except StatusRefused as refused:
            return problem(422, "Entity can not be processed", refused.detail)
        return Reply(200, {"orderItemIds": changed})

    return handle


for _key, (_target, _required) in STATUS_CHANGES.items():
    route(_key)(_change_status(_target, _required))


# ---------------------------------------------------------------------- categories


@route("category.get_categories")
def _categories(sc: SellerCenter, call: Call, _p: Mapping[str, str], limit: int, offset: int) -> Reply:
    cats = sc.shop.categories()
    query = (call.q("query") or "").lower()
    if query:
        cats = [c for c in cats if query in c["name"].lower()]
    return Reply(200, _page(cats[offset : offset + limit], limit, offset, len(cats)))


@route("category.get_category_tree")
def _tree(sc: SellerCenter, _call: Call, _p: Mapping[str, str], _limit: int, _offset: int) -> Reply:
    return Reply(200, sc.shop.tree())


def _category_list(field: str) -> V2Handler:
    """A category's path (``pathIds``) or children (``childrenIds``), as categories."""

    def handle(sc: SellerCenter, _call: Call, p: Mapping[str, str], _limit: int, _offset: int) -> Reply | None:
        raw = p["categoryId"]
        if not raw.isdigit():
            return None
        by_id = {c["id"]: c for c in sc.shop.categories()}
        cat = by_id.get(int(raw))
        if cat is None:
            return problem(404, "Not Found", f"No category {raw}")
        return Reply(200, [by_id[i] for i in cat[field]])

    return handle


route("category.get_category_by_category_id")(_category_list("pathIds"))
route("category.get_category_children")(_category_list("childrenIds"))
