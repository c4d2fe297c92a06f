"""Replays every ``x-amzn-api-sandbox`` static case of Amazon's models through the generated methods.

For each case: call the generated method with the case's parameters, check against a mock server that the method,
path, query and body are what the case describes, answer with the case's status and response, and check that a
2xx parses into the operation's model (an error status raises the matching typed error with Amazon's error list).
Cases that cannot be expressed through a typed method are listed in ``UNEXPRESSIBLE`` with the reason.
"""

from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import httpx
import pytest
from pydantic import BaseModel, TypeAdapter

import spapi_async as sp
from spapi_async.operation import Operation
from spapi_async.pagination import AsyncPaginator
from spapi_async.registry import OPERATIONS

from .shared_models import models_dir

LWA_URL = "https://api.amazon.com/auth/o2/token"
RDT_PATH = "/tokens/2021-03-01/restrictedDataToken"

#: (operation key, status, index of the case under that status) → why the case cannot be replayed as given.
UNEXPRESSIBLE: dict[tuple[str, str, int], str] = {
    ("orders_v0.get_orders", "200", 2): (
        "the case sends CreatedAfter with NextToken; getOrders pages send only NextToken and MarketplaceIds"
    ),
    ("fulfillment_inbound_v0.get_shipment_items", "200", 0): (
        "the case sends QueryType=SHIPMENT (not in the operation's enum) with NextToken; token pages send NEXT_TOKEN"
    ),
    ("fulfillment_inbound_v0.get_shipment_items", "200", 1): (
        "the case sends QueryType=SHIPMENT (not in the operation's enum) with NextToken; token pages send NEXT_TOKEN"
    ),
    ("fulfillment_inbound_v0.get_shipment_items", "400", 0): (
        "the case sends QueryType=BADSHIPMENT with NextToken; token pages send QueryType=NEXT_TOKEN"
    ),
}


@dataclass(frozen=True)
class Case:
    key: str
    status: str
    index: int
    request: dict[str, Any]
    response: Any
    has_response: bool

    @property
    def id(self) -> str:
        return f"{self.key}[{self.status}#{self.index}]"


def _cases() -> list[Case]:
    out: list[Case] = []
    routes = {(op.method, op.path): op for op in sp.OPERATIONS.values()}
    for file in sorted(models_dir().glob("*/*.json")):
        spec = json.loads(file.read_text(encoding="utf-8"))
        for path, item in spec["paths"].items():
            for method, op in item.items():
                if not isinstance(op, dict) or "responses" not in op:
                    continue
                key = routes[(method.upper(), path)].key
                for status, response in op["responses"].items():
                    static = (response.get("x-amzn-api-sandbox") or {}).get("static") or []
                    # vendorShipments / vendorTransactionStatus keep theirs under another key, same shape
                    static = static + (response.get("x-amazon-spds-sandbox-behaviors") or [])
                    for i, case in enumerate(static):
                        out.append(
                            Case(
                                key, str(status), i, case.get("request") or {}, case.get("response"), "response" in case
                            )
                        )
    return out


CASES = _cases()


def _spec_of(key: str) -> Operation:
    """The generated descriptor of ``key`` (``sp.OPERATIONS`` serves the same objects the API methods pass)."""
    return OPERATIONS[key]


def _unwrap(value: Any) -> Any:
    return value["value"] if isinstance(value, dict) and set(value) == {"value"} else value


def _expected_query(spec: Operation, params: dict[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for p in spec.params:
        if p.location != "query" or p.wire not in params:
            continue
        value = params[p.wire]
        if isinstance(value, list):
            if p.collection_format == "multi":
                out.extend((p.wire, _text(v)) for v in value)
            else:
                sep = {"ssv": " ", "tsv": "\t", "pipes": "|"}.get(p.collection_format or "csv", ",")
                out.append((p.wire, sep.join(_text(v) for v in value)))
        else:
            out.append((p.wire, _text(value)))
    return sorted(out)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _handler(case: Case, spec: Operation, params: dict[str, Any], seen: list[httpx.Request]) -> Any:
    expected_path = spec.path
    for p in spec.params:
        if p.location == "path":
            expected_path = expected_path.replace("{" + p.wire + "}", quote(_text(params[p.wire]), safe=""))
    body_param = next((p for p in spec.params if p.location == "body"), None)

    def handle(request: httpx.Request) -> httpx.Response:
        if str(request.url) == LWA_URL:
            return httpx.Response(200, json={"access_token": "Atza|test", "expires_in": 3600})
        if request.url.path == RDT_PATH and spec.key != "tokens_2021_03_01.create_restricted_data_token":
            return httpx.Response(200, json={"restrictedDataToken": "Atz.sprdt|test", "expiresIn": 3600})
        seen.append(request)
        assert request.method == spec.method
        assert request.url.raw_path.split(b"?")[0].decode() == expected_path
        query = sorted(parse_qsl(urlsplit(str(request.url)).query, keep_blank_values=True))
        assert query == _expected_query(spec, params)
        if body_param is not None and body_param.wire in params:
            assert json.loads(request.content) == params[body_param.wire]
        else:
            assert request.content == b""
        headers = {"x-amzn-RequestId": "sandbox-request"}
        if not case.has_response or case.response is None or case.status == "204":
            return httpx.Response(int(case.status), headers=headers)
        return httpx.Response(int(case.status), json=case.response, headers=headers)

    return handle


def _kwargs(spec: Operation, params: dict[str, Any]) -> dict[str, Any]:
    by_wire = {p.wire: p for p in spec.params}
    kwargs: dict[str, Any] = {}
    for wire, value in params.items():
        p = by_wire.get(wire)
        if p is None:
            raise AssertionError(f"the case names {wire!r}, which {spec.key} does not have")
        kwargs[p.py] = value
    return kwargs


#: Values for required parameters a case does not name (the sandbox matches any value for those).
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


def _params(case: Case, spec: Operation, required: set[str]) -> dict[str, Any]:
    raw = case.request.get("parameters") or {}
    params = {name: _unwrap(value) for name, value in raw.items()}
    body_param = next((p for p in spec.params if p.location == "body"), None)
    if body_param is None and params.get("body") == {}:
        del params["body"]  # GET operations whose case matches an empty body: nothing is sent
    if body_param is not None and "body" in params and body_param.wire != "body":
        params[body_param.wire] = params.pop("body")
    for p in spec.params:
        if p.wire not in params and (p.py in required or p.location == "path"):
            kind = p.kind[5:] if p.kind.startswith("list:") else p.kind
            value = PLACEHOLDERS[kind]
            params[p.wire] = [value] if p.kind.startswith("list:") else value
    return params


def _required(method: Any) -> set[str]:
    return {
        name
        for name, param in inspect.signature(method).parameters.items()
        if param.default is inspect.Parameter.empty and param.kind is inspect.Parameter.KEYWORD_ONLY
    }


def _assert_same(got: Any, want: Any, where: str) -> None:
    """Nothing lost or changed by parsing; a timestamp may come back in another ISO 8601 spelling."""
    if isinstance(want, dict):
        assert isinstance(got, dict), where
        assert set(got) == set(want), f"{where}: keys {sorted(set(got) ^ set(want))}"
        for k in want:
            _assert_same(got[k], want[k], f"{where}.{k}")
    elif isinstance(want, list):
        assert isinstance(got, list), where
        assert len(got) == len(want), where
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            _assert_same(g, w, f"{where}[{i}]")
    elif isinstance(want, str) and got != want:
        assert isinstance(got, str), where
        assert _instant(got) == _instant(want), f"{where}: {got!r} != {want!r}"
    else:
        assert got == want, f"{where}: {got!r} != {want!r}"


def _instant(text: str) -> datetime:
    return TypeAdapter(datetime).validate_python(text)


def _ids() -> Iterator[Any]:
    for case in CASES:
        marks = []
        reason = UNEXPRESSIBLE.get((case.key, case.status, case.index))
        if reason:
            marks.append(pytest.mark.xfail(reason=reason, strict=True))
        yield pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", list(_ids()))
async def test_sandbox_case(case: Case) -> None:
    spec = _spec_of(case.key)
    api_attr, method_name = case.key.split(".", 1)
    module = importlib.import_module(f"spapi_async.apis.{api_attr}")
    api_class = next(v for v in vars(module).values() if isinstance(v, type) and v.__module__ == module.__name__)
    params = _params(case, spec, _required(getattr(api_class, method_name)))
    seen: list[httpx.Request] = []
    http = httpx.AsyncClient(transport=httpx.MockTransport(_handler(case, spec, params, seen)))
    async with sp.SPAPIClient(
        client_id="amzn1.application-oa2-client.test",
        client_secret="secret",
        refresh_token="Atzr|test",
        region="na",
        sandbox=True,  # the cases select themselves with texts such as "TEST_CASE_200" in date-time parameters
        retry=sp.RetryPolicy(max_attempts=1),
        http_client=http,
        limiter=sp.NullLimiter(),  # request shapes are under test here, not quotas
    ) as client:
        method = getattr(getattr(client, api_attr), method_name)
        status = int(case.status)
        kwargs = _kwargs(spec, params)
        if 200 <= status < 300:
            result = method(**kwargs)
            if isinstance(result, AsyncPaginator):
                page = await result
                assert isinstance(page, BaseModel)
                _assert_same(page.model_dump(mode="json", by_alias=True, exclude_unset=True), case.response, "")
            else:
                value = await result
                if status == 204:
                    assert value is None
                elif case.has_response and case.response is not None:
                    assert value is not None
                    if isinstance(case.response, dict):
                        assert isinstance(value, BaseModel)
                        _assert_same(
                            value.model_dump(mode="json", by_alias=True, exclude_unset=True), case.response, ""
                        )
        else:
            call = method(**kwargs)
            with pytest.raises(sp.ApiError) as info:
                await call
            assert info.value.status_code == status
            assert info.value.request_id == "sandbox-request"
            body_errors = case.response.get("errors") if isinstance(case.response, dict) else None
            if isinstance(body_errors, list) and body_errors:
                assert [e.code for e in info.value.errors] == [str(e.get("code", "Unknown")) for e in body_errors]
        await http.aclose()
    # a 401 makes the transport drop its cached token and try once more with a fresh one
    assert len(seen) == (2 if status == 401 else 1)


def test_every_case_is_replayed_or_explained() -> None:
    assert len(CASES) > 600, "the models' sandbox cases were not found"
    known = {(c.key, c.status, c.index) for c in CASES}
    assert set(UNEXPRESSIBLE) <= known, "UNEXPRESSIBLE lists cases that no longer exist"
