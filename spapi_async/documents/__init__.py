"""Reports, feeds and Data Kiosk: whole workflows in one call, documents streamed in constant memory.

``client.documents`` is a :class:`Documents`; see its methods ``download_report``, ``report_document``,
``submit_feed`` and ``run_query``.
"""

from .api import Documents
from .document import Document
from .errors import (
    DocumentError,
    DocumentParseError,
    DocumentTimeoutError,
    DocumentTransferError,
    FeedCancelledError,
    FeedFatalError,
    ProcessingError,
    ProcessingTimeoutError,
    QueryCancelledError,
    QueryFatalError,
    ReportCancelledError,
    ReportFatalError,
    TruncatedDocumentError,
)
from .feed_reports import FeedMessage, FeedResult, FeedSummary
from .feeds import FeedInfo
from .polling import PollPolicy
from .reports import ReportDocument, ReportInfo
from .transfer import TransferSettings

__all__ = [
    "Document",
    "DocumentError",
    "DocumentParseError",
    "DocumentTimeoutError",
    "DocumentTransferError",
    "Documents",
    "FeedCancelledError",
    "FeedFatalError",
    "FeedInfo",
    "FeedMessage",
    "FeedResult",
    "FeedSummary",
    "PollPolicy",
    "ProcessingError",
    "ProcessingTimeoutError",
    "QueryCancelledError",
    "QueryFatalError",
    "ReportCancelledError",
    "ReportDocument",
    "ReportFatalError",
    "ReportInfo",
    "TransferSettings",
    "TruncatedDocumentError",
]
