"""The legacy API's envelopes: decoding (JSON or XML), single-vs-list normalisation, ``<Request>`` bodies,
and the response classifier that turns ``ErrorResponse`` (often inside an HTTP 200) into typed errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import httpx

from .._json import loads as json_loads
from ..errors import ApiError, ErrorDetail, error_from_response, request_id_of, response_text
from .errors import SellerCenterLegacyError, SellerCenterLegacyThrottledError

#: Where the decoded envelope is kept on the response, so the client does not decode it twice.
ENVELOPE_KEY = "spapi_async.sellercenter.legacy"

_E_CODE = re.compile(r"^\s*(E\d+)\s*:\s*(.*)$", re.DOTALL)


# ---------------------------------------------------------------------------------------------------------------
# decoding
# ---------------------------------------------------------------------------------------------------------------


def xml_to_obj(element: ET.Element) -> Any:
    """An element → the JSON shape the API uses: text for leaves, a dict for parents, repeated children as lists."""
    children = list(element)
    if not children:
        return (element.text or "").strip()
    out: dict[str, Any] = {}
    for child in children:
        value = xml_to_obj(child)
        if child.tag in out:
            existing = out[child.tag]
            if isinstance(existing, list):
                existing.append(value)
            else:
                out[child.tag] = [existing, value]
        else:
            out[child.tag] = value
    return out


def decode(content: bytes, content_type: str = "") -> Any:
    """The body as JSON, or as XML converted to the same shape; None when it is neither."""
    text = content.strip()
    if not text:
        return None
    if text[:1] in (b"{", b"["):
        try:
            return json_loads(text)
        except ValueError:
            return None
    if text[:1] == b"<":
        try:
            # The body comes from the configured Seller Center host; expat refuses external entities.
            root = ET.fromstring(text)
        except ET.ParseError:
            return None
        try:
            return {root.tag: xml_to_obj(root)}
        except RecursionError:  # nested too deeply to convert: as unreadable as invalid XML
            return None
    return None


# ---------------------------------------------------------------------------------------------------------------
# single vs list
# ---------------------------------------------------------------------------------------------------------------


def as_list(value: Any) -> list[Any]:
    """A list where the API may send a list, a single object, an empty string or nothing."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return value
    return [value]


def normalise(body: Any, paths: Iterable[str]) -> Any:
    """Make every dotted path in ``paths`` a list (``"Orders.Order"``; ``*`` steps into each element of a list:
    ``"Orders.Order.*.OrderItems.OrderItem"``). A container sent empty (``""``/``null``) becomes ``{}`` with an empty
    list inside, so callers can rely on it; a container the server left out stays absent."""
    for path in paths:
        _normalise_path(body, path.split("."))
    return body


def _normalise_path(node: Any, steps: Sequence[str]) -> None:
    if not steps:
        return
    head, rest = steps[0], steps[1:]
    if head == "*":
        for element in node if isinstance(node, list) else []:
            _normalise_path(element, rest)
        return
    if not isinstance(node, dict):
        return
    if not rest:
        node[head] = as_list(node.get(head))
        return
    if head not in node:
        return  # an optional part the server left out stays absent
    child = node[head]
    if child is None or child == "":
        child = node[head] = {}
    if rest[0] == "*":
        child = node[head] = as_list(child)
    _normalise_path(child, rest)


# ---------------------------------------------------------------------------------------------------------------
# <Request> bodies
# ---------------------------------------------------------------------------------------------------------------


def request_xml(children: Mapping[str, Any]) -> bytes:
    """``{"Product": [{"SellerSku": "A", "Quantity": 3}]}`` → ``<?xml ...?><Request><Product>...</Product></Request>``.
    Lists repeat their element, dicts nest, ``None`` is left out, booleans are ``true``/``false``."""
    root = ET.Element("Request")
    _append(root, children)
    return b'<?xml version="1.0" encoding="UTF-8"?>' + ET.tostring(root, encoding="unicode").encode()


def _append(parent: ET.Element, children: Mapping[str, Any]) -> None:
    for name, value in children.items():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if item is None:
                continue
            element = ET.SubElement(parent, name)
            if isinstance(item, Mapping):
                _append(element, item)
            elif isinstance(item, bool):
                element.text = "true" if item else "false"
            else:
                element.text = str(item)


# ---------------------------------------------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------------------------------------------


def error_code(head: Mapping[str, Any]) -> tuple[str, str]:
    """``(code, message)`` of an ``ErrorResponse`` head: ``"E009: Access Denied"`` → ``("E009", "Access Denied")``;
    a bare numeric ``ErrorCode`` ("9") becomes ``E009``."""
    message = str(head.get("ErrorMessage") or "")
    match = _E_CODE.match(message)
    if match:
        return match.group(1), match.group(2).strip()
    raw = str(head.get("ErrorCode") or "").strip()
    if raw.isdigit():
        return f"E{int(raw):03d}", message
    return (raw or "E000"), message


def legacy_error(envelope: Mapping[str, Any], response: httpx.Response) -> SellerCenterLegacyError:
    error = envelope.get("ErrorResponse")
    error = error if isinstance(error, Mapping) else {}
    head = error.get("Head")
    head = head if isinstance(head, Mapping) else {}
    body = error.get("Body")
    details_raw = as_list(body.get("ErrorDetail")) if isinstance(body, Mapping) else []
    details = [d if isinstance(d, Mapping) else {"Message": str(d)} for d in details_raw]
    code, message = error_code(head)
    action = head.get("RequestAction")
    throttled = code == "E429"
    cls = SellerCenterLegacyThrottledError if throttled else SellerCenterLegacyError
    status = 429 if throttled else response.status_code
    entries = [ErrorDetail(code=code, message=message)]
    for d in details:
        entries.append(
            ErrorDetail(
                code=str(d.get("Field") or d.get("SellerSku") or code),
                message=str(d.get("Message") or ""),
                extra={k: v for k, v in d.items() if k not in ("Field", "Message")},
            )
        )
    request = response.request
    return cls(
        f"{action or 'legacy call'} failed ({code})",
        code=code,
        details=details,
        action=str(action) if action else None,
        error_type=str(head["ErrorType"]) if head.get("ErrorType") else None,
        status_code=status,
        errors=entries,
        request_id=request_id_of(response.headers),
        body=response_text(response)[:4096],
        method=request.method,
        url=str(request.url.copy_with(query=None)),
    )


async def classify_legacy(response: httpx.Response) -> ApiError | None:
    """The legacy :data:`~spapi_async.call.ResponseClassifier`: an ``ErrorResponse`` anywhere (status 200
    included) is an error; E429 counts as a 429. A success envelope is kept on the response for the client."""
    await response.aread()
    envelope = decode(response.content, response.headers.get("content-type", ""))
    if isinstance(envelope, Mapping) and "ErrorResponse" in envelope:
        return legacy_error(envelope, response)
    if response.status_code >= 400:
        return error_from_response(response)
    if not isinstance(envelope, Mapping) or not isinstance(envelope.get("SuccessResponse"), Mapping):
        snippet = " ".join(response_text(response).split())[:200]
        return ApiError(
            f"{response.request.method} legacy call answered {response.status_code} without a SuccessResponse",
            status_code=response.status_code,
            errors=[ErrorDetail(code="UnexpectedBody", message=snippet)],
            request_id=request_id_of(response.headers),
            body=response_text(response)[:4096],
        )
    response.extensions[ENVELOPE_KEY] = envelope
    return None
