"""The Redis blocks of README need the same real server as tests/distributed (never a fake)."""

from __future__ import annotations

from ..distributed.conftest import redis_url

__all__ = ["redis_url"]
