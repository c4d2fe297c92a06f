"""``Resource``: what every generated API class inherits. Turns keyword arguments into an :class:`ApiCall`,
sends it through the client's transport, and parses the answer.

A generated method passes its operation's :class:`~spapi_async.operation.Operation` (the generated descriptor: path
template, flags, parameters as in the model) and the values it received. Here they are checked (types, before any
I/O: a wrong type raises :class:`ConfigurationError`) and encoded (``_arguments.py``): path parameters
URL-encoded, arrays joined per their ``collectionFormat``, datetimes as ISO 8601 in UTC, bodies with Amazon's
names.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import BaseModel, TypeAdapter, ValidationError

from ._arguments import body as encode_body
from ._arguments import query_items, scalar
from ._checks import bad_calls_raise_configuration_error, header_value
from ._json import loads as json_loads
from ._paths import path_segment
from .call import ApiCall
from .errors import ApiError, ConfigurationError, SPAPIError, request_id_of, response_text
from .operation import Operation, Param

__all__ = ["Param", "Resource", "parser"]

if TYPE_CHECKING:
    import httpx

    from .pagination import AsyncPaginator
    from .transport import Transport

T = TypeVar("T")
ItemT = TypeVar("ItemT")


class Resource:
    """Base class of the generated API classes (``client.orders_v0`` and friends)."""

    __slots__ = ("_restricted_data_token", "_transport")

    def __init__(self, transport: Transport, *, restricted_data_token: str | None = None) -> None:
        """``restricted_data_token``: a Restricted Data Token the caller obtained, sent on every call of this
        instance instead of the token the client would choose (``client.request(restricted_data_token=...)``)."""
        self._transport = transport
        self._restricted_data_token = restricted_data_token

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

    def _build(self, op: Operation, args: Mapping[str, Any], token: str | None = None) -> _Request:
        if op.deprecated:
            from .deprecation import warn_deprecated

            warn_deprecated(op)
        path = op.path
        query: list[tuple[str, str]] = []
        headers: dict[str, str] = {}
        body: Any = None
        pages = op.pagination
        token_param = pages.token_name if pages is not None else None
        fixed = dict(pages.fixed) if pages is not None and token is not None else {}
        keep = pages.keep if pages is not None and token is not None else None
        strict = not self._transport.sandbox  # Amazon's sandbox selects its cases with texts like "TEST_CASE_200"
        for p in op.params:
            value = args.get(p.py)
            if p.wire == token_param:
                value = token if token is not None else value
            elif p.wire in fixed:
                value = fixed[p.wire]
            elif keep is not None and p.location == "query" and p.wire not in keep:
                continue
            if value is None:
                if p.location == "path" or (p.required and p.wire != token_param):
                    raise ConfigurationError(f"{op.key}: {p.py} is required")
                continue
            where = f"{op.key}({p.py}=...)"
            if p.location == "body":
                body = encode_body(value, where)
            elif p.location == "path":
                path = path.replace("{" + p.wire + "}", path_segment(scalar(value, p.kind, where, strict), where))
            elif p.location == "query":
                if p.kind.startswith("list:"):
                    query.extend(query_items(p.wire, value, p.kind, p.collection_format, where, strict))
                else:
                    query.append((p.wire, scalar(value, p.kind, where, strict)))
            else:
                headers[p.wire] = header_value(where, scalar(value, p.kind, where, strict))
        return _Request(path, query, headers, body)

    async def _send(
        self,
        op: Operation,
        args: Mapping[str, Any],
        token: str | None = None,
        data_elements: Sequence[str] | None = None,
    ) -> httpx.Response:
        from .auth.rdt import data_elements_arg

        req = self._build(op, args, token)
        call = ApiCall(
            op.method,
            req.path,
            operation=op,
            params=req.query or None,
            json=req.body,
            headers=req.headers or None,
            restricted_data_token=self._restricted_data_token,
            data_elements=data_elements_arg(data_elements, op.key),
        )
        return await self._transport.send(call)

    async def _call(
        self,
        op: Operation,
        args: Mapping[str, Any],
        parse: Callable[[Any], T],
        data_elements: Sequence[str] | None = None,
    ) -> T:
        response = await self._send(op, args, data_elements=data_elements)
        return cast("T", self._read(op, response, parse))

    async def _call_optional(
        self,
        op: Operation,
        args: Mapping[str, Any],
        parse: Callable[[Any], T],
        data_elements: Sequence[str] | None = None,
    ) -> T | None:
        """For operations whose model has a 2xx without a body beside the one with a body (200 or 204)."""
        response = await self._send(op, args, data_elements=data_elements)
        return self._read(op, response, parse, optional=True)

    def _read(
        self, op: Operation, response: httpx.Response, parse: Callable[[Any], T], *, optional: bool = False
    ) -> T | None:
        """The parsed body; a body that does not parse is an error scrubbed like the transport's (a 2xx body can
        echo credentials too)."""
        try:
            if optional:
                data = _json_body(op, response)
                return None if data is None else parse(data)
            return parse(_expect_body(op, response))
        except SPAPIError as exc:
            self._transport.scrubber.exception(exc)
            raise

    async def _call_empty(
        self, op: Operation, args: Mapping[str, Any], data_elements: Sequence[str] | None = None
    ) -> None:
        await self._send(op, args, data_elements=data_elements)

    def _paginate(
        self,
        op: Operation,
        args: Mapping[str, Any],
        parse: Callable[[Any], T],
        *,
        next_token: str | None,
        token_path: tuple[str, ...],
        items_path: tuple[str, ...] | None,
        data_elements: Sequence[str] | None = None,
    ) -> AsyncPaginator[T, Any]:
        from .pagination import AsyncPaginator, attribute_path

        self._build(op, args)  # fail on bad arguments now, before any I/O and before the first await
        if data_elements is not None:
            from .auth.rdt import data_elements_arg

            data_elements_arg(data_elements, op.key)

        async def fetch(token: str | None) -> T:
            response = await self._send(op, args, token, data_elements)
            return cast("T", self._read(op, response, parse))

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


# ---------------------------------------------------------------------- responses


def _json_body(op: Operation, response: httpx.Response) -> Any:
    """The decoded JSON of a 2xx response; None when it is empty (204)."""
    # No local holds the body: it may echo credentials, and tracebacks rendered with locals would show it.
    if not response.content.strip():
        return None
    try:
        return json_loads(response.content)
    except ValueError:
        if not op.json_response:
            return response_text(response)
        ctype = response.headers.get("content-type", "?")
        raise ApiError(
            f"{op.method} {op.path} answered {response.status_code} with a body that is not JSON ({ctype})",
            status_code=response.status_code,
            request_id=request_id_of(response.headers),
            body=response_text(response)[:4096],
            method=op.method,
        ) from None


def _expect_body(op: Operation, response: httpx.Response) -> Any:
    data = _json_body(op, response)
    if data is None:
        raise ApiError(
            f"{op.method} {op.path} answered {response.status_code} without the body its model describes",
            status_code=response.status_code,
            request_id=request_id_of(response.headers),
            method=op.method,
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
