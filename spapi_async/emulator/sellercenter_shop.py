"""Products, prices, categories, orders and order status changes as the emulator's Seller Center keeps them.

One state serves both APIs. Product ids are 1-based positions in the seeded catalogue, order ids 1-based
positions in the seeded orders, and order item ids ``order_id * 1000 + position`` (1-based), in v2 and legacy alike.

- v2: ``GET /v2/products`` (filters ``sellerSku``, ``productIds[]``), ``GET /v2/product/seller-sku/{sellerSku}``,
  ``PUT /v2/product/{productId}/prices/{country}`` (replaces the record; read back by ``GET
  /v2/product-set/{productSetId}/prices`` and the product's ``price``), ``GET /v2/orders`` / ``/v2/orders/{orderId}``,
  ``POST /v2/orders/statuses/set-to-{ready-to-ship,shipped,delivered,cancelled}`` (by order item ids, with the
  body fields the spec requires; a change the item's status does not allow is a 422 problem naming it, and nothing
  changes), ``GET /v2/categories``,
  ``/v2/category/tree``, ``/v2/category/{categoryId}`` and ``/v2/category/{categoryId}/children``.
- legacy: ``GetProducts`` (price and stock as v2 set them), ``GetOrders``/``GetOrder``/``GetOrderItems``
  (statuses as v2 set them), ``SetStatusToReadyToShip``/``SetStatusToShipped``/``SetStatusToDelivered``/
  ``SetStatusToCanceled`` (the same orders), ``GetCategoryTree``.

Categories are the catalogue's product types (roots) with one child per brand sold in that type.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeGuard

from .http import ApiFault, Call, Reply
from .timefmt import iso

if TYPE_CHECKING:
    from .app import Emulator
    from .sellercenter_catalog import SellerCenterCatalog

#: The country a product's ``price`` (v2 product, legacy ``Price``) is read from.
DEFAULT_COUNTRY = "MY"
ITEM_ID_FACTOR = 1000
_NAMESPACE = uuid.UUID("2b7f6e0c-51a4-4f0e-8d3a-0c9e4a1d7b22")
_INITIAL = {"Shipped": "shipped", "Canceled": "canceled"}
#: target status -> the statuses an item may have before it.
TRANSITIONS: dict[str, frozenset[str]] = {
    "ready_to_ship": frozenset({"pending"}),
    "shipped": frozenset({"pending", "ready_to_ship"}),
    "delivered": frozenset({"shipped"}),
    "canceled": frozenset({"pending", "ready_to_ship"}),
}
_V2_TARGETS = {
    "set-to-ready-to-ship": "ready_to_ship",
    "set-to-shipped": "shipped",
    "set-to-delivered": "delivered",
    "set-to-cancelled": "canceled",
}
#: body fields the spec requires besides the item ids.
_V2_REQUIRED = {"set-to-ready-to-ship": ("trackingNumber",), "set-to-cancelled": ("reason",)}
_LEGACY_TARGETS = {
    "SetStatusToReadyToShip": "ready_to_ship",
    "SetStatusToShipped": "shipped",
    "SetStatusToDelivered": "delivered",
    "SetStatusToCanceled": "canceled",
}


def problem(status: int, title: str, detail: str) -> Reply:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return Reply(status, body, content_type="application/problem+json")


#: The E-code the emulator answers a refused legacy status change with (an unknown item or a change its status does
#: not allow); the emulator's choice, with the reason in the message.
STATUS_REFUSED_CODE = "24"


class StatusRefused(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class SellerCenterShop:
    def __init__(self, emulator: Emulator, catalog: SellerCenterCatalog) -> None:
        self.emu = emulator
        self.catalog = catalog
        self.prices: dict[tuple[int, str], dict[str, Any]] = {}
        self.item_status: dict[int, str] = {}
        self.item_updated: dict[int, float] = {}

    # ------------------------------------------------------------------ products and prices

    def price_record(self, product_id: int, country: str) -> dict[str, Any]:
        stored = self.prices.get((product_id, country))
        if stored is not None:
            return dict(stored)
        p = self.emu.world.products[product_id - 1]
        return {
            "productSetId": product_id,
            "productId": product_id,
            "price": round(p.price_cents / 100, 2),
            "salePrice": None,
            "saleStartDate": None,
            "saleEndDate": None,
            "country": country,
            "status": "active",
        }

    def product(self, n: int) -> dict[str, Any]:
        p = self.emu.world.products[n - 1]
        price = self.price_record(n, DEFAULT_COUNTRY)
        return {
            "id": n,
            "uuid": str(uuid.uuid5(_NAMESPACE, f"product:{p.sku}")),
            "srcId": None,
            "shopSku": None,
            "sellerSku": p.sku,
            "productSetId": n,
            "approvalStatus": "approved",
            "status": "active",
            "createdAt": iso(p.created),
            "updatedAt": iso(p.created),
            "name": p.title,
            "brand": p.brand,
            "price": price["price"],
            "salePrice": price["salePrice"],
            "quantity": self.catalog.quantity(n),
        }

    def _product_id(self, raw: str) -> int | None:
        if raw.isdigit() and 1 <= int(raw) <= len(self.emu.world.products):
            return int(raw)
        return None

    def set_price(self, call: Call, raw_id: str, country: str) -> Reply:
        product_id = self._product_id(raw_id)
        if product_id is None:
            return problem(404, "Not Found", f"No product {raw_id}")
        try:
            body = call.json()
        except ApiFault:
            body = None
        if not isinstance(body, Mapping):
            return problem(400, "Bad Request", "the body must be a JSON object")
        price, sale = body.get("price"), body.get("salePrice")
        if not _number(price) or price <= 0:
            return problem(422, "Entity can not be processed", "price must be a positive number")
        if sale is not None and (not _number(sale) or sale >= price):
            return problem(422, "Entity can not be processed", "salePrice must be a number lower than price")
        status = body.get("status", self.price_record(product_id, country)["status"])
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
        self.prices[(product_id, country)] = record
        return Reply(200, dict(record))

    # ------------------------------------------------------------------ categories

    def categories(self) -> list[dict[str, Any]]:
        products = self.emu.world.products
        types = sorted({p.product_type for p in products})
        out: list[dict[str, Any]] = []
        for n, t in enumerate(types, start=1):
            out.append(self._category(n, None, t, [n], [t]))
        next_id = len(types) + 1
        for root in list(out):
            brands = sorted({p.brand for p in products if p.product_type == root["name"]})
            for brand in brands:
                child = self._category(next_id, root["id"], brand, [root["id"], next_id], [root["name"], brand])
                root["childrenIds"].append(next_id)
                out.append(child)
                next_id += 1
        return out

    @staticmethod
    def _category(n: int, parent: int | None, name: str, path_ids: list[int], path: list[str]) -> dict[str, Any]:
        return {
            "id": n,
            "parentId": parent,
            "name": name,
            "attributeSetId": path_ids[0],
            "pathIds": path_ids,
            "path": path,
            "childrenIds": [],
            "visible": True,
            "fulfillmentVisible": True,
            "qcDisabled": False,
            "serialNumberRequired": False,
            "status": "active",
            "uuid": str(uuid.uuid5(_NAMESPACE, "category:" + "/".join(path))),
        }

    def tree(self) -> list[dict[str, Any]]:
        cats = self.categories()
        by_id = {c["id"]: c for c in cats}
        keys = ("id", "parentId", "name", "attributeSetId", "pathIds", "path", "uuid")

        def node(c: dict[str, Any]) -> dict[str, Any]:
            return {**{k: c[k] for k in keys}, "children": [node(by_id[i]) for i in c["childrenIds"]]}

        return [node(c) for c in cats if c["parentId"] is None]

    def legacy_tree(self) -> dict[str, Any]:
        def node(c: dict[str, Any]) -> dict[str, Any]:
            out: dict[str, Any] = {"Name": c["name"], "CategoryId": str(c["id"]), "GlobalIdentifier": c["uuid"]}
            out["Children"] = {"Category": [node(k) for k in c["children"]]} if c["children"] else ""
            return out

        return {"Categories": {"Category": [node(c) for c in self.tree()]}}

    # ------------------------------------------------------------------ orders

    def status_of(self, order_n: int, position: int) -> str:
        item_id = order_n * ITEM_ID_FACTOR + position
        o = self.emu.world.orders[order_n - 1]
        return self.item_status.get(item_id, _INITIAL.get(o.status, "pending"))

    def order(self, n: int) -> dict[str, Any]:
        o = self.emu.world.orders[n - 1]
        statuses = [self.status_of(n, k) for k in range(1, len(o.items) + 1)]
        changed = [self.item_updated[i] for i in self.item_ids(n) if i in self.item_updated]
        items = [
            {
                "id": n * ITEM_ID_FACTOR + k,
                "orderId": n,
                "status": statuses[k - 1],
                "sellerSku": i.product.sku,
                "name": i.product.title,
                "quantity": i.quantity,
                "paidPrice": round(i.price_cents / 100, 2),
            }
            for k, i in enumerate(o.items, start=1)
        ]
        return {
            "id": n,
            "uuid": f"{o.order_id}",
            "number": o.seller_order_id,
            "createdAt": iso(o.purchase),
            "updatedAt": iso(max([o.updated, *changed])),
            "status": statuses[0] if len(set(statuses)) == 1 else "mixed",
            "statusList": {s: statuses.count(s) for s in sorted(set(statuses))},
            "itemsCount": len(o.items),
            "totalPrice": round(o.total_cents / 100, 2),
            "orderItemIds": [item["id"] for item in items],
            "items": items,
        }

    def item_ids(self, n: int) -> list[int]:
        return [n * ITEM_ID_FACTOR + k for k in range(1, len(self.emu.world.orders[n - 1].items) + 1)]

    def _item(self, item_id: Any) -> tuple[int, int] | None:
        if isinstance(item_id, str) and item_id.isdigit():
            item_id = int(item_id)
        if not isinstance(item_id, int) or isinstance(item_id, bool):
            return None
        n, position = divmod(item_id, ITEM_ID_FACTOR)
        if 1 <= n <= len(self.emu.world.orders) and 1 <= position <= len(self.emu.world.orders[n - 1].items):
            return n, position
        return None

    def change(self, item_ids: list[Any], target: str, now: float) -> list[int]:
        """Move every item to ``target``, or none of them: StatusRefused names the first that can't move."""
        found: list[int] = []
        for raw in item_ids:
            where = self._item(raw)
            if where is None:
                raise StatusRefused(f"order item {raw} does not exist")
            current = self.status_of(*where)
            if current not in TRANSITIONS[target]:
                raise StatusRefused(f"order item {raw} is {current} and cannot be set to {target}")
            found.append(where[0] * ITEM_ID_FACTOR + where[1])
        for item_id in found:
            self.item_status[item_id] = target
            self.item_updated[item_id] = now
        return found

    def order_number(self, raw: str) -> int | None:
        """An order by its v2 id, or its legacy ``OrderId``/``OrderNumber``."""
        orders = self.emu.world.orders
        if raw.isdigit() and 1 <= int(raw) <= len(orders):
            return int(raw)
        for n, o in enumerate(orders, start=1):
            if raw in (o.seller_order_id, o.order_id):
                return n
        return None

    # ------------------------------------------------------------------ v2 routes

    def v2(self, call: Call, path: str, limit: int, offset: int) -> Reply | None:
        """Answer the routes this module owns; None for the others."""
        parts = path.strip("/").split("/")[1:]
        method = call.method
        if method == "GET" and parts == ["products"]:
            skus = set(call.q_list("sellerSku")) | set(call.q_list("sellerSku[]"))
            ids = {int(i) for i in call.q_list("productIds[]") if i.isdigit()}
            products = self.emu.world.products
            return Reply(
                200,
                [
                    self.product(n)
                    for n, p in enumerate(products, start=1)
                    if (not skus or p.sku in skus) and (not ids or n in ids)
                ],
            )
        if method == "GET" and parts[:2] == ["product", "seller-sku"] and len(parts) == 3:
            for n, p in enumerate(self.emu.world.products, start=1):
                if p.sku == parts[2]:
                    return Reply(200, self.product(n))
            return problem(404, "Not Found", f"No product with seller SKU {parts[2]}")
        if method == "PUT" and len(parts) == 4 and parts[0] == "product" and parts[2] == "prices":
            return self.set_price(call, parts[1], parts[3])
        if method == "GET" and len(parts) == 3 and parts[0] == "product-set" and parts[2] == "prices":
            product_id = self._product_id(parts[1])
            if product_id is None:
                return problem(404, "Not Found", f"No product set {parts[1]}")
            countries = sorted({c for (i, c) in self.prices if i == product_id} | {DEFAULT_COUNTRY})
            return Reply(200, [self.price_record(product_id, c) for c in countries])
        if method == "GET" and parts == ["product-sets"]:
            products = self.emu.world.products
            page = [self.product(n) for n in range(offset + 1, min(offset + limit, len(products)) + 1)]
            return Reply(
                200, {"items": page, "pagination": {"limit": limit, "offset": offset, "totalCount": len(products)}}
            )
        if parts and parts[0] in ("orders", "categories", "category"):
            return self._v2_orders_categories(call, parts, limit, offset)
        return None

    def _v2_orders_categories(self, call: Call, parts: list[str], limit: int, offset: int) -> Reply | None:
        method = call.method
        if method == "GET" and parts == ["orders"]:
            count = len(self.emu.world.orders)
            page = [self.order(n) for n in range(offset + 1, min(offset + limit, count) + 1)]
            return Reply(
                200,
                {"items": page, "pagination": {"limit": limit, "offset": offset, "hasNext": offset + limit < count}},
            )
        if method == "GET" and len(parts) == 2 and parts[0] == "orders" and parts[1] != "export":
            n = self.order_number(parts[1]) if parts[1].isdigit() else None
            return Reply(200, self.order(n)) if n is not None else problem(404, "Not Found", f"No order {parts[1]}")
        if method == "POST" and len(parts) == 3 and parts[:2] == ["orders", "statuses"] and parts[2] in _V2_TARGETS:
            try:
                body = call.json()
            except ApiFault:
                body = None
            ids: Any = None
            if isinstance(body, Mapping):
                ids = body.get("orderItemIds")
                if ids is None and isinstance(body.get("orderItems"), list):
                    ids = [i.get("id") if isinstance(i, Mapping) else i for i in body["orderItems"]]
            if not isinstance(ids, list) or not ids:
                return problem(400, "Bad Request", "orderItemIds (or orderItems[].id) must be a non-empty array")
            missing = [k for k in _V2_REQUIRED.get(parts[2], ()) if not isinstance(body, Mapping) or not body.get(k)]
            if missing:
                return problem(400, "Bad Request", f"{', '.join(missing)} is required")
            try:
                changed = self.change(ids, _V2_TARGETS[parts[2]], call.now)
            except StatusRefused as refused:
                return problem(422, "Entity can not be processed", refused.detail)
            return Reply(200, {"orderItemIds": changed})
        if method == "GET" and parts == ["categories"]:
            cats = self.categories()
            query = (call.q("query") or "").lower()
            if query:
                cats = [c for c in cats if query in c["name"].lower()]
            page = cats[offset : offset + limit]
            return Reply(
                200, {"items": page, "pagination": {"limit": limit, "offset": offset, "totalCount": len(cats)}}
            )
        if method == "GET" and parts == ["category", "tree"]:
            return Reply(200, self.tree())
        if method == "GET" and parts[0] == "category" and len(parts) in (2, 3) and parts[1].isdigit():
            by_id = {c["id"]: c for c in self.categories()}
            cat = by_id.get(int(parts[1]))
            if cat is None:
                return problem(404, "Not Found", f"No category {parts[1]}")
            if len(parts) == 2:
                return Reply(200, [by_id[i] for i in cat["pathIds"]])
            if parts[2] == "children":
                return Reply(200, [by_id[i] for i in cat["childrenIds"]])
        return None

    # ------------------------------------------------------------------ legacy

    def legacy(self, action: str, params: Mapping[str, str], head: dict[str, Any], now: float) -> Any:
        """The ``Body`` of a legacy action this module owns (``head`` completed in place); None for others.
        Raises StatusRefused for a status change that is not allowed or names an unknown item."""
        handler: Callable[[Mapping[str, str], dict[str, Any], float], Any] | None = {
            "GetProducts": self._legacy_products,
            "GetOrders": self._legacy_orders,
            "GetOrder": self._legacy_order,
            "GetOrderItems": self._legacy_order_items,
            "GetCategoryTree": self._legacy_categories,
        }.get(action)
        if handler is not None:
            return handler(params, head, now)
        target = _LEGACY_TARGETS.get(action)
        if target is None:
            return None
        raw = params.get("OrderItemIds") or params.get("OrderItemId") or ""
        try:
            ids = json.loads(raw) if raw.startswith("[") else [p for p in raw.split(",") if p]
        except ValueError:
            ids = None
        if not isinstance(ids, list) or not ids:
            raise StatusRefused("OrderItemId or OrderItemIds is required")
        changed = self.change(ids, target, now)
        head.update(ResponseType="OrderItems")
        return {"OrderItems": {"OrderItem": [{"OrderItemId": str(i)} for i in changed]}}

    def _legacy_categories(self, _params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        head.update(ResponseType="Categories")
        return self.legacy_tree()

    def _legacy_products(self, params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        limit, offset = int(params.get("Limit", "100")), int(params.get("Offset", "0"))
        count = len(self.emu.world.products)
        page = []
        for n in range(offset + 1, min(offset + limit, count) + 1):
            v2 = self.product(n)
            sale = v2["salePrice"]
            page.append(
                {
                    "SellerSku": v2["sellerSku"],
                    "Name": v2["name"],
                    "Brand": v2["brand"],
                    "Price": f"{v2['price']:.2f}",
                    "SalePrice": f"{sale:.2f}" if sale is not None else "",
                    "Quantity": str(v2["quantity"]),
                }
            )
        head.update(ResponseType="Products", TotalCount=str(count))
        return {"Products": {"Product": page}}

    def _legacy_order_row(self, n: int) -> dict[str, Any]:
        o, v2 = self.emu.world.orders[n - 1], self.order(n)
        return {
            "OrderId": o.seller_order_id,
            "OrderNumber": o.order_id,
            "CreatedAt": iso(o.purchase),
            "UpdatedAt": v2["updatedAt"],
            "Price": f"{o.total_cents / 100:.2f}",
            "ItemsCount": str(v2["itemsCount"]),
            "Statuses": {"Status": list(v2["statusList"])},
        }

    def _legacy_orders(self, params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        limit, offset = int(params.get("Limit", "100")), int(params.get("Offset", "0"))
        count = len(self.emu.world.orders)
        page = [self._legacy_order_row(n) for n in range(offset + 1, min(offset + limit, count) + 1)]
        head.update(ResponseType="Orders", TotalCount=str(count))
        return {"Orders": {"Order": page}}

    def _legacy_order(self, params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        n = self.order_number(params.get("OrderId", ""))
        head.update(ResponseType="Orders")
        return {"Orders": {"Order": [self._legacy_order_row(n)] if n is not None else []}}

    def _legacy_order_items(self, params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        n = self.order_number(params.get("OrderId", ""))
        head.update(ResponseType="OrderItems")
        if n is None:
            return {"OrderItems": {"OrderItem": []}}
        o = self.emu.world.orders[n - 1]
        rows = [
            {
                "OrderItemId": str(item["id"]),
                "OrderId": o.seller_order_id,
                "Sku": item["sellerSku"],
                "Name": item["name"],
                "Status": item["status"],
                "ItemPrice": f"{item['paidPrice']:.2f}",
            }
            for item in self.order(n)["items"]
        ]
        return {"OrderItems": {"OrderItem": rows}}


def _number(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
