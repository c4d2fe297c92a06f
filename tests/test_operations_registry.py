"""``sp.OPERATIONS`` against operations.csv: every operation, its usage plan, pagination, grantless, restricted."""

from __future__ import annotations

import importlib
import inspect
from dataclasses import replace

import spapi_async as sp
from spapi_async.operation import Param

from .shared_models import operations_csv


def _by_route() -> dict[tuple[str, str], sp.Operation]:
    routes: dict[tuple[str, str], sp.Operation] = {}
    for op in sp.OPERATIONS.values():
        assert (op.method, op.path) not in routes, f"two operations on {op.method} {op.path}"
        routes[(op.method, op.path)] = op
    return routes


def _csv_row_for(op: sp.Operation) -> dict[str, str]:
    for row in operations_csv():
        if (row["method"], row["path"]) == (op.method, op.path):
            return row
    raise AssertionError(f"{op.key} not in operations.csv")


def test_every_operation_of_the_models_is_registered() -> None:
    assert len(sp.OPERATIONS) == 370
    assert len(operations_csv()) == 370
    routes = _by_route()
    for row in operations_csv():
        op = routes[(row["method"], row["path"])]
        assert op.operation_id == row["operationId"]
        assert op.deprecated == (row["deprecated"] == "yes")


def test_usage_plans_equal_the_models_tables() -> None:
    routes = _by_route()
    with_plan = 0
    for row in operations_csv():
        op = routes[(row["method"], row["path"])]
        if row["rate_rps"]:
            with_plan += 1
            assert op.plan_source == "model", op.key
            assert op.rate == float(row["rate_rps"]), op.key
            assert op.burst == int(row["burst"]), op.key
        else:
            assert op.plan_source == "default", op.key
            assert (op.rate, op.burst) == (sp.DEFAULT_PLAN.rate, sp.DEFAULT_PLAN.burst), op.key
    assert with_plan == 300


def test_known_keys_and_names() -> None:
    for key in (
        "orders_v0.get_orders",
        "orders_v0.get_order_items",
        "orders_2026_01_01.search_orders",
        "reports_2021_06_30.create_report",
        "tokens_2021_03_01.create_restricted_data_token",
        "sellers_v1.get_marketplace_participations",
        "catalog_items_2022_04_01.search_catalog_items",
        "fba_inventory_v1.get_inventory_summaries",
        "vendor_orders_v1.get_purchase_orders",
        "product_fees_v0.get_my_fees_estimate_for_sku",
        "vendor_shipments_v1.get_shipment_details",
    ):
        assert sp.OPERATIONS[key].key == key
    orders = sp.OPERATIONS["orders_v0.get_orders"]
    assert (orders.method, orders.path, orders.rate, orders.burst) == ("GET", "/orders/v0/orders", 0.0167, 20)


def test_duplicate_operation_id_gets_a_stable_distinct_name() -> None:
    put = sp.OPERATIONS["shipping_v2.link_carrier_account"]
    post = sp.OPERATIONS["shipping_v2.link_carrier_account_post"]
    assert (put.method, post.method) == ("PUT", "POST")
    assert put.operation_id == post.operation_id == "linkCarrierAccount"
    assert put.path == post.path


def test_grantless_and_restricted() -> None:
    grantless = {op.key for op in sp.OPERATIONS.values() if op.grantless}
    assert grantless == {
        f"notifications_v1.{name}"
        for name in (
            "get_subscription_by_id",
            "delete_subscription_by_id",
            "get_destinations",
            "create_destination",
            "get_destination",
            "delete_destination",
            "send_test_notification",
        )
    } | {"application_management_2023_11_30.rotate_application_client_secret"}
    scopes = {op.grantless_scope for op in sp.OPERATIONS.values() if op.grantless}
    assert scopes == {"sellingpartnerapi::notifications", "sellingpartnerapi::client_credential:rotation"}
    assert all(op.grantless_scope is None for op in sp.OPERATIONS.values() if not op.grantless)
    routes = _by_route()
    for row in operations_csv():
        if row["restricted"] == "yes":
            assert routes[(row["method"], row["path"])].restricted
    assert sp.OPERATIONS["orders_v0.get_order_address"].restricted
    assert not sp.OPERATIONS["sellers_v1.get_marketplace_participations"].restricted


def test_pagination_descriptors_match_the_models() -> None:
    routes = _by_route()
    paginated = 0
    for row in operations_csv():
        op = routes[(row["method"], row["path"])]
        if row["paginated"] == "yes":
            paginated += 1
            assert op.pagination is not None, op.key
            assert op.pagination.token_param == row["page_token_param"], op.key
            assert op.pagination.token_path == row["page_token_response_field"], op.key
            assert op.pagination.page_size_param == (row["page_size_param"] or None), op.key
        else:
            assert op.pagination is None, op.key
    assert paginated == 73
    orders = sp.OPERATIONS["orders_v0.get_orders"].pagination
    assert orders is not None
    assert (orders.token_name, orders.token_location, orders.items_path) == ("NextToken", "query", "payload.Orders")


def test_token_styles_cover_the_documented_variety() -> None:
    styles = {
        (op.pagination.token_param, op.pagination.token_path)
        for op in sp.OPERATIONS.values()
        if op.pagination is not None
    }
    params = {p for p, _ in styles}
    paths = {t for _, t in styles}
    assert params == {
        "query:nextToken",
        "query:NextToken",
        "query:paginationToken",
        "query:pageToken",
        "query:nextPageToken",
        "query:nextTokenForLineItems",
    }
    assert {"nextToken", "payload.NextToken", "pagination.nextToken", "payload.pagination.nextToken"} <= paths
    assert {"nextPageToken", "payload.nextPageToken", "payload.nextToken", "nextTokenForLineItems"} <= paths


def test_match_operation_uses_the_table() -> None:
    op = sp.match_operation("GET", "/orders/v0/orders/123-4567890-1234567/orderItems")
    assert op is not None
    assert op.key == "orders_v0.get_order_items"
    op = sp.match_operation("POST", "/shipping/v2/carrierAccounts/UPS")
    assert op is not None
    assert op.key == "shipping_v2.link_carrier_account_post"


# ---------------------------------------------------------------------------------- one descriptor per operation


def test_each_generated_method_passes_the_descriptor_the_registry_serves() -> None:
    # One object per operation: the API module's descriptor IS the registry's entry (no second description joined
    # by key), and it carries the request's parameters and the response model the method parses.
    for key, op in sp.OPERATIONS.items():
        module = importlib.import_module(f"spapi_async.apis.{op.api}")
        assert getattr(module, "_" + op.name.upper()) is op, key
    op = sp.OPERATIONS["orders_v0.get_orders"]
    assert op.params[0] == Param("MarketplaceIds", "marketplace_ids", "query", "list:str", "csv", required=True)
    assert op.pagination is not None
    assert op.pagination.keep == ("MarketplaceIds",)
    assert op.response == "GetOrdersResponse"
    source = inspect.getsource(importlib.import_module("spapi_async.apis.orders_v0").OrdersV0Api.get_orders)
    assert "parser(m.GetOrdersResponse)" in source
    assert sp.OPERATIONS["reports_2021_06_30.get_report_document"].response == "ReportDocument"
    assert sp.OPERATIONS["orders_v0.update_shipment_status"].response is None  # answers without a body


def test_the_descriptor_fields_beyond_identity_stay_out_of_equality_and_repr() -> None:
    op = sp.OPERATIONS["orders_v0.get_order"]
    bare = replace(op, params=(), json_response=False, response=None)
    assert bare == op
    assert hash(bare) == hash(op)
    assert "params" not in repr(op)


def test_the_registry_serves_what_its_source_gives_and_is_empty_without_one() -> None:
    from spapi_async.registry import OperationTable

    calls: list[int] = []
    op = sp.Operation("x_v1", "get_thing", "getThing", "GET", "/x/v1/things/{id}", 1.0, 1, "model")

    def source() -> list[sp.Operation]:
        calls.append(1)
        return [op]

    table = OperationTable(source)
    assert calls == []  # read on first use only
    assert table["x_v1.get_thing"] is op
    assert table.match("GET", "/x/v1/things/42?a=b") is op
    assert table.match("POST", "/x/v1/things/42") is None
    assert list(table) == ["x_v1.get_thing"]
    assert calls == [1]
    empty = OperationTable()
    assert len(empty) == 0
    assert empty.match("GET", "/x/v1/things/42") is None
    empty.install(source)
    assert len(empty) == 1
