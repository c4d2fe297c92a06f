"""SP-API notifications: typed parsing (:class:`Notification`), the SQS consumer (:class:`NotificationConsumer`,
extra ``notifications``), duplicate filters, and the subscribe/unsubscribe helpers behind
``client.notifications``."""

from .consumer import ConsumerStats, NotificationConsumer
from .dedupe import DedupeStore, MemoryDedupe, RedisDedupe
from .models import Notification, NotificationParseError, parse_notification

__all__ = [
    "ConsumerStats",
    "DedupeStore",
    "MemoryDedupe",
    "Notification",
    "NotificationConsumer",
    "NotificationParseError",
    "RedisDedupe",
    "parse_notification",
]
