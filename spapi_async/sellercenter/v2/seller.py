# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``seller`` resource of the v2 API (tag ``Seller``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["SellerResource"]


class GetSellerResponseDelistReasonsItem(V2Model):
    message: str | None = None
    reason: str | None = None
    reason_identifier: int | None = Field(default=None, alias="reasonIdentifier")
    reason_limit: int | None = Field(default=None, alias="reasonLimit")


class GetSellerResponseProfileFieldsItem(V2Model):
    display_value: str | None = Field(default=None, alias="displayValue")
    name: str | None = None
    value: str | None = None


class GetSellerResponse(V2Model):
    company_name: str | None = Field(default=None, alias="companyName")
    created_at: str | None = Field(default=None, alias="createdAt")
    delist_reasons: list[GetSellerResponseDelistReasonsItem] | None = Field(default=None, alias="delistReasons")
    email: str | None = None
    id: int | None = None
    listed: bool | None = None
    name: str | None = None
    profile_fields: list[GetSellerResponseProfileFieldsItem] | None = Field(default=None, alias="profileFields")
    short_code: str | None = Field(default=None, alias="shortCode")
    src_id: str | None = Field(default=None, alias="srcId")
    status: str | None = None
    tax_class: str | None = Field(default=None, alias="taxClass")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    uuid: str | None = None
    verified: bool | None = None


class GetSellerCommissionsResponseItemsItem(V2Model):
    description: str | None = None
    id: int | None = None
    inheritance_type: str | None = Field(default=None, alias="inheritanceType")
    name: str | None = None
    numeric_type: str | None = Field(default=None, alias="numericType")
    seller_description: str | None = Field(default=None, alias="sellerDescription")
    value: float | None = None


class GetSellerCommissionsResponse(V2Model):
    items: list[GetSellerCommissionsResponseItemsItem] | None = None


class GetSellerMetricsResponseItem(V2Model):
    cancellations_percentage: float | None = None
    commissions: float | None = None
    orders: int | None = None
    returns_percentage: float | None = None
    sales_total: float | None = None
    sku_active_number: int | None = None
    sku_number: int | None = None
    statistic_type: str | None = None
    two_day_shipment_percentage: float | None = None


class GetSellerPayoutResponseItem(V2Model):
    closing_balance: float | None = Field(default=None, alias="closingBalance")
    created_at: str | None = Field(default=None, alias="createdAt")
    fees_on_refunds_total: float | None = Field(default=None, alias="feesOnRefundsTotal")
    fees_total: float | None = Field(default=None, alias="feesTotal")
    guarantee_deposit: float | None = Field(default=None, alias="guaranteeDeposit")
    item_revenue: float | None = Field(default=None, alias="itemRevenue")
    opening_balance: float | None = Field(default=None, alias="openingBalance")
    other_revenue_total: float | None = Field(default=None, alias="otherRevenueTotal")
    paid: bool | None = None
    payment_reference: str | None = Field(default=None, alias="paymentReference")
    payout: float | None = None
    refunds: float | None = None
    shipment_fee: float | None = Field(default=None, alias="shipmentFee")
    shipment_fee_credit: float | None = Field(default=None, alias="shipmentFeeCredit")
    statement_number: str | None = Field(default=None, alias="statementNumber")
    subtotal1: float | None = None
    subtotal2: float | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")


class GetSellerProfileExternalFilesItem(V2Model):
    download_url: str | None = Field(default=None, alias="downloadUrl")
    file_name: str | None = Field(default=None, alias="fileName")
    file_type: str | None = Field(default=None, alias="fileType")
    uploaded_at: str | None = Field(default=None, alias="uploadedAt")


class GetSellerProfileFieldValuesResponseItem(V2Model):
    id: int | None = None
    value: str | None = None


class GetSellerRatingResponseItemKpisItem(V2Model):
    kpi_unit: str | None = Field(default=None, alias="kpiUnit")
    kpi_value: float | None = Field(default=None, alias="kpiValue")
    name: str | None = None
    period: int | None = None
    rating: str | None = None
    score: float | None = None
    seller_rating_score: float | None = Field(default=None, alias="sellerRatingScore")
    weight: float | None = None


class GetSellerRatingResponseItem(V2Model):
    calculation_date: str | None = Field(default=None, alias="calculationDate")
    end_date: str | None = Field(default=None, alias="endDate")
    kpis: list[GetSellerRatingResponseItemKpisItem] | None = None
    overall_score: float | None = Field(default=None, alias="overallScore")


class GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage(V2Model):
    percentage: float | None = Field(default=None, alias="Percentage")
    text: str | None = Field(default=None, alias="Text")


GetSellerStatisticsResponseItemResultAccountHealthAlltimeReturnPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthAlltimeTwoDaysShippedPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


class GetSellerStatisticsResponseItemResultAccountHealthAlltime(V2Model):
    cancellation_percentage: GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage | None = (
        Field(default=None, alias="CancellationPercentage")
    )
    return_percentage: GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage | None = Field(
        default=None, alias="ReturnPercentage"
    )
    two_days_shipped_percentage: (
        GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage | None
    ) = Field(default=None, alias="TwoDaysShippedPercentage")


GetSellerStatisticsResponseItemResultAccountHealthDayCancellationPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthDayReturnPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthDayTwoDaysShippedPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthDay = GetSellerStatisticsResponseItemResultAccountHealthAlltime


GetSellerStatisticsResponseItemResultAccountHealthMonthCancellationPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthMonthReturnPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthMonthTwoDaysShippedPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthMonth = GetSellerStatisticsResponseItemResultAccountHealthAlltime


GetSellerStatisticsResponseItemResultAccountHealthWeekCancellationPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthWeekReturnPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthWeekTwoDaysShippedPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthWeek = GetSellerStatisticsResponseItemResultAccountHealthAlltime


GetSellerStatisticsResponseItemResultAccountHealthYearCancellationPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthYearReturnPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthYearTwoDaysShippedPercentage = (
    GetSellerStatisticsResponseItemResultAccountHealthAlltimeCancellationPercentage
)


GetSellerStatisticsResponseItemResultAccountHealthYear = GetSellerStatisticsResponseItemResultAccountHealthAlltime


class GetSellerStatisticsResponseItemResultAccountHealth(V2Model):
    alltime: GetSellerStatisticsResponseItemResultAccountHealthAlltime | None = Field(default=None, alias="Alltime")
    day: GetSellerStatisticsResponseItemResultAccountHealthAlltime | None = Field(default=None, alias="Day")
    month: GetSellerStatisticsResponseItemResultAccountHealthAlltime | None = Field(default=None, alias="Month")
    week: GetSellerStatisticsResponseItemResultAccountHealthAlltime | None = Field(default=None, alias="Week")
    year: GetSellerStatisticsResponseItemResultAccountHealthAlltime | None = Field(default=None, alias="Year")


class GetSellerStatisticsResponseItemResultOrdersStatus(V2Model):
    canceled: int | None = Field(default=None, alias="Canceled")
    delivered: int | None = Field(default=None, alias="Delivered")
    digital: int | None = Field(default=None, alias="Digital")
    economy: int | None = Field(default=None, alias="Economy")
    express: int | None = Field(default=None, alias="Express")
    failed: int | None = Field(default=None, alias="Failed")
    no_ext_invoice_key: int | None = Field(default=None, alias="NoExtInvoiceKey")
    not_printed_pending: int | None = Field(default=None, alias="NotPrintedPending")
    not_printed_ready_to_ship: int | None = Field(default=None, alias="NotPrintedReadyToShip")
    pending: int | None = Field(default=None, alias="Pending")
    ready_to_ship: int | None = Field(default=None, alias="ReadyToShip")
    return_rejected: int | None = Field(default=None, alias="ReturnRejected")
    return_shipped_by_customer: int | None = Field(default=None, alias="ReturnShippedByCustomer")
    return_waiting_for_approval: int | None = Field(default=None, alias="ReturnWaitingForApproval")
    returned: int | None = Field(default=None, alias="Returned")
    shipped: int | None = Field(default=None, alias="Shipped")
    standard: int | None = Field(default=None, alias="Standard")


class GetSellerStatisticsResponseItemResultOrders(V2Model):
    status: GetSellerStatisticsResponseItemResultOrdersStatus | None = Field(default=None, alias="Status")
    total: int | None = Field(default=None, alias="Total")


class GetSellerStatisticsResponseItemResultOrdersItemsPending(V2Model):
    older: int | None = Field(default=None, alias="Older")
    today: int | None = Field(default=None, alias="Today")
    yesterday: int | None = Field(default=None, alias="Yesterday")


class GetSellerStatisticsResponseItemResultProductsStatus(V2Model):
    active: str | None = Field(default=None, alias="Active")
    all: str | None = Field(default=None, alias="All")
    deleted: str | None = Field(default=None, alias="Deleted")
    image_missing: str | None = Field(default=None, alias="ImageMissing")
    inactive: str | None = Field(default=None, alias="Inactive")
    live: str | None = Field(default=None, alias="Live")
    pending: str | None = Field(default=None, alias="Pending")
    poor_quality: str | None = Field(default=None, alias="PoorQuality")
    sold_out: str | None = Field(default=None, alias="SoldOut")


class GetSellerStatisticsResponseItemResultProducts(V2Model):
    status: GetSellerStatisticsResponseItemResultProductsStatus | None = Field(default=None, alias="Status")
    total: int | None = Field(default=None, alias="Total")


class GetSellerStatisticsResponseItemResult(V2Model):
    account_health: GetSellerStatisticsResponseItemResultAccountHealth | None = Field(
        default=None, alias="AccountHealth"
    )
    orders: GetSellerStatisticsResponseItemResultOrders | None = Field(default=None, alias="Orders")
    orders_items_pending: GetSellerStatisticsResponseItemResultOrdersItemsPending | None = Field(
        default=None, alias="OrdersItemsPending"
    )
    products: GetSellerStatisticsResponseItemResultProducts | None = Field(default=None, alias="Products")


class GetSellerStatisticsResponseItem(V2Model):
    last_data_update: str | None = Field(default=None, alias="LastDataUpdate")
    result: GetSellerStatisticsResponseItemResult | None = None


GetSellersItemDelistReasonsItem = GetSellerResponseDelistReasonsItem


GetSellersItemProfileFieldsItem = GetSellerResponseProfileFieldsItem


GetSellersItem = GetSellerResponse


GetSellersBySellerIdResponseDelistReasonsItem = GetSellerResponseDelistReasonsItem


GetSellersBySellerIdResponseProfileFieldsItem = GetSellerResponseProfileFieldsItem


GetSellersBySellerIdResponse = GetSellerResponse


class GetSellersCreditNoteSettingsResponse(V2Model):
    generation_type: str | None = Field(default=None, alias="generationType")
    next_formated_value: str | None = Field(default=None, alias="nextFormatedValue")
    next_number: int | None = Field(default=None, alias="nextNumber")
    prefix: str | None = None


class PatchSellerRequest(V2Model):
    email: str | None = None


PostSellerProfileFieldUploadResponseItem = GetSellerProfileFieldValuesResponseItem


class PostSellersCreditNoteSettingsUpdateRequest(V2Model):
    generation_type: str | None = Field(default=None, alias="generationType")
    next_number: int | None = Field(default=None, alias="nextNumber")
    prefix: str | None = None


PostSellersCreditNoteSettingsUpdateResponse = GetSellersCreditNoteSettingsResponse


class PostSellersSwitchResponse(V2Model):
    success: bool | None = None


PutSellerProfileGeneralRequestItem = GetSellerProfileFieldValuesResponseItem


PutSellerProfileGeneralResponseItem = GetSellerProfileFieldValuesResponseItem


class PutSellerRatingCustomKpiRequestItem(V2Model):
    external_kpi_name: str | None = Field(default=None, alias="externalKpiName")
    seller_short_code: str | None = Field(default=None, alias="sellerShortCode")
    value: float | None = None


PutSellerRatingCustomKpiResponse = PutSellerRatingCustomKpiRequestItem


class SellerResource(_rt.Resource):
    __slots__ = ()

    async def get_seller(self) -> GetSellerResponse:
        """``GET /v2/seller``."""
        response = await self._send("GET", "/v2/seller")
        return _rt.model(GetSellerResponse, response)

    async def get_seller_commissions(self) -> GetSellerCommissionsResponse:
        """``GET /v2/seller/commissions``."""
        response = await self._send("GET", "/v2/seller/commissions")
        return _rt.model(GetSellerCommissionsResponse, response)

    async def get_seller_configuration_fields(self) -> Any:
        """``GET /v2/seller-configuration-fields``."""
        response = await self._send("GET", "/v2/seller-configuration-fields")
        return _rt.raw_json(response)

    async def get_seller_metrics(self) -> list[GetSellerMetricsResponseItem]:
        """``GET /v2/seller-metrics``."""
        response = await self._send("GET", "/v2/seller-metrics")
        return _rt.model_list(GetSellerMetricsResponseItem, response)

    async def get_seller_payout(self) -> list[GetSellerPayoutResponseItem]:
        """``GET /v2/seller/payout``."""
        response = await self._send("GET", "/v2/seller/payout")
        return _rt.model_list(GetSellerPayoutResponseItem, response)

    def get_seller_profile_external_files(
        self,
        *,
        sort: str | None = None,
        sort_dir: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetSellerProfileExternalFilesItem]:
        """``GET /v2/seller/profile/external-files``."""
        params = _rt.query({"sort": sort, "sortDir": sort_dir})
        return self._paginate(
            "/v2/seller/profile/external-files",
            params,
            None,
            style="total",
            item=GetSellerProfileExternalFilesItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_seller_profile_field_values(self) -> list[GetSellerProfileFieldValuesResponseItem]:
        """``GET /v2/seller/profile/field-values``."""
        response = await self._send("GET", "/v2/seller/profile/field-values")
        return _rt.model_list(GetSellerProfileFieldValuesResponseItem, response)

    async def get_seller_rating(
        self, *, from_: str | None = None, to: str | None = None
    ) -> list[GetSellerRatingResponseItem]:
        """``GET /v2/seller-rating``."""
        params = _rt.query({"from": from_, "to": to})
        response = await self._send("GET", "/v2/seller-rating", params=params)
        return _rt.model_list(GetSellerRatingResponseItem, response)

    async def get_seller_settings(self) -> Any:
        """``GET /v2/seller-settings``."""
        response = await self._send("GET", "/v2/seller-settings")
        return _rt.raw_json(response)

    async def get_seller_statistics(self) -> list[GetSellerStatisticsResponseItem]:
        """``GET /v2/seller-statistics``."""
        response = await self._send("GET", "/v2/seller-statistics")
        return _rt.model_list(GetSellerStatisticsResponseItem, response)

    def get_sellers(
        self,
        *,
        ids: Sequence[int] | None = None,
        name: str | None = None,
        only_active: bool | None = None,
        seller_src_id: str | None = None,
        short_codes: Sequence[str] | None = None,
        uuids: Sequence[str] | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetSellerResponse]:
        """``GET /v2/sellers``."""
        params = _rt.query(
            {
                "sellerSrcId": seller_src_id,
                "ids[]": ids,
                "uuids[]": uuids,
                "shortCodes[]": short_codes,
                "name": name,
                "onlyActive": only_active,
            }
        )
        return self._paginate(
            "/v2/sellers",
            params,
            None,
            style="has_next",
            item=GetSellerResponse,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_sellers_by_seller_id(self, *, seller_id: int) -> GetSellerResponse:
        """``GET /v2/sellers/{sellerId}``."""
        _seg_seller_id = _rt.path_param(seller_id, "seller_id")
        response = await self._send("GET", f"/v2/sellers/{_seg_seller_id}")
        return _rt.model(GetSellerResponse, response)

    async def get_sellers_credit_note_settings(self) -> GetSellersCreditNoteSettingsResponse:
        """``GET /v2/sellers/credit-note-settings``."""
        response = await self._send("GET", "/v2/sellers/credit-note-settings")
        return _rt.model(GetSellersCreditNoteSettingsResponse, response)

    async def patch_seller(self, *, body: PatchSellerRequest | Mapping[str, Any] | None = None) -> None:
        """``PATCH /v2/seller``."""
        await self._send("PATCH", "/v2/seller", json=_rt.dump(body))

    async def post_seller_profile_field_upload(
        self, *, field_id: int, fields: Mapping[str, Any] | None = None, files: Mapping[str, Any] | None = None
    ) -> list[GetSellerProfileFieldValuesResponseItem]:
        """``POST /v2/seller/profile/field/{fieldId}/upload``."""
        _seg_field_id = _rt.path_param(field_id, "field_id")
        content, content_headers = _rt.multipart(fields, files)
        headers = content_headers
        response = await self._send(
            "POST", f"/v2/seller/profile/field/{_seg_field_id}/upload", content=content, headers=headers
        )
        return _rt.model_list(GetSellerProfileFieldValuesResponseItem, response)

    async def post_sellers_credit_note_settings_update(
        self, *, body: PostSellersCreditNoteSettingsUpdateRequest | Mapping[str, Any] | None = None
    ) -> GetSellersCreditNoteSettingsResponse:
        """``POST /v2/sellers/credit-note-settings/update``."""
        response = await self._send("POST", "/v2/sellers/credit-note-settings/update", json=_rt.dump(body))
        return _rt.model(GetSellersCreditNoteSettingsResponse, response)

    async def post_sellers_switch(self, *, seller_id: int) -> PostSellersSwitchResponse:
        """``POST /v2/sellers/{sellerId}/switch``."""
        _seg_seller_id = _rt.path_param(seller_id, "seller_id")
        response = await self._send("POST", f"/v2/sellers/{_seg_seller_id}/switch")
        return _rt.model(PostSellersSwitchResponse, response)

    async def put_seller_profile_general(
        self, *, body: Sequence[GetSellerProfileFieldValuesResponseItem | Mapping[str, Any]] | None = None
    ) -> list[GetSellerProfileFieldValuesResponseItem]:
        """``PUT /v2/seller/profile/general``."""
        response = await self._send("PUT", "/v2/seller/profile/general", json=_rt.dump(body))
        return _rt.model_list(GetSellerProfileFieldValuesResponseItem, response)

    async def put_seller_rating_custom_kpi(
        self, *, body: Sequence[PutSellerRatingCustomKpiRequestItem | Mapping[str, Any]] | None = None
    ) -> PutSellerRatingCustomKpiRequestItem:
        """``PUT /v2/seller-rating/custom-kpi``."""
        response = await self._send("PUT", "/v2/seller-rating/custom-kpi", json=_rt.dump(body))
        return _rt.model(PutSellerRatingCustomKpiRequestItem, response)
