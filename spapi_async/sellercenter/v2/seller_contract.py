# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``seller_contract`` resource of the v2 API (tag ``SellerContract``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["SellerContractResource"]


class GetSellerContractsPendingResponseItem(V2Model):
    approved_at: str | None = Field(default=None, alias="approvedAt")
    contract_id: int | None = Field(default=None, alias="contractId")
    created_at: str | None = Field(default=None, alias="createdAt")
    expiration_date: str | None = Field(default=None, alias="expirationDate")
    seller_id: int | None = Field(default=None, alias="sellerId")
    type: str | None = None
    updated_at: str | None = Field(default=None, alias="updatedAt")
    url: str | None = None


class PostSellerContractsAcceptRequest(V2Model):
    contract_ids: list[int] | None = Field(default=None, alias="contractIds")


PostSellerContractsAcceptResponse = PostSellerContractsAcceptRequest


class SellerContractResource(_rt.Resource):
    __slots__ = ()

    async def get_seller_contracts_pending(self) -> list[GetSellerContractsPendingResponseItem]:
        """``GET /v2/seller-contracts/pending``."""
        response = await self._send("GET", "/v2/seller-contracts/pending")
        return _rt.model_list(GetSellerContractsPendingResponseItem, response)

    async def post_seller_contracts_accept(
        self, *, body: PostSellerContractsAcceptRequest | Mapping[str, Any] | None = None
    ) -> PostSellerContractsAcceptRequest:
        """``POST /v2/seller-contracts/accept``."""
        response = await self._send("POST", "/v2/seller-contracts/accept", json=_rt.dump(body))
        return _rt.model(PostSellerContractsAcceptRequest, response)
