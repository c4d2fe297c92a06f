"""Encoding of a generated method's arguments for the wire, with the checks that come with it.

Scalars for paths, queries and headers (``scalar``: booleans as ``true``/``false``, datetimes as ISO 8601 in UTC,
text date-times checked to be ISO 8601), lists joined per their ``collectionFormat`` (``query_items``), and JSON
bodies (``body``: a model serialised with Amazon's names). A value that does not fit raises
:class:`ConfigurationError` naming the argument (``where``), before any I/O.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from ._dates import format_datetime
from ._model import SPAPIModel
from .errors import ConfigurationError

_SEPARATORS = {"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|"}


def query_items(
    wire: str, value: Any, kind: str, collection_format: str | None, where: str, strict: bool
) -> list[tuple[str, str]]:
    """The query pairs of one parameter: a list (``kind`` ``list:<kind>``) repeated for ``multi``, else joined."""
    if not kind.startswith("list:"):
        return [(wire, scalar(value, kind, where, strict))]
    items = [scalar(v, kind[5:], where, strict) for v in _sequence(value, where)]
    if collection_format == "multi":
        return [(wire, v) for v in items]
    return [(wire, _SEPARATORS.get(collection_format or "csv", ",").join(items))]


def _type_name(value: object) -> str:
    return type(value).__name__


#: ISO 8601 as Amazon takes it: a date, optionally a time (minutes, seconds, fractions), optionally an offset.
_ISO8601 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?)?)?"
)


def _iso8601_text(value: str, where: str) -> str:
    """A date-time given as text: sent as given when it is ISO 8601 (``2025-01-31``, ``2025-01-31T08:00:00Z``,
    ``2025-01-31T08:00:00.5+02:00``), else ConfigurationError (``"yesterday"`` would reach Amazon otherwise)."""
    match = _ISO8601.fullmatch(value)
    if match is not None:
        year, month, day, hour, minute, second, off_h, off_m = match.groups()
        try:
            _dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
        except ValueError:
            match = None
        else:
            if (off_h is not None and int(off_h) > 23) or (off_m is not None and int(off_m) > 59):
                match = None
    if match is None:
        raise ConfigurationError(
            f"{where}: {value!r} is not an ISO 8601 date-time; pass a timezone-aware datetime or text such as "
            "'2025-01-31T08:00:00Z'"
        )
    return value


def scalar(value: Any, kind: str, where: str, strict: bool = True) -> str:
    if kind == "str":
        if isinstance(value, str):
            return value
    elif kind == "bool":
        if isinstance(value, bool):
            return "true" if value else "false"
    elif kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    elif kind == "float":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return repr(value) if isinstance(value, float) else str(value)
    elif kind == "datetime":
        if isinstance(value, _dt.datetime):
            return format_datetime(value, where)
        if isinstance(value, str):
            return _iso8601_text(value, where) if strict else value
    elif kind == "date":
        if isinstance(value, _dt.datetime):
            return format_datetime(value, where)
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, str):
            return _iso8601_text(value, where) if strict else value
    else:  # "any"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (str, int, float)):
            return str(value)
    raise ConfigurationError(f"{where}: expected {kind}, got {_type_name(value)}")


def _sequence(value: Any, where: str) -> Sequence[Any]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise ConfigurationError(f"{where}: expected a list, got {_type_name(value)}")
    if not value:
        raise ConfigurationError(f"{where}: the list is empty")
    return value


def _to_json(value: Any, where: str) -> Any:
    if isinstance(value, SPAPIModel):
        missing = value.missing_required()
        if missing:
            raise ConfigurationError(f"{where}: {type(value).__name__} misses required fields: {', '.join(missing)}")
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): _to_json(v, where) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_json(v, where) for v in value]
    if isinstance(value, _dt.datetime):
        return format_datetime(value, where)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ConfigurationError(f"{where}: {_type_name(value)} cannot be sent as JSON")


def body(value: Any, where: str) -> Any:
    if not isinstance(value, (BaseModel, Mapping, list, tuple)):
        raise ConfigurationError(f"{where}: expected a model or a dict, got {_type_name(value)}")
    return _to_json(value, where)
