"""Seller Center (Dafiti, The Iconic, Zalora, ...): the v2 REST API and the legacy signed API.

Both clients run on the library's transport, limiter, retry policy and error tree; only authentication,
pagination and resources differ from SP-API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    SellerCenterError,
    SellerCenterLegacyError,
    SellerCenterLegacyThrottledError,
    SellerCenterServerError,
    SellerCenterThrottledError,
)

if TYPE_CHECKING:
    from ..pagination import OffsetPage, OffsetPaginator
    from .client import SellerCenterClient, StockUpdateResult, default_token_url
    from .legacy import SellerCenterLegacyClient
    from .legacy_actions import LEGACY_ACTIONS
    from .legacy_models import LegacyFeedStatus, LegacyHead, LegacyResult

# The clients are imported on first use, so ``import spapi_async`` stays cheap.
_LAZY = {
    "SellerCenterClient": ".client",
    "StockUpdateResult": ".client",
    "default_token_url": ".client",
    "LegacyFeedStatus": ".legacy_models",
    "LegacyHead": ".legacy_models",
    "LegacyResult": ".legacy_models",
    "SellerCenterLegacyClient": ".legacy",
    "LEGACY_ACTIONS": ".legacy_actions",
    "OffsetPage": "..pagination",
    "OffsetPaginator": "..pagination",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "LEGACY_ACTIONS",
    "LegacyFeedStatus",
    "LegacyHead",
    "LegacyResult",
    "OffsetPage",
    "OffsetPaginator",
    "SellerCenterClient",
    "SellerCenterError",
    "SellerCenterLegacyClient",
    "SellerCenterLegacyError",
    "SellerCenterLegacyThrottledError",
    "SellerCenterServerError",
    "SellerCenterThrottledError",
    "StockUpdateResult",
    "default_token_url",
]
