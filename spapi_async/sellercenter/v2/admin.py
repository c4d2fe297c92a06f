# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``admin`` resource of the v2 API (tag ``Admin, Import, Users``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["AdminResource"]


class GetUserRolesResponseItemResourcesItem(V2Model):
    description: str | None = None
    id: int | None = None
    label: str | None = None
    maintenance_only: bool | None = Field(default=None, alias="maintenanceOnly")
    name: str | None = None
    tags: list[str] | None = None


class GetUserRolesResponseItem(V2Model):
    can_be_edited_by_role_ids: list[int] | None = Field(default=None, alias="canBeEditedByRoleIds")
    can_delete: bool | None = Field(default=None, alias="canDelete")
    can_edit: bool | None = Field(default=None, alias="canEdit")
    description: str | None = None
    display_name: str | None = Field(default=None, alias="displayName")
    group: str | None = None
    id: int | None = None
    name: str | None = None
    resources: list[GetUserRolesResponseItemResourcesItem] | None = None
    user_count: int | None = Field(default=None, alias="userCount")


GetUserRolesResourcesResponseEnabledResourcesListItem = GetUserRolesResponseItemResourcesItem


GetUserRolesResourcesResponseResourcesListItem = GetUserRolesResponseItemResourcesItem


class GetUserRolesResourcesResponse(V2Model):
    enabled_resources_list: list[GetUserRolesResponseItemResourcesItem] | None = Field(
        default=None, alias="enabledResourcesList"
    )
    resources_list: list[GetUserRolesResponseItemResourcesItem] | None = Field(default=None, alias="resourcesList")


class PatchUserRolesByRoleIdRequest(V2Model):
    can_be_edited_by_role_ids: list[int] | None = Field(default=None, alias="canBeEditedByRoleIds")
    description: str | None = None
    display_name: str | None = Field(default=None, alias="displayName")
    group: str | None = None


class PatchUserRolesByRoleIdResponse(V2Model):
    can_be_edited_by_role_ids: list[int] | None = Field(default=None, alias="canBeEditedByRoleIds")
    description: str | None = None
    display_name: str | None = Field(default=None, alias="displayName")
    group: str | None = None
    id: int | None = None


class PostUserApiKeyResponse(V2Model):
    api_key: str | None = Field(default=None, alias="apiKey")


PostUserRolesRequest = PatchUserRolesByRoleIdRequest


PostUserRolesResponse = PatchUserRolesByRoleIdResponse


class PostUsersImportSellerAccessResponse(V2Model):
    error_messages: list[str] | None = Field(default=None, alias="errorMessages")
    feed_id: int | None = Field(default=None, alias="feedId")
    feed_uuid: str | None = Field(default=None, alias="feedUuid")
    message: str | None = None
    success: bool | None = None
    warning_messages: list[str] | None = Field(default=None, alias="warningMessages")


class AdminResource(_rt.Resource):
    __slots__ = ()

    async def delete_user_roles_by_role_id(self, *, role_id: int) -> None:
        """``DELETE /v2/user/roles/{roleId}``."""
        _seg_role_id = _rt.path_param(role_id, "role_id")
        await self._send("DELETE", f"/v2/user/roles/{_seg_role_id}")

    async def delete_user_roles_resources_by_resource_id(self, *, resource_id: int, role_id: int) -> None:
        """``DELETE /v2/user/roles/{roleId}/resources/{resourceId}``."""
        _seg_role_id = _rt.path_param(role_id, "role_id")
        _seg_resource_id = _rt.path_param(resource_id, "resource_id")
        await self._send("DELETE", f"/v2/user/roles/{_seg_role_id}/resources/{_seg_resource_id}")

    async def get_user_roles(self) -> list[GetUserRolesResponseItem]:
        """``GET /v2/user/roles``."""
        response = await self._send("GET", "/v2/user/roles")
        return _rt.model_list(GetUserRolesResponseItem, response)

    async def get_user_roles_resources(self, *, role_id: int) -> GetUserRolesResourcesResponse:
        """``GET /v2/user/roles/{roleId}/resources``."""
        _seg_role_id = _rt.path_param(role_id, "role_id")
        response = await self._send("GET", f"/v2/user/roles/{_seg_role_id}/resources")
        return _rt.model(GetUserRolesResourcesResponse, response)

    async def patch_user_roles_by_role_id(
        self, *, role_id: int, body: PatchUserRolesByRoleIdRequest | Mapping[str, Any] | None = None
    ) -> PatchUserRolesByRoleIdResponse:
        """``PATCH /v2/user/roles/{roleId}``."""
        _seg_role_id = _rt.path_param(role_id, "role_id")
        response = await self._send("PATCH", f"/v2/user/roles/{_seg_role_id}", json=_rt.dump(body))
        return _rt.model(PatchUserRolesByRoleIdResponse, response)

    async def post_user_api_key(self, *, user_id: int) -> PostUserApiKeyResponse:
        """``POST /v2/user/{userId}/api-key``."""
        _seg_user_id = _rt.path_param(user_id, "user_id")
        response = await self._send("POST", f"/v2/user/{_seg_user_id}/api-key")
        return _rt.model(PostUserApiKeyResponse, response)

    async def post_user_roles(
        self, *, body: PatchUserRolesByRoleIdRequest | Mapping[str, Any] | None = None
    ) -> PatchUserRolesByRoleIdResponse:
        """``POST /v2/user/roles``."""
        response = await self._send("POST", "/v2/user/roles", json=_rt.dump(body))
        return _rt.model(PatchUserRolesByRoleIdResponse, response)

    async def post_user_roles_resources_by_resource_id(self, *, resource_id: int, role_id: int) -> None:
        """``POST /v2/user/roles/{roleId}/resources/{resourceId}``."""
        _seg_role_id = _rt.path_param(role_id, "role_id")
        _seg_resource_id = _rt.path_param(resource_id, "resource_id")
        await self._send("POST", f"/v2/user/roles/{_seg_role_id}/resources/{_seg_resource_id}")

    async def post_users_import_seller_access(
        self, *, fields: Mapping[str, Any] | None = None, files: Mapping[str, Any] | None = None
    ) -> PostUsersImportSellerAccessResponse:
        """``POST /v2/users/import/seller_access``."""
        content, content_headers = _rt.multipart(fields, files)
        headers = content_headers
        response = await self._send("POST", "/v2/users/import/seller_access", content=content, headers=headers)
        return _rt.model(PostUsersImportSellerAccessResponse, response)
