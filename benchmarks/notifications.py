"""Notifications: sp.NotificationConsumer against a bare aiobotocore receive/delete loop, and the at-least-once bar.

An SQS-compatible server (moto's server mode) runs in a separate process on 127.0.0.1, so its CPU is not the
client's. Each round fills a fresh queue with ``--messages`` Amazon-shaped ORDER_CHANGE notifications (2 % of them
duplicates by notification id) plus one unparseable body, then drains it with:

* ``bare-aiobotocore``  ReceiveMessage (10, long poll) → json.loads → DeleteMessageBatch, one after the other;
* ``spapi_async``       ``NotificationConsumer.run()`` (typed parsing, dedupe claims, heartbeat, batch deletes).

Rounds alternate between the two (``--repeat`` each); the table shows the median drain time and throughput, and
the ratio spapi_async / bare (the bar: >= 0.9). moto's ReceiveMessage costs CPU in proportion to the queue length
(about 0.8 s per call with 1,000 messages queued), so both loops spend most of their time waiting for the server;
the ratio, measured in the same run, is what compares them.

Then the bar run (``--bar``, on by default): the same queue contents with a 2 s visibility timeout and a handler
that fails once for 50 notifications; checks that every distinct notification is handled exactly once, the 50 are
seen again and succeed, and only the unparseable message is left.

Run: ``python benchmarks/notifications.py [--messages 1000] [--repeat 2] [--no-bar]``. Prints a table and writes
``benchmarks/results/notifications.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"
REGION = "us-east-1"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
ROUND_TIMEOUT = 900.0  # seconds per drain; every loop below is also bounded in count

SERVER = """
import sys
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=int(sys.argv[1]), verbose=False)
server.start()
print("ready", flush=True)
sys.stdin.read()
server.stop()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server() -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    if proc.stdout.readline().strip() != "ready":
        raise RuntimeError("moto server did not start")
    return proc, f"http://127.0.0.1:{port}"


def bodies(messages: int) -> tuple[list[str], int, int]:
    """``messages`` bodies: distinct notifications, 2 % duplicates by id, one unparseable. Returns
    (bodies, distinct, duplicates)."""
    from tests.notifications.sqs import order_change

    duplicates = max(1, messages // 50)
    distinct = messages - duplicates - 1
    out = [order_change(f"bench-{i:06d}", f"111-{i:07d}") for i in range(distinct)]
    out += [order_change(f"bench-{i * 3:06d}", f"111-{i * 3:07d}") for i in range(duplicates)]
    out.insert(len(out) // 2, "not a notification {")
    return out, distinct, duplicates


async def fill(sqs: Any, visibility: int, contents: list[str]) -> str:
    queue = (
        await sqs.create_queue(
            QueueName=f"bench-{uuid.uuid4().hex[:10]}", Attributes={"VisibilityTimeout": str(visibility)}
        )
    )["QueueUrl"]
    for start in range(0, len(contents), 10):
        chunk = contents[start : start + 10]
        await sqs.send_message_batch(
            QueueUrl=queue, Entries=[{"Id": str(i), "MessageBody": b} for i, b in enumerate(chunk)]
        )
    return str(queue)


async def depth(sqs: Any, queue: str) -> int:
    a = (
        await sqs.get_queue_attributes(
            QueueUrl=queue,
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )
    )["Attributes"]
    return int(a["ApproximateNumberOfMessages"]) + int(a["ApproximateNumberOfMessagesNotVisible"])


async def bare(sqs: Any, queue: str, total: int) -> float:
    """The baseline: receive, parse, delete the batch; until every message is deleted."""
    deleted = 0
    started = time.perf_counter()
    for _ in range(total * 2):  # bounded
        got = await sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=1)
        messages = got.get("Messages") or []
        for m in messages:
            with contextlib.suppress(ValueError):
                json.loads(m["Body"])
        if messages:
            answer = await sqs.delete_message_batch(
                QueueUrl=queue,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)],
            )
            deleted += len(answer.get("Successful") or [])
        if deleted >= total:
            break
    return time.perf_counter() - started


async def consumer_drain(endpoint: str, queue: str, processable: int) -> tuple[float, dict[str, int]]:
    import spapi_async as sp

    handled: Counter[str] = Counter()

    async def handler(n: sp.Notification) -> None:
        handled[str(n.notification_id)] += 1

    stop = asyncio.Event()
    async with sp.NotificationConsumer(
        queue,
        endpoint_url=endpoint,
        aws_access_key="testing",
        aws_secret_key="testing",
        wait_time=1,
        concurrency=10,
    ) as consumer:

        async def watch() -> None:
            while consumer.stats.deleted < processable:  # noqa: ASYNC110 (the benchmark only watches)
                await asyncio.sleep(0.01)
            stop.set()

        started = time.perf_counter()
        watcher = asyncio.ensure_future(watch())
        stats = await consumer.run(handler, stop=stop)
        elapsed = time.perf_counter() - started
        watcher.cancel()
    return elapsed, stats.as_dict()


async def bar(endpoint: str, sqs: Any, messages: int) -> dict[str, Any]:
    import spapi_async as sp

    contents, distinct, duplicates = bodies(messages)
    queue = await fill(sqs, 2, contents)
    ids = [f"bench-{i:06d}" for i in range(distinct)]
    flaky = set(ids[7::19][:50])
    calls: Counter[str] = Counter()
    succeeded: Counter[str] = Counter()

    async def handler(n: sp.Notification) -> None:
        nid = str(n.notification_id)
        calls[nid] += 1
        if nid in flaky and calls[nid] == 1:
            raise RuntimeError("fails once")
        succeeded[nid] += 1

    import logging

    logging.getLogger("spapi_async.notifications").setLevel(logging.CRITICAL)  # 50 expected handler errors
    started = time.perf_counter()
    async with sp.NotificationConsumer(
        queue, endpoint_url=endpoint, aws_access_key="testing", aws_secret_key="testing", wait_time=1
    ) as consumer:
        stats = await asyncio.wait_for(consumer.run(handler, idle_exit=5), ROUND_TIMEOUT)
    elapsed = time.perf_counter() - started
    left = await depth(sqs, queue)
    await asyncio.sleep(2.2)
    rest = await sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=1)
    left_bodies = [m["Body"] for m in rest.get("Messages") or []]
    checks = {
        "every distinct notification handled exactly once": set(succeeded) == set(ids) and max(succeeded.values()) == 1,
        "the 50 failing-once notifications were seen again and succeeded": {n for n, c in calls.items() if c == 2}
        == flaky
        and all(succeeded[n] == 1 for n in flaky),
        "queue empty apart from the unparseable message": left == 1 and left_bodies == ["not a notification {"],
        "the unparseable message was never handled": "None" not in calls,
    }
    return {
        "messages": messages,
        "distinct": distinct,
        "duplicates": duplicates,
        "seconds": round(elapsed, 2),
        "stats": stats.as_dict(),
        "checks": checks,
        "passed": all(checks.values()),
    }


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    from aiobotocore.session import get_session

    proc, endpoint = start_server()
    try:
        async with get_session().create_client("sqs", region_name=REGION, endpoint_url=endpoint, **KEYS) as sqs:
            contents, distinct, duplicates = bodies(args.messages)
            rounds: dict[str, list[float]] = {"bare-aiobotocore": [], "spapi_async": []}
            consumer_stats: list[dict[str, int]] = []
            for r in range(args.repeat):
                order = ["bare-aiobotocore", "spapi_async"] if r % 2 == 0 else ["spapi_async", "bare-aiobotocore"]
                for variant in order:
                    queue = await fill(sqs, 30, contents)
                    if variant == "bare-aiobotocore":
                        elapsed = await asyncio.wait_for(bare(sqs, queue, len(contents)), ROUND_TIMEOUT)
                    else:
                        elapsed, stats = await asyncio.wait_for(
                            consumer_drain(endpoint, queue, len(contents) - 1), ROUND_TIMEOUT
                        )
                        consumer_stats.append(stats)
                    rounds[variant].append(elapsed)
                    print(f"  round {r + 1} {variant}: {elapsed:.2f} s", file=sys.stderr, flush=True)
            result: dict[str, Any] = {
                "messages": len(contents),
                "distinct": distinct,
                "duplicates": duplicates,
                "repeat": args.repeat,
                "variants": {
                    name: {
                        "median_s": round(statistics.median(times), 3),
                        "msgs_per_s": round(len(contents) / statistics.median(times), 1),
                        "runs_s": [round(t, 3) for t in times],
                    }
                    for name, times in rounds.items()
                },
                "consumer_stats": consumer_stats,
            }
            bare_rate = result["variants"]["bare-aiobotocore"]["msgs_per_s"]
            ours = result["variants"]["spapi_async"]["msgs_per_s"]
            result["ratio"] = round(ours / bare_rate, 3)
            if args.bar:
                result["bar"] = await bar(endpoint, sqs, args.messages)
            return result
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-bar", dest="bar", action="store_false")
    args = parser.parse_args()
    if not 10 <= args.messages <= 5000 or not 1 <= args.repeat <= 10:
        parser.error("--messages must be 10..5000 and --repeat 1..10")
    result = asyncio.run(main_async(args))
    result["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()}
    print(f"\nnotifications: {result['messages']} messages ({result['duplicates']} duplicates, 1 unparseable), "
          f"moto server in its own process, median of {result['repeat']}")  # fmt: skip
    print(f"{'variant':<20}{'median s':>10}{'msgs/s':>10}")
    for name, v in result["variants"].items():
        print(f"{name:<20}{v['median_s']:>10.2f}{v['msgs_per_s']:>10.1f}")
    print(f"ratio spapi_async / bare: {result['ratio']:.3f} (bar: >= 0.9)")
    if "bar" in result:
        b = result["bar"]
        print(f"bar run ({b['messages']} messages, 50 failing once, {b['seconds']} s):")
        for name, ok in b["checks"].items():
            print(f"  [{'ok' if ok else 'FAIL'}] {name}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "notifications.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS / 'notifications.json'}")
    return 0 if result["ratio"] >= 0.9 and result.get("bar", {}).get("passed", True) else 1


if __name__ == "__main__":
    raise SystemExit(main())
