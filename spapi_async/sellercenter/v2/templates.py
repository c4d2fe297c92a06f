# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``templates`` resource of the v2 API (tag ``Templates``)."""

from __future__ import annotations

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["TemplatesResource"]


class GetTemplateCreateForwardManifestAsyncResponse(V2Model):
    export_item_id: int | None = Field(default=None, alias="exportItemId")
    uuid: str | None = None


GetTemplateImageUpdateResponse = GetTemplateCreateForwardManifestAsyncResponse


GetTemplateMissingInvoiceAccessKeyAsyncResponse = GetTemplateCreateForwardManifestAsyncResponse


GetTemplateOrderStatusChangeResponse = GetTemplateCreateForwardManifestAsyncResponse


GetTemplatePriceUpdateResponse = GetTemplateCreateForwardManifestAsyncResponse


GetTemplateProductCategoryTreeAsyncResponse = GetTemplateCreateForwardManifestAsyncResponse


GetTemplateProductCreationResponse = GetTemplateCreateForwardManifestAsyncResponse


GetTemplateProductRemovalAsyncResponse = GetTemplateCreateForwardManifestAsyncResponse


GetTemplateStatusUpdateResponse = GetTemplateCreateForwardManifestAsyncResponse


GetTemplateStockUpdateAsyncResponse = GetTemplateCreateForwardManifestAsyncResponse


GetTemplateUpdateManifestStatusAsyncResponse = GetTemplateCreateForwardManifestAsyncResponse


class TemplatesResource(_rt.Resource):
    __slots__ = ()

    async def get_template_create_forward_manifest(self) -> None:
        """``GET /v2/template/create-forward-manifest``."""
        await self._send("GET", "/v2/template/create-forward-manifest")

    async def get_template_create_forward_manifest_async(self) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/create-forward-manifest-async``."""
        response = await self._send("GET", "/v2/template/create-forward-manifest-async")
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)

    async def get_template_image_update(
        self, *, format: str | None = None
    ) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/image-update``."""
        params = _rt.query({"format": format})
        response = await self._send("GET", "/v2/template/image-update", params=params)
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)

    async def get_template_missing_invoice_access_key(self) -> None:
        """``GET /v2/template/missing-invoice-access-key``."""
        await self._send("GET", "/v2/template/missing-invoice-access-key")

    async def get_template_missing_invoice_access_key_async(self) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/missing-invoice-access-key-async``."""
        response = await self._send("GET", "/v2/template/missing-invoice-access-key-async")
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)

    async def get_template_order_item_status_update(self) -> None:
        """``GET /v2/template/order-item-status-update``."""
        await self._send("GET", "/v2/template/order-item-status-update")

    async def get_template_order_status_change(
        self, *, status: str, type: str
    ) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/order-status-change``."""
        params = _rt.query({"type": type, "status": status})
        response = await self._send("GET", "/v2/template/order-status-change", params=params)
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)

    async def get_template_pending_order_items(self) -> None:
        """``GET /v2/template/pending-order-items``."""
        await self._send("GET", "/v2/template/pending-order-items")

    async def get_template_pending_order_numbers(self) -> None:
        """``GET /v2/template/pending-order-numbers``."""
        await self._send("GET", "/v2/template/pending-order-numbers")

    async def get_template_price_update(
        self, *, only_active: str | None = None
    ) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/price-update``."""
        params = _rt.query({"onlyActive": only_active})
        response = await self._send("GET", "/v2/template/price-update", params=params)
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)

    async def get_template_product_category_tree(self) -> None:
        """``GET /v2/template/product-category-tree``."""
        await self._send("GET", "/v2/template/product-category-tree")

    async def get_template_product_category_tree_async(self) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/product-category-tree-async``."""
        response = await self._send("GET", "/v2/template/product-category-tree-async")
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)

    async def get_template_product_creation(
        self, *, attribute_set_id: int | None = None, type: str | None = None
    ) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/product-creation``."""
        params = _rt.query({"attributeSetId": attribute_set_id, "type": type})
        response = await self._send("GET", "/v2/template/product-creation", params=params)
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)

    async def get_template_product_removal(self) -> None:
        """``GET /v2/template/product-removal``."""
        await self._send("GET", "/v2/template/product-removal")

    async def get_template_product_removal_async(self) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/product-removal-async``."""
        response = await self._send("GET", "/v2/template/product-removal-async")
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)

    async def get_template_status_update(
        self, *, only_active: str | None = None
    ) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/status-update``."""
        params = _rt.query({"onlyActive": only_active})
        response = await self._send("GET", "/v2/template/status-update", params=params)
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)

    async def get_template_stock_update(self, *, only_active: str | None = None) -> None:
        """``GET /v2/template/stock-update``."""
        params = _rt.query({"onlyActive": only_active})
        await self._send("GET", "/v2/template/stock-update", params=params)

    async def get_template_stock_update_async(
        self, *, only_active: str | None = None
    ) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/stock-update-async``."""
        params = _rt.query({"onlyActive": only_active})
        response = await self._send("GET", "/v2/template/stock-update-async", params=params)
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)

    async def get_template_update_manifest_status(self) -> None:
        """``GET /v2/template/update-manifest-status``."""
        await self._send("GET", "/v2/template/update-manifest-status")

    async def get_template_update_manifest_status_async(self) -> GetTemplateCreateForwardManifestAsyncResponse:
        """``GET /v2/template/update-manifest-status-async``."""
        response = await self._send("GET", "/v2/template/update-manifest-status-async")
        return _rt.model(GetTemplateCreateForwardManifestAsyncResponse, response)
