# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``imports`` resource of the v2 API (tag ``Import``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["ImportsResource"]


class PostImportImageUpdateResponse(V2Model):
    error_messages: list[str] | None = Field(default=None, alias="errorMessages")
    feed_id: int | None = Field(default=None, alias="feedId")
    feed_uuid: str | None = Field(default=None, alias="feedUuid")
    message: str | None = None
    success: bool | None = None
    warning_messages: list[str] | None = Field(default=None, alias="warningMessages")


PostImportProductCreationResponse = PostImportImageUpdateResponse


PostImportProductRemovalResponse = PostImportImageUpdateResponse


PostImportProductUpdateResponse = PostImportImageUpdateResponse


PostImportStockUpdateResponse = PostImportImageUpdateResponse


class ImportsResource(_rt.Resource):
    __slots__ = ()

    async def post_import_image_update(
        self, *, fields: Mapping[str, Any] | None = None, files: Mapping[str, Any] | None = None
    ) -> PostImportImageUpdateResponse:
        """``POST /v2/import/image-update``."""
        content, content_headers = _rt.multipart(fields, files)
        headers = content_headers
        response = await self._send("POST", "/v2/import/image-update", content=content, headers=headers)
        return _rt.model(PostImportImageUpdateResponse, response)

    async def post_import_product_creation(
        self, *, fields: Mapping[str, Any] | None = None, files: Mapping[str, Any] | None = None
    ) -> PostImportImageUpdateResponse:
        """``POST /v2/import/product-creation``."""
        content, content_headers = _rt.multipart(fields, files)
        headers = content_headers
        response = await self._send("POST", "/v2/import/product-creation", content=content, headers=headers)
        return _rt.model(PostImportImageUpdateResponse, response)

    async def post_import_product_creation_xml_import(self, *, body: str | bytes) -> bytes:
        """``POST /v2/import/product-creation-xml-import``."""
        content, content_headers = _rt.xml_content(body)
        headers = content_headers
        response = await self._send("POST", "/v2/import/product-creation-xml-import", content=content, headers=headers)
        return _rt.content(response)

    async def post_import_product_removal(
        self, *, fields: Mapping[str, Any] | None = None, files: Mapping[str, Any] | None = None
    ) -> PostImportImageUpdateResponse:
        """``POST /v2/import/product-removal``."""
        content, content_headers = _rt.multipart(fields, files)
        headers = content_headers
        response = await self._send("POST", "/v2/import/product-removal", content=content, headers=headers)
        return _rt.model(PostImportImageUpdateResponse, response)

    async def post_import_product_stock_update_xml(self, *, body: str | bytes) -> bytes:
        """``POST /v2/import/product-stock-update-xml``."""
        content, content_headers = _rt.xml_content(body)
        headers = content_headers
        response = await self._send("POST", "/v2/import/product-stock-update-xml", content=content, headers=headers)
        return _rt.content(response)

    async def post_import_product_update(
        self, *, fields: Mapping[str, Any] | None = None, files: Mapping[str, Any] | None = None
    ) -> PostImportImageUpdateResponse:
        """``POST /v2/import/product-update``."""
        content, content_headers = _rt.multipart(fields, files)
        headers = content_headers
        response = await self._send("POST", "/v2/import/product-update", content=content, headers=headers)
        return _rt.model(PostImportImageUpdateResponse, response)

    async def post_import_product_update_xml_import(self, *, body: str | bytes) -> bytes:
        """``POST /v2/import/product-update-xml-import``."""
        content, content_headers = _rt.xml_content(body)
        headers = content_headers
        response = await self._send("POST", "/v2/import/product-update-xml-import", content=content, headers=headers)
        return _rt.content(response)

    async def post_import_stock_update(
        self, *, fields: Mapping[str, Any] | None = None, files: Mapping[str, Any] | None = None
    ) -> PostImportImageUpdateResponse:
        """``POST /v2/import/stock-update``."""
        content, content_headers = _rt.multipart(fields, files)
        headers = content_headers
        response = await self._send("POST", "/v2/import/stock-update", content=content, headers=headers)
        return _rt.model(PostImportImageUpdateResponse, response)
