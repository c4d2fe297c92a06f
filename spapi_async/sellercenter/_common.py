"""What both Seller Center clients share: argument checks, the per-seller operation, the default limiter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from ..errors import ConfigurationError
from ..operation import Operation
from ..throttle.window import SELLER_CENTER_WINDOW, WindowPlan

#: The older Seller Center documentation: more than 30 requests per 3 seconds answers E429.
DEFAULT_REQUESTS = SELLER_CENTER_WINDOW.limit
DEFAULT_WINDOW = SELLER_CENTER_WINDOW.window


def check_base_url(base_url: str) -> httpx.URL:
    if not isinstance(base_url, str) or not base_url:
        raise ConfigurationError("base_url is required, e.g. 'https://sellercenter-api.zalora.com.my'")
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConfigurationError(f"base_url is not a URL: {base_url!r}") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base_url must be an http(s) URL with a host, got {base_url!r}")
    if url.query or url.fragment:
        raise ConfigurationError(f"base_url must not carry a query or fragment, got {base_url!r}")
    return url


def require(name: str, value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ConfigurationError(f"{name} is required")
    if not isinstance(value, str):
        raise ConfigurationError(f"{name} must be a string, got {type(value).__name__}")
    return value


def seller_operation(api: str, method: str, requests: int, window: float) -> Operation:
    """One operation for every call of a client: Seller Center limits a seller across all endpoints, so every call
    shares one limiter key (``<identity>|<host>|<api>.all``)."""
    return Operation(
        api=api,
        name="all",
        operation_id="all",
        method=method,
        path="/",
        rate=requests / window,
        burst=requests,
        plan_source="default",
    )


def window_plan(requests: int, window: float) -> WindowPlan:
    """The seller's limit as the limiter's sliding-window plan: at most ``requests`` in any ``window`` seconds."""
    return WindowPlan(requests, window)


def fixed_plan(plan: WindowPlan) -> Callable[[Operation | None], WindowPlan]:
    """A transport's ``plan_for`` giving every call the same plan."""

    def plan_for(operation: Operation | None) -> WindowPlan:
        return plan

    return plan_for
