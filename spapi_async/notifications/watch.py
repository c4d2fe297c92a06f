"""``NotificationConsumer.wait_for``: the first notification a predicate accepts.

While the consumer runs, a :class:`Watch` sees every notification it receives (the recent ones included) and
hands the first match to each waiter. When it does not run, :func:`receive_until` receives by itself: the
matching message is deleted, the others are held while it waits and then made visible again.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections import deque
from collections.abc import Callable
from typing import Any

from ..clock import Clock
from .dedupe import DedupeStore, quietly
from .models import Notification, NotificationParseError, parse_notification
from .sqs_calls import make_visible, raise_if_permanent

logger = logging.getLogger("spapi_async.notifications")

Predicate = Callable[[Notification], bool]


def matches(predicate: Predicate, notification: Notification) -> bool:
    try:
        return bool(predicate(notification))
    except Exception:  # a predicate that cannot read this notification does not match it
        return False


class Watch:
    """The notifications a running consumer received lately, and the callers waiting for one."""

    def __init__(self) -> None:
        self._waiters: list[tuple[Predicate, asyncio.Future[Notification]]] = []
        self._recent: deque[Notification] = deque(maxlen=512)

    def offer(self, notification: Notification) -> None:
        self._recent.append(notification)
        for predicate, future in list(self._waiters):
            if not future.done() and matches(predicate, notification):
                future.set_result(notification)

    async def wait(self, predicate: Predicate, timeout: float) -> Notification | None:
        for seen in self._recent:
            if matches(predicate, seen):
                return seen
        future: asyncio.Future[Notification] = asyncio.get_running_loop().create_future()
        entry = (predicate, future)
        self._waiters.append(entry)
        try:
            return await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            return None
        finally:
            self._waiters.remove(entry)


async def receive_until(
    sqs: Any,
    queue_url: str,
    predicate: Predicate,
    timeout: float,
    *,
    clock: Clock,
    wait_time: int,
    visibility: int,
    dedupe: DedupeStore,
    dedupe_ttl: float,
) -> Notification | None:
    """Receive from ``queue_url`` until a notification matches (deleted, remembered as done) or ``timeout``
    seconds pass; every other message received meanwhile is made visible again at the end."""
    deadline = clock.monotonic() + timeout
    others: list[str] = []
    try:
        while (left := deadline - clock.monotonic()) > 0:
            try:
                response = await sqs.receive_message(
                    QueueUrl=queue_url,
                    MaxNumberOfMessages=10,
                    WaitTimeSeconds=min(wait_time, max(0, math.ceil(left))),
                    VisibilityTimeout=max(visibility, math.ceil(left)),
                )
            except Exception as exc:
                raise_if_permanent(exc)
                logger.warning("SQS receive failed while waiting (%s)", type(exc).__name__)
                await clock.sleep(min(1.0, max(0.0, left)))
                continue
            found: Notification | None = None
            for message in response.get("Messages") or ():
                receipt = message["ReceiptHandle"]
                try:
                    notification = parse_notification(message.get("Body") or "", message_id=message.get("MessageId"))
                except NotificationParseError:
                    others.append(receipt)
                    continue
                if found is None and matches(predicate, notification):
                    found = notification
                    await quietly(dedupe.complete(notification.dedupe_key, dedupe_ttl))
                    await sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=receipt)
                else:
                    others.append(receipt)
            if found is not None:
                return found
        return None
    finally:
        await make_visible(sqs, queue_url, others)
