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
import re
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, fields
from types import TracebackType
from typing import Any

from ..clock import SYSTEM_CLOCK, Clock
from ..errors import ConfigurationError
from .consumer_run import DELETE_LINGER, ConsumerRun, Handler
from .dedupe import DedupeStore, make_dedupe
from .models import Notification
from .watch import Watch, receive_until

__all__ = ["DELETE_LINGER", "ConsumerStats", "Handler", "NotificationConsumer"]

_QUEUE_REGION = re.compile(r"^https?://(?:sqs\.([a-z0-9-]+)\.amazonaws\.com|([a-z0-9-]+)\.queue\.amazonaws\.com)")
_EXTRA = "pip install 'spapi-async[notifications]'"


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
        self._running = False
        self._watch = Watch()  # what run() receives, for wait_for

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
        try:
            await ConsumerRun(self, sqs, self._vt).run(handler, stop, idle_exit)
        finally:
            self._running = False
        return self.stats

    # ------------------------------------------------------------------ waiting for one notification

    async def wait_for(self, predicate: Callable[[Notification], bool], timeout: float) -> Notification | None:
        """The first notification for which ``predicate`` is true, or None after ``timeout`` seconds.

        While :meth:`run` is going on, this watches what it receives (the handler still gets every notification;
        recent ones count too). Otherwise it receives by itself: the matching message is deleted, the others are
        held while it waits and then made visible again for whoever consumes them.
        """
        if not timeout > 0:
            raise ConfigurationError(f"timeout must be > 0 seconds, got {timeout!r}")
        if self._running:
            return await self._watch.wait(predicate, timeout)
        return await receive_until(
            self._client(),
            self.queue_url,
            predicate,
            timeout,
            clock=self.clock,
            wait_time=self.wait_time,
            visibility=self._vt,
            dedupe=self.dedupe,
            dedupe_ttl=self.dedupe_ttl,
        )

    def __repr__(self) -> str:
        return (
            f"NotificationConsumer({self.queue_url!r}, region={self.region!r}, endpoint_url={self.endpoint_url!r}, "
            f"concurrency={self.concurrency}, dedupe={self._dedupe or self._dedupe_arg!r})"
        )
