# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``system`` resource of the v2 API (tag ``System``)."""

from __future__ import annotations

from typing import Any

from .. import v2_runtime as _rt

__all__ = ["SystemResource"]


class SystemResource(_rt.Resource):
    __slots__ = ()

    async def get_health(self) -> Any:
        """``GET /v2/health``."""
        response = await self._send("GET", "/v2/health")
        return _rt.raw_json(response)
