# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``manifest`` resource of the v2 API (tag ``Manifest``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["ManifestResource"]


class GetDocumentManifestResponse(V2Model):
    document_type: str | None = Field(default=None, alias="DocumentType")
    file: str | None = Field(default=None, alias="File")
    mime_type: str | None = Field(default=None, alias="MimeType")


class GetManifestItemOrderItemsItem(V2Model):
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    return_reason: str | None = Field(default=None, alias="returnReason")


class GetManifestItem(V2Model):
    actions: list[str] | None = None
    created_at: str | None = Field(default=None, alias="createdAt")
    manifest_code: str | None = Field(default=None, alias="manifestCode")
    manifest_id: int | None = Field(default=None, alias="manifestId")
    order_items: list[GetManifestItemOrderItemsItem] | None = Field(default=None, alias="orderItems")
    packages_count: int | None = Field(default=None, alias="packagesCount")
    shipment_provider: str | None = Field(default=None, alias="shipmentProvider")
    status: str | None = None
    tracking_code: str | None = Field(default=None, alias="trackingCode")
    type: str | None = None


GetManifestByManifestIdResponseOrderItemsItem = GetManifestItemOrderItemsItem


GetManifestByManifestIdResponse = GetManifestItem


class PostExportsManifestRequest(V2Model):
    manifest_ids: list[int] | None = Field(default=None, alias="manifestIds")


class PostExportsManifestResponse(V2Model):
    export_item_id: int | None = Field(default=None, alias="exportItemId")
    uuid: str | None = None


class PostManifestRequest(V2Model):
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")


PostManifestResponseOrderItemsItem = GetManifestItemOrderItemsItem


class PostManifestResponse(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    manifest_code: str | None = Field(default=None, alias="manifestCode")
    manifest_id: int | None = Field(default=None, alias="manifestId")
    order_items: list[GetManifestItemOrderItemsItem] | None = Field(default=None, alias="orderItems")
    seller_id: int | None = Field(default=None, alias="sellerId")
    shipment_provider_id: int | None = Field(default=None, alias="shipmentProviderId")
    status: str | None = None
    tracking_code: str | None = Field(default=None, alias="trackingCode")
    type: str | None = None


PostManifestShippedRequest = PostExportsManifestRequest


PostManifestShippedResponseItemOrderItemsItem = GetManifestItemOrderItemsItem


PostManifestShippedResponseItem = PostManifestResponse


class ManifestResource(_rt.Resource):
    __slots__ = ()

    async def get_document_manifest(self, *, manifest_code: str | None = None) -> GetDocumentManifestResponse:
        """``GET /v2/document/manifest``."""
        params = _rt.query({"manifestCode": manifest_code})
        response = await self._send("GET", "/v2/document/manifest", params=params)
        return _rt.model(GetDocumentManifestResponse, response)

    def get_manifest(
        self,
        *,
        date_end: str | None = None,
        date_start: str | None = None,
        manifest_codes: Sequence[str] | None = None,
        order_item_ids: Sequence[int] | None = None,
        order_numbers: Sequence[str] | None = None,
        sort: str | None = None,
        sort_dir: str | None = None,
        status: str | None = None,
        type: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetManifestItem]:
        """``GET /v2/manifest``."""
        params = _rt.query(
            {
                "type": type,
                "manifestCodes[]": manifest_codes,
                "dateStart": date_start,
                "dateEnd": date_end,
                "orderNumbers[]": order_numbers,
                "orderItemIds[]": order_item_ids,
                "status": status,
                "sort": sort,
                "sortDir": sort_dir,
            }
        )
        return self._paginate(
            "/v2/manifest",
            params,
            None,
            style="has_next",
            item=GetManifestItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_manifest_by_manifest_id(self, *, manifest_id: int) -> GetManifestItem:
        """``GET /v2/manifest/{manifestId}``."""
        _seg_manifest_id = _rt.path_param(manifest_id, "manifest_id")
        response = await self._send("GET", f"/v2/manifest/{_seg_manifest_id}")
        return _rt.model(GetManifestItem, response)

    async def post_exports_manifest(
        self, *, body: PostExportsManifestRequest | Mapping[str, Any] | None = None
    ) -> PostExportsManifestResponse:
        """``POST /v2/exports/manifest``."""
        response = await self._send("POST", "/v2/exports/manifest", json=_rt.dump(body))
        return _rt.model(PostExportsManifestResponse, response)

    async def post_manifest(
        self, *, body: PostManifestRequest | Mapping[str, Any] | None = None
    ) -> PostManifestResponse:
        """``POST /v2/manifest``."""
        response = await self._send("POST", "/v2/manifest", json=_rt.dump(body))
        return _rt.model(PostManifestResponse, response)

    async def post_manifest_shipped(
        self, *, body: PostExportsManifestRequest | Mapping[str, Any] | None = None
    ) -> list[PostManifestResponse]:
        """``POST /v2/manifest/shipped``."""
        response = await self._send("POST", "/v2/manifest/shipped", json=_rt.dump(body))
        return _rt.model_list(PostManifestResponse, response)
