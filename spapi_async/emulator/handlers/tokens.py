"""Tokens API: createRestrictedDataToken, the RDT that unlocks PII on restricted operations.

Which paths are restricted comes from the operation table (``EmuOperation.rdt``, generated with the client's
registry). An application without the restricted roles (``Emulator(restricted_roles=False)``, the default) gets
Amazon's 400 InvalidInput naming the data elements it asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..auth import DATA_ELEMENTS, RestrictedResource
from ..http import ApiFault, Call, Reply, invalid
from ..routes import Router

if TYPE_CHECKING:
    from ..app import Emulator


def _restricted_template(emu: Emulator, method: str, path: str) -> str | None:
    found = emu.operations.matcher.match(method, path)
    op = found[0] if found is not None else emu.operations.by_template.get((method, path))
    return op.path if op is not None and op.rdt != "never" else None


def _no_access(elements: list[str], path: str) -> ApiFault:
    what = f"[{', '.join(elements)}]" if elements else path
    return invalid(f"Application does not have access to one or more requested data elements: {what}")


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
        elements = r.get("dataElements") or []
        if not isinstance(elements, list) or any(e not in DATA_ELEMENTS for e in elements):
            raise invalid(f"Invalid dataElements {elements!r}.")
        if _restricted_template(emu, method, path) is None or not emu.restricted_roles:
            raise _no_access([str(e) for e in elements], path)
        granted.append(RestrictedResource(method, path, frozenset(elements)))
    token, expires_in = emu.issuer.issue_rdt(principal, tuple(granted), call.mono)
    return Reply(200, {"restrictedDataToken": token, "expiresIn": expires_in})


def register(router: Router) -> None:
    router.route("tokens_2021_03_01.create_restricted_data_token")(create_rdt)
