"""Brands and stock as the emulator's Seller Center serves them (v2 and legacy).

Brands are the seeded catalogue's brand names; stock starts at a seeded quantity per product (product ids are
1-based positions in the catalogue, as the v2 routes number them) and a stock update changes what every later read
returns: ``product_stock.get_stock_product_by_product_id``, the v2 product lists and the legacy ``GetProducts``.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .timefmt import iso

if TYPE_CHECKING:
    from .app import Emulator

#: ``product_stock.put_stock_product`` takes at most this many items per call (more is a 422).
STOCK_UPDATE_MAX_ITEMS = 100
_BRAND_NAMESPACE = uuid.UUID("6f1c8d0e-3c2b-4c61-9a51-5b1b0f3e7a10")


class SellerCenterCatalog:
    def __init__(self, emulator: Emulator) -> None:
        self.emu = emulator
        self._stock: list[int] | None = None

    # ------------------------------------------------------------------ brands

    def brands(self) -> list[dict[str, Any]]:
        names = sorted({p.brand for p in self.emu.world.products})
        created = iso(self.emu.epoch - 400 * 86400)
        return [
            {
                "id": n,
                "srcId": None,
                "uuid": str(uuid.uuid5(_BRAND_NAMESPACE, name)),
                "name": name,
                "status": "active",
                "isActive": True,
                "isApproved": True,
                "isRestricted": False,
                "countries": "",
                "createdAt": created,
                "updatedAt": created,
            }
            for n, name in enumerate(names, start=1)
        ]

    def brand_page(self, name: str | None, limit: int, offset: int) -> dict[str, Any]:
        brands = self.brands()
        if name:
            brands = [b for b in brands if name.lower() in b["name"].lower()]
        page = brands[offset : offset + limit]
        return {"items": page, "pagination": {"limit": limit, "offset": offset, "totalCount": len(brands)}}

    def legacy_brands(self) -> dict[str, Any]:
        brand = [{"BrandId": str(b["id"]), "Name": b["name"], "GlobalIdentifier": b["uuid"]} for b in self.brands()]
        return {"Brands": {"Brand": brand}}

    # ------------------------------------------------------------------ stock

    @property
    def stock(self) -> list[int]:
        if self._stock is None:
            rng = random.Random(f"sellercenter-stock:{self.emu.seed}")
            self._stock = [rng.randrange(0, 250) for _ in self.emu.world.products]
        return self._stock

    def quantity(self, product_id: int) -> int | None:
        """The stock of a product by its 1-based id; None for an unknown id."""
        if 1 <= product_id <= len(self.stock):
            return self.stock[product_id - 1]
        return None

    def update(self, items: list[Any]) -> list[dict[str, Any]]:
        """Apply ``[{"productId", "quantity"}, ...]``; returns the items NOT updated (unknown product, a quantity
        that is not a non-negative integer), as the endpoint answers them."""
        not_updated: list[dict[str, Any]] = []
        for item in items:
            if not isinstance(item, Mapping):
                not_updated.append({"productId": None, "quantity": None})
                continue
            product_id, quantity = item.get("productId"), item.get("quantity")
            if (
                isinstance(product_id, int)
                and not isinstance(product_id, bool)
                and isinstance(quantity, int)
                and not isinstance(quantity, bool)
                and quantity >= 0
                and self.quantity(product_id) is not None
            ):
                self.stock[product_id - 1] = quantity
            else:
                not_updated.append({"productId": product_id, "quantity": quantity})
        return not_updated

    def stock_read(self, product_id: int) -> dict[str, Any] | None:
        quantity = self.quantity(product_id)
        if quantity is None:
            return None
        product = self.emu.world.products[product_id - 1]
        return {
            "shopSku": None,
            "sellerSku": product.sku,
            "name": product.title,
            "quantity": quantity,
            "reservedStock": 0,
            "preVerificationStock": 0,
            "available": quantity,
            "consignments": [],
            "sellableStock": quantity,
            "nonSellableStock": 0,
            "warehouses": [],
        }
