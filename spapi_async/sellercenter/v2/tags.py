# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``tags`` resource of the v2 API (tag ``Tags``)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["TagsResource"]


class GetProductSetsTagsResponseItem(V2Model):
    product_set_id: int | None = Field(default=None, alias="productSetId")
    tag_id: int | None = Field(default=None, alias="tagId")
    tag_name: str | None = Field(default=None, alias="tagName")


class GetTagsProductTagsResponseItem(V2Model):
    id: int | None = None
    name: str | None = None


class GetTagsSellersItem(V2Model):
    seller_id: int | None = Field(default=None, alias="sellerId")
    tags: list[str] | None = None


class TagsResource(_rt.Resource):
    __slots__ = ()

    async def get_product_sets_tags(self, *, product_set_ids: Sequence[int]) -> list[GetProductSetsTagsResponseItem]:
        """``GET /v2/product-sets/tags``."""
        params = _rt.query({"productSetIds[]": product_set_ids})
        response = await self._send("GET", "/v2/product-sets/tags", params=params)
        return _rt.model_list(GetProductSetsTagsResponseItem, response)

    async def get_tags_product_tags(self) -> list[GetTagsProductTagsResponseItem]:
        """``GET /v2/tags/product-tags``."""
        response = await self._send("GET", "/v2/tags/product-tags")
        return _rt.model_list(GetTagsProductTagsResponseItem, response)

    def get_tags_sellers(
        self, *, limit: int = 100, offset: int = 0, max_items: int | None = None
    ) -> OffsetPaginator[GetTagsSellersItem]:
        """``GET /v2/tags/sellers``."""
        return self._paginate(
            "/v2/tags/sellers",
            {},
            None,
            style="total",
            item=GetTagsSellersItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )
