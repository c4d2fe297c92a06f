"""Reports API 2021-06-30: createReport → IN_QUEUE → IN_PROGRESS → DONE / CANCELLED / FATAL, getReports,
cancelReport, getReportDocument (a gzip document on the document host)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import notify
from ..http import ApiFault, Call, Reply, invalid, not_found
from ..routes import Router
from ..state import Document, Job, SellerState
from ..timefmt import iso, parse_iso
from .common import amount, body_marketplaces, body_str, currency
from .jobs import list_jobs, new_job, settle, status_fields

if TYPE_CHECKING:
    from ..app import Emulator

ORDER_REPORTS = frozenset(
    {
        "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL",
        "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL",
        "GET_FLAT_FILE_ORDER_REPORT_DATA_SHIPPING",
    }
)
ORDER_COLUMNS = (
    "amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date", "order-status",
    "fulfillment-channel", "sales-channel", "sku", "asin", "product-name", "quantity", "currency", "item-price",
    "item-tax", "ship-city", "ship-state", "ship-postal-code", "ship-country",
)  # fmt: skip
LISTING_COLUMNS = ("item-name", "seller-sku", "asin1", "price", "quantity", "open-date", "product-id-type", "status")


def _order_rows(emu: Emulator, job: Job) -> list[list[str]]:
    start, end = job.params["start"], job.params["end"]
    by_update = job.kind.endswith("LAST_UPDATE_GENERAL")
    rows = []
    for o in emu.world.orders:
        when = o.updated if by_update else o.purchase
        if not start <= when <= end or (job.marketplaces and o.marketplace_id not in job.marketplaces):
            continue
        for i in o.items:
            rows.append(
                [o.order_id, o.seller_order_id, iso(o.purchase), iso(o.updated), o.status, o.channel,
                 "Amazon.com", i.product.sku, i.product.asin, i.product.title, str(i.quantity),
                 currency(o.marketplace_id), amount(i.price_cents), amount(i.tax_cents), o.city, o.state, o.postal,
                 "US"]
            )  # fmt: skip
    return rows


def _listing_rows(state: SellerState) -> list[list[str]]:
    rows = []
    for listing in state.listings.values():
        name = listing.attributes.get("item_name", [{}])[0].get("value", listing.sku)
        offers = listing.attributes.get("purchasable_offer", [{}])
        try:
            price = f"{float(offers[0]['our_price'][0]['schedule'][0]['value_with_tax']):.2f}"
        except (KeyError, IndexError, TypeError, ValueError):
            price = ""
        status = "Active" if "BUYABLE" in listing.status else "Inactive"
        rows.append([str(name), listing.sku, listing.asin or "", price, "10", iso(listing.created), "1", status])
    return rows


def _finish(emu: Emulator, state: SellerState, job: Job) -> None:
    if not job.kind.startswith("GET_"):
        job.final = "FATAL"
        content = f'{{"errorDetails": "Report type {job.kind} is not supported."}}'.encode()
        doc = Document(emu.ids.document(), "report", content_type="application/json", owner=state.partner)
        emu.doc_host.store(doc, content, compress=False)
        job.document_id = doc.document_id
        return
    columns: tuple[str, ...]
    if job.kind in ORDER_REPORTS:
        columns, rows = ORDER_COLUMNS, _order_rows(emu, job)
    else:
        columns, rows = LISTING_COLUMNS, _listing_rows(state)
    if not rows:
        job.final = "CANCELLED"  # Amazon cancels a report that has no data
        return
    text = "\t".join(columns) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    doc = Document(emu.ids.document(), "report", owner=state.partner)
    emu.doc_host.store(doc, text.encode(), compress=True)
    job.document_id = doc.document_id


def _status(emu: Emulator, state: SellerState, job: Job, mono: float) -> str:
    return settle(job, mono, lambda j: _finish(emu, state, j))


def _render(emu: Emulator, state: SellerState, job: Job, mono: float) -> dict[str, Any]:
    status = _status(emu, state, job, mono)
    out: dict[str, Any] = {
        "reportId": job.job_id,
        "reportType": job.kind,
        "dataStartTime": iso(job.params["start"]),
        "dataEndTime": iso(job.params["end"]),
        "marketplaceIds": job.marketplaces,
        **status_fields(job, status, mono),
    }
    if job.document_id and status in ("DONE", "FATAL"):
        out["reportDocumentId"] = job.document_id
    return out


def create_report(call: Call, emu: Emulator) -> Reply:
    body = call.json_object()
    report_type = body_str(body, "reportType")
    assert report_type is not None
    markets = body_marketplaces(body)
    start_raw, end_raw = body.get("dataStartTime"), body.get("dataEndTime")
    end = parse_iso(str(end_raw), "dataEndTime") if end_raw else call.now
    start = parse_iso(str(start_raw), "dataStartTime") if start_raw else end - 30 * 86400
    if start > end:
        raise invalid("dataStartTime must be before dataEndTime.")
    options = body.get("reportOptions")
    if options is not None and not isinstance(options, dict):
        raise invalid("reportOptions must be an object of strings.")
    job = new_job(call, emu, report_type, markets, {"start": start, "end": end, "options": options or {}})
    call.st.reports[job.job_id] = job
    state = call.st
    notify.job_finished(emu, state, job, "report", lambda: _render(emu, state, job, emu.clock.monotonic()))
    return Reply(202, {"reportId": job.job_id})


def get_report(call: Call, emu: Emulator) -> Reply:
    job = call.st.reports.get(call.path_params["reportId"])
    if job is None:
        raise not_found(f"Report {call.path_params['reportId']} not found.")
    return Reply(200, _render(emu, call.st, job, call.mono))


def get_reports(call: Call, emu: Emulator) -> Reply:
    state = call.st
    reports, nxt = list_jobs(
        call,
        state.reports,
        types_param="reportTypes",
        token_param="nextToken",
        render=lambda j: _render(emu, state, j, call.mono),
        status_of=lambda j: _status(emu, state, j, call.mono),
    )
    body: dict[str, Any] = {"reports": reports}
    if nxt:
        body["nextToken"] = nxt
    return Reply(200, body)


def cancel_report(call: Call, emu: Emulator) -> Reply:
    job = call.st.reports.get(call.path_params["reportId"])
    if job is None:
        raise not_found(f"Report {call.path_params['reportId']} not found.")
    if _status(emu, call.st, job, call.mono) != "IN_QUEUE":
        raise invalid("Only reports in the IN_QUEUE state can be cancelled.")
    job.cancelled_at = call.mono
    return Reply(200, None)


def get_report_document(call: Call, emu: Emulator) -> Reply:
    doc_id = call.path_params["reportDocumentId"]
    doc = emu.documents.get(doc_id)
    if doc is None or doc.kind != "report" or doc.owner != call.st.partner:
        raise ApiFault(404, "NotFound", f"Report document {doc_id} not found.")
    body: dict[str, Any] = {"reportDocumentId": doc_id, "url": emu.doc_host.url(call.base_url, doc_id, "GET", call.now)}
    if doc.gzip:
        body["compressionAlgorithm"] = "GZIP"
    return Reply(200, body)


PERIODS = frozenset(
    {"PT5M", "PT15M", "PT30M", "PT1H", "PT2H", "PT4H", "PT8H", "PT12H", "P1D", "P2D", "P3D", "PT84H", "P7D",
     "P14D", "P15D", "P18D", "P30D", "P1M"}
)  # fmt: skip


def create_schedule(call: Call, emu: Emulator) -> Reply:
    body = call.json_object()
    report_type = body_str(body, "reportType")
    markets = body_marketplaces(body)
    period = body.get("period")
    if period not in PERIODS:
        raise invalid(f"period must be one of {', '.join(sorted(PERIODS))}.")
    next_raw = body.get("nextReportCreationTime")
    next_time = parse_iso(str(next_raw), "nextReportCreationTime") if next_raw else call.now
    for existing in call.st.schedules.values():
        if existing["reportType"] == report_type and existing["marketplaceIds"] == markets:
            existing.update(period=period, nextReportCreationTime=iso(next_time))  # Amazon replaces it
            return Reply(201, {"reportScheduleId": existing["reportScheduleId"]})
    schedule: dict[str, Any] = {
        "reportScheduleId": emu.ids.numeric(),
        "reportType": report_type,
        "marketplaceIds": markets,
        "period": period,
        "nextReportCreationTime": iso(next_time),
    }
    if isinstance(body.get("reportOptions"), dict):
        schedule["reportOptions"] = body["reportOptions"]
    call.st.schedules[schedule["reportScheduleId"]] = schedule
    return Reply(201, {"reportScheduleId": schedule["reportScheduleId"]})


def get_schedules(call: Call, emu: Emulator) -> Reply:
    types = call.q_list("reportTypes")
    if not types:
        raise invalid("reportTypes is required.")
    found = [s for s in call.st.schedules.values() if s["reportType"] in types]
    return Reply(200, {"reportSchedules": found})


def get_schedule(call: Call, emu: Emulator) -> Reply:
    schedule = call.st.schedules.get(call.path_params["reportScheduleId"])
    if schedule is None:
        raise not_found("Report schedule not found.")
    return Reply(200, schedule)


def cancel_schedule(call: Call, emu: Emulator) -> Reply:
    if call.st.schedules.pop(call.path_params["reportScheduleId"], None) is None:
        raise not_found("Report schedule not found.")
    return Reply(200, None)


def register(router: Router) -> None:
    for method, handler in (
        ("create_report_schedule", create_schedule),
        ("get_report_schedules", get_schedules),
        ("get_report_schedule", get_schedule),
        ("cancel_report_schedule", cancel_schedule),
        ("create_report", create_report),
        ("get_reports", get_reports),
        ("get_report", get_report),
        ("cancel_report", cancel_report),
        ("get_report_document", get_report_document),
    ):
        router.route("reports_2021_06_30." + method)(handler)
