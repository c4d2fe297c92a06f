"""The base of every generated model (``spapi_async.models.*``).

Amazon adds fields and enum values without notice, so unknown fields are kept (``extra="allow"``: readable as
attributes and written back by ``model_dump``) and enums are plain strings. Python names are snake_case; Amazon's
JSON names are the aliases used on the wire. Schemas are built on first use (``defer_build``) so that importing an
API's models stays cheap.

Parsing is lenient where Amazon's answers stray from its own models: a field the model calls required may be
absent (it reads as None), and a timestamp that is not valid ISO 8601 stays the string Amazon sent. Sending is
strict: a model passed as a request body must have every required field set (:meth:`SPAPIModel.missing_required`),
or the call fails before any I/O.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Union

from pydantic import BaseModel, ConfigDict, Field

#: A ``date-time`` field: a timezone-aware ``datetime`` when the text is ISO 8601, else the text as sent.
Timestamp = Annotated[Union[_dt.datetime, str], Field(union_mode="left_to_right")]  # noqa: UP007


class SPAPIModel(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        defer_build=True,
        protected_namespaces=(),
    )

    #: Python names of the fields the model marks as required (checked when the model is sent).
    _spapi_required: ClassVar[tuple[str, ...]] = ()

    def missing_required(self) -> list[str]:
        """Dotted paths of required fields that are unset or None, in this model and every nested one."""
        return list(self._missing(""))

    def _missing(self, prefix: str) -> Iterator[str]:
        for name in self._spapi_required:
            if getattr(self, name, None) is None:
                yield prefix + name
        for name in type(self).model_fields:
            yield from _missing_in(getattr(self, name, None), f"{prefix}{name}")

    def to_wire(self) -> dict[str, Any]:
        """The JSON object Amazon expects: aliases, no unset fields, datetimes as ISO 8601 strings."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


def _missing_in(value: Any, path: str) -> Iterator[str]:
    if isinstance(value, SPAPIModel):
        yield from value._missing(path + ".")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _missing_in(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _missing_in(item, f"{path}[{key!r}]")
