"""spapi_async: an asyncio client for Amazon's Selling Partner API and the Seller Center APIs.

The public surface is what this module exports; everything else is internal and may change.
"""

from ._version import __version__
from .auth.lwa import build_consent_uri
from .auth.tokens import CachedToken, InMemoryTokenStore, TokenStore
from .client import SPAPIClient, make_http_client
from .clock import Clock, SystemClock
from .config import MARKETPLACES, REGIONS, Marketplace, Region, get_marketplace
from .errors import (
    ApiError,
    AuthError,
    BadRequestError,
    ClientError,
    ConfigurationError,
    ConflictError,
    ConnectionError_,
    ErrorDetail,
    ForbiddenError,
    NotFoundError,
    PaginationLoopError,
    PayloadError,
    ServerError,
    SPAPIError,
    ThrottledError,
    TimeoutError_,
    TransportError,
    UnauthorizedError,
)
from .operation import DEFAULT_PLAN, SANDBOX_PLAN, Operation, Pagination, UsagePlan
from .pagination import AsyncPaginator
from .registry import OPERATIONS, match_operation
from .retry import RetryPolicy
from .throttle.base import LimiterBackend, LimitKey, NullLimiter

__all__ = [
    "DEFAULT_PLAN",
    "MARKETPLACES",
    "OPERATIONS",
    "REGIONS",
    "SANDBOX_PLAN",
    "ApiError",
    "AsyncPaginator",
    "AuthError",
    "BadRequestError",
    "CachedToken",
    "ClientError",
    "Clock",
    "ConfigurationError",
    "ConflictError",
    "ConnectionError_",
    "ErrorDetail",
    "ForbiddenError",
    "InMemoryTokenStore",
    "LimitKey",
    "LimiterBackend",
    "Marketplace",
    "NotFoundError",
    "NullLimiter",
    "Operation",
    "Pagination",
    "PaginationLoopError",
    "PayloadError",
    "Region",
    "RetryPolicy",
    "SPAPIClient",
    "SPAPIError",
    "ServerError",
    "SystemClock",
    "ThrottledError",
    "TimeoutError_",
    "TokenStore",
    "TransportError",
    "UnauthorizedError",
    "UsagePlan",
    "__version__",
    "build_consent_uri",
    "get_marketplace",
    "make_http_client",
    "match_operation",
]
