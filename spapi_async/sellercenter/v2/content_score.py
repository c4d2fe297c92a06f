# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``content_score`` resource of the v2 API (tag ``Content Score``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["ContentScoreResource"]


class GetContentScoreProductSetByProductSetIdResponseScoreReport(V2Model):
    is_successful: bool | None = Field(default=None, alias="isSuccessful")
    max_points: float | None = Field(default=None, alias="maxPoints")
    metric: str | None = None
    points: float | None = None
    product_value: str | None = Field(default=None, alias="productValue")
    recommendation: str | None = None
    rule_group: str | None = Field(default=None, alias="ruleGroup")
    rule_parameters: dict[str, Any] | None = Field(default=None, alias="ruleParameters")


class GetContentScoreProductSetByProductSetIdResponse(V2Model):
    score: float | None = None
    score_report: GetContentScoreProductSetByProductSetIdResponseScoreReport | None = None
    status: str | None = None


class PostContentScoreScoreRequest(V2Model):
    attribute_set_id: str | None = Field(default=None, alias="attributeSetId")
    attributes: dict[str, Any] | None = None
    category_id: int | None = Field(default=None, alias="categoryId")
    description: str | None = None
    name: str | None = None
    product_set_id: int | None = Field(default=None, alias="productSetId")
    short_description: str | None = Field(default=None, alias="shortDescription")
    variations: dict[str, Any] | None = None


PostContentScoreScoreResponseScoreReport = GetContentScoreProductSetByProductSetIdResponseScoreReport


PostContentScoreScoreResponse = GetContentScoreProductSetByProductSetIdResponse


class ContentScoreResource(_rt.Resource):
    __slots__ = ()

    async def get_content_score_product_set_by_product_set_id(
        self, *, product_set_id: int
    ) -> GetContentScoreProductSetByProductSetIdResponse:
        """``GET /v2/content-score/product-set/{productSetId}``."""
        _seg_product_set_id = _rt.path_param(product_set_id, "product_set_id")
        response = await self._send("GET", f"/v2/content-score/product-set/{_seg_product_set_id}")
        return _rt.model(GetContentScoreProductSetByProductSetIdResponse, response)

    async def post_content_score_score(
        self, *, body: PostContentScoreScoreRequest | Mapping[str, Any] | None = None
    ) -> GetContentScoreProductSetByProductSetIdResponse:
        """``POST /v2/content-score/score``."""
        response = await self._send("POST", "/v2/content-score/score", json=_rt.dump(body))
        return _rt.model(GetContentScoreProductSetByProductSetIdResponse, response)
