"""Applications as Amazon treats them: most hold no restricted (PII) roles, grantless operations take only a
client-credentials token of their scope, and personal data is sent only with an RDT for it."""

from __future__ import annotations

from typing import Any

import pytest

import spapi_async as sp
from spapi_async.emulator import Emulator

from .helpers import US, client_for, emulator, http_for, token

SINCE = "2020-01-01T00:00:00Z"
RDT_KEY = "tokens_2021_03_01.create_restricted_data_token"
ELEMENT = ["buyerInfo"]


def _requests(emu: Emulator, key: str) -> int:
    entry = emu.snapshot()["operations"].get(key)
    return 0 if entry is None else int(entry["requests"])


def _pull_client(emu: Emulator, **kwargs: Any) -> sp.SPAPIClient:
    # The limiter waits on the emulator's clock (instant), so the pull runs at the plans' pace without real time;
    # it follows the emulator's time-scaled x-amzn-RateLimit-Limit (header_factor: past the default 10x bound).
    return client_for(emu, limiter=sp.Limiter(clock=emu.clock, header_factor=emu.time_scale), **kwargs)


async def _pull(client: sp.SPAPIClient, *, pii: bool = False) -> tuple[list[Any], list[Any]]:
    """Every order and its items through the generated paginators (orders v0, the usage-plan-bound job)."""
    orders: list[Any] = []
    items: list[Any] = []
    order_pii: dict[str, Any] = {"data_elements": ["buyerInfo", "shippingAddress"]} if pii else {}
    item_pii: dict[str, Any] = {"data_elements": ["buyerInfo"]} if pii else {}
    async for order in client.orders_v0.get_orders(marketplace_ids=[US], created_after=SINCE, **order_pii):
        orders.append(order)
        assert order.amazon_order_id is not None
        async for item in client.orders_v0.get_order_items(order_id=order.amazon_order_id, **item_pii):
            items.append(item)
    return orders, items


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_bulk_pull_without_data_elements_makes_one_token_request_and_no_rdt_call() -> None:
    emu, _ = emulator(orders=3000, time_scale=1000)  # role-less, like most applications
    async with _pull_client(emu) as client:
        orders, items = await _pull(client)
    assert len(orders) == 3000 and len({o.amazon_order_id for o in orders}) == 3000
    assert len(items) == sum(len(o.items) for o in emu.world.orders)
    assert emu.stats.lwa_tokens == 1
    assert _requests(emu, RDT_KEY) == 0
    assert all(o.buyer_info is None for o in orders)  # no personal data without an RDT
    assert all(o.shipping_address is None or o.shipping_address.address_line1 is None for o in orders)
    assert emu.snapshot()["totals"]["throttled"] == 0


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_data_elements_without_the_role_raise_restricted_data_error_before_the_operation() -> None:
    emu, _ = emulator()
    async with client_for(emu) as client:
        with pytest.raises(sp.RestrictedDataError) as info:
            await client.orders_v0.get_orders(
                marketplace_ids=[US], created_after=SINCE, data_elements=["buyerInfo", "shippingAddress"]
            )
    error = info.value
    assert isinstance(error, sp.BadRequestError) and error.status_code == 400
    assert "buyerInfo, shippingAddress" in str(error) and "restricted role" in str(error)
    assert error.data_elements == ("buyerInfo", "shippingAddress")
    assert error.resource == "GET /orders/v0/orders"
    assert [e.code for e in error.errors] == ["InvalidInput"]
    assert "[buyerInfo, shippingAddress]" in error.errors[0].message  # Amazon's message kept
    assert error.request_id
    assert _requests(emu, RDT_KEY) == 1  # refused once, not retried
    assert _requests(emu, "orders_v0.get_orders") == 0  # the operation was never sent


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_an_always_restricted_operation_without_the_role_raises_before_it_is_sent() -> None:
    emu, _ = emulator()
    order_id = emu.world.orders[0].order_id
    async with client_for(emu) as client:
        with pytest.raises(sp.RestrictedDataError, match="restricted role"):
            await client.orders_v0.get_order_address(order_id=order_id)
    assert _requests(emu, "orders_v0.get_order_address") == 0


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_with_the_role_data_elements_bring_an_rdt_and_the_personal_data() -> None:
    emu, _ = emulator(orders=300, time_scale=1000, restricted_roles=True)
    async with _pull_client(emu) as client:
        orders, items = await _pull(client, pii=True)
        plain = await client.orders_v0.get_order(order_id=orders[0].amazon_order_id or "")
    shipped = [o for o in orders if o.order_status == "Shipped"]
    assert shipped and all(o.shipping_address and o.shipping_address.address_line1 for o in shipped)
    assert all(o.buyer_info and o.buyer_info.buyer_email for o in orders)
    assert items and all(i.buyer_info is not None for i in items)
    assert plain.payload is not None and plain.payload.buyer_info is None  # no data_elements: no PII
    assert emu.stats.lwa_tokens == 1
    assert _requests(emu, RDT_KEY) == 2  # one per path template and elements: getOrders, getOrderItems


async def test_the_emulator_refuses_rdts_to_applications_without_the_role() -> None:
    emu, _ = emulator()
    async with http_for(emu) as http:
        access = await token(http)
        r = await http.post(
            "/tokens/2021-03-01/restrictedDataToken",
            headers={"x-amz-access-token": access},
            json={
                "restrictedResources": [{"method": "GET", "path": "/orders/v0/orders", "dataElements": ["buyerInfo"]}]
            },
        )
    assert r.status_code == 400
    assert r.json() == {
        "errors": [
            {
                "code": "InvalidInput",
                "message": "Application does not have access to one or more requested data elements: [buyerInfo]",
                "details": "",
            }
        ]
    }


async def test_orders_2026_buyer_and_recipient_only_for_applications_with_the_role() -> None:
    for roles in (False, True):
        emu, _ = emulator(restricted_roles=roles)
        order = next(o for o in emu.world.orders if o.status == "Shipped")
        async with client_for(emu) as client:
            answer = await client.orders.get_order(order_id=order.order_id, included_data=["BUYER", "RECIPIENT"])
        assert (answer.order.buyer is not None) is roles
        assert (answer.order.recipient is not None) is roles


async def test_a_client_without_refresh_token_calls_grantless_operations_with_their_scope() -> None:
    emu, _ = emulator()
    lwa_forms: list[str] = []
    grant = emu.issuer.grant

    def recording_grant(form: Any, mono: float) -> Any:
        lwa_forms.append(f"{form.get('grant_type')} {form.get('scope', '')}".strip())
        return grant(form, mono)

    emu.issuer.grant = recording_grant  # type: ignore[method-assign]
    async with client_for(emu, refresh_token=None) as client:
        destinations = await client.notifications_v1.get_destinations()
        assert destinations.payload == []
        with pytest.raises(sp.ConfigurationError, match="refresh_token"):
            await client.sellers_v1.get_marketplace_participations()
        # authorised with the rotation scope, not refused (a 403 would raise)
        await client.application_management_2023_11_30.rotate_application_client_secret()
    assert lwa_forms == [
        "client_credentials sellingpartnerapi::notifications",
        "client_credentials sellingpartnerapi::client_credential:rotation",
    ]
    assert _requests(emu, "sellers_v1.get_marketplace_participations") == 0


async def test_a_seller_client_never_sends_its_token_on_a_grantless_operation() -> None:
    emu, _ = emulator()
    async with client_for(emu) as client:  # refresh token only, no grantless_scopes
        await client.notifications_v1.get_destinations()
        await client.sellers_v1.get_marketplace_participations()
    assert emu.stats.lwa_tokens == 2  # one client-credentials token, one seller token
    assert emu.snapshot()["operations"]["notifications_v1.get_destinations"]["ok"] == 1


async def test_rotate_client_secret_is_grantless_with_the_rotation_scope() -> None:
    op = sp.OPERATIONS["application_management_2023_11_30.rotate_application_client_secret"]
    assert op.grantless and op.grantless_scope == "sellingpartnerapi::client_credential:rotation"
    emu, _ = emulator()
    async with http_for(emu) as http:
        notifications = await token(http, grant_type="client_credentials", scope="sellingpartnerapi::notifications")
        rotation = await token(
            http, grant_type="client_credentials", scope="sellingpartnerapi::client_credential:rotation"
        )
        path = "/applications/2023-11-30/clientSecret"
        wrong_scope = await http.post(path, headers={"x-amz-access-token": notifications})
        right_scope = await http.post(path, headers={"x-amz-access-token": rotation})
    assert wrong_scope.status_code == 403
    assert right_scope.status_code == 204, right_scope.text  # authorised: the secret is rotated


async def test_the_emulator_answers_403_to_the_wrong_kind_of_token() -> None:
    emu, _ = emulator()
    denied = {"errors": [{"code": "Unauthorized", "message": "Access to requested resource is denied.", "details": ""}]}
    async with http_for(emu) as http:
        seller = await token(http)
        grantless = await token(http, grant_type="client_credentials", scope="sellingpartnerapi::notifications")
        r = await http.get("/notifications/v1/destinations", headers={"x-amz-access-token": seller})
        assert (r.status_code, r.json()) == (403, denied)
        r = await http.get("/sellers/v1/marketplaceParticipations", headers={"x-amz-access-token": grantless})
        assert (r.status_code, r.json()) == (403, denied)
        r = await http.get("/notifications/v1/destinations", headers={"x-amz-access-token": grantless})
        assert r.status_code == 200


def test_client_and_emulator_read_restricted_and_grantless_from_one_registry() -> None:
    emu = Emulator(models=False)
    by_key = {op.key: op for op in emu.operations.operations}
    for key, op in sp.OPERATIONS.items():
        assert (by_key[key].rdt, by_key[key].grantless, by_key[key].grantless_scope) == (
            op.rdt,
            op.grantless,
            op.grantless_scope,
        )
