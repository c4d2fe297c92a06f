# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``finance`` resource of the v2 API (tag ``Finance``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["FinanceResource"]


class GetFinanceOrderItemTransactionsItem(V2Model):
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


class GetFinanceStatementsItem(V2Model):
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


GetFinanceStatementsByIdResponse = GetFinanceStatementsItem


class GetFinanceStatementsCurrentByCountryResponse(V2Model):
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


class GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem(V2Model):
    amount: float | None = None
    id: int | None = None
    name: str | None = None


class GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees(V2Model):
    groups: list[GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem] | None = None
    total: float | None = None


GetFinanceStatementsCurrentDetailsResponseDetailsOrderItemRevenueGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsCurrentDetailsResponseDetailsOrderItemRevenue = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


GetFinanceStatementsCurrentDetailsResponseDetailsOrderOtherRevenueGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsCurrentDetailsResponseDetailsOrderOtherRevenue = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


GetFinanceStatementsCurrentDetailsResponseDetailsOrderSubsidyGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsCurrentDetailsResponseDetailsOrderSubsidy = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


class GetFinanceStatementsCurrentDetailsResponseDetailsOrder(V2Model):
    fees: GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees | None = None
    item_revenue: GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees | None = Field(
        default=None, alias="itemRevenue"
    )
    other_revenue: GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees | None = Field(
        default=None, alias="otherRevenue"
    )
    subsidy: GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees | None = None
    subtotal: float | None = None
    vat_amount: float | None = Field(default=None, alias="vatAmount")
    wht_amount: float | None = Field(default=None, alias="whtAmount")


GetFinanceStatementsCurrentDetailsResponseDetailsOthersOthersGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsCurrentDetailsResponseDetailsOthersOthers = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


class GetFinanceStatementsCurrentDetailsResponseDetailsOthers(V2Model):
    others: GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees | None = None
    vat_amount: float | None = Field(default=None, alias="vatAmount")
    wht_amount: float | None = Field(default=None, alias="whtAmount")


GetFinanceStatementsCurrentDetailsResponseDetailsRefundsDebitOtherRevenuesGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsCurrentDetailsResponseDetailsRefundsDebitOtherRevenues = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


GetFinanceStatementsCurrentDetailsResponseDetailsRefundsItemRefundsGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsCurrentDetailsResponseDetailsRefundsItemRefunds = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


GetFinanceStatementsCurrentDetailsResponseDetailsRefundsRefundsGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsCurrentDetailsResponseDetailsRefundsRefunds = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


GetFinanceStatementsCurrentDetailsResponseDetailsRefundsSubsidyRefundsGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsCurrentDetailsResponseDetailsRefundsSubsidyRefunds = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


class GetFinanceStatementsCurrentDetailsResponseDetailsRefunds(V2Model):
    debit_other_revenues: GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees | None = Field(
        default=None, alias="debitOtherRevenues"
    )
    item_refunds: GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees | None = Field(
        default=None, alias="itemRefunds"
    )
    refunds: GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees | None = None
    subsidy_refunds: GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees | None = Field(
        default=None, alias="subsidyRefunds"
    )
    subtotal: float | None = None
    vat_amount: float | None = Field(default=None, alias="vatAmount")
    wht_amount: float | None = Field(default=None, alias="whtAmount")


class GetFinanceStatementsCurrentDetailsResponseDetails(V2Model):
    order: GetFinanceStatementsCurrentDetailsResponseDetailsOrder | None = None
    others: GetFinanceStatementsCurrentDetailsResponseDetailsOthers | None = None
    refunds: GetFinanceStatementsCurrentDetailsResponseDetailsRefunds | None = None


class GetFinanceStatementsCurrentDetailsResponse(V2Model):
    currency: str | None = None
    details: GetFinanceStatementsCurrentDetailsResponseDetails | None = None
    id: int | None = None
    type: str | None = None


GetFinanceStatementsDetailsResponseDetailsOrderFeesGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsDetailsResponseDetailsOrderFees = GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees


GetFinanceStatementsDetailsResponseDetailsOrderItemRevenueGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsDetailsResponseDetailsOrderItemRevenue = GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees


GetFinanceStatementsDetailsResponseDetailsOrderOtherRevenueGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsDetailsResponseDetailsOrderOtherRevenue = GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees


GetFinanceStatementsDetailsResponseDetailsOrderSubsidyGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsDetailsResponseDetailsOrderSubsidy = GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees


GetFinanceStatementsDetailsResponseDetailsOrder = GetFinanceStatementsCurrentDetailsResponseDetailsOrder


GetFinanceStatementsDetailsResponseDetailsOthersOthersGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsDetailsResponseDetailsOthersOthers = GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees


GetFinanceStatementsDetailsResponseDetailsOthers = GetFinanceStatementsCurrentDetailsResponseDetailsOthers


GetFinanceStatementsDetailsResponseDetailsRefundsDebitOtherRevenuesGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsDetailsResponseDetailsRefundsDebitOtherRevenues = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


GetFinanceStatementsDetailsResponseDetailsRefundsItemRefundsGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsDetailsResponseDetailsRefundsItemRefunds = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


GetFinanceStatementsDetailsResponseDetailsRefundsRefundsGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsDetailsResponseDetailsRefundsRefunds = GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees


GetFinanceStatementsDetailsResponseDetailsRefundsSubsidyRefundsGroupsItem = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFeesGroupsItem
)


GetFinanceStatementsDetailsResponseDetailsRefundsSubsidyRefunds = (
    GetFinanceStatementsCurrentDetailsResponseDetailsOrderFees
)


GetFinanceStatementsDetailsResponseDetailsRefunds = GetFinanceStatementsCurrentDetailsResponseDetailsRefunds


GetFinanceStatementsDetailsResponseDetails = GetFinanceStatementsCurrentDetailsResponseDetails


class GetFinanceStatementsDetailsResponse(V2Model):
    country: str | None = None
    currency: str | None = None
    details: GetFinanceStatementsCurrentDetailsResponseDetails | None = None
    id: int | None = None


class GetFinanceTransactionTypesResponseItem(V2Model):
    account_statement_section: str | None = Field(default=None, alias="accountStatementSection")
    description: str | None = None
    fee_type: int | None = Field(default=None, alias="feeType")
    id: int | None = None
    ref_source: str | None = Field(default=None, alias="refSource")
    type: str | None = None


class GetFinanceTransactionsItem(V2Model):
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


class GetFinanceTransactionsAccountStatementGroupsResponseItemOutcome(V2Model):
    value: str | None = None


class GetFinanceTransactionsAccountStatementGroupsResponseItem(V2Model):
    account_statement_group_id: str | None = Field(default=None, alias="accountStatementGroupId")
    account_statement_section: str | None = Field(default=None, alias="accountStatementSection")
    marker: str | None = None
    name: str | None = None
    outcome: GetFinanceTransactionsAccountStatementGroupsResponseItemOutcome | None = None
    statement_type: str | None = Field(default=None, alias="statementType")
    transaction_type: str | None = Field(default=None, alias="transactionType")
    transaction_type_id: int | None = Field(default=None, alias="transactionTypeId")
    transaction_type_ref_source: str | None = Field(default=None, alias="transactionTypeRefSource")


class GetFinanceTransactionsV21ItemAmount(V2Model):
    currency: str | None = None
    value: float | None = None
    vat_tax: float | None = Field(default=None, alias="vatTax")
    wht_tax: float | None = Field(default=None, alias="whtTax")


class GetFinanceTransactionsV21ItemTransactionTypeAccountStatementGroup(V2Model):
    id: int | None = None
    name: str | None = None


class GetFinanceTransactionsV21ItemTransactionType(V2Model):
    account_statement_group: GetFinanceTransactionsV21ItemTransactionTypeAccountStatementGroup | None = Field(
        default=None, alias="accountStatementGroup"
    )
    id: int | None = None
    name: str | None = None


class GetFinanceTransactionsV21Item(V2Model):
    account_statement_end_date: str | None = Field(default=None, alias="accountStatementEndDate")
    account_statement_id: int | None = Field(default=None, alias="accountStatementId")
    account_statement_is_paid: bool | None = Field(default=None, alias="accountStatementIsPaid")
    account_statement_number: str | None = Field(default=None, alias="accountStatementNumber")
    account_statement_payment_due_date: str | None = Field(default=None, alias="accountStatementPaymentDueDate")
    account_statement_start_date: str | None = Field(default=None, alias="accountStatementStartDate")
    amount: GetFinanceTransactionsV21ItemAmount | None = None
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
    transaction_type: GetFinanceTransactionsV21ItemTransactionType | None = Field(default=None, alias="transactionType")
    user_id: int | None = Field(default=None, alias="userId")


class GetFinanceVariablesItem(V2Model):
    description: str | None = None
    global_value: bool | None = Field(default=None, alias="globalValue")
    name: str | None = None
    seller_description: str | None = Field(default=None, alias="sellerDescription")
    seller_id: int | None = Field(default=None, alias="sellerId")
    seller_src_id: str | None = Field(default=None, alias="sellerSrcId")
    type: str | None = None
    value: float | None = None


class GetTransactionStatementsResponseItem(V2Model):
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


class GetTransactionTriggerEventsResponseItem(V2Model):
    id: int | None = None
    label: str | None = None
    name: str | None = None


class GetTransactionsResponseItem(V2Model):
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


class PostFinanceTransactionRequest(V2Model):
    account_statement_group_id: int | None = Field(default=None, alias="accountStatementGroupId")
    currency: str | None = None
    description: str | None = None
    reference_id: int | None = Field(default=None, alias="referenceId")
    seller_id: int | None = Field(default=None, alias="sellerId")
    transaction_type_id: int | None = Field(default=None, alias="transactionTypeId")
    value: float | None = None
    vat_tax: float | None = Field(default=None, alias="vatTax")
    wht_tax: float | None = Field(default=None, alias="whtTax")


PostFinanceTransactionResponse = GetTransactionsResponseItem


class FinanceResource(_rt.Resource):
    __slots__ = ()

    def get_finance_order_item_transactions(
        self,
        *,
        end_date: str | None = None,
        is_hybrid: bool | None = None,
        is_outlet: bool | None = None,
        order_numbers: Sequence[str] | None = None,
        payout_status: str | None = None,
        product_skus: Sequence[str] | None = None,
        products: Sequence[str] | None = None,
        shipment_types: Sequence[str] | None = None,
        sort: str | None = None,
        sort_dir: str | None = None,
        start_date: str | None = None,
        statement_id: float | None = None,
        statement_type: str | None = None,
        status: Sequence[str] | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetFinanceOrderItemTransactionsItem]:
        """``GET /v2/finance/order-item-transactions``."""
        params = _rt.query(
            {
                "statementId": statement_id,
                "startDate": start_date,
                "endDate": end_date,
                "products[]": products,
                "productSkus[]": product_skus,
                "orderNumbers[]": order_numbers,
                "payoutStatus": payout_status,
                "shipmentTypes[]": shipment_types,
                "status[]": status,
                "isHybrid": is_hybrid,
                "isOutlet": is_outlet,
                "statementType": statement_type,
                "sort": sort,
                "sortDir": sort_dir,
            }
        )
        return self._paginate(
            "/v2/finance/order-item-transactions",
            params,
            None,
            style="total",
            item=GetFinanceOrderItemTransactionsItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    def get_finance_statements(
        self,
        *,
        country: str | None = None,
        currency: str | None = None,
        end_date: str | None = None,
        paid: bool | None = None,
        seller_id: int | None = None,
        sort: str | None = None,
        sort_dir: str | None = None,
        start_date: str | None = None,
        type: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetFinanceStatementsItem]:
        """``GET /v2/finance/statements``."""
        params = _rt.query(
            {
                "sellerId": seller_id,
                "startDate": start_date,
                "endDate": end_date,
                "paid": paid,
                "country": country,
                "currency": currency,
                "type": type,
                "sort": sort,
                "sortDir": sort_dir,
            }
        )
        return self._paginate(
            "/v2/finance/statements",
            params,
            None,
            style="total",
            item=GetFinanceStatementsItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_finance_statements_by_id(self, *, id: int) -> GetFinanceStatementsItem:
        """``GET /v2/finance/statements/{id}``."""
        _seg_id = _rt.path_param(id, "id")
        response = await self._send("GET", f"/v2/finance/statements/{_seg_id}")
        return _rt.model(GetFinanceStatementsItem, response)

    async def get_finance_statements_current_by_country(
        self, *, country: str, type: str | None = None
    ) -> GetFinanceStatementsCurrentByCountryResponse:
        """``GET /v2/finance/statements/current/{country}``."""
        _seg_country = _rt.path_param(country, "country")
        params = _rt.query({"type": type})
        response = await self._send("GET", f"/v2/finance/statements/current/{_seg_country}", params=params)
        return _rt.model(GetFinanceStatementsCurrentByCountryResponse, response)

    async def get_finance_statements_current_details(
        self, *, country: str, type: str | None = None
    ) -> GetFinanceStatementsCurrentDetailsResponse:
        """``GET /v2/finance/statements/current/{country}/details``."""
        _seg_country = _rt.path_param(country, "country")
        params = _rt.query({"type": type})
        response = await self._send("GET", f"/v2/finance/statements/current/{_seg_country}/details", params=params)
        return _rt.model(GetFinanceStatementsCurrentDetailsResponse, response)

    async def get_finance_statements_details(self, *, id: int) -> GetFinanceStatementsDetailsResponse:
        """``GET /v2/finance/statements/{id}/details``."""
        _seg_id = _rt.path_param(id, "id")
        response = await self._send("GET", f"/v2/finance/statements/{_seg_id}/details")
        return _rt.model(GetFinanceStatementsDetailsResponse, response)

    async def get_finance_transaction_types(self) -> list[GetFinanceTransactionTypesResponseItem]:
        """``GET /v2/finance/transaction/types``."""
        response = await self._send("GET", "/v2/finance/transaction/types")
        return _rt.model_list(GetFinanceTransactionTypesResponseItem, response)

    def get_finance_transactions(
        self,
        *,
        country: str | None = None,
        end_date: str | None = None,
        is_hybrid: bool | None = None,
        is_outlet: bool | None = None,
        is_paid: bool | None = None,
        numbers: Sequence[str] | None = None,
        order_item_id: int | None = None,
        order_item_src_id: str | None = None,
        order_numbers: Sequence[str] | None = None,
        product: Sequence[str] | None = None,
        seller_id: int | None = None,
        sort: str | None = None,
        sort_dir: str | None = None,
        source: str | None = None,
        start_date: str | None = None,
        statement_ids: Sequence[int] | None = None,
        statement_type: str | None = None,
        type_ids: Sequence[int] | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetFinanceTransactionsItem]:
        """``GET /v2/finance/transactions``."""
        params = _rt.query(
            {
                "statementIds[]": statement_ids,
                "sellerId": seller_id,
                "startDate": start_date,
                "endDate": end_date,
                "source": source,
                "country": country,
                "orderItemId": order_item_id,
                "orderItemSrcId": order_item_src_id,
                "orderNumbers[]": order_numbers,
                "sort": sort,
                "sortDir": sort_dir,
                "numbers[]": numbers,
                "typeIds[]": type_ids,
                "isHybrid": is_hybrid,
                "isOutlet": is_outlet,
                "isPaid": is_paid,
                "product[]": product,
                "statementType": statement_type,
            }
        )
        return self._paginate(
            "/v2/finance/transactions",
            params,
            None,
            style="total",
            item=GetFinanceTransactionsItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_finance_transactions_account_statement_groups(
        self, *, statement_type: str | None = None
    ) -> list[GetFinanceTransactionsAccountStatementGroupsResponseItem]:
        """``GET /v2/finance/transactions/account-statement-groups``."""
        params = _rt.query({"statementType": statement_type})
        response = await self._send("GET", "/v2/finance/transactions/account-statement-groups", params=params)
        return _rt.model_list(GetFinanceTransactionsAccountStatementGroupsResponseItem, response)

    def get_finance_transactions_v2_1(
        self,
        *,
        country: str | None = None,
        gte_created_at: str | None = None,
        is_hybrid: bool | None = None,
        is_outlet: bool | None = None,
        is_paid: bool | None = None,
        lte_created_at: str | None = None,
        numbers: Sequence[str] | None = None,
        order_item_ids: Sequence[int] | None = None,
        order_item_src_ids: Sequence[str] | None = None,
        order_numbers: Sequence[str] | None = None,
        products: Sequence[str] | None = None,
        seller_id: float | None = None,
        sort: str | None = None,
        sort_dir: str | None = None,
        source: str | None = None,
        statement_id: float | None = None,
        statement_type: str | None = None,
        transaction_type_ids: Sequence[int] | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetFinanceTransactionsV21Item]:
        """``GET /v2.1/finance/transactions``."""
        params = _rt.query(
            {
                "statementType": statement_type,
                "sellerId": seller_id,
                "gteCreatedAt": gte_created_at,
                "lteCreatedAt": lte_created_at,
                "country": country,
                "source": source,
                "orderItemIds[]": order_item_ids,
                "orderItemSrcIds[]": order_item_src_ids,
                "orderNumbers[]": order_numbers,
                "numbers[]": numbers,
                "products[]": products,
                "statementId": statement_id,
                "transactionTypeIds[]": transaction_type_ids,
                "isOutlet": is_outlet,
                "isHybrid": is_hybrid,
                "isPaid": is_paid,
                "sort": sort,
                "sortDir": sort_dir,
            }
        )
        return self._paginate(
            "/v2.1/finance/transactions",
            params,
            None,
            style="total",
            item=GetFinanceTransactionsV21Item,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    def get_finance_variables(
        self,
        *,
        seller_id: int | None = None,
        seller_src_id: str | None = None,
        variable_name: str | None = None,
        variable_value: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetFinanceVariablesItem]:
        """``GET /v2/finance/variables``."""
        params = _rt.query(
            {
                "sellerId": seller_id,
                "sellerSrcId": seller_src_id,
                "variableName": variable_name,
                "variableValue": variable_value,
            }
        )
        return self._paginate(
            "/v2/finance/variables",
            params,
            None,
            style="total",
            item=GetFinanceVariablesItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_transaction_statements(self, *, ids: Sequence[int]) -> list[GetTransactionStatementsResponseItem]:
        """``GET /v2/transaction/statements``."""
        params = _rt.query({"ids[]": ids})
        response = await self._send("GET", "/v2/transaction/statements", params=params)
        return _rt.model_list(GetTransactionStatementsResponseItem, response)

    async def get_transaction_trigger_events(self) -> list[GetTransactionTriggerEventsResponseItem]:
        """``GET /v2/transaction/trigger-events``."""
        response = await self._send("GET", "/v2/transaction/trigger-events")
        return _rt.model_list(GetTransactionTriggerEventsResponseItem, response)

    async def get_transactions(self, *, order_item_ids: Sequence[int]) -> list[GetTransactionsResponseItem]:
        """``GET /v2/transactions``."""
        params = _rt.query({"orderItemIds[]": order_item_ids})
        response = await self._send("GET", "/v2/transactions", params=params)
        return _rt.model_list(GetTransactionsResponseItem, response)

    async def post_finance_transaction(
        self, *, body: PostFinanceTransactionRequest | Mapping[str, Any] | None = None
    ) -> GetTransactionsResponseItem:
        """``POST /v2/finance/transaction``.

        Signed (X-Timestamp, X-Nonce, X-Signature) by the client automatically.
        """
        response = await self._send("POST", "/v2/finance/transaction", json=_rt.dump(body))
        return _rt.model(GetTransactionsResponseItem, response)
