"""One :meth:`NotificationConsumer.run <spapi_async.notifications.consumer.NotificationConsumer.run>`: the
receiver, the handlers, the deleter and the heartbeat, and what they share while it lasts (the messages held).

The steps a message goes through are in :mod:`spapi_async.notifications.consumer`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .dedupe import quietly
from .models import Notification, NotificationParseError, parse_notification
from .sqs_calls import delete_batch, make_visible, raise_if_permanent

if TYPE_CHECKING:
    from .consumer import NotificationConsumer

logger = logging.getLogger("spapi_async.notifications")

Handler = Callable[[Notification], Awaitable[None]]

#: Seconds a short delete batch waits for handlers still running on the same receive (full batches: fewer calls).
DELETE_LINGER = 0.05


@dataclass
class _Held:
    key: str | None  # dedupe key once parsed
    since: float  # received, or last extended (monotonic)
    claimed: bool = False


class ConsumerRun:
    """The state of one run of ``consumer`` on the SQS client ``sqs`` (``visibility``: the queue's timeout)."""

    def __init__(self, consumer: NotificationConsumer, sqs: Any, visibility: int) -> None:
        self.queue_url = consumer.queue_url
        self.concurrency = consumer.concurrency
        self.wait_time = consumer.wait_time
        self.clock = consumer.clock
        self.stats = consumer.stats
        self.dedupe = consumer.dedupe
        self.dedupe_ttl = consumer.dedupe_ttl
        self.lease = consumer.lease
        self._offer = consumer._watch.offer
        self._vt = visibility
        self._sqs = sqs
        self._held: dict[str, _Held] = {}  # receipt handle -> held message
        self._to_delete: list[str] = []  # handed to the deleter, not yet sent
        self._unanswered: set[str] = set()  # handed to the deleter, batch not yet answered
        self._answered = asyncio.Event()
        self._delete_wanted = asyncio.Event()
        self._room = asyncio.Event()
        self._slots = asyncio.Semaphore(consumer.concurrency)

    async def run(self, handler: Handler, stop: asyncio.Event | None, idle_exit: float | None) -> None:
        sqs = self._sqs
        tasks: set[asyncio.Task[None]] = set()
        helpers = [
            asyncio.ensure_future(self._deleter(sqs)),
            asyncio.ensure_future(self._heartbeat(sqs)),
        ]
        finished = False
        try:
            await self._receive_loop(sqs, handler, tasks, stop, idle_exit)
            if tasks:
                await asyncio.gather(*tasks)
            await self._drain_deletes()
            finished = True
        finally:
            await self._shutdown(sqs, tasks, helpers, flush=not finished)

    async def _receive_loop(
        self,
        sqs: Any,
        handler: Handler,
        tasks: set[asyncio.Task[None]],
        stop: asyncio.Event | None,
        idle_exit: float | None,
    ) -> None:
        clock = self.clock
        last_activity = clock.monotonic()
        backoff = 0.5
        stop_wait = asyncio.ensure_future(stop.wait()) if stop is not None else None
        try:
            while True:
                if stop is not None and stop.is_set():
                    return
                # Messages already handed to the deleter don't count: the next receive overlaps their delete.
                while len(self._held) - len(self._unanswered) >= self.concurrency:
                    self._room.clear()
                    await self._room.wait()
                wait = self.wait_time
                if idle_exit is not None:
                    if self._held:
                        last_activity = clock.monotonic()
                    left = idle_exit - (clock.monotonic() - last_activity)
                    if left <= 0:
                        return
                    wait = min(wait, max(0, math.ceil(left)))
                receive = asyncio.ensure_future(
                    sqs.receive_message(
                        QueueUrl=self.queue_url,
                        MaxNumberOfMessages=10,
                        WaitTimeSeconds=wait,
                        VisibilityTimeout=self._vt,
                        MessageSystemAttributeNames=["ApproximateReceiveCount"],
                    )
                )
                if stop_wait is not None:
                    await asyncio.wait({receive, stop_wait}, return_when=asyncio.FIRST_COMPLETED)
                    if not receive.done():
                        receive.cancel()  # messages it may have taken come back after the visibility timeout
                        with contextlib.suppress(BaseException):
                            await receive
                        return
                try:
                    response = await receive
                except Exception as exc:
                    self.stats.receive_errors += 1
                    raise_if_permanent(exc)
                    logger.warning("SQS receive failed (%s); retrying in %.1fs", type(exc).__name__, backoff)
                    await clock.sleep(backoff)
                    backoff = min(20.0, backoff * 2)
                    continue
                backoff = 0.5
                for message in response.get("Messages") or ():
                    if self._accept(message, handler, tasks):
                        last_activity = clock.monotonic()
        finally:
            if stop_wait is not None:
                stop_wait.cancel()

    def _accept(self, message: dict[str, Any], handler: Handler, tasks: set[asyncio.Task[None]]) -> bool:
        """Take one received message; True when it is a notification."""
        self.stats.received += 1
        receipt = message["ReceiptHandle"]
        message_id = message.get("MessageId")
        attributes = message.get("Attributes") or {}
        try:
            count = int(attributes.get("ApproximateReceiveCount", 1))
        except (TypeError, ValueError):
            count = 1
        try:
            notification = parse_notification(message.get("Body") or "", message_id=message_id, receive_count=count)
        except NotificationParseError as exc:
            self.stats.unparseable += 1
            logger.error(
                "%s; left in the queue for its redrive policy (dead-letter queue), received %d time(s)", exc, count
            )
            return False
        self._offer(notification)
        self._held[receipt] = _Held(notification.dedupe_key, self.clock.monotonic())
        task = asyncio.ensure_future(self._process(notification, receipt, handler))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return True

    async def _process(self, notification: Notification, receipt: str, handler: Handler) -> None:
        key = notification.dedupe_key
        held = self._held[receipt]
        try:
            state = await self.dedupe.claim(key, self.lease)
        except Exception as exc:
            logger.error("dedupe store failed for notification %s (%s); message left", key, type(exc).__name__)
            self._drop(receipt)
            return
        if state == "done":
            self.stats.duplicates += 1
            logger.debug("notification %s already handled; deleting the duplicate", key)
            self._delete(receipt)
            return
        if state == "busy":
            self.stats.requeued += 1
            logger.debug("notification %s is being handled from another message; this one comes back", key)
            self._drop(receipt)
            return
        held.claimed = True
        try:
            async with self._slots:
                await handler(notification)
        except asyncio.CancelledError:
            await quietly(self.dedupe.release(key))
            raise
        except Exception as exc:
            self.stats.failed += 1
            logger.error(
                "handler failed for notification %s (%s, receive %d): %s: %s; the message stays and comes back",
                notification.notification_id or key,
                notification.notification_type,
                notification.receive_count,
                type(exc).__name__,
                exc,
                exc_info=exc,
            )
            held.claimed = False
            await quietly(self.dedupe.release(key))
            self._drop(receipt)
            return
        self.stats.handled += 1
        held.claimed = False
        await quietly(self.dedupe.complete(key, self.dedupe_ttl))
        self._delete(receipt)

    def _drop(self, receipt: str) -> None:
        """Stop holding a message (it comes back when its visibility timeout ends)."""
        if self._held.pop(receipt, None) is not None:
            self._room.set()

    def _delete(self, receipt: str) -> None:
        self._to_delete.append(receipt)
        self._unanswered.add(receipt)
        self._delete_wanted.set()
        self._room.set()

    # ------------------------------------------------------------------ deleting and extending

    async def _deleter(self, sqs: Any) -> None:
        """One DeleteMessageBatch at a time; what completes meanwhile makes the next batch. While other held
        messages are still being handled, a short batch waits up to :data:`DELETE_LINGER` seconds for them, so a
        received batch is deleted in one call rather than in one call per handler that happened to finish first."""
        loop = asyncio.get_running_loop()
        while True:
            await self._delete_wanted.wait()
            deadline = loop.time() + DELETE_LINGER
            while len(self._to_delete) < 10 and len(self._held) > len(self._unanswered) and loop.time() < deadline:
                self._delete_wanted.clear()
                with contextlib.suppress(asyncio.TimeoutError):  # (not the builtin before Python 3.11)
                    await asyncio.wait_for(self._delete_wanted.wait(), deadline - loop.time())
            batch, self._to_delete = self._to_delete[:10], self._to_delete[10:]
            if not self._to_delete:
                self._delete_wanted.clear()
            if batch:
                await self._delete_batch(sqs, batch)

    async def _delete_batch(self, sqs: Any, batch: list[str]) -> None:
        response = await delete_batch(sqs, self.queue_url, batch, self.clock)
        self.stats.deleted += len(response.get("Successful") or ())
        self.stats.delete_batches += 1 if response.get("Successful") is not None else 0
        for failed in response.get("Failed") or ():
            self.stats.delete_failed += 1
            logger.warning(
                "SQS could not delete a handled message (%s); it comes back and is recognised as a duplicate",
                failed.get("Code"),
            )
        for receipt in batch:
            self._drop(receipt)
            self._unanswered.discard(receipt)
        self._answered.set()

    async def _drain_deletes(self) -> None:
        """Returns once every message handed to the deleter has had its DeleteMessageBatch answered."""
        while self._unanswered:
            self._answered.clear()
            await self._answered.wait()

    async def _heartbeat(self, sqs: Any) -> None:
        """Extends the visibility (and the claim) of every message held for more than a third of the timeout."""
        period = max(0.2, self._vt / 3)
        while True:
            await self.clock.sleep(period)
            now = self.clock.monotonic()
            due = [(r, h) for r, h in self._held.items() if now - h.since >= period]
            for start in range(0, len(due), 10):
                chunk = due[start : start + 10]
                entries = [
                    {"Id": str(i), "ReceiptHandle": r, "VisibilityTimeout": self._vt} for i, (r, _) in enumerate(chunk)
                ]
                try:
                    answer = await sqs.change_message_visibility_batch(QueueUrl=self.queue_url, Entries=entries)
                    await self.dedupe.extend([h.key for _, h in chunk if h.claimed and h.key], self.lease)
                except Exception as exc:
                    logger.warning("could not extend the visibility of %d message(s): %s", len(chunk), exc)
                    continue
                self.stats.extended += len(answer.get("Successful") or ())
                for failed in answer.get("Failed") or ():
                    logger.warning(
                        "visibility not extended (%s): the message may be delivered again", failed.get("Code")
                    )
                for _, held in chunk:
                    held.since = now

    async def _shutdown(
        self, sqs: Any, tasks: set[asyncio.Task[None]], helpers: list[asyncio.Task[None]], *, flush: bool
    ) -> None:
        for task in list(tasks):
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if flush and self._unanswered:
            # Cancelled: the handlers that finished still get their messages deleted (bounded wait).
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._drain_deletes(), timeout=5.0)
        for helper in helpers:
            helper.cancel()
        await asyncio.gather(*helpers, return_exceptions=True)
        leftover = [r for r in self._held if r not in self._unanswered]
        # Unfinished handlers: make their messages visible again right away (best effort).
        await make_visible(sqs, self.queue_url, leftover, timeout=5.0)
        self._held.clear()
        self._to_delete.clear()
        self._unanswered.clear()
        self._delete_wanted.clear()
