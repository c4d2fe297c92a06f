"""``sp.Notification``: one SP-API notification as read from an SQS message body, with its payload typed.

Amazon's notifications come in two spellings of the same envelope (``NotificationType`` / ``notificationType``,
...); both are read. The payload becomes the generated model of its type (``spapi_async.notifications.payloads``)
when the type is known and the payload fits it, else it stays the dict Amazon sent: an unknown type, an unknown
field or a field of an unexpected type never fails a message. Bodies wrapped by SNS (``"Type": "Notification"``) or
EventBridge (``"detail"``) are unwrapped. Only a body that is not a JSON object with a notification type is
rejected (:class:`NotificationParseError`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import SPAPIError

logger = logging.getLogger("spapi_async.notifications")


class NotificationParseError(SPAPIError, ValueError):
    """A message body that is not an SP-API notification (not JSON, or no notification type)."""


@dataclass(frozen=True, slots=True)
class Notification:
    """One notification. ``payload`` is the typed model of ``notification_type`` (a dict for types without a model,
    or when the payload does not fit its model); ``raw`` is the message body as received."""

    notification_type: str
    notification_version: str | None
    payload_version: str | None
    event_time: dt.datetime | str | None
    notification_id: str | None
    payload: Any
    raw: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    message_id: str | None = None  # the SQS message id, when read from a queue
    receive_count: int = 1  # SQS ApproximateReceiveCount

    @property
    def dedupe_key(self) -> str:
        """What duplicates share: the notification id (Amazon delivers at least once), else the SQS message id."""
        if self.notification_id:
            return self.notification_id
        return f"sqs:{self.message_id}" if self.message_id else f"body:{hash(self.raw)}"

    def to_json(self) -> dict[str, Any]:
        """The envelope as Amazon sent it (the parsed body)."""
        loaded: dict[str, Any] = json.loads(self.raw)
        return loaded

    def __repr__(self) -> str:
        return (
            f"Notification(type={self.notification_type!r}, id={self.notification_id!r}, "
            f"event_time={self.event_time!r}, payload={type(self.payload).__name__})"
        )


def _get(obj: Mapping[str, Any], name: str) -> Any:
    """``obj["NotificationType"]`` or ``obj["notificationType"]``."""
    if name in obj:
        return obj[name]
    return obj.get(name[0].lower() + name[1:])


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _time(value: Any) -> dt.datetime | str | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.timezone.utc)


def _unwrap(body: Any) -> Any:
    """The notification inside an SNS or EventBridge envelope (or ``body`` itself)."""
    for _ in range(2):
        if not isinstance(body, dict):
            return body
        if body.get("Type") == "Notification" and isinstance(body.get("Message"), str):
            try:
                body = json.loads(body["Message"])
            except ValueError:
                return body
        elif isinstance(body.get("detail"), dict) and "detail-type" in body:
            body = body["detail"]
        else:
            return body
    return body


def typed_payload(notification_type: str, payload_version: str | None, payload: Any) -> Any:
    """The generated model for this type (and payload version) filled from ``payload``, or ``payload`` itself."""
    if not isinstance(payload, dict):
        return payload
    from .payloads import PAYLOADS

    model = PAYLOADS.get(f"{notification_type}@{payload_version}") or PAYLOADS.get(notification_type)
    if model is None:
        return payload
    try:
        return model.model_validate(payload)
    except ValueError as exc:  # pydantic.ValidationError: keep the dict, never fail the message
        logger.debug("%s payload does not fit %s, kept as a dict: %s", notification_type, model.__name__, exc)
        return payload


def parse_notification(body: str | bytes, *, message_id: str | None = None, receive_count: int = 1) -> Notification:
    """Parse an SQS message body into a :class:`Notification`; :class:`NotificationParseError` if it is not one."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    try:
        loaded = json.loads(text)
    except ValueError:
        raise NotificationParseError(f"message {message_id or '?'} is not JSON ({len(text)} characters)") from None
    doc = _unwrap(loaded)
    if not isinstance(doc, dict):
        raise NotificationParseError(f"message {message_id or '?'} is not a JSON object")
    ntype = _str(_get(doc, "NotificationType"))
    if ntype is None:
        raise NotificationParseError(f"message {message_id or '?'} has no notification type")
    metadata = _get(doc, "NotificationMetadata")
    metadata = dict(metadata) if isinstance(metadata, dict) else {}
    payload_version = _str(_get(doc, "PayloadVersion"))
    return Notification(
        notification_type=ntype,
        notification_version=_str(_get(doc, "NotificationVersion")),
        payload_version=payload_version,
        event_time=_time(_get(doc, "EventTime")),
        notification_id=_str(_get(metadata, "NotificationId")),
        payload=typed_payload(ntype, payload_version, _get(doc, "Payload")),
        raw=text,
        metadata=metadata,
        message_id=message_id,
        receive_count=receive_count,
    )
