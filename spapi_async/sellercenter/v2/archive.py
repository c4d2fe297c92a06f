# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``archive`` resource of the v2 API (tag ``Archive``)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["ArchiveResource"]


class GetArchiveOrdersItemOrderItemArchivesItemInventoryStatusHistoryItem(V2Model):
    created_at: str | None = None
    fk_catalog_product: int | None = None
    fk_sales_order_item: int | None = None
    id_inventory_status_history: int | None = None
    status: str | None = None
    uid: str | None = None


class GetArchiveOrdersItemOrderItemArchivesItemManifestArchivesItemProperties(V2Model):
    created_at: str | None = None
    fk_manifest_status: int | None = None
    fk_manifest_type: int | None = None
    fk_seller: int | None = None
    fk_shipment_provider: str | None = None
    id_manifest: int | None = None
    manifest_code: str | None = None
    tracking_code: str | None = None
    updated_at: str | None = None


class GetArchiveOrdersItemOrderItemArchivesItemManifestArchivesItem(V2Model):
    id_manifest: int | None = Field(default=None, alias="idManifest")
    properties: GetArchiveOrdersItemOrderItemArchivesItemManifestArchivesItemProperties | None = None


class GetArchiveOrdersItemOrderItemArchivesItemOrderItemOosCancellationItem(V2Model):
    created_at: str | None = None
    fk_catalog_product: int | None = None
    fk_sales_order_item: int | None = None
    fk_seller: int | None = None
    shop_sku: str | None = None
    stock_quantity: int | None = None
    stock_updated_at: str | None = None


class GetArchiveOrdersItemOrderItemArchivesItemProperties(V2Model):
    address_billing: str | None = None
    address_shipping: str | None = None
    address_updated_at: str | None = None
    created_at: str | None = None
    currency: str | None = None
    customer_first_name: str | None = None
    customer_last_name: str | None = None
    delivery_info: str | None = None
    extra_attributes: str | None = None
    gift_message: str | None = None
    gift_option: int | None = None
    id_sales_order: int | None = None
    national_registration_number: str | None = None
    order_nr: str | None = None
    payment_method: str | None = None
    payout_pending: int | None = None
    read_at: str | None = None
    remarks: str | None = None
    source: str | None = None
    src_created_at: str | None = None
    src_id: str | None = None
    updated_at: str | None = None
    uuid: str | None = None
    voucher_code: str | None = None
    voucher_type: str | None = None


class GetArchiveOrdersItemOrderItemArchivesItemReturnRequestItemItemReturnRequest(V2Model):
    comment: str | None = None
    created_at: str | None = None
    fk_seller: int | None = None
    fk_user: int | None = None
    id_return_request: int | None = None
    id_supplier_return_oms: int | None = None
    request_type: str | None = None
    return_delivery_type: str | None = None
    shipping_date: str | None = None
    src_created_at: str | None = None
    src_updated_at: str | None = None
    supplier_return_number_oms: str | None = None
    updated_at: str | None = None


class GetArchiveOrdersItemOrderItemArchivesItemReturnRequestItemItem(V2Model):
    created_at: str | None = None
    fk_return_request: int | None = None
    fk_return_request_status: int | None = None
    fk_sales_order_item: int | None = None
    id_return_request_item: int | None = None
    id_supplier_return_item_oms: int | None = None
    return_request: GetArchiveOrdersItemOrderItemArchivesItemReturnRequestItemItemReturnRequest | None = Field(
        default=None, alias="returnRequest"
    )
    src_created_at: str | None = None
    src_updated_at: str | None = None
    updated_at: str | None = None


class GetArchiveOrdersItemOrderItemArchivesItemSalesOrderItemPropertiesItem(V2Model):
    abatement_rate: str | None = None
    cod_collectable_amount: str | None = None
    created_at: str | None = None
    credit_note_number: str | None = None
    excise_rate: str | None = None
    fk_sales_order_item: int | None = None
    fk_sales_order_item_status_detail: str | None = None
    hsn_code: str | None = None
    id_sales_order_item_properties: int | None = None
    is_free_shipping: int | None = None
    is_outlet: int | None = None
    item_serial_number: str | None = None
    promotion_discounts: str | None = None
    sales_due_amount: str | None = None
    updated_at: str | None = None
    volumetric_size: str | None = None
    warehouse_name: str | None = None


class GetArchiveOrdersItemOrderItemArchivesItemSalesOrderItemStatusHistoryItem(V2Model):
    created_at: str | None = None
    fk_sales_order_item: int | None = None
    fk_sales_order_item_status: int | None = None
    id_sales_order_item_status_history: int | None = None
    note: str | None = None
    src_created_at: str | None = None
    user: str | None = None


class GetArchiveOrdersItemOrderItemArchivesItemSalesOrderItemStatusManifestDetailSalesOrderItemItem(V2Model):
    fk_manifest_type: int | None = None
    fk_sales_order_item: int | None = None
    fk_sales_order_item_status_manifest_detail: int | None = None


class GetArchiveOrdersItemOrderItemArchivesItemSalesOrderItemStatusTransitionTimeItem(V2Model):
    created_to_shipped_business_hours: int | None = None
    fk_sales_order_item: int | None = None


class GetArchiveOrdersItemOrderItemArchivesItemTagManagerSalesOrderItemItem(V2Model):
    created_at: str | None = None
    description: str | None = None
    entity: str | None = None
    expiration: str | None = None
    fk_user: int | None = None
    id_tag_manager_tag: int | None = None
    name: str | None = None
    updated_at: str | None = None


class GetArchiveOrdersItemOrderItemArchivesItem(V2Model):
    fk_seller: int | None = Field(default=None, alias="fkSeller")
    id_sales_order_item: int | None = Field(default=None, alias="idSalesOrderItem")
    inventory_status_history: list[GetArchiveOrdersItemOrderItemArchivesItemInventoryStatusHistoryItem] | None = Field(
        default=None, alias="inventoryStatusHistory"
    )
    manifest_archives: list[GetArchiveOrdersItemOrderItemArchivesItemManifestArchivesItem] | None = Field(
        default=None, alias="manifestArchives"
    )
    order_item_oos_cancellation: list[GetArchiveOrdersItemOrderItemArchivesItemOrderItemOosCancellationItem] | None = (
        Field(default=None, alias="orderItemOosCancellation")
    )
    properties: GetArchiveOrdersItemOrderItemArchivesItemProperties | None = None
    return_request_item: list[GetArchiveOrdersItemOrderItemArchivesItemReturnRequestItemItem] | None = Field(
        default=None, alias="returnRequestItem"
    )
    sales_order_item_properties: list[GetArchiveOrdersItemOrderItemArchivesItemSalesOrderItemPropertiesItem] | None = (
        Field(default=None, alias="salesOrderItemProperties")
    )
    sales_order_item_status_history: (
        list[GetArchiveOrdersItemOrderItemArchivesItemSalesOrderItemStatusHistoryItem] | None
    ) = Field(default=None, alias="salesOrderItemStatusHistory")
    sales_order_item_status_manifest_detail_sales_order_item: (
        list[GetArchiveOrdersItemOrderItemArchivesItemSalesOrderItemStatusManifestDetailSalesOrderItemItem] | None
    ) = Field(default=None, alias="salesOrderItemStatusManifestDetailSalesOrderItem")
    sales_order_item_status_transition_time: (
        list[GetArchiveOrdersItemOrderItemArchivesItemSalesOrderItemStatusTransitionTimeItem] | None
    ) = Field(default=None, alias="salesOrderItemStatusTransitionTime")
    src_id: str | None = Field(default=None, alias="srcId")
    tag_manager_sales_order_item: list[GetArchiveOrdersItemOrderItemArchivesItemTagManagerSalesOrderItemItem] | None = (
        Field(default=None, alias="tagManagerSalesOrderItem")
    )


class GetArchiveOrdersItemSalesOrderCommentItem(V2Model):
    comment_type: str | None = None
    content: str | None = None
    created_at: str | None = None
    fk_sales_order: int | None = None
    fk_sales_order_comment: int | None = None
    fk_sales_order_item: int | None = None
    id_sales_order_comment: int | None = None
    is_answered: int | None = None
    is_opened: int | None = None
    sc_user: str | None = None
    source_system: str | None = None
    src_id: str | None = None
    status: str | None = None
    updated_at: str | None = None
    username: str | None = None


class GetArchiveOrdersItemPackageArchivesItemProperties(V2Model):
    created_at: str | None = None
    fk_package_status: int | None = None
    fk_package_type: int | None = None
    fk_seller: int | None = None
    fk_shipment_provider: str | None = None
    id_package: int | None = None
    package_code: str | None = None
    tracking_code: str | None = None
    updated_at: str | None = None


class GetArchiveOrdersItemPackageArchivesItem(V2Model):
    document_token: str | None = Field(default=None, alias="documentToken")
    id_package: int | None = Field(default=None, alias="idPackage")
    package_item: str | None = Field(default=None, alias="packageItem")
    properties: GetArchiveOrdersItemPackageArchivesItemProperties | None = None
    sales_order_document: str | None = Field(default=None, alias="salesOrderDocument")


class GetArchiveOrdersItemSalesOrderInvoiceItem(V2Model):
    created_at: str | None = None
    fk_sales_order: int | None = None
    id_sales_order_invoice: int | None = None
    required: int | None = None
    updated_at: str | None = None


class GetArchiveOrdersItem(V2Model):
    order_item_archives: list[GetArchiveOrdersItemOrderItemArchivesItem] | None = Field(
        default=None, alias="OrderItemArchives"
    )
    sales_order_comment: list[GetArchiveOrdersItemSalesOrderCommentItem] | None = Field(
        default=None, alias="SalesOrderComment"
    )
    created_at: str | None = Field(default=None, alias="createdAt")
    currency: str | None = None
    id_sales_order: int | None = Field(default=None, alias="idSalesOrder")
    order_nr: str | None = Field(default=None, alias="orderNr")
    package_archives: list[GetArchiveOrdersItemPackageArchivesItem] | None = Field(
        default=None, alias="packageArchives"
    )
    properties: dict[str, Any] | None = None
    sales_order_invoice: list[GetArchiveOrdersItemSalesOrderInvoiceItem] | None = Field(
        default=None, alias="salesOrderInvoice"
    )
    src_id: str | None = Field(default=None, alias="srcId")


class ArchiveResource(_rt.Resource):
    __slots__ = ()

    def get_archive_orders(
        self,
        *,
        created_at_from: str | None = None,
        created_at_to: str | None = None,
        currency: str | None = None,
        order_nr: str | None = None,
        src_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetArchiveOrdersItem]:
        """``GET /v2/archive/orders``."""
        params = _rt.query(
            {
                "orderNr": order_nr,
                "createdAtFrom": created_at_from,
                "createdAtTo": created_at_to,
                "currency": currency,
                "srcId": src_id,
            }
        )
        return self._paginate(
            "/v2/archive/orders",
            params,
            None,
            style="data_has_next",
            item=GetArchiveOrdersItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )
