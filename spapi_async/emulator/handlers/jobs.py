"""What reports, feeds and Data Kiosk queries share: creation, status fields, listing with filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..http import Call, invalid
from ..state import Job
from ..timefmt import iso, parse_iso
from .common import decode_token, encode_token

if TYPE_CHECKING:
    from ..app import Emulator

STATUSES = frozenset({"IN_QUEUE", "IN_PROGRESS", "DONE", "CANCELLED", "FATAL"})


def new_job(call: Call, emu: Emulator, kind: str, marketplaces: list[str], params: dict[str, Any]) -> Job:
    return Job(
        job_id=emu.ids.numeric(),
        kind=kind,
        created_wall=call.now,
        created_mono=call.mono,
        duration_scale=emu.time_scale,
        marketplaces=marketplaces,
        params=params,
    )


def settle(job: Job, mono: float, finish: Callable[[Job], None]) -> str:
    """The job's status now; the first time it is done, ``finish`` builds its documents (and may set ``final``)."""
    status = job.status(mono)
    if status == "DONE" and job.final is None:
        job.final = "DONE"
        finish(job)
    return job.final or status


def status_fields(job: Job, status: str, mono: float) -> dict[str, Any]:
    out: dict[str, Any] = {"createdTime": iso(job.created_wall), "processingStatus": status}
    if status != "IN_QUEUE" and not (
        status == "CANCELLED" and job.cancelled_at is not None and job.cancelled_at < job.queued_until()
    ):
        out["processingStartTime"] = iso(job.wall(job.queued_until()))
    if status in ("DONE", "FATAL"):
        out["processingEndTime"] = iso(job.wall(job.done_at()))
    elif status == "CANCELLED" and job.cancelled_at is not None:
        out["processingEndTime"] = iso(job.wall(job.cancelled_at))
    return out


def list_jobs(
    call: Call,
    jobs: dict[str, Job],
    *,
    types_param: str,
    token_param: str,
    render: Callable[[Job], dict[str, Any]],
    status_of: Callable[[Job], str],
    default_size: int = 10,
) -> tuple[list[dict[str, Any]], str | None]:
    token = call.q(token_param)
    if token:
        state = decode_token(token, token_param)
        f, offset = state["f"], state["o"]
    else:
        types = call.q_list(types_param) if types_param else []
        if types_param and not types:
            raise invalid(f"{types_param} is required when {token_param} is not given.")
        if len(types) > 10:
            raise invalid(f"{types_param} accepts at most 10 values.")
        statuses = call.q_list("processingStatuses")
        if set(statuses) - STATUSES:
            raise invalid("Invalid processingStatuses.")
        since, until = call.q("createdSince"), call.q("createdUntil")
        f = {
            "t": types,
            "s": statuses,
            "m": call.q_list("marketplaceIds"),
            "a": parse_iso(since, "createdSince") if since else call.now - 90 * 86400,
            "b": parse_iso(until, "createdUntil") if until else call.now,
            "n": call.q_int("pageSize", default_size, 1, 100),
        }
        offset = 0
    matched = [
        j
        for j in sorted(jobs.values(), key=lambda j: (-j.created_wall, j.job_id))
        if (not f["t"] or j.kind in f["t"])
        and f["a"] <= j.created_wall <= f["b"]
        and (not f["m"] or set(f["m"]) & set(j.marketplaces))
        and (not f["s"] or status_of(j) in f["s"])
    ]
    page = matched[offset : offset + f["n"]]
    nxt = encode_token({"f": f, "o": offset + f["n"]}) if offset + f["n"] < len(matched) else None
    return [render(j) for j in page], nxt
