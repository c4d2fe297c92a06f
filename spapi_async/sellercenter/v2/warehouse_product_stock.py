# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``warehouse_product_stock`` resource of the v2 API (tag ``Warehouse Product Stock``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["WarehouseProductStockResource"]


class GetProductWarehouseStockResponse(V2Model):
    quantity: int | None = None


PostProductWarehouseStockRequest = GetProductWarehouseStockResponse


PostProductWarehouseStockResponse = GetProductWarehouseStockResponse


class WarehouseProductStockResource(_rt.Resource):
    __slots__ = ()

    async def get_product_warehouse_stock(
        self, *, product_id: int, warehouse_id: int
    ) -> GetProductWarehouseStockResponse:
        """``GET /v2/product/{productId}/warehouse/{warehouseId}/stock``."""
        _seg_product_id = _rt.path_param(product_id, "product_id")
        _seg_warehouse_id = _rt.path_param(warehouse_id, "warehouse_id")
        response = await self._send("GET", f"/v2/product/{_seg_product_id}/warehouse/{_seg_warehouse_id}/stock")
        return _rt.model(GetProductWarehouseStockResponse, response)

    async def post_product_warehouse_stock(
        self,
        *,
        product_id: int,
        warehouse_id: int,
        body: GetProductWarehouseStockResponse | Mapping[str, Any] | None = None,
    ) -> GetProductWarehouseStockResponse:
        """``POST /v2/product/{productId}/warehouse/{warehouseId}/stock``."""
        _seg_product_id = _rt.path_param(product_id, "product_id")
        _seg_warehouse_id = _rt.path_param(warehouse_id, "warehouse_id")
        response = await self._send(
            "POST", f"/v2/product/{_seg_product_id}/warehouse/{_seg_warehouse_id}/stock", json=_rt.dump(body)
        )
        return _rt.model(GetProductWarehouseStockResponse, response)
