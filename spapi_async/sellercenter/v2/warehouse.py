# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``warehouse`` resource of the v2 API (tag ``Warehouse``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["WarehouseResource"]


class GetWarehousesResponseItem(V2Model):
    address: str | None = None
    city: str | None = None
    country: str | None = None
    default: bool | None = None
    id: int | None = None
    is_in_shopping_mall: bool | None = Field(default=None, alias="isInShoppingMall")
    is_synced: bool | None = Field(default=None, alias="isSynced")
    latitude: str | None = None
    longitude: str | None = None
    name: str | None = None
    note: str | None = None
    postcode: str | None = None
    seller_id: int | None = Field(default=None, alias="sellerId")
    status: str | None = None


GetWarehousesByWarehouseIdResponse = GetWarehousesResponseItem


PostWarehousesRequest = GetWarehousesResponseItem


PostWarehousesResponse = GetWarehousesResponseItem


PutWarehousesByWarehouseIdRequest = GetWarehousesResponseItem


PutWarehousesByWarehouseIdResponse = GetWarehousesResponseItem


class WarehouseResource(_rt.Resource):
    __slots__ = ()

    async def get_warehouses(self) -> list[GetWarehousesResponseItem]:
        """``GET /v2/warehouses``."""
        response = await self._send("GET", "/v2/warehouses")
        return _rt.model_list(GetWarehousesResponseItem, response)

    async def get_warehouses_by_warehouse_id(self, *, warehouse_id: int) -> GetWarehousesResponseItem:
        """``GET /v2/warehouses/{warehouseId}``."""
        _seg_warehouse_id = _rt.path_param(warehouse_id, "warehouse_id")
        response = await self._send("GET", f"/v2/warehouses/{_seg_warehouse_id}")
        return _rt.model(GetWarehousesResponseItem, response)

    async def post_warehouses(
        self, *, body: GetWarehousesResponseItem | Mapping[str, Any] | None = None
    ) -> GetWarehousesResponseItem:
        """``POST /v2/warehouses``."""
        response = await self._send("POST", "/v2/warehouses", json=_rt.dump(body))
        return _rt.model(GetWarehousesResponseItem, response)

    async def put_warehouses_by_warehouse_id(
        self, *, warehouse_id: int, body: GetWarehousesResponseItem | Mapping[str, Any] | None = None
    ) -> GetWarehousesResponseItem:
        """``PUT /v2/warehouses/{warehouseId}``."""
        _seg_warehouse_id = _rt.path_param(warehouse_id, "warehouse_id")
        response = await self._send("PUT", f"/v2/warehouses/{_seg_warehouse_id}", json=_rt.dump(body))
        return _rt.model(GetWarehousesResponseItem, response)
