"""Helpers for tests that call generated methods against an ``httpx.MockTransport``."""

from __future__ import annotations

import importlib
import inspect
import json
import typing
from collections.abc import Callable
from typing import Any

import httpx
from pydantic import BaseModel

import spapi_async as sp
from spapi_async.operation import Operation
from spapi_async.registry import OPERATIONS

LWA_URL = "https://api.amazon.com/auth/o2/token"
RDT_PATH = "/tokens/2021-03-01/restrictedDataToken"

PLACEHOLDERS: dict[str, Any] = {
    "str": "sandbox-placeholder",
    "int": 1,
    "float": 1.5,
    "bool": True,
    "datetime": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "any": "sandbox-placeholder",
    "body": {},
}

Handler = Callable[[httpx.Request], httpx.Response]


def spec_of(key: str) -> Operation:
    """The generated descriptor of ``key`` (``sp.OPERATIONS`` serves the same objects the API methods pass)."""
    return OPERATIONS[key]


def api_class(api: str) -> type[Any]:
    module = importlib.import_module(f"spapi_async.apis.{api}")
    return next(v for v in vars(module).values() if isinstance(v, type) and v.__module__ == module.__name__)


def required_kwargs(key: str) -> dict[str, Any]:
    """Placeholder values for the required keyword arguments of the method behind ``key``."""
    api, name = key.split(".", 1)
    spec = spec_of(key)
    method = getattr(api_class(api), name)
    by_py = {p.py: p for p in spec.params}
    out: dict[str, Any] = {}
    for pname, param in inspect.signature(method).parameters.items():
        if param.kind is not inspect.Parameter.KEYWORD_ONLY or param.default is not inspect.Parameter.empty:
            continue
        p = by_py[pname]
        kind = p.kind[5:] if p.kind.startswith("list:") else p.kind
        out[pname] = [PLACEHOLDERS[kind]] if p.kind.startswith("list:") else PLACEHOLDERS[kind]
    return out


def item_is_model(key: str) -> bool:
    """Whether the paginator of ``key`` yields models (else plain values such as strings)."""
    api, name = key.split(".", 1)
    module = importlib.import_module(f"spapi_async.apis.{api}")
    hints = typing.get_type_hints(getattr(api_class(api), name), vars(module))
    args = typing.get_args(hints["return"])
    return isinstance(args[1], type) and issubclass(args[1], BaseModel)


def auth_or(handler: Handler, rdt_requests: list[Any] | None = None) -> Handler:
    """Answers LWA and RDT requests itself (recording RDT request bodies); everything else goes to ``handler``."""

    def handle(request: httpx.Request) -> httpx.Response:
        if str(request.url) == LWA_URL:
            return httpx.Response(200, json={"access_token": "Atza|test", "expires_in": 3600})
        if request.url.path == RDT_PATH:
            if rdt_requests is not None:
                rdt_requests.append(json.loads(request.content))
            return httpx.Response(200, json={"restrictedDataToken": "Atz.sprdt|test", "expiresIn": 3600})
        return handler(request)

    return handle


def make_client(handler: Handler, rdt_requests: list[Any] | None = None, **options: Any) -> sp.SPAPIClient:
    """A client over a scripted handler. Quotas are not what these tests are about: the limiter is off unless a
    test passes one (the default limiter would make multi-page tests wait for real tokens)."""
    options.setdefault("limiter", sp.NullLimiter())
    return sp.SPAPIClient(
        client_id="amzn1.application-oa2-client.test",
        client_secret="secret",
        refresh_token="Atzr|test",
        region="na",
        retry=sp.RetryPolicy(max_attempts=1),
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(auth_or(handler, rdt_requests))),
        **options,
    )


def set_path(obj: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    for part in parts[:-1]:
        obj = obj.setdefault(part, {})
    obj[parts[-1]] = value
