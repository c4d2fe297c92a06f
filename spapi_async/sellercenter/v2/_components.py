# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""Models of the v2 description's named schemas."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ..v2_runtime import V2Model

__all__ = [
    "AclResource",
    "AclRole",
    "AclRoleResource",
    "ApiKeyGenerate",
    "Attribute",
    "AttributeOptions",
    "AttributeOptionsItem",
    "AttributeSet",
    "AttributeValidator",
    "Brand",
    "BrandAttribute",
    "BrandAttributeOption",
    "BrandAttributeOptionsItem",
    "BrandAttributes",
    "BrandAttributesOptionsItem",
    "Brands",
    "CalculateContentScore",
    "Category",
    "CategoryAttribute",
    "CategoryAttributeOption",
    "CategoryAttributeOptionsItem",
    "CategoryAttributeValidator",
    "CategoryBasicInfo",
    "CategoryById",
    "CategoryMappings",
    "CategorySettings",
    "CategoryTree",
    "CategoryTreeChildrenItem",
    "CheckStatus",
    "ChildCategory",
    "ConsignmentStock",
    "ContentScore",
    "ContentScoreScoreReport",
    "CreateWebhook",
    "CreditNoteNumber",
    "CurrentFinanceStatement",
    "CurrentFinanceStatementDetails",
    "CurrentFinanceStatementDetailsDetails",
    "CurrentFinanceStatementDetailsDetailsOrder",
    "CurrentFinanceStatementDetailsDetailsOrderFees",
    "CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem",
    "CurrentFinanceStatementDetailsDetailsOrderItemRevenue",
    "CurrentFinanceStatementDetailsDetailsOrderItemRevenueGroupsItem",
    "CurrentFinanceStatementDetailsDetailsOrderOtherRevenue",
    "CurrentFinanceStatementDetailsDetailsOrderOtherRevenueGroupsItem",
    "CurrentFinanceStatementDetailsDetailsOrderSubsidy",
    "CurrentFinanceStatementDetailsDetailsOrderSubsidyGroupsItem",
    "CurrentFinanceStatementDetailsDetailsOthers",
    "CurrentFinanceStatementDetailsDetailsOthersOthers",
    "CurrentFinanceStatementDetailsDetailsOthersOthersGroupsItem",
    "CurrentFinanceStatementDetailsDetailsRefunds",
    "CurrentFinanceStatementDetailsDetailsRefundsDebitOtherRevenues",
    "CurrentFinanceStatementDetailsDetailsRefundsDebitOtherRevenuesGroupsItem",
    "CurrentFinanceStatementDetailsDetailsRefundsItemRefunds",
    "CurrentFinanceStatementDetailsDetailsRefundsItemRefundsGroupsItem",
    "CurrentFinanceStatementDetailsDetailsRefundsRefunds",
    "CurrentFinanceStatementDetailsDetailsRefundsRefundsGroupsItem",
    "CurrentFinanceStatementDetailsDetailsRefundsSubsidyRefunds",
    "CurrentFinanceStatementDetailsDetailsRefundsSubsidyRefundsGroupsItem",
    "CustomKpiWrite",
    "ExportItem",
    "ExportOrderItemTransaction",
    "ExportReportTransaction",
    "ExportSalesReport",
    "ExportUnifiedTransactions",
    "Feed",
    "FeedItemError",
    "FeedItemWarning",
    "FeedRawInput",
    "FinanceOrderItemTransaction",
    "FinanceStatement",
    "FinanceStatementDetails",
    "FinanceStatementDetailsDetails",
    "FinanceStatementDetailsDetailsOrder",
    "FinanceStatementDetailsDetailsOrderFees",
    "FinanceStatementDetailsDetailsOrderFeesGroupsItem",
    "FinanceStatementDetailsDetailsOrderItemRevenue",
    "FinanceStatementDetailsDetailsOrderItemRevenueGroupsItem",
    "FinanceStatementDetailsDetailsOrderOtherRevenue",
    "FinanceStatementDetailsDetailsOrderOtherRevenueGroupsItem",
    "FinanceStatementDetailsDetailsOrderSubsidy",
    "FinanceStatementDetailsDetailsOrderSubsidyGroupsItem",
    "FinanceStatementDetailsDetailsOthers",
    "FinanceStatementDetailsDetailsOthersOthers",
    "FinanceStatementDetailsDetailsOthersOthersGroupsItem",
    "FinanceStatementDetailsDetailsRefunds",
    "FinanceStatementDetailsDetailsRefundsDebitOtherRevenues",
    "FinanceStatementDetailsDetailsRefundsDebitOtherRevenuesGroupsItem",
    "FinanceStatementDetailsDetailsRefundsItemRefunds",
    "FinanceStatementDetailsDetailsRefundsItemRefundsGroupsItem",
    "FinanceStatementDetailsDetailsRefundsRefunds",
    "FinanceStatementDetailsDetailsRefundsRefundsGroupsItem",
    "FinanceStatementDetailsDetailsRefundsSubsidyRefunds",
    "FinanceStatementDetailsDetailsRefundsSubsidyRefundsGroupsItem",
    "FinanceStatementDetailsGroup",
    "FinanceStatementDetailsGroupGroupsItem",
    "FinanceTransaction",
    "FinanceTransactionsV21",
    "FinanceTransactionsV21Amount",
    "FinanceTransactionsV21TransactionType",
    "FinanceTransactionsV21TransactionTypeAccountStatementGroup",
    "FinanceVariable",
    "FormImagePosition",
    "GeneralError",
    "GroupRead",
    "GroupedPriceRead",
    "GroupedPriceReadItemsItem",
    "GroupedPriceReadItemsItemPricesItem",
    "HybridProduct",
    "HybridProductImagesItem",
    "HybridProductPricesItem",
    "Image",
    "ImageDisplayUrl",
    "ImageOverwrite",
    "ImagePosition",
    "ImageWrite",
    "ImportFile",
    "ImportFileAccepted",
    "ImportProductCreationXml",
    "ImportProductCreationXmlError",
    "ImportProductCreationXmlErrorErrorResponse",
    "ImportProductCreationXmlErrorErrorResponseBody",
    "ImportProductCreationXmlErrorErrorResponseBodyErrorDetailItem",
    "ImportProductCreationXmlErrorErrorResponseHead",
    "ImportProductCreationXmlProduct",
    "ImportProductCreationXmlProductProductDataItem",
    "ImportProductCreationXmlSuccess",
    "ImportProductCreationXmlSuccessBody",
    "ImportProductCreationXmlSuccessBodyWarningDetail",
    "ImportProductCreationXmlSuccessHead",
    "ImportProductStockXml",
    "ImportProductStockXmlProduct",
    "ImportProductUpdateXml",
    "ImportProductUpdateXmlProduct",
    "ImportProductUpdateXmlProductProductDataItem",
    "ImportStockXmlSuccess",
    "ImportStockXmlSuccessBody",
    "ImportStockXmlSuccessBodyWarningDetail",
    "ImportStockXmlSuccessHead",
    "ImportStocksXmlError",
    "ImportStocksXmlErrorErrorResponse",
    "ImportStocksXmlErrorErrorResponseBody",
    "ImportStocksXmlErrorErrorResponseBodyErrorDetailItem",
    "ImportStocksXmlErrorErrorResponseHead",
    "InvoiceNumber",
    "InvoiceTaxDocument",
    "Kpi",
    "LastVersionUploaded",
    "LastVersionUploadedProductSetId",
    "Manifest",
    "ManifestDetail",
    "ManifestDetailOrderItemsItem",
    "ManifestDocument",
    "ManifestOrderItem",
    "ManifestOrderItemsItem",
    "MappedAttribute",
    "MappedAttributeChild",
    "MappedAttributeParent",
    "Metrics",
    "OauthApp",
    "Order",
    "OrderAddress",
    "OrderAddress2",
    "OrderAddress2Billing",
    "OrderAddress2Shipping",
    "OrderAddressBilling",
    "OrderAddressItem",
    "OrderAddressShipping",
    "OrderArchive",
    "OrderArchiveOrderItemArchivesItem",
    "OrderArchiveOrderItemArchivesItemInventoryStatusHistoryItem",
    "OrderArchiveOrderItemArchivesItemManifestArchivesItem",
    "OrderArchiveOrderItemArchivesItemManifestArchivesItemProperties",
    "OrderArchiveOrderItemArchivesItemOrderItemOosCancellationItem",
    "OrderArchiveOrderItemArchivesItemProperties",
    "OrderArchiveOrderItemArchivesItemReturnRequestItemItem",
    "OrderArchiveOrderItemArchivesItemReturnRequestItemItemReturnRequest",
    "OrderArchiveOrderItemArchivesItemSalesOrderItemPropertiesItem",
    "OrderArchiveOrderItemArchivesItemSalesOrderItemStatusHistoryItem",
    "OrderArchiveOrderItemArchivesItemSalesOrderItemStatusManifestDetailSalesOrderItemItem",
    "OrderArchiveOrderItemArchivesItemSalesOrderItemStatusTransitionTimeItem",
    "OrderArchiveOrderItemArchivesItemTagManagerSalesOrderItemItem",
    "OrderArchivePackageArchivesItem",
    "OrderArchivePackageArchivesItemProperties",
    "OrderArchiveSalesOrderCommentItem",
    "OrderArchiveSalesOrderInvoiceItem",
    "OrderCustomer",
    "OrderCustomer2",
    "OrderFinance",
    "OrderFinanceTransactionSummaryItem",
    "OrderGift",
    "OrderGift2",
    "OrderHistory",
    "OrderItem",
    "OrderItemDigital",
    "OrderItemExtraAttributes",
    "OrderItemFailureReason",
    "OrderItemFailureReason2",
    "OrderItemIds",
    "OrderItemInputFailureReason",
    "OrderItemInputFailureReasonAndDetails",
    "OrderItemPackage",
    "OrderItemProduct",
    "OrderItemProduct2",
    "OrderItemPurchase",
    "OrderItemPurchase2",
    "OrderItemReturn",
    "OrderItemReturns",
    "OrderItemShipment",
    "OrderItemShipment2",
    "OrderItemShipment2PreProvider",
    "OrderItemShipment2Provider",
    "OrderItemShipmentPreProvider",
    "OrderItemShipmentProvider",
    "OrderItemShipmentProvider2",
    "OrderItemStatus",
    "OrderItemVouchersItem",
    "OrderItemsItem",
    "OrderItemsItemExtraAttributes",
    "OrderItemsItemFailureReason",
    "OrderItemsItemProduct",
    "OrderItemsItemPurchase",
    "OrderItemsItemShipment",
    "OrderItemsItemShipmentPreProvider",
    "OrderItemsItemShipmentProvider",
    "OrderItemsItemVouchersItem",
    "OrderVoucher",
    "OrderVoucher2",
    "OrdersCounters",
    "OrdersCountersPending",
    "OverwriteMultipart",
    "Paginator",
    "PaginatorWithoutTotalCount",
    "PriceInGroup",
    "PriceRead",
    "Product",
    "ProductRead",
    "ProductSetCreated",
    "ProductSetRead",
    "ProductSetSample",
    "ProductSetSampleAttributes",
    "ProductSetWrite",
    "ProductSetsCoverImages",
    "ProductSetsImages",
    "ProductSetsTags",
    "ProductSkusImages",
    "ProductStock",
    "QcRejectReason",
    "Rating",
    "RatingKpisItem",
    "RejectedProductSet",
    "Resources",
    "ResourcesEnabledResourcesListItem",
    "ResourcesResourcesListItem",
    "ReuploadAccepted",
    "Role",
    "RoleAdd",
    "RoleEdit",
    "RoleResourcesItem",
    "SellerContract",
    "SellerContractIds",
    "SellerExternalFile",
    "SellerPayoutTransactionStatement",
    "SellerProfileGeneralRead",
    "SellerProfileGeneralWrite",
    "SellerRead",
    "SellerReadDelistReasonsItem",
    "SellerReadProfileFieldsItem",
    "SetInvoiceAccessKey",
    "SetInvoiceAccessKeyOrderItemsItem",
    "SetInvoiceNumber",
    "Statistics",
    "StatisticsResult",
    "StatisticsResultAccountHealth",
    "StatisticsResultAccountHealthAlltime",
    "StatisticsResultAccountHealthAlltimeCancellationPercentage",
    "StatisticsResultAccountHealthAlltimeReturnPercentage",
    "StatisticsResultAccountHealthAlltimeTwoDaysShippedPercentage",
    "StatisticsResultAccountHealthDay",
    "StatisticsResultAccountHealthDayCancellationPercentage",
    "StatisticsResultAccountHealthDayReturnPercentage",
    "StatisticsResultAccountHealthDayTwoDaysShippedPercentage",
    "StatisticsResultAccountHealthMonth",
    "StatisticsResultAccountHealthMonthCancellationPercentage",
    "StatisticsResultAccountHealthMonthReturnPercentage",
    "StatisticsResultAccountHealthMonthTwoDaysShippedPercentage",
    "StatisticsResultAccountHealthWeek",
    "StatisticsResultAccountHealthWeekCancellationPercentage",
    "StatisticsResultAccountHealthWeekReturnPercentage",
    "StatisticsResultAccountHealthWeekTwoDaysShippedPercentage",
    "StatisticsResultAccountHealthYear",
    "StatisticsResultAccountHealthYearCancellationPercentage",
    "StatisticsResultAccountHealthYearReturnPercentage",
    "StatisticsResultAccountHealthYearTwoDaysShippedPercentage",
    "StatisticsResultOrders",
    "StatisticsResultOrdersItemsPending",
    "StatisticsResultOrdersStatus",
    "StatisticsResultProducts",
    "StatisticsResultProductsStatus",
    "StockRead",
    "StockReadConsignments",
    "StockReadWarehousesItem",
    "Tag",
    "TagSeller",
    "Transaction",
    "TransactionAccountStatementGroup",
    "TransactionAccountStatementGroupOutcome",
    "TransactionStatement",
    "TransactionTriggerEvent",
    "TransactionType",
    "UpdateWebhook",
    "User",
    "UserChangePassword",
    "UserCreate",
    "UserResource",
    "UserSwitchableSellersItem",
    "UserUpdate",
    "VisibilityRule",
    "Warehouse",
    "WarehouseStock",
    "Webhook",
    "WebhookCallback",
    "WebhookEntity",
    "WebhookEntityEvent",
    "WebhookEntityEventsItem",
    "WebhookEventsItem",
]


class AclResource(V2Model):
    description: int | None = None
    id: int | None = None
    label: int | None = None
    maintenance_only: bool | None = Field(default=None, alias="maintenanceOnly")
    name: int | None = None
    tags: list[str] | None = None


class AclRole(V2Model):
    description: str | None = None
    display_name: str | None = Field(default=None, alias="displayName")
    editable_by_roles: list[int] | None = Field(default=None, alias="editableByRoles")
    group_name: str | None = Field(default=None, alias="groupName")
    id: int | None = None
    name: str | None = None


class AclRoleResource(V2Model):
    resource_id: int | None = Field(default=None, alias="resourceId")
    role_id: int | None = Field(default=None, alias="roleId")


class ApiKeyGenerate(V2Model):
    api_key: str | None = Field(default=None, alias="apiKey")


class AttributeOptionsItem(V2Model):
    id: int | None = None
    is_default: bool | None = Field(default=None, alias="isDefault")
    name: str | None = None


class Attribute(V2Model):
    attribute_definition_country: str | None = Field(default=None, alias="attributeDefinitionCountry")
    attribute_definition_type: str | None = Field(default=None, alias="attributeDefinitionType")
    attribute_type: str | None = Field(default=None, alias="attributeType")
    description: str | None = None
    example_value: str | None = Field(default=None, alias="exampleValue")
    feed_name: str | None = Field(default=None, alias="feedName")
    forbid_empty: bool | None = Field(default=None, alias="forbidEmpty")
    group_name: str | None = Field(default=None, alias="groupName")
    id: int | None = None
    input_mode: str | None = Field(default=None, alias="inputMode")
    input_type: str | None = Field(default=None, alias="inputType")
    is_edition_by_seller_blocked: bool | None = Field(default=None, alias="isEditionBySellerBlocked")
    is_global_attribute: bool | None = Field(default=None, alias="isGlobalAttribute")
    is_mandatory: bool | None = Field(default=None, alias="isMandatory")
    is_used_in_consignment_formulas: bool | None = Field(default=None, alias="isUsedInConsignmentFormulas")
    is_visible_for_hybrid: bool | None = Field(default=None, alias="isVisibleForHybrid")
    label: str | None = None
    max_length: int | None = Field(default=None, alias="maxLength")
    name: str | None = None
    options: list[AttributeOptionsItem] | None = None
    product_type: str | None = Field(default=None, alias="productType")


class AttributeOptions(V2Model):
    id: int | None = None
    is_default: bool | None = Field(default=None, alias="isDefault")
    name: str | None = None


class AttributeSet(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    id: float | None = None
    label: str | None = None
    name: str | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")


class AttributeValidator(V2Model):
    checked_in_blacklist: bool | None = Field(default=None, alias="checkedInBlacklist")
    decimal_places: int | None = Field(default=None, alias="decimalPlaces")
    max_length: int | None = Field(default=None, alias="maxLength")
    not_empty: bool | None = Field(default=None, alias="notEmpty")
    signed: bool | None = None
    type: str | None = None


class Brand(V2Model):
    countries: str | None = None
    created_at: str | None = Field(default=None, alias="createdAt")
    id: int | None = None
    is_active: bool | None = Field(default=None, alias="isActive")
    is_approved: bool | None = Field(default=None, alias="isApproved")
    is_restricted: bool | None = Field(default=None, alias="isRestricted")
    name: str | None = None
    src_id: str | None = Field(default=None, alias="srcId")
    status: str | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")
    uuid: str | None = None


class BrandAttributeOptionsItem(V2Model):
    id: int | None = None
    name: str | None = None


class BrandAttribute(V2Model):
    id: int | None = None
    name: str | None = None
    options: list[BrandAttributeOptionsItem] | None = None


class BrandAttributeOption(V2Model):
    id: int | None = None
    name: str | None = None


BrandAttributesOptionsItem = BrandAttributeOptionsItem


class BrandAttributes(V2Model):
    id: int | None = None
    name: str | None = None
    options: list[BrandAttributeOptionsItem] | None = None


class Brands(V2Model):
    countries: str | None = None
    created_at: str | None = Field(default=None, alias="createdAt")
    id: int | None = None
    is_active: bool | None = Field(default=None, alias="isActive")
    is_approved: bool | None = Field(default=None, alias="isApproved")
    is_restricted: bool | None = Field(default=None, alias="isRestricted")
    name: str | None = None
    src_id: str | None = Field(default=None, alias="srcId")
    status: str | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")
    uuid: str | None = None


class CalculateContentScore(V2Model):
    attribute_set_id: str | None = Field(default=None, alias="attributeSetId")
    attributes: dict[str, Any] | None = None
    category_id: int | None = Field(default=None, alias="categoryId")
    description: str | None = None
    name: str | None = None
    product_set_id: int | None = Field(default=None, alias="productSetId")
    short_description: str | None = Field(default=None, alias="shortDescription")
    variations: dict[str, Any] | None = None


class Category(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    children_ids: list[int] | None = Field(default=None, alias="childrenIds")
    fulfillment_visible: bool | None = Field(default=None, alias="fulfillmentVisible")
    id: int | None = None
    name: str | None = None
    parent_id: int | None = Field(default=None, alias="parentId")
    path: list[str] | None = None
    path_ids: list[int] | None = Field(default=None, alias="pathIds")
    qc_disabled: bool | None = Field(default=None, alias="qcDisabled")
    serial_number_required: bool | None = Field(default=None, alias="serialNumberRequired")
    status: str | None = None
    uuid: str | None = None
    visible: bool | None = None


CategoryAttributeOptionsItem = AttributeOptionsItem


class CategoryAttribute(V2Model):
    attribute_definition_country: str | None = Field(default=None, alias="attributeDefinitionCountry")
    attribute_definition_type: str | None = Field(default=None, alias="attributeDefinitionType")
    attribute_type: str | None = Field(default=None, alias="attributeType")
    description: str | None = None
    example_value: str | None = Field(default=None, alias="exampleValue")
    feed_name: str | None = Field(default=None, alias="feedName")
    forbid_empty: bool | None = Field(default=None, alias="forbidEmpty")
    group_name: str | None = Field(default=None, alias="groupName")
    id: int | None = None
    input_mode: str | None = Field(default=None, alias="inputMode")
    input_type: str | None = Field(default=None, alias="inputType")
    is_edition_by_seller_blocked: bool | None = Field(default=None, alias="isEditionBySellerBlocked")
    is_global_attribute: bool | None = Field(default=None, alias="isGlobalAttribute")
    is_mandatory: bool | None = Field(default=None, alias="isMandatory")
    is_used_in_consignment_formulas: bool | None = Field(default=None, alias="isUsedInConsignmentFormulas")
    is_visible_for_hybrid: bool | None = Field(default=None, alias="isVisibleForHybrid")
    label: str | None = None
    max_length: int | None = Field(default=None, alias="maxLength")
    name: str | None = None
    options: list[AttributeOptionsItem] | None = None
    product_type: str | None = Field(default=None, alias="productType")


class CategoryAttributeOption(V2Model):
    id: int | None = None
    is_default: bool | None = Field(default=None, alias="isDefault")
    name: str | None = None


class CategoryAttributeValidator(V2Model):
    checked_in_blacklist: bool | None = Field(default=None, alias="checkedInBlacklist")
    decimal_places: int | None = Field(default=None, alias="decimalPlaces")
    max_length: int | None = Field(default=None, alias="maxLength")
    not_empty: bool | None = Field(default=None, alias="notEmpty")
    signed: bool | None = None
    type: str | None = None


class CategoryBasicInfo(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    id: int | None = None
    name: str | None = None
    parent_id: int | None = Field(default=None, alias="parentId")
    path: list[str] | None = None
    path_ids: list[int] | None = Field(default=None, alias="pathIds")
    uuid: str | None = None


class CategoryById(V2Model):
    id: int | None = None
    name: str | None = None
    parent_id: int | None = Field(default=None, alias="parentId")
    path: list[str] | None = None
    src_id: str | None = Field(default=None, alias="srcId")
    status: str | None = None
    uuid: str | None = None
    visible: bool | None = None


class CategoryMappings(V2Model):
    pass


class CategorySettings(V2Model):
    pass


class CategoryTreeChildrenItem(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    children: list[Any] | None = None
    id: int | None = None
    name: str | None = None
    parent_id: int | None = Field(default=None, alias="parentId")
    path: list[str] | None = None
    path_ids: list[int] | None = Field(default=None, alias="pathIds")
    uuid: str | None = None


class CategoryTree(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    children: list[CategoryTreeChildrenItem] | None = None
    id: int | None = None
    name: str | None = None
    parent_id: int | None = Field(default=None, alias="parentId")
    path: list[str] | None = None
    path_ids: list[int] | None = Field(default=None, alias="pathIds")
    uuid: str | None = None


class CheckStatus(V2Model):
    process_status: str | None = Field(default=None, alias="processStatus")


class ChildCategory(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    has_children: bool | None = Field(default=None, alias="hasChildren")
    id: int | None = None
    name: str | None = None
    parent_id: int | None = Field(default=None, alias="parentId")
    path: list[str] | None = None
    path_ids: list[int] | None = Field(default=None, alias="pathIds")
    src_id: str | None = Field(default=None, alias="srcId")
    status: str | None = None
    uuid: str | None = None
    visible: bool | None = None


class ConsignmentStock(V2Model):
    canceled: int | None = None
    defective: int | None = None
    failed: int | None = None
    id: int | None = None
    product_id: int | None = Field(default=None, alias="productId")
    quarantined: int | None = None
    received: int | None = None
    returned: int | None = None


class ContentScoreScoreReport(V2Model):
    is_successful: bool | None = Field(default=None, alias="isSuccessful")
    max_points: float | None = Field(default=None, alias="maxPoints")
    metric: str | None = None
    points: float | None = None
    product_value: str | None = Field(default=None, alias="productValue")
    recommendation: str | None = None
    rule_group: str | None = Field(default=None, alias="ruleGroup")
    rule_parameters: dict[str, Any] | None = Field(default=None, alias="ruleParameters")


class ContentScore(V2Model):
    score: float | None = None
    score_report: ContentScoreScoreReport | None = None
    status: str | None = None


class CreateWebhook(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    webhook_id: str | None = Field(default=None, alias="webhookId")


class CreditNoteNumber(V2Model):
    generation_type: str | None = Field(default=None, alias="generationType")
    next_formated_value: str | None = Field(default=None, alias="nextFormatedValue")
    next_number: int | None = Field(default=None, alias="nextNumber")
    prefix: str | None = None


class CurrentFinanceStatement(V2Model):
    closing_balance: float | None = Field(default=None, alias="closingBalance")
    country: str | None = None
    currency: str | None = None
    due_date: str | None = Field(default=None, alias="dueDate")
    end_date: str | None = Field(default=None, alias="endDate")
    guarantee_deposit: float | None = Field(default=None, alias="guaranteeDeposit")
    note: str | None = None
    number: str | None = None
    opening_balance: float | None = Field(default=None, alias="openingBalance")
    paid: bool | None = None
    paid_at: str | None = Field(default=None, alias="paidAt")
    payment_ref: str | None = Field(default=None, alias="paymentRef")
    payout_amount: float | None = Field(default=None, alias="payoutAmount")
    seller_id: int | None = Field(default=None, alias="sellerId")
    start_date: str | None = Field(default=None, alias="startDate")
    type: str | None = None
    upload_id: str | None = Field(default=None, alias="uploadId")


class CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem(V2Model):
    amount: float | None = None
    id: int | None = None
    name: str | None = None


class CurrentFinanceStatementDetailsDetailsOrderFees(V2Model):
    groups: list[CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem] | None = None
    total: float | None = None


CurrentFinanceStatementDetailsDetailsOrderItemRevenueGroupsItem = (
    CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem
)


CurrentFinanceStatementDetailsDetailsOrderItemRevenue = CurrentFinanceStatementDetailsDetailsOrderFees


CurrentFinanceStatementDetailsDetailsOrderOtherRevenueGroupsItem = (
    CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem
)


CurrentFinanceStatementDetailsDetailsOrderOtherRevenue = CurrentFinanceStatementDetailsDetailsOrderFees


CurrentFinanceStatementDetailsDetailsOrderSubsidyGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


CurrentFinanceStatementDetailsDetailsOrderSubsidy = CurrentFinanceStatementDetailsDetailsOrderFees


class CurrentFinanceStatementDetailsDetailsOrder(V2Model):
    fees: CurrentFinanceStatementDetailsDetailsOrderFees | None = None
    item_revenue: CurrentFinanceStatementDetailsDetailsOrderFees | None = Field(default=None, alias="itemRevenue")
    other_revenue: CurrentFinanceStatementDetailsDetailsOrderFees | None = Field(default=None, alias="otherRevenue")
    subsidy: CurrentFinanceStatementDetailsDetailsOrderFees | None = None
    subtotal: float | None = None
    vat_amount: float | None = Field(default=None, alias="vatAmount")
    wht_amount: float | None = Field(default=None, alias="whtAmount")


CurrentFinanceStatementDetailsDetailsOthersOthersGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


CurrentFinanceStatementDetailsDetailsOthersOthers = CurrentFinanceStatementDetailsDetailsOrderFees


class CurrentFinanceStatementDetailsDetailsOthers(V2Model):
    others: CurrentFinanceStatementDetailsDetailsOrderFees | None = None
    vat_amount: float | None = Field(default=None, alias="vatAmount")
    wht_amount: float | None = Field(default=None, alias="whtAmount")


CurrentFinanceStatementDetailsDetailsRefundsDebitOtherRevenuesGroupsItem = (
    CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem
)


CurrentFinanceStatementDetailsDetailsRefundsDebitOtherRevenues = CurrentFinanceStatementDetailsDetailsOrderFees


CurrentFinanceStatementDetailsDetailsRefundsItemRefundsGroupsItem = (
    CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem
)


CurrentFinanceStatementDetailsDetailsRefundsItemRefunds = CurrentFinanceStatementDetailsDetailsOrderFees


CurrentFinanceStatementDetailsDetailsRefundsRefundsGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


CurrentFinanceStatementDetailsDetailsRefundsRefunds = CurrentFinanceStatementDetailsDetailsOrderFees


CurrentFinanceStatementDetailsDetailsRefundsSubsidyRefundsGroupsItem = (
    CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem
)


CurrentFinanceStatementDetailsDetailsRefundsSubsidyRefunds = CurrentFinanceStatementDetailsDetailsOrderFees


class CurrentFinanceStatementDetailsDetailsRefunds(V2Model):
    debit_other_revenues: CurrentFinanceStatementDetailsDetailsOrderFees | None = Field(
        default=None, alias="debitOtherRevenues"
    )
    item_refunds: CurrentFinanceStatementDetailsDetailsOrderFees | None = Field(default=None, alias="itemRefunds")
    refunds: CurrentFinanceStatementDetailsDetailsOrderFees | None = None
    subsidy_refunds: CurrentFinanceStatementDetailsDetailsOrderFees | None = Field(default=None, alias="subsidyRefunds")
    subtotal: float | None = None
    vat_amount: float | None = Field(default=None, alias="vatAmount")
    wht_amount: float | None = Field(default=None, alias="whtAmount")


class CurrentFinanceStatementDetailsDetails(V2Model):
    order: CurrentFinanceStatementDetailsDetailsOrder | None = None
    others: CurrentFinanceStatementDetailsDetailsOthers | None = None
    refunds: CurrentFinanceStatementDetailsDetailsRefunds | None = None


class CurrentFinanceStatementDetails(V2Model):
    currency: str | None = None
    details: CurrentFinanceStatementDetailsDetails | None = None
    id: int | None = None
    type: str | None = None


class CustomKpiWrite(V2Model):
    external_kpi_name: str | None = Field(default=None, alias="externalKpiName")
    seller_short_code: str | None = Field(default=None, alias="sellerShortCode")
    value: float | None = None


class ExportItem(V2Model):
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


class ExportOrderItemTransaction(V2Model):
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


class ExportReportTransaction(V2Model):
    currency: str | None = None
    label: str | None = None
    locale: str | None = None
    statement_id: float | None = Field(default=None, alias="statementId")
    statement_type: str | None = Field(default=None, alias="statementType")
    transaction_type_ids: list[int] | None = Field(default=None, alias="transactionTypeIds")


class ExportSalesReport(V2Model):
    currency: str | None = None
    locale: str | None = None
    statement_id: float | None = Field(default=None, alias="statementId")
    statement_type: str | None = Field(default=None, alias="statementType")


class ExportUnifiedTransactions(V2Model):
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


class Feed(V2Model):
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


class FeedItemError(V2Model):
    error_code: int | None = Field(default=None, alias="errorCode")
    error_message: str | None = Field(default=None, alias="errorMessage")
    field_name: str | None = Field(default=None, alias="fieldName")
    item_id: str | None = Field(default=None, alias="itemId")
    seller_sku: str | None = Field(default=None, alias="sellerSku")


class FeedItemWarning(V2Model):
    field_name: str | None = Field(default=None, alias="fieldName")
    item_id: str | None = Field(default=None, alias="itemId")
    message: str | None = None
    seller_sku: str | None = Field(default=None, alias="sellerSku")


class FeedRawInput(V2Model):
    feed_uuid: str | None = Field(default=None, alias="FeedUuid")
    file: str | None = Field(default=None, alias="File")
    mime_type: str | None = Field(default=None, alias="MimeType")


class FinanceOrderItemTransaction(V2Model):
    account_statement_payment_due_date: str | None = Field(default=None, alias="accountStatementPaymentDueDate")
    commission: float | None = None
    country: str | None = None
    currency: str | None = None
    fees: float | None = None
    order_id: int | None = Field(default=None, alias="orderId")
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    payout_amount: float | None = Field(default=None, alias="payoutAmount")
    payout_status: str | None = Field(default=None, alias="payoutStatus")
    statement_id: int | None = Field(default=None, alias="statementId")
    statement_type: str | None = Field(default=None, alias="statementType")
    vat_amount: float | None = Field(default=None, alias="vatAmount")
    wht_amount: float | None = Field(default=None, alias="whtAmount")


class FinanceStatement(V2Model):
    closing_balance: float | None = Field(default=None, alias="closingBalance")
    country: str | None = None
    currency: str | None = None
    due_date: str | None = Field(default=None, alias="dueDate")
    end_date: str | None = Field(default=None, alias="endDate")
    guarantee_deposit: float | None = Field(default=None, alias="guaranteeDeposit")
    id: int | None = None
    note: str | None = None
    number: str | None = None
    opening_balance: float | None = Field(default=None, alias="openingBalance")
    paid: bool | None = None
    paid_at: str | None = Field(default=None, alias="paidAt")
    payout_amount: float | None = Field(default=None, alias="payoutAmount")
    seller_id: int | None = Field(default=None, alias="sellerId")
    start_date: str | None = Field(default=None, alias="startDate")
    type: str | None = None


FinanceStatementDetailsDetailsOrderFeesGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


FinanceStatementDetailsDetailsOrderFees = CurrentFinanceStatementDetailsDetailsOrderFees


FinanceStatementDetailsDetailsOrderItemRevenueGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


FinanceStatementDetailsDetailsOrderItemRevenue = CurrentFinanceStatementDetailsDetailsOrderFees


FinanceStatementDetailsDetailsOrderOtherRevenueGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


FinanceStatementDetailsDetailsOrderOtherRevenue = CurrentFinanceStatementDetailsDetailsOrderFees


FinanceStatementDetailsDetailsOrderSubsidyGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


FinanceStatementDetailsDetailsOrderSubsidy = CurrentFinanceStatementDetailsDetailsOrderFees


FinanceStatementDetailsDetailsOrder = CurrentFinanceStatementDetailsDetailsOrder


FinanceStatementDetailsDetailsOthersOthersGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


FinanceStatementDetailsDetailsOthersOthers = CurrentFinanceStatementDetailsDetailsOrderFees


FinanceStatementDetailsDetailsOthers = CurrentFinanceStatementDetailsDetailsOthers


FinanceStatementDetailsDetailsRefundsDebitOtherRevenuesGroupsItem = (
    CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem
)


FinanceStatementDetailsDetailsRefundsDebitOtherRevenues = CurrentFinanceStatementDetailsDetailsOrderFees


FinanceStatementDetailsDetailsRefundsItemRefundsGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


FinanceStatementDetailsDetailsRefundsItemRefunds = CurrentFinanceStatementDetailsDetailsOrderFees


FinanceStatementDetailsDetailsRefundsRefundsGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


FinanceStatementDetailsDetailsRefundsRefunds = CurrentFinanceStatementDetailsDetailsOrderFees


FinanceStatementDetailsDetailsRefundsSubsidyRefundsGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


FinanceStatementDetailsDetailsRefundsSubsidyRefunds = CurrentFinanceStatementDetailsDetailsOrderFees


FinanceStatementDetailsDetailsRefunds = CurrentFinanceStatementDetailsDetailsRefunds


FinanceStatementDetailsDetails = CurrentFinanceStatementDetailsDetails


class FinanceStatementDetails(V2Model):
    country: str | None = None
    currency: str | None = None
    details: CurrentFinanceStatementDetailsDetails | None = None
    id: int | None = None


FinanceStatementDetailsGroupGroupsItem = CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem


class FinanceStatementDetailsGroup(V2Model):
    groups: list[CurrentFinanceStatementDetailsDetailsOrderFeesGroupsItem] | None = None
    total: float | None = None


class FinanceTransaction(V2Model):
    amount: float | None = None
    comment: str | None = None
    country: str | None = None
    currency: str | None = None
    date: str | None = None
    group_name: str | None = Field(default=None, alias="groupName")
    id: int | None = None
    number: str | None = None
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    order_number: str | None = Field(default=None, alias="orderNumber")
    source: str | None = None
    statement_id: int | None = Field(default=None, alias="statementId")
    statement_type: str | None = Field(default=None, alias="statementType")
    tre_statement_group_id: int | None = Field(default=None, alias="treStatementGroupId")
    type_id: int | None = Field(default=None, alias="typeId")
    type_name: str | None = Field(default=None, alias="typeName")
    vat_amount: float | None = Field(default=None, alias="vatAmount")
    wht_amount: float | None = Field(default=None, alias="whtAmount")


class FinanceTransactionsV21Amount(V2Model):
    currency: str | None = None
    value: float | None = None
    vat_tax: float | None = Field(default=None, alias="vatTax")
    wht_tax: float | None = Field(default=None, alias="whtTax")


FinanceTransactionsV21TransactionTypeAccountStatementGroup = BrandAttributeOptionsItem


class FinanceTransactionsV21TransactionType(V2Model):
    account_statement_group: BrandAttributeOptionsItem | None = Field(default=None, alias="accountStatementGroup")
    id: int | None = None
    name: str | None = None


class FinanceTransactionsV21(V2Model):
    account_statement_end_date: str | None = Field(default=None, alias="accountStatementEndDate")
    account_statement_id: int | None = Field(default=None, alias="accountStatementId")
    account_statement_is_paid: bool | None = Field(default=None, alias="accountStatementIsPaid")
    account_statement_number: str | None = Field(default=None, alias="accountStatementNumber")
    account_statement_payment_due_date: str | None = Field(default=None, alias="accountStatementPaymentDueDate")
    account_statement_start_date: str | None = Field(default=None, alias="accountStatementStartDate")
    amount: FinanceTransactionsV21Amount | None = None
    comment: str | None = None
    country: str | None = None
    created_at: str | None = Field(default=None, alias="createdAt")
    hash: str | None = None
    is_wht_in_amount: bool | None = Field(default=None, alias="isWhtInAmount")
    order_number: str | None = Field(default=None, alias="orderNumber")
    product_sku: str | None = Field(default=None, alias="productSku")
    qc_user_id: int | None = Field(default=None, alias="qcUserId")
    statement_type: str | None = Field(default=None, alias="statementType")
    transaction_number: str | None = Field(default=None, alias="transactionNumber")
    transaction_reference: int | None = Field(default=None, alias="transactionReference")
    transaction_type: FinanceTransactionsV21TransactionType | None = Field(default=None, alias="transactionType")
    user_id: int | None = Field(default=None, alias="userId")


class FinanceVariable(V2Model):
    description: str | None = None
    global_value: bool | None = Field(default=None, alias="globalValue")
    name: str | None = None
    seller_description: str | None = Field(default=None, alias="sellerDescription")
    seller_id: int | None = Field(default=None, alias="sellerId")
    seller_src_id: str | None = Field(default=None, alias="sellerSrcId")
    type: str | None = None
    value: float | None = None


class FormImagePosition(V2Model):
    position: int | None = None


class GeneralError(V2Model):
    detail: str | None = None
    status: int | None = None
    title: str | None = None
    type: str | None = None


class GroupRead(V2Model):
    name: str | None = None


class GroupedPriceReadItemsItemPricesItem(V2Model):
    country: str | None = None
    price: float | None = None
    sale_end_date: str | None = Field(default=None, alias="saleEndDate")
    sale_price: float | None = Field(default=None, alias="salePrice")
    sale_start_date: str | None = Field(default=None, alias="saleStartDate")
    status: str | None = None


class GroupedPriceReadItemsItem(V2Model):
    prices: list[GroupedPriceReadItemsItemPricesItem] | None = None
    product_id: int | None = Field(default=None, alias="productId")


class GroupedPriceRead(V2Model):
    items: list[GroupedPriceReadItemsItem] | None = None
    product_set_id: int | None = Field(default=None, alias="productSetId")


class HybridProductImagesItem(V2Model):
    display_url: str | None = Field(default=None, alias="displayUrl")
    image_id: int | None = Field(default=None, alias="imageId")
    position: str | None = None


class HybridProductPricesItem(V2Model):
    country: str | None = None
    currency: str | None = None
    price: float | None = None


class HybridProduct(V2Model):
    brand_name: str | None = Field(default=None, alias="brandName")
    description: str | None = None
    images: list[HybridProductImagesItem] | None = None
    name: str | None = None
    prices: list[HybridProductPricesItem] | None = None
    product_url: str | None = Field(default=None, alias="productUrl")
    sin: str | None = None
    sku: str | None = None


class Image(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    display_url: str | None = Field(default=None, alias="displayUrl")
    id: int | None = None
    position: int | None = None
    product_set_id: int | None = Field(default=None, alias="productSetId")
    src_id: str | None = Field(default=None, alias="srcId")
    updated_at: str | None = Field(default=None, alias="updatedAt")


class ImageDisplayUrl(V2Model):
    pass


class ImageOverwrite(V2Model):
    pass


class ImagePosition(V2Model):
    pass


class ImageWrite(V2Model):
    display_url: str | None = Field(default=None, alias="displayUrl")
    overwrite: bool | None = None
    position: int | None = None


class ImportFile(V2Model):
    file1: str | None = None


class ImportFileAccepted(V2Model):
    error_messages: list[str] | None = Field(default=None, alias="errorMessages")
    feed_id: int | None = Field(default=None, alias="feedId")
    feed_uuid: str | None = Field(default=None, alias="feedUuid")
    message: str | None = None
    success: bool | None = None
    warning_messages: list[str] | None = Field(default=None, alias="warningMessages")


class ImportProductCreationXmlProductProductDataItem(V2Model):
    megapixels: int | None = Field(default=None, alias="Megapixels")
    network: str | None = Field(default=None, alias="Network")
    number_cpus: int | None = Field(default=None, alias="NumberCpus")
    optical_zoom: int | None = Field(default=None, alias="OpticalZoom")
    system_memory: int | None = Field(default=None, alias="SystemMemory")


class ImportProductCreationXmlProduct(V2Model):
    brand: str | None = Field(default=None, alias="Brand")
    browse_nodes: str | None = Field(default=None, alias="BrowseNodes")
    categories: str | None = Field(default=None, alias="Categories")
    description: str | None = Field(default=None, alias="Description")
    name: str | None = Field(default=None, alias="Name")
    parent_sku: str | None = Field(default=None, alias="ParentSku")
    price: float | None = Field(default=None, alias="Price")
    primary_category: int | None = Field(default=None, alias="PrimaryCategory")
    product_data: list[ImportProductCreationXmlProductProductDataItem] | None = Field(default=None, alias="ProductData")
    product_id: str | None = Field(default=None, alias="ProductId")
    quantity: int | None = Field(default=None, alias="Quantity")
    sale_end_date: str | None = Field(default=None, alias="SaleEndDate")
    sale_price: float | None = Field(default=None, alias="SalePrice")
    sale_start_date: str | None = Field(default=None, alias="SaleStartDate")
    seller_sku: str | None = Field(default=None, alias="SellerSku")
    shipment_type: str | None = Field(default=None, alias="ShipmentType")
    status: str | None = Field(default=None, alias="Status")
    tax_class: str | None = Field(default=None, alias="TaxClass")
    variation: str | None = Field(default=None, alias="Variation")


class ImportProductCreationXml(V2Model):
    product: ImportProductCreationXmlProduct | None = Field(default=None, alias="Product")


class ImportProductCreationXmlErrorErrorResponseBodyErrorDetailItem(V2Model):
    field: str | None = Field(default=None, alias="Field")
    message: str | None = Field(default=None, alias="Message")
    seller_sku: str | None = Field(default=None, alias="SellerSku")
    value: str | None = Field(default=None, alias="Value")


class ImportProductCreationXmlErrorErrorResponseBody(V2Model):
    error_detail: list[ImportProductCreationXmlErrorErrorResponseBodyErrorDetailItem] | None = Field(
        default=None, alias="ErrorDetail"
    )


class ImportProductCreationXmlErrorErrorResponseHead(V2Model):
    error_code: int | None = Field(default=None, alias="ErrorCode")
    error_message: str | None = Field(default=None, alias="ErrorMessage")
    error_type: str | None = Field(default=None, alias="ErrorType")
    request_action: str | None = Field(default=None, alias="RequestAction")


class ImportProductCreationXmlErrorErrorResponse(V2Model):
    body: ImportProductCreationXmlErrorErrorResponseBody | None = Field(default=None, alias="Body")
    head: ImportProductCreationXmlErrorErrorResponseHead | None = Field(default=None, alias="Head")


class ImportProductCreationXmlError(V2Model):
    error_response: ImportProductCreationXmlErrorErrorResponse | None = Field(default=None, alias="ErrorResponse")


class ImportProductCreationXmlSuccessBodyWarningDetail(V2Model):
    field: str | None = Field(default=None, alias="Field")
    message: str | None = Field(default=None, alias="Message")
    value: str | None = Field(default=None, alias="Value")


class ImportProductCreationXmlSuccessBody(V2Model):
    warning_detail: ImportProductCreationXmlSuccessBodyWarningDetail | None = Field(default=None, alias="WarningDetail")


class ImportProductCreationXmlSuccessHead(V2Model):
    request_action: str | None = Field(default=None, alias="RequestAction")
    request_id: str | None = Field(default=None, alias="RequestId")
    response_type: str | None = Field(default=None, alias="ResponseType")
    timestamp: str | None = Field(default=None, alias="Timestamp")


class ImportProductCreationXmlSuccess(V2Model):
    body: ImportProductCreationXmlSuccessBody | None = Field(default=None, alias="Body")
    head: ImportProductCreationXmlSuccessHead | None = Field(default=None, alias="Head")


class ImportProductStockXmlProduct(V2Model):
    quantity: int | None = Field(default=None, alias="Quantity")
    seller_sku: str | None = Field(default=None, alias="SellerSku")


class ImportProductStockXml(V2Model):
    product: ImportProductStockXmlProduct | None = Field(default=None, alias="Product")


ImportProductUpdateXmlProductProductDataItem = ImportProductCreationXmlProductProductDataItem


class ImportProductUpdateXmlProduct(V2Model):
    brand: str | None = Field(default=None, alias="Brand")
    browse_nodes: str | None = Field(default=None, alias="BrowseNodes")
    categories: str | None = Field(default=None, alias="Categories")
    description: str | None = Field(default=None, alias="Description")
    name: str | None = Field(default=None, alias="Name")
    parent_sku: str | None = Field(default=None, alias="ParentSku")
    price: float | None = Field(default=None, alias="Price")
    primary_category: int | None = Field(default=None, alias="PrimaryCategory")
    product_data: list[ImportProductCreationXmlProductProductDataItem] | None = Field(default=None, alias="ProductData")
    product_group: str | None = Field(default=None, alias="ProductGroup")
    product_id: str | None = Field(default=None, alias="ProductId")
    quantity: int | None = Field(default=None, alias="Quantity")
    sale_end_date: str | None = Field(default=None, alias="SaleEndDate")
    sale_price: float | None = Field(default=None, alias="SalePrice")
    sale_start_date: str | None = Field(default=None, alias="SaleStartDate")
    seller_sku: str | None = Field(default=None, alias="SellerSku")
    shipment_type: str | None = Field(default=None, alias="ShipmentType")
    status: str | None = Field(default=None, alias="Status")
    tax_class: str | None = Field(default=None, alias="TaxClass")
    variation: str | None = Field(default=None, alias="Variation")


class ImportProductUpdateXml(V2Model):
    product: ImportProductUpdateXmlProduct | None = Field(default=None, alias="Product")


ImportStockXmlSuccessBodyWarningDetail = ImportProductCreationXmlSuccessBodyWarningDetail


ImportStockXmlSuccessBody = ImportProductCreationXmlSuccessBody


ImportStockXmlSuccessHead = ImportProductCreationXmlSuccessHead


class ImportStockXmlSuccess(V2Model):
    body: ImportProductCreationXmlSuccessBody | None = Field(default=None, alias="Body")
    head: ImportProductCreationXmlSuccessHead | None = Field(default=None, alias="Head")


ImportStocksXmlErrorErrorResponseBodyErrorDetailItem = ImportProductCreationXmlErrorErrorResponseBodyErrorDetailItem


ImportStocksXmlErrorErrorResponseBody = ImportProductCreationXmlErrorErrorResponseBody


ImportStocksXmlErrorErrorResponseHead = ImportProductCreationXmlErrorErrorResponseHead


ImportStocksXmlErrorErrorResponse = ImportProductCreationXmlErrorErrorResponse


class ImportStocksXmlError(V2Model):
    error_response: ImportProductCreationXmlErrorErrorResponse | None = Field(default=None, alias="ErrorResponse")


class InvoiceNumber(V2Model):
    generation_type: str | None = Field(default=None, alias="generationType")
    next_formated_value: str | None = Field(default=None, alias="nextFormatedValue")
    next_number: int | None = Field(default=None, alias="nextNumber")
    prefix: str | None = None


class InvoiceTaxDocument(V2Model):
    currency: str | None = None
    locale: str | None = None
    seller_id: int | None = Field(default=None, alias="sellerId")
    statement_id: float | None = Field(default=None, alias="statementId")
    statement_type: str | None = Field(default=None, alias="statementType")


class Kpi(V2Model):
    kpi_unit: str | None = Field(default=None, alias="kpiUnit")
    kpi_value: float | None = Field(default=None, alias="kpiValue")
    name: str | None = None
    period: int | None = None
    rating: str | None = None
    score: float | None = None
    seller_rating_score: float | None = Field(default=None, alias="sellerRatingScore")
    weight: float | None = None


class LastVersionUploadedProductSetId(V2Model):
    dirt_status: bool | None = Field(default=None, alias="dirtStatus")
    message: str | None = None
    sync_class: str | None = Field(default=None, alias="syncClass")


class LastVersionUploaded(V2Model):
    product_set_id: LastVersionUploadedProductSetId | None = Field(default=None, alias="productSetId")


class ManifestOrderItemsItem(V2Model):
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    return_reason: str | None = Field(default=None, alias="returnReason")


class Manifest(V2Model):
    actions: list[str] | None = None
    created_at: str | None = Field(default=None, alias="createdAt")
    manifest_code: str | None = Field(default=None, alias="manifestCode")
    manifest_id: int | None = Field(default=None, alias="manifestId")
    order_items: list[ManifestOrderItemsItem] | None = Field(default=None, alias="orderItems")
    packages_count: int | None = Field(default=None, alias="packagesCount")
    shipment_provider: str | None = Field(default=None, alias="shipmentProvider")
    status: str | None = None
    tracking_code: str | None = Field(default=None, alias="trackingCode")
    type: str | None = None


ManifestDetailOrderItemsItem = ManifestOrderItemsItem


class ManifestDetail(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    manifest_code: str | None = Field(default=None, alias="manifestCode")
    manifest_id: int | None = Field(default=None, alias="manifestId")
    order_items: list[ManifestOrderItemsItem] | None = Field(default=None, alias="orderItems")
    seller_id: int | None = Field(default=None, alias="sellerId")
    shipment_provider_id: int | None = Field(default=None, alias="shipmentProviderId")
    status: str | None = None
    tracking_code: str | None = Field(default=None, alias="trackingCode")
    type: str | None = None


class ManifestDocument(V2Model):
    document_type: str | None = Field(default=None, alias="DocumentType")
    file: str | None = Field(default=None, alias="File")
    mime_type: str | None = Field(default=None, alias="MimeType")


class ManifestOrderItem(V2Model):
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    return_reason: str | None = Field(default=None, alias="returnReason")


class MappedAttributeChild(V2Model):
    attribute_id: int | None = Field(default=None, alias="attributeId")
    option_id: int | None = Field(default=None, alias="optionId")


MappedAttributeParent = MappedAttributeChild


class MappedAttribute(V2Model):
    child: MappedAttributeChild | None = None
    parent: MappedAttributeChild | None = None


class Metrics(V2Model):
    cancellations_percentage: float | None = None
    commissions: float | None = None
    orders: int | None = None
    returns_percentage: float | None = None
    sales_total: float | None = None
    sku_active_number: int | None = None
    sku_number: int | None = None
    statistic_type: str | None = None
    two_day_shipment_percentage: float | None = None


class OauthApp(V2Model):
    app_id: str | None = Field(default=None, alias="appId")
    created_at: str | None = Field(default=None, alias="createdAt")
    identifier: int | None = None
    name: str | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")
    user_id: int | None = Field(default=None, alias="userId")
    uuid: str | None = None


class OrderAddress2Billing(V2Model):
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


OrderAddress2Shipping = OrderAddress2Billing


class OrderAddress2(V2Model):
    billing: OrderAddress2Billing | None = None
    shipping: OrderAddress2Billing | None = None


class OrderCustomer2(V2Model):
    first_name: str | None = Field(default=None, alias="firstName")
    last_name: str | None = Field(default=None, alias="lastName")


class OrderGift2(V2Model):
    message: Any = None
    option: bool | None = None


class OrderItemsItemExtraAttributes(V2Model):
    delivery_type: str | None = None
    gst_free: str | None = None
    has_transfer_shipping_flat_fee: bool | None = None
    installment_fee: float | None = None
    price_excluded_tax: float | None = None
    sales_service_tax: float | None = None
    shipping_fee_sst: float | None = None


class OrderItemsItemFailureReason(V2Model):
    description: str | None = None
    details: str | None = None
    name: str | None = None
    type: str | None = None


class OrderItemsItemProduct(V2Model):
    name: str | None = None
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    sku: str | None = None
    variation: str | None = None


class OrderItemsItemPurchase(V2Model):
    delivery_info: str | None = Field(default=None, alias="deliveryInfo")
    order_number: str | None = Field(default=None, alias="orderNumber")
    order_src_id: int | None = Field(default=None, alias="orderSrcId")


class OrderItemsItemShipmentPreProvider(V2Model):
    default: bool | None = None
    digital_type: str | None = Field(default=None, alias="digitalType")
    name: str | None = None
    tracking_url: str | None = Field(default=None, alias="trackingUrl")
    uuid: str | None = None


OrderItemsItemShipmentProvider = OrderItemsItemShipmentPreProvider


class OrderItemsItemShipment(V2Model):
    crossdocking_delivery_type: str | None = Field(default=None, alias="crossdockingDeliveryType")
    method: str | None = None
    pre_provider: OrderItemsItemShipmentPreProvider | None = Field(default=None, alias="preProvider")
    pre_tracking_code: str | None = Field(default=None, alias="preTrackingCode")
    provider: OrderItemsItemShipmentPreProvider | None = None
    provider_preselected: bool | None = Field(default=None, alias="providerPreselected")
    provider_product: str | None = Field(default=None, alias="providerProduct")
    provider_type: str | None = Field(default=None, alias="providerType")
    tracking_code: str | None = Field(default=None, alias="trackingCode")
    type: str | None = None
    weight: float | None = None


class OrderItemsItemVouchersItem(V2Model):
    amount: float | None = None
    amount_funded_by_seller: float | None = Field(default=None, alias="amountFundedBySeller")
    cashback_amount_funded_by_seller: str | None = Field(default=None, alias="cashbackAmountFundedBySeller")
    cashback_percentage: int | None = Field(default=None, alias="cashbackPercentage")
    cashback_seller_share: float | None = Field(default=None, alias="cashbackSellerShare")
    code: str | None = None
    voucher_seller_share: float | None = Field(default=None, alias="voucherSellerShare")


class OrderItemsItem(V2Model):
    abatement_rate: str | None = Field(default=None, alias="abatementRate")
    actions: list[str] | None = None
    cod_collectable_amount: str | None = Field(default=None, alias="codCollectableAmount")
    created_at: str | None = Field(default=None, alias="createdAt")
    discount_amount: float | None = Field(default=None, alias="discountAmount")
    excise_rate: str | None = Field(default=None, alias="exciseRate")
    extra_attributes: OrderItemsItemExtraAttributes | None = Field(default=None, alias="extraAttributes")
    failure_reason: OrderItemsItemFailureReason | None = Field(default=None, alias="failureReason")
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
    product: OrderItemsItemProduct | None = None
    purchase: OrderItemsItemPurchase | None = None
    sales_due_amount: float | None = Field(default=None, alias="salesDueAmount")
    seller_id: int | None = Field(default=None, alias="sellerId")
    shipment: OrderItemsItemShipment | None = None
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
    vouchers: list[OrderItemsItemVouchersItem] | None = None
    wallet_credits: float | None = Field(default=None, alias="walletCredits")
    warehouse_name: str | None = Field(default=None, alias="warehouseName")


class OrderVoucher2(V2Model):
    code: str | None = None
    type: str | None = None


class Order(V2Model):
    address: OrderAddress2 | None = None
    address_updated_at: str | None = Field(default=None, alias="addressUpdatedAt")
    created_at: str | None = Field(default=None, alias="createdAt")
    currency: str | None = None
    customer: OrderCustomer2 | None = None
    delivery_info: str | None = Field(default=None, alias="deliveryInfo")
    exchange_by_order_id: str | None = Field(default=None, alias="exchangeByOrderId")
    exchange_for_order_id: str | None = Field(default=None, alias="exchangeForOrderId")
    extra_attributes: str | None = Field(default=None, alias="extraAttributes")
    gift: OrderGift2 | None = None
    grand_total: float | None = Field(default=None, alias="grandTotal")
    id: int | None = None
    invoice_required: bool | None = Field(default=None, alias="invoiceRequired")
    item_count: int | None = Field(default=None, alias="itemCount")
    items: list[OrderItemsItem] | None = None
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
    voucher: OrderVoucher2 | None = None


OrderAddressBilling = OrderAddress2Billing


OrderAddressShipping = OrderAddress2Billing


class OrderAddress(V2Model):
    billing: OrderAddress2Billing | None = None
    shipping: OrderAddress2Billing | None = None


class OrderAddressItem(V2Model):
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


class OrderArchiveOrderItemArchivesItemInventoryStatusHistoryItem(V2Model):
    created_at: str | None = None
    fk_catalog_product: int | None = None
    fk_sales_order_item: int | None = None
    id_inventory_status_history: int | None = None
    status: str | None = None
    uid: str | None = None


class OrderArchiveOrderItemArchivesItemManifestArchivesItemProperties(V2Model):
    created_at: str | None = None
    fk_manifest_status: int | None = None
    fk_manifest_type: int | None = None
    fk_seller: int | None = None
    fk_shipment_provider: str | None = None
    id_manifest: int | None = None
    manifest_code: str | None = None
    tracking_code: str | None = None
    updated_at: str | None = None


class OrderArchiveOrderItemArchivesItemManifestArchivesItem(V2Model):
    id_manifest: int | None = Field(default=None, alias="idManifest")
    properties: OrderArchiveOrderItemArchivesItemManifestArchivesItemProperties | None = None


class OrderArchiveOrderItemArchivesItemOrderItemOosCancellationItem(V2Model):
    created_at: str | None = None
    fk_catalog_product: int | None = None
    fk_sales_order_item: int | None = None
    fk_seller: int | None = None
    shop_sku: str | None = None
    stock_quantity: int | None = None
    stock_updated_at: str | None = None


class OrderArchiveOrderItemArchivesItemProperties(V2Model):
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


class OrderArchiveOrderItemArchivesItemReturnRequestItemItemReturnRequest(V2Model):
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


class OrderArchiveOrderItemArchivesItemReturnRequestItemItem(V2Model):
    created_at: str | None = None
    fk_return_request: int | None = None
    fk_return_request_status: int | None = None
    fk_sales_order_item: int | None = None
    id_return_request_item: int | None = None
    id_supplier_return_item_oms: int | None = None
    return_request: OrderArchiveOrderItemArchivesItemReturnRequestItemItemReturnRequest | None = Field(
        default=None, alias="returnRequest"
    )
    src_created_at: str | None = None
    src_updated_at: str | None = None
    updated_at: str | None = None


class OrderArchiveOrderItemArchivesItemSalesOrderItemPropertiesItem(V2Model):
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


class OrderArchiveOrderItemArchivesItemSalesOrderItemStatusHistoryItem(V2Model):
    created_at: str | None = None
    fk_sales_order_item: int | None = None
    fk_sales_order_item_status: int | None = None
    id_sales_order_item_status_history: int | None = None
    note: str | None = None
    src_created_at: str | None = None
    user: str | None = None


class OrderArchiveOrderItemArchivesItemSalesOrderItemStatusManifestDetailSalesOrderItemItem(V2Model):
    fk_manifest_type: int | None = None
    fk_sales_order_item: int | None = None
    fk_sales_order_item_status_manifest_detail: int | None = None


class OrderArchiveOrderItemArchivesItemSalesOrderItemStatusTransitionTimeItem(V2Model):
    created_to_shipped_business_hours: int | None = None
    fk_sales_order_item: int | None = None


class OrderArchiveOrderItemArchivesItemTagManagerSalesOrderItemItem(V2Model):
    created_at: str | None = None
    description: str | None = None
    entity: str | None = None
    expiration: str | None = None
    fk_user: int | None = None
    id_tag_manager_tag: int | None = None
    name: str | None = None
    updated_at: str | None = None


class OrderArchiveOrderItemArchivesItem(V2Model):
    fk_seller: int | None = Field(default=None, alias="fkSeller")
    id_sales_order_item: int | None = Field(default=None, alias="idSalesOrderItem")
    inventory_status_history: list[OrderArchiveOrderItemArchivesItemInventoryStatusHistoryItem] | None = Field(
        default=None, alias="inventoryStatusHistory"
    )
    manifest_archives: list[OrderArchiveOrderItemArchivesItemManifestArchivesItem] | None = Field(
        default=None, alias="manifestArchives"
    )
    order_item_oos_cancellation: list[OrderArchiveOrderItemArchivesItemOrderItemOosCancellationItem] | None = Field(
        default=None, alias="orderItemOosCancellation"
    )
    properties: OrderArchiveOrderItemArchivesItemProperties | None = None
    return_request_item: list[OrderArchiveOrderItemArchivesItemReturnRequestItemItem] | None = Field(
        default=None, alias="returnRequestItem"
    )
    sales_order_item_properties: list[OrderArchiveOrderItemArchivesItemSalesOrderItemPropertiesItem] | None = Field(
        default=None, alias="salesOrderItemProperties"
    )
    sales_order_item_status_history: list[OrderArchiveOrderItemArchivesItemSalesOrderItemStatusHistoryItem] | None = (
        Field(default=None, alias="salesOrderItemStatusHistory")
    )
    sales_order_item_status_manifest_detail_sales_order_item: (
        list[OrderArchiveOrderItemArchivesItemSalesOrderItemStatusManifestDetailSalesOrderItemItem] | None
    ) = Field(default=None, alias="salesOrderItemStatusManifestDetailSalesOrderItem")
    sales_order_item_status_transition_time: (
        list[OrderArchiveOrderItemArchivesItemSalesOrderItemStatusTransitionTimeItem] | None
    ) = Field(default=None, alias="salesOrderItemStatusTransitionTime")
    src_id: str | None = Field(default=None, alias="srcId")
    tag_manager_sales_order_item: list[OrderArchiveOrderItemArchivesItemTagManagerSalesOrderItemItem] | None = Field(
        default=None, alias="tagManagerSalesOrderItem"
    )


class OrderArchiveSalesOrderCommentItem(V2Model):
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


class OrderArchivePackageArchivesItemProperties(V2Model):
    created_at: str | None = None
    fk_package_status: int | None = None
    fk_package_type: int | None = None
    fk_seller: int | None = None
    fk_shipment_provider: str | None = None
    id_package: int | None = None
    package_code: str | None = None
    tracking_code: str | None = None
    updated_at: str | None = None


class OrderArchivePackageArchivesItem(V2Model):
    document_token: str | None = Field(default=None, alias="documentToken")
    id_package: int | None = Field(default=None, alias="idPackage")
    package_item: str | None = Field(default=None, alias="packageItem")
    properties: OrderArchivePackageArchivesItemProperties | None = None
    sales_order_document: str | None = Field(default=None, alias="salesOrderDocument")


class OrderArchiveSalesOrderInvoiceItem(V2Model):
    created_at: str | None = None
    fk_sales_order: int | None = None
    id_sales_order_invoice: int | None = None
    required: int | None = None
    updated_at: str | None = None


class OrderArchive(V2Model):
    order_item_archives: list[OrderArchiveOrderItemArchivesItem] | None = Field(default=None, alias="OrderItemArchives")
    sales_order_comment: list[OrderArchiveSalesOrderCommentItem] | None = Field(default=None, alias="SalesOrderComment")
    created_at: str | None = Field(default=None, alias="createdAt")
    currency: str | None = None
    id_sales_order: int | None = Field(default=None, alias="idSalesOrder")
    order_nr: str | None = Field(default=None, alias="orderNr")
    package_archives: list[OrderArchivePackageArchivesItem] | None = Field(default=None, alias="packageArchives")
    properties: dict[str, Any] | None = None
    sales_order_invoice: list[OrderArchiveSalesOrderInvoiceItem] | None = Field(default=None, alias="salesOrderInvoice")
    src_id: str | None = Field(default=None, alias="srcId")


class OrderCustomer(V2Model):
    first_name: str | None = Field(default=None, alias="firstName")
    last_name: str | None = Field(default=None, alias="lastName")


class OrderFinanceTransactionSummaryItem(V2Model):
    amount: float | None = None
    currency: str | None = None
    description: str | None = None
    transaction_type_id: int | None = Field(default=None, alias="transactionTypeId")


class OrderFinance(V2Model):
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
    transaction_summary: list[OrderFinanceTransactionSummaryItem] | None = Field(
        default=None, alias="transactionSummary"
    )
    unit_price: float | None = Field(default=None, alias="unitPrice")
    voucher_total: float | None = Field(default=None, alias="voucherTotal")
    wallet_credits: float | None = Field(default=None, alias="walletCredits")


class OrderGift(V2Model):
    message: Any = None
    option: bool | None = None


class OrderHistory(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    editor: str | None = None
    note: str | None = None
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    shop_sku: str | None = Field(default=None, alias="shopSku")
    status: str | None = None


OrderItemExtraAttributes = OrderItemsItemExtraAttributes


OrderItemFailureReason2 = OrderItemsItemFailureReason


OrderItemProduct2 = OrderItemsItemProduct


OrderItemPurchase2 = OrderItemsItemPurchase


OrderItemShipment2PreProvider = OrderItemsItemShipmentPreProvider


OrderItemShipment2Provider = OrderItemsItemShipmentPreProvider


OrderItemShipment2 = OrderItemsItemShipment


OrderItemVouchersItem = OrderItemsItemVouchersItem


class OrderItem(V2Model):
    abatement_rate: str | None = Field(default=None, alias="abatementRate")
    actions: list[str] | None = None
    cod_collectable_amount: str | None = Field(default=None, alias="codCollectableAmount")
    created_at: str | None = Field(default=None, alias="createdAt")
    discount_amount: float | None = Field(default=None, alias="discountAmount")
    excise_rate: str | None = Field(default=None, alias="exciseRate")
    extra_attributes: OrderItemsItemExtraAttributes | None = Field(default=None, alias="extraAttributes")
    failure_reason: OrderItemsItemFailureReason | None = Field(default=None, alias="failureReason")
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
    product: OrderItemsItemProduct | None = None
    purchase: OrderItemsItemPurchase | None = None
    sales_due_amount: float | None = Field(default=None, alias="salesDueAmount")
    seller_id: int | None = Field(default=None, alias="sellerId")
    shipment: OrderItemsItemShipment | None = None
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
    vouchers: list[OrderItemsItemVouchersItem] | None = None
    wallet_credits: float | None = Field(default=None, alias="walletCredits")
    warehouse_name: str | None = Field(default=None, alias="warehouseName")


class OrderItemDigital(V2Model):
    delivery_info: str | None = Field(default=None, alias="deliveryInfo")
    is_digital: bool | None = Field(default=None, alias="isDigital")


class OrderItemFailureReason(V2Model):
    description: str | None = None
    details: str | None = None
    name: str | None = None
    type: str | None = None


class OrderItemIds(V2Model):
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")


class OrderItemInputFailureReason(V2Model):
    reason: str | None = None


class OrderItemInputFailureReasonAndDetails(V2Model):
    reason: str | None = None
    reason_detail: str | None = Field(default=None, alias="reasonDetail")


class OrderItemPackage(V2Model):
    id: int | None = None
    order_item_ids: list[int] | None = Field(default=None, alias="orderItemIds")
    src_id: str | None = Field(default=None, alias="srcId")


class OrderItemProduct(V2Model):
    name: str | None = None
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    sku: str | None = None
    variation: str | None = None


class OrderItemPurchase(V2Model):
    delivery_info: str | None = Field(default=None, alias="deliveryInfo")
    order_number: str | None = Field(default=None, alias="orderNumber")
    order_src_id: int | None = Field(default=None, alias="orderSrcId")


class OrderItemReturn(V2Model):
    order_item_id: int | None = Field(default=None, alias="orderItemId")
    return_comment: str | None = Field(default=None, alias="returnComment")
    shipment_provider: str | None = Field(default=None, alias="shipmentProvider")
    src_id: str | None = Field(default=None, alias="srcId")
    tracking_code: str | None = Field(default=None, alias="trackingCode")


class OrderItemReturns(V2Model):
    pass


OrderItemShipmentPreProvider = OrderItemsItemShipmentPreProvider


OrderItemShipmentProvider2 = OrderItemsItemShipmentPreProvider


class OrderItemShipment(V2Model):
    crossdocking_delivery_type: str | None = Field(default=None, alias="crossdockingDeliveryType")
    method: str | None = None
    pre_provider: OrderItemsItemShipmentPreProvider | None = Field(default=None, alias="preProvider")
    pre_tracking_code: str | None = Field(default=None, alias="preTrackingCode")
    provider: OrderItemsItemShipmentPreProvider | None = None
    provider_preselected: bool | None = Field(default=None, alias="providerPreselected")
    provider_product: str | None = Field(default=None, alias="providerProduct")
    provider_type: str | None = Field(default=None, alias="providerType")
    tracking_code: str | None = Field(default=None, alias="trackingCode")
    type: str | None = None
    weight: float | None = None


class OrderItemShipmentProvider(V2Model):
    default: bool | None = None
    digital_type: str | None = Field(default=None, alias="digitalType")
    name: str | None = None
    tracking_url: str | None = Field(default=None, alias="trackingUrl")
    uuid: str | None = None


class OrderItemStatus(V2Model):
    pass


class OrderVoucher(V2Model):
    code: str | None = None
    type: str | None = None


class OrdersCountersPending(V2Model):
    not_printed_pending_count: int | None = Field(default=None, alias="notPrintedPendingCount")
    pending: int | None = None
    pending_air_count: int | None = Field(default=None, alias="pendingAirCount")
    pending_economy_count: int | None = Field(default=None, alias="pendingEconomyCount")
    pending_express_count: int | None = Field(default=None, alias="pendingExpressCount")
    pending_sameday_count: int | None = Field(default=None, alias="pendingSamedayCount")
    pending_standard_count: int | None = Field(default=None, alias="pendingStandardCount")
    pending_surface_count: int | None = Field(default=None, alias="pendingSurfaceCount")


class OrdersCounters(V2Model):
    not_printed_ready_to_ship_count: int | None = Field(default=None, alias="notPrintedReadyToShipCount")
    payment_pending_count: int | None = Field(default=None, alias="paymentPendingCount")
    pending: OrdersCountersPending | None = None
    ready_to_ship_count: int | None = Field(default=None, alias="readyToShipCount")
    shipped_count: int | None = Field(default=None, alias="shippedCount")


class OverwriteMultipart(V2Model):
    overwrite: bool | None = None


class Paginator(V2Model):
    limit: int | None = None
    offset: int | None = None
    total_count: int | None = Field(default=None, alias="totalCount")


class PaginatorWithoutTotalCount(V2Model):
    has_next: bool | None = Field(default=None, alias="hasNext")
    limit: int | None = None
    offset: int | None = None


class PriceInGroup(V2Model):
    country: str | None = None
    price: float | None = None
    sale_end_date: str | None = Field(default=None, alias="saleEndDate")
    sale_price: float | None = Field(default=None, alias="salePrice")
    sale_start_date: str | None = Field(default=None, alias="saleStartDate")
    status: str | None = None


class PriceRead(V2Model):
    country: str | None = None
    price: float | None = None
    product_id: float | None = Field(default=None, alias="productId")
    product_set_id: float | None = Field(default=None, alias="productSetId")
    sale_end_date: str | None = Field(default=None, alias="saleEndDate")
    sale_price: float | None = Field(default=None, alias="salePrice")
    sale_start_date: str | None = Field(default=None, alias="saleStartDate")
    status: str | None = None


class Product(V2Model):
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


class ProductRead(V2Model):
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


class ProductSetCreated(V2Model):
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


class ProductSetRead(V2Model):
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


class ProductSetSampleAttributes(V2Model):
    n_131: str | None = Field(default=None, alias="131")
    n_74: int | None = Field(default=None, alias="74")
    comment_131: str | None = Field(default=None, alias="__comment_131")
    comment_74: str | None = Field(default=None, alias="__comment_74")


class ProductSetSample(V2Model):
    comment_brand_id: str | None = Field(default=None, alias="__comment_brandId")
    comment_description: str | None = Field(default=None, alias="__comment_description")
    comment_name: str | None = Field(default=None, alias="__comment_name")
    comment_price: str | None = Field(default=None, alias="__comment_price")
    comment_primary_category_id: str | None = Field(default=None, alias="__comment_primaryCategoryId")
    comment_seller_sku: str | None = Field(default=None, alias="__comment_sellerSku")
    comment_variation: str | None = Field(default=None, alias="__comment_variation")
    attributes: ProductSetSampleAttributes | None = None
    brand_id: int | None = Field(default=None, alias="brandId")
    description: str | None = None
    name: str | None = None
    price: float | None = None
    primary_category_id: int | None = Field(default=None, alias="primaryCategoryId")
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    variation: str | None = None


class ProductSetWrite(V2Model):
    attributes: dict[str, Any] | None = None
    brand_id: int | None = Field(default=None, alias="brandId")
    browse_nodes: list[int] | None = Field(default=None, alias="browseNodes")
    categories: list[int] | None = None
    description: str | None = None
    name: str | None = None
    parent_sku: str | None = Field(default=None, alias="parentSku")
    primary_category_id: int | None = Field(default=None, alias="primaryCategoryId")
    size_system: int | None = Field(default=None, alias="sizeSystem")


class ProductSetsCoverImages(V2Model):
    pass


class ProductSetsImages(V2Model):
    pass


class ProductSetsTags(V2Model):
    pass


class ProductSkusImages(V2Model):
    pass


class ProductStock(V2Model):
    product_id: int | None = Field(default=None, alias="productId")
    quantity: int | None = None


class QcRejectReason(V2Model):
    id: int | None = None
    is_enabled: bool | None = Field(default=None, alias="isEnabled")
    is_set_to_not_authorized: bool | None = Field(default=None, alias="isSetToNotAuthorized")
    name: str | None = None
    type: str | None = None


class RatingKpisItem(V2Model):
    kpi_unit: str | None = Field(default=None, alias="kpiUnit")
    kpi_value: float | None = Field(default=None, alias="kpiValue")
    name: str | None = None
    period: int | None = None
    rating: str | None = None
    score: float | None = None
    seller_rating_score: float | None = Field(default=None, alias="sellerRatingScore")
    weight: float | None = None


class Rating(V2Model):
    calculation_date: str | None = Field(default=None, alias="calculationDate")
    end_date: str | None = Field(default=None, alias="endDate")
    kpis: list[RatingKpisItem] | None = None
    overall_score: float | None = Field(default=None, alias="overallScore")


class RejectedProductSet(V2Model):
    product_set_id: int | None = Field(default=None, alias="productSetId")
    qc_comment: str | None = Field(default=None, alias="qcComment")
    rejected_reasons: list[str] | None = Field(default=None, alias="rejectedReasons")


class ResourcesEnabledResourcesListItem(V2Model):
    description: str | None = None
    id: int | None = None
    label: str | None = None
    maintenance_only: bool | None = Field(default=None, alias="maintenanceOnly")
    name: str | None = None
    tags: list[str] | None = None


ResourcesResourcesListItem = ResourcesEnabledResourcesListItem


class Resources(V2Model):
    enabled_resources_list: list[ResourcesEnabledResourcesListItem] | None = Field(
        default=None, alias="enabledResourcesList"
    )
    resources_list: list[ResourcesEnabledResourcesListItem] | None = Field(default=None, alias="resourcesList")


class ReuploadAccepted(V2Model):
    success: bool | None = None


RoleResourcesItem = ResourcesEnabledResourcesListItem


class Role(V2Model):
    can_be_edited_by_role_ids: list[int] | None = Field(default=None, alias="canBeEditedByRoleIds")
    can_delete: bool | None = Field(default=None, alias="canDelete")
    can_edit: bool | None = Field(default=None, alias="canEdit")
    description: str | None = None
    display_name: str | None = Field(default=None, alias="displayName")
    group: str | None = None
    id: int | None = None
    name: str | None = None
    resources: list[ResourcesEnabledResourcesListItem] | None = None
    user_count: int | None = Field(default=None, alias="userCount")


class RoleAdd(V2Model):
    can_be_edited_by_role_ids: list[int] | None = Field(default=None, alias="canBeEditedByRoleIds")
    description: str | None = None
    display_name: str | None = Field(default=None, alias="displayName")
    group: str | None = None
    id: int | None = None


class RoleEdit(V2Model):
    can_be_edited_by_role_ids: list[int] | None = Field(default=None, alias="canBeEditedByRoleIds")
    description: str | None = None
    display_name: str | None = Field(default=None, alias="displayName")
    group: str | None = None
    id: int | None = None


class SellerContract(V2Model):
    approved_at: str | None = Field(default=None, alias="approvedAt")
    contract_id: int | None = Field(default=None, alias="contractId")
    created_at: str | None = Field(default=None, alias="createdAt")
    expiration_date: str | None = Field(default=None, alias="expirationDate")
    seller_id: int | None = Field(default=None, alias="sellerId")
    type: str | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")
    url: str | None = None


class SellerContractIds(V2Model):
    contract_ids: list[int] | None = Field(default=None, alias="contractIds")


class SellerExternalFile(V2Model):
    download_url: str | None = Field(default=None, alias="downloadUrl")
    file_name: str | None = Field(default=None, alias="fileName")
    file_type: str | None = Field(default=None, alias="fileType")
    uploaded_at: str | None = Field(default=None, alias="uploadedAt")


class SellerPayoutTransactionStatement(V2Model):
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


class SellerProfileGeneralRead(V2Model):
    id: int | None = None
    value: str | None = None


class SellerProfileGeneralWrite(V2Model):
    id: int | None = None
    value: str | None = None


class SellerReadDelistReasonsItem(V2Model):
    message: str | None = None
    reason: str | None = None
    reason_identifier: int | None = Field(default=None, alias="reasonIdentifier")
    reason_limit: int | None = Field(default=None, alias="reasonLimit")


class SellerReadProfileFieldsItem(V2Model):
    display_value: str | None = Field(default=None, alias="displayValue")
    name: str | None = None
    value: str | None = None


class SellerRead(V2Model):
    company_name: str | None = Field(default=None, alias="companyName")
    created_at: str | None = Field(default=None, alias="createdAt")
    delist_reasons: list[SellerReadDelistReasonsItem] | None = Field(default=None, alias="delistReasons")
    email: str | None = None
    id: int | None = None
    listed: bool | None = None
    name: str | None = None
    profile_fields: list[SellerReadProfileFieldsItem] | None = Field(default=None, alias="profileFields")
    short_code: str | None = Field(default=None, alias="shortCode")
    src_id: str | None = Field(default=None, alias="srcId")
    status: str | None = None
    tax_class: str | None = Field(default=None, alias="taxClass")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    uuid: str | None = None
    verified: bool | None = None


class SetInvoiceAccessKeyOrderItemsItem(V2Model):
    invoice_encoded_xml: str | None = Field(default=None, alias="InvoiceEncodedXml")
    access_key: str | None = Field(default=None, alias="accessKey")
    document_url: str | None = Field(default=None, alias="documentUrl")
    order_item_id: int | None = Field(default=None, alias="orderItemId")


class SetInvoiceAccessKey(V2Model):
    order_items: list[SetInvoiceAccessKeyOrderItemsItem] | None = Field(default=None, alias="orderItems")


class SetInvoiceNumber(V2Model):
    invoice_number: str | None = Field(default=None, alias="invoiceNumber")
    order_item_id: int | None = Field(default=None, alias="orderItemId")


class StatisticsResultAccountHealthAlltimeCancellationPercentage(V2Model):
    percentage: float | None = Field(default=None, alias="Percentage")
    text: str | None = Field(default=None, alias="Text")


StatisticsResultAccountHealthAlltimeReturnPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthAlltimeTwoDaysShippedPercentage = (
    StatisticsResultAccountHealthAlltimeCancellationPercentage
)


class StatisticsResultAccountHealthAlltime(V2Model):
    cancellation_percentage: StatisticsResultAccountHealthAlltimeCancellationPercentage | None = Field(
        default=None, alias="CancellationPercentage"
    )
    return_percentage: StatisticsResultAccountHealthAlltimeCancellationPercentage | None = Field(
        default=None, alias="ReturnPercentage"
    )
    two_days_shipped_percentage: StatisticsResultAccountHealthAlltimeCancellationPercentage | None = Field(
        default=None, alias="TwoDaysShippedPercentage"
    )


StatisticsResultAccountHealthDayCancellationPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthDayReturnPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthDayTwoDaysShippedPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthDay = StatisticsResultAccountHealthAlltime


StatisticsResultAccountHealthMonthCancellationPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthMonthReturnPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthMonthTwoDaysShippedPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthMonth = StatisticsResultAccountHealthAlltime


StatisticsResultAccountHealthWeekCancellationPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthWeekReturnPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthWeekTwoDaysShippedPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthWeek = StatisticsResultAccountHealthAlltime


StatisticsResultAccountHealthYearCancellationPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthYearReturnPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthYearTwoDaysShippedPercentage = StatisticsResultAccountHealthAlltimeCancellationPercentage


StatisticsResultAccountHealthYear = StatisticsResultAccountHealthAlltime


class StatisticsResultAccountHealth(V2Model):
    alltime: StatisticsResultAccountHealthAlltime | None = Field(default=None, alias="Alltime")
    day: StatisticsResultAccountHealthAlltime | None = Field(default=None, alias="Day")
    month: StatisticsResultAccountHealthAlltime | None = Field(default=None, alias="Month")
    week: StatisticsResultAccountHealthAlltime | None = Field(default=None, alias="Week")
    year: StatisticsResultAccountHealthAlltime | None = Field(default=None, alias="Year")


class StatisticsResultOrdersStatus(V2Model):
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


class StatisticsResultOrders(V2Model):
    status: StatisticsResultOrdersStatus | None = Field(default=None, alias="Status")
    total: int | None = Field(default=None, alias="Total")


class StatisticsResultOrdersItemsPending(V2Model):
    older: int | None = Field(default=None, alias="Older")
    today: int | None = Field(default=None, alias="Today")
    yesterday: int | None = Field(default=None, alias="Yesterday")


class StatisticsResultProductsStatus(V2Model):
    active: str | None = Field(default=None, alias="Active")
    all: str | None = Field(default=None, alias="All")
    deleted: str | None = Field(default=None, alias="Deleted")
    image_missing: str | None = Field(default=None, alias="ImageMissing")
    inactive: str | None = Field(default=None, alias="Inactive")
    live: str | None = Field(default=None, alias="Live")
    pending: str | None = Field(default=None, alias="Pending")
    poor_quality: str | None = Field(default=None, alias="PoorQuality")
    sold_out: str | None = Field(default=None, alias="SoldOut")


class StatisticsResultProducts(V2Model):
    status: StatisticsResultProductsStatus | None = Field(default=None, alias="Status")
    total: int | None = Field(default=None, alias="Total")


class StatisticsResult(V2Model):
    account_health: StatisticsResultAccountHealth | None = Field(default=None, alias="AccountHealth")
    orders: StatisticsResultOrders | None = Field(default=None, alias="Orders")
    orders_items_pending: StatisticsResultOrdersItemsPending | None = Field(default=None, alias="OrdersItemsPending")
    products: StatisticsResultProducts | None = Field(default=None, alias="Products")


class Statistics(V2Model):
    last_data_update: str | None = Field(default=None, alias="LastDataUpdate")
    result: StatisticsResult | None = None


class StockReadConsignments(V2Model):
    canceled: int | None = None
    defective: int | None = None
    failed: int | None = None
    quarantined: int | None = None
    received: int | None = None
    returned: int | None = None


class StockReadWarehousesItem(V2Model):
    name: str | None = None
    stock: int | None = None
    warehouse_id: int | None = Field(default=None, alias="warehouseId")


class StockRead(V2Model):
    available: int | None = None
    consignments: StockReadConsignments | None = None
    name: str | None = None
    non_sellable_stock: int | None = Field(default=None, alias="nonSellableStock")
    pre_verification_stock: int | None = Field(default=None, alias="preVerificationStock")
    quantity: int | None = None
    reserved_stock: int | None = Field(default=None, alias="reservedStock")
    sellable_stock: int | None = Field(default=None, alias="sellableStock")
    seller_sku: str | None = Field(default=None, alias="sellerSku")
    shop_sku: str | None = Field(default=None, alias="shopSku")
    warehouses: list[StockReadWarehousesItem] | None = None


class Tag(V2Model):
    id: int | None = None
    name: str | None = None


class TagSeller(V2Model):
    seller_id: int | None = Field(default=None, alias="sellerId")
    tags: list[str] | None = None


class Transaction(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    currency: str | None = None
    description: str | None = None
    hash: str | None = None
    id: int | None = None
    is_unique: bool | None = Field(default=None, alias="isUnique")
    is_wht_in_amount: bool | None = Field(default=None, alias="isWhtInAmount")
    number: str | None = None
    qc_user_id: int | None = Field(default=None, alias="qcUserId")
    ref: int | None = None
    ref_date: int | None = Field(default=None, alias="refDate")
    reference: int | None = None
    reference_type: str | None = Field(default=None, alias="referenceType")
    seller_id: int | None = Field(default=None, alias="sellerId")
    taxes_vat: float | None = Field(default=None, alias="taxesVat")
    taxes_wht: float | None = Field(default=None, alias="taxesWht")
    transaction_group_name: str | None = Field(default=None, alias="transactionGroupName")
    transaction_source: str | None = Field(default=None, alias="transactionSource")
    transaction_statement_id: int | None = Field(default=None, alias="transactionStatementId")
    transaction_trigger_event_id: int | None = Field(default=None, alias="transactionTriggerEventId")
    transaction_type_id: int | None = Field(default=None, alias="transactionTypeId")
    tre_statement_group_id: int | None = Field(default=None, alias="treStatementGroupId")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    user_id: int | None = Field(default=None, alias="userId")
    value: float | None = None


class TransactionAccountStatementGroupOutcome(V2Model):
    value: str | None = None


class TransactionAccountStatementGroup(V2Model):
    account_statement_group_id: str | None = Field(default=None, alias="accountStatementGroupId")
    account_statement_section: str | None = Field(default=None, alias="accountStatementSection")
    marker: str | None = None
    name: str | None = None
    outcome: TransactionAccountStatementGroupOutcome | None = None
    statement_type: str | None = Field(default=None, alias="statementType")
    transaction_type: str | None = Field(default=None, alias="transactionType")
    transaction_type_id: int | None = Field(default=None, alias="transactionTypeId")
    transaction_type_ref_source: str | None = Field(default=None, alias="transactionTypeRefSource")


class TransactionStatement(V2Model):
    closing_balance: float | None = Field(default=None, alias="closingBalance")
    created_at: str | None = Field(default=None, alias="createdAt")
    currency: str | None = None
    due_at: str | None = Field(default=None, alias="dueAt")
    end_date: str | None = Field(default=None, alias="endDate")
    guarantee_deposit: str | None = Field(default=None, alias="guaranteeDeposit")
    id: int | None = None
    note: str | None = None
    number: str | None = None
    opening_balance: float | None = Field(default=None, alias="openingBalance")
    paid: bool | None = None
    paid_at: str | None = Field(default=None, alias="paidAt")
    payment_ref: str | None = Field(default=None, alias="paymentRef")
    payout: float | None = None
    seller_id: int | None = Field(default=None, alias="sellerId")
    start_date: str | None = Field(default=None, alias="startDate")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    upload_id: int | None = Field(default=None, alias="uploadId")
    user_id: int | None = Field(default=None, alias="userId")
    uuid: str | None = None


class TransactionTriggerEvent(V2Model):
    id: int | None = None
    label: str | None = None
    name: str | None = None


class TransactionType(V2Model):
    account_statement_section: str | None = Field(default=None, alias="accountStatementSection")
    description: str | None = None
    fee_type: int | None = Field(default=None, alias="feeType")
    id: int | None = None
    ref_source: str | None = Field(default=None, alias="refSource")
    type: str | None = None


class UpdateWebhook(V2Model):
    updated_at: str | None = Field(default=None, alias="updatedAt")
    webhook_id: str | None = Field(default=None, alias="webhookId")


class UserSwitchableSellersItem(V2Model):
    id: str | None = None
    name: str | None = None


class User(V2Model):
    acl_role_id: int | None = Field(default=None, alias="aclRoleId")
    api_key: str | None = Field(default=None, alias="apiKey")
    email: str | None = None
    enable_password: bool | None = Field(default=None, alias="enablePassword")
    id: int | None = None
    name: str | None = None
    seller_id: int | None = Field(default=None, alias="sellerId")
    status: str | None = None
    switchable_sellers: list[UserSwitchableSellersItem] | None = Field(default=None, alias="switchableSellers")


class UserChangePassword(V2Model):
    current_password: str | None = Field(default=None, alias="currentPassword")
    new_password: str | None = Field(default=None, alias="newPassword")


class UserCreate(V2Model):
    acl_role_id: int | None = Field(default=None, alias="aclRoleId")
    api_key: str | None = Field(default=None, alias="apiKey")
    email: str | None = None
    enable_password: bool | None = Field(default=None, alias="enablePassword")
    language_id: int | None = Field(default=None, alias="languageId")
    name: str | None = None
    notify_new_user: bool | None = Field(default=None, alias="notifyNewUser")
    seller_id: int | None = Field(default=None, alias="sellerId")
    status: str | None = None
    switchable_seller_ids: list[int] | None = Field(default=None, alias="switchableSellerIds")


class UserResource(V2Model):
    description: str | None = None
    id: int | None = None
    label: str | None = None
    maintenance_only: bool | None = Field(default=None, alias="maintenanceOnly")
    name: str | None = None
    tags: list[str] | None = None


class UserUpdate(V2Model):
    api_key: str | None = Field(default=None, alias="apiKey")
    email: str | None = None
    enable_password: bool | None = Field(default=None, alias="enablePassword")
    name: str | None = None
    role_id: int | None = Field(default=None, alias="roleId")
    status: str | None = None
    switchable_seller_ids: list[int] | None = Field(default=None, alias="switchableSellerIds")


class VisibilityRule(V2Model):
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


class Warehouse(V2Model):
    address: str | None = None
    city: str | None = None
    country: str | None = None
    default: bool | None = None
    id: int | None = None
    is_in_shopping_mall: bool | None = Field(default=None, alias="isInShoppingMall")
    is_synced: bool | None = Field(default=None, alias="isSynced")
    latitude: str | None = None
    longitude: str | None = None
    name: str | None = None
    note: str | None = None
    postcode: str | None = None
    seller_id: int | None = Field(default=None, alias="sellerId")
    status: str | None = None


class WarehouseStock(V2Model):
    quantity: int | None = None


class WebhookEventsItem(V2Model):
    alias: str | None = None
    name: str | None = None


class Webhook(V2Model):
    callback_url: str | None = Field(default=None, alias="callbackUrl")
    created_at: str | None = Field(default=None, alias="createdAt")
    creation_source: str | None = Field(default=None, alias="creationSource")
    events: list[WebhookEventsItem] | None = None
    is_enabled: bool | None = Field(default=None, alias="isEnabled")
    public_id: str | None = Field(default=None, alias="publicId")
    seller_id: int | None = Field(default=None, alias="sellerId")
    updated_at: str | None = Field(default=None, alias="updatedAt")


class WebhookCallback(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    event: str | None = None
    id: int | None = None
    last_call_at: str | None = Field(default=None, alias="lastCallAt")
    payload: str | None = None
    seller_id: int | None = Field(default=None, alias="sellerId")
    status: str | None = None
    url: str | None = None


WebhookEntityEventsItem = WebhookEventsItem


class WebhookEntity(V2Model):
    events: list[WebhookEventsItem] | None = None
    name: str | None = None


class WebhookEntityEvent(V2Model):
    alias: str | None = None
    name: str | None = None
