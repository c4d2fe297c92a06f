"""Feeds API 2021-06-30: feed document → upload → feed → wait → processing report, as one call."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import AsyncIterable, AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import anyio

from ..errors import ConfigurationError, SPAPIError
from ..transport import Transport
from .codec import charset_of, python_codec
from .errors import FeedCancelledError, FeedFatalError
from .polling import call_api, optional_str, path_segment, require_str, require_url
from .reports import marketplace_list

API = "feeds_2021_06_30"
BASE = "/feeds/2021-06-30"

FeedContent = bytes | bytearray | memoryview | str | os.PathLike[str] | AsyncIterable[bytes]

_READ = 256 * 1024


@dataclass(frozen=True, slots=True)
class FeedInfo:
    feed_id: str
    feed_type: str | None
    processing_status: str
    result_feed_document_id: str | None
    raw: Mapping[str, Any]

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> FeedInfo:
        return cls(
            feed_id=require_str(body, "feedId", "feed"),
            feed_type=optional_str(body, "feedType"),
            processing_status=optional_str(body, "processingStatus") or "",
            result_feed_document_id=optional_str(body, "resultFeedDocumentId"),
            raw=dict(body),
        )


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
    feed: FeedInfo | None = None

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


# ---------------------------------------------------------------------------------------------- content


@dataclass(frozen=True, slots=True)
class PreparedBody:
    """Upload content in a replayable form: bytes, or a factory of fresh streams plus the length."""

    body: bytes | Callable[[], AsyncIterable[bytes]]
    length: int
    cleanup: Callable[[], None] | None = None


def _file_stream(path: str, offset: int = 0) -> Callable[[], AsyncIterator[bytes]]:
    async def stream() -> AsyncIterator[bytes]:
        async with await anyio.open_file(path, "rb") as f:
            await f.seek(offset)
            while chunk := await f.read(_READ):
                yield chunk

    return stream


async def prepare_content(content: FeedContent, content_type: str) -> PreparedBody:
    """Bytes as they are; ``str`` encoded with the content type's charset (UTF-8 if none); a path
    (``os.PathLike``) streamed from the file; an async iterable of bytes spooled to a temporary file first (the
    upload needs its length, and a retry needs the content again) — never a full copy in memory."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        data = bytes(content)
        return PreparedBody(data, len(data))
    if isinstance(content, str):
        codec = python_codec(charset_of(content_type))
        data = content.encode("utf-8" if codec == "utf-8-sig" else codec)
        return PreparedBody(data, len(data))
    if isinstance(content, os.PathLike):
        path = os.fspath(content)
        try:
            size = (await anyio.Path(path).stat()).st_size
        except OSError as exc:
            raise ConfigurationError(f"feed content file cannot be read: {exc}") from None
        return PreparedBody(_file_stream(path), size)
    if isinstance(content, AsyncIterable):
        fd, path = tempfile.mkstemp(prefix="spapi-feed-")
        os.close(fd)

        def cleanup() -> None:
            with contextlib.suppress(OSError):
                os.unlink(path)

        size = 0
        try:
            async with await anyio.open_file(path, "wb") as out:
                async for chunk in content:
                    if not isinstance(chunk, (bytes, bytearray, memoryview)):
                        raise ConfigurationError("an async iterable feed content must yield bytes")
                    await out.write(chunk)
                    size += len(chunk)
        except BaseException:
            cleanup()
            raise
        return PreparedBody(_file_stream(path), size, cleanup)
    raise ConfigurationError(
        f"content must be bytes, str, a path (pathlib.Path) or an async iterable of bytes, got {type(content).__name__}"
    )


def feed_spec(
    feed_type: str, marketplace_ids: Sequence[str], document_id: str, feed_options: Mapping[str, str] | None
) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "feedType": feed_type,
        "marketplaceIds": marketplace_list(marketplace_ids),
        "inputFeedDocumentId": document_id,
    }
    if feed_options:
        spec["feedOptions"] = dict(feed_options)
    return spec


def check_feed_args(
    feed_type: str, content_type: str, marketplace_ids: Sequence[str], feed_options: Mapping[str, str] | None
) -> None:
    if not isinstance(feed_type, str) or not feed_type:
        raise ConfigurationError("feed_type must be a non-empty string such as 'JSON_LISTINGS_FEED'")
    if not isinstance(content_type, str) or "/" not in content_type:
        raise ConfigurationError("content_type must be a MIME type such as 'application/json; charset=UTF-8'")
    marketplace_list(marketplace_ids)
    if feed_options is not None and not (
        isinstance(feed_options, Mapping)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in feed_options.items())
    ):
        raise ConfigurationError("feed_options must be a mapping of strings to strings")


# ---------------------------------------------------------------------------------------------- API calls


async def create_feed_document(transport: Transport, content_type: str) -> tuple[str, str]:
    body = await call_api(
        transport, f"{API}.create_feed_document", "POST", f"{BASE}/documents", json={"contentType": content_type}
    )
    return require_str(body, "feedDocumentId", "createFeedDocument"), require_url(body, "createFeedDocument")


async def create_feed(transport: Transport, spec: Mapping[str, Any]) -> str:
    body = await call_api(transport, f"{API}.create_feed", "POST", f"{BASE}/feeds", json=dict(spec))
    return require_str(body, "feedId", "createFeed")


async def get_feed(transport: Transport, feed_id: str) -> FeedInfo:
    path = f"{BASE}/feeds/{path_segment(feed_id, 'feed_id')}"
    return FeedInfo.from_json(await call_api(transport, f"{API}.get_feed", "GET", path))


async def get_feed_document(transport: Transport, feed_document_id: str) -> tuple[str, str | None]:
    path = f"{BASE}/documents/{path_segment(feed_document_id, 'feed_document_id')}"
    body = await call_api(transport, f"{API}.get_feed_document", "GET", path)
    return require_url(body, "getFeedDocument"), optional_str(body, "compressionAlgorithm")


# ---------------------------------------------------------------------------------------------- processing reports


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


def terminal_error(info: FeedInfo, report_text: str | None) -> SPAPIError:
    if info.processing_status == "CANCELLED":
        return FeedCancelledError(
            f"feed {info.feed_id} ({info.feed_type}) was CANCELLED",
            kind="feed",
            resource_id=info.feed_id,
            processing_status="CANCELLED",
            details=dict(info.raw),
        )
    summary = " ".join((report_text or "").split())[:300]
    return FeedFatalError(
        f"feed {info.feed_id} ({info.feed_type}) ended FATAL" + (f": {summary}" if summary else ""),
        kind="feed",
        resource_id=info.feed_id,
        processing_status="FATAL",
        error_document=report_text,
        details=dict(info.raw),
    )
