# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``product_stock`` resource of the v2 API (tag ``ProductStock``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["ProductStockResource"]


class GetProductSetsStocksResponseItem(V2Model):
    fulfilment_stock: int | None = Field(default=None, alias="fulfilmentStock")
    has_product_with_zero_stock: bool | None = Field(default=None, alias="hasProductWithZeroStock")
    is_consignment_shipment: bool | None = Field(default=None, alias="isConsignmentShipment")
    non_sellable_stock: int | None = Field(default=None, alias="nonSellableStock")
    product_set_id: int | None = Field(default=None, alias="productSetId")
    reserved_stock: int | None = Field(default=None, alias="reservedStock")
    sellable_stock: int | None = Field(default=None, alias="sellableStock")
    sum_of_stocks: int | None = Field(default=None, alias="sumOfStocks")


class GetStockProductByProductIdResponseConsignments(V2Model):
    canceled: int | None = None
    defective: int | None = None
    failed: int | None = None
    quarantined: int | None = None
    received: int | None = None
    returned: int | None = None


class GetStockProductByProductIdResponseWarehousesItem(V2Model):
    name: str | None = None
    stock: int | None = None
    warehouse_id: int | None = Field(default=None, alias="warehouseId")


class GetStockProductByProductIdResponse(V2Model):
    available: int | None = None
    consignments: GetStockProductByProductIdResponseConsignments | None = None
    name: str | None = None
    non_sellable_stock: int | None = Field(default=None, alias="nonSellableStock")
    pre_verification_stock: int | None = Field(default=None, alias="preVerificationStock")
    quantity: int | None = None
    reserved_stock: int | None = Field(default=None, alias="reservedStock")
    sellable_stock: int | None = Field(default=None, alias="sellableStock")
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    shop_sku: str | None = Field(default=None, alias="shopSku")
    warehouses: list[GetStockProductByProductIdResponseWarehousesItem] | None = None


GetStockProductSetByProductSetIdResponseItemConsignments = GetStockProductByProductIdResponseConsignments


GetStockProductSetByProductSetIdResponseItemWarehousesItem = GetStockProductByProductIdResponseWarehousesItem


GetStockProductSetByProductSetIdResponseItem = GetStockProductByProductIdResponse


class PutStockProductRequestItem(V2Model):
    product_id: int | None = Field(default=None, alias="productId")
    quantity: int | None = None


PutStockProductResponseItem = PutStockProductRequestItem


class ProductStockResource(_rt.Resource):
    __slots__ = ()

    async def get_product_sets_stocks(
        self, *, product_set_ids: Sequence[int]
    ) -> list[GetProductSetsStocksResponseItem]:
        """``GET /v2/product-sets/stocks``."""
        params = _rt.query({"productSetIds[]": product_set_ids})
        response = await self._send("GET", "/v2/product-sets/stocks", params=params)
        return _rt.model_list(GetProductSetsStocksResponseItem, response)

    async def get_stock_product_by_product_id(self, *, product_id: int) -> GetStockProductByProductIdResponse:
        """``GET /v2/stock/product/{productId}``."""
        _seg_product_id = _rt.path_param(product_id, "product_id")
        response = await self._send("GET", f"/v2/stock/product/{_seg_product_id}")
        return _rt.model(GetStockProductByProductIdResponse, response)

    async def get_stock_product_set_by_product_set_id(
        self, *, product_set_id: int
    ) -> list[GetStockProductByProductIdResponse]:
        """``GET /v2/stock/product-set/{productSetId}``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("GET", f"/v2/stock/product-set/{_seg_product_set_id}")
        return _rt.model_list(GetStockProductByProductIdResponse, response)

    async def put_stock_product(
        self, *, body: Sequence[PutStockProductRequestItem | Mapping[str, Any]] | None = None
    ) -> list[PutStockProductRequestItem]:
        """``PUT /v2/stock/product``.

        At most 100 items per call; the answer lists the items that were not updated.
        ``SellerCenterClient.update_stock`` chunks and collects them.
        """
        response = await self._send("PUT", "/v2/stock/product", json=_rt.dump(body))
        return _rt.model_list(PutStockProductRequestItem, response)
