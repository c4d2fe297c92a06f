"""The base of every generated model (``spapi_async.models.*``).

Amazon adds fields and enum values without notice, so unknown fields are kept (``extra="allow"``: readable as
attributes and written back by ``model_dump``) and enums are plain strings. Python names are snake_case; Amazon's
JSON names are the aliases used on the wire. Schemas are built on first use (``defer_build``) so that importing an
API's models stays cheap.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class SPAPIModel(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        defer_build=True,
        protected_namespaces=(),
        ser_json_timedelta="iso8601",
    )

    def to_wire(self) -> dict[str, Any]:
        """The JSON object Amazon expects: aliases, no unset fields, datetimes as ISO 8601 strings."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)
