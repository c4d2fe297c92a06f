"""The legacy Seller Center API's actions, answered from the same state as v2 (:mod:`.sellercenter_shop`).

``GetBrands``; ``GetProducts`` (price and stock as v2 set them); ``GetOrders``/``GetOrder``/``GetOrderItems``
(statuses as v2 set them); ``SetStatusToReadyToShip``/``SetStatusToShipped``/``SetStatusToDelivered``/
``SetStatusToCanceled`` (the same orders, by ``OrderItemIds`` as a JSON list or ``OrderItemId`` comma-separated);
``GetCategoryTree``. The signature, timestamp, replay and rate checks are :mod:`.sellercenter`'s.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from .sellercenter_shop import StatusRefused
from .timefmt import iso

if TYPE_CHECKING:
    from .sellercenter_catalog import SellerCenterCatalog
    from .sellercenter_shop import SellerCenterShop

#: status change action -> target status
STATUS_ACTIONS = {
    "SetStatusToReadyToShip": "ready_to_ship",
    "SetStatusToShipped": "shipped",
    "SetStatusToDelivered": "delivered",
    "SetStatusToCanceled": "canceled",
}

_Action = Callable[[Mapping[str, str], dict[str, Any], float], Any]


class LegacyActions:
    def __init__(self, shop: SellerCenterShop, catalog: SellerCenterCatalog) -> None:
        self.shop = shop
        self.catalog = catalog
        self._actions: dict[str, _Action] = {
            "GetBrands": self._brands,
            "GetProducts": self._products,
            "GetOrders": self._orders,
            "GetOrder": self._order,
            "GetOrderItems": self._order_items,
            "GetCategoryTree": self._categories,
        }

    def body(self, action: str, params: Mapping[str, str], head: dict[str, Any], now: float) -> Any:
        """The ``Body`` of ``action`` (``head`` completed in place); None for an action the emulator does not know.
        Raises StatusRefused for a status change that is not allowed or names an unknown item."""
        handler = self._actions.get(action)
        if handler is not None:
            return handler(params, head, now)
        target = STATUS_ACTIONS.get(action)
        if target is None:
            return None
        raw = params.get("OrderItemIds") or params.get("OrderItemId") or ""
        try:
            ids = json.loads(raw) if raw.startswith("[") else [p for p in raw.split(",") if p]
        except ValueError:
            ids = None
        if not isinstance(ids, list) or not ids:
            raise StatusRefused("OrderItemId or OrderItemIds is required")
        changed = self.shop.change(ids, target, now)
        head.update(ResponseType="OrderItems")
        return {"OrderItems": {"OrderItem": [{"OrderItemId": str(i)} for i in changed]}}

    def _brands(self, _params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        head.update(ResponseType="Brands")
        return self.catalog.legacy_brands()

    def _categories(self, _params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        def node(c: dict[str, Any]) -> dict[str, Any]:
            out: dict[str, Any] = {"Name": c["name"], "CategoryId": str(c["id"]), "GlobalIdentifier": c["uuid"]}
            out["Children"] = {"Category": [node(k) for k in c["children"]]} if c["children"] else ""
            return out

        head.update(ResponseType="Categories")
        return {"Categories": {"Category": [node(c) for c in self.shop.tree()]}}

    def _products(self, params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        limit, offset = int(params.get("Limit", "100")), int(params.get("Offset", "0"))
        count = len(self.shop.emu.world.products)
        page = []
        for n in range(offset + 1, min(offset + limit, count) + 1):
            v2 = self.shop.product(n)
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

    def _order_row(self, n: int) -> dict[str, Any]:
        o, v2 = self.shop.emu.world.orders[n - 1], self.shop.order(n)
        return {
            "OrderId": o.seller_order_id,
            "OrderNumber": o.order_id,
            "CreatedAt": iso(o.purchase),
            "UpdatedAt": v2["updatedAt"],
            "Price": f"{o.total_cents / 100:.2f}",
            "ItemsCount": str(v2["itemsCount"]),
            "Statuses": {"Status": list(v2["statusList"])},
        }

    def _orders(self, params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        limit, offset = int(params.get("Limit", "100")), int(params.get("Offset", "0"))
        count = len(self.shop.emu.world.orders)
        page = [self._order_row(n) for n in range(offset + 1, min(offset + limit, count) + 1)]
        head.update(ResponseType="Orders", TotalCount=str(count))
        return {"Orders": {"Order": page}}

    def _order(self, params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        n = self.shop.order_number(params.get("OrderId", ""))
        head.update(ResponseType="Orders")
        return {"Orders": {"Order": [self._order_row(n)] if n is not None else []}}

    def _order_items(self, params: Mapping[str, str], head: dict[str, Any], _now: float) -> Any:
        n = self.shop.order_number(params.get("OrderId", ""))
        head.update(ResponseType="OrderItems")
        if n is None:
            return {"OrderItems": {"OrderItem": []}}
        o = self.shop.emu.world.orders[n - 1]
        rows = [
            {
                "OrderItemId": str(item["id"]),
                "OrderId": o.seller_order_id,
                "Sku": item["sellerSku"],
                "Name": item["name"],
                "Status": item["status"],
                "ItemPrice": f"{item['paidPrice']:.2f}",
            }
            for item in self.shop.order(n)["items"]
        ]
        return {"OrderItems": {"OrderItem": rows}}
