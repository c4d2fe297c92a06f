# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``product_price`` resource of the v2 API (tag ``Product Price``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["ProductPriceResource"]


class GetPricesResponseItemItemsItemPricesItem(V2Model):
    country: str | None = None
    price: float | None = None
    sale_end_date: str | None = Field(default=None, alias="saleEndDate")
    sale_price: float | None = Field(default=None, alias="salePrice")
    sale_start_date: str | None = Field(default=None, alias="saleStartDate")
    status: str | None = None


class GetPricesResponseItemItemsItem(V2Model):
    prices: list[GetPricesResponseItemItemsItemPricesItem] | None = None
    product_id: int | None = Field(default=None, alias="productId")


class GetPricesResponseItem(V2Model):
    items: list[GetPricesResponseItemItemsItem] | None = None
    product_set_id: int | None = Field(default=None, alias="productSetId")


class GetProductSetPricesResponseItem(V2Model):
    country: str | None = None
    price: float | None = None
    product_id: float | None = Field(default=None, alias="productId")
    product_set_id: float | None = Field(default=None, alias="productSetId")
    sale_end_date: str | None = Field(default=None, alias="saleEndDate")
    sale_price: float | None = Field(default=None, alias="salePrice")
    sale_start_date: str | None = Field(default=None, alias="saleStartDate")
    status: str | None = None


class PutProductPricesByCountryRequest(V2Model):
    price: float | None = None
    sale_end_date: str | None = Field(default=None, alias="saleEndDate")
    sale_price: float | None = Field(default=None, alias="salePrice")
    sale_start_date: str | None = Field(default=None, alias="saleStartDate")
    status: str | None = None


PutProductPricesByCountryResponse = GetProductSetPricesResponseItem


class PutProductSetPricesRequestItem(V2Model):
    country: str | None = None
    price: float | None = None
    product_id: float | None = Field(default=None, alias="productId")
    sale_end_date: str | None = Field(default=None, alias="saleEndDate")
    sale_price: float | None = Field(default=None, alias="salePrice")
    sale_start_date: str | None = Field(default=None, alias="saleStartDate")
    status: str | None = None


PutProductSetPricesResponse = GetProductSetPricesResponseItem


class ProductPriceResource(_rt.Resource):
    __slots__ = ()

    async def get_prices(
        self,
        *,
        product_ids: Sequence[int] | None = None,
        product_name: str | None = None,
        product_set_ids: Sequence[int] | None = None,
        product_uuids: Sequence[str] | None = None,
    ) -> list[GetPricesResponseItem]:
        """``GET /v2/prices``."""
        params = _rt.query(
            {
                "productSetIds[]": product_set_ids,
                "productIds[]": product_ids,
                "productUuids[]": product_uuids,
                "productName": product_name,
            }
        )
        response = await self._send("GET", "/v2/prices", params=params)
        return _rt.model_list(GetPricesResponseItem, response)

    async def get_product_set_prices(self, *, product_set_id: int) -> list[GetProductSetPricesResponseItem]:
        """``GET /v2/product-set/{productSetId}/prices``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("GET", f"/v2/product-set/{_seg_product_set_id}/prices")
        return _rt.model_list(GetProductSetPricesResponseItem, response)

    async def put_product_prices_by_country(
        self, *, country: str, product_id: int, body: PutProductPricesByCountryRequest | Mapping[str, Any] | None = None
    ) -> GetProductSetPricesResponseItem:
        """``PUT /v2/product/{productId}/prices/{country}``.

        Replaces the whole price record: a field left out is stored empty (a running sale ends). Send every field
        you mean to keep; ``SellerCenterClient.set_price`` makes them all explicit.
        """
        _seg_product_id = _rt.path_param(product_id, "product_id")
        _seg_country = _rt.path_param(country, "country")
        response = await self._send("PUT", f"/v2/product/{_seg_product_id}/prices/{_seg_country}", json=_rt.dump(body))
        return _rt.model(GetProductSetPricesResponseItem, response)

    async def put_product_set_prices(
        self, *, product_set_id: int, body: Sequence[PutProductSetPricesRequestItem | Mapping[str, Any]] | None = None
    ) -> GetProductSetPricesResponseItem:
        """``PUT /v2/product-set/{productSetId}/prices``.

        Replaces each listed price record: a field left out is stored empty. Send every field you mean to keep.
        """
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("PUT", f"/v2/product-set/{_seg_product_set_id}/prices", json=_rt.dump(body))
        return _rt.model(GetProductSetPricesResponseItem, response)
