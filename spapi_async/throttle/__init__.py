"""Quota enforcement: token buckets, sliding windows and the keyed limiters built on them."""

from .base import LimiterBackend, LimitKey, NullLimiter

__all__ = ["LimitKey", "LimiterBackend", "NullLimiter"]
