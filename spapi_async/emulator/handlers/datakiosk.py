"""Data Kiosk 2023-11-15: createQuery (GraphQL text) → processing → a JSONL data document (or an error document)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from ..http import ApiFault, Call, Reply, invalid, not_found
from ..routes import Router
from ..state import Document, Job, SellerState
from ..timefmt import iso
from .common import decode_token
from .jobs import list_jobs, new_job, settle, status_fields

if TYPE_CHECKING:
    from ..app import Emulator

MAX_QUERY = 8000


def _finish(emu: Emulator, state: SellerState, job: Job) -> None:
    query: str = job.params["query"]
    if query.count("{") != query.count("}") or "{" not in query:
        job.final = "FATAL"
        doc = Document(emu.ids.document(), "datakiosk", content_type="application/json", owner=state.partner)
        emu.doc_host.store(
            doc, json.dumps({"errorMessage": "The query is not valid GraphQL."}).encode(), compress=False
        )
        job.error_document_id = doc.document_id
        return
    if "salesAndTraffic" not in query and "analytics_salesAndTraffic" not in query:
        return  # DONE without a data document: the query matched no data
    daily: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for o in emu.world.orders:
        if o.status == "Canceled":
            continue
        day = iso(o.purchase)[:10]
        daily[day][0] += 1
        daily[day][1] += sum(i.quantity for i in o.items)
        daily[day][2] += o.total_cents
    lines = [
        json.dumps(
            {
                "startDate": day,
                "endDate": day,
                "sales": {
                    "orderedProductSales": {"amount": round(v[2] / 100, 2), "currencyCode": "USD"},
                    "unitsOrdered": v[1],
                    "totalOrderItems": v[0],
                },
            }
        )
        for day, v in sorted(daily.items())
    ]
    doc = Document(emu.ids.document(), "datakiosk", content_type="application/x-ndjson", owner=state.partner)
    emu.doc_host.store(doc, ("\n".join(lines) + "\n").encode(), compress=False)
    job.document_id = doc.document_id


def _status(emu: Emulator, state: SellerState, job: Job, mono: float) -> str:
    return settle(job, mono, lambda j: _finish(emu, state, j))


def _render(emu: Emulator, state: SellerState, job: Job, mono: float) -> dict[str, Any]:
    status = _status(emu, state, job, mono)
    out: dict[str, Any] = {"queryId": job.job_id, "query": job.params["query"], **status_fields(job, status, mono)}
    if job.document_id and status == "DONE":
        out["dataDocumentId"] = job.document_id
    if job.error_document_id and status == "FATAL":
        out["errorDocumentId"] = job.error_document_id
    return out


def create_query(call: Call, emu: Emulator) -> Reply:
    body = call.json_object()
    query, token = body.get("query"), body.get("paginationToken")
    if not isinstance(query, str) or not query.strip():
        raise invalid("query is required.")
    if len(query) > MAX_QUERY:
        raise invalid(f"query must be at most {MAX_QUERY} characters.")
    if token is not None:
        decode_token(str(token), "paginationToken")
    job = new_job(call, emu, "QUERY", [], {"query": query})
    call.st.queries[job.job_id] = job
    return Reply(202, {"queryId": job.job_id})


def get_query(call: Call, emu: Emulator) -> Reply:
    job = call.st.queries.get(call.path_params["queryId"])
    if job is None:
        raise not_found(f"Query {call.path_params['queryId']} not found.")
    return Reply(200, _render(emu, call.st, job, call.mono))


def get_queries(call: Call, emu: Emulator) -> Reply:
    state = call.st
    queries, nxt = list_jobs(
        call,
        state.queries,
        types_param="",
        token_param="paginationToken",
        render=lambda j: _render(emu, state, j, call.mono),
        status_of=lambda j: _status(emu, state, j, call.mono),
    )
    body: dict[str, Any] = {"queries": queries}
    if nxt:
        body["pagination"] = {"nextToken": nxt}
    return Reply(200, body)


def cancel_query(call: Call, emu: Emulator) -> Reply:
    job = call.st.queries.get(call.path_params["queryId"])
    if job is None:
        raise not_found(f"Query {call.path_params['queryId']} not found.")
    if _status(emu, call.st, job, call.mono) not in ("IN_QUEUE", "IN_PROGRESS"):
        raise invalid("Only queries in IN_QUEUE or IN_PROGRESS can be cancelled.")
    job.cancelled_at = call.mono
    return Reply(204, None)


def get_document(call: Call, emu: Emulator) -> Reply:
    doc_id = call.path_params["documentId"]
    doc = emu.documents.get(doc_id)
    if doc is None or doc.kind != "datakiosk" or doc.owner != call.st.partner:
        raise ApiFault(404, "NotFound", f"Document {doc_id} not found.")
    return Reply(200, {"documentId": doc_id, "documentUrl": emu.doc_host.url(call.base_url, doc_id, "GET", call.now)})


def register(router: Router) -> None:
    for method, handler in (
        ("create_query", create_query),
        ("get_queries", get_queries),
        ("get_query", get_query),
        ("cancel_query", cancel_query),
        ("get_document", get_document),
    ):
        router.route("data_kiosk_2023_11_15." + method)(handler)
