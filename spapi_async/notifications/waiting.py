"""Workflows that wait on a notification instead of polling: ``download_report(..., wait=...)`` and
``submit_feed(..., wait=...)`` return as soon as the matching REPORT_/FEED_PROCESSING_FINISHED arrives, then read
the final status with one call; when none arrives within ``wait_timeout`` they go back to polling."""

from __future__ import annotations

import json
import logging
from typing import Any

from ..errors import ConfigurationError
from .consumer import NotificationConsumer
from .models import Notification

logger = logging.getLogger("spapi_async.notifications")

#: What ``wait=`` accepts: a consumer (running or not) or an SQS queue URL (a consumer is made for the wait).
WaitSource = NotificationConsumer | str

_KINDS = {
    "report": ("REPORT_PROCESSING_FINISHED", "reportProcessingFinishedNotification", "reportId"),
    "feed": ("FEED_PROCESSING_FINISHED", "feedProcessingFinishedNotification", "feedId"),
}


def check_wait(wait: object, wait_timeout: float) -> None:
    """Raises ConfigurationError for a bad ``wait=`` / ``wait_timeout=`` (before any request)."""
    if wait is None:
        return
    if not isinstance(wait, (NotificationConsumer, str)):
        raise ConfigurationError("wait must be a NotificationConsumer or an SQS queue URL")
    if isinstance(wait, str) and not wait.startswith(("https://", "http://")):
        raise ConfigurationError(f"wait must be an SQS queue URL (https://...), got {wait!r}")
    if not wait_timeout > 0:
        raise ConfigurationError(f"wait_timeout must be > 0 seconds, got {wait_timeout!r}")


def _inner(notification: Notification, key: str) -> dict[str, Any]:
    body = json.loads(notification.raw)
    body = body.get("detail", body) if isinstance(body, dict) and "detail-type" in body else body
    payload = body.get("payload") or body.get("Payload") or {}
    inner = payload.get(key) if isinstance(payload, dict) else None
    return inner if isinstance(inner, dict) else {}


async def wait_for_processing(wait: WaitSource, kind: str, resource_id: str, timeout: float) -> Notification | None:
    """The processing-finished notification of report/feed ``resource_id``, or None after ``timeout`` seconds."""
    ntype, key, id_field = _KINDS[kind]

    def matches(n: Notification) -> bool:
        return n.notification_type == ntype and str(_inner(n, key).get(id_field)) == resource_id

    consumer = NotificationConsumer(wait) if isinstance(wait, str) else wait
    if consumer.is_open:
        found = await consumer.wait_for(matches, timeout)
    else:
        async with consumer:
            found = await consumer.wait_for(matches, timeout)
    if found is None:
        logger.info("no %s for %s %s within %.0fs; polling instead", ntype, kind, resource_id, timeout)
    else:
        logger.debug("%s for %s %s: %s", ntype, kind, resource_id, _inner(found, key).get("processingStatus"))
    return found
