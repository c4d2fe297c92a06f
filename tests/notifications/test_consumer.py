"""sp.NotificationConsumer against moto's SQS server (real HTTP, real queues).

moto 5.x quirks these tests are shaped around (see the module notes in tests/notifications/sqs.py):
- each ReceiveMessage costs CPU in proportion to the queue length, so the suite's at-least-once test uses 200
  messages (the 1,000-message bar runs in ``benchmarks/notifications.py``);
- two concurrent DeleteMessageBatch calls may lose each other's deletes: one consumer sends them one at a time by
  design, and the two-consumer test checks "handled once" (the dedupe store's job) separately from "queue
  empty", which a single consumer checks at the end.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from typing import Any

import pytest

import spapi_async as sp

from .sqs import KEYS, create_queue, order_change, queue_depth, send_bodies

UNPARSEABLE = "this is not a notification {"


def _consumer(queue: str, endpoint: str, **kw: Any) -> sp.NotificationConsumer:
    kw.setdefault("wait_time", 1)
    return sp.NotificationConsumer(queue, endpoint_url=endpoint, **KEYS, **kw)


async def test_at_least_once_duplicates_failures_and_a_poison_message(
    sqs: Any, sqs_endpoint: str, caplog: pytest.LogCaptureFixture
) -> None:
    """100 messages: 89 distinct notifications, 10 duplicates by notification id, one unparseable body; the
    handler fails once for 6 of them. Every distinct one is handled exactly once, the failing ones are seen
    again and succeed, and only the unparseable message is left."""
    queue = await create_queue(sqs, visibility_timeout=1)
    ids = [f"nid-{i:04d}" for i in range(89)]
    bodies = [order_change(nid, f"111-{i:07d}") for i, nid in enumerate(ids)]
    bodies += [order_change(ids[i * 7], f"111-{i * 7:07d}") for i in range(10)]  # duplicates by id
    bodies.insert(50, UNPARSEABLE)
    assert await send_bodies(sqs, queue, bodies) == 100
    flaky = set(ids[3::14][:6])
    calls: Counter[str] = Counter()
    succeeded: Counter[str] = Counter()

    async def handler(n: sp.Notification) -> None:
        assert n.notification_id is not None
        calls[n.notification_id] += 1
        if n.notification_id in flaky and calls[n.notification_id] == 1:
            raise RuntimeError("first attempt fails")
        await asyncio.sleep(0)
        succeeded[n.notification_id] += 1

    caplog.set_level(logging.ERROR, logger="spapi_async.notifications")
    async with _consumer(queue, sqs_endpoint, concurrency=8) as consumer:
        stats = await asyncio.wait_for(consumer.run(handler, idle_exit=3), 120)

    assert set(succeeded) == set(ids)
    assert max(succeeded.values()) == 1  # exactly once each
    assert {nid for nid, c in calls.items() if c == 2} == flaky  # failed once, seen again
    assert all(calls[nid] == 1 for nid in set(ids) - flaky)
    assert stats.handled == 89
    assert stats.failed == 6
    assert stats.duplicates + stats.requeued >= 10
    assert stats.unparseable >= 1
    failures = [r.getMessage() for r in caplog.records if "handler failed" in r.getMessage()]
    assert len(failures) == 6
    assert all(any(nid in msg for nid in flaky) for msg in failures)
    assert any("not JSON" in r.getMessage() for r in caplog.records)
    # Only the poison message is left (visible or not yet back from its visibility timeout).
    visible, in_flight = await queue_depth(sqs, queue)
    assert visible + in_flight == 1
    await asyncio.sleep(1.1)
    left = await sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=1)
    assert [m["Body"] for m in left["Messages"]] == [UNPARSEABLE]


async def test_a_received_batch_is_deleted_in_one_call(sqs: Any, sqs_endpoint: str) -> None:
    """Ten messages received together and handled at once go out in one DeleteMessageBatch, not one per handler
    that happened to finish first (each SQS call costs; moto's grows with the queue)."""
    queue = await create_queue(sqs, visibility_timeout=30)
    await send_bodies(sqs, queue, [order_change(f"b{i}", f"111-000{i}") for i in range(10)])
    handled: list[str] = []

    async def handler(n: sp.Notification) -> None:
        await asyncio.sleep(0.004 * int(n.notification_id[1:]))  # they finish one after another, 4 ms apart
        handled.append(str(n.notification_id))

    async with _consumer(queue, sqs_endpoint, concurrency=10) as consumer:
        stats = await asyncio.wait_for(consumer.run(handler, idle_exit=1.5), 60)
    assert sorted(handled) == sorted(f"b{i}" for i in range(10))
    assert stats.deleted == 10
    assert stats.delete_batches <= 2  # one, or two if SQS split the ten over two receives


async def test_a_slow_handler_keeps_its_message_invisible(sqs: Any, sqs_endpoint: str) -> None:
    queue = await create_queue(sqs, visibility_timeout=1)
    await send_bodies(sqs, queue, [order_change("slow-1", "111-0000001")])
    calls: list[str] = []
    handling = asyncio.Event()

    async def handler(n: sp.Notification) -> None:
        calls.append(str(n.notification_id))
        handling.set()
        await asyncio.sleep(3.5)  # more than three visibility timeouts

    # A second consumer polls the same queue meanwhile (from the moment the first one holds the message, so the
    # two do not race for the first receive): it would get the message if the heartbeat stopped.
    other_calls: list[str] = []

    async def other(n: sp.Notification) -> None:
        other_calls.append(str(n.notification_id))

    async with _consumer(queue, sqs_endpoint) as a, _consumer(queue, sqs_endpoint) as b:

        async def second() -> Any:
            await handling.wait()
            return await b.run(other, idle_exit=4.5)

        stats, _ = await asyncio.wait_for(asyncio.gather(a.run(handler, idle_exit=2), second()), 60)
    assert calls == ["slow-1"]
    assert other_calls == []
    assert stats.extended >= 2
    assert await queue_depth(sqs, queue) == (0, 0)


async def test_stop_finishes_in_flight_handlers_and_deletes_their_messages(sqs: Any, sqs_endpoint: str) -> None:
    queue = await create_queue(sqs, visibility_timeout=30)
    await send_bodies(sqs, queue, [order_change(f"s{i}", f"111-{i}") for i in range(5)])
    stop = asyncio.Event()
    done: list[str] = []
    release = asyncio.Event()

    async def handler(n: sp.Notification) -> None:
        stop.set()  # asked to stop while handlers are running
        await release.wait()
        done.append(str(n.notification_id))

    async with _consumer(queue, sqs_endpoint, concurrency=5) as consumer:
        run = asyncio.ensure_future(consumer.run(handler, stop=stop))
        await stop.wait()
        await asyncio.sleep(0.2)
        assert not run.done()  # waits for the handlers in flight
        release.set()
        stats = await asyncio.wait_for(run, 30)
    assert len(done) == stats.handled >= 1
    assert stats.deleted == len(done)
    visible, in_flight = await queue_depth(sqs, queue)
    assert visible + in_flight == 5 - len(done)


async def test_cancelling_run_deletes_nothing_for_unfinished_handlers(sqs: Any, sqs_endpoint: str) -> None:
    queue = await create_queue(sqs, visibility_timeout=30)
    await send_bodies(sqs, queue, [order_change("c1", "111-1")])
    started = asyncio.Event()
    finished: list[str] = []

    async def handler(n: sp.Notification) -> None:
        started.set()
        await asyncio.sleep(3600)
        finished.append("never")

    async with _consumer(queue, sqs_endpoint) as consumer:
        run = asyncio.ensure_future(consumer.run(handler))
        await asyncio.wait_for(started.wait(), 30)
        run.cancel()
        with pytest.raises(asyncio.CancelledError):
            await run
    assert finished == []
    # Not deleted, and made visible again at once (the queue's timeout is 30 s).
    assert await queue_depth(sqs, queue) == (1, 0)
    left = await sqs.receive_message(QueueUrl=queue, WaitTimeSeconds=1)
    assert json.loads(left["Messages"][0]["Body"])["NotificationMetadata"]["NotificationId"] == "c1"


async def test_two_consumers_share_a_redis_dedupe_store(sqs: Any, sqs_endpoint: str, redis_url: str) -> None:
    """Copies of the same notification arrive at two consumers; each id is handled once in all."""
    import uuid

    queue = await create_queue(sqs, visibility_timeout=1)
    ids = [f"r-{i}" for i in range(20)]
    bodies = [order_change(nid, f"111-{i}") for i, nid in enumerate(ids)] * 3  # every id three times
    await send_bodies(sqs, queue, bodies)
    calls: Counter[str] = Counter()

    async def handler(n: sp.Notification) -> None:
        calls[str(n.notification_id)] += 1
        await asyncio.sleep(0.01)

    dedupe = f"{redis_url.rstrip('/')}"
    namespace = f"t{uuid.uuid4().hex[:8]}"
    stores = [sp.RedisDedupe(dedupe, namespace=namespace) for _ in range(2)]
    try:
        async with (
            _consumer(queue, sqs_endpoint, dedupe=stores[0]) as a,
            _consumer(queue, sqs_endpoint, dedupe=stores[1]) as b,
        ):
            await asyncio.wait_for(asyncio.gather(a.run(handler, idle_exit=3), b.run(handler, idle_exit=3)), 120)
        assert calls == Counter({nid: 1 for nid in ids})
        # Two consumers delete concurrently, which moto may lose; a last single consumer finds only duplicates.
        async with _consumer(queue, sqs_endpoint, dedupe=stores[0]) as last:
            await asyncio.wait_for(last.run(handler, idle_exit=2.5), 60)
        assert calls == Counter({nid: 1 for nid in ids})
        assert await queue_depth(sqs, queue) == (0, 0)
    finally:
        for store in stores:
            await store.aclose()


async def test_wait_for_outside_run_takes_the_match_and_releases_the_rest(sqs: Any, sqs_endpoint: str) -> None:
    queue = await create_queue(sqs, visibility_timeout=30)
    await send_bodies(sqs, queue, [order_change(f"w{i}", f"111-{i}") for i in range(4)])
    async with _consumer(queue, sqs_endpoint) as consumer:
        found = await consumer.wait_for(lambda n: n.notification_id == "w2", timeout=10)
        missing = await consumer.wait_for(lambda n: n.notification_id == "nope", timeout=1.5)
    assert found is not None
    assert found.notification_id == "w2"
    assert missing is None
    assert await queue_depth(sqs, queue) == (3, 0)  # the others are visible again for their consumers


async def test_bad_settings_fail_before_any_request() -> None:
    with pytest.raises(sp.ConfigurationError):
        sp.NotificationConsumer("not-a-url")
    with pytest.raises(sp.ConfigurationError):
        sp.NotificationConsumer("http://127.0.0.1:1/1/q", concurrency=0)
    with pytest.raises(sp.ConfigurationError):
        sp.NotificationConsumer("http://127.0.0.1:1/1/q", wait_time=21)
    with pytest.raises(sp.ConfigurationError):
        sp.NotificationConsumer("http://127.0.0.1:1/1/q", aws_access_key="AKIA")
    with pytest.raises(sp.ConfigurationError):
        sp.NotificationConsumer("http://127.0.0.1:1/1/q", dedupe="memcached://x")
    consumer = sp.NotificationConsumer(
        "https://sqs.eu-west-1.amazonaws.com/1/q", aws_access_key="AKIAEXAMPLE", aws_secret_key="very-secret-key"
    )
    assert consumer.region == "eu-west-1"  # from the queue URL
    assert "very-secret-key" not in repr(consumer) and "AKIAEXAMPLE" not in repr(consumer)
