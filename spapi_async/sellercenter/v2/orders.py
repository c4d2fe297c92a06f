# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``orders`` resource of the v2 API (tag ``Orders``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["OrdersResource"]


class GetOrderFinanceResponseTransactionSummaryItem(V2Model):
    amount: float | None = None
    currency: str | None = None
    description: str | None = None
    transaction_type_id: int | None = Field(default=None, alias="transactionTypeId")


class GetOrderFinanceResponse(V2Model):
    currency: str | None = None
    grand_total: float | None = Field(default=None, alias="grandTotal")
    installment_fee: float | None = Field(default=None, alias="installmentFee")
    number_of_installments: int | None = Field(default=None, alias="numberOfInstallments")
    order_id: int | None = Field(default=None, alias="orderId")
    paid_price: float | None = Field(default=None, alias="paidPrice")
    shipping_fee_items: float | None = Field(default=None, alias="shippingFeeItems")
    shipping_fee_sst_sum: float | None = Field(default=None, alias="shippingFeeSstSum")
    shipping_service_cost_items: float | None = Field(default=None, alias="shippingServiceCostItems")
    shipping_voucher_amount: float | None = Field(default=None, alias="shippingVoucherAmount")
    store_credits: float | None = Field(default=None, alias="storeCredits")
    tax_amount: float | None = Field(default=None, alias="taxAmount")
    transaction_summary: list[GetOrderFinanceResponseTransactionSummaryItem] | None = Field(
        default=None, alias="transactionSummary"
    )
    unit_price: float | None = Field(default=None, alias="unitPrice")
    voucher_total: float | None = Field(default=None, alias="voucherTotal")
    wallet_credits: float | None = Field(default=None, alias="walletCredits")


class GetOrderHistoryResponseItem(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    editor: str | None = None
    note: str | None = None
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    shop_sku: str | None = Field(default=None, alias="shopSku")
    status: str | None = None


class GetOrderItemTagsResponseItem(V2Model):
    id: int | None = None
    name: str | None = None


class GetOrderItemTagsAssignedResponseItemTagsItem(V2Model):
    due_at: str | None = Field(default=None, alias="dueAt")
    id: int | None = None
    name: str | None = None


class GetOrderItemTagsAssignedResponseItem(V2Model):
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    tags: list[GetOrderItemTagsAssignedResponseItemTagsItem] | None = None


class GetOrderItemsItemExtraAttributes(V2Model):
    delivery_type: str | None = None
    gst_free: str | None = None
    has_transfer_shipping_flat_fee: bool | None = None
    installment_fee: float | None = None
    price_excluded_tax: float | None = None
    sales_service_tax: float | None = None
    shipping_fee_sst: float | None = None


class GetOrderItemsItemFailureReason(V2Model):
    description: str | None = None
    details: str | None = None
    name: str | None = None
    type: str | None = None


class GetOrderItemsItemProduct(V2Model):
    name: str | None = None
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    sku: str | None = None
    variation: str | None = None


class GetOrderItemsItemPurchase(V2Model):
    delivery_info: str | None = Field(default=None, alias="deliveryInfo")
    order_number: str | None = Field(default=None, alias="orderNumber")
    order_src_id: int | None = Field(default=None, alias="orderSrcId")


class GetOrderItemsItemShipmentPreProvider(V2Model):
    default: bool | None = None
    digital_type: str | None = Field(default=None, alias="digitalType")
    name: str | None = None
    tracking_url: str | None = Field(default=None, alias="trackingUrl")
    uuid: str | None = None


GetOrderItemsItemShipmentProvider = GetOrderItemsItemShipmentPreProvider


class GetOrderItemsItemShipment(V2Model):
    crossdocking_delivery_type: str | None = Field(default=None, alias="crossdockingDeliveryType")
    method: str | None = None
    pre_provider: GetOrderItemsItemShipmentPreProvider | None = Field(default=None, alias="preProvider")
    pre_tracking_code: str | None = Field(default=None, alias="preTrackingCode")
    provider: GetOrderItemsItemShipmentPreProvider | None = None
    provider_preselected: bool | None = Field(default=None, alias="providerPreselected")
    provider_product: str | None = Field(default=None, alias="providerProduct")
    provider_type: str | None = Field(default=None, alias="providerType")
    tracking_code: str | None = Field(default=None, alias="trackingCode")
    type: str | None = None
    weight: float | None = None


class GetOrderItemsItemVouchersItem(V2Model):
    amount: float | None = None
    amount_funded_by_seller: float | None = Field(default=None, alias="amountFundedBySeller")
    cashback_amount_funded_by_seller: str | None = Field(default=None, alias="cashbackAmountFundedBySeller")
    cashback_percentage: int | None = Field(default=None, alias="cashbackPercentage")
    cashback_seller_share: float | None = Field(default=None, alias="cashbackSellerShare")
    code: str | None = None
    voucher_seller_share: float | None = Field(default=None, alias="voucherSellerShare")


class GetOrderItemsItem(V2Model):
    abatement_rate: str | None = Field(default=None, alias="abatementRate")
    actions: list[str] | None = None
    cod_collectable_amount: str | None = Field(default=None, alias="codCollectableAmount")
    created_at: str | None = Field(default=None, alias="createdAt")
    discount_amount: float | None = Field(default=None, alias="discountAmount")
    excise_rate: str | None = Field(default=None, alias="exciseRate")
    extra_attributes: GetOrderItemsItemExtraAttributes | None = Field(default=None, alias="extraAttributes")
    failure_reason: GetOrderItemsItemFailureReason | None = Field(default=None, alias="failureReason")
    hsn_code: str | None = Field(default=None, alias="hsnCode")
    id: int | None = None
    in_transit: bool | None = Field(default=None, alias="inTransit")
    invoice_accesskey: str | None = Field(default=None, alias="invoiceAccesskey")
    invoice_number: str | None = Field(default=None, alias="invoiceNumber")
    is_hybrid: bool | None = Field(default=None, alias="isHybrid")
    is_outlet: bool | None = Field(default=None, alias="isOutlet")
    is_pickup_request_sent: bool | None = Field(default=None, alias="isPickupRequestSent")
    is_processable: bool | None = Field(default=None, alias="isProcessable")
    item_serial_number: str | None = Field(default=None, alias="itemSerialNumber")
    last_status_changed_at: str | None = Field(default=None, alias="lastStatusChangedAt")
    manifest_status: str | None = Field(default=None, alias="manifestStatus")
    order_id: int | None = Field(default=None, alias="orderId")
    paid_commission: float | None = Field(default=None, alias="paidCommission")
    paid_price: float | None = Field(default=None, alias="paidPrice")
    premium: bool | None = None
    price_after_discount: float | None = Field(default=None, alias="priceAfterDiscount")
    product: GetOrderItemsItemProduct | None = None
    purchase: GetOrderItemsItemPurchase | None = None
    sales_due_amount: float | None = Field(default=None, alias="salesDueAmount")
    seller_id: int | None = Field(default=None, alias="sellerId")
    shipment: GetOrderItemsItemShipment | None = None
    shipping_fee: float | None = Field(default=None, alias="shippingFee")
    shipping_service_cost: float | None = Field(default=None, alias="shippingServiceCost")
    shipping_voucher_amount: float | None = Field(default=None, alias="shippingVoucherAmount")
    src_id: str | None = Field(default=None, alias="srcId")
    status: str | None = None
    store_credits: float | None = Field(default=None, alias="storeCredits")
    target_to_ship_at: str | None = Field(default=None, alias="targetToShipAt")
    tax_amount: float | None = Field(default=None, alias="taxAmount")
    tax_percent: float | None = Field(default=None, alias="taxPercent")
    unit_price: float | None = Field(default=None, alias="unitPrice")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    uuid: str | None = None
    vouchers: list[GetOrderItemsItemVouchersItem] | None = None
    wallet_credits: float | None = Field(default=None, alias="walletCredits")
    warehouse_name: str | None = Field(default=None, alias="warehouseName")


class GetOrderItemsPackagesResponseItem(V2Model):
    id: int | None = None
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")
    src_id: str | None = Field(default=None, alias="srcId")


class GetOrderItemsReturnResponse(V2Model):
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    return_comment: str | None = Field(default=None, alias="returnComment")
    shipment_provider: str | None = Field(default=None, alias="shipmentProvider")
    src_id: str | None = Field(default=None, alias="srcId")
    tracking_code: str | None = Field(default=None, alias="trackingCode")


GetOrderItemsReturnsResponseItem = GetOrderItemsReturnResponse


class GetOrdersItemAddressBilling(V2Model):
    address: list[str] | None = None
    city: str | None = None
    country: str | None = None
    email: str | None = None
    first_name: str | None = Field(default=None, alias="firstName")
    last_name: str | None = Field(default=None, alias="lastName")
    phone: list[str] | None = None
    post_code: str | None = Field(default=None, alias="postCode")
    region: str | None = None
    ward: str | None = None


GetOrdersItemAddressShipping = GetOrdersItemAddressBilling


class GetOrdersItemAddress(V2Model):
    billing: GetOrdersItemAddressBilling | None = None
    shipping: GetOrdersItemAddressBilling | None = None


class GetOrdersItemCustomer(V2Model):
    first_name: str | None = Field(default=None, alias="firstName")
    last_name: str | None = Field(default=None, alias="lastName")


class GetOrdersItemGift(V2Model):
    message: Any = None
    option: bool | None = None


GetOrdersItemItemsItemExtraAttributes = GetOrderItemsItemExtraAttributes


GetOrdersItemItemsItemFailureReason = GetOrderItemsItemFailureReason


GetOrdersItemItemsItemProduct = GetOrderItemsItemProduct


GetOrdersItemItemsItemPurchase = GetOrderItemsItemPurchase


GetOrdersItemItemsItemShipmentPreProvider = GetOrderItemsItemShipmentPreProvider


GetOrdersItemItemsItemShipmentProvider = GetOrderItemsItemShipmentPreProvider


GetOrdersItemItemsItemShipment = GetOrderItemsItemShipment


GetOrdersItemItemsItemVouchersItem = GetOrderItemsItemVouchersItem


GetOrdersItemItemsItem = GetOrderItemsItem


class GetOrdersItemVoucher(V2Model):
    code: str | None = None
    type: str | None = None


class GetOrdersItem(V2Model):
    address: GetOrdersItemAddress | None = None
    address_updated_at: str | None = Field(default=None, alias="addressUpdatedAt")
    created_at: str | None = Field(default=None, alias="createdAt")
    currency: str | None = None
    customer: GetOrdersItemCustomer | None = None
    delivery_info: str | None = Field(default=None, alias="deliveryInfo")
    exchange_by_order_id: str | None = Field(default=None, alias="exchangeByOrderId")
    exchange_for_order_id: str | None = Field(default=None, alias="exchangeForOrderId")
    extra_attributes: str | None = Field(default=None, alias="extraAttributes")
    gift: GetOrdersItemGift | None = None
    grand_total: float | None = Field(default=None, alias="grandTotal")
    id: int | None = None
    invoice_required: bool | None = Field(default=None, alias="invoiceRequired")
    item_count: int | None = Field(default=None, alias="itemCount")
    items: list[GetOrderItemsItem] | None = None
    national_registration_number: str | None = Field(default=None, alias="nationalRegistrationNumber")
    number: str | None = None
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")
    packed_items_count: int | None = Field(default=None, alias="packedItemsCount")
    payment_method: str | None = Field(default=None, alias="paymentMethod")
    payout_pending: bool | None = Field(default=None, alias="payoutPending")
    region_id: str | None = Field(default=None, alias="regionId")
    remarks: str | None = None
    seller_id: int | None = Field(default=None, alias="sellerId")
    shipment_provider_pre_selected: bool | None = Field(default=None, alias="shipmentProviderPreSelected")
    shipment_provider_type: str | None = Field(default=None, alias="shipmentProviderType")
    shipping_fee_sst_sum: float | None = Field(default=None, alias="shippingFeeSstSum")
    source: str | None = None
    status_list: dict[str, Any] | None = Field(default=None, alias="statusList")
    target_to_ship: str | None = Field(default=None, alias="targetToShip")
    unit_price_sum_with_fees: float | None = Field(default=None, alias="unitPriceSumWithFees")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    uuid: str | None = None
    voucher: GetOrdersItemVoucher | None = None


GetOrdersByOrderIdResponseAddressBilling = GetOrdersItemAddressBilling


GetOrdersByOrderIdResponseAddressShipping = GetOrdersItemAddressBilling


GetOrdersByOrderIdResponseAddress = GetOrdersItemAddress


GetOrdersByOrderIdResponseCustomer = GetOrdersItemCustomer


GetOrdersByOrderIdResponseGift = GetOrdersItemGift


GetOrdersByOrderIdResponseItemsItemExtraAttributes = GetOrderItemsItemExtraAttributes


GetOrdersByOrderIdResponseItemsItemFailureReason = GetOrderItemsItemFailureReason


GetOrdersByOrderIdResponseItemsItemProduct = GetOrderItemsItemProduct


GetOrdersByOrderIdResponseItemsItemPurchase = GetOrderItemsItemPurchase


GetOrdersByOrderIdResponseItemsItemShipmentPreProvider = GetOrderItemsItemShipmentPreProvider


GetOrdersByOrderIdResponseItemsItemShipmentProvider = GetOrderItemsItemShipmentPreProvider


GetOrdersByOrderIdResponseItemsItemShipment = GetOrderItemsItemShipment


GetOrdersByOrderIdResponseItemsItemVouchersItem = GetOrderItemsItemVouchersItem


GetOrdersByOrderIdResponseItemsItem = GetOrderItemsItem


GetOrdersByOrderIdResponseVoucher = GetOrdersItemVoucher


GetOrdersByOrderIdResponse = GetOrdersItem


class GetOrdersCountersResponsePending(V2Model):
    not_printed_pending_count: int | None = Field(default=None, alias="notPrintedPendingCount")
    pending: int | None = None
    pending_air_count: int | None = Field(default=None, alias="pendingAirCount")
    pending_economy_count: int | None = Field(default=None, alias="pendingEconomyCount")
    pending_express_count: int | None = Field(default=None, alias="pendingExpressCount")
    pending_sameday_count: int | None = Field(default=None, alias="pendingSamedayCount")
    pending_standard_count: int | None = Field(default=None, alias="pendingStandardCount")
    pending_surface_count: int | None = Field(default=None, alias="pendingSurfaceCount")


class GetOrdersCountersResponse(V2Model):
    not_printed_ready_to_ship_count: int | None = Field(default=None, alias="notPrintedReadyToShipCount")
    payment_pending_count: int | None = Field(default=None, alias="paymentPendingCount")
    pending: GetOrdersCountersResponsePending | None = None
    ready_to_ship_count: int | None = Field(default=None, alias="readyToShipCount")
    shipped_count: int | None = Field(default=None, alias="shippedCount")


class GetOrdersExportResponse(V2Model):
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


class GetOrdersFailureReasonsResponseItem(V2Model):
    description: str | None = None
    id: int | None = None
    name: str | None = None
    out_of_stock: bool | None = Field(default=None, alias="outOfStock")
    type: str | None = None


class GetOrdersInvoiceNumberSettingsResponse(V2Model):
    generation_type: str | None = Field(default=None, alias="generationType")
    next_formated_value: str | None = Field(default=None, alias="nextFormatedValue")
    next_number: int | None = Field(default=None, alias="nextNumber")
    prefix: str | None = None


class GetOrdersShipmentProvidersResponseItem(V2Model):
    api_integration_available: bool | None = Field(default=None, alias="apiIntegrationAvailable")
    cash_on_delivery: bool | None = Field(default=None, alias="cashOnDelivery")
    default: bool | None = None
    id: int | None = None
    name: str | None = None
    status: bool | None = None
    url: str | None = None
    uuid: str | None = None


class PostOrderDocumentPackageByPackageIdResponse(V2Model):
    id: int | None = None


class PostOrderItemShippingProviderRequest(V2Model):
    shipping_provider: str | None = Field(default=None, alias="shippingProvider")
    tracking_code: str | None = Field(default=None, alias="trackingCode")


PostOrderItemShippingProviderResponseExtraAttributes = GetOrderItemsItemExtraAttributes


PostOrderItemShippingProviderResponseFailureReason = GetOrderItemsItemFailureReason


PostOrderItemShippingProviderResponseProduct = GetOrderItemsItemProduct


PostOrderItemShippingProviderResponsePurchase = GetOrderItemsItemPurchase


PostOrderItemShippingProviderResponseShipmentPreProvider = GetOrderItemsItemShipmentPreProvider


PostOrderItemShippingProviderResponseShipmentProvider = GetOrderItemsItemShipmentPreProvider


PostOrderItemShippingProviderResponseShipment = GetOrderItemsItemShipment


PostOrderItemShippingProviderResponseVouchersItem = GetOrderItemsItemVouchersItem


PostOrderItemShippingProviderResponse = GetOrderItemsItem


class PostOrderItemTrackingCodeRequest(V2Model):
    tracking_code: str | None = Field(default=None, alias="trackingCode")


class PostOrderPickupRequestsRequest(V2Model):
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")


class PostOrderPickupRequestsResponse(V2Model):
    errors: list[str] | None = None
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")


class PostOrdersExportDocumentRequest(V2Model):
    document_type: str | None = Field(default=None, alias="documentType")
    format: str | None = None
    order_ids: list[int] | None = Field(default=None, alias="orderIds")
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")


PostOrdersExportDocumentResponse = GetOrdersExportResponse


class PostOrdersGenerateInvoiceNumberResponse(V2Model):
    number: str | None = None


class PostOrdersImportResponse(V2Model):
    error_messages: list[str] | None = Field(default=None, alias="errorMessages")
    feed_id: int | None = Field(default=None, alias="feedId")
    feed_uuid: str | None = Field(default=None, alias="feedUuid")
    message: str | None = None
    success: bool | None = None
    warning_messages: list[str] | None = Field(default=None, alias="warningMessages")


class PostOrdersInvoiceNumberSettingsUpdateRequest(V2Model):
    generation_type: str | None = Field(default=None, alias="generationType")
    next_number: int | None = Field(default=None, alias="nextNumber")
    prefix: str | None = None


PostOrdersInvoiceNumberSettingsUpdateResponse = GetOrdersInvoiceNumberSettingsResponse


class PostOrdersReturnsExportRequest(V2Model):
    date_end: str | None = Field(default=None, alias="dateEnd")
    date_start: str | None = Field(default=None, alias="dateStart")
    format: str | None = None
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")
    order_numbers: list[str] | None = Field(default=None, alias="orderNumbers")
    src_ids: list[str] | None = Field(default=None, alias="srcIds")
    status: str | None = None


class PostOrdersReturnsExportResponse(V2Model):
    export_item_id: int | None = Field(default=None, alias="exportItemId")
    uuid: str | None = None


class PostOrdersSetInvoiceAccessKeyRequestOrderItemsItem(V2Model):
    invoice_encoded_xml: str | None = Field(default=None, alias="InvoiceEncodedXml")
    access_key: str | None = Field(default=None, alias="accessKey")
    document_url: str | None = Field(default=None, alias="documentUrl")
    order_item_id: int | None = Field(default=None, alias="orderItemId")


class PostOrdersSetInvoiceAccessKeyRequest(V2Model):
    order_items: list[PostOrdersSetInvoiceAccessKeyRequestOrderItemsItem] | None = Field(
        default=None, alias="orderItems"
    )


PostOrdersSetInvoiceAccessKeyResponse = PostOrderPickupRequestsRequest


class PostOrdersSetInvoiceNumberRequest(V2Model):
    invoice_number: str | None = Field(default=None, alias="invoiceNumber")
    order_item_id: int | None = Field(default=None, alias="orderItemId")


PostOrdersSetInvoiceNumberResponse = PostOrdersSetInvoiceNumberRequest


class PostOrdersStatusesAdminChangeStatusRequestOrderItemsItem(V2Model):
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    reason: str | None = None
    status: str | None = None


class PostOrdersStatusesAdminChangeStatusRequest(V2Model):
    order_items: list[PostOrdersStatusesAdminChangeStatusRequestOrderItemsItem] | None = Field(
        default=None, alias="orderItems"
    )


PostOrdersStatusesAdminChangeStatusResponse = PostOrderPickupRequestsRequest


class PostOrdersStatusesSetToCancelledRequest(V2Model):
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")
    reason: str | None = None
    reason_detail: str | None = Field(default=None, alias="reasonDetail")


PostOrdersStatusesSetToCancelledResponse = PostOrderPickupRequestsRequest


PostOrdersStatusesSetToDeliveredRequest = PostOrderPickupRequestsRequest


PostOrdersStatusesSetToDeliveredResponse = PostOrderPickupRequestsRequest


PostOrdersStatusesSetToDeliveryFailedRequest = PostOrdersStatusesSetToCancelledRequest


PostOrdersStatusesSetToDeliveryFailedResponse = PostOrderPickupRequestsRequest


class PostOrdersStatusesSetToPackedByMarketplaceRequestOrderItemsItem(V2Model):
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    serial_number: str | None = Field(default=None, alias="serialNumber")


class PostOrdersStatusesSetToPackedByMarketplaceRequest(V2Model):
    delivery_type: str | None = Field(default=None, alias="deliveryType")
    order_items: list[PostOrdersStatusesSetToPackedByMarketplaceRequestOrderItemsItem] | None = Field(
        default=None, alias="orderItems"
    )
    shipping_provider: str | None = Field(default=None, alias="shippingProvider")
    tracking_number: str | None = Field(default=None, alias="trackingNumber")


PostOrdersStatusesSetToPackedByMarketplaceResponse = PostOrderPickupRequestsRequest


class PostOrdersStatusesSetToReadyToShipRequestOrderItemsItem(V2Model):
    id: int | None = None
    serial_number: str | None = Field(default=None, alias="serialNumber")


class PostOrdersStatusesSetToReadyToShipRequest(V2Model):
    access_key: str | None = Field(default=None, alias="accessKey")
    delivery_type: str | None = Field(default=None, alias="deliveryType")
    document_url: str | None = Field(default=None, alias="documentUrl")
    invoice_encoded_xml: str | None = Field(default=None, alias="invoiceEncodedXml")
    order_items: list[PostOrdersStatusesSetToReadyToShipRequestOrderItemsItem] | None = Field(
        default=None, alias="orderItems"
    )
    shipping_provider: str | None = Field(default=None, alias="shippingProvider")
    tracking_number: str | None = Field(default=None, alias="trackingNumber")


PostOrdersStatusesSetToReadyToShipResponse = PostOrderPickupRequestsRequest


PostOrdersStatusesSetToReturnApprovedRequest = PostOrderPickupRequestsRequest


PostOrdersStatusesSetToReturnApprovedResponse = PostOrderPickupRequestsRequest


PostOrdersStatusesSetToReturnReceivedRequest = PostOrderPickupRequestsRequest


PostOrdersStatusesSetToReturnReceivedResponse = PostOrderPickupRequestsRequest


PostOrdersStatusesSetToReturnRejectedRequest = PostOrdersStatusesSetToCancelledRequest


PostOrdersStatusesSetToReturnRejectedResponse = PostOrderPickupRequestsRequest


class PostOrdersStatusesSetToReturnedRequest(V2Model):
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")
    reason: str | None = None


PostOrdersStatusesSetToReturnedResponse = PostOrderPickupRequestsRequest


PostOrdersStatusesSetToShippedRequest = PostOrderPickupRequestsRequest


PostOrdersStatusesSetToShippedResponse = PostOrderPickupRequestsRequest


class OrdersResource(_rt.Resource):
    __slots__ = ()

    async def delete_order_document_package_by_package_id(self, *, package_id: int) -> None:
        """``DELETE /v2/order/document/package/{packageId}``."""
        _seg_package_id = _rt.path_param(package_id, "package_id")
        await self._send("DELETE", f"/v2/order/document/package/{_seg_package_id}")

    async def get_order_finance(self, *, order_id: int) -> GetOrderFinanceResponse:
        """``GET /v2/order/{orderId}/finance``."""
        _seg_order_id = _rt.path_param(order_id, "order_id")
        response = await self._send("GET", f"/v2/order/{_seg_order_id}/finance")
        return _rt.model(GetOrderFinanceResponse, response)

    async def get_order_history(
        self, *, order_id: int, order_item_ids: Sequence[int] | None = None
    ) -> list[GetOrderHistoryResponseItem]:
        """``GET /v2/order/{orderId}/history``."""
        _seg_order_id = _rt.path_param(order_id, "order_id")
        params = _rt.query({"orderItemIds[]": order_item_ids})
        response = await self._send("GET", f"/v2/order/{_seg_order_id}/history", params=params)
        return _rt.model_list(GetOrderHistoryResponseItem, response)

    async def get_order_item_tags(self) -> list[GetOrderItemTagsResponseItem]:
        """``GET /v2/order-item-tags``."""
        response = await self._send("GET", "/v2/order-item-tags")
        return _rt.model_list(GetOrderItemTagsResponseItem, response)

    async def get_order_item_tags_assigned(
        self, *, order_item_ids: Sequence[int] | None = None
    ) -> list[GetOrderItemTagsAssignedResponseItem]:
        """``GET /v2/order-item-tags/assigned``."""
        params = _rt.query({"orderItemIds[]": order_item_ids})
        response = await self._send("GET", "/v2/order-item-tags/assigned", params=params)
        return _rt.model_list(GetOrderItemTagsAssignedResponseItem, response)

    def get_order_items(
        self,
        *,
        created_at_end: str | None = None,
        created_at_start: str | None = None,
        include_voucher_details: bool | None = None,
        order_ids: Sequence[int] | None = None,
        order_item_ids: Sequence[int] | None = None,
        order_numbers: Sequence[str] | None = None,
        returned_by: str | None = None,
        shipment_type: str | None = None,
        sort: str | None = None,
        sort_dir: str | None = None,
        src_ids: Sequence[str] | None = None,
        status: Sequence[str] | None = None,
        updated_at_end: str | None = None,
        updated_at_start: str | None = None,
        x_context: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetOrderItemsItem]:
        """``GET /v2/order-items``."""
        params = _rt.query(
            {
                "orderItemIds[]": order_item_ids,
                "orderIds[]": order_ids,
                "orderNumbers[]": order_numbers,
                "createdAtStart": created_at_start,
                "createdAtEnd": created_at_end,
                "updatedAtStart": updated_at_start,
                "updatedAtEnd": updated_at_end,
                "status[]": status,
                "returnedBy": returned_by,
                "srcIds[]": src_ids,
                "sort": sort,
                "sortDir": sort_dir,
                "includeVoucherDetails": include_voucher_details,
                "shipmentType": shipment_type,
            }
        )
        headers = _rt.headers({"X-Context": x_context})
        return self._paginate(
            "/v2/order-items",
            params,
            headers,
            style="total",
            item=GetOrderItemsItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_order_items_packages(
        self, *, order_item_ids: Sequence[int] | None = None
    ) -> list[GetOrderItemsPackagesResponseItem]:
        """``GET /v2/order-items/packages``."""
        params = _rt.query({"orderItemIds[]": order_item_ids})
        response = await self._send("GET", "/v2/order-items/packages", params=params)
        return _rt.model_list(GetOrderItemsPackagesResponseItem, response)

    async def get_order_items_return(self, *, order_item_id: int) -> GetOrderItemsReturnResponse:
        """``GET /v2/order-items/{orderItemId}/return``."""
        _seg_order_item_id = _rt.path_param(order_item_id, "order_item_id")
        response = await self._send("GET", f"/v2/order-items/{_seg_order_item_id}/return")
        return _rt.model(GetOrderItemsReturnResponse, response)

    async def get_order_items_returns(
        self, *, order_item_ids: Sequence[int] | None = None
    ) -> list[GetOrderItemsReturnResponse]:
        """``GET /v2/order-items/returns``."""
        params = _rt.query({"orderItemIds[]": order_item_ids})
        response = await self._send("GET", "/v2/order-items/returns", params=params)
        return _rt.model_list(GetOrderItemsReturnResponse, response)

    def get_orders(
        self,
        *,
        cancelation_reasons: Sequence[str] | None = None,
        customers: Sequence[str] | None = None,
        date_end: str | None = None,
        date_start: str | None = None,
        delivery: str | None = None,
        fulfilment_type: Sequence[str] | None = None,
        include_voucher_details: bool | None = None,
        invoice_required: bool | None = None,
        order_ids: Sequence[int] | None = None,
        order_numbers: Sequence[str] | None = None,
        order_sources: Sequence[str] | None = None,
        outlet: bool | None = None,
        packed: str | None = None,
        payment_methods: Sequence[str] | None = None,
        printed_status: bool | None = None,
        product_sku: Sequence[str] | None = None,
        section: str | None = None,
        seller_names: Sequence[str] | None = None,
        shipment_providers: Sequence[str] | None = None,
        shipment_type: str | None = None,
        sort: str | None = None,
        sort_dir: str | None = None,
        tags: Sequence[str] | None = None,
        update_date_end: str | None = None,
        update_date_start: str | None = None,
        warehouses: Sequence[str] | None = None,
        x_context: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetOrdersItem]:
        """``GET /v2/orders``."""
        params = _rt.query(
            {
                "section": section,
                "dateStart": date_start,
                "dateEnd": date_end,
                "orderNumbers[]": order_numbers,
                "packed": packed,
                "customers[]": customers,
                "printedStatus": printed_status,
                "tags[]": tags,
                "productSku[]": product_sku,
                "delivery": delivery,
                "shipmentType": shipment_type,
                "shipmentProviders[]": shipment_providers,
                "paymentMethods[]": payment_methods,
                "outlet": outlet,
                "invoiceRequired": invoice_required,
                "cancelationReasons[]": cancelation_reasons,
                "fulfilmentType[]": fulfilment_type,
                "orderSources[]": order_sources,
                "sellerNames[]": seller_names,
                "updateDateStart": update_date_start,
                "updateDateEnd": update_date_end,
                "warehouses[]": warehouses,
                "orderIds[]": order_ids,
                "includeVoucherDetails": include_voucher_details,
                "sort": sort,
                "sortDir": sort_dir,
            }
        )
        headers = _rt.headers({"X-Context": x_context})
        return self._paginate(
            "/v2/orders",
            params,
            headers,
            style="has_next",
            item=GetOrdersItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_orders_by_order_id(self, *, order_id: int) -> GetOrdersItem:
        """``GET /v2/orders/{orderId}``."""
        _seg_order_id = _rt.path_param(order_id, "order_id")
        response = await self._send("GET", f"/v2/orders/{_seg_order_id}")
        return _rt.model(GetOrdersItem, response)

    async def get_orders_counters(self) -> GetOrdersCountersResponse:
        """``GET /v2/orders-counters``."""
        response = await self._send("GET", "/v2/orders-counters")
        return _rt.model(GetOrdersCountersResponse, response)

    async def get_orders_export(
        self,
        *,
        cancelation_reasons: Sequence[str] | None = None,
        customers: Sequence[str] | None = None,
        date_end: str | None = None,
        date_start: str | None = None,
        delivery: str | None = None,
        format: str | None = None,
        fulfilment_type: Sequence[str] | None = None,
        invoice_required: bool | None = None,
        order_ids: Sequence[int] | None = None,
        order_numbers: Sequence[str] | None = None,
        order_sources: Sequence[str] | None = None,
        outlet: bool | None = None,
        packed: str | None = None,
        payment_methods: Sequence[str] | None = None,
        printed_status: bool | None = None,
        product_sku: Sequence[str] | None = None,
        section: str | None = None,
        seller_names: Sequence[str] | None = None,
        shipment_providers: Sequence[str] | None = None,
        shipment_type: str | None = None,
        tags: Sequence[str] | None = None,
        update_date_end: str | None = None,
        update_date_start: str | None = None,
        warehouses: Sequence[str] | None = None,
        x_context: str | None = None,
    ) -> GetOrdersExportResponse:
        """``GET /v2/orders/export``."""
        params = _rt.query(
            {
                "section": section,
                "dateStart": date_start,
                "dateEnd": date_end,
                "orderNumbers[]": order_numbers,
                "packed": packed,
                "customers[]": customers,
                "printedStatus": printed_status,
                "tags[]": tags,
                "productSku[]": product_sku,
                "delivery": delivery,
                "shipmentType": shipment_type,
                "shipmentProviders[]": shipment_providers,
                "paymentMethods[]": payment_methods,
                "outlet": outlet,
                "invoiceRequired": invoice_required,
                "cancelationReasons[]": cancelation_reasons,
                "fulfilmentType[]": fulfilment_type,
                "orderSources[]": order_sources,
                "sellerNames[]": seller_names,
                "updateDateStart": update_date_start,
                "updateDateEnd": update_date_end,
                "warehouses[]": warehouses,
                "format": format,
                "orderIds[]": order_ids,
            }
        )
        headers = _rt.headers({"X-Context": x_context})
        response = await self._send("GET", "/v2/orders/export", params=params, headers=headers)
        return _rt.model(GetOrdersExportResponse, response)

    async def get_orders_failure_reasons(self) -> list[GetOrdersFailureReasonsResponseItem]:
        """``GET /v2/orders-failure-reasons``."""
        response = await self._send("GET", "/v2/orders-failure-reasons")
        return _rt.model_list(GetOrdersFailureReasonsResponseItem, response)

    async def get_orders_invoice_number_settings(self) -> GetOrdersInvoiceNumberSettingsResponse:
        """``GET /v2/orders/invoice-number-settings``."""
        response = await self._send("GET", "/v2/orders/invoice-number-settings")
        return _rt.model(GetOrdersInvoiceNumberSettingsResponse, response)

    async def get_orders_shipment_providers(
        self, *, status: bool | None = None
    ) -> list[GetOrdersShipmentProvidersResponseItem]:
        """``GET /v2/orders-shipment-providers``."""
        params = _rt.query({"status": status})
        response = await self._send("GET", "/v2/orders-shipment-providers", params=params)
        return _rt.model_list(GetOrdersShipmentProvidersResponseItem, response)

    async def post_order_document_package_by_package_id(
        self, *, package_id: int, fields: Mapping[str, Any] | None = None, files: Mapping[str, Any] | None = None
    ) -> PostOrderDocumentPackageByPackageIdResponse:
        """``POST /v2/order/document/package/{packageId}``."""
        _seg_package_id = _rt.path_param(package_id, "package_id")
        content, content_headers = _rt.multipart(fields, files)
        headers = content_headers
        response = await self._send(
            "POST", f"/v2/order/document/package/{_seg_package_id}", content=content, headers=headers
        )
        return _rt.model(PostOrderDocumentPackageByPackageIdResponse, response)

    async def post_order_item_shipping_provider(
        self, *, order_item_id: int, body: PostOrderItemShippingProviderRequest | Mapping[str, Any] | None = None
    ) -> GetOrderItemsItem:
        """``POST /v2/order-item/{orderItemId}/shipping-provider``."""
        _seg_order_item_id = _rt.path_param(order_item_id, "order_item_id")
        response = await self._send(
            "POST", f"/v2/order-item/{_seg_order_item_id}/shipping-provider", json=_rt.dump(body)
        )
        return _rt.model(GetOrderItemsItem, response)

    async def post_order_item_tracking_code(
        self, *, order_item_id: int, body: PostOrderItemTrackingCodeRequest | Mapping[str, Any] | None = None
    ) -> None:
        """``POST /v2/order-item/{orderItemId}/tracking-code``."""
        _seg_order_item_id = _rt.path_param(order_item_id, "order_item_id")
        await self._send("POST", f"/v2/order-item/{_seg_order_item_id}/tracking-code", json=_rt.dump(body))

    async def post_order_pickup_requests(
        self, *, body: PostOrderPickupRequestsRequest | Mapping[str, Any] | None = None
    ) -> PostOrderPickupRequestsResponse:
        """``POST /v2/order-pickup-requests``."""
        response = await self._send("POST", "/v2/order-pickup-requests", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsResponse, response)

    async def post_orders_export_document(
        self, *, body: PostOrdersExportDocumentRequest | Mapping[str, Any] | None = None
    ) -> GetOrdersExportResponse:
        """``POST /v2/orders/export-document``."""
        response = await self._send("POST", "/v2/orders/export-document", json=_rt.dump(body))
        return _rt.model(GetOrdersExportResponse, response)

    async def post_orders_generate_invoice_number(self, *, order_id: int) -> PostOrdersGenerateInvoiceNumberResponse:
        """``POST /v2/orders/{orderId}/generate-invoice-number``."""
        _seg_order_id = _rt.path_param(order_id, "order_id")
        response = await self._send("POST", f"/v2/orders/{_seg_order_id}/generate-invoice-number")
        return _rt.model(PostOrdersGenerateInvoiceNumberResponse, response)

    async def post_orders_import(
        self, *, fields: Mapping[str, Any] | None = None, files: Mapping[str, Any] | None = None
    ) -> PostOrdersImportResponse:
        """``POST /v2/orders/import``."""
        content, content_headers = _rt.multipart(fields, files)
        headers = content_headers
        response = await self._send("POST", "/v2/orders/import", content=content, headers=headers)
        return _rt.model(PostOrdersImportResponse, response)

    async def post_orders_invoice_number_settings_update(
        self, *, body: PostOrdersInvoiceNumberSettingsUpdateRequest | Mapping[str, Any] | None = None
    ) -> GetOrdersInvoiceNumberSettingsResponse:
        """``POST /v2/orders/invoice-number-settings/update``."""
        response = await self._send("POST", "/v2/orders/invoice-number-settings/update", json=_rt.dump(body))
        return _rt.model(GetOrdersInvoiceNumberSettingsResponse, response)

    async def post_orders_returns_export(
        self, *, body: PostOrdersReturnsExportRequest | Mapping[str, Any] | None = None
    ) -> PostOrdersReturnsExportResponse:
        """``POST /v2/orders/returns/export``."""
        response = await self._send("POST", "/v2/orders/returns/export", json=_rt.dump(body))
        return _rt.model(PostOrdersReturnsExportResponse, response)

    async def post_orders_set_invoice_access_key(
        self, *, body: PostOrdersSetInvoiceAccessKeyRequest | Mapping[str, Any] | None = None
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/set-invoice-access-key``."""
        response = await self._send("POST", "/v2/orders/set-invoice-access-key", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_set_invoice_number(
        self, *, body: PostOrdersSetInvoiceNumberRequest | Mapping[str, Any] | None = None
    ) -> PostOrdersSetInvoiceNumberRequest:
        """``POST /v2/orders/set-invoice-number``."""
        response = await self._send("POST", "/v2/orders/set-invoice-number", json=_rt.dump(body))
        return _rt.model(PostOrdersSetInvoiceNumberRequest, response)

    async def post_orders_statuses_admin_change_status(
        self, *, body: PostOrdersStatusesAdminChangeStatusRequest | Mapping[str, Any] | None = None
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/admin-change-status``."""
        response = await self._send("POST", "/v2/orders/statuses/admin-change-status", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_statuses_set_to_cancelled(
        self, *, body: PostOrdersStatusesSetToCancelledRequest | Mapping[str, Any]
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/set-to-cancelled``."""
        response = await self._send("POST", "/v2/orders/statuses/set-to-cancelled", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_statuses_set_to_delivered(
        self, *, body: PostOrderPickupRequestsRequest | Mapping[str, Any] | None = None
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/set-to-delivered``."""
        response = await self._send("POST", "/v2/orders/statuses/set-to-delivered", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_statuses_set_to_delivery_failed(
        self, *, body: PostOrdersStatusesSetToCancelledRequest | Mapping[str, Any]
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/set-to-delivery-failed``."""
        response = await self._send("POST", "/v2/orders/statuses/set-to-delivery-failed", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_statuses_set_to_packed_by_marketplace(
        self, *, body: PostOrdersStatusesSetToPackedByMarketplaceRequest | Mapping[str, Any] | None = None
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/set-to-packed-by-marketplace``."""
        response = await self._send("POST", "/v2/orders/statuses/set-to-packed-by-marketplace", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_statuses_set_to_ready_to_ship(
        self, *, body: PostOrdersStatusesSetToReadyToShipRequest | Mapping[str, Any]
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/set-to-ready-to-ship``."""
        response = await self._send("POST", "/v2/orders/statuses/set-to-ready-to-ship", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_statuses_set_to_return_approved(
        self, *, body: PostOrderPickupRequestsRequest | Mapping[str, Any] | None = None
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/set-to-return-approved``."""
        response = await self._send("POST", "/v2/orders/statuses/set-to-return-approved", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_statuses_set_to_return_received(
        self, *, body: PostOrderPickupRequestsRequest | Mapping[str, Any] | None = None
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/set-to-return-received``."""
        response = await self._send("POST", "/v2/orders/statuses/set-to-return-received", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_statuses_set_to_return_rejected(
        self, *, body: PostOrdersStatusesSetToCancelledRequest | Mapping[str, Any]
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/set-to-return-rejected``."""
        response = await self._send("POST", "/v2/orders/statuses/set-to-return-rejected", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_statuses_set_to_returned(
        self, *, body: PostOrdersStatusesSetToReturnedRequest | Mapping[str, Any]
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/set-to-returned``."""
        response = await self._send("POST", "/v2/orders/statuses/set-to-returned", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)

    async def post_orders_statuses_set_to_shipped(
        self, *, body: PostOrderPickupRequestsRequest | Mapping[str, Any] | None = None
    ) -> PostOrderPickupRequestsRequest:
        """``POST /v2/orders/statuses/set-to-shipped``."""
        response = await self._send("POST", "/v2/orders/statuses/set-to-shipped", json=_rt.dump(body))
        return _rt.model(PostOrderPickupRequestsRequest, response)
