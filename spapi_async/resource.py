"""``Resource``: what every generated API class inherits. Turns keyword arguments into an :class:`ApiCall`,
sends it through the client's transport, and parses the answer.

A generated method passes an :class:`OperationSpec` (its parameters as in the model) and the values it received.
Here they are checked (types, before any I/O: a wrong type raises :class:`ConfigurationError`) and encoded: path
parameters URL-encoded, arrays joined per their ``collectionFormat`` (or repeated for ``multi``), datetimes as
ISO 8601 in UTC, booleans as ``true``/``false``, a body given as a model serialised with Amazon's names.
"""

from __future__ import annotations

import datetime as _dt
import inspect
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import BaseModel, TypeAdapter, ValidationError

from ._checks import bad_calls_raise_configuration_error, header_value
from ._json import loads as json_loads
from ._model import SPAPIModel
from ._paths import path_segment
from .errors import ApiError, ConfigurationError, SPAPIError, request_id_of, response_text

if TYPE_CHECKING:
    import httpx

    from .operation import Operation
    from .pagination import AsyncPaginator
    from .transport import Transport

T = TypeVar("T")
ItemT = TypeVar("ItemT")

_SEPARATORS = {"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|"}


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of an operation. ``kind``: ``str``, ``int``, ``float``, ``bool``, ``datetime``, ``date``,
    ``any``, ``list:<kind>`` or ``body``."""

    wire: str
    py: str
    location: str  # path | query | header | body
    kind: str
    collection_format: str | None = None
    required: bool = False


@dataclass(frozen=True, slots=True)
class TokenRule:
    """How the next page is requested: the token goes into ``param`` (wire name); when ``keep`` is not None only
    the listed parameters are sent alongside it; ``fixed`` sets parameters to constant values on token pages."""

    param: str
    keep: tuple[str, ...] | None = None
    fixed: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class OperationSpec:
    """What a generated method knows about its operation. The :class:`Operation` comes from ``sp.OPERATIONS``."""

    key: str
    method: str
    path: str
    params: tuple[Param, ...]
    json_response: bool = True
    token: TokenRule | None = None
    _operation: Operation | None = field(default=None, init=False, repr=False)

    @property
    def operation(self) -> Operation:
        if self._operation is None:
            from .registry import OPERATIONS

            self._operation = OPERATIONS[self.key]
        return self._operation


class Resource:
    """Base class of the generated API classes (``client.orders_v0`` and friends)."""

    __slots__ = ("_transport",)

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """A generated API class: its methods raise ConfigurationError (not TypeError) for a missing required
        argument or an unknown keyword, naming it."""
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(member):
                setattr(cls, name, bad_calls_raise_configuration_error(member))

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    # ------------------------------------------------------------------ request building

    def _build(self, spec: OperationSpec, args: Mapping[str, Any], token: str | None = None) -> _Request:
        if spec.operation.deprecated:
            from .deprecation import warn_deprecated

            warn_deprecated(spec.operation)
        path = spec.path
        query: list[tuple[str, str]] = []
        headers: dict[str, str] = {}
        body: Any = None
        rule = spec.token
        fixed = dict(rule.fixed) if rule is not None and token is not None else {}
        keep = rule.keep if rule is not None and token is not None else None
        strict = not self._transport.sandbox  # Amazon's sandbox selects its cases with texts like "TEST_CASE_200"
        for p in spec.params:
            value = args.get(p.py)
            if rule is not None and p.wire == rule.param:
                value = token if token is not None else value
            elif p.wire in fixed:
                value = fixed[p.wire]
            elif keep is not None and p.location == "query" and p.wire not in keep:
                continue
            if value is None:
                if p.location == "path" or (p.required and (rule is None or p.wire != rule.param)):
                    raise ConfigurationError(f"{spec.key}: {p.py} is required")
                continue
            where = f"{spec.key}({p.py}=...)"
            if p.location == "body":
                body = _body(value, where)
            elif p.location == "path":
                path = path.replace("{" + p.wire + "}", path_segment(_scalar(value, p.kind, where, strict), where))
            elif p.location == "query":
                if p.kind.startswith("list:"):
                    items = [_scalar(v, p.kind[5:], where, strict) for v in _sequence(value, where)]
                    if p.collection_format == "multi":
                        query.extend((p.wire, v) for v in items)
                    else:
                        query.append((p.wire, _SEPARATORS.get(p.collection_format or "csv", ",").join(items)))
                else:
                    query.append((p.wire, _scalar(value, p.kind, where, strict)))
            else:
                headers[p.wire] = header_value(where, _scalar(value, p.kind, where, strict))
        return _Request(path, query, headers, body)

    async def _send(
        self,
        spec: OperationSpec,
        args: Mapping[str, Any],
        token: str | None = None,
        data_elements: Sequence[str] | None = None,
    ) -> httpx.Response:
        from .auth.rdt import data_elements_arg
        from .transport import ApiCall

        req = self._build(spec, args, token)
        call = ApiCall(
            spec.method,
            req.path,
            operation=spec.operation,
            params=req.query or None,
            json=req.body,
            headers=req.headers or None,
            data_elements=data_elements_arg(data_elements, spec.key),
        )
        return await self._transport.send(call)

    async def _call(
        self,
        spec: OperationSpec,
        args: Mapping[str, Any],
        parse: Callable[[Any], T],
        data_elements: Sequence[str] | None = None,
    ) -> T:
        response = await self._send(spec, args, data_elements=data_elements)
        return cast("T", self._read(spec, response, parse))

    async def _call_optional(
        self,
        spec: OperationSpec,
        args: Mapping[str, Any],
        parse: Callable[[Any], T],
        data_elements: Sequence[str] | None = None,
    ) -> T | None:
        """For operations whose model has a 2xx without a body beside the one with a body (200 or 204)."""
        response = await self._send(spec, args, data_elements=data_elements)
        return self._read(spec, response, parse, optional=True)

    def _read(
        self, spec: OperationSpec, response: httpx.Response, parse: Callable[[Any], T], *, optional: bool = False
    ) -> T | None:
        """The parsed body; a body that does not parse is an error scrubbed like the transport's (a 2xx body can
        echo credentials too)."""
        try:
            if optional:
                data = _json_body(spec, response)
                return None if data is None else parse(data)
            return parse(_expect_body(spec, response))
        except SPAPIError as exc:
            self._transport.scrubber.exception(exc)
            raise

    async def _call_empty(
        self, spec: OperationSpec, args: Mapping[str, Any], data_elements: Sequence[str] | None = None
    ) -> None:
        await self._send(spec, args, data_elements=data_elements)

    def _paginate(
        self,
        spec: OperationSpec,
        args: Mapping[str, Any],
        parse: Callable[[Any], T],
        *,
        next_token: str | None,
        token_path: tuple[str, ...],
        items_path: tuple[str, ...] | None,
        data_elements: Sequence[str] | None = None,
    ) -> AsyncPaginator[T, Any]:
        from .pagination import AsyncPaginator, attribute_path

        self._build(spec, args)  # fail on bad arguments now, before any I/O and before the first await
        if data_elements is not None:
            from .auth.rdt import data_elements_arg

            data_elements_arg(data_elements, spec.key)

        async def fetch(token: str | None) -> T:
            response = await self._send(spec, args, token, data_elements)
            return cast("T", self._read(spec, response, parse))

        return AsyncPaginator(
            fetch,
            token_of=attribute_path(token_path),
            items_of=attribute_path(items_path) if items_path is not None else None,
            next_token=next_token,
        )


@dataclass(frozen=True, slots=True)
class _Request:
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: Any


# ---------------------------------------------------------------------- encoding and checks


def _type_name(value: object) -> str:
    return type(value).__name__


def _format_datetime(value: _dt.datetime, where: str) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ConfigurationError(f"{where}: pass a timezone-aware datetime (for example with tzinfo=timezone.utc)")
    value = value.astimezone(_dt.timezone.utc)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond // 1000:03d}"
    return text + "Z"


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


def _scalar(value: Any, kind: str, where: str, strict: bool = True) -> str:
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
            return _format_datetime(value, where)
        if isinstance(value, str):
            return _iso8601_text(value, where) if strict else value
    elif kind == "date":
        if isinstance(value, _dt.datetime):
            return _format_datetime(value, where)
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
        return _format_datetime(value, where)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ConfigurationError(f"{where}: {_type_name(value)} cannot be sent as JSON")


def _body(value: Any, where: str) -> Any:
    if not isinstance(value, (BaseModel, Mapping, list, tuple)):
        raise ConfigurationError(f"{where}: expected a model or a dict, got {_type_name(value)}")
    return _to_json(value, where)


# ---------------------------------------------------------------------- responses


def _json_body(spec: OperationSpec, response: httpx.Response) -> Any:
    """The decoded JSON of a 2xx response; None when it is empty (204)."""
    # No local holds the body: it may echo credentials, and tracebacks rendered with locals would show it.
    if not response.content.strip():
        return None
    try:
        return json_loads(response.content)
    except ValueError:
        if not spec.json_response:
            return response_text(response)
        ctype = response.headers.get("content-type", "?")
        raise ApiError(
            f"{spec.method} {spec.path} answered {response.status_code} with a body that is not JSON ({ctype})",
            status_code=response.status_code,
            request_id=request_id_of(response.headers),
            body=response_text(response)[:4096],
            method=spec.method,
        ) from None


def _expect_body(spec: OperationSpec, response: httpx.Response) -> Any:
    data = _json_body(spec, response)
    if data is None:
        raise ApiError(
            f"{spec.method} {spec.path} answered {response.status_code} without the body its model describes",
            status_code=response.status_code,
            request_id=request_id_of(response.headers),
            method=spec.method,
        )
    return data


def parser(model: type[T]) -> Callable[[Any], T]:
    """The function that turns decoded JSON into ``model``; response-shape errors become :class:`ApiError`."""
    return _parser_for(cast("Hashable", model))


@cache
def _parser_for(model: Any) -> Callable[[Any], Any]:
    if isinstance(model, type) and issubclass(model, BaseModel):
        validate: Callable[[Any], Any] = model.model_validate
        name = model.__name__
    else:
        adapter: TypeAdapter[Any] = TypeAdapter(model)
        validate = adapter.validate_python
        name = str(model)

    def parse(data: Any) -> Any:
        try:
            return validate(data)
        except ValidationError as exc:
            raise ApiError(f"the response does not match {name}: {exc.error_count()} error(s): {_first(exc)}") from exc
        except RecursionError:
            raise ApiError(f"the response does not match {name}: it is nested too deeply") from None

    return parse


def _first(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False, include_input=False)
    if not errors:
        return ""
    err = errors[0]
    return f"{'.'.join(str(x) for x in err.get('loc', ()))}: {err.get('msg', '')}"
