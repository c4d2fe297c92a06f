# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``brands`` resource of the v2 API (tag ``Brands``)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["BrandsResource"]


class GetBrandsItem(V2Model):
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


class GetBrandsAttributesResponseItemOptionsItem(V2Model):
    id: int | None = None
    name: str | None = None


class GetBrandsAttributesResponseItem(V2Model):
    id: int | None = None
    name: str | None = None
    options: list[GetBrandsAttributesResponseItemOptionsItem] | None = None


GetBrandsByBrandIdResponse = GetBrandsItem


class BrandsResource(_rt.Resource):
    __slots__ = ()

    def get_brands(
        self,
        *,
        brand_ids: Sequence[int] | None = None,
        brand_uuids: Sequence[str] | None = None,
        include_inaccessible: bool | None = None,
        name: str | None = None,
        restricted_only: bool | None = None,
        sort: str | None = None,
        sort_dir: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetBrandsItem]:
        """``GET /v2/brands``."""
        params = _rt.query(
            {
                "name": name,
                "brandIds[]": brand_ids,
                "brandUuids[]": brand_uuids,
                "includeInaccessible": include_inaccessible,
                "restrictedOnly": restricted_only,
                "sort": sort,
                "sortDir": sort_dir,
            }
        )
        return self._paginate(
            "/v2/brands",
            params,
            None,
            style="total",
            item=GetBrandsItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_brands_attributes(self, *, brand_id: int) -> list[GetBrandsAttributesResponseItem]:
        """``GET /v2/brands/{brandId}/attributes``."""
        _seg_brand_id = _rt.path_param(brand_id, "brand_id")
        response = await self._send("GET", f"/v2/brands/{_seg_brand_id}/attributes")
        return _rt.model_list(GetBrandsAttributesResponseItem, response)

    async def get_brands_by_brand_id(self, *, brand_id: int) -> GetBrandsItem:
        """``GET /v2/brands/{brandId}``."""
        _seg_brand_id = _rt.path_param(brand_id, "brand_id")
        response = await self._send("GET", f"/v2/brands/{_seg_brand_id}")
        return _rt.model(GetBrandsItem, response)
