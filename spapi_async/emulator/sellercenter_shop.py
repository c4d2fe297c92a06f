"""Products, prices, categories, orders and order status changes as the emulator's Seller Center keeps them.

One state serves both APIs: the v2 routes (:mod:`.sellercenter_v2`) and the legacy actions
(:mod:`.sellercenter_legacy`) read and change it. Product ids are 1-based positions in the seeded catalogue, order
ids 1-based positions in the seeded orders, and order item ids ``order_id * 1000 + position`` (1-based), in v2 and
legacy alike. A price set for a country replaces that country's record; a product's ``price`` reads
``DEFAULT_COUNTRY``'s. A status change the item's status does not allow (``TRANSITIONS``) refuses the whole change.

Categories are the catalogue's product types (roots) with one child per brand sold in that type.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

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

    def product_id(self, raw: str) -> int | None:
        """A product by its v2 id (1-based position in the catalogue); None for an unknown one."""
        if raw.isdigit() and 1 <= int(raw) <= len(self.emu.world.products):
            return int(raw)
        return None

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
