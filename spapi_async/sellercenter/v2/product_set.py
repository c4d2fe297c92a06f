# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``product_set`` resource of the v2 API (tag ``ProductSet``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["ProductSetResource"]


class GetProductQualityControlRejectedResponseItem(V2Model):
    product_set_id: int | None = Field(default=None, alias="productSetId")
    qc_comment: str | None = Field(default=None, alias="qcComment")
    rejected_reasons: list[str] | None = Field(default=None, alias="rejectedReasons")


class GetProductSetByProductSetIdResponse(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    attributes: dict[str, Any] | None = None
    brand_id: int | None = Field(default=None, alias="brandId")
    browse_nodes: list[int] | None = Field(default=None, alias="browseNodes")
    categories: list[int] | None = None
    created_at: str | None = Field(default=None, alias="createdAt")
    description: str | None = None
    id: int | None = None
    name: str | None = None
    parent_sku: str | None = Field(default=None, alias="parentSku")
    primary_category_id: int | None = Field(default=None, alias="primaryCategoryId")
    seller_id: int | None = Field(default=None, alias="sellerId")
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    sin: str | None = None
    size_system: int | None = Field(default=None, alias="sizeSystem")
    src_id: str | None = Field(default=None, alias="srcId")
    status: str | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")
    uuid: str | None = None


class GetProductSetConfigSkuByConfigSkuResponse(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    attributes: dict[str, Any] | None = None
    brand_id: int | None = Field(default=None, alias="brandId")
    browse_nodes: list[int] | None = Field(default=None, alias="browseNodes")
    categories: list[int] | None = None
    created_at: str | None = Field(default=None, alias="createdAt")
    description: str | None = None
    id: int | None = None
    name: str | None = None
    parent_sku: str | None = Field(default=None, alias="parentSku")
    primary_category_id: int | None = Field(default=None, alias="primaryCategoryId")
    seller_id: int | None = Field(default=None, alias="sellerId")
    size_system: int | None = Field(default=None, alias="sizeSystem")
    src_id: str | None = Field(default=None, alias="srcId")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    uuid: str | None = None


class GetProductSetCountByAttributeSetResponseItem(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    count: int | None = None


class GetProductSetGroupResponse(V2Model):
    name: str | None = None


GetProductSetParentSkuByParentSkuResponse = GetProductSetConfigSkuByConfigSkuResponse


class GetProductSetQualityControlStatusResponseItem(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    product_set_id: int | None = Field(default=None, alias="productSetId")
    status: str | None = None


GetProductSetsItem = GetProductSetByProductSetIdResponse


class GetProductSetsSamplePayloadByCategoryIdResponseAttributes(V2Model):
    n_131: str | None = Field(default=None, alias="131")
    n_74: int | None = Field(default=None, alias="74")
    comment_131: str | None = Field(default=None, alias="__comment_131")
    comment_74: str | None = Field(default=None, alias="__comment_74")


class GetProductSetsSamplePayloadByCategoryIdResponse(V2Model):
    comment_brand_id: str | None = Field(default=None, alias="__comment_brandId")
    comment_description: str | None = Field(default=None, alias="__comment_description")
    comment_name: str | None = Field(default=None, alias="__comment_name")
    comment_price: str | None = Field(default=None, alias="__comment_price")
    comment_primary_category_id: str | None = Field(default=None, alias="__comment_primaryCategoryId")
    comment_seller_sku: str | None = Field(default=None, alias="__comment_sellerSku")
    comment_variation: str | None = Field(default=None, alias="__comment_variation")
    attributes: GetProductSetsSamplePayloadByCategoryIdResponseAttributes | None = None
    brand_id: int | None = Field(default=None, alias="brandId")
    description: str | None = None
    name: str | None = None
    price: float | None = None
    primary_category_id: int | None = Field(default=None, alias="primaryCategoryId")
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    variation: str | None = None


class GetProductSetsVisibilityRulesResponseItem(V2Model):
    has_active_categories: bool | None = Field(default=None, alias="hasActiveCategories")
    has_at_least_one_active_product: bool | None = Field(default=None, alias="hasAtLeastOneActiveProduct")
    has_images: bool | None = Field(default=None, alias="hasImages")
    has_zero_prices: bool | None = Field(default=None, alias="hasZeroPrices")
    has_zero_stocks: bool | None = Field(default=None, alias="hasZeroStocks")
    is_brand_active: bool | None = Field(default=None, alias="isBrandActive")
    is_brand_approved: bool | None = Field(default=None, alias="isBrandApproved")
    is_latest_version_uploaded: bool | None = Field(default=None, alias="isLatestVersionUploaded")
    is_product_set_authorized: bool | None = Field(default=None, alias="isProductSetAuthorized")
    is_seller_active: bool | None = Field(default=None, alias="isSellerActive")
    latest_version_uploaded_message: str | None = Field(default=None, alias="latestVersionUploadedMessage")
    product_set_id: int | None = Field(default=None, alias="productSetId")
    quality_control_status: str | None = Field(default=None, alias="qualityControlStatus")


class GetQcRejectReasonsResponseItem(V2Model):
    id: int | None = None
    is_enabled: bool | None = Field(default=None, alias="isEnabled")
    is_set_to_not_authorized: bool | None = Field(default=None, alias="isSetToNotAuthorized")
    name: str | None = None
    type: str | None = None


class PostProductSetRequest(V2Model):
    attributes: dict[str, Any] | None = None
    brand_id: int | None = Field(default=None, alias="brandId")
    browse_nodes: list[int] | None = Field(default=None, alias="browseNodes")
    categories: list[int] | None = None
    description: str | None = None
    name: str | None = None
    parent_sku: str | None = Field(default=None, alias="parentSku")
    price: float | None = None
    primary_category_id: int | None = Field(default=None, alias="primaryCategoryId")
    product_identifier: str | None = Field(default=None, alias="productIdentifier")
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    shipment_type_id: int | None = Field(default=None, alias="shipmentTypeId")
    size_system: int | None = Field(default=None, alias="sizeSystem")
    status: str | None = None
    variation: str | None = None


PostProductSetResponse = GetProductSetByProductSetIdResponse


PostProductSetGroupRequest = GetProductSetGroupResponse


PostProductSetGroupResponse = GetProductSetGroupResponse


class PutProductSetByProductSetIdRequest(V2Model):
    attributes: dict[str, Any] | None = None
    brand_id: int | None = Field(default=None, alias="brandId")
    browse_nodes: list[int] | None = Field(default=None, alias="browseNodes")
    categories: list[int] | None = None
    description: str | None = None
    name: str | None = None
    parent_sku: str | None = Field(default=None, alias="parentSku")
    primary_category_id: int | None = Field(default=None, alias="primaryCategoryId")
    size_system: int | None = Field(default=None, alias="sizeSystem")


PutProductSetByProductSetIdResponse = GetProductSetConfigSkuByConfigSkuResponse


class ProductSetResource(_rt.Resource):
    __slots__ = ()

    async def delete_product_set_group(self, *, product_set_id: int) -> None:
        """``DELETE /v2/product-set/{productSetId}/group``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        await self._send("DELETE", f"/v2/product-set/{_seg_product_set_id}/group")

    async def get_product_quality_control_rejected(
        self, *, product_set_ids: Sequence[int]
    ) -> list[GetProductQualityControlRejectedResponseItem]:
        """``GET /v2/product-quality-control/rejected``."""
        params = _rt.query({"productSetIds[]": product_set_ids})
        response = await self._send("GET", "/v2/product-quality-control/rejected", params=params)
        return _rt.model_list(GetProductQualityControlRejectedResponseItem, response)

    async def get_product_set_by_product_set_id(self, *, product_set_id: int) -> GetProductSetByProductSetIdResponse:
        """``GET /v2/product-set/{productSetId}``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("GET", f"/v2/product-set/{_seg_product_set_id}")
        return _rt.model(GetProductSetByProductSetIdResponse, response)

    async def get_product_set_config_sku_by_config_sku(
        self, *, config_sku: str
    ) -> GetProductSetConfigSkuByConfigSkuResponse:
        """``GET /v2/product-set/config-sku/{configSku}``."""
        _seg_config_sku = _rt.path_param(config_sku, "config_sku")
        response = await self._send("GET", f"/v2/product-set/config-sku/{_seg_config_sku}")
        return _rt.model(GetProductSetConfigSkuByConfigSkuResponse, response)

    async def get_product_set_count_by_attribute_set(
        self,
        *,
        limit: int,
        offset: int,
        brand_ids: Sequence[int] | None = None,
        category_ids: Sequence[int] | None = None,
        create_date_end: str | None = None,
        create_date_start: str | None = None,
        group: str | None = None,
        in_stock: bool | None = None,
        keyword: str | None = None,
        only_with_tags: bool | None = None,
        parent_sku: str | None = None,
        reserved: bool | None = None,
        status: str | None = None,
        tags: Sequence[str] | None = None,
        update_date_end: str | None = None,
        update_date_start: str | None = None,
        visibility: str | None = None,
    ) -> list[GetProductSetCountByAttributeSetResponseItem]:
        """``GET /v2/product-set/count-by-attribute-set``."""
        params = _rt.query(
            {
                "limit": limit,
                "offset": offset,
                "status": status,
                "keyword": keyword,
                "createDateStart": create_date_start,
                "createDateEnd": create_date_end,
                "updateDateStart": update_date_start,
                "updateDateEnd": update_date_end,
                "brandIds[]": brand_ids,
                "tags[]": tags,
                "visibility": visibility,
                "inStock": in_stock,
                "reserved": reserved,
                "categoryIds[]": category_ids,
                "onlyWithTags": only_with_tags,
                "parentSku": parent_sku,
                "group": group,
            }
        )
        response = await self._send("GET", "/v2/product-set/count-by-attribute-set", params=params)
        return _rt.model_list(GetProductSetCountByAttributeSetResponseItem, response)

    async def get_product_set_group(self, *, product_set_id: int) -> GetProductSetGroupResponse:
        """``GET /v2/product-set/{productSetId}/group``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("GET", f"/v2/product-set/{_seg_product_set_id}/group")
        return _rt.model(GetProductSetGroupResponse, response)

    async def get_product_set_parent_sku_by_parent_sku(
        self, *, parent_sku: str
    ) -> GetProductSetConfigSkuByConfigSkuResponse:
        """``GET /v2/product-set/parent-sku/{parentSku}``."""
        _seg_parent_sku = _rt.path_param(parent_sku, "parent_sku")
        response = await self._send("GET", f"/v2/product-set/parent-sku/{_seg_parent_sku}")
        return _rt.model(GetProductSetConfigSkuByConfigSkuResponse, response)

    async def get_product_set_quality_control_status(
        self, *, product_set_ids: Sequence[int] | None = None
    ) -> list[GetProductSetQualityControlStatusResponseItem]:
        """``GET /v2/product-set/quality-control-status``."""
        params = _rt.query({"productSetIds[]": product_set_ids})
        response = await self._send("GET", "/v2/product-set/quality-control-status", params=params)
        return _rt.model_list(GetProductSetQualityControlStatusResponseItem, response)

    def get_product_sets(
        self,
        *,
        brand_ids: Sequence[int] | None = None,
        category_ids: Sequence[int] | None = None,
        create_date_end: str | None = None,
        create_date_start: str | None = None,
        group: str | None = None,
        in_stock: bool | None = None,
        keyword: Sequence[str] | None = None,
        only_with_tags: bool | None = None,
        order_by: str | None = None,
        order_direction: str | None = None,
        parent_sku: str | None = None,
        product_set_ids: Sequence[int] | None = None,
        product_set_uuids: Sequence[str] | None = None,
        reserved: bool | None = None,
        status: str | None = None,
        tags: Sequence[str] | None = None,
        update_date_end: str | None = None,
        update_date_start: str | None = None,
        visibility: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetProductSetByProductSetIdResponse]:
        """``GET /v2/product-sets``."""
        params = _rt.query(
            {
                "status": status,
                "keyword": keyword,
                "createDateStart": create_date_start,
                "createDateEnd": create_date_end,
                "updateDateStart": update_date_start,
                "updateDateEnd": update_date_end,
                "brandIds[]": brand_ids,
                "tags[]": tags,
                "visibility": visibility,
                "inStock": in_stock,
                "reserved": reserved,
                "categoryIds[]": category_ids,
                "onlyWithTags": only_with_tags,
                "parentSku": parent_sku,
                "productSetUuids[]": product_set_uuids,
                "productSetIds[]": product_set_ids,
                "group": group,
                "orderBy": order_by,
                "orderDirection": order_direction,
            }
        )
        return self._paginate(
            "/v2/product-sets",
            params,
            None,
            style="total",
            item=GetProductSetByProductSetIdResponse,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_product_sets_sample_payload_by_category_id(
        self, *, category_id: int, hide_comments: int | None = None, show_full: int | None = None
    ) -> GetProductSetsSamplePayloadByCategoryIdResponse:
        """``GET /v2/product-sets/sample-payload/{categoryId}``."""
        _seg_category_id = _rt.path_param(category_id, "category_id")
        params = _rt.query({"showFull": show_full, "hideComments": hide_comments})
        response = await self._send("GET", f"/v2/product-sets/sample-payload/{_seg_category_id}", params=params)
        return _rt.model(GetProductSetsSamplePayloadByCategoryIdResponse, response)

    async def get_product_sets_visibility_rules(
        self, *, product_set_ids: Sequence[int] | None = None
    ) -> list[GetProductSetsVisibilityRulesResponseItem]:
        """``GET /v2/product-sets/visibility-rules``."""
        params = _rt.query({"productSetIds[]": product_set_ids})
        response = await self._send("GET", "/v2/product-sets/visibility-rules", params=params)
        return _rt.model_list(GetProductSetsVisibilityRulesResponseItem, response)

    async def get_qc_reject_reasons(self) -> list[GetQcRejectReasonsResponseItem]:
        """``GET /v2/qc-reject-reasons``."""
        response = await self._send("GET", "/v2/qc-reject-reasons")
        return _rt.model_list(GetQcRejectReasonsResponseItem, response)

    async def post_product_set(
        self, *, body: PostProductSetRequest | Mapping[str, Any] | None = None
    ) -> GetProductSetByProductSetIdResponse:
        """``POST /v2/product-set``."""
        response = await self._send("POST", "/v2/product-set", json=_rt.dump(body))
        return _rt.model(GetProductSetByProductSetIdResponse, response)

    async def post_product_set_group(
        self, *, product_set_id: int, body: GetProductSetGroupResponse | Mapping[str, Any] | None = None
    ) -> GetProductSetGroupResponse:
        """``POST /v2/product-set/{productSetId}/group``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("POST", f"/v2/product-set/{_seg_product_set_id}/group", json=_rt.dump(body))
        return _rt.model(GetProductSetGroupResponse, response)

    async def put_product_set_by_product_set_id(
        self, *, product_set_id: int, body: PutProductSetByProductSetIdRequest | Mapping[str, Any] | None = None
    ) -> GetProductSetConfigSkuByConfigSkuResponse:
        """``PUT /v2/product-set/{productSetId}``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("PUT", f"/v2/product-set/{_seg_product_set_id}", json=_rt.dump(body))
        return _rt.model(GetProductSetConfigSkuByConfigSkuResponse, response)
