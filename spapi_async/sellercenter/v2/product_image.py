# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``product_image`` resource of the v2 API (tag ``Product Image``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["ProductImageResource"]


class GetExportImagesResponse(V2Model):
    export_item_id: int | None = Field(default=None, alias="exportItemId")
    uuid: str | None = None


class GetProductSetImagesResponseItem(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    display_url: str | None = Field(default=None, alias="displayUrl")
    id: int | None = None
    position: int | None = None
    product_set_id: int | None = Field(default=None, alias="productSetId")
    src_id: str | None = Field(default=None, alias="srcId")
    updated_at: str | None = Field(default=None, alias="updatedAt")


class GetProductSetImagesBySkuResponseItem(V2Model):
    main_image_url: str | None = Field(default=None, alias="mainImageUrl")
    product_set_id: int | None = Field(default=None, alias="productSetId")
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    shop_sku: str | None = Field(default=None, alias="shopSku")


class GetProductSetsCoverImageResponseItem(V2Model):
    image_url: str | None = Field(default=None, alias="imageUrl")
    product_set_id: int | None = Field(default=None, alias="productSetId")


class GetProductSetsImagesResponseItemImagesItem(V2Model):
    display_url: str | None = Field(default=None, alias="displayUrl")
    id: int | None = None
    src_id: str | None = Field(default=None, alias="srcId")


class GetProductSetsImagesResponseItem(V2Model):
    images: list[GetProductSetsImagesResponseItemImagesItem] | None = None
    product_set_id: int | None = Field(default=None, alias="productSetId")


PatchProductSetImagesByImageIdRequest = GetProductSetImagesResponseItem


PatchProductSetImagesByImageIdResponse = GetProductSetImagesResponseItem


class PostProductSetImagesRequest(V2Model):
    display_url: str | None = Field(default=None, alias="displayUrl")
    overwrite: bool | None = None
    position: int | None = None


PostProductSetImagesResponse = GetProductSetImagesResponseItem


class ProductImageResource(_rt.Resource):
    __slots__ = ()

    async def delete_product_set_images_by_image_id(self, *, image_id: int, product_set_id: int) -> None:
        """``DELETE /v2/product-set/{productSetId}/images/{imageId}``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        _seg_image_id = _rt.path_param(image_id, "image_id")
        await self._send("DELETE", f"/v2/product-set/{_seg_product_set_id}/images/{_seg_image_id}")

    async def get_export_images(
        self,
        *,
        brand_ids: Sequence[int] | None = None,
        create_date_end: str | None = None,
        create_date_start: str | None = None,
        keyword: str | None = None,
        only_with_missing_image: bool | None = None,
        order_direction: str | None = None,
        tags: Sequence[str] | None = None,
        update_date_end: str | None = None,
        update_date_start: str | None = None,
    ) -> GetExportImagesResponse:
        """``GET /v2/export-images``."""
        params = _rt.query(
            {
                "brandIds[]": brand_ids,
                "createDateStart": create_date_start,
                "createDateEnd": create_date_end,
                "keyword": keyword,
                "onlyWithMissingImage": only_with_missing_image,
                "orderDirection": order_direction,
                "tags[]": tags,
                "updateDateStart": update_date_start,
                "updateDateEnd": update_date_end,
            }
        )
        response = await self._send("GET", "/v2/export-images", params=params)
        return _rt.model(GetExportImagesResponse, response)

    async def get_product_set_images(self, *, product_set_id: int) -> list[GetProductSetImagesResponseItem]:
        """``GET /v2/product-set/{productSetId}/images``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("GET", f"/v2/product-set/{_seg_product_set_id}/images")
        return _rt.model_list(GetProductSetImagesResponseItem, response)

    async def get_product_set_images_by_sku(
        self, *, product_skus: Sequence[str]
    ) -> list[GetProductSetImagesBySkuResponseItem]:
        """``GET /v2/product-set/images-by-sku``."""
        params = _rt.query({"productSkus[]": product_skus})
        response = await self._send("GET", "/v2/product-set/images-by-sku", params=params)
        return _rt.model_list(GetProductSetImagesBySkuResponseItem, response)

    async def get_product_sets_cover_image(
        self, *, product_set_ids: Sequence[int] | None = None
    ) -> list[GetProductSetsCoverImageResponseItem]:
        """``GET /v2/product-sets/cover-image``."""
        params = _rt.query({"productSetIds[]": product_set_ids})
        response = await self._send("GET", "/v2/product-sets/cover-image", params=params)
        return _rt.model_list(GetProductSetsCoverImageResponseItem, response)

    async def get_product_sets_images(
        self, *, product_set_ids: Sequence[int] | None = None
    ) -> list[GetProductSetsImagesResponseItem]:
        """``GET /v2/product-sets/images``."""
        params = _rt.query({"productSetIds[]": product_set_ids})
        response = await self._send("GET", "/v2/product-sets/images", params=params)
        return _rt.model_list(GetProductSetsImagesResponseItem, response)

    async def patch_product_set_images_by_image_id(
        self,
        *,
        image_id: int,
        product_set_id: int,
        body: GetProductSetImagesResponseItem | Mapping[str, Any] | None = None,
    ) -> GetProductSetImagesResponseItem:
        """``PATCH /v2/product-set/{productSetId}/images/{imageId}``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        _seg_image_id = _rt.path_param(image_id, "image_id")
        response = await self._send(
            "PATCH", f"/v2/product-set/{_seg_product_set_id}/images/{_seg_image_id}", json=_rt.dump(body)
        )
        return _rt.model(GetProductSetImagesResponseItem, response)

    async def post_product_set_images(
        self, *, product_set_id: int, body: PostProductSetImagesRequest | Mapping[str, Any] | None = None
    ) -> GetProductSetImagesResponseItem:
        """``POST /v2/product-set/{productSetId}/images``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("POST", f"/v2/product-set/{_seg_product_set_id}/images", json=_rt.dump(body))
        return _rt.model(GetProductSetImagesResponseItem, response)
