"""Reports API 2021-06-30: create → wait → document, as one call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigurationError, SPAPIError
from ..transport import Transport
from .document import Document
from .errors import ReportCancelledError, ReportFatalError
from .polling import call_api, optional_str, path_segment, require_str, require_url

API = "reports_2021_06_30"
BASE = "/reports/2021-06-30"

Timestamp = str | dt.datetime


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """The fields of a report this library uses (``raw`` keeps the whole object)."""

    report_id: str
    report_type: str | None
    processing_status: str
    report_document_id: str | None
    marketplace_ids: tuple[str, ...]
    data_start_time: str | None
    data_end_time: str | None
    created_time: str | None
    raw: Mapping[str, Any]

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> ReportInfo:
        ids = body.get("marketplaceIds")
        return cls(
            report_id=require_str(body, "reportId", "report"),
            report_type=optional_str(body, "reportType"),
            processing_status=optional_str(body, "processingStatus") or "",
            report_document_id=optional_str(body, "reportDocumentId"),
            marketplace_ids=tuple(str(m) for m in ids) if isinstance(ids, list) else (),
            data_start_time=optional_str(body, "dataStartTime"),
            data_end_time=optional_str(body, "dataEndTime"),
            created_time=optional_str(body, "createdTime"),
            raw=dict(body),
        )


class ReportDocument(Document):
    """A report's document; ``report`` is the report it belongs to, when known."""

    kind = "report document"
    report: ReportInfo | None = None


def format_time(value: Timestamp | None, name: str) -> str | None:
    """ISO 8601 for Amazon. A ``datetime`` must carry a time zone; a string must parse as ISO 8601."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ConfigurationError(f"{name} must be timezone-aware (e.g. datetime.now(timezone.utc))")
        return value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, str):
        parse_time(value, name)
        return value
    raise ConfigurationError(f"{name} must be a datetime or an ISO 8601 string, got {type(value).__name__}")


def parse_time(value: str, name: str = "time") -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ConfigurationError(f"{name} is not an ISO 8601 date-time: {value!r}") from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.timezone.utc)


def marketplace_list(marketplace_ids: Sequence[str], name: str = "marketplace_ids") -> list[str]:
    if isinstance(marketplace_ids, str) or not isinstance(marketplace_ids, Sequence):
        raise ConfigurationError(f"{name} must be a list of marketplace ids, got {marketplace_ids!r}")
    ids = list(marketplace_ids)
    if not ids or not all(isinstance(m, str) and m for m in ids):
        raise ConfigurationError(f"{name} must be a non-empty list of marketplace id strings")
    return ids


def report_spec(
    report_type: str,
    marketplace_ids: Sequence[str],
    data_start_time: Timestamp | None,
    data_end_time: Timestamp | None,
    report_options: Mapping[str, str] | None,
) -> dict[str, Any]:
    if not isinstance(report_type, str) or not report_type:
        raise ConfigurationError("report_type must be a non-empty string such as 'GET_MERCHANT_LISTINGS_ALL_DATA'")
    spec: dict[str, Any] = {"reportType": report_type, "marketplaceIds": marketplace_list(marketplace_ids)}
    start = format_time(data_start_time, "data_start_time")
    end = format_time(data_end_time, "data_end_time")
    if start and end and parse_time(start) > parse_time(end):
        raise ConfigurationError("data_start_time is after data_end_time")
    if start:
        spec["dataStartTime"] = start
    if end:
        spec["dataEndTime"] = end
    if report_options is not None:
        if not isinstance(report_options, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in report_options.items()
        ):
            raise ConfigurationError("report_options must be a mapping of strings to strings")
        spec["reportOptions"] = dict(report_options)
    return spec


async def create_report(transport: Transport, spec: Mapping[str, Any]) -> str:
    body = await call_api(transport, f"{API}.create_report", "POST", f"{BASE}/reports", json=dict(spec))
    return require_str(body, "reportId", "createReport")


async def get_report(transport: Transport, report_id: str) -> ReportInfo:
    path = f"{BASE}/reports/{path_segment(report_id, 'report_id')}"
    return ReportInfo.from_json(await call_api(transport, f"{API}.get_report", "GET", path))


async def get_report_document(
    transport: Transport, report_document_id: str, *, restricted_data_token: str | None = None
) -> tuple[str, str | None]:
    """The pre-signed URL and compression algorithm of a report document."""
    path = f"{BASE}/documents/{path_segment(report_document_id, 'report_document_id')}"
    body = await call_api(
        transport, f"{API}.get_report_document", "GET", path, restricted_data_token=restricted_data_token
    )
    return require_url(body, "getReportDocument"), optional_str(body, "compressionAlgorithm")


async def find_recent_report(
    transport: Transport, spec: Mapping[str, Any], *, created_since: dt.datetime
) -> ReportInfo | None:
    """The newest report (queued, in progress or done) created since ``created_since`` with the same type,
    marketplaces and data range. Only the first page of ``getReports`` (100 reports) is searched."""
    params = {
        "reportTypes": spec["reportType"],
        "processingStatuses": "IN_QUEUE,IN_PROGRESS,DONE",
        "marketplaceIds": ",".join(spec["marketplaceIds"]),
        "createdSince": created_since.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z"),
        "pageSize": 100,
    }
    body = await call_api(transport, f"{API}.get_reports", "GET", f"{BASE}/reports", params=params)
    reports = body.get("reports")
    if not isinstance(reports, list):
        return None
    wanted_ids = set(spec["marketplaceIds"])
    best: ReportInfo | None = None
    for item in reports:
        if not isinstance(item, Mapping):
            continue
        try:
            info = ReportInfo.from_json(item)
        except SPAPIError:
            continue
        if info.report_type != spec["reportType"] or set(info.marketplace_ids) != wanted_ids:
            continue
        if not _same_time(spec.get("dataStartTime"), info.data_start_time):
            continue
        if not _same_time(spec.get("dataEndTime"), info.data_end_time):
            continue
        if best is None or _created(info) > _created(best):
            best = info
    return best


def _same_time(wanted: str | None, actual: str | None) -> bool:
    if wanted is None:
        return True
    if actual is None:
        return False
    try:
        return parse_time(wanted) == parse_time(actual)
    except ConfigurationError:
        return False


def _created(info: ReportInfo) -> dt.datetime:
    try:
        return parse_time(info.created_time or "")
    except ConfigurationError:
        return dt.datetime.min.replace(tzinfo=dt.timezone.utc)


def terminal_error(info: ReportInfo, error_document: str | None, note: str = "") -> SPAPIError:
    if info.processing_status == "CANCELLED":
        return ReportCancelledError(
            f"report {info.report_id} ({info.report_type}) was CANCELLED (for most report types: no data)",
            kind="report",
            resource_id=info.report_id,
            processing_status="CANCELLED",
            details=dict(info.raw),
        )
    summary = " ".join((error_document or "").split())[:300]
    return ReportFatalError(
        f"report {info.report_id} ({info.report_type}) ended FATAL"
        + (f": {summary}" if summary else "")
        + (f" ({note})" if note else ""),
        kind="report",
        resource_id=info.report_id,
        processing_status="FATAL",
        error_document=error_document,
        details=dict(info.raw),
    )
