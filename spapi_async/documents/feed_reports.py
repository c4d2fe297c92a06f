"""A feed's processing report read into a :class:`FeedResult`: the counts and per-record messages of JSON
listings reports, XML reports (``ProcessingSummary`` / ``Result``) and flat-file reports (a tab-separated table)."""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..models.feeds_2021_06_30 import Feed
from .parse import flatten, json_records, xml_records


@dataclass(frozen=True, slots=True)
class FeedMessage:
    """One per-record result of a processing report (an issue of a JSON listings feed, a ``Result`` of an XML
    feed, a row of a flat-file feed's error table)."""

    message_id: str | None
    severity: str | None  # "ERROR", "WARNING", "INFO" (as Amazon spells it, upper-cased)
    code: str | None
    message: str
    sku: str | None = None
    attribute_name: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FeedSummary:
    """Counts from the processing report (None where the report format does not give one)."""

    messages_processed: int | None = None
    messages_accepted: int | None = None
    messages_invalid: int | None = None
    errors: int | None = None
    warnings: int | None = None


@dataclass(frozen=True, slots=True)
class FeedResult:
    """The outcome of a feed that Amazon processed (status DONE).

    ``report`` is the parsed processing report (the JSON object, or the list of XML records), ``report_text`` the
    text of a report in another format (flat files), at most 16 MiB of it.
    """

    feed_id: str
    feed_type: str | None
    processing_status: str
    result_feed_document_id: str | None
    summary: FeedSummary
    messages: tuple[FeedMessage, ...]
    report: Any = None
    report_text: str | None = None
    feed: Feed | None = None

    @property
    def errors(self) -> tuple[FeedMessage, ...]:
        return tuple(m for m in self.messages if m.severity == "ERROR")

    @property
    def warnings(self) -> tuple[FeedMessage, ...]:
        return tuple(m for m in self.messages if m.severity == "WARNING")

    @property
    def ok(self) -> bool:
        """True when the report shows no error (neither an error count nor an ERROR message)."""
        counted = (self.summary.errors or 0) + (self.summary.messages_invalid or 0)
        return counted == 0 and not self.errors


def _about(info: Feed) -> dict[str, Any]:
    return {
        "feed_id": info.feed_id or "",
        "feed_type": info.feed_type or None,
        "processing_status": info.processing_status or "",
        "result_feed_document_id": info.result_feed_document_id or None,
        "feed": info,
    }


async def read_result(info: Feed, text: str) -> FeedResult:
    """The :class:`FeedResult` of a DONE feed whose processing report reads ``text`` (JSON, XML or flat file)."""
    about = _about(info)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        records = [r async for r in flatten(_json_of(text))]
        report: Any = records[0] if len(records) == 1 else records
        summary, messages = parse_json_report(report)
        return FeedResult(summary=summary, messages=messages, report=report, **about)
    if stripped.startswith("<"):
        records = [r async for r in flatten(_xml_of(text))]
        summary, messages = parse_xml_report(records)
        return FeedResult(summary=summary, messages=messages, report=records, **about)
    summary, messages = parse_text_report(text)
    return FeedResult(summary=summary, messages=messages, report_text=text, **about)


def empty_result(info: Feed) -> FeedResult:
    """The :class:`FeedResult` of a DONE feed without a processing report."""
    return FeedResult(summary=FeedSummary(), messages=(), **_about(info))


async def _one(text: str) -> AsyncGenerator[str, None]:
    yield text


async def _one_bytes(data: bytes) -> AsyncGenerator[bytes, None]:
    yield data


def _json_of(text: str) -> AsyncGenerator[list[Any], None]:
    return json_records(_one(text), what="feed processing report")


def _xml_of(text: str) -> AsyncGenerator[list[dict[str, Any]], None]:
    # The text is already decoded: hand it to the XML parser as UTF-8 without its (now wrong) encoding declaration.
    body = text.lstrip()
    if body.startswith("<?xml"):
        body = body[body.index("?>") + 2 :]
    return xml_records(_one_bytes(body.encode("utf-8")), what="feed processing report")


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def parse_json_report(report: Any) -> tuple[FeedSummary, tuple[FeedMessage, ...]]:
    """A JSON listings feed processing report: ``summary`` counts and ``issues``."""
    if not isinstance(report, Mapping):
        return FeedSummary(), ()
    summary = report.get("summary") if isinstance(report.get("summary"), Mapping) else {}
    assert isinstance(summary, Mapping)
    counts = FeedSummary(
        messages_processed=_int(summary.get("messagesProcessed")),
        messages_accepted=_int(summary.get("messagesAccepted")),
        messages_invalid=_int(summary.get("messagesInvalid")),
        errors=_int(summary.get("errors")),
        warnings=_int(summary.get("warnings")),
    )
    messages = []
    issues = report.get("issues")
    for issue in issues if isinstance(issues, list) else []:
        if not isinstance(issue, Mapping):
            continue
        messages.append(
            FeedMessage(
                message_id=_str(issue.get("messageId")),
                severity=(_str(issue.get("severity")) or "").upper() or None,
                code=_str(issue.get("code")),
                message=_str(issue.get("message")) or "",
                sku=_str(issue.get("sku")),
                attribute_name=_str(issue.get("attributeName")),
                raw=dict(issue),
            )
        )
    return counts, tuple(messages)


def _find(obj: Any, key: str) -> Any:
    """The first value under ``key`` anywhere in nested dicts/lists."""
    if isinstance(obj, Mapping):
        if key in obj:
            return obj[key]
        for value in obj.values():
            found = _find(value, key)
            if found is not None:
                return found
    elif isinstance(obj, list):
        for value in obj:
            found = _find(value, key)
            if found is not None:
                return found
    return None


def _all(obj: Any, key: str) -> list[Any]:
    found: list[Any] = []
    if isinstance(obj, Mapping):
        for k, value in obj.items():
            if k == key:
                found.extend(value if isinstance(value, list) else [value])
            else:
                found.extend(_all(value, key))
    elif isinstance(obj, list):
        for value in obj:
            found.extend(_all(value, key))
    return found


def parse_xml_report(records: list[Any]) -> tuple[FeedSummary, tuple[FeedMessage, ...]]:
    """An XML feed processing report (``ProcessingSummary`` and ``Result`` elements)."""
    summary = _find(records, "ProcessingSummary")
    counts = FeedSummary()
    if isinstance(summary, Mapping):
        with_error = _int(summary.get("MessagesWithError"))
        counts = FeedSummary(
            messages_processed=_int(summary.get("MessagesProcessed")),
            messages_accepted=_int(summary.get("MessagesSuccessful")),
            messages_invalid=with_error,
            errors=with_error,
            warnings=_int(summary.get("MessagesWithWarning")),
        )
    messages = []
    for result in _all(records, "Result"):
        if not isinstance(result, Mapping):
            continue
        info = result.get("AdditionalInfo")
        messages.append(
            FeedMessage(
                message_id=_str(result.get("MessageID")),
                severity=(_str(result.get("ResultCode")) or "").upper() or None,
                code=_str(result.get("ResultMessageCode")),
                message=_str(result.get("ResultDescription")) or "",
                sku=_str(info.get("SKU")) if isinstance(info, Mapping) else None,
                raw=dict(result),
            )
        )
    return counts, tuple(messages)


_FLAT_COUNT = re.compile(r"number of records (processed|successful)\s+(\d+)", re.IGNORECASE)


def parse_text_report(text: str) -> tuple[FeedSummary, tuple[FeedMessage, ...]]:
    """A flat-file feed processing report: the summary lines and the tab-separated error table."""
    counts: dict[str, int] = {}
    for match in _FLAT_COUNT.finditer(text):
        counts[match.group(1).lower()] = int(match.group(2))
    messages: list[FeedMessage] = []
    header: list[str] | None = None
    for line in text.splitlines():
        cells = line.split("\t")
        if header is None:
            if cells and cells[0].strip().lower() == "original-record-number":
                header = [c.strip().lower() for c in cells]
            continue
        if not line.strip():
            continue
        row = dict(zip(header, cells, strict=False))
        messages.append(
            FeedMessage(
                message_id=_str(row.get("original-record-number")),
                severity=(_str(row.get("error-type")) or "").upper() or None,
                code=_str(row.get("error-code")),
                message=_str(row.get("error-message")) or "",
                sku=_str(row.get("sku")),
                raw=row,
            )
        )
    processed = counts.get("processed")
    accepted = counts.get("successful")
    errors = sum(1 for m in messages if m.severity == "ERROR")
    warnings = sum(1 for m in messages if m.severity == "WARNING")
    summary = FeedSummary(
        messages_processed=processed,
        messages_accepted=accepted,
        messages_invalid=(processed - accepted) if processed is not None and accepted is not None else None,
        errors=errors if header is not None else None,
        warnings=warnings if header is not None else None,
    )
    return summary, tuple(messages)
