"""Typed outcomes of the document workflows (reports, feeds, Data Kiosk) and of document transfers.

::

    SPAPIError
      DocumentError                   a workflow or a document transfer did not give a usable document
        ProcessingError               Amazon finished processing, but not with DONE
          ReportCancelledError        CANCELLED: for most report types this means "no data for that range"
          ReportFatalError            FATAL; ``error_document`` holds the error document's text when there is one
          FeedCancelledError
          FeedFatalError              ``error_document`` holds the processing report's text when there is one
          QueryCancelledError
          QueryFatalError             ``error_document`` holds the Data Kiosk error document's text
        ProcessingTimeoutError        still not finished when the workflow's ``timeout`` ran out
        DocumentTransferError         the document host (pre-signed URL) failed: status, broken stream, timeout
          DocumentTimeoutError        the document host stopped answering (connect/read timeout, total deadline)
          TruncatedDocumentError      the stream ended early (short body, gzip stream without its trailer)
        DocumentParseError            the document's content could not be parsed into rows

Messages never contain the pre-signed URL's query string (it carries a signature and a session token).
"""

from __future__ import annotations

from typing import Any

from ..errors import SPAPIError


class DocumentError(SPAPIError):
    """Base of the document workflow errors."""


class ProcessingError(DocumentError):
    """Amazon finished processing a report, feed or query with a status other than DONE.

    ``kind`` is ``"report"``, ``"feed"`` or ``"query"``; ``resource_id`` the report, feed or query id;
    ``processing_status`` the terminal status; ``error_document`` the text of the error document Amazon attached
    (FATAL), or None.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        resource_id: str,
        processing_status: str,
        error_document: str | None = None,
        details: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.kind = kind
        self.resource_id = resource_id
        self.processing_status = processing_status
        self.error_document = error_document
        self.details = dict(details or {})


class ReportCancelledError(ProcessingError):
    """The report was CANCELLED. For most report types Amazon cancels a report when there is no data to report."""


class ReportFatalError(ProcessingError):
    """The report ended FATAL. ``error_document`` is the text of the error document, when Amazon gave one."""


class FeedCancelledError(ProcessingError):
    """The feed was CANCELLED before processing."""


class FeedFatalError(ProcessingError):
    """The feed ended FATAL. ``error_document`` is the processing report's text, when Amazon gave one."""


class QueryCancelledError(ProcessingError):
    """The Data Kiosk query was CANCELLED."""


class QueryFatalError(ProcessingError):
    """The Data Kiosk query ended FATAL. ``error_document`` is the error document's text, when there is one."""


class ProcessingTimeoutError(DocumentError):
    """A report, feed or query was still being processed when the workflow's ``timeout`` ran out.

    ``resource_id`` and ``processing_status`` tell what was last seen, so the caller can keep polling later.
    """

    def __init__(self, message: str, *, kind: str, resource_id: str, processing_status: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.kind = kind
        self.resource_id = resource_id
        self.processing_status = processing_status


class DocumentTransferError(DocumentError):
    """Downloading from or uploading to a pre-signed document URL failed."""


class DocumentTimeoutError(DocumentTransferError):
    """The document host stopped answering: a connect or read timeout, or the total transfer deadline."""


class TruncatedDocumentError(DocumentTransferError):
    """The document ended early: fewer bytes than announced, or a gzip stream without its end."""


class DocumentParseError(DocumentError):
    """The document's content could not be turned into rows or records."""
