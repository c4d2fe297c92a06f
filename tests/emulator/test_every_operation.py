"""Every operation in the models answers through the generated client, and refuses what its model refuses.

Valid arguments are built from each operation's model (required parameters and the body, every value honouring
the model's types, formats, enums, patterns and limits). Then the same request, sent raw with ``client.request()``,
with one required parameter removed, an enum value replaced or a value off its pattern, must get Amazon's 400
``InvalidInput``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
import pytest
from pydantic import BaseModel

import spapi_async as sp
from spapi_async.emulator.coverage import README_END, README_START, markdown_table
from spapi_async.emulator.http import Call
from spapi_async.emulator.operations import EmuOperation
from spapi_async.emulator.schema import OpSchema
from spapi_async.emulator.schema_response import Sampler, schema_answer
from spapi_async.operation import Operation
from spapi_async.pagination import AsyncPaginator

from .helpers import client_for, emulator, http_for

EMU, _CLOCK = emulator(orders=40, products=20, restricted_roles=True)  # every operation, the restricted ones too
GRANTLESS_SCOPES = ["sellingpartnerapi::notifications", "sellingpartnerapi::client_credential:rotation"]


def _spec_of(key: str) -> Operation:
    return sp.OPERATIONS[key]


def _emu_op(key: str) -> EmuOperation:
    return next(o for o in EMU.operations.operations if o.key == key)


@dataclass
class Args:
    """One valid request: wire values by location."""

    path: dict[str, str]
    query: dict[str, Any]
    headers: dict[str, str]
    body: Any
    has_body: bool


def _valid_args(op: EmuOperation, schema: OpSchema) -> Args:
    sampler = Sampler(schema.model, seed=3, key=op.key, epoch=EMU.epoch)
    args = Args({}, {}, {}, None, False)
    for param in schema.params:
        name, where = str(param["name"]), param["in"]
        if where == "body":
            if param.get("required"):
                args.body, args.has_body = sampler.build(param["schema"], name=name), True
            continue
        if where != "path" and not param.get("required"):
            continue
        value = sampler.build(param, name=name)
        if where == "path":
            args.path[name] = str(value)
        elif where == "query":
            args.query[name] = value
        else:
            args.headers[name] = str(value)
    return args


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


async def _client_call(client: sp.SPAPIClient, key: str, args: Args) -> Any:
    spec = _spec_of(key)
    by_wire = {(p.location, p.wire): p.py for p in spec.params}
    kwargs: dict[str, Any] = {}
    for name, value in args.path.items():
        kwargs[by_wire[("path", name)]] = value
    for name, value in args.query.items():
        kwargs[by_wire[("query", name)]] = value
    for name, value in args.headers.items():
        kwargs[by_wire[("header", name)]] = value
    if args.has_body:
        body = next(p for p in spec.params if p.location == "body")
        kwargs[body.py] = args.body
    api, method = key.split(".", 1)
    result = getattr(getattr(client, api), method)(**kwargs)
    if isinstance(result, AsyncPaginator):
        return await result
    return await result


def _client(op: EmuOperation, tag: str = "") -> sp.SPAPIClient:
    """A client of its own application per test (usage plans are per application and seller, so these calls are
    never throttled), all for one seller (whose data the emulator builds once)."""
    app: dict[str, Any] = {"client_id": f"app-{op.key}{tag}", "retry": sp.RetryPolicy(max_attempts=1)}
    if op.grantless:
        return client_for(EMU, grantless_scopes=GRANTLESS_SCOPES, **app)
    return client_for(EMU, refresh_token="Atzr|every-operation", **app)


KEYS = sorted(sp.OPERATIONS)


def test_every_operation_is_covered() -> None:
    coverage = EMU.coverage()
    assert coverage["none"] == [] and len(KEYS) == 370
    assert sorted(k for keys in coverage.values() for k in keys) == KEYS


@pytest.mark.parametrize("key", KEYS)
async def test_valid_call_gets_an_answer(key: str) -> None:
    op = _emu_op(key)
    schema = EMU.schemas.get(op)
    assert schema is not None
    args = _valid_args(op, schema)
    failure: sp.SPAPIError | None = None
    async with _client(op) as client:
        try:
            result = await _client_call(client, key, args)
        except sp.SPAPIError as error:
            failure = error
    if failure is not None:
        messages = " ".join(e.message for e in failure.errors)
        assert "not emulated" not in messages and "Could not match" not in messages, messages
        assert failure.status_code in (400, 404), (failure.status_code, messages)
        assert failure.errors and failure.errors[0].code in ("InvalidInput", "NotFound"), messages
        # only stateful handlers may refuse made-up ids (an order or report that does not exist)
        assert key in EMU.coverage()["stateful"], (failure.status_code, messages)
        return
    assert result is None or isinstance(result, (BaseModel, bytes, list, str)), type(result)
    if isinstance(result, list):  # operations whose answer is a bare array
        assert all(isinstance(item, BaseModel) for item in result)


def _broken_requests() -> Iterator[Any]:
    for key in KEYS:
        op = _emu_op(key)
        schema = EMU.schemas.get(op)
        assert schema is not None
        for param in schema.params:
            name, where = str(param["name"]), param["in"]
            if param.get("required") and where in ("query", "header", "body"):
                yield pytest.param(key, "drop", where, name, id=f"{key}-drop-{where}:{name}")
            enum = param.get("enum") or (param.get("items") or {}).get("enum")
            if enum and where in ("query", "header", "path"):
                yield pytest.param(key, "enum", where, name, id=f"{key}-enum-{where}:{name}")
            pattern = param.get("pattern") or (param.get("items") or {}).get("pattern")
            if pattern and where in ("query", "path") and _off_pattern(pattern) is not None:
                yield pytest.param(key, "pattern", where, name, id=f"{key}-pattern-{where}:{name}")


def _off_pattern(pattern: str) -> str | None:
    """A value ``pattern`` refuses."""
    return next((v for v in ("@@@", "<>", "a b") if not re.search(pattern, v)), None)


BROKEN = list(_broken_requests())


@pytest.mark.parametrize(("key", "change", "where", "name"), BROKEN)
async def test_invalid_call_gets_invalid_input(key: str, change: str, where: str, name: str) -> None:
    op = _emu_op(key)
    schema = EMU.schemas.get(op)
    assert schema is not None
    args = _valid_args(op, schema)
    if where == "query" and name not in args.query:
        args.query[name] = Sampler(schema.model, seed=3, key=key, epoch=EMU.epoch).build(
            next(p for p in schema.params if p["name"] == name and p["in"] == "query"), name=name
        )
    if change == "drop":
        if where == "body":
            args.has_body = False
        elif where == "query":
            del args.query[name]
        else:
            del args.headers[name]
    else:
        param = next(p for p in schema.params if p["name"] == name and p["in"] == where)
        bad = "NOT_AN_ENUM_VALUE"
        if change == "pattern":
            bad = _off_pattern(param.get("pattern") or param["items"]["pattern"]) or bad
        target = {"query": args.query, "header": args.headers, "path": args.path}[where]
        target[name] = [bad] if isinstance(target.get(name), list) else bad
    path = op.path
    for pname, value in args.path.items():
        path = path.replace("{" + pname + "}", quote(value, safe=""))
    params = [(k, ",".join(map(_text, v)) if isinstance(v, list) else _text(v)) for k, v in args.query.items()]
    async with _client(op, f"-{change}-{where}-{name}") as client:
        with pytest.raises(sp.BadRequestError) as info:
            await client.request(
                op.method,
                path,
                params=params or None,
                headers=args.headers or None,
                json=args.body if args.has_body else None,
            )
    assert info.value.status_code == 400
    assert info.value.errors[0].code == "InvalidInput", info.value.errors
    assert name in info.value.errors[0].message or (where == "body" and "body" in info.value.errors[0].message)


def test_readme_coverage_table_is_current() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index(README_START) + len(README_START)
    table = readme[start : readme.index(README_END)].strip()
    assert table == markdown_table(EMU), "run python -m spapi_async.emulator.coverage and paste its table"


async def test_coverage_endpoint_lists_every_operation() -> None:
    async with http_for(EMU) as http:
        body = (await http.get("/__coverage")).json()
    assert sum(body["counts"].values()) == 370 and body["counts"]["none"] == 0
    assert body["operations"]["vendor_orders_v1.get_purchase_orders"] == "stateful"
    assert body["operations"]["orders_v0.confirm_shipment"] == "stateful"  # it changes the order (ORDER_CHANGE)
    assert body["operations"]["orders_v0.update_shipment_status"] == "sandbox"
    assert body["operations"]["awd_2024_05_09.list_inbound_shipments"] in ("sandbox", "schema")


async def test_without_a_models_directory_the_packaged_schemas_answer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An installed package has no ``../shared``: schema-built answers and request checks still work."""
    monkeypatch.delenv("SPAPI_SHARED", raising=False)
    monkeypatch.chdir(tmp_path)
    # a checkout with ../shared beside it (CI's) must look like an installed package
    monkeypatch.setattr("spapi_async.emulator.models._PACKAGE_ROOT", tmp_path / "site-packages")
    bare, _ = emulator(orders=5, models=True)
    assert bare.models_root is None
    coverage = bare.coverage()
    assert coverage["none"] == [] and coverage["sandbox"] == []  # the static cases live in the models
    async with client_for(bare) as client:
        page = await client.vendor_orders_v1.get_purchase_orders(limit=3)
        assert page.payload is not None and page.payload.orders is not None and len(page.payload.orders) == 3
        shipment = await client.fulfillment_inbound_v0.get_shipments(query_type="SHIPMENT", marketplace_id="A1")
        assert shipment.payload is not None
        with pytest.raises(sp.BadRequestError) as info:
            await client.request("GET", "/fba/inbound/v0/shipments", params={"QueryType": "NOPE", "MarketplaceId": "A"})
    assert "QueryType" in info.value.errors[0].message
    async with client_for(bare) as client:  # Data Kiosk's GraphQL schemas travel with the package too
        with pytest.raises(sp.BadRequestError) as refused:
            await client.request("POST", "/dataKiosk/2023-11-15/queries", json={"query": "query { nope { x } }"})
    assert refused.value.errors[0].details == "Query 'nope' is not supported."


@pytest.mark.parametrize("key", KEYS)
def test_built_answer_follows_the_response_schema(key: str) -> None:
    """The schema-built success answer validates against the model's response schema (JSON Schema draft 4:
    required fields, types, enums, patterns, lengths, limits, array sizes)."""
    op = _emu_op(key)
    schema = EMU.schemas.get(op)
    assert schema is not None
    if schema.success_schema is None:
        return
    path_ids = _valid_args(op, schema).path  # echoed into same-named fields
    call = Call(op.method, op.path, op.path, path_ids, [], {}, b"", "http://127.0.0.1", EMU.epoch, 0.0, operation=op)
    body = schema_answer(schema, call, seed=3, epoch=EMU.epoch).body
    document = {**schema.success_schema, "definitions": schema.model["definitions"]}
    errors = sorted(jsonschema.Draft4Validator(document).iter_errors(body), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message[:200]}" for e in errors[:5]]


async def test_built_answers_are_a_function_of_seed_and_path_ids() -> None:
    """The same request gets the same answer all run long; other ids or another seed, another answer."""
    other_seed, _ = emulator(orders=5, seed=99)

    async def shipment(emu: Any, shipment_id: str) -> Any:
        async with client_for(emu, client_id="app-seed") as client:
            path = f"/awd/2024-05-09/inboundShipments/{shipment_id}"
            return (await client.request("GET", path)).json()

    first = await shipment(EMU, "SHIPMENT1")
    assert first == await shipment(EMU, "SHIPMENT1")
    assert first["shipmentId"] == "SHIPMENT1"  # the path id is echoed into the field of that name
    assert first != await shipment(EMU, "SHIPMENT2")
    assert first != await shipment(other_seed, "SHIPMENT1")
