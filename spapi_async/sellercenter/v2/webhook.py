# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``webhook`` resource of the v2 API (tag ``Webhook``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from ...pagination import OffsetPaginator
from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["WebhookResource"]


class GetWebhookCallbackByCallbackIdResponse(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    event: str | None = None
    id: int | None = None
    last_call_at: str | None = Field(default=None, alias="lastCallAt")
    payload: str | None = None
    seller_id: int | None = Field(default=None, alias="sellerId")
    status: str | None = None
    url: str | None = None


GetWebhookCallbacksByCallbackUrlItem = GetWebhookCallbackByCallbackIdResponse


class GetWebhookEntitiesResponseEventsItemEventsItem(V2Model):
    alias: str | None = None
    name: str | None = None


class GetWebhookEntitiesResponseEventsItem(V2Model):
    events: list[GetWebhookEntitiesResponseEventsItemEventsItem] | None = None
    name: str | None = None


class GetWebhookEntitiesResponse(V2Model):
    events: list[GetWebhookEntitiesResponseEventsItem] | None = None


GetWebhooksResponseItemsItem = GetWebhookCallbackByCallbackIdResponse


class GetWebhooksResponsePagination(V2Model):
    limit: int | None = None
    offset: int | None = None
    total_count: int | None = Field(default=None, alias="totalCount")


class GetWebhooksResponse(V2Model):
    items: list[GetWebhookCallbackByCallbackIdResponse] | None = None
    pagination: GetWebhooksResponsePagination | None = None


class PostWebhookRequest(V2Model):
    callback_url: str | None = Field(default=None, alias="callbackUrl")
    events: list[str] | None = None


class PostWebhookResponse(V2Model):
    created_at: str | None = Field(default=None, alias="createdAt")
    webhook_id: str | None = Field(default=None, alias="webhookId")


class PostWebhookStatusRequest(V2Model):
    is_enabled: bool | None = Field(default=None, alias="isEnabled")


PutWebhookByUuidRequest = PostWebhookRequest


class PutWebhookByUuidResponse(V2Model):
    updated_at: str | None = Field(default=None, alias="updatedAt")
    webhook_id: str | None = Field(default=None, alias="webhookId")


class WebhookResource(_rt.Resource):
    __slots__ = ()

    async def delete_webhook_by_uuid(self, *, uuid: str) -> None:
        """``DELETE /v2/webhook/{uuid}``."""
        _seg_uuid = _rt.path_param(uuid, "uuid")
        await self._send("DELETE", f"/v2/webhook/{_seg_uuid}")

    async def get_webhook_callback_by_callback_id(self, *, callback_id: int) -> GetWebhookCallbackByCallbackIdResponse:
        """``GET /v2/webhook/callback/{callbackId}``."""
        _seg_callback_id = _rt.path_param(callback_id, "callback_id")
        response = await self._send("GET", f"/v2/webhook/callback/{_seg_callback_id}")
        return _rt.model(GetWebhookCallbackByCallbackIdResponse, response)

    def get_webhook_callbacks_by_callback_url(
        self,
        *,
        callback_url: str,
        sort: str | None = None,
        sort_dir: str | None = None,
        limit: int = 100,
        offset: int = 0,
        max_items: int | None = None,
    ) -> OffsetPaginator[GetWebhookCallbackByCallbackIdResponse]:
        """``GET /v2/webhook/callbacks/{callbackUrl}``."""
        _seg_callback_url = _rt.path_param(callback_url, "callback_url")
        params = _rt.query({"sortDir": sort_dir, "sort": sort})
        return self._paginate(
            f"/v2/webhook/callbacks/{_seg_callback_url}",
            params,
            None,
            style="total",
            item=GetWebhookCallbackByCallbackIdResponse,
            limit=limit,
            offset=offset,
            max_items=max_items,
        )

    async def get_webhook_entities(self) -> GetWebhookEntitiesResponse:
        """``GET /v2/webhook-entities``."""
        response = await self._send("GET", "/v2/webhook-entities")
        return _rt.model(GetWebhookEntitiesResponse, response)

    async def get_webhooks(self, *, public_ids: Sequence[str] | None = None) -> GetWebhooksResponse:
        """``GET /v2/webhooks``."""
        params = _rt.query({"publicIds[]": public_ids})
        response = await self._send("GET", "/v2/webhooks", params=params)
        return _rt.model(GetWebhooksResponse, response)

    async def post_webhook(self, *, body: PostWebhookRequest | Mapping[str, Any] | None = None) -> PostWebhookResponse:
        """``POST /v2/webhook``."""
        response = await self._send("POST", "/v2/webhook", json=_rt.dump(body))
        return _rt.model(PostWebhookResponse, response)

    async def post_webhook_callback_retry(self, *, callback_id: int) -> None:
        """``POST /v2/webhook/callback/{callbackId}/retry/``."""
        _seg_callback_id = _rt.path_param(callback_id, "callback_id")
        await self._send("POST", f"/v2/webhook/callback/{_seg_callback_id}/retry/")

    async def post_webhook_status(
        self, *, uuid: str, body: PostWebhookStatusRequest | Mapping[str, Any] | None = None
    ) -> None:
        """``POST /v2/webhook/{uuid}/status``."""
        _seg_uuid = _rt.path_param(uuid, "uuid")
        await self._send("POST", f"/v2/webhook/{_seg_uuid}/status", json=_rt.dump(body))

    async def put_webhook_by_uuid(
        self, *, uuid: str, body: PostWebhookRequest | Mapping[str, Any] | None = None
    ) -> PutWebhookByUuidResponse:
        """``PUT /v2/webhook/{uuid}``."""
        _seg_uuid = _rt.path_param(uuid, "uuid")
        response = await self._send("PUT", f"/v2/webhook/{_seg_uuid}", json=_rt.dump(body))
        return _rt.model(PutWebhookByUuidResponse, response)
