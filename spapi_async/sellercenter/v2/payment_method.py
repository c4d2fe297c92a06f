# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``payment_method`` resource of the v2 API (tag ``Payment Method``)."""

from __future__ import annotations

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["PaymentMethodResource"]


class GetPaymentMethodsResponseItem(V2Model):
    display_name: str | None = Field(default=None, alias="displayName")
    name: str | None = None


class PaymentMethodResource(_rt.Resource):
    __slots__ = ()

    async def get_payment_methods(self) -> list[GetPaymentMethodsResponseItem]:
        """``GET /v2/payment-methods``."""
        response = await self._send("GET", "/v2/payment-methods")
        return _rt.model_list(GetPaymentMethodsResponseItem, response)
