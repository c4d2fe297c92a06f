"""Reports API 2021-06-30: create → wait → document, as one call. The requests are the generated
``Reports20210630Api``'s; this module holds the checks, the reuse rule and the outcomes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .._dates import format_datetime, parse_datetime
from ..apis.reports_2021_06_30 import Reports20210630Api
from ..errors import ConfigurationError, SPAPIError
from ..models.reports_2021_06_30 import CreateReportSpecification, Report
from .document import Document
from .errors import ReportCancelledError, ReportFatalError
from .responses import presigned_url, required

if TYPE_CHECKING:
    from ..transport import Transport

Timestamp = str | dt.datetime

#: A report as Amazon describes it (the generated model; fields Amazon adds are kept).
ReportInfo = Report

_TERMINAL_OR_RUNNING = ("IN_QUEUE", "IN_PROGRESS", "DONE")


class ReportDocument(Document):
    """A report's document; ``report`` is the report it belongs to, when known."""

    kind = "report document"
    report: ReportInfo | None = None


def format_time(value: Timestamp | None, name: str) -> str | None:
    """ISO 8601 for Amazon. A ``datetime`` must carry a time zone; a string must parse as ISO 8601 (sent as given)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return format_datetime(value, name)
    if isinstance(value, str):
        parse_datetime(value, name)
        return value
    raise ConfigurationError(f"{name} must be a datetime or an ISO 8601 string, got {type(value).__name__}")


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
) -> CreateReportSpecification:
    """The createReport body, checked. Times given as text are sent as given (the model would re-format them)."""
    if not isinstance(report_type, str) or not report_type:
        raise ConfigurationError("report_type must be a non-empty string such as 'GET_MERCHANT_LISTINGS_ALL_DATA'")
    fields: dict[str, object] = {"report_type": report_type, "marketplace_ids": marketplace_list(marketplace_ids)}
    start = format_time(data_start_time, "data_start_time")
    end = format_time(data_end_time, "data_end_time")
    if start and end and parse_datetime(start) > parse_datetime(end):
        raise ConfigurationError("data_start_time is after data_end_time")
    if start:
        fields["data_start_time"] = start
    if end:
        fields["data_end_time"] = end
    if report_options is not None:
        if not isinstance(report_options, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in report_options.items()
        ):
            raise ConfigurationError("report_options must be a mapping of strings to strings")
        fields["report_options"] = dict(report_options)
    return CreateReportSpecification.model_construct(**fields)  # type: ignore[arg-type]


async def create_report(api: Reports20210630Api, spec: CreateReportSpecification) -> str:
    return required((await api.create_report(body=spec)).report_id, "reportId", "createReport")


async def get_report(api: Reports20210630Api, report_id: str) -> ReportInfo:
    report = await api.get_report(report_id=report_id)
    required(report.report_id, "reportId", "report")
    return report


def status_of(report: ReportInfo) -> str:
    return report.processing_status or ""


def with_token(api: Reports20210630Api, transport: Transport, token: str | None) -> Reports20210630Api:
    """``api`` itself, or one whose calls carry ``token`` (a Restricted Data Token the caller got)."""
    if token is None:
        return api
    return Reports20210630Api(transport, restricted_data_token=token)


async def get_report_document(api: Reports20210630Api, report_document_id: str) -> tuple[str, str | None]:
    """The pre-signed URL and compression algorithm of a report document."""
    document = await api.get_report_document(report_document_id=report_document_id)
    return presigned_url(document.url, "getReportDocument"), document.compression_algorithm


async def find_recent_report(
    api: Reports20210630Api, spec: CreateReportSpecification, *, created_since: dt.datetime
) -> ReportInfo | None:
    """The newest report (queued, in progress or done) created since ``created_since`` with the same type,
    marketplaces and data range. Only the first page of ``getReports`` (100 reports) is searched."""
    wanted_ids = list(spec.marketplace_ids or ())
    page = await api.get_reports(
        report_types=[spec.report_type or ""],
        processing_statuses=_TERMINAL_OR_RUNNING,
        marketplace_ids=wanted_ids,
        created_since=created_since,
        page_size=100,
    )
    best: ReportInfo | None = None
    for info in page.reports or ():
        if (
            not info.report_id
            or info.report_type != spec.report_type
            or set(info.marketplace_ids or ()) != set(wanted_ids)
        ):
            continue
        if not _same_time(spec.data_start_time, info.data_start_time):
            continue
        if not _same_time(spec.data_end_time, info.data_end_time):
            continue
        if best is None or _created(info) > _created(best):
            best = info
    return best


def _as_datetime(value: Timestamp | None) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        try:
            return parse_datetime(value)
        except ConfigurationError:
            return None
    return None


def _same_time(wanted: Timestamp | None, actual: Timestamp | None) -> bool:
    if wanted is None:
        return True
    wanted_at, actual_at = _as_datetime(wanted), _as_datetime(actual)
    return wanted_at is not None and wanted_at == actual_at


def _created(info: ReportInfo) -> dt.datetime:
    return _as_datetime(info.created_time) or dt.datetime.min.replace(tzinfo=dt.timezone.utc)


def terminal_error(info: ReportInfo, error_document: str | None, note: str = "") -> SPAPIError:
    report_id = info.report_id or ""
    if info.processing_status == "CANCELLED":
        return ReportCancelledError(
            f"report {report_id} ({info.report_type}) was CANCELLED (for most report types: no data)",
            kind="report",
            resource_id=report_id,
            processing_status="CANCELLED",
            details=info.to_wire(),
        )
    summary = " ".join((error_document or "").split())[:300]
    return ReportFatalError(
        f"report {report_id} ({info.report_type}) ended FATAL"
        + (f": {summary}" if summary else "")
        + (f" ({note})" if note else ""),
        kind="report",
        resource_id=report_id,
        processing_status="FATAL",
        error_document=error_document,
        details=info.to_wire(),
    )
