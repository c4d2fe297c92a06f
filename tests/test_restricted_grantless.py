"""Which token a call carries (LWA, RDT only when asked for, grantless per scope) and deprecation warnings."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest

import spapi_async as sp
from codegen import config as codegen_config
from codegen.spec import load_api
from spapi_async.deprecation import reset_deprecation_warnings

from .apifakes import LWA_URL, make_client
from .shared_models import models_dir

US = "ATVPDKIKX0DER"


def _ok(request: httpx.Request) -> httpx.Response:
    if request.url.path.startswith(("/notifications/", "/sellers/")):
        return httpx.Response(200, json={"payload": []})
    return httpx.Response(200, json={"payload": {"AmazonOrderId": "1", "Orders": []}})


def test_the_two_restricted_lists_are_in_the_registry() -> None:
    on_request = {k for k, op in sp.OPERATIONS.items() if op.rdt == "on_request"}
    always = {k for k, op in sp.OPERATIONS.items() if op.rdt == "always"}
    assert on_request == set(codegen_config.RDT_ON_REQUEST)
    assert always == set(codegen_config.RDT_ALWAYS)
    assert {"orders_v0.get_orders", "orders_v0.get_order", "orders_v0.get_order_items"} <= on_request
    assert {"vendor_direct_fulfillment_orders_2021_12_28.get_orders", "orders_v0.get_order_address"} <= (
        on_request | always
    )
    assert {k for k, op in sp.OPERATIONS.items() if op.restricted} == on_request | always


async def test_data_elements_must_be_a_list_of_names() -> None:
    async with make_client(_ok) as client:
        with pytest.raises(sp.ConfigurationError, match="data_elements"):
            await client.orders_v0.get_order(order_id="1", data_elements="buyerInfo")  # type: ignore[arg-type]
        with pytest.raises(sp.ConfigurationError, match="data_elements"):
            client.orders_v0.get_orders(marketplace_ids=[US], created_after="2025-01-01T00:00:00Z", data_elements=[3])  # type: ignore[list-item]


async def test_rdt_refused_becomes_restricted_data_error_and_the_operation_is_not_sent() -> None:
    sent: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        if str(request.url) == LWA_URL:
            return httpx.Response(200, json={"access_token": "Atza|t", "expires_in": 3600})
        if request.url.path.endswith("/restrictedDataToken"):
            body = {"errors": [{"code": "InvalidInput", "message": "no access: [buyerInfo]", "details": ""}]}
            return httpx.Response(400, json=body, headers={"x-amzn-RequestId": "req-1"})
        return httpx.Response(200, json={"payload": {}})

    client = sp.SPAPIClient(
        client_id="app",
        client_secret="s",
        refresh_token="Atzr|r",
        region="na",
        limiter=sp.NullLimiter(),
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(handle)),
    )
    async with client:
        with pytest.raises(sp.RestrictedDataError) as info:
            await client.orders_v0.get_order(order_id="1", data_elements=["buyerInfo"])
    assert info.value.request_id == "req-1" and info.value.errors[0].message == "no access: [buyerInfo]"
    assert "[buyerInfo]" in str(info.value) and "restricted role" in str(info.value)
    assert sent == ["/auth/o2/token", "/tokens/2021-03-01/restrictedDataToken"]


async def test_grantless_scopes_remain_an_override() -> None:
    forms: list[dict[str, Any]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if str(request.url) == LWA_URL:
            forms.append(dict(httpx.QueryParams(request.content.decode())))
            return httpx.Response(200, json={"access_token": "Atza|g", "expires_in": 3600})
        assert request.headers["x-amz-access-token"] == "Atza|g"
        return _ok(request)

    client = sp.SPAPIClient(
        client_id="app",
        client_secret="s",
        grantless_scopes=["sellingpartnerapi::notifications", "sellingpartnerapi::client_credential:rotation"],
        region="na",
        limiter=sp.NullLimiter(),
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(handle)),
    )
    async with client:
        await client.notifications_v1.get_destinations()
        await client.notifications_v1.get_destinations()
    assert [f["scope"] for f in forms] == [
        "sellingpartnerapi::notifications sellingpartnerapi::client_credential:rotation"
    ]


async def test_a_deprecated_operation_warns_once_per_process_naming_its_replacement() -> None:
    reset_deprecation_warnings()
    async with make_client(_ok) as client:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for _ in range(3):
                await client.orders_v0.get_order(order_id="1")
                await client.orders_v0.get_orders(marketplace_ids=[US], created_after="2025-01-01T00:00:00Z")
            await client.sellers_v1.get_marketplace_participations()  # not deprecated: no warning
    deprecations = [w for w in caught if issubclass(w.category, DeprecationWarning)]
    assert [str(w.message) for w in deprecations] == [
        "orders_v0.get_order (getOrder) is deprecated by Amazon; use orders_2026_01_01.get_order instead",
        "orders_v0.get_orders (getOrders) is deprecated by Amazon; use orders_2026_01_01.search_orders instead",
    ]
    assert all(Path(w.filename).name == Path(__file__).name for w in deprecations)  # points at the caller


def test_every_deprecated_operation_names_an_existing_replacement() -> None:
    deprecated = [op for op in sp.OPERATIONS.values() if op.deprecated]
    assert {op.key for op in deprecated} == {
        "orders_v0.get_orders",
        "orders_v0.get_order",
        "orders_v0.get_order_items",
        "orders_v0.get_order_buyer_info",
        "orders_v0.get_order_address",
        "orders_v0.get_order_items_buyer_info",
    }
    assert all(op.replacement in sp.OPERATIONS for op in deprecated)


def test_generation_fails_for_a_deprecated_operation_without_replacement(monkeypatch: pytest.MonkeyPatch) -> None:
    root = models_dir()
    monkeypatch.setattr(codegen_config, "REPLACEMENTS", {})
    with pytest.raises(ValueError, match="replacement"):
        load_api(root, root / "orders-api-model" / "ordersV0.json")


def test_generation_fails_for_a_grantless_operation_without_scope(monkeypatch: pytest.MonkeyPatch) -> None:
    root = models_dir()
    monkeypatch.setattr(codegen_config, "GRANTLESS_SCOPES", {})
    with pytest.raises(ValueError, match="GRANTLESS_SCOPES"):
        load_api(root, root / "notifications-api-model" / "notifications.json")


def test_aliases_point_at_versions_without_deprecated_operations() -> None:
    from spapi_async.apis._attributes import ALIASES

    deprecated_apis = {op.api for op in sp.OPERATIONS.values() if op.deprecated}
    assert ALIASES["orders"] == "orders_2026_01_01"
    assert not deprecated_apis & set(ALIASES.values())
    assert json.dumps(sorted(ALIASES)) == json.dumps(sorted(codegen_config.ALIASES))


def test_the_emulator_command_has_a_restricted_roles_flag() -> None:
    from typer.main import get_command

    from spapi_async.cli.app import build_app

    command = get_command(build_app())
    emulator_cmd = command.commands["emulator"]  # type: ignore[attr-defined]
    flag = next(p for p in emulator_cmd.params if p.name == "restricted_roles")
    assert flag.is_flag and flag.default is False and flag.opts == ["--restricted-roles"]
