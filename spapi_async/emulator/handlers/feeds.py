"""Feeds API 2021-06-30: createFeedDocument (upload URL), createFeed → processing → DONE / FATAL / CANCELLED,
getFeeds, cancelFeed, getFeedDocument (the processing report). JSON_LISTINGS_FEED messages change listings."""

from __future__ import annotations

import copy
import gzip
import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .. import notify
from ..http import ApiFault, Call, Reply, invalid, not_found
from ..routes import Router
from ..state import Document, Job, Listing, SellerState
from .common import body_marketplaces, body_str
from .jobs import list_jobs, new_job, settle, status_fields

if TYPE_CHECKING:
    from ..app import Emulator


def _listings_report(state: SellerState, job: Job, raw: bytes, now: float) -> tuple[bytes, bool]:
    """Apply a JSON_LISTINGS_FEED; ``(processing report, fatal)``."""
    try:
        feed = json.loads(raw)
        messages = feed["messages"]
        if not isinstance(messages, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        error = {"errorDetails": "The feed is not a valid JSON listings feed (messages missing)."}
        return json.dumps(error).encode(), True
    issues: list[dict[str, Any]] = []
    accepted = 0
    for msg in messages:
        mid = msg.get("messageId") if isinstance(msg, dict) else None
        sku = msg.get("sku") if isinstance(msg, dict) else None
        op = str(msg.get("operationType", "")).upper() if isinstance(msg, dict) else ""
        problem = None
        if not isinstance(mid, int) or not isinstance(sku, str) or not sku:
            problem = "messageId (integer) and sku are required."
        elif op in ("UPDATE", "PARTIAL_UPDATE"):
            attributes = msg.get("attributes")
            if not isinstance(msg.get("productType"), str) or not isinstance(attributes, dict):
                problem = "productType and attributes are required for UPDATE."
            else:
                existing = state.listings.get(sku)
                merged = copy.deepcopy(existing.attributes) if existing and op == "PARTIAL_UPDATE" else {}
                merged.update(copy.deepcopy(attributes))
                created = existing.created if existing else now
                asin = existing.asin if existing else None
                state.listings[sku] = Listing(sku, msg["productType"], merged, asin, created, now)
        elif op == "PATCH":
            listing = state.listings.get(sku)
            patches = msg.get("patches")
            if listing is None:
                problem = f"SKU {sku} does not exist."
            elif not isinstance(patches, list):
                problem = "patches are required for PATCH."
            else:
                for p in patches:
                    if isinstance(p, dict) and str(p.get("path", "")).startswith("/attributes/"):
                        name = str(p["path"])[len("/attributes/") :]
                        if p.get("op") == "delete":
                            listing.attributes.pop(name, None)
                        else:
                            listing.attributes[name] = copy.deepcopy(p.get("value"))
                listing.updated = now
        elif op == "DELETE":
            if state.listings.pop(sku, None) is None:
                problem = f"SKU {sku} does not exist."
        else:
            problem = f"Unsupported operationType {op!r}."
        if problem:
            issue: dict[str, Any] = {"code": "4000001", "severity": "ERROR", "message": problem}
            if isinstance(mid, int):
                issue["messageId"] = mid
            if isinstance(sku, str):
                issue["sku"] = sku
            issues.append(issue)
        else:
            accepted += 1
    report: dict[str, Any] = {
        "header": {"sellerId": state.seller_id, "version": "2.0", "feedId": job.job_id},
        "issues": issues,
        "summary": {
            "errors": len(issues),
            "warnings": 0,
            "messagesProcessed": len(messages),
            "messagesAccepted": accepted,
            "messagesInvalid": len(messages) - accepted,
        },
    }
    return json.dumps(report, indent=1).encode(), False


def _finish(emu: Emulator, state: SellerState, job: Job, now: float) -> None:
    source = emu.documents.get(job.params["input"])
    raw = source.content if source else None
    if raw is not None and source is not None and source.gzip:
        raw = gzip.decompress(raw)
    if raw is None:
        content, fatal, ctype = (
            b'{"errorDetails": "The input feed document was never uploaded."}',
            True,
            "application/json",
        )
    elif job.kind == "JSON_LISTINGS_FEED":
        (content, fatal), ctype = _listings_report(state, job, raw, now), "application/json"
    else:
        records = max(0, raw.count(b"\n") - 1) if b"\t" in raw else raw.count(b"<Message>") or 1
        content = (
            f"Feed Processing Summary:\n\tNumber of records processed\t\t{records}\n"
            f"\tNumber of records successful\t\t{records}\n"
        ).encode()
        fatal, ctype = False, "text/plain; charset=UTF-8"
    if fatal:
        job.final = "FATAL"
    doc = Document(emu.ids.document(), "feed-result", content_type=ctype, owner=state.partner)
    emu.doc_host.store(doc, content, compress=True)
    job.document_id = doc.document_id


def _status(emu: Emulator, state: SellerState, job: Job, call: Call) -> str:
    return settle(job, call.mono, lambda j: _finish(emu, state, j, call.now))


def _render(emu: Emulator, state: SellerState, job: Job, call: Call) -> dict[str, Any]:
    status = _status(emu, state, job, call)
    out: dict[str, Any] = {
        "feedId": job.job_id,
        "feedType": job.kind,
        "marketplaceIds": job.marketplaces,
        **status_fields(job, status, call.mono),
    }
    if job.document_id and status in ("DONE", "FATAL"):
        out["resultFeedDocumentId"] = job.document_id
    return out


def create_feed_document(call: Call, emu: Emulator) -> Reply:
    content_type = body_str(call.json_object(), "contentType")
    assert content_type is not None
    doc = Document(emu.ids.document(), "feed-input", content_type=content_type, owner=call.st.partner)
    emu.documents[doc.document_id] = doc
    url = emu.doc_host.url(call.base_url, doc.document_id, "PUT", call.now)
    return Reply(201, {"feedDocumentId": doc.document_id, "url": url})


def create_feed(call: Call, emu: Emulator) -> Reply:
    body = call.json_object()
    feed_type = body_str(body, "feedType")
    assert feed_type is not None
    markets = body_marketplaces(body)
    doc_id = body_str(body, "inputFeedDocumentId")
    doc = emu.documents.get(doc_id or "")
    if doc is None or doc.kind != "feed-input" or doc.owner != call.st.partner:
        raise invalid(f"Invalid inputFeedDocumentId {doc_id!r}.")
    options = body.get("feedOptions")
    if options is not None and not isinstance(options, dict):
        raise invalid("feedOptions must be an object of strings.")
    job = new_job(call, emu, feed_type, markets, {"input": doc_id, "options": options or {}})
    call.st.feeds[job.job_id] = job
    state = call.st
    notify.job_finished(
        emu,
        state,
        job,
        "feed",
        lambda: _render(emu, state, job, replace(call, now=emu.clock.time(), mono=emu.clock.monotonic())),
    )
    return Reply(202, {"feedId": job.job_id})


def get_feed(call: Call, emu: Emulator) -> Reply:
    job = call.st.feeds.get(call.path_params["feedId"])
    if job is None:
        raise not_found(f"Feed {call.path_params['feedId']} not found.")
    return Reply(200, _render(emu, call.st, job, call))


def get_feeds(call: Call, emu: Emulator) -> Reply:
    state = call.st
    feeds, nxt = list_jobs(
        call,
        state.feeds,
        types_param="feedTypes",
        token_param="nextToken",
        render=lambda j: _render(emu, state, j, call),
        status_of=lambda j: _status(emu, state, j, call),
    )
    body: dict[str, Any] = {"feeds": feeds}
    if nxt:
        body["nextToken"] = nxt
    return Reply(200, body)


def cancel_feed(call: Call, emu: Emulator) -> Reply:
    job = call.st.feeds.get(call.path_params["feedId"])
    if job is None:
        raise not_found(f"Feed {call.path_params['feedId']} not found.")
    if _status(emu, call.st, job, call) != "IN_QUEUE":
        raise invalid("Only feeds in the IN_QUEUE state can be cancelled.")
    job.cancelled_at = call.mono
    return Reply(200, None)


def get_feed_document(call: Call, emu: Emulator) -> Reply:
    doc_id = call.path_params["feedDocumentId"]
    doc = emu.documents.get(doc_id)
    if doc is None or not doc.kind.startswith("feed") or doc.owner != call.st.partner:
        raise ApiFault(404, "NotFound", f"Feed document {doc_id} not found.")
    body: dict[str, Any] = {"feedDocumentId": doc_id, "url": emu.doc_host.url(call.base_url, doc_id, "GET", call.now)}
    if doc.gzip:
        body["compressionAlgorithm"] = "GZIP"
    return Reply(200, body)


def register(router: Router) -> None:
    for method, handler in (
        ("create_feed_document", create_feed_document),
        ("get_feed_document", get_feed_document),
        ("create_feed", create_feed),
        ("get_feeds", get_feeds),
        ("get_feed", get_feed),
        ("cancel_feed", cancel_feed),
    ):
        router.route("feeds_2021_06_30." + method)(handler)
