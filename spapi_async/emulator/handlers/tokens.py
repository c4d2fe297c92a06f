"""Tokens API: createRestrictedDataToken, the RDT that unlocks PII on restricted operations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..auth import DATA_ELEMENTS, RESTRICTED_TEMPLATES, RestrictedResource
from ..http import ApiFault, Call, Reply, invalid
from ..router import Router
from ..routing import compile_template

if TYPE_CHECKING:
    from ..app import Emulator


def _restricted_template(method: str, path: str) -> str | None:
    for m, template in RESTRICTED_TEMPLATES:
        if m != method:
            continue
        if path == template or compile_template(template).match(path):
            return template
    return None


def create_rdt(call: Call, emu: Emulator) -> Reply:
    principal = call.principal
    if principal is None or principal.kind != "seller":
        raise ApiFault(403, "Unauthorized", "Access to requested resource is denied.")
    body = call.json_object()
    resources = body.get("restrictedResources")
    if not isinstance(resources, list) or not resources:
        raise invalid("restrictedResources must be a non-empty list.")
    granted = []
    for r in resources:
        if not isinstance(r, dict):
            raise invalid("Each restricted resource must be an object.")
        method, path = str(r.get("method", "")).upper(), str(r.get("path", ""))
        if method not in ("GET", "PUT", "POST", "DELETE"):
            raise invalid(f"Invalid method {method!r}.")
        if _restricted_template(method, path) is None:
            raise invalid(f"Application does not have access to one or more requested data elements: {path}")
        elements = r.get("dataElements") or []
        if not isinstance(elements, list) or any(e not in DATA_ELEMENTS for e in elements):
            raise invalid(f"Invalid dataElements {elements!r}.")
        granted.append(RestrictedResource(method, path, frozenset(elements)))
    token, expires_in = emu.issuer.issue_rdt(principal, tuple(granted), call.mono)
    return Reply(200, {"restrictedDataToken": token, "expiresIn": expires_in})


def register(router: Router) -> None:
    router.route("POST", "/tokens/2021-03-01/restrictedDataToken")(create_rdt)
