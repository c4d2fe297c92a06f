"""Quota enforcement: token buckets, sliding windows and the keyed limiters built on them."""

from .base import KeyStats, LimiterBackend, LimitKey, NullLimiter, Plan
from .bucket import DEFAULT_TIMER_SLACK, TokenBucket
from .limiter import DEFAULT_MARGIN, DEFAULT_WINDOW_MARGIN, Limiter
from .shared import LoopLimiter
from .window import SELLER_CENTER_WINDOW, SlidingWindow, WindowPlan

__all__ = [
    "DEFAULT_MARGIN",
    "DEFAULT_TIMER_SLACK",
    "DEFAULT_WINDOW_MARGIN",
    "SELLER_CENTER_WINDOW",
    "KeyStats",
    "LimitKey",
    "Limiter",
    "LimiterBackend",
    "LoopLimiter",
    "NullLimiter",
    "Plan",
    "SlidingWindow",
    "TokenBucket",
    "WindowPlan",
]
