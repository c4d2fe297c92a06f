# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``user`` resource of the v2 API (tag ``User``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["UserResource"]


class DeleteUserByUserIdResponse(V2Model):
    success: bool | None = None


class GetUserByUserIdResponseItemsItemSwitchableSellersItem(V2Model):
    id: str | None = None
    name: str | None = None


class GetUserByUserIdResponseItemsItem(V2Model):
    acl_role_id: int | None = Field(default=None, alias="aclRoleId")
    api_key: str | None = Field(default=None, alias="apiKey")
    email: str | None = None
    enable_password: bool | None = Field(default=None, alias="enablePassword")
    id: int | None = None
    name: str | None = None
    seller_id: int | None = Field(default=None, alias="sellerId")
    status: str | None = None
    switchable_sellers: list[GetUserByUserIdResponseItemsItemSwitchableSellersItem] | None = Field(
        default=None, alias="switchableSellers"
    )


class GetUserByUserIdResponsePagination(V2Model):
    limit: int | None = None
    offset: int | None = None
    total_count: int | None = Field(default=None, alias="totalCount")


class GetUserByUserIdResponse(V2Model):
    items: list[GetUserByUserIdResponseItemsItem] | None = None
    pagination: GetUserByUserIdResponsePagination | None = None


GetUsersItemSwitchableSellersItem = GetUserByUserIdResponseItemsItemSwitchableSellersItem


GetUsersItem = GetUserByUserIdResponseItemsItem


class PatchUserByUserIdRequest(V2Model):
    api_key: str | None = Field(default=None, alias="apiKey")
    email: str | None = None
    enable_password: bool | None = Field(default=None, alias="enablePassword")
    name: str | None = None
    role_id: int | None = Field(default=None, alias="roleId")
    status: str | None = None
    switchable_seller_ids: list[int] | None = Field(default=None, alias="switchableSellerIds")


PatchUserByUserIdResponseSwitchableSellersItem = GetUserByUserIdResponseItemsItemSwitchableSellersItem


PatchUserByUserIdResponse = GetUserByUserIdResponseItemsItem


class PatchUserChangePasswordRequest(V2Model):
    current_password: str | None = Field(default=None, alias="currentPassword")
    new_password: str | None = Field(default=None, alias="newPassword")


class PostUserRequest(V2Model):
    acl_role_id: int | None = Field(default=None, alias="aclRoleId")
    api_key: str | None = Field(default=None, alias="apiKey")
    email: str | None = None
    enable_password: bool | None = Field(default=None, alias="enablePassword")
    language_id: int | None = Field(default=None, alias="languageId")
    name: str | None = None
    notify_new_user: bool | None = Field(default=None, alias="notifyNewUser")
    seller_id: int | None = Field(default=None, alias="sellerId")
    status: str | None = None
    switchable_seller_ids: list[int] | None = Field(default=None, alias="switchableSellerIds")


PostUserResponseSwitchableSellersItem = GetUserByUserIdResponseItemsItemSwitchableSellersItem


PostUserResponse = GetUserByUserIdResponseItemsItem


class UserResource(_rt.Resource):
    __slots__ = ()

    async def delete_user_by_user_id(self, *, user_id: int) -> DeleteUserByUserIdResponse:
        """``DELETE /v2/user/{userId}``."""
        _seg_user_id = _rt.path_param(user_id, "user_id")
        response = await self._send("DELETE", f"/v2/user/{_seg_user_id}")
        return _rt.model(DeleteUserByUserIdResponse, response)

    async def get_user_by_user_id(self, *, user_id: int) -> GetUserByUserIdResponse:
        """``GET /v2/user/{userId}``."""
        _seg_user_id = _rt.path_param(user_id, "user_id")
        response = await self._send("GET", f"/v2/user/{_seg_user_id}")
        return _rt.model(GetUserByUserIdResponse, response)

    def get_users(
        self,
        *,
        exclude_admins: bool | None = None,
        exclude_inactive: bool | None = None,
        ids: Sequence[int] | None = None,
        query: str | None = None,
        seller_id: int | None = None,
        seller_uuid: str | None = None,
        uuids: Sequence[str] | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetUserByUserIdResponseItemsItem]:
        """``GET /v2/users``."""
        params = _rt.query(
            {
                "query": query,
                "sellerId": seller_id,
                "sellerUuid": seller_uuid,
                "excludeAdmins": exclude_admins,
                "excludeInactive": exclude_inactive,
                "ids[]": ids,
                "uuids[]": uuids,
            }
        )
        return self._paginate(
            "/v2/users",
            params,
            None,
            style="total",
            item=GetUserByUserIdResponseItemsItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def patch_user_by_user_id(
        self, *, user_id: int, body: PatchUserByUserIdRequest | Mapping[str, Any] | None = None
    ) -> GetUserByUserIdResponseItemsItem:
        """``PATCH /v2/user/{userId}``."""
        _seg_user_id = _rt.path_param(user_id, "user_id")
        response = await self._send("PATCH", f"/v2/user/{_seg_user_id}", json=_rt.dump(body))
        return _rt.model(GetUserByUserIdResponseItemsItem, response)

    async def patch_user_change_password(
        self, *, body: PatchUserChangePasswordRequest | Mapping[str, Any] | None = None
    ) -> None:
        """``PATCH /v2/user/change-password``."""
        await self._send("PATCH", "/v2/user/change-password", json=_rt.dump(body))

    async def post_user(
        self, *, body: PostUserRequest | Mapping[str, Any] | None = None
    ) -> GetUserByUserIdResponseItemsItem:
        """``POST /v2/user``."""
        response = await self._send("POST", "/v2/user", json=_rt.dump(body))
        return _rt.model(GetUserByUserIdResponseItemsItem, response)
