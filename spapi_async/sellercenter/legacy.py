"""``SellerCenterLegacyClient``: the legacy signed Seller Center API on the shared transport.

``await client.call("GetProducts", Limit=10)`` signs and sends any action and returns a :class:`LegacyResult`;
typed helpers cover products, stock and price updates, orders and order items (offset pagination), status
changes, and feed polling for the write actions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import httpx

from .._redact import SecretScrubber
from ..assembly import AssembledClient, Blueprint, Shared, assemble
from ..call import ApiCall
from ..clock import Clock
from ..config import Secret
from ..errors import ConfigurationError, SPAPIError
from ..http_client import HttpBackend
from ..pagination import OffsetPaginator
from ..retry import DEFAULT_RETRY, RetryPolicy
from ..throttle.base import LimiterBackend
from ..transport import Transport
from ..useragent import build_user_agent
from ._common import DEFAULT_REQUESTS, DEFAULT_WINDOW, fixed_plan, seller_operation, window_plan
from ._options import LEGACY_ENV_NAMES, FromEnv, LegacySettings
from .auth import LegacyAuth
from .legacy_actions import LEGACY_ACTIONS
from .legacy_format import ENVELOPE_KEY, as_list, classify_legacy, decode, request_xml
from .legacy_models import (
    LM,
    LegacyFeedStatus,
    LegacyHead,
    LegacyOrder,
    LegacyOrderItem,
    LegacyProduct,
    LegacyResult,
    parse_result,
    validate_row,
)

__all__ = [
    "LegacyFeedStatus",
    "LegacyHead",
    "LegacyOrder",
    "LegacyOrderItem",
    "LegacyProduct",
    "LegacyResult",
    "SellerCenterLegacyClient",
]


class SellerCenterLegacyClient(FromEnv, AssembledClient[LegacySettings]):
    """An asyncio client for the legacy signed Seller Center API.

    ``base_url`` is the API endpoint (``https://sellercenter-api.<instance>``); every call sends ``Action``,
    ``UserID``, ``Version``, ``Timestamp``, ``Format`` and the action's parameters, signed with ``api_key``.
    ``ErrorResponse`` raises :class:`~spapi_async.sellercenter.errors.SellerCenterLegacyError`; E429 is retried
    after the seller's window (``requests_per_window`` per ``window`` seconds) has room again.
    ``with_options(...)`` makes a copy sharing connections and limiter; ``from_env()`` reads ``SELLERCENTER_*``
    variables (:data:`~spapi_async.sellercenter._options.LEGACY_ENV_NAMES`).
    """

    _ENV_NAMES = LEGACY_ENV_NAMES

    def __init__(
        self,
        base_url: str,
        user_id: str,
        api_key: str,
        *,
        format: str = "JSON",
        version: str = "1.0",
        requests_per_window: int = DEFAULT_REQUESTS,
        window: float = DEFAULT_WINDOW,
        app_name: str | None = None,
        app_version: str | None = None,
        user_agent: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        limiter: LimiterBackend | None = None,
        http_client: httpx.AsyncClient | None = None,
        http_backend: HttpBackend = "httpx",
        clock: Clock | None = None,
    ) -> None:
        settings = LegacySettings(
            base_url,
            user_id,
            Secret(api_key),
            format=format,
            version=version,
            requests_per_window=requests_per_window,
            window=window,
            app_name=app_name,
            app_version=app_version,
            user_agent=user_agent,
            timeout=timeout,
            retry=retry,
        )
        shared = Shared.create(
            http_client=http_client,
            http_backend=http_backend,
            timeout=settings.timeout,
            limiter=limiter,
            token_store=None,
            clock=clock,
        )
        self._start(settings, shared, owns_http=http_client is None)

    def _assemble(self, settings: LegacySettings, shared: Shared) -> None:
        url = httpx.URL(settings.base_url)
        host = url.netloc.decode("ascii")
        key = settings.api_key
        self.base_url = str(url).rstrip("/")
        self.user_id = settings.user_id
        self.format = settings.format
        self.retry = settings.retry or DEFAULT_RETRY
        requests, window = settings.requests_per_window, settings.window
        self._operations = {m: seller_operation("sellercenter_legacy", m, requests, window) for m in ("GET", "POST")}
        auth = LegacyAuth(
            user_id=settings.user_id,
            api_key=key,
            host=host,
            clock=shared.clock,
            format=settings.format,
            version=settings.version,
        )
        blueprint = Blueprint(
            self.base_url,
            region=host,
            plan_for=fixed_plan(window_plan(requests, window)),
            authenticate=lambda parts: auth,
            user_agent=build_user_agent(settings.app_name, settings.app_version, settings.user_agent),
            timeout=settings.timeout,
            connect_timeout=min(settings.timeout, 10.0),
            classify=classify_legacy,
            scrubber=SecretScrubber([key.get()]),
        )
        self._auth, self._transport = assemble(blueprint, shared, self.retry)

    def _setting_names(self) -> Iterable[str]:
        return LegacySettings.__dataclass_fields__

    def _reconfigured(self, changes: dict[str, Any]) -> LegacySettings:
        return replace(self._settings, **changes)

    @property
    def transport(self) -> Transport:
        return self._transport

    # ------------------------------------------------------------------------------------------------- raw call

    async def call(
        self,
        action: str,
        params: Mapping[str, Any] | None = None,
        *,
        body: str | bytes | Mapping[str, Any] | None = None,
        method: str | None = None,
        **kwargs: Any,
    ) -> LegacyResult:
        """Sign and send ``action`` with its parameters (``params`` and/or keyword arguments, by their API
        names: ``Limit=10``, ``CreatedAfter=...``). ``body`` is the ``<Request>`` of a write action: XML text or
        a mapping turned into XML (``{"Product": [{"SellerSku": ..., "Quantity": ...}]}``)."""
        if self._closed:
            raise ConfigurationError("this SellerCenterLegacyClient is closed")
        if not action or not isinstance(action, str):
            raise ConfigurationError("action is required, e.g. 'GetProducts'")
        merged = {**(params or {}), **kwargs}
        for reserved in ("Action", "UserID", "Version", "Timestamp", "Format", "Signature"):
            if reserved in merged:
                raise ConfigurationError(f"{reserved} is set by the client; do not pass it")
        query = {"Action": action, **{k: v for k, v in merged.items() if v is not None}}
        known = LEGACY_ACTIONS.get(action)
        content: bytes | None = None
        headers: dict[str, str] | None = None
        if body is not None:
            content = (
                request_xml(body) if isinstance(body, Mapping) else body.encode() if isinstance(body, str) else body
            )
            headers = {"content-type": "application/xml; charset=utf-8"}
        verb = (method or (known.method if known else ("POST" if content is not None else "GET"))).upper()
        if verb not in ("GET", "POST"):
            raise ConfigurationError(f"method must be GET or POST, got {method!r}")
        call = ApiCall(verb, "/", operation=self._operations[verb], params=query, content=content, headers=headers)
        response = await self._transport.send(call)
        envelope = response.extensions.get(ENVELOPE_KEY) or decode(response.content)
        return parse_result(envelope, known)

    # ------------------------------------------------------------------------------------------------- products

    def get_products(
        self, *, limit: int = 100, offset: int = 0, max_items: int | None = None, **filters: Any
    ) -> OffsetPaginator[LegacyProduct]:
        """``GetProducts`` page by page (``Offset``/``Limit``); filters by their API names (``Search``,
        ``Filter``, ``SkuSellerList``, ``CreatedAfter``, ...)."""
        return self._paginate("GetProducts", "Products.Product", LegacyProduct, limit, offset, max_items, filters)

    async def product_create(self, products: Sequence[Mapping[str, Any]]) -> str:
        """``ProductCreate``; returns the feed id."""
        return await self._feed("ProductCreate", {"Product": list(products)})

    async def product_update(self, products: Sequence[Mapping[str, Any]]) -> str:
        """``ProductUpdate``; returns the feed id."""
        return await self._feed("ProductUpdate", {"Product": list(products)})

    async def product_remove(self, seller_skus: Sequence[str]) -> str:
        """``ProductRemove``; returns the feed id."""
        return await self._feed("ProductRemove", {"Product": [{"SellerSku": sku} for sku in seller_skus]})

    async def update_stock(self, quantities: Mapping[str, int], *, action: str = "ProductStockUpdate") -> str:
        """Set stock by seller SKU (``ProductStockUpdate``; pass ``action="ProductUpdate"`` on instances that take
        ``Quantity`` there). Returns the feed id; poll it with :meth:`wait_for_feed`."""
        if not quantities:
            raise ConfigurationError("quantities is empty")
        products = [{"SellerSku": sku, "Quantity": int(qty)} for sku, qty in quantities.items()]
        return await self._feed(action, {"Product": products})

    async def update_prices(self, prices: Sequence[Mapping[str, Any]]) -> str:
        """``ProductUpdate`` with ``Price``/``SalePrice``/``SaleStartDate``/``SaleEndDate`` per ``SellerSku``.
        Returns the feed id."""
        for entry in prices:
            if "SellerSku" not in entry:
                raise ConfigurationError("every price entry needs 'SellerSku'")
        return await self._feed("ProductUpdate", {"Product": list(prices)})

    # --------------------------------------------------------------------------------------------------- orders

    def get_orders(
        self, *, limit: int = 100, offset: int = 0, max_items: int | None = None, **filters: Any
    ) -> OffsetPaginator[LegacyOrder]:
        """``GetOrders`` page by page; filters by their API names (``CreatedAfter``, ``Status``, ``SortBy``, ...)."""
        return self._paginate("GetOrders", "Orders.Order", LegacyOrder, limit, offset, max_items, filters)

    async def get_order(self, order_id: str | int) -> LegacyOrder | None:
        result = await self.call("GetOrder", OrderId=order_id)
        orders = result.body.get("Orders", {}).get("Order", []) if isinstance(result.body, Mapping) else []
        return validate_row(LegacyOrder, orders[0]) if orders else None

    async def get_order_items(self, order_id: str | int) -> list[LegacyOrderItem]:
        result = await self.call("GetOrderItems", OrderId=order_id)
        items = result.body.get("OrderItems", {}).get("OrderItem", []) if isinstance(result.body, Mapping) else []
        return [validate_row(LegacyOrderItem, i) for i in items]

    async def get_multiple_order_items(self, order_ids: Sequence[str | int]) -> dict[str, list[LegacyOrderItem]]:
        """``GetMultipleOrderItems``: order id → its items."""
        result = await self.call("GetMultipleOrderItems", OrderIdList=[int(o) for o in order_ids])
        orders = result.body.get("Orders", {}).get("Order", []) if isinstance(result.body, Mapping) else []
        out: dict[str, list[LegacyOrderItem]] = {}
        for order in orders:
            items = order.get("OrderItems", {}).get("OrderItem", []) if isinstance(order, Mapping) else []
            out[str(order.get("OrderId"))] = [validate_row(LegacyOrderItem, i) for i in items]
        return out

    async def set_status_to_canceled(self, order_item_id: str | int, *, reason: str, detail: str = "") -> LegacyResult:
        return await self.call("SetStatusToCanceled", OrderItemId=order_item_id, Reason=reason, ReasonDetail=detail)

    async def set_status_to_packed_by_marketplace(
        self, order_item_ids: Sequence[str | int], *, delivery_type: str, shipping_provider: str | None = None
    ) -> LegacyResult:
        return await self.call(
            "SetStatusToPackedByMarketplace",
            OrderItemIds=[int(i) for i in order_item_ids],
            DeliveryType=delivery_type,
            ShippingProvider=shipping_provider,
        )

    async def set_status_to_ready_to_ship(
        self,
        order_item_ids: Sequence[str | int],
        *,
        delivery_type: str,
        shipping_provider: str | None = None,
        tracking_number: str | None = None,
    ) -> LegacyResult:
        return await self.call(
            "SetStatusToReadyToShip",
            OrderItemIds=[int(i) for i in order_item_ids],
            DeliveryType=delivery_type,
            ShippingProvider=shipping_provider,
            TrackingNumber=tracking_number,
        )

    async def set_status_to_shipped(self, order_item_id: str | int) -> LegacyResult:
        return await self.call("SetStatusToShipped", OrderItemId=order_item_id)

    async def set_status_to_delivered(self, order_item_id: str | int) -> LegacyResult:
        return await self.call("SetStatusToDelivered", OrderItemId=order_item_id)

    async def set_status_to_failed_delivery(
        self, order_item_id: str | int, *, reason: str, detail: str = ""
    ) -> LegacyResult:
        return await self.call(
            "SetStatusToFailedDelivery", OrderItemId=order_item_id, Reason=reason, ReasonDetail=detail
        )

    # ---------------------------------------------------------------------------------------------------- feeds

    async def feed_status(self, feed_id: str) -> LegacyFeedStatus:
        result = await self.call("FeedStatus", FeedID=feed_id)
        detail = result.body.get("FeedDetail") if isinstance(result.body, Mapping) else None
        if not isinstance(detail, Mapping):
            raise SPAPIError(f"FeedStatus for {feed_id} answered no FeedDetail")
        data = dict(detail)
        data["FeedErrors"] = as_list((detail.get("FeedErrors") or {}).get("Error"))
        data["FeedWarnings"] = as_list((detail.get("FeedWarnings") or {}).get("Warning"))
        return validate_row(LegacyFeedStatus, data)

    async def wait_for_feed(self, feed_id: str, *, interval: float = 10.0, timeout: float = 1800.0) -> LegacyFeedStatus:
        """Poll ``FeedStatus`` every ``interval`` seconds until the feed is Finished, Canceled or Error.
        Raises :class:`TimeoutError` after ``timeout`` seconds (the feed keeps running on the server)."""
        if interval <= 0 or timeout <= 0:
            raise ConfigurationError("interval and timeout must be > 0")
        deadline = self.clock.monotonic() + timeout
        while True:
            status = await self.feed_status(feed_id)
            if status.done:
                return status
            if self.clock.monotonic() + interval > deadline:
                raise TimeoutError(f"feed {feed_id} still {status.status!r} after {timeout:g}s")
            await self.clock.sleep(interval)

    # ------------------------------------------------------------------------------------------------ internals

    async def _feed(self, action: str, body: Mapping[str, Any]) -> str:
        result = await self.call(action, body=body)
        if not result.request_id:
            raise SPAPIError(f"{action} answered no feed id (Head.RequestId)")
        return result.request_id

    def _paginate(
        self,
        action: str,
        list_path: str,
        model: type[LM],
        limit: int,
        offset: int,
        max_items: int | None,
        filters: Mapping[str, Any],
    ) -> OffsetPaginator[LM]:
        first, second = list_path.split(".")

        async def fetch(page_offset: int, page_limit: int) -> Any:
            result = await self.call(action, filters, Offset=page_offset, Limit=page_limit)
            body = result.body if isinstance(result.body, Mapping) else {}
            container = body.get(first)
            items = container.get(second, []) if isinstance(container, Mapping) else []
            return {"items": items, "pagination": {"totalCount": result.head.total_count}}

        return OffsetPaginator(
            fetch, style="total", parse=model.model_validate, limit=limit, offset=offset, max_items=max_items
        )

    def __repr__(self) -> str:
        return f"SellerCenterLegacyClient(base_url={self.base_url!r}, user_id={self.user_id!r})"
