# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``category`` resource of the v2 API (tag ``Category``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["CategoryResource"]


class GetCategoriesItem(V2Model):
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


GetCategoriesIdsItem = GetCategoriesItem


GetCategoriesUuidsItem = GetCategoriesItem


class GetCategoryAttributesResponseItemOptionsItem(V2Model):
    id: int | None = None
    is_default: bool | None = Field(default=None, alias="isDefault")
    name: str | None = None


class GetCategoryAttributesResponseItem(V2Model):
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
    options: list[GetCategoryAttributesResponseItemOptionsItem] | None = None
    product_type: str | None = Field(default=None, alias="productType")


class GetCategoryByCategoryIdResponseItem(V2Model):
    id: int | None = None
    name: str | None = None
    parent_id: int | None = Field(default=None, alias="parentId")
    path: list[str] | None = None
    src_id: str | None = Field(default=None, alias="srcId")
    status: str | None = None
    uuid: str | None = None
    visible: bool | None = None


class GetCategoryChildrenResponseItem(V2Model):
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


class GetCategoryMappingsResponseItemAttributesItem(V2Model):
    attribute_id: int | None = Field(default=None, alias="attributeId")
    options: list[int] | None = None


class GetCategoryMappingsResponseItem(V2Model):
    attributes: list[GetCategoryMappingsResponseItemAttributesItem] | None = None
    category_id: int | None = Field(default=None, alias="categoryId")
    category_name: str | None = Field(default=None, alias="categoryName")


class GetCategoryMostUsedResponseItem(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    id: int | None = None
    name: str | None = None
    parent_id: int | None = Field(default=None, alias="parentId")
    path: list[str] | None = None
    path_ids: list[int] | None = Field(default=None, alias="pathIds")
    uuid: str | None = None


GetCategoryRootResponse = GetCategoryMostUsedResponseItem


class GetCategorySettingsResponseItemRestrictionsItem(V2Model):
    country: str | None = None
    description: str | None = None
    name: str | None = None
    type: str | None = None
    validation_type: str | None = Field(default=None, alias="validationType")
    value: str | None = None


class GetCategorySettingsResponseItem(V2Model):
    id: int | None = None
    name: str | None = None
    restrictions: list[GetCategorySettingsResponseItemRestrictionsItem] | None = None
    shop_id: str | None = Field(default=None, alias="shopId")


class GetCategoryTreeResponseItemChildrenItem(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    children: list[Any] | None = None
    id: int | None = None
    name: str | None = None
    parent_id: int | None = Field(default=None, alias="parentId")
    path: list[str] | None = None
    path_ids: list[int] | None = Field(default=None, alias="pathIds")
    uuid: str | None = None


class GetCategoryTreeResponseItem(V2Model):
    attribute_set_id: int | None = Field(default=None, alias="attributeSetId")
    children: list[GetCategoryTreeResponseItemChildrenItem] | None = None
    id: int | None = None
    name: str | None = None
    parent_id: int | None = Field(default=None, alias="parentId")
    path: list[str] | None = None
    path_ids: list[int] | None = Field(default=None, alias="pathIds")
    uuid: str | None = None


class CategoryResource(_rt.Resource):
    __slots__ = ()

    def get_categories(
        self,
        *,
        include_inaccessible: bool | None = None,
        query: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetCategoriesItem]:
        """``GET /v2/categories``."""
        params = _rt.query({"query": query, "includeInaccessible": include_inaccessible})
        return self._paginate(
            "/v2/categories",
            params,
            None,
            style="total",
            item=GetCategoriesItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    def get_categories_ids(
        self,
        *,
        ids: Sequence[int] | None = None,
        include_inaccessible: bool | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetCategoriesItem]:
        """``GET /v2/categories/ids``."""
        params = _rt.query({"ids[]": ids, "includeInaccessible": include_inaccessible})
        return self._paginate(
            "/v2/categories/ids",
            params,
            None,
            style="total",
            item=GetCategoriesItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    def get_categories_uuids(
        self,
        *,
        include_inaccessible: bool | None = None,
        uuids: Sequence[str] | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetCategoriesItem]:
        """``GET /v2/categories/uuids``."""
        params = _rt.query({"uuids[]": uuids, "includeInaccessible": include_inaccessible})
        return self._paginate(
            "/v2/categories/uuids",
            params,
            None,
            style="total",
            item=GetCategoriesItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_category_attributes(self, *, category_id: int) -> list[GetCategoryAttributesResponseItem]:
        """``GET /v2/category/{categoryId}/attributes``."""
        _seg_category_id = _rt.path_param(category_id, "category_id")
        response = await self._send("GET", f"/v2/category/{_seg_category_id}/attributes")
        return _rt.model_list(GetCategoryAttributesResponseItem, response)

    async def get_category_automatic_nomenclature(self, *, category_id: int) -> Any:
        """``GET /v2/category/{categoryId}/automatic-nomenclature``."""
        _seg_category_id = _rt.path_param(category_id, "category_id")
        response = await self._send("GET", f"/v2/category/{_seg_category_id}/automatic-nomenclature")
        return _rt.raw_json(response)

    async def get_category_by_category_id(self, *, category_id: int) -> list[GetCategoryByCategoryIdResponseItem]:
        """``GET /v2/category/{categoryId}``."""
        _seg_category_id = _rt.path_param(category_id, "category_id")
        response = await self._send("GET", f"/v2/category/{_seg_category_id}")
        return _rt.model_list(GetCategoryByCategoryIdResponseItem, response)

    async def get_category_children(self, *, category_id: int) -> list[GetCategoryChildrenResponseItem]:
        """``GET /v2/category/{categoryId}/children``."""
        _seg_category_id = _rt.path_param(category_id, "category_id")
        response = await self._send("GET", f"/v2/category/{_seg_category_id}/children")
        return _rt.model_list(GetCategoryChildrenResponseItem, response)

    async def get_category_mappings(self) -> list[GetCategoryMappingsResponseItem]:
        """``GET /v2/category/mappings``."""
        response = await self._send("GET", "/v2/category/mappings")
        return _rt.model_list(GetCategoryMappingsResponseItem, response)

    async def get_category_most_used(self) -> list[GetCategoryMostUsedResponseItem]:
        """``GET /v2/category/most-used``."""
        response = await self._send("GET", "/v2/category/most-used")
        return _rt.model_list(GetCategoryMostUsedResponseItem, response)

    async def get_category_root(self) -> GetCategoryMostUsedResponseItem:
        """``GET /v2/category/root``."""
        response = await self._send("GET", "/v2/category/root")
        return _rt.model(GetCategoryMostUsedResponseItem, response)

    async def get_category_settings(self, *, category_id: int) -> list[GetCategorySettingsResponseItem]:
        """``GET /v2/category/{categoryId}/settings``."""
        _seg_category_id = _rt.path_param(category_id, "category_id")
        response = await self._send("GET", f"/v2/category/{_seg_category_id}/settings")
        return _rt.model_list(GetCategorySettingsResponseItem, response)

    async def get_category_tree(self) -> list[GetCategoryTreeResponseItem]:
        """``GET /v2/category/tree``."""
        response = await self._send("GET", "/v2/category/tree")
        return _rt.model_list(GetCategoryTreeResponseItem, response)
