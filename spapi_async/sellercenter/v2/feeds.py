# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``feeds`` resource of the v2 API (tag ``Feeds``)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["FeedsResource"]


class GetFeedRawInputResponseItem(V2Model):
    feed_uuid: str | None = Field(default=None, alias="FeedUuid")
    file: str | None = Field(default=None, alias="File")
    mime_type: str | None = Field(default=None, alias="MimeType")


class GetFeedStatusResponseErrorsItem(V2Model):
    error_code: int | None = Field(default=None, alias="errorCode")
    error_message: str | None = Field(default=None, alias="errorMessage")
    field_name: str | None = Field(default=None, alias="fieldName")
    item_id: str | None = Field(default=None, alias="itemId")
    seller_sku: str | None = Field(default=None, alias="sellerSku")


class GetFeedStatusResponseWarningsItem(V2Model):
    field_name: str | None = Field(default=None, alias="fieldName")
    item_id: str | None = Field(default=None, alias="itemId")
    message: str | None = None
    seller_sku: str | None = Field(default=None, alias="sellerSku")


class GetFeedStatusResponse(V2Model):
    action: str | None = None
    errors: list[GetFeedStatusResponseErrorsItem] | None = None
    id: str | None = None
    status: str | None = None
    warnings: list[GetFeedStatusResponseWarningsItem] | None = None


class GetFeedsItem(V2Model):
    action: str | None = None
    created_at: str | None = Field(default=None, alias="createdAt")
    download_links: list[str] | None = Field(default=None, alias="downloadLinks")
    failed_records: int | None = Field(default=None, alias="failedRecords")
    failure_report_export_itemid: int | None = Field(default=None, alias="failureReportExportItemid")
    id: int | None = None
    processed_records: int | None = Field(default=None, alias="processedRecords")
    requested_formats: list[str] | None = Field(default=None, alias="requestedFormats")
    seller_id: int | None = Field(default=None, alias="sellerId")
    source: str | None = None
    status: str | None = None
    total_records: int | None = Field(default=None, alias="totalRecords")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    user_id: int | None = Field(default=None, alias="userId")


class GetFeedsCountResponse(V2Model):
    canceled: int | None = None
    finished: int | None = None
    processing: int | None = None
    queued: int | None = None
    total: int | None = None


class FeedsResource(_rt.Resource):
    __slots__ = ()

    async def delete_feed_by_uuid(self, *, uuid: str) -> None:
        """``DELETE /v2/feed/{uuid}``."""
        _seg_uuid = _rt.path_param(uuid, "uuid")
        await self._send("DELETE", f"/v2/feed/{_seg_uuid}")

    async def get_feed_raw_input(self, *, feed_uuid_list: Sequence[str]) -> list[GetFeedRawInputResponseItem]:
        """``GET /v2/feed/raw-input``."""
        params = _rt.query({"feedUuidList[]": feed_uuid_list})
        response = await self._send("GET", "/v2/feed/raw-input", params=params)
        return _rt.model_list(GetFeedRawInputResponseItem, response)

    async def get_feed_status(self, *, uuid: str) -> GetFeedStatusResponse:
        """``GET /v2/feed/{uuid}/status``."""
        _seg_uuid = _rt.path_param(uuid, "uuid")
        response = await self._send("GET", f"/v2/feed/{_seg_uuid}/status")
        return _rt.model(GetFeedStatusResponse, response)

    def get_feeds(
        self, *, limit: int = 100, offset: int = 0, max_items: int | None = None
    ) -> OffsetPaginator[GetFeedsItem]:
        """``GET /v2/feeds``."""
        return self._paginate(
            "/v2/feeds", {}, None, style="total", item=GetFeedsItem, limit=limit, offset=offset, max_items=max_items
        )

    async def get_feeds_count(self) -> GetFeedsCountResponse:
        """``GET /v2/feeds/count``."""
        response = await self._send("GET", "/v2/feeds/count")
        return _rt.model(GetFeedsCountResponse, response)
