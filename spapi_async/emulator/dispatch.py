"""How the emulator answers one SP-API request.

In order: match the path to its operation (``404 NotFound`` for none), check the access token and the
application's roles (``403``), take from the operation's usage plan (``429 QuotaExceeded``), draw an injected fault,
then answer: a request the model refuses gets ``400 InvalidInput`` (unless one of Amazon's static sandbox cases
answers it), then the operation's stateful handler (:mod:`.routes`), a sandbox case, or an answer built from the
schema. Every answer carries a request id and the plan's ``x-amzn-RateLimit-Limit``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .auth import Principal, access_denied
from .faults import HTML_503
from .http import ApiFault, Call, Reply, error_reply
from .known_types import check_type
from .operations import EmuOperation
from .routes import Handler
from .schema_response import schema_answer
from .validate import check_request

if TYPE_CHECKING:
    from .app import Emulator


def _rate_text(rate: float) -> str:
    return f"{rate:.6g}"


async def answer_spapi(emu: Emulator, call: Call) -> tuple[Reply, str | None]:
    """Answer one SP-API request: ``(reply, fault kind or None)``."""
    found = emu.operations.matcher.match(call.method, call.path)
    if found is None:
        return _finish(error_reply(404, "NotFound", "Resource not found."), None), None
    op, call.template, call.path_params = found
    handler = emu.router.find(op.key)
    call.operation = op
    plan = emu.quota.effective(emu.plan_for(op))
    rate_headers = {"x-amzn-RateLimit-Limit": _rate_text(plan.rate)}

    denied = _authenticate(emu, call, op)
    if denied is not None:
        emu.stats.record(op.key, denied.status, call.mono)
        return _finish(denied, rate_headers), None
    principal = call.principal
    assert principal is not None
    if not emu.quota.take(principal.app, principal.partner, op.key, emu.plan_for(op), call.mono):
        reply = error_reply(429, "QuotaExceeded", "You exceeded your quota for the requested resource.")
        emu.stats.record(op.key, 429, call.mono)
        return _finish(reply, rate_headers), None

    kind: str | None = None
    if emu.faults.active:
        kind, html, status = emu.dice.draw()
        if kind == "error":
            if html:
                reply = Reply(status, HTML_503, content_type="text/html")
            else:
                reply = error_reply(status, "InternalFailure", "We encountered an internal error. Please try again.")
            emu.stats.record(op.key, status, call.mono, fault=True)
            return _finish(reply, rate_headers), "error"
        if kind == "reset":
            emu.stats.record(op.key, 599, call.mono, fault=True)
            return Reply(200), "reset"
        if kind == "slow":
            await emu.clock.sleep(emu.faults.slow_seconds)

    call.state = emu.seller(principal.partner)
    reply, source = _answer(emu, call, op, handler)
    emu.stats.record(op.key, reply.status, call.mono, source=source, fault=kind is not None)
    return _finish(reply, rate_headers), kind


def _answer(emu: Emulator, call: Call, op: EmuOperation, handler: Handler | None) -> tuple[Reply, str]:
    spec = emu.schemas.get(op)
    problem: ApiFault | None = None
    if spec is not None:
        try:
            check_request(spec, call)
            check_type(op.key, call)
            emu.kiosk_schemas.check(op.key, call)
        except ApiFault as fault:
            problem = fault
    if emu.sandbox or handler is None or problem is not None:
        # an invalid request is answered by a static case only when the case names its inputs
        case = emu.cases.answer(op, call, named_only=problem is not None, unnamed_errors=emu.sandbox)
        # a request the model refuses gets Amazon's InvalidInput, unless a static case answers it with success
        if case is not None and (problem is None or case.status < 300):
            return case, "sandbox"
    if problem is not None:
        return problem.reply(), "validation"
    if handler is not None:
        try:
            return handler(call, emu), "stateful"
        except ApiFault as fault:
            if fault.status in (400, 404) and not emu.sandbox:
                case = emu.cases.answer(op, call, unnamed_errors=False)
                if case is not None:
                    return case, "sandbox"
            return fault.reply(), "stateful"
    if spec is not None:
        return schema_answer(spec, call, seed=emu.seed, epoch=emu.epoch), "schema"
    if emu.cases.has_cases(op):
        return error_reply(400, "InvalidInput", "Could not match input arguments."), "sandbox"
    return error_reply(404, "NotFound", f"{op.operation_id or op.key} is not emulated."), "none"


def _authenticate(emu: Emulator, call: Call, op: EmuOperation) -> Reply | None:
    token = call.headers.get("x-amz-access-token", "")
    if not token:
        return error_reply(403, "Unauthorized", "Access to requested resource is denied.", "")
    resolved = emu.issuer.resolve(token, call.mono)
    if resolved is None:
        return error_reply(
            403,
            "Unauthorized",
            "Access to requested resource is denied.",
            "The access token you provided is revoked, malformed or invalid.",
        )
    if resolved == "expired":
        return error_reply(
            403,
            "Unauthorized",
            "Access to requested resource is denied.",
            "The access token you provided has expired.",
        )
    principal: Principal = resolved
    denied = access_denied(principal, op, call.method, call.path)
    if denied is not None:
        return denied
    call.principal = principal
    return None


def _finish(reply: Reply, rate_headers: Mapping[str, str] | None) -> Reply:
    reply.headers.setdefault("x-amzn-RequestId", str(uuid.uuid4()))
    if rate_headers:
        for k, v in rate_headers.items():
            reply.headers.setdefault(k, v)
    return reply
