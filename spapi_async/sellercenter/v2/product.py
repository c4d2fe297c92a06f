# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``product`` resource of the v2 API (tag ``Product``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["ProductResource"]


class GetGroupsResponseItemsItem(V2Model):
    name: str | None = None


class GetGroupsResponsePagination(V2Model):
    limit: int | None = None
    offset: int | None = None
    total_count: int | None = Field(default=None, alias="totalCount")


class GetGroupsResponse(V2Model):
    items: list[GetGroupsResponseItemsItem] | None = None
    pagination: GetGroupsResponsePagination | None = None


class GetLastVersionUploadedResponseItemProductSetId(V2Model):
    dirt_status: bool | None = Field(default=None, alias="dirtStatus")
    message: str | None = None
    sync_class: str | None = Field(default=None, alias="syncClass")


class GetLastVersionUploadedResponseItem(V2Model):
    product_set_id: GetLastVersionUploadedResponseItemProductSetId | None = Field(default=None, alias="productSetId")


class GetProductSellerSkuBySellerSkuResponse(V2Model):
    approval_status: str | None = Field(default=None, alias="approvalStatus")
    created_at: str | None = Field(default=None, alias="createdAt")
    duplicate_group_id: int | None = Field(default=None, alias="duplicateGroupId")
    id: int | None = None
    name: str | None = None
    product_identifier: str | None = Field(default=None, alias="productIdentifier")
    product_set_id: int | None = Field(default=None, alias="productSetId")
    seller_id: int | None = Field(default=None, alias="sellerId")
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    shipment_type_id: int | None = Field(default=None, alias="shipmentTypeId")
    shop_sku: str | None = Field(default=None, alias="shopSku")
    sin: str | None = None
    src_id: str | None = Field(default=None, alias="srcId")
    src_updated_at: str | None = Field(default=None, alias="srcUpdatedAt")
    status: str | None = None
    tax_class_id: int | None = Field(default=None, alias="taxClassId")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    updated_by_user_id: int | None = Field(default=None, alias="updatedByUserId")
    uuid: str | None = None
    variation: str | None = None


GetProductSellerSkusItem = GetProductSellerSkuBySellerSkuResponse


class GetProductSetProductsResponseItem(V2Model):
    approval_status: str | None = Field(default=None, alias="approvalStatus")
    created_at: str | None = Field(default=None, alias="createdAt")
    duplicate_group_id: int | None = Field(default=None, alias="duplicateGroupId")
    id: int | None = None
    product_identifier: str | None = Field(default=None, alias="productIdentifier")
    product_set_id: int | None = Field(default=None, alias="productSetId")
    seller_id: int | None = Field(default=None, alias="sellerId")
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    shipment_type_id: int | None = Field(default=None, alias="shipmentTypeId")
    shop_sku: str | None = Field(default=None, alias="shopSku")
    sin: str | None = None
    src_id: str | None = Field(default=None, alias="srcId")
    src_updated_at: str | None = Field(default=None, alias="srcUpdatedAt")
    status: str | None = None
    tax_class_id: int | None = Field(default=None, alias="taxClassId")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    updated_by_user_id: int | None = Field(default=None, alias="updatedByUserId")
    uuid: str | None = None
    variation: str | None = None


GetProductSetProductsByProductIdResponse = GetProductSellerSkuBySellerSkuResponse


class GetProductSetSearchHybridResponseItemImagesItem(V2Model):
    display_url: str | None = Field(default=None, alias="displayUrl")
    image_id: int | None = Field(default=None, alias="imageId")
    position: str | None = None


class GetProductSetSearchHybridResponseItemPricesItem(V2Model):
    country: str | None = None
    currency: str | None = None
    price: float | None = None


class GetProductSetSearchHybridResponseItem(V2Model):
    brand_name: str | None = Field(default=None, alias="brandName")
    description: str | None = None
    images: list[GetProductSetSearchHybridResponseItemImagesItem] | None = None
    name: str | None = None
    prices: list[GetProductSetSearchHybridResponseItemPricesItem] | None = None
    product_url: str | None = Field(default=None, alias="productUrl")
    sin: str | None = None
    sku: str | None = None


GetProductShopSkuByShopSkuResponse = GetProductSellerSkuBySellerSkuResponse


GetProductsResponseItem = GetProductSellerSkuBySellerSkuResponse


class GetProductsConsignmentStocksResponse(V2Model):
    canceled: int | None = None
    defective: int | None = None
    failed: int | None = None
    id: int | None = None
    product_id: int | None = Field(default=None, alias="productId")
    quarantined: int | None = None
    received: int | None = None
    returned: int | None = None


PostProductSetProductsRequest = GetProductSellerSkuBySellerSkuResponse


PostProductSetProductsResponse = GetProductSellerSkuBySellerSkuResponse


class PostProductSetProductsCreateBySinRequest(V2Model):
    sin: str | None = None


class PostProductSetProductsCreateBySinResponse(V2Model):
    product_set_id: int | None = Field(default=None, alias="productSetId")


class PostReuploadToShopByProductSetIdResponse(V2Model):
    success: bool | None = None


PutProductSetProductsByProductIdRequest = GetProductSellerSkuBySellerSkuResponse


PutProductSetProductsByProductIdResponse = GetProductSellerSkuBySellerSkuResponse


class ProductResource(_rt.Resource):
    __slots__ = ()

    async def get_groups(self, *, brand_id: int, name: str | None = None) -> GetGroupsResponse:
        """``GET /v2/groups``."""
        params = _rt.query({"brandId": brand_id, "name": name})
        response = await self._send("GET", "/v2/groups", params=params)
        return _rt.model(GetGroupsResponse, response)

    async def get_last_version_uploaded(
        self, *, product_set_ids: Sequence[int] | None = None
    ) -> list[GetLastVersionUploadedResponseItem]:
        """``GET /v2/last-version-uploaded``."""
        params = _rt.query({"productSetIds[]": product_set_ids})
        response = await self._send("GET", "/v2/last-version-uploaded", params=params)
        return _rt.model_list(GetLastVersionUploadedResponseItem, response)

    async def get_product_seller_sku_by_seller_sku(self, *, seller_sku: str) -> GetProductSellerSkuBySellerSkuResponse:
        """``GET /v2/product/seller-sku/{sellerSku}``."""
        _seg_seller_sku = _rt.path_param(seller_sku, "seller_sku")
        response = await self._send("GET", f"/v2/product/seller-sku/{_seg_seller_sku}")
        return _rt.model(GetProductSellerSkuBySellerSkuResponse, response)

    def get_product_seller_skus(
        self, *, seller_skus: Sequence[str], limit: int = 100, offset: int = 0, max_items: int | None = None
    ) -> OffsetPaginator[GetProductSellerSkuBySellerSkuResponse]:
        """``GET /v2/product/seller-skus``."""
        params = _rt.query({"sellerSkus[]": seller_skus})
        return self._paginate(
            "/v2/product/seller-skus",
            params,
            None,
            style="total",
            item=GetProductSellerSkuBySellerSkuResponse,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_product_set_products(self, *, product_set_id: int) -> list[GetProductSetProductsResponseItem]:
        """``GET /v2/product-set/{productSetId}/products``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("GET", f"/v2/product-set/{_seg_product_set_id}/products")
        return _rt.model_list(GetProductSetProductsResponseItem, response)

    async def get_product_set_products_by_product_id(
        self, *, product_id: int, product_set_id: int
    ) -> GetProductSellerSkuBySellerSkuResponse:
        """``GET /v2/product-set/{productSetId}/products/{productId}``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        _seg_product_id = _rt.path_param(product_id, "product_id")
        response = await self._send("GET", f"/v2/product-set/{_seg_product_set_id}/products/{_seg_product_id}")
        return _rt.model(GetProductSellerSkuBySellerSkuResponse, response)

    async def get_product_set_search_hybrid(self, *, query: str) -> list[GetProductSetSearchHybridResponseItem]:
        """``GET /v2/product-set/search-hybrid``."""
        params = _rt.query({"query": query})
        response = await self._send("GET", "/v2/product-set/search-hybrid", params=params)
        return _rt.model_list(GetProductSetSearchHybridResponseItem, response)

    async def get_product_shop_sku_by_shop_sku(self, *, shop_sku: str) -> GetProductSellerSkuBySellerSkuResponse:
        """``GET /v2/product/shop-sku/{shopSku}``."""
        _seg_shop_sku = _rt.path_param(shop_sku, "shop_sku")
        response = await self._send("GET", f"/v2/product/shop-sku/{_seg_shop_sku}")
        return _rt.model(GetProductSellerSkuBySellerSkuResponse, response)

    async def get_products(
        self,
        *,
        name: str | None = None,
        product_ids: Sequence[int] | None = None,
        product_uuids: Sequence[str] | None = None,
        seller_id: int | None = None,
        seller_sku: str | None = None,
        sku: str | None = None,
    ) -> list[GetProductSellerSkuBySellerSkuResponse]:
        """``GET /v2/products``."""
        params = _rt.query(
            {
                "productUuids[]": product_uuids,
                "productIds[]": product_ids,
                "sellerId": seller_id,
                "sku": sku,
                "name": name,
                "sellerSku": seller_sku,
            }
        )
        response = await self._send("GET", "/v2/products", params=params)
        return _rt.model_list(GetProductSellerSkuBySellerSkuResponse, response)

    async def get_products_consignment_stocks(self, *, product_id: int) -> GetProductsConsignmentStocksResponse:
        """``GET /v2/products/{productId}/consignment-stocks``."""
        _seg_product_id = _rt.path_param(product_id, "product_id")
        response = await self._send("GET", f"/v2/products/{_seg_product_id}/consignment-stocks")
        return _rt.model(GetProductsConsignmentStocksResponse, response)

    async def post_product_set_products(
        self, *, product_set_id: int, body: GetProductSellerSkuBySellerSkuResponse | Mapping[str, Any] | None = None
    ) -> GetProductSellerSkuBySellerSkuResponse:
        """``POST /v2/product-set/{productSetId}/products``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("POST", f"/v2/product-set/{_seg_product_set_id}/products", json=_rt.dump(body))
        return _rt.model(GetProductSellerSkuBySellerSkuResponse, response)

    async def post_product_set_products_create_by_sin(
        self, *, body: PostProductSetProductsCreateBySinRequest | Mapping[str, Any] | None = None
    ) -> PostProductSetProductsCreateBySinResponse:
        """``POST /v2/product-set/products/create-by-sin``."""
        response = await self._send("POST", "/v2/product-set/products/create-by-sin", json=_rt.dump(body))
        return _rt.model(PostProductSetProductsCreateBySinResponse, response)

    async def post_reupload_to_shop_by_product_set_id(
        self, *, product_set_id: int
    ) -> PostReuploadToShopByProductSetIdResponse:
        """``POST /v2/reupload-to-shop/{productSetId}``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("POST", f"/v2/reupload-to-shop/{_seg_product_set_id}")
        return _rt.model(PostReuploadToShopByProductSetIdResponse, response)

    async def put_product_set_products_by_product_id(
        self,
        *,
        product_id: int,
        product_set_id: int,
        body: GetProductSellerSkuBySellerSkuResponse | Mapping[str, Any] | None = None,
    ) -> GetProductSellerSkuBySellerSkuResponse:
        """``PUT /v2/product-set/{productSetId}/products/{productId}``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        _seg_product_id = _rt.path_param(product_id, "product_id")
        response = await self._send(
            "PUT", f"/v2/product-set/{_seg_product_set_id}/products/{_seg_product_id}", json=_rt.dump(body)
        )
        return _rt.model(GetProductSellerSkuBySellerSkuResponse, response)

    async def put_product_set_products_status(
        self, *, product_id: int, product_set_id: int, status: str | None = None
    ) -> None:
        """``PUT /v2/product-set/{productSetId}/products/{productId}/status``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        _seg_product_id = _rt.path_param(product_id, "product_id")
        params = _rt.query({"status": status})
        await self._send(
            "PUT", f"/v2/product-set/{_seg_product_set_id}/products/{_seg_product_id}/status", params=params
        )
