"""The legacy actions this library knows: HTTP method, whether a ``<Request>`` XML body is sent, and the places
in ``Body`` where the API sends a list (a single element arrives as an object; no element as ``""``).

``SellerCenterLegacyClient.call`` accepts any action name; an unknown one is sent as GET (or POST with a body)
and left un-normalised.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class LegacyAction:
    name: str
    method: str = "GET"
    #: Sends a ``<Request>`` body and answers a feed id (``Head.RequestId``) to poll with ``FeedStatus``.
    feed: bool = False
    lists: tuple[str, ...] = ()


def _a(name: str, method: str = "GET", *lists: str, feed: bool = False) -> LegacyAction:
    return LegacyAction(name, method, feed, lists)


_ACTIONS = (
    # products
    _a("GetProducts", "GET", "Products.Product", "Products.Product.*.Images.Image"),
    _a("ProductCreate", "POST", feed=True),
    _a("ProductUpdate", "POST", feed=True),
    _a("ProductRemove", "POST", feed=True),
    _a("ProductStockUpdate", "POST", feed=True),
    _a("Image", "POST", feed=True),
    _a("GetQcStatus", "GET", "Status.State"),
    _a("GetBrands", "GET", "Brands.Brand"),
    _a("GetCategoryTree", "GET", "Categories.Category"),
    _a("GetCategoryAttributes", "GET", "Attribute"),
    _a("GetCategoriesByAttributeSet", "GET", "AttributeSets.AttributeSet"),
    # feeds
    _a("FeedList", "GET", "Feed"),
    _a("FeedOffsetList", "GET", "Feeds.Feed"),
    _a("FeedCount", "GET"),
    _a("FeedStatus", "GET", "FeedDetail.FeedErrors.Error", "FeedDetail.FeedWarnings.Warning"),
    _a("FeedCancel", "POST"),
    # orders
    _a("GetOrders", "GET", "Orders.Order"),
    _a("GetOrder", "GET", "Orders.Order"),
    _a("GetOrderItems", "GET", "OrderItems.OrderItem"),
    _a("GetMultipleOrderItems", "GET", "Orders.Order", "Orders.Order.*.OrderItems.OrderItem"),
    _a("GetOrderComments", "GET", "OrderComments.OrderComment"),
    _a("GetFailureReasons", "GET", "Reasons.Reason"),
    _a("GetShipmentProviders", "GET", "ShipmentProviders.ShipmentProvider"),
    _a("GetDocument", "GET", "Documents.Document"),
    _a("SetStatusToCanceled", "POST"),
    _a("SetStatusToPackedByMarketplace", "POST", "OrderItems.OrderItem"),
    _a("SetStatusToReadyToShip", "POST", "OrderItems.OrderItem"),
    _a("SetStatusToShipped", "POST"),
    _a("SetStatusToFailedDelivery", "POST"),
    _a("SetStatusToDelivered", "POST"),
    _a("SetInvoiceNumber", "POST"),
    # seller
    _a("GetStatistics", "GET"),
    _a("GetMetrics", "GET", "MetricsType"),
    _a("GetPayoutStatus", "GET", "SellerPayouts.SellerPayout"),
    _a("GetTransactionDetails", "GET", "TransactionDetails.TransactionDetail"),
)

#: Every legacy action with typed support, by name.
LEGACY_ACTIONS = MappingProxyType({a.name: a for a in _ACTIONS})

#: ``FeedStatus`` statuses after which a feed no longer changes.
FEED_DONE = frozenset({"Finished", "Canceled", "Error"})
