"""spapi_async: an asyncio client for Amazon's Selling Partner API and the Seller Center APIs.

The public surface is what this module exports; everything else is internal and may change.
"""

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .auth.lwa import build_consent_uri
from .auth.tokens import CachedToken, InMemoryTokenStore, TokenStore
from .authorize import Authorization, exchange_authorization_code
from .client import SPAPIClient
from .clock import Clock, SystemClock
from .config import MARKETPLACES, REGIONS, Marketplace, Region, get_marketplace
from .errors import DEPRECATED_NAMES as _DEPRECATED_NAMES
from .errors import (
    ApiError,
    AuthError,
    BadRequestError,
    ClientError,
    ConfigurationError,
    ConflictError,
    ErrorDetail,
    ForbiddenError,
    NotFoundError,
    PaginationLoopError,
    PayloadError,
    RestrictedDataError,
    ServerError,
    SPAPIError,
    ThrottledError,
    TransportConnectionError,
    TransportError,
    TransportTimeoutError,
    UnauthorizedError,
)
from .errors import deprecated_name as _deprecated_name
from .http_client import make_http_client
from .operation import DEFAULT_PLAN, SANDBOX_PLAN, Operation, Pagination, UsagePlan
from .pagination import AsyncPaginator
from .registry import OPERATIONS, match_operation
from .retry import RetryPolicy
from .sellercenter.errors import SellerCenterError, SellerCenterLegacyError
from .throttle.base import KeyStats, LimiterBackend, LimitKey, NullLimiter
from .throttle.bucket import TokenBucket
from .throttle.limiter import Limiter
from .throttle.shared import LoopLimiter
from .throttle.window import SlidingWindow, WindowPlan

if TYPE_CHECKING:
    from ._redis import RedisUnavailableError
    from .auth.redis_store import RedisTokenStore
    from .documents import (
        DocumentError,
        DocumentParseError,
        Documents,
        DocumentTimeoutError,
        DocumentTransferError,
        FeedCancelledError,
        FeedFatalError,
        FeedResult,
        PollPolicy,
        ProcessingError,
        ProcessingTimeoutError,
        QueryCancelledError,
        QueryFatalError,
        ReportCancelledError,
        ReportDocument,
        ReportFatalError,
        TransferSettings,
        TruncatedDocumentError,
    )
    from .notifications import (
        ConsumerStats,
        MemoryDedupe,
        Notification,
        NotificationConsumer,
        NotificationParseError,
        RedisDedupe,
        parse_notification,
    )
    from .sellercenter.client import SellerCenterClient
    from .sellercenter.legacy import SellerCenterLegacyClient
    from .throttle.redis import RedisLimiter


def _load_operations() -> tuple[Operation, ...]:
    """The generated descriptors behind ``sp.OPERATIONS``, imported on the table's first use. The registry itself
    knows no generated code: this is where the two meet."""
    from .apis._operations import OPERATIONS_DATA

    return OPERATIONS_DATA


OPERATIONS.install(_load_operations)

# Imported on first use: the document workflows and the Seller Center clients pull in their own modules (and
# pydantic for the legacy models); the Redis names belong to the "redis" extra, so ``import spapi_async`` never
# imports redis-py.
_LAZY = {
    "DocumentError": ".documents",
    "DocumentParseError": ".documents",
    "Documents": ".documents",
    "DocumentTimeoutError": ".documents",
    "DocumentTransferError": ".documents",
    "FeedCancelledError": ".documents",
    "FeedFatalError": ".documents",
    "FeedResult": ".documents",
    "PollPolicy": ".documents",
    "ProcessingError": ".documents",
    "ProcessingTimeoutError": ".documents",
    "QueryCancelledError": ".documents",
    "QueryFatalError": ".documents",
    "ReportCancelledError": ".documents",
    "ReportDocument": ".documents",
    "ReportFatalError": ".documents",
    "TransferSettings": ".documents",
    "TruncatedDocumentError": ".documents",
    "ConsumerStats": ".notifications",
    "MemoryDedupe": ".notifications",
    "Notification": ".notifications",
    "NotificationConsumer": ".notifications",
    "NotificationParseError": ".notifications",
    "RedisDedupe": ".notifications",
    "parse_notification": ".notifications",
    "SellerCenterClient": ".sellercenter.client",
    "SellerCenterLegacyClient": ".sellercenter.legacy",
    "RedisLimiter": ".throttle.redis",
    "RedisTokenStore": ".auth.redis_store",
    "RedisUnavailableError": "._redis",
}


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED_NAMES:  # former exception names: not cached, so every use warns
        return _deprecated_name(__name__, name)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'spapi_async' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_PLAN",
    "MARKETPLACES",
    "OPERATIONS",
    "REGIONS",
    "SANDBOX_PLAN",
    "ApiError",
    "AsyncPaginator",
    "AuthError",
    "Authorization",
    "BadRequestError",
    "CachedToken",
    "ClientError",
    "Clock",
    "ConfigurationError",
    "ConflictError",
    "ConsumerStats",
    "DocumentError",
    "DocumentParseError",
    "DocumentTimeoutError",
    "DocumentTransferError",
    "Documents",
    "ErrorDetail",
    "FeedCancelledError",
    "FeedFatalError",
    "FeedResult",
    "ForbiddenError",
    "InMemoryTokenStore",
    "KeyStats",
    "LimitKey",
    "Limiter",
    "LimiterBackend",
    "LoopLimiter",
    "Marketplace",
    "MemoryDedupe",
    "NotFoundError",
    "Notification",
    "NotificationConsumer",
    "NotificationParseError",
    "NullLimiter",
    "Operation",
    "Pagination",
    "PaginationLoopError",
    "PayloadError",
    "PollPolicy",
    "ProcessingError",
    "ProcessingTimeoutError",
    "QueryCancelledError",
    "QueryFatalError",
    "RedisDedupe",
    "RedisLimiter",
    "RedisTokenStore",
    "RedisUnavailableError",
    "Region",
    "ReportCancelledError",
    "ReportDocument",
    "ReportFatalError",
    "RestrictedDataError",
    "RetryPolicy",
    "SPAPIClient",
    "SPAPIError",
    "SellerCenterClient",
    "SellerCenterError",
    "SellerCenterLegacyClient",
    "SellerCenterLegacyError",
    "ServerError",
    "SlidingWindow",
    "SystemClock",
    "ThrottledError",
    "TokenBucket",
    "TokenStore",
    "TransferSettings",
    "TransportConnectionError",
    "TransportError",
    "TransportTimeoutError",
    "TruncatedDocumentError",
    "UnauthorizedError",
    "UsagePlan",
    "WindowPlan",
    "__version__",
    "build_consent_uri",
    "exchange_authorization_code",
    "get_marketplace",
    "make_http_client",
    "match_operation",
    "parse_notification",
]
