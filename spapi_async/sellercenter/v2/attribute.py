# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``attribute`` resource of the v2 API (tag ``Attribute``)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["AttributeResource"]


class GetAttributeSetsResponseItem(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    id: float | None = None
    label: str | None = None
    name: str | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")


class GetAttributeSetsAttributesResponseItemOptionsItem(V2Model):
    id: int | None = None
    is_default: bool | None = Field(default=None, alias="isDefault")
    name: str | None = None


class GetAttributeSetsAttributesResponseItem(V2Model):
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
    options: list[GetAttributeSetsAttributesResponseItemOptionsItem] | None = None
    product_type: str | None = Field(default=None, alias="productType")


GetAttributeSetsByAttributeSetIdResponse = GetAttributeSetsResponseItem


GetAttributesItemOptionsItem = GetAttributeSetsAttributesResponseItemOptionsItem


GetAttributesItem = GetAttributeSetsAttributesResponseItem


GetAttributesByAttributeIdResponseOptionsItem = GetAttributeSetsAttributesResponseItemOptionsItem


GetAttributesByAttributeIdResponse = GetAttributeSetsAttributesResponseItem


class GetMappedAttributeOptionsResponseItemChild(V2Model):
    attribute_id: int | None = Field(default=None, alias="attributeId")
    option_id: int | None = Field(default=None, alias="optionId")


GetMappedAttributeOptionsResponseItemParent = GetMappedAttributeOptionsResponseItemChild


class GetMappedAttributeOptionsResponseItem(V2Model):
    child: GetMappedAttributeOptionsResponseItemChild | None = None
    parent: GetMappedAttributeOptionsResponseItemChild | None = None


class AttributeResource(_rt.Resource):
    __slots__ = ()

    async def get_attribute_sets(
        self, *, attribute_set_ids: Sequence[int] | None = None
    ) -> list[GetAttributeSetsResponseItem]:
        """``GET /v2/attribute-sets``."""
        params = _rt.query({"attributeSetIds[]": attribute_set_ids})
        response = await self._send("GET", "/v2/attribute-sets", params=params)
        return _rt.model_list(GetAttributeSetsResponseItem, response)

    async def get_attribute_sets_attributes(
        self, *, attribute_set_id: int
    ) -> list[GetAttributeSetsAttributesResponseItem]:
        """``GET /v2/attribute-sets/{attributeSetId}/attributes``."""
        _seg_attribute_set_id = _rt.path_param(attribute_set_id, "attribute_set_id")
        response = await self._send("GET", f"/v2/attribute-sets/{_seg_attribute_set_id}/attributes")
        return _rt.model_list(GetAttributeSetsAttributesResponseItem, response)

    async def get_attribute_sets_by_attribute_set_id(self, *, attribute_set_id: int) -> GetAttributeSetsResponseItem:
        """``GET /v2/attribute-sets/{attributeSetId}``."""
        _seg_attribute_set_id = _rt.path_param(attribute_set_id, "attribute_set_id")
        response = await self._send("GET", f"/v2/attribute-sets/{_seg_attribute_set_id}")
        return _rt.model(GetAttributeSetsResponseItem, response)

    def get_attributes(
        self,
        *,
        attribute_ids: Sequence[int] | None = None,
        attribute_set_ids: Sequence[int] | None = None,
        only_visible: bool | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetAttributeSetsAttributesResponseItem]:
        """``GET /v2/attributes``."""
        params = _rt.query(
            {"attributeIds[]": attribute_ids, "attributeSetIds[]": attribute_set_ids, "onlyVisible": only_visible}
        )
        return self._paginate(
            "/v2/attributes",
            params,
            None,
            style="total",
            item=GetAttributeSetsAttributesResponseItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_attributes_by_attribute_id(self, *, attribute_id: int) -> GetAttributeSetsAttributesResponseItem:
        """``GET /v2/attributes/{attributeId}``."""
        _seg_attribute_id = _rt.path_param(attribute_id, "attribute_id")
        response = await self._send("GET", f"/v2/attributes/{_seg_attribute_id}")
        return _rt.model(GetAttributeSetsAttributesResponseItem, response)

    async def get_mapped_attribute_options(self) -> list[GetMappedAttributeOptionsResponseItem]:
        """``GET /v2/mapped-attribute-options``."""
        response = await self._send("GET", "/v2/mapped-attribute-options")
        return _rt.model_list(GetMappedAttributeOptionsResponseItem, response)
