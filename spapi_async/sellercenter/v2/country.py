# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``country`` resource of the v2 API (tag ``Country``)."""

from __future__ import annotations

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["CountryResource"]


class GetCountriesEnabledResponse(V2Model):
    items: list[str] | None = None


class CountryResource(_rt.Resource):
    __slots__ = ()

    async def get_countries_enabled(self) -> GetCountriesEnabledResponse:
        """``GET /v2/countries/enabled``."""
        response = await self._send("GET", "/v2/countries/enabled")
        return _rt.model(GetCountriesEnabledResponse, response)
