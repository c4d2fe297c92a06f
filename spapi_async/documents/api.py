"""``client.documents``: reports, feeds and Data Kiosk queries as one call each, streamed."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import AsyncGenerator, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

import httpx

from ..apis.data_kiosk_2023_11_15 import DataKiosk20231115Api
from ..apis.feeds_2021_06_30 import Feeds20210630Api
from ..apis.reports_2021_06_30 import Reports20210630Api
from ..errors import ConfigurationError, PaginationLoopError, SPAPIError
from ..transport import Transport
from . import datakiosk, feed_reports, feeds, reports
from .document import Document
from .feed_reports import FeedResult
from .feeds import FeedContent, FeedInfo
from .polling import PollPolicy, poll
from .reports import ReportDocument, ReportInfo, Timestamp
from .transfer import DocumentHttp, TransferSettings, upload

if TYPE_CHECKING:
    from ..notifications.waiting import WaitSource

logger = logging.getLogger("spapi_async.documents")

_ERROR_DOCUMENT_LIMIT = 1024 * 1024
_FEED_REPORT_TEXT_LIMIT = 16 * 1024 * 1024


class HasTransport(Protocol):
    """Anything that holds an SP-API :class:`Transport` (an ``SPAPIClient``)."""

    @property
    def transport(self) -> Transport: ...


class Documents:
    """Whole report, feed and Data Kiosk workflows, one call each. Reach it as ``client.documents``.

    ``client`` is the SP-API :class:`Transport`, or what holds one (an ``SPAPIClient``). SP-API calls are the
    generated Reports, Feeds and Data Kiosk resources on that transport (authentication, usage plans, retries).
    Document transfers use a separate HTTP client owned by this object: no SP-API credentials, no rate limiting,
    their own timeouts (:class:`TransferSettings`). Processing is polled with back-off on the transport's clock
    (:class:`PollPolicy`). ``transport`` replaces the network transport of the document client (tests, proxies).
    """

    def __init__(
        self,
        client: Transport | HasTransport,
        *,
        poll_policy: PollPolicy | None = None,
        transfer: TransferSettings | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        sp_transport = client if isinstance(client, Transport) else getattr(client, "transport", None)
        if not isinstance(sp_transport, Transport):
            raise ConfigurationError(f"Documents needs an SP-API transport or client, got {type(client).__name__}")
        self._transport = sp_transport
        self._clock = sp_transport.clock
        self._reports = Reports20210630Api(sp_transport)
        self._feeds = Feeds20210630Api(sp_transport)
        self._kiosk = DataKiosk20231115Api(sp_transport)
        self.poll_policy = poll_policy or PollPolicy()
        self.http = DocumentHttp(transfer, transport=transport)

    def _policy(self, poll_policy: PollPolicy | None, timeout: float | None) -> PollPolicy:
        policy = poll_policy or self.poll_policy
        if timeout is not None:
            if not timeout > 0:
                raise ConfigurationError(f"timeout must be > 0 seconds, got {timeout!r}")
            policy = PollPolicy(policy.initial, policy.factor, policy.max_interval, timeout)
        return policy

    # ------------------------------------------------------------------------------------------ reports

    async def download_report(
        self,
        *,
        report_type: str,
        marketplace_ids: Sequence[str],
        data_start_time: Timestamp | None = None,
        data_end_time: Timestamp | None = None,
        report_options: Mapping[str, str] | None = None,
        reuse_within: float | dt.timedelta | None = None,
        timeout: float | None = None,
        poll_policy: PollPolicy | None = None,
        restricted_data_token: str | None = None,
        wait: WaitSource | None = None,
        wait_timeout: float = 600.0,
    ) -> ReportDocument:
        """Create a report, wait until Amazon has it ready and return its :class:`ReportDocument`.

        ``wait`` (an ``sp.NotificationConsumer`` or an SQS queue URL subscribed to REPORT_PROCESSING_FINISHED):
        wait for the report's notification instead of polling getReport, then read its status once; without a
        notification within ``wait_timeout`` seconds, poll as usual.

        ``reuse_within`` (seconds or a timedelta): first look for a report of the same type, marketplaces and data
        range created that recently (queued, in progress or done) and use it instead of creating one; it cannot be
        combined with ``report_options`` (Amazon does not return a report's options, so a match cannot be checked).
        ``timeout`` bounds the wait for processing. Raises :class:`ReportCancelledError` (CANCELLED, usually "no
        data"), :class:`ReportFatalError` (with the error document's text) or :class:`ProcessingTimeoutError`.
        """
        spec = reports.report_spec(report_type, marketplace_ids, data_start_time, data_end_time, report_options)
        policy = self._policy(poll_policy, timeout)
        _check_wait(wait, wait_timeout)
        report_id: str | None = None
        finished = False
        if reuse_within is not None:
            seconds = reuse_within.total_seconds() if isinstance(reuse_within, dt.timedelta) else float(reuse_within)
            if not seconds > 0:
                raise ConfigurationError("reuse_within must be a positive number of seconds")
            if report_options is not None:
                raise ConfigurationError(
                    "reuse_within cannot be combined with report_options: Amazon does not return a report's "
                    "options, so an existing report cannot be checked against them"
                )
            now = dt.datetime.fromtimestamp(self._clock.time(), dt.timezone.utc)
            found = await reports.find_recent_report(
                self._reports, spec, created_since=now - dt.timedelta(seconds=seconds)
            )
            if found is not None:
                logger.info("reusing report %s (%s)", found.report_id, found.processing_status)
                report_id = found.report_id
                finished = found.processing_status in ("DONE", "CANCELLED", "FATAL")
        if report_id is None:
            report_id = await reports.create_report(self._reports, spec)
        if wait is not None and not finished:
            await _wait_for_notification(wait, "report", report_id, wait_timeout)
        return await self.wait_for_report(report_id, poll_policy=policy, restricted_data_token=restricted_data_token)

    async def wait_for_report(
        self,
        report_id: str,
        *,
        timeout: float | None = None,
        poll_policy: PollPolicy | None = None,
        restricted_data_token: str | None = None,
    ) -> ReportDocument:
        """Wait for an existing report (by id) and return its document; outcomes as :meth:`download_report`."""
        policy = self._policy(poll_policy, timeout)
        info = await poll(
            functools.partial(reports.get_report, self._reports, report_id),
            reports.status_of,
            clock=self._clock,
            policy=policy,
            kind="report",
            resource_id=report_id,
        )
        if info.processing_status == "DONE":
            if not info.report_document_id:
                raise reports.terminal_error(
                    info.model_copy(update={"processing_status": "FATAL"}), None, "DONE without a document"
                )
            return await self.report_document(
                info.report_document_id, report=info, restricted_data_token=restricted_data_token
            )
        error_document = None
        note = ""
        if info.processing_status == "FATAL" and info.report_document_id:
            error_document, note = await self._read_error_document(
                self.report_document(info.report_document_id, report=info)
            )
        raise reports.terminal_error(info, error_document, note)

    async def report_document(
        self,
        report_document_id: str,
        *,
        report: ReportInfo | None = None,
        restricted_data_token: str | None = None,
        encoding: str | None = None,
    ) -> ReportDocument:
        """The :class:`ReportDocument` of an existing report document id (``getReportDocument``). Its URL is
        fetched again automatically if it has expired by the time it is read. ``encoding`` overrides the declared
        charset."""
        api = reports.with_token(self._reports, self._transport, restricted_data_token)
        del restricted_data_token  # held by the resource only (tracebacks rendered with locals)
        url, compression = await reports.get_report_document(api, report_document_id)

        async def refresh() -> str:
            return (await reports.get_report_document(api, report_document_id))[0]

        document = ReportDocument(
            document_id=report_document_id,
            url=url,
            http=self.http,
            clock=self._clock,
            compression_algorithm=compression,
            refresh=refresh,
            encoding=encoding,
        )
        document.report = report
        return document

    async def _read_error_document(self, opening: Any) -> tuple[str | None, str]:
        """The text of an error document, or None and a note saying why it could not be read."""
        try:
            document: Document = await opening
            return await document.read_text(limit=_ERROR_DOCUMENT_LIMIT), ""
        except SPAPIError as exc:
            logger.warning("could not read the error document: %s", exc)
            return None, f"the error document could not be read: {type(exc).__name__}"

    # ------------------------------------------------------------------------------------------ feeds

    async def submit_feed(
        self,
        *,
        feed_type: str,
        content: FeedContent,
        content_type: str,
        marketplace_ids: Sequence[str],
        feed_options: Mapping[str, str] | None = None,
        timeout: float | None = None,
        poll_policy: PollPolicy | None = None,
        wait: WaitSource | None = None,
        wait_timeout: float = 600.0,
    ) -> FeedResult:
        """Upload ``content`` and submit it as a feed, wait for processing and return the parsed
        :class:`FeedResult`. ``wait`` / ``wait_timeout``: as for :meth:`download_report`, with
        FEED_PROCESSING_FINISHED.

        ``content``: bytes; ``str`` (encoded with ``content_type``'s charset, UTF-8 if none); a path
        (``pathlib.Path``, streamed from disk); or an async iterable of bytes (spooled to a temporary file, since
        the upload needs its length). It is uploaded with exactly ``content_type``. Raises
        :class:`FeedCancelledError`, :class:`FeedFatalError` (with the processing report's text) or
        :class:`ProcessingTimeoutError`.
        """
        feeds.check_feed_args(feed_type, content_type, marketplace_ids, feed_options)
        policy = self._policy(poll_policy, timeout)
        _check_wait(wait, wait_timeout)
        body = await feeds.prepare_content(content, content_type)
        try:
            document_id, url = await feeds.create_feed_document(self._feeds, content_type)
            await upload(
                self.http, url, body=body.body, length=body.length, content_type=content_type, clock=self._clock
            )
        finally:
            if body.cleanup is not None:
                body.cleanup()
        spec = feeds.feed_spec(feed_type, marketplace_ids, document_id, feed_options)
        feed_id = await feeds.create_feed(self._feeds, spec)
        if wait is not None:
            await _wait_for_notification(wait, "feed", feed_id, wait_timeout)
        return await self.wait_for_feed(feed_id, poll_policy=policy)

    async def wait_for_feed(
        self, feed_id: str, *, timeout: float | None = None, poll_policy: PollPolicy | None = None
    ) -> FeedResult:
        """Wait for an existing feed (by id) and return its :class:`FeedResult`; outcomes as :meth:`submit_feed`."""
        policy = self._policy(poll_policy, timeout)
        info = await poll(
            functools.partial(feeds.get_feed, self._feeds, feed_id),
            lambda f: f.processing_status or "",
            clock=self._clock,
            policy=policy,
            kind="feed",
            resource_id=feed_id,
        )
        if info.processing_status == "DONE":
            return await self._feed_result(info)
        report_text = None
        if info.processing_status == "FATAL" and info.result_feed_document_id:
            report_text, _ = await self._read_error_document(self._feed_document(info.result_feed_document_id))
        raise feeds.terminal_error(info, report_text)

    async def _feed_document(self, feed_document_id: str) -> Document:
        api = self._feeds
        url, compression = await feeds.get_feed_document(api, feed_document_id)

        async def refresh() -> str:
            return (await feeds.get_feed_document(api, feed_document_id))[0]

        document = Document(
            document_id=feed_document_id,
            url=url,
            http=self.http,
            clock=self._clock,
            compression_algorithm=compression,
            refresh=refresh,
        )
        document.kind = "feed processing report"
        return document

    async def _feed_result(self, info: FeedInfo) -> FeedResult:
        if not info.result_feed_document_id:
            return feed_reports.empty_result(info)
        document = await self._feed_document(info.result_feed_document_id)
        return await feed_reports.read_result(info, await document.read_text(limit=_FEED_REPORT_TEXT_LIMIT))

    # ------------------------------------------------------------------------------------------ Data Kiosk

    async def run_query(
        self, query: str, *, timeout: float | None = None, poll_policy: PollPolicy | None = None
    ) -> AsyncGenerator[Any, None]:
        """Run a Data Kiosk query and yield its records (one per JSON line of its documents), following the
        query's pagination until the last page. ``timeout`` bounds the wait for each page's processing.

        A query that finds no data yields nothing. Raises :class:`QueryCancelledError`, :class:`QueryFatalError`
        (with the error document's text) or :class:`ProcessingTimeoutError`. Use ``contextlib.aclosing`` (or
        exhaust the iterator) so an early ``break`` closes the download at once.
        """
        datakiosk.check_query(query)
        policy = self._policy(poll_policy, timeout)
        api = self._kiosk
        token: str | None = None
        seen: set[str] = set()
        while True:
            query_id = await datakiosk.create_query(api, query, token)
            info = await poll(
                functools.partial(datakiosk.get_query, api, query_id),
                lambda q: q.processing_status or "",
                clock=self._clock,
                policy=policy,
                kind="query",
                resource_id=query_id,
            )
            if info.processing_status != "DONE":
                error_document = None
                if info.processing_status == "FATAL" and info.error_document_id:
                    error_document, _ = await self._read_error_document(
                        self._kiosk_document(info.error_document_id, "Data Kiosk error document")
                    )
                raise datakiosk.terminal_error(info, error_document)
            if info.data_document_id:
                document = await self._kiosk_document(info.data_document_id, "Data Kiosk document")
                batches = document.row_batches("json")
                try:
                    async for batch in batches:
                        for record in batch:
                            yield record
                finally:
                    await batches.aclose()
            token = datakiosk.next_token(info)
            if token is None:
                return
            if token in seen:
                raise PaginationLoopError(f"Data Kiosk returned the pagination token of query {query_id} twice")
            seen.add(token)

    async def _kiosk_document(self, document_id: str, kind: str) -> Document:
        api = self._kiosk
        url = await datakiosk.get_document(api, document_id)

        async def refresh() -> str:
            return await datakiosk.get_document(api, document_id)

        document = Document(document_id=document_id, url=url, http=self.http, clock=self._clock, refresh=refresh)
        document.kind = kind
        return document

    # ------------------------------------------------------------------------------------------ lifecycle

    async def aclose(self) -> None:
        """Close the document HTTP client (the SP-API client does this when it closes)."""
        await self.http.aclose()

    async def __aenter__(self) -> Documents:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"Documents(poll_policy={self.poll_policy!r}, transfer={self.http.settings!r})"


def _check_wait(wait: object, wait_timeout: float) -> None:
    if wait is not None:
        from ..notifications.waiting import check_wait

        check_wait(wait, wait_timeout)


async def _wait_for_notification(wait: WaitSource, kind: str, resource_id: str, timeout: float) -> None:
    """Until the processing-finished notification arrives or ``timeout`` passes (then the caller polls)."""
    from ..notifications.waiting import wait_for_processing

    await wait_for_processing(wait, kind, resource_id, timeout)
