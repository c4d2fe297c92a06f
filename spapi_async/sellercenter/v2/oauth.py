# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``oauth`` resource of the v2 API (tag ``Oauth``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["OauthResource"]


class GetOauthAppsItem(V2Model):
    app_id: str | None = Field(default=None, alias="appId")
    created_at: str | None = Field(default=None, alias="createdAt")
    identifier: int | None = None
    name: str | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")
    user_id: int | None = Field(default=None, alias="userId")
    uuid: str | None = None


class GetOauthAppsByUuidResponse(V2Model):
    app_id: str | None = Field(default=None, alias="appId")
    name: str | None = None
    redirect_uri: str | None = Field(default=None, alias="redirectUri")
    secret: str | None = None
    uuid: str | None = None
    website: str | None = None


class PostOauthAppsRequest(V2Model):
    is_global: bool | None = Field(default=None, alias="isGlobal")
    name: str | None = None
    redirect_uri: str | None = Field(default=None, alias="redirectUri")
    website: str | None = None


class PostOauthAppsResponse(V2Model):
    app_id: str | None = Field(default=None, alias="appId")
    secret: str | None = None
    uuid: str | None = None


class PutOauthAppsByUuidRequest(V2Model):
    redirect_uri: str | None = Field(default=None, alias="redirectUri")
    website: str | None = None


class PutOauthAppsByUuidResponse(V2Model):
    app_id: str | None = Field(default=None, alias="appId")
    name: str | None = None
    redirect_uri: str | None = Field(default=None, alias="redirectUri")
    uuid: str | None = None
    website: str | None = None


class OauthResource(_rt.Resource):
    __slots__ = ()

    def get_oauth_apps(
        self,
        *,
        query: str | None = None,
        sort: str | None = None,
        sort_dir: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetOauthAppsItem]:
        """``GET /v2/oauth/apps``."""
        params = _rt.query({"query": query, "sort": sort, "sortDir": sort_dir})
        return self._paginate(
            "/v2/oauth/apps",
            params,
            None,
            style="total",
            item=GetOauthAppsItem,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_oauth_apps_by_uuid(self, *, uuid: str) -> GetOauthAppsByUuidResponse:
        """``GET /v2/oauth/apps/{uuid}``."""
        _seg_uuid = _rt.path_param(uuid, "uuid")
        response = await self._send("GET", f"/v2/oauth/apps/{_seg_uuid}")
        return _rt.model(GetOauthAppsByUuidResponse, response)

    async def post_oauth_apps(
        self, *, body: PostOauthAppsRequest | Mapping[str, Any] | None = None
    ) -> PostOauthAppsResponse:
        """``POST /v2/oauth/apps``."""
        response = await self._send("POST", "/v2/oauth/apps", json=_rt.dump(body))
        return _rt.model(PostOauthAppsResponse, response)

    async def put_oauth_apps_by_uuid(
        self, *, uuid: str, body: PutOauthAppsByUuidRequest | Mapping[str, Any] | None = None
    ) -> PutOauthAppsByUuidResponse:
        """``PUT /v2/oauth/apps/{uuid}``."""
        _seg_uuid = _rt.path_param(uuid, "uuid")
        response = await self._send("PUT", f"/v2/oauth/apps/{_seg_uuid}", json=_rt.dump(body))
        return _rt.model(PutOauthAppsByUuidResponse, response)
