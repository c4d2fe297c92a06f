"""Everything the generator decides that the models do not say: names, aliases, overrides.

Kept in one place on purpose (spec overrides live here, not scattered through the emitters). Every entry is
checked against the models on each run: an override that no longer matches an operation fails the generation.
"""

from __future__ import annotations

import re

#: Default location of Amazon's models, relative to the repository root (``$SPAPI_SHARED/spapi-models/models``).
DEFAULT_MODELS_SUBDIR = "spapi-models/models"

# --------------------------------------------------------------------------------------------------------------
# API attribute names: ``<api>_<version>`` in snake_case.
#
# Rule: take the model file's stem, drop a trailing version marker (``_2021-06-30``, ``-2022-11-07``,
# ``V2022-07-01``, ``V0``, ``V1``, ``V2``), snake_case the rest, then append the model's ``info.version``
# (``v0``, ``v1``, ``2021-06-30`` → ``2021_06_30``). So ``ordersV0.json`` → ``orders_v0``,
# ``reports_2021-06-30.json`` → ``reports_2021_06_30``, ``fbaInventory.json`` (info.version v1) →
# ``fba_inventory_v1``. The base names below replace the snake_cased stem where it reads badly.
# --------------------------------------------------------------------------------------------------------------
API_BASE_OVERRIDES: dict[str, str] = {
    "InvoicesApiModel_2024-06-19.json": "invoices",
    "definitionsProductTypes_2020-09-01.json": "product_type_definitions",
    "fbaInbound.json": "fba_inbound_eligibility",
    "application_2023-11-30.json": "application_management",
}

_VERSION_SUFFIX = re.compile(r"(?:[_-]?\d{4}-\d{2}-\d{2}|V\d+)$")


def strip_version_suffix(stem: str) -> str:
    """``ordersV0`` → ``orders``; ``reports_2021-06-30`` → ``reports``; ``deliveryShipmentInvoiceV2022-07-01`` →
    ``deliveryShipmentInvoice``."""
    stem = _VERSION_SUFFIX.sub("", stem)
    return re.sub(r"V$", "", stem)


#: Short aliases on the client for the recommended version of an API (alias → API attribute). The newest version
#: whose operations the models do not mark deprecated and that covers the API (fulfillment outbound 2026-07-04 and
#: finances 2024-06-19 cover only part of their older versions, so the aliases keep those). Checked on each run:
#: no alias may point at an API with deprecated operations.
ALIASES: dict[str, str] = {
    "orders": "orders_2026_01_01",
    "reports": "reports_2021_06_30",
    "feeds": "feeds_2021_06_30",
    "catalog": "catalog_items_2022_04_01",
    "listings": "listings_items_2021_08_01",
    "listings_restrictions": "listings_restrictions_2021_08_01",
    "notifications": "notifications_v1",
    "sellers": "sellers_v1",
    "tokens": "tokens_2021_03_01",
    "finances": "finances_v0",
    "fba_inventory": "fba_inventory_v1",
    "fulfillment_inbound": "fulfillment_inbound_2024_03_20",
    "fulfillment_outbound": "fulfillment_outbound_2020_07_01",
    "merchant_fulfillment": "merchant_fulfillment_v0",
    "product_pricing": "product_pricing_v0",
    "product_fees": "product_fees_v0",
    "product_type_definitions": "product_type_definitions_2020_09_01",
    "messaging": "messaging_v1",
    "solicitations": "solicitations_v1",
    "shipping": "shipping_v2",
    "data_kiosk": "data_kiosk_2023_11_15",
    "vendor_orders": "vendor_orders_v1",
    "vendor_shipments": "vendor_shipments_v1",
    "vendor_invoices": "vendor_invoices_v1",
    "sales": "sales_v1",
    "uploads": "uploads_2020_11_01",
    "aplus_content": "aplus_content_2020_11_01",
    "awd": "awd_2024_05_09",
    "easy_ship": "easy_ship_2022_03_23",
    "replenishment": "replenishment_2022_11_07",
    "services": "services_v1",
}

# --------------------------------------------------------------------------------------------------------------
# Method names: the snake_cased operationId. When one API uses the same operationId twice (shippingV2's
# ``linkCarrierAccount`` on PUT and POST of the same path), the operation whose HTTP method comes first in
# DUPLICATE_METHOD_ORDER keeps the plain name and every other one gets ``_<method>`` appended
# (``link_carrier_account`` for PUT, ``link_carrier_account_post`` for POST). The rule depends only on the
# methods, never on the order of the file, so the names are stable.
# --------------------------------------------------------------------------------------------------------------
DUPLICATE_METHOD_ORDER = ("GET", "PUT", "POST", "PATCH", "DELETE")

# --------------------------------------------------------------------------------------------------------------
# Restricted operations: those that can return customers' personal data (PII) and then need a Restricted Data
# Token (RDT) instead of the LWA access token. Two kinds, kept apart because Amazon refuses RDTs to applications
# without the restricted roles (most applications), and an RDT must never be asked for when nobody wants the PII:
#
# RDT_ON_REQUEST: the operation answers with an ordinary LWA token and leaves the personal data out; the RDT (and
#   the PII) is used only when the caller passes ``data_elements=[...]``. Sources: the Tokens model's
#   ``RestrictedResource.dataElements`` (needed "only" for orders v0 getOrders/getOrder/getOrderItems) and the
#   orders v0 response schemas (BuyerInfo, ShippingAddress, BuyerTaxInformation are the restricted parts of an
#   otherwise ordinary Order/OrderItem); Amazon's Tokens API use case guide for Direct Fulfillment orders
#   (purchase orders whose customer data is restricted) and for reports getReportDocument (restricted only for
#   restricted report types, where the RDT carries no data elements: pass ``data_elements=[]``).
# RDT_ALWAYS: every answer is restricted data, so the RDT is fetched automatically. Source: the list of restricted
#   operations in Amazon's Tokens API use case guide (the merchant fulfillment getShipment path is also a
#   RestrictedResource example in the Tokens model).
#
# Keys are ``<api attribute>.<method name>``; the operation table (client and emulator) reads ``Operation.rdt``.
# --------------------------------------------------------------------------------------------------------------
RDT_ON_REQUEST: frozenset[str] = frozenset(
    {
        "orders_v0.get_orders",
        "orders_v0.get_order",
        "orders_v0.get_order_items",
        "vendor_direct_fulfillment_orders_v1.get_orders",
        "vendor_direct_fulfillment_orders_v1.get_order",
        "vendor_direct_fulfillment_orders_2021_12_28.get_orders",
        "vendor_direct_fulfillment_orders_2021_12_28.get_order",
        "reports_2021_06_30.get_report_document",
    }
)
RDT_ALWAYS: frozenset[str] = frozenset(
    {
        "orders_v0.get_order_address",
        "orders_v0.get_order_buyer_info",
        "orders_v0.get_order_items_buyer_info",
        "orders_v0.get_order_regulated_info",
        "merchant_fulfillment_v0.get_shipment",
        "merchant_fulfillment_v0.create_shipment",
        "merchant_fulfillment_v0.cancel_shipment",
        "shipment_invoicing_v0.get_shipment_details",
        "easy_ship_2022_03_23.create_scheduled_package_bulk",
        "vendor_direct_fulfillment_shipping_v1.get_shipping_labels",
        "vendor_direct_fulfillment_shipping_v1.get_shipping_label",
        "vendor_direct_fulfillment_shipping_v1.get_packing_slips",
        "vendor_direct_fulfillment_shipping_v1.get_packing_slip",
        "vendor_direct_fulfillment_shipping_v1.get_customer_invoices",
        "vendor_direct_fulfillment_shipping_v1.get_customer_invoice",
        "vendor_direct_fulfillment_shipping_2021_12_28.get_shipping_labels",
        "vendor_direct_fulfillment_shipping_2021_12_28.get_shipping_label",
        "vendor_direct_fulfillment_shipping_2021_12_28.create_shipping_labels",
        "vendor_direct_fulfillment_shipping_2021_12_28.get_packing_slips",
        "vendor_direct_fulfillment_shipping_2021_12_28.get_packing_slip",
        "vendor_direct_fulfillment_shipping_2021_12_28.get_customer_invoices",
        "vendor_direct_fulfillment_shipping_2021_12_28.get_customer_invoice",
    }
)

#: Restricted elements that the models name as the restricted parts of a response (orders v0 Order/OrderItem);
#: the value the Tokens API accepts for each (``RestrictedResource.dataElements``).
DATA_ELEMENTS = ("buyerInfo", "shippingAddress", "buyerTaxInformation")

# --------------------------------------------------------------------------------------------------------------
# Grantless operations and their LWA scope. An operation is grantless when its model description says so
# (GRANTLESS_PHRASE, the seven notifications operations) or when it is listed in GRANTLESS_EXTRA (Amazon's
# "Rotate your application's client secret" guide: rotateApplicationClientSecret is called with a
# client-credentials token of scope ``sellingpartnerapi::client_credential:rotation``; its model does not say
# so). Each grantless operation takes the scope of its API (GRANTLESS_SCOPES, from Amazon's grantless operations
# guide); a grantless operation whose API has no scope here fails the generation.
# --------------------------------------------------------------------------------------------------------------
GRANTLESS_EXTRA: frozenset[str] = frozenset({"application_management_2023_11_30.rotate_application_client_secret"})
GRANTLESS_SCOPES: dict[str, str] = {
    "notifications_v1": "sellingpartnerapi::notifications",
    "application_management_2023_11_30": "sellingpartnerapi::client_credential:rotation",
}

# --------------------------------------------------------------------------------------------------------------
# Deprecated operations (``deprecated: true`` in the model) and what replaces each. Every deprecated operation
# must be listed (the generation fails otherwise); the client warns once per operation naming the replacement.
# Orders v0 -> Orders v2026-01-01: searchOrders lists orders (items included); getOrder returns one order with its
# items, and with includedData=BUYER / RECIPIENT its buyer and address (no RDT needed in that version).
# --------------------------------------------------------------------------------------------------------------
REPLACEMENTS: dict[str, str] = {
    "orders_v0.get_orders": "orders_2026_01_01.search_orders",
    "orders_v0.get_order": "orders_2026_01_01.get_order",
    "orders_v0.get_order_items": "orders_2026_01_01.get_order",
    "orders_v0.get_order_buyer_info": "orders_2026_01_01.get_order",
    "orders_v0.get_order_address": "orders_2026_01_01.get_order",
    "orders_v0.get_order_items_buyer_info": "orders_2026_01_01.get_order",
}

# --------------------------------------------------------------------------------------------------------------
# Pagination. The request token parameter is found by name; the response token by searching the 2xx schema at
# these locations, in order. Items are the one list on the page (beside the token) unless named below.
# --------------------------------------------------------------------------------------------------------------
REQUEST_TOKEN_NAMES = (
    "nextToken",
    "NextToken",
    "paginationToken",
    "pageToken",
    "nextPageToken",
    "nextTokenForLineItems",
)
RESPONSE_TOKEN_NAMES = ("nextToken", "NextToken", "nextPageToken", "nextTokenForLineItems")
RESPONSE_TOKEN_PREFIXES = ("", "payload.", "pagination.", "payload.pagination.")

#: Lists on a page that are never its records.
NOT_ITEMS = frozenset({"errors", "warnings"})

#: ``<key>`` → dotted path of the items list on a page, where the page holds several lists.
ITEMS_PATH_OVERRIDES: dict[str, str | None] = {
    "fulfillment_inbound_2024_03_20.get_self_ship_appointment_slots": "selfShipAppointmentSlotsAvailability.slots",
    # finances v0 list_financial_events*: payload.FinancialEvents holds one list per event type, so the page is
    # the item (iterate pages).
}

#: Operations that read a token but take none, or send one that another operation returns: no paginator.
#: (fulfillment_inbound_v0.get_shipment_items_by_shipment_id returns payload.NextToken but has no token
#: parameter; Data Kiosk's next page is a new createQuery with body.paginationToken, see DATA_KIOSK below.)
NOT_PAGINATED: frozenset[str] = frozenset({"fulfillment_inbound_v0.get_shipment_items_by_shipment_id"})

#: Where Amazon documents which parameters go with the page token. Key → (parameters sent alongside the token,
#: parameters set to a fixed value on token pages). Wire names. Sources: getOrders (only NextToken and
#: MarketplaceIds are honoured with a token), getReports/getFeeds ("include this token as the only parameter"),
#: fulfillment inbound v0 getShipments/getShipmentItems (QueryType NEXT_TOKEN with the token). Operations not
#: listed resend every argument with the token ("include the same arguments as the call that produced it").
TOKEN_RULES: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    "orders_v0.get_orders": (("MarketplaceIds",), ()),
    "reports_2021_06_30.get_reports": ((), ()),
    "feeds_2021_06_30.get_feeds": ((), ()),
    "fulfillment_inbound_v0.get_shipments": (("MarketplaceId",), (("QueryType", "NEXT_TOKEN"),)),
    "fulfillment_inbound_v0.get_shipment_items": (("MarketplaceId",), (("QueryType", "NEXT_TOKEN"),)),
}

#: Data Kiosk: the token comes from getQuery (``pagination.nextToken``) and goes into createQuery's body.
BODY_TOKEN_OPERATIONS: dict[str, str] = {
    "data_kiosk_2023_11_15.create_query": "body.paginationToken",
}

# --------------------------------------------------------------------------------------------------------------
# Usage plans: a few tables use placeholders (``n | n``); those operations fall back to DEFAULT_PLAN with
# plan_source "default", exactly like operations without a table.
# --------------------------------------------------------------------------------------------------------------

#: Page-size query parameters (recorded in the pagination descriptor).
PAGE_SIZE_NAMES = ("pageSize", "PageSize", "maxResults", "MaxResultsPerPage", "maxResultsPerPage", "limit")

#: An operation is grantless when its description says so.
GRANTLESS_PHRASE = re.compile(r"`\w+` (?:operation|API) is grantless")

#: Query parameters typed ``string`` without a format whose model says they take an ISO 8601 timestamp (getOrders'
#: ``CreatedAfter``...) and whose name says it is a point in time: typed ``datetime | str`` like ``date-time`` ones.
DATETIME_PARAM_NAME = re.compile(r"(?:After|Before|Since|Until|Time|Date)$")
ISO_8601_MENTION = re.compile(r"ISO.?8601")
