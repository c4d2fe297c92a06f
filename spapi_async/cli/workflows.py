"""The jobs behind the command line, free of terminal code. Reports and feeds go through the library's document
workflows (``client.documents``); progress is reported through an optional :class:`Progress` object so the CLI
can draw bars and the tests can run them plainly."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..client import SPAPIClient
from ..documents import FeedResult, PollPolicy
from .files import create_private


class Progress(Protocol):
    def total(self, task: str, total: int | None) -> None: ...

    def advance(self, task: str, amount: int = 1) -> None: ...

    def status(self, task: str, text: str) -> None: ...

    def resumed(self, task: str, amount: int) -> None:
        """``amount`` was done by an earlier run (shown as done, not counted in this run's rate)."""
        ...


class NoProgress:
    def total(self, task: str, total: int | None) -> None:
        return None

    def advance(self, task: str, amount: int = 1) -> None:
        return None

    def status(self, task: str, text: str) -> None:
        return None

    def resumed(self, task: str, amount: int) -> None:
        return None


def poll_policy(interval: float, timeout: float = 3600.0) -> PollPolicy:
    """Poll every ``interval`` seconds at first, backing off to at most ten times that."""
    interval = max(interval, 0.001)
    return PollPolicy(initial=interval, factor=1.5, max_interval=interval * 10, timeout=timeout)


@dataclass
class ReportOutcome:
    report_id: str | None
    rows: int
    bytes_written: int


async def fetch_report(
    client: SPAPIClient,
    report_type: str,
    marketplace_ids: Sequence[str],
    *,
    data_start: str | None = None,
    data_end: str | None = None,
    poll_interval: float = 15.0,
    out: Path | None = None,
    progress: Progress | None = None,
) -> ReportOutcome:
    """Request a report, wait for it, then save its document to ``out`` (or count its rows).

    Progress: task ``"report"`` gets a status while Amazon processes the report, then advances by the bytes
    written (with ``out``) or by the rows read. The saved file is created with mode 0600 (reports can hold buyer
    data), as ``<out>.part`` until complete."""
    ui = progress or NoProgress()
    ui.status("report", "requested, waiting for Amazon")
    document = await client.documents.download_report(
        report_type=report_type,
        marketplace_ids=list(marketplace_ids),
        data_start_time=data_start,
        data_end_time=data_end,
        poll_policy=poll_policy(poll_interval),
    )
    report_id = document.report.report_id if document.report else None
    ui.status("report", f"{report_id} DONE")
    rows = written = 0
    if out is not None:
        written = await _save(document.iter_bytes(), out, ui)
    else:
        async for batch in document.row_batches():
            rows += len(batch)
            ui.advance("report", len(batch))
    return ReportOutcome(report_id, rows, written)


async def _save(chunks: AsyncGenerator[bytes, None], out: Path, ui: Progress) -> int:
    part = out.with_name(out.name + ".part")
    written = 0
    try:
        with create_private(part) as fh:
            async for chunk in chunks:
                fh.write(chunk)
                written += len(chunk)
                ui.advance("report", len(chunk))
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    finally:
        await chunks.aclose()
    os.replace(part, out)
    return written


@dataclass
class FeedOutcome:
    feed_id: str
    status: str
    processed: int | None
    accepted: int | None
    invalid: int | None
    errors: list[str]  # the processing report's ERROR messages, one line each
    report_text: str | None  # the processing report (JSON re-serialised when Amazon sent JSON)


async def submit_feed(
    client: SPAPIClient,
    feed_type: str,
    content: bytes | Path,
    content_type: str,
    marketplace_ids: Sequence[str],
    *,
    poll_interval: float = 15.0,
    progress: Progress | None = None,
) -> FeedOutcome:
    """Upload a feed, wait for processing, and return its processing summary."""
    ui = progress or NoProgress()
    ui.status("feed", f"{feed_type} uploading, then waiting for Amazon")
    result = await client.documents.submit_feed(
        feed_type=feed_type,
        content=content,
        content_type=content_type,
        marketplace_ids=list(marketplace_ids),
        poll_policy=poll_policy(poll_interval),
    )
    ui.status("feed", f"{result.feed_id} {result.processing_status}")
    s = result.summary
    text = result.report_text
    if text is None and result.report is not None:
        text = json.dumps(result.report, indent=1) if isinstance(result.report, (dict, list)) else str(result.report)
    return FeedOutcome(
        result.feed_id,
        result.processing_status,
        s.messages_processed,
        s.messages_accepted,
        s.messages_invalid,
        _error_lines(result),
        text,
    )


def _error_lines(result: FeedResult) -> list[str]:
    """One line per ERROR message of the processing report; a count when the report only counts them."""
    lines = [
        " ".join(filter(None, [m.message_id and f"message {m.message_id}", m.sku and f"sku {m.sku}", m.code]))
        + f": {m.message}"
        for m in result.errors
    ]
    if not lines and not result.ok:
        s = result.summary
        lines.append(f"{(s.errors or 0) + (s.messages_invalid or 0)} errors counted in the processing report")
    return lines
