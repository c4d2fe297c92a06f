"""Notifications API v1: destinations (grantless, per application) and subscriptions (per selling partner)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..http import ApiFault, Call, Reply, invalid, not_found
from ..routes import Router

if TYPE_CHECKING:
    from ..app import Emulator

_SQS_ARN = re.compile(r"^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w-]+$")
_NOTIFICATION_TYPE = re.compile(r"^[A-Z][A-Z0-9_]+$")


def _destinations(call: Call, emu: Emulator) -> dict[str, dict[str, Any]]:
    assert call.principal is not None
    return emu.destinations.setdefault(call.principal.app, {})


def create_destination(call: Call, emu: Emulator) -> Reply:
    body = call.json_object()
    name, spec = body.get("name"), body.get("resourceSpecification")
    if not isinstance(name, str) or not name or len(name) > 256:
        raise invalid("name is required (at most 256 characters).")
    if not isinstance(spec, dict) or ("sqs" in spec) == ("eventBridge" in spec):
        raise invalid("resourceSpecification needs exactly one of sqs or eventBridge.")
    resource: dict[str, Any]
    if "sqs" in spec:
        arn = spec["sqs"].get("arn") if isinstance(spec["sqs"], dict) else None
        if not isinstance(arn, str) or not _SQS_ARN.match(arn):
            raise invalid("sqs.arn must be an SQS queue ARN.")
        resource = {"sqs": {"arn": arn}}
    else:
        eb = spec["eventBridge"]
        if not isinstance(eb, dict) or not eb.get("region") or not re.fullmatch(r"\d{12}", str(eb.get("accountId"))):
            raise invalid("eventBridge needs region and a 12-digit accountId.")
        source = f"aws.partner/sellingpartnerapi.amazon.com/{eb['accountId']}/{emu.ids.numeric()}"
        resource = {"eventBridge": {"name": source, "region": eb["region"], "accountId": str(eb["accountId"])}}
    destinations = _destinations(call, emu)
    if any(d["resource"] == resource for d in destinations.values()):
        raise ApiFault(409, "Conflict", "A destination for this resource already exists.")
    dest_id = emu.ids.uuid()
    dest = {"name": name, "destinationId": dest_id, "resource": resource}
    destinations[dest_id] = dest
    return Reply(200, {"payload": dest})


def get_destinations(call: Call, emu: Emulator) -> Reply:
    return Reply(200, {"payload": list(_destinations(call, emu).values())})


def get_destination(call: Call, emu: Emulator) -> Reply:
    dest = _destinations(call, emu).get(call.path_params["destinationId"])
    if dest is None:
        raise not_found("Destination not found.")
    return Reply(200, {"payload": dest})


def delete_destination(call: Call, emu: Emulator) -> Reply:
    if _destinations(call, emu).pop(call.path_params["destinationId"], None) is None:
        raise not_found("Destination not found.")
    return Reply(200, {})


def _type(call: Call) -> str:
    value = call.path_params["notificationType"]
    if not _NOTIFICATION_TYPE.match(value):
        raise invalid(f"Invalid notificationType {value!r}.")
    return value


def create_subscription(call: Call, emu: Emulator) -> Reply:
    ntype = _type(call)
    body = call.json_object()
    version, dest_id = body.get("payloadVersion"), body.get("destinationId")
    if not isinstance(version, str) or not isinstance(dest_id, str):
        raise invalid("payloadVersion and destinationId are required.")
    if dest_id not in _destinations(call, emu):
        raise invalid(f"Destination {dest_id} does not exist.")
    if ntype in call.st.subscriptions:
        raise ApiFault(409, "Conflict", "A subscription for this notification type already exists.")
    sub: dict[str, Any] = {"subscriptionId": emu.ids.uuid(), "payloadVersion": version, "destinationId": dest_id}
    if isinstance(body.get("processingDirective"), dict):
        sub["processingDirective"] = body["processingDirective"]
    call.st.subscriptions[ntype] = sub
    return Reply(200, {"payload": sub})


def get_subscription(call: Call, emu: Emulator) -> Reply:
    sub = call.st.subscriptions.get(_type(call))
    if sub is None:
        # Returned, not raised: a raised 404 would fall back to the sandbox case, which always "finds" one.
        return not_found("Subscription not found.").reply()
    return Reply(200, {"payload": sub})


def _by_id(call: Call, emu: Emulator) -> tuple[dict[str, Any], str] | None:
    """Grantless: look the subscription up across this application's selling partners."""
    ntype, sub_id = _type(call), call.path_params["subscriptionId"]
    assert call.principal is not None
    for state in emu._sellers.values():
        sub = state.subscriptions.get(ntype)
        if sub is not None and sub["subscriptionId"] == sub_id:
            return sub, state.partner
    return None


def get_subscription_by_id(call: Call, emu: Emulator) -> Reply:
    found = _by_id(call, emu)
    if found is None:
        return not_found("Subscription not found.").reply()
    return Reply(200, {"payload": found[0]})


def delete_subscription_by_id(call: Call, emu: Emulator) -> Reply:
    found = _by_id(call, emu)
    if found is None:
        return not_found("Subscription not found.").reply()
    emu.seller(found[1]).subscriptions.pop(_type(call), None)
    return Reply(200, {})


def register(router: Router) -> None:
    for method, handler in (
        ("create_destination", create_destination),
        ("get_destinations", get_destinations),
        ("get_destination", get_destination),
        ("delete_destination", delete_destination),
        ("create_subscription", create_subscription),
        ("get_subscription", get_subscription),
        ("get_subscription_by_id", get_subscription_by_id),
        ("delete_subscription_by_id", delete_subscription_by_id),
    ):
        router.route("notifications_v1." + method)(handler)
