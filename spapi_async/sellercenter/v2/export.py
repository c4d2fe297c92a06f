# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``export`` resource of the v2 API (tag ``Export``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["ExportResource"]


class GetExportProductsResponse(V2Model):
    export_item_id: int | None = Field(default=None, alias="exportItemId")
    uuid: str | None = None


class GetExportsItem(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    download_links: list[str] | None = Field(default=None, alias="downloadLinks")
    expires_at: str | None = Field(default=None, alias="expiresAt")
    export_content: str | None = Field(default=None, alias="exportContent")
    id: int | None = None
    is_deleted: bool | None = Field(default=None, alias="isDeleted")
    note: str | None = None
    requested_formats: list[str] | None = Field(default=None, alias="requestedFormats")
    seller_id: int | None = Field(default=None, alias="sellerId")
    status: str | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")
    user_id: int | None = Field(default=None, alias="userId")
    uuid: str | None = None


GetExportsByExportItemIdResponse = GetExportsItem


PostExportSwitchableSellersResponse = GetExportProductsResponse


PostExportUsersResponse = GetExportProductsResponse


class PostExportsInvoiceTaxDocumentRequest(V2Model):
    currency: str | None = None
    locale: str | None = None
    seller_id: int | None = Field(default=None, alias="sellerId")
    statement_id: float | None = Field(default=None, alias="statementId")
    statement_type: str | None = Field(default=None, alias="statementType")


class PostExportsInvoiceTaxDocumentResponse(V2Model):
    file_uuid: str | None = Field(default=None, alias="fileUuid")


PostExportsOrderManifestsResponse = PostExportsInvoiceTaxDocumentResponse


class PostExportsReportOrderItemTransactionsRequest(V2Model):
    currency: str | None = None
    end_date: str | None = Field(default=None, alias="endDate")
    is_hybrid: bool | None = Field(default=None, alias="isHybrid")
    is_outlet: bool | None = Field(default=None, alias="isOutlet")
    locale: str | None = None
    order_numbers: list[str] | None = Field(default=None, alias="orderNumbers")
    payout_status: str | None = Field(default=None, alias="payoutStatus")
    products: list[str] | None = None
    shipment_types: list[str] | None = Field(default=None, alias="shipmentTypes")
    start_date: str | None = Field(default=None, alias="startDate")
    statement_id: float | None = Field(default=None, alias="statementId")
    statement_type: str | None = Field(default=None, alias="statementType")
    status: list[str] | None = None


PostExportsReportOrderItemTransactionsResponse = PostExportsInvoiceTaxDocumentResponse


class PostExportsReportTransactionsRequest(V2Model):
    currency: str | None = None
    label: str | None = None
    locale: str | None = None
    statement_id: float | None = Field(default=None, alias="statementId")
    statement_type: str | None = Field(default=None, alias="statementType")
    transaction_type_ids: list[int] | None = Field(default=None, alias="transactionTypeIds")


PostExportsReportTransactionsResponse = PostExportsInvoiceTaxDocumentResponse


class PostExportsSalesReportRequest(V2Model):
    currency: str | None = None
    locale: str | None = None
    statement_id: float | None = Field(default=None, alias="statementId")
    statement_type: str | None = Field(default=None, alias="statementType")


PostExportsSalesReportResponse = PostExportsInvoiceTaxDocumentResponse


class PostExportsUnifiedTransactionsRequest(V2Model):
    currency: str | None = None
    end_date: str | None = Field(default=None, alias="endDate")
    is_hybrid: bool | None = Field(default=None, alias="isHybrid")
    is_outlet: bool | None = Field(default=None, alias="isOutlet")
    locale: str | None = None
    order_numbers: list[str] | None = Field(default=None, alias="orderNumbers")
    payout_status: str | None = Field(default=None, alias="payoutStatus")
    products: list[str] | None = None
    start_date: str | None = Field(default=None, alias="startDate")
    statement_id: float | None = Field(default=None, alias="statementId")
    statement_type: str | None = Field(default=None, alias="statementType")
    transaction_numbers: list[str] | None = Field(default=None, alias="transactionNumbers")
    transaction_type_ids: list[float] | None = Field(default=None, alias="transactionTypeIds")


PostExportsUnifiedTransactionsResponse = PostExportsInvoiceTaxDocumentResponse


class ExportResource(_rt.Resource):
    __slots__ = ()

    async def get_export_products(
        self,
        *,
        limit: int,
        offset: int,
        attribute_set_id: int | None = None,
        brand_ids: Sequence[int] | None = None,
        category_ids: Sequence[int] | None = None,
        create_date_end: str | None = None,
        create_date_start: str | None = None,
        format: str | None = None,
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
    ) -> GetExportProductsResponse:
        """``GET /v2/export-products``."""
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
                "attributeSetId": attribute_set_id,
                "format": format,
            }
        )
        response = await self._send("GET", "/v2/export-products", params=params)
        return _rt.model(GetExportProductsResponse, response)

    def get_exports(
        self,
        *,
        export_actions: Sequence[str],
        keyword: str | None = None,
        order_by: str | None = None,
        order_direction: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetExportsItem]:
        """``GET /v2/exports``."""
        params = _rt.query(
            {
                "exportActions[]": export_actions,
                "orderBy": order_by,
                "orderDirection": order_direction,
                "keyword": keyword,
            }
        )
        return self._paginate(
            "/v2/exports",
            params,
            None,
            style="total",
            item=GetExportsItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_exports_by_export_item_id(self, *, export_item_id: int) -> GetExportsItem:
        """``GET /v2/exports/{exportItemId}``."""
        _seg_export_item_id = _rt.path_param(export_item_id, "export_item_id")
        response = await self._send("GET", f"/v2/exports/{_seg_export_item_id}")
        return _rt.model(GetExportsItem, response)

    async def post_export_switchable_sellers(self) -> GetExportProductsResponse:
        """``POST /v2/export-switchable-sellers``."""
        response = await self._send("POST", "/v2/export-switchable-sellers")
        return _rt.model(GetExportProductsResponse, response)

    async def post_export_users(self) -> GetExportProductsResponse:
        """``POST /v2/export-users``."""
        response = await self._send("POST", "/v2/export-users")
        return _rt.model(GetExportProductsResponse, response)

    async def post_exports_invoice_tax_document(
        self, *, body: PostExportsInvoiceTaxDocumentRequest | Mapping[str, Any] | None = None
    ) -> PostExportsInvoiceTaxDocumentResponse:
        """``POST /v2/exports/invoice-tax-document``."""
        response = await self._send("POST", "/v2/exports/invoice-tax-document", json=_rt.dump(body))
        return _rt.model(PostExportsInvoiceTaxDocumentResponse, response)

    async def post_exports_order_manifests(self, *, body: Any | None = None) -> PostExportsInvoiceTaxDocumentResponse:
        """``POST /v2/exports/order-manifests``."""
        response = await self._send("POST", "/v2/exports/order-manifests", json=_rt.dump(body))
        return _rt.model(PostExportsInvoiceTaxDocumentResponse, response)

    async def post_exports_report_order_item_transactions(
        self, *, body: PostExportsReportOrderItemTransactionsRequest | Mapping[str, Any] | None = None
    ) -> PostExportsInvoiceTaxDocumentResponse:
        """``POST /v2/exports/report-order-item-transactions``."""
        response = await self._send("POST", "/v2/exports/report-order-item-transactions", json=_rt.dump(body))
        return _rt.model(PostExportsInvoiceTaxDocumentResponse, response)

    async def post_exports_report_transactions(
        self, *, body: PostExportsReportTransactionsRequest | Mapping[str, Any] | None = None
    ) -> PostExportsInvoiceTaxDocumentResponse:
        """``POST /v2/exports/report-transactions``."""
        response = await self._send("POST", "/v2/exports/report-transactions", json=_rt.dump(body))
        return _rt.model(PostExportsInvoiceTaxDocumentResponse, response)

    async def post_exports_sales_report(
        self, *, body: PostExportsSalesReportRequest | Mapping[str, Any] | None = None
    ) -> PostExportsInvoiceTaxDocumentResponse:
        """``POST /v2/exports/sales-report``."""
        response = await self._send("POST", "/v2/exports/sales-report", json=_rt.dump(body))
        return _rt.model(PostExportsInvoiceTaxDocumentResponse, response)

    async def post_exports_unified_transactions(
        self, *, body: PostExportsUnifiedTransactionsRequest | Mapping[str, Any] | None = None
    ) -> PostExportsInvoiceTaxDocumentResponse:
        """``POST /v2/exports/unified-transactions``."""
        response = await self._send("POST", "/v2/exports/unified-transactions", json=_rt.dump(body))
        return _rt.model(PostExportsInvoiceTaxDocumentResponse, response)
