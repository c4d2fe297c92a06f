"""``sp.NotificationConsumer``: SP-API notifications from an SQS queue, at least once, each handled once.

How a message travels (asyncio; aiobotocore, extra ``notifications``):

1. One receiver long-polls (``wait_time``) for up to 10 messages whenever fewer than ``concurrency`` are held
   (not counting those already waiting for their delete).
   A body that is not a notification is logged and left alone: it comes back after the visibility timeout and the
   queue's redrive policy moves it to the dead-letter queue; it is never handled nor retried in a tight loop.
2. Each notification takes a claim on its notification id in the dedupe store. ``done`` (handled within
   ``dedupe_ttl``): the message is deleted, the handler is not called. ``busy`` (the same id is being handled from
   another message right now): the message is left and comes back, by then ``done`` or free again.
3. At most ``concurrency`` handlers run at once. While a message is held, a heartbeat extends its visibility (and
   its claim), so a slow handler never sees its message handed to someone else.
4. A handler that returns: its id is remembered as done and the message goes to the deleter, which sends
   DeleteMessageBatch calls (up to 10 entries) one at a time. A handler that raises: the error is logged with the
   notification id, the claim is released and the message is left to come back.
5. ``stop`` (an ``asyncio.Event``) or ``idle_exit`` (seconds without a notification received) end :meth:`run`
   after the handlers in flight have finished and their messages are deleted. Cancelling :meth:`run` cancels the
   handlers; nothing is deleted for a handler that did not finish (those messages are made visible again).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import re
from collections import deque
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, fields
from types import TracebackType
from typing import Any

from ..clock import SYSTEM_CLOCK, Clock
from ..errors import ConfigurationError
from .dedupe import DedupeStore, make_dedupe
from .models import Notification, NotificationParseError, parse_notification

logger = logging.getLogger("spapi_async.notifications")

Handler = Callable[[Notification], Awaitable[None]]

_QUEUE_REGION = re.compile(r"^https?://(?:sqs\.([a-z0-9-]+)\.amazonaws\.com|([a-z0-9-]+)\.queue\.amazonaws\.com)")
_EXTRA = "pip install 'spapi-async[notifications]'"
#: Seconds a short delete batch waits for handlers still running on the same receive (full batches: fewer calls).
DELETE_LINGER = 0.05


@dataclass
class ConsumerStats:
    """Counts since the consumer was created (``consumer.stats``)."""

    received: int = 0  # messages received (every delivery counts)
    handled: int = 0  # handler calls that returned
    failed: int = 0  # handler calls that raised
    duplicates: int = 0  # deleted without a handler call (id already handled)
    requeued: int = 0  # left because the same id was being handled from another message
    unparseable: int = 0  # receipts of bodies that are not notifications
    deleted: int = 0
    delete_batches: int = 0  # DeleteMessageBatch calls answered
    delete_failed: int = 0
    extended: int = 0  # visibility extensions sent by the heartbeat
    receive_errors: int = 0

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class _Held:
    key: str | None  # dedupe key once parsed
    since: float  # received, or last extended (monotonic)
    claimed: bool = False


class NotificationConsumer:
    """Consumes SP-API notifications from the SQS queue ``queue_url`` (see the module docs for the guarantees).

    ``region`` defaults to the queue URL's region; ``endpoint_url`` points at an SQS-compatible server; the AWS
    keys default to the AWS credential chain. ``visibility_timeout`` (seconds) defaults to the queue's own.
    ``dedupe``: None (in process), ``"redis://..."`` (shared by every consumer of the queue) or a store object.
    ``session``: an ``aiobotocore`` session to create the SQS client from.
    """

    def __init__(
        self,
        queue_url: str,
        region: str | None = None,
        endpoint_url: str | None = None,
        aws_access_key: str | None = None,
        aws_secret_key: str | None = None,
        aws_session_token: str | None = None,
        *,
        concurrency: int = 8,
        wait_time: int = 20,
        visibility_timeout: int | None = None,
        dedupe: DedupeStore | str | None = None,
        dedupe_ttl: float = 3600.0,
        clock: Clock | None = None,
        session: Any = None,
    ) -> None:
        if not isinstance(queue_url, str) or not queue_url.startswith(("https://", "http://")):
            raise ConfigurationError(f"queue_url must be an SQS queue URL (https://...), got {queue_url!r}")
        if not isinstance(concurrency, int) or concurrency < 1:
            raise ConfigurationError(f"concurrency must be an integer >= 1, got {concurrency!r}")
        if not isinstance(wait_time, int) or not 0 <= wait_time <= 20:
            raise ConfigurationError(f"wait_time must be an integer from 0 to 20 seconds, got {wait_time!r}")
        if visibility_timeout is not None and (
            not isinstance(visibility_timeout, int) or not 1 <= visibility_timeout <= 43200
        ):
            raise ConfigurationError(f"visibility_timeout must be 1..43200 seconds, got {visibility_timeout!r}")
        if not dedupe_ttl > 0:
            raise ConfigurationError(f"dedupe_ttl must be > 0 seconds, got {dedupe_ttl!r}")
        if (aws_access_key is None) != (aws_secret_key is None):
            raise ConfigurationError("pass both aws_access_key and aws_secret_key, or neither (credential chain)")
        if isinstance(dedupe, str) and not (
            dedupe == "memory" or dedupe.startswith(("redis://", "rediss://", "unix://"))
        ):
            raise ConfigurationError("dedupe must be None, 'memory', a redis:// URL or a dedupe store")
        match = _QUEUE_REGION.match(queue_url)
        self.queue_url = queue_url
        self.region = region or (match.group(1) or match.group(2) if match else None) or "us-east-1"
        self.endpoint_url = endpoint_url
        self.concurrency = concurrency
        self.wait_time = wait_time
        self.visibility_timeout = visibility_timeout
        self.dedupe_ttl = float(dedupe_ttl)
        self.clock = clock or SYSTEM_CLOCK
        self.stats = ConsumerStats()
        self._credentials = (aws_access_key, aws_secret_key, aws_session_token)
        self._dedupe_arg = dedupe
        self._dedupe: DedupeStore | None = None
        self._session = session
        self._stack: AsyncExitStack | None = None
        self._sqs: Any = None
        self._vt = visibility_timeout or 30
        # run() state
        self._running = False
        self._held: dict[str, _Held] = {}  # receipt handle -> held message
        self._to_delete: list[str] = []  # handed to the deleter, not yet sent
        self._unanswered: set[str] = set()  # handed to the deleter, batch not yet answered
        self._answered = asyncio.Event()
        self._delete_wanted = asyncio.Event()
        self._room = asyncio.Event()
        self._waiters: list[tuple[Callable[[Notification], bool], asyncio.Future[Notification]]] = []
        self._recent: deque[Notification] = deque(maxlen=512)
        self._slots = asyncio.Semaphore(concurrency)

    # ------------------------------------------------------------------ lifecycle

    @property
    def is_open(self) -> bool:
        """True inside ``async with consumer:``."""
        return self._sqs is not None

    @property
    def dedupe(self) -> DedupeStore:
        if self._dedupe is None:
            raise RuntimeError("use the consumer as 'async with consumer:' first")
        return self._dedupe

    async def __aenter__(self) -> NotificationConsumer:
        try:
            from aiobotocore.config import AioConfig
            from aiobotocore.session import get_session
        except ImportError as exc:  # pragma: no cover - depends on the installed extras
            raise ConfigurationError(f"NotificationConsumer needs aiobotocore: {_EXTRA}") from exc
        stack = AsyncExitStack()
        try:
            key, secret, token = self._credentials
            session = self._session or get_session()
            self._sqs = await stack.enter_async_context(
                session.create_client(
                    "sqs",
                    region_name=self.region,
                    endpoint_url=self.endpoint_url,
                    aws_access_key_id=key,
                    aws_secret_access_key=secret,
                    aws_session_token=token,
                    config=AioConfig(max_pool_connections=max(10, self.concurrency), retries={"max_attempts": 3}),
                )
            )
            dedupe, owned = make_dedupe(self._dedupe_arg, self.clock)
            if owned:
                stack.push_async_callback(dedupe.aclose)
            self._dedupe = dedupe
            if self.visibility_timeout is None:
                attrs = await self._sqs.get_queue_attributes(
                    QueueUrl=self.queue_url, AttributeNames=["VisibilityTimeout"]
                )
                self._vt = max(1, int(attrs.get("Attributes", {}).get("VisibilityTimeout", 30)))
        except BaseException:
            await stack.aclose()
            raise
        self._stack = stack
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        stack, self._stack = self._stack, None
        if stack is not None:
            await stack.aclose()
        self._sqs = None

    def _client(self) -> Any:
        if self._sqs is None:
            raise RuntimeError("use the consumer as 'async with consumer:' first")
        return self._sqs

    @property
    def lease(self) -> float:
        """How long a claim lives without a heartbeat (a crashed consumer's claims free up after this)."""
        return float(max(2 * self._vt, 10))

    # ------------------------------------------------------------------ run

    async def run(
        self, handler: Handler, stop: asyncio.Event | None = None, idle_exit: float | None = None
    ) -> ConsumerStats:
        """Handle notifications until ``stop`` is set, or ``idle_exit`` seconds pass without one; returns
        :attr:`stats`. ``handler`` is ``async def handler(notification: sp.Notification) -> None``."""
        if not callable(handler):
            raise ConfigurationError("handler must be an async function taking a Notification")
        if idle_exit is not None and not idle_exit > 0:
            raise ConfigurationError(f"idle_exit must be > 0 seconds, got {idle_exit!r}")
        if self._running:
            raise RuntimeError("this consumer is already running")
        sqs = self._client()
        self._running = True
        self._slots = asyncio.Semaphore(self.concurrency)
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
            self._running = False
        return self.stats

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
                    _raise_if_permanent(exc)
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
            await _quietly(self.dedupe.release(key))
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
            await _quietly(self.dedupe.release(key))
            self._drop(receipt)
            return
        self.stats.handled += 1
        held.claimed = False
        await _quietly(self.dedupe.complete(key, self.dedupe_ttl))
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
        entries = [{"Id": str(i), "ReceiptHandle": r} for i, r in enumerate(batch)]
        response: dict[str, Any] = {}
        for attempt in range(3):
            try:
                response = await sqs.delete_message_batch(QueueUrl=self.queue_url, Entries=entries)
                break
            except Exception as exc:
                logger.warning("SQS delete failed (%s), attempt %d of 3", type(exc).__name__, attempt + 1)
                if attempt == 2:
                    response = {"Failed": [{"Id": e["Id"], "Code": type(exc).__name__} for e in entries]}
                else:
                    await self.clock.sleep(0.2 * (attempt + 1))
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
        if leftover:
            # Unfinished handlers: make their messages visible again right away (best effort).
            for start in range(0, len(leftover), 10):
                entries = [
                    {"Id": str(i), "ReceiptHandle": r, "VisibilityTimeout": 0}
                    for i, r in enumerate(leftover[start : start + 10])
                ]
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(
                        sqs.change_message_visibility_batch(QueueUrl=self.queue_url, Entries=entries), timeout=5.0
                    )
        self._held.clear()
        self._to_delete.clear()
        self._unanswered.clear()
        self._delete_wanted.clear()

    # ------------------------------------------------------------------ waiting for one notification

    def _offer(self, notification: Notification) -> None:
        self._recent.append(notification)
        for predicate, future in list(self._waiters):
            if not future.done() and _matches(predicate, notification):
                future.set_result(notification)

    async def wait_for(self, predicate: Callable[[Notification], bool], timeout: float) -> Notification | None:
        """The first notification for which ``predicate`` is true, or None after ``timeout`` seconds.

        While :meth:`run` is going on, this watches what it receives (the handler still gets every notification;
        recent ones count too). Otherwise it receives by itself: the matching message is deleted, the others are
        held while it waits and then made visible again for whoever consumes them.
        """
        if not timeout > 0:
            raise ConfigurationError(f"timeout must be > 0 seconds, got {timeout!r}")
        if self._running:
            for seen in self._recent:
                if _matches(predicate, seen):
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
        return await self._receive_until(predicate, timeout)

    async def _receive_until(self, predicate: Callable[[Notification], bool], timeout: float) -> Notification | None:
        sqs = self._client()
        clock = self.clock
        deadline = clock.monotonic() + timeout
        others: list[str] = []
        try:
            while (left := deadline - clock.monotonic()) > 0:
                try:
                    response = await sqs.receive_message(
                        QueueUrl=self.queue_url,
                        MaxNumberOfMessages=10,
                        WaitTimeSeconds=min(self.wait_time, max(0, math.ceil(left))),
                        VisibilityTimeout=max(self._vt, math.ceil(left)),
                    )
                except Exception as exc:
                    _raise_if_permanent(exc)
                    logger.warning("SQS receive failed while waiting (%s)", type(exc).__name__)
                    await clock.sleep(min(1.0, max(0.0, left)))
                    continue
                found: Notification | None = None
                for message in response.get("Messages") or ():
                    receipt = message["ReceiptHandle"]
                    try:
                        notification = parse_notification(
                            message.get("Body") or "", message_id=message.get("MessageId")
                        )
                    except NotificationParseError:
                        others.append(receipt)
                        continue
                    if found is None and _matches(predicate, notification):
                        found = notification
                        await _quietly(self.dedupe.complete(notification.dedupe_key, self.dedupe_ttl))
                        await sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=receipt)
                    else:
                        others.append(receipt)
                if found is not None:
                    return found
            return None
        finally:
            for start in range(0, len(others), 10):
                entries = [
                    {"Id": str(i), "ReceiptHandle": r, "VisibilityTimeout": 0}
                    for i, r in enumerate(others[start : start + 10])
                ]
                with contextlib.suppress(Exception):
                    await sqs.change_message_visibility_batch(QueueUrl=self.queue_url, Entries=entries)

    def __repr__(self) -> str:
        return (
            f"NotificationConsumer({self.queue_url!r}, region={self.region!r}, endpoint_url={self.endpoint_url!r}, "
            f"concurrency={self.concurrency}, dedupe={self._dedupe or self._dedupe_arg!r})"
        )


def _matches(predicate: Callable[[Notification], bool], notification: Notification) -> bool:
    try:
        return bool(predicate(notification))
    except Exception:  # a predicate that cannot read this notification does not match it
        return False


async def _quietly(awaitable: Awaitable[None]) -> None:
    try:
        await awaitable
    except Exception as exc:
        logger.warning("dedupe store: %s: %s", type(exc).__name__, exc)


def _raise_if_permanent(exc: Exception) -> None:
    """Errors no retry will fix (no such queue, access denied, bad request) end the consumer."""
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return
    status = (response.get("ResponseMetadata") or {}).get("HTTPStatusCode")
    code = str((response.get("Error") or {}).get("Code") or "")
    if isinstance(status, int) and 400 <= status < 500 and status != 429 and "Throttl" not in code:
        raise exc
