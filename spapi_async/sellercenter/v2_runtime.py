"""What the generated v2 resource modules call: request building, body encoding and response parsing.

Hand-written, kept outside the generated ``v2/`` folder; the generated modules (``v2/<tag>.py``) hold only names,
types and paths.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import httpx
from pydantic import BaseModel, ConfigDict, ValidationError

from .._checks import header_value
from .._json import loads as json_loads
from .._paths import path_value
from .._redact import request_scrubber
from ..errors import SPAPIError, response_text
from ..pagination import OffsetPaginator, PageStyle

if TYPE_CHECKING:
    from ..call import QueryParams

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class V2Model(BaseModel):
    """Base of every generated v2 model: fields by Python name or by the API's name, unknown fields kept,
    validation built on first use (import stays cheap)."""

    model_config = ConfigDict(populate_by_name=True, extra="allow", defer_build=True, protected_namespaces=())


class Sender(Protocol):
    async def _send_v2(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response: ...


class Resource:
    """Base of the generated resource classes (one per tag of the v2 description)."""

    __slots__ = ("_client",)

    def __init__(self, client: Sender) -> None:
        self._client = client

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        return await self._client._send_v2(method, path, params=params, json=json, content=content, headers=headers)

    def _paginate(
        self,
        path: str,
        params: dict[str, Any],
        headers: Mapping[str, str] | None,
        *,
        style: PageStyle,
        item: type[M],
        limit: int,
        offset: int,
        max_items: int | None,
    ) -> OffsetPaginator[M]:
        async def fetch(page_offset: int, page_limit: int) -> Any:
            response = await self._send(
                "GET", path, params={**params, "offset": page_offset, "limit": page_limit}, headers=headers
            )
            return json_body(response)

        return OffsetPaginator(
            fetch, style=style, parse=item.model_validate, limit=limit, offset=offset, max_items=max_items
        )


def operation(attribute: str, name: str) -> tuple[str, str]:
    """(HTTP method, path template) of the generated method ``client.<attribute>.<name>``, read from the generated
    table ``v2/_operations.py``: hand-written code takes an operation's path from there, never spells it."""
    from .v2._operations import OPERATIONS

    for method, path, op_attribute, op_name, _ in OPERATIONS:
        if (op_attribute, op_name) == (attribute, name):
            return method, path
    raise LookupError(f"no generated v2 operation {attribute}.{name}")


def path_param(value: Any, name: str = "path parameter") -> str:
    """A path parameter, percent-encoded (slashes included); None, empty, ``.`` and ``..`` raise
    :class:`~spapi_async.errors.ConfigurationError` naming the argument."""
    return path_value(value, name)


def query(values: Mapping[str, Any]) -> dict[str, Any]:
    """Query parameters without the unset ones; lists repeat their name (``ids[]=1&ids[]=2``)."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            out[name] = [_scalar(v) for v in value]
        else:
            out[name] = _scalar(value)
    return out


def _scalar(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def headers(values: Mapping[str, Any]) -> dict[str, str] | None:
    """Header parameters without the unset ones; a value a header cannot carry (CR/LF, ...) raises
    :class:`~spapi_async.errors.ConfigurationError`."""
    out = {k: header_value(k, str(v)) for k, v in values.items() if v is not None}
    return out or None


def dump(body: Any) -> Any:
    """A JSON body: models are dumped by the API's field names with only the fields that were set (so an
    explicit ``None`` is sent as ``null`` and an omitted field is not sent at all)."""
    if isinstance(body, BaseModel):
        return body.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(body, Mapping):
        return {k: dump(v) for k, v in body.items()}
    if isinstance(body, (list, tuple)):
        return [dump(v) for v in body]
    return body


def multipart(fields: Mapping[str, Any] | None, files: Mapping[str, Any] | None) -> tuple[bytes, dict[str, str]]:
    """Encode a ``multipart/form-data`` body with httpx's encoder; returns the bytes and the content type."""
    data = {k: v if isinstance(v, (str, bytes)) else str(v) for k, v in (fields or {}).items()}
    request = httpx.Request("POST", "http://encoder.invalid/", data=data, files=dict(files or {}) or None)
    content = request.read()
    return content, {"content-type": request.headers["content-type"]}


def xml_content(body: str | bytes) -> tuple[bytes, dict[str, str]]:
    return (body.encode() if isinstance(body, str) else body), {"content-type": "text/xml; charset=utf-8"}


def json_body(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return json_loads(response.content)
    except ValueError:
        raise SPAPIError(
            f"{response.request.method} {response.request.url.path} answered {response.status_code} with a body "
            "that is not JSON",
            status_code=response.status_code,
            body=request_scrubber(response.request.headers).text(response_text(response)[:500]),
        ) from None


def _mismatch(cls: type[M], response: httpx.Response, exc: Exception) -> SPAPIError:
    what = f"{exc.error_count()} error(s)" if isinstance(exc, ValidationError) else "nested too deeply"
    return SPAPIError(
        f"{response.request.method} {response.request.url.path}: the response does not match {cls.__name__} ({what})",
        status_code=response.status_code,
    )


def model(cls: type[M], response: httpx.Response) -> M:
    try:
        return cls.model_validate(json_body(response))
    except (ValidationError, RecursionError) as exc:
        raise _mismatch(cls, response, exc) from None


def model_list(cls: type[M], response: httpx.Response) -> list[M]:
    data = json_body(response)
    if data is None:
        return []
    if not isinstance(data, list):
        data = [data]  # a single object where a list was described
    try:
        return [cls.model_validate(v) for v in data]
    except (ValidationError, RecursionError) as exc:
        raise _mismatch(cls, response, exc) from None


def raw_json(response: httpx.Response) -> Any:
    return json_body(response)


def nothing(response: httpx.Response) -> None:
    return None


def content(response: httpx.Response) -> bytes:
    return response.content


def as_sequence(items: Sequence[T] | T) -> list[T]:
    if isinstance(items, (list, tuple)):
        return list(items)
    return [items]  # type: ignore[list-item]
