"""A small loopback SP-API stand-in that enforces usage plans, for ``benchmarks/scheduler.py``.

It serves ``getOrders`` (pages of ``page_size`` orders, ``NextToken`` pagination), ``getOrderItems`` and an LWA
token endpoint over HTTP/1.1 keep-alive, and enforces each operation's usage plan with a server-side token bucket
running ``time_scale`` times faster than Amazon's (rate x K, same burst), answering 429 with Amazon's error body
when a bucket is empty. It runs in its own process so the client's CPU use cannot distort its clock.

``GET /_stats`` returns what it saw: requests and 429s per operation and how often each order's items were served.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

PLANS = {"getOrders": (0.0167, 20), "getOrderItems": (0.5, 30)}
THROTTLED_BODY = json.dumps(
    {"errors": [{"code": "QuotaExceeded", "message": "You exceeded your quota for the requested resource."}]}
).encode()


class _Bucket:
    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.stamp = float(burst), time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class PlanServer:
    def __init__(self, orders: int, page_size: int, time_scale: float) -> None:
        self.order_ids = [f"902-{i // 10_000_000:07d}-{i % 10_000_000:07d}" for i in range(orders)]
        self.page_size = page_size
        self.time_scale = time_scale
        self.buckets = {op: _Bucket(rate * time_scale, burst) for op, (rate, burst) in PLANS.items()}
        self.requests = dict.fromkeys(PLANS, 0)
        self.throttled = dict.fromkeys(PLANS, 0)
        self.items_served: dict[str, int] = {}
        self.first_request: float | None = None
        self.last_request = 0.0

    def handle(self, method: str, target: str) -> tuple[int, dict[str, str], bytes]:
        url = urlsplit(target)
        path = url.path
        if method == "POST" and path == "/auth/o2/token":
            body = {"access_token": "Atza|bench", "token_type": "bearer", "expires_in": 3600}
            return 200, {}, json.dumps(body).encode()
        if path == "/_stats":
            stats = {
                "requests": self.requests,
                "throttled": self.throttled,
                "items_served": self.items_served,
                "orders": len(self.order_ids),
                "first_request": self.first_request,
                "last_request": self.last_request,
            }
            return 200, {}, json.dumps(stats).encode()
        if path == "/_reset":
            self.__init__(len(self.order_ids), self.page_size, self.time_scale)  # type: ignore[misc]
            return 200, {}, b"{}"
        parts = [p for p in path.split("/") if p]
        if parts[:3] == ["orders", "v0", "orders"] and len(parts) == 3:
            op = "getOrders"
        elif parts[:3] == ["orders", "v0", "orders"] and len(parts) == 5 and parts[4] == "orderItems":
            op = "getOrderItems"
        else:
            return 404, {}, b'{"errors":[{"code":"NotFound","message":"no such resource"}]}'
        now = time.monotonic()
        if self.first_request is None:
            self.first_request = now
        self.last_request = now
        self.requests[op] += 1
        headers = {"x-amzn-RateLimit-Limit": f"{PLANS[op][0] * self.time_scale:g}"}
        if not self.buckets[op].take():
            self.throttled[op] += 1
            return 429, headers, THROTTLED_BODY
        if op == "getOrders":
            query = parse_qs(url.query)
            start = int(query.get("NextToken", ["0"])[0])
            ids = self.order_ids[start : start + self.page_size]
            payload: dict[str, Any] = {"Orders": [{"AmazonOrderId": oid, "OrderStatus": "Shipped"} for oid in ids]}
            if start + self.page_size < len(self.order_ids):
                payload["NextToken"] = str(start + self.page_size)
            return 200, headers, json.dumps({"payload": payload}).encode()
        order_id = parts[3]
        self.items_served[order_id] = self.items_served.get(order_id, 0) + 1
        items = [{"ASIN": f"B0{n:08d}", "OrderItemId": f"{order_id}-{n}", "QuantityOrdered": 1} for n in range(2)]
        return 200, headers, json.dumps({"payload": {"AmazonOrderId": order_id, "OrderItems": items}}).encode()

    async def connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                length = 0
                for line in lines[1:]:
                    if line[:15].lower() == "content-length:":
                        length = int(line[15:])
                if length:
                    await reader.readexactly(length)
                status, headers, body = self.handle(method, target)
                reason = {200: "OK", 404: "Not Found", 429: "Too Many Requests"}[status]
                extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
                writer.write(
                    f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n"
                    f"x-amzn-RequestId: bench\r\n{extra}content-length: {len(body)}\r\n\r\n".encode()
                    + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


def _serve(orders: int, page_size: int, time_scale: float, port_pipe: Any) -> None:
    async def main() -> None:
        server = PlanServer(orders, page_size, time_scale)
        srv = await asyncio.start_server(server.connection, "127.0.0.1", 0, backlog=1024)
        port_pipe.send(srv.sockets[0].getsockname()[1])
        async with srv:
            await srv.serve_forever()

    asyncio.run(main())


class ServerProcess:
    """Runs :class:`PlanServer` in a child process on 127.0.0.1; ``base_url`` once started."""

    def __init__(self, orders: int, page_size: int, time_scale: float) -> None:
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self._process = ctx.Process(target=_serve, args=(orders, page_size, time_scale, child), daemon=True)
        self._process.start()
        if not parent.poll(30):
            self._process.kill()
            raise RuntimeError("the benchmark server did not start")
        self.base_url = f"http://127.0.0.1:{parent.recv()}"

    def stop(self) -> None:
        self._process.kill()
        self._process.join(5)
