"""P6: one selling partner's quota shared by 4 processes, with RedisLimiter versus an in-memory limiter per process.

The emulator (``spapi_async.emulator.Emulator``, served on loopback by this process) enforces Amazon's published
plans for getOrders (0.0167 rps, burst 20) and getOrderItems (0.5 rps, burst 30), both sped up by a time scale K,
with a token bucket of its own per application + selling partner + operation - the way Amazon counts, whichever
process calls - and answers 429 past them. Four worker processes, one identity, pull orders and order items as fast
as their limiter lets them for ``--seconds``; each runs 2 getOrders loops and 8 getOrderItems loops through
``SPAPIClient``.

Run twice: with ``sp.RedisLimiter`` + ``sp.RedisTokenStore`` (one shared quota and one LWA token for all), then
with ``sp.Limiter`` in each process (each believes it has the whole plan). Reported per run and operation:
requests granted, 429s answered by the server, and utilisation = granted / most the plan allows over the run
(``burst + rate * duration``), measured at the server. Targets for the shared run: 0 429s, utilisation >= 0.95.

    python benchmarks/distributed.py [--scale 60] [--seconds 30] [--processes 4] [--redis-url redis://...]

Without ``--redis-url`` (or ``SPAPI_TEST_REDIS_URL``) a ``redis-server`` from PATH is started on a free loopback
port for the run. Prints a table and writes ``benchmarks/results/distributed.json``.

``--cluster``: the same on a 3-node Redis Cluster (``SPAPI_TEST_REDIS_CLUSTER_URL``, else three ``redis-server
--cluster-enabled yes`` started on loopback and joined with ``redis-cli --cluster create``), RedisLimiter only
unless ``--modes`` says otherwise. ``--node-down T`` (with ``--cluster``) kills the second node T seconds into the
run and starts it again 3 s later: calls go on in process meanwhile and return to Redis by themselves.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: Amazon's published plans (requests per second, burst) for the two operations.
PLANS = {
    "orders_v0.get_orders": (0.0167, 20),
    "orders_v0.get_order_items": (0.5, 30),
}
CLIENT_ID = "amzn1.application-oa2-client.bench"
CLIENT_SECRET = "bench-client-secret"
REFRESH_TOKEN = "Atzr|bench-refresh-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ---------------------------------------------------------------------------------------------- the workers


async def worker(
    base: str, mode: str, redis_url: str, namespace: str, scale: float, seconds: float, warm: bool
) -> dict[str, Any]:
    import spapi_async as sp

    overrides = {op: sp.UsagePlan(rate * scale, burst) for op, (rate, burst) in PLANS.items()}
    closers: list[Any] = []
    if mode == "redis":
        limiter: Any = sp.RedisLimiter(redis_url, namespace=namespace, overrides=overrides)
        store: Any = sp.RedisTokenStore(redis_url, namespace=namespace)
        closers += [limiter, store]
    else:
        limiter = sp.Limiter(overrides)
        store = None
    client = sp.SPAPIClient(
        CLIENT_ID,
        CLIENT_SECRET,
        REFRESH_TOKEN,
        endpoint=base,
        lwa_endpoint=base + "/auth/o2/token",
        limiter=limiter,
        token_store=store,
        use_rdt=False,
        retry=sp.RetryPolicy(max_attempts=5),
    )
    counts = {"ok": 0, "failed": 0}
    order_ids: list[str] = []  # not fetched yet
    seen: list[str] = []  # fetched once: asked again when the pages run dry
    first_page = asyncio.Event()
    again = itertools.count()
    deadline = time.monotonic() + seconds

    params = {"MarketplaceIds": "ATVPDKIKX0DER", "CreatedAfter": "2000-01-01T00:00:00Z"}

    async def pull_orders() -> None:
        next_token: str | None = None
        while time.monotonic() < deadline:
            query = {"MarketplaceIds": "ATVPDKIKX0DER", "NextToken": next_token} if next_token else params
            try:
                response = await client.request("GET", "/orders/v0/orders", params=query)
                payload = response.json()["payload"]
                ids = [o["AmazonOrderId"] for o in payload["Orders"]]
                order_ids.extend(ids)
                seen.extend(ids)
                first_page.set()
                next_token = payload.get("NextToken")  # from the start again after the last page
                counts["ok"] += 1
            except sp.SPAPIError:
                counts["failed"] += 1

    async def pull_items() -> None:
        while time.monotonic() < deadline:
            await first_page.wait()
            order_id = order_ids.pop() if order_ids else seen[next(again) % len(seen)]
            try:
                await client.request("GET", f"/orders/v0/orders/{order_id}/orderItems")
                counts["ok"] += 1
            except sp.SPAPIError:
                counts["failed"] += 1

    async with client:
        # Warm-up, outside the measured run: the LWA token (fetched once for all processes with the Redis store)
        # and, unless --cold, one HTTP and one Redis connection per task, so that the first burst is not held up
        # between the limiter's grant and its arrival at the server by connection setup on a busy machine.
        await client.transport.auth.lwa.access_token(client.transport)  # type: ignore[attr-defined]
        if warm:
            http = client.transport.http
            await asyncio.gather(*(http.get(base + "/__stats") for _ in range(10)))
            for redis_client in {id(c.redis): c.redis for c in closers}.values():
                await asyncio.gather(*(redis_client.ping() for _ in range(10)))
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        deadline = time.monotonic() + seconds
        tasks = [pull_orders() for _ in range(2)] + [pull_items() for _ in range(8)]
        await asyncio.gather(*tasks)
        stats = {k: dict(v) if isinstance(v, dict) else _as_dict(v) for k, v in client.limiter.stats().items()}
    for closer in closers:
        await closer.aclose()
    return {"counts": counts, "stats": stats}


def _as_dict(value: Any) -> dict[str, Any]:
    from dataclasses import asdict, is_dataclass

    return asdict(value) if is_dataclass(value) else dict(value)


def worker_main(argv: list[str]) -> None:
    base, mode, redis_url, namespace, scale, seconds, warm = argv
    result = asyncio.run(worker(base, mode, redis_url, namespace, float(scale), float(seconds), warm == "warm"))
    print(json.dumps(result), flush=True)


# ---------------------------------------------------------------------------------------------- the run


async def run_once(
    mode: str,
    base: str,
    emulator: Any,
    redis_url: str,
    scale: float,
    seconds: float,
    processes: int,
    cold: bool,
) -> dict[str, Any]:
    namespace = f"bench{uuid.uuid4().hex[:8]}"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            __file__,
            "--worker",
            base,
            mode,
            redis_url,
            namespace,
            str(scale),
            str(seconds),
            "cold" if cold else "warm",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env=env,
        )
        for _ in range(processes)
    ]
    results: list[dict[str, Any]] = []
    try:
        for p in procs:
            assert p.stdout is not None
            line = await asyncio.wait_for(p.stdout.readline(), 60)
            if line.strip() != b"ready":
                raise RuntimeError(f"worker failed to start: {line!r}")
        lwa_requests = emulator.stats.lwa_tokens  # the warm-up's
        emulator.quota.reset()  # every bucket full as the workers start
        emulator.stats.reset()
        for p in procs:
            assert p.stdin is not None
            p.stdin.write(b"go\n")
            await p.stdin.drain()
        for p in procs:
            out, _ = await asyncio.wait_for(p.communicate(), seconds + 120)
            results.append(json.loads(out.decode().strip().splitlines()[-1]))
    finally:
        for p in procs:
            if p.returncode is None:
                p.kill()
                await p.wait()
    ops: dict[str, Any] = {}
    counters = emulator.stats.operations
    for op, (rate, burst) in PLANS.items():
        c = counters.get(op)
        granted = c.requests - c.throttled if c is not None else 0
        throttled = c.throttled if c is not None else 0
        duration = (c.last - c.first) if c is not None and c.first is not None and c.last is not None else 0.0
        allowed = burst + rate * scale * duration
        ops[op] = {
            "plan_rate": rate * scale,
            "burst": burst,
            "granted": granted,
            "throttled_429": throttled,
            "duration_s": round(duration, 3),
            "achieved_rate": round(granted / duration, 4) if duration else None,
            "utilisation": round(granted / allowed, 4) if allowed else None,
            "steady_utilisation": round((granted - burst) / (rate * scale * duration), 4) if duration else None,
        }
    return {
        "mode": mode,
        "ops": ops,
        "lwa_token_requests": lwa_requests + emulator.stats.lwa_tokens,
        "client_failures": sum(r["counts"]["failed"] for r in results),
        "workers": results,
    }


def start_redis() -> tuple[str, subprocess.Popen[bytes] | None, str | None]:
    url = os.environ.get("SPAPI_TEST_REDIS_URL")
    if url:
        return url, None, None
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("needs redis-server on PATH (apt-get install redis-server) or --redis-url")
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="spapi-bench-redis-")
    proc = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", workdir],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return f"redis://127.0.0.1:{port}/0", proc, workdir
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("redis-server did not start")


async def _node_down(cluster: Any, at: float, report: dict[str, Any]) -> None:
    """``at`` seconds from now, kill the node holding the getOrderItems bucket (the busiest key) and start it
    again 3 s later."""
    from tests.distributed.cluster import _command

    await asyncio.sleep(at)
    holders = [i for i, port in enumerate(cluster.ports) if _command(port, "KEYS", "*get_order_items*")[:2] == b"*1"]
    victim = holders[0] if holders else 1
    report["node_killed"] = {"port": cluster.ports[victim], "held_the_get_order_items_bucket": bool(holders)}
    cluster.stop_node(victim)
    await asyncio.sleep(3.0)
    await asyncio.to_thread(cluster.start_node, victim)


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    from spapi_async.emulator import Emulator

    cluster: Any = None
    if args.cluster:
        redis_proc, workdir = None, None
        redis_url = args.redis_url or os.environ.get("SPAPI_TEST_REDIS_CLUSTER_URL")
        if not redis_url:
            from tests.distributed.cluster import RedisCluster3

            cluster = RedisCluster3()
            cluster.start()
            redis_url = cluster.url
    elif args.redis_url:
        redis_url, redis_proc, workdir = args.redis_url, None, None
    else:
        redis_url, redis_proc, workdir = start_redis()
    emulator = Emulator(time_scale=args.scale, seed=6, orders=1000)
    runs = []
    chaos_report: dict[str, Any] = {}
    try:
        async with emulator.serve(port=0) as base:
            for mode in args.modes:
                chaos = None
                if cluster is not None and args.node_down is not None and mode == "redis":
                    chaos = asyncio.create_task(_node_down(cluster, args.node_down, chaos_report))
                runs.append(
                    await run_once(mode, base, emulator, redis_url, args.scale, args.seconds, args.processes, args.cold)
                )
                if chaos is not None:
                    await chaos
    finally:
        if cluster is not None:
            cluster.close()
        if redis_proc is not None:
            redis_proc.kill()
            redis_proc.wait()
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    return {
        "benchmark": "distributed (P6)",
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "scale": args.scale,
        "seconds": args.seconds,
        "processes": args.processes,
        "redis": "cluster (3 nodes)" if args.cluster else "single node",
        "node_down_at_s": args.node_down,
        "node_down": chaos_report or None,
        "warm_connections": not args.cold,
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {os.cpu_count()} cpus",
        "runs": runs,
    }


def print_table(report: dict[str, Any]) -> None:
    print(
        f"\nP6 distributed quota: {report['processes']} processes, time scale K={report['scale']:g}, "
        f"{report['seconds']:g} s per run, Redis: {report['redis']}"
        + (f", node down at {report['node_down_at_s']:g} s for 3 s" if report["node_down_at_s"] is not None else "")
    )
    header = (
        f"{'limiter':<16} {'operation':<26} {'plan rps':>8} {'granted':>7} {'429s':>5} {'achieved':>8} "
        f"{'util.':>6} {'steady':>6}"
    )
    print(header)
    print("-" * len(header))
    for run in report["runs"]:
        label = "RedisLimiter" if run["mode"] == "redis" else "Limiter/process"
        for op, o in run["ops"].items():
            achieved = f"{o['achieved_rate']:.3f}" if o["achieved_rate"] is not None else "-"
            util = f"{o['utilisation']:.3f}" if o["utilisation"] is not None else "-"
            steady = f"{o['steady_utilisation']:.3f}" if o["steady_utilisation"] is not None else "-"
            print(
                f"{label:<16} {op:<26} {o['plan_rate']:>8.3f} {o['granted']:>7} {o['throttled_429']:>5} "
                f"{achieved:>8} {util:>6} {steady:>6}"
            )
        print(f"{'':<16} LWA token requests: {run['lwa_token_requests']}, failed calls: {run['client_failures']}")
    print(
        "util. = granted / (burst + plan rate x duration), measured at the server; steady = the same without the "
        "burst: (granted - burst) / (plan rate x duration)"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker_main(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=60.0, help="time scale K applied to both plans")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each run (bounded)")
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--redis-url", default=None)
    parser.add_argument("--cold", action="store_true", help="no connection warm-up before the measured run")
    parser.add_argument("--modes", nargs="+", default=None, choices=["redis", "memory"])
    parser.add_argument("--cluster", action="store_true", help="a 3-node Redis Cluster instead of one server")
    parser.add_argument("--node-down", type=float, default=None, help="with --cluster: kill a node at T s")
    args = parser.parse_args()
    if args.modes is None:
        args.modes = ["redis"] if args.cluster else ["redis", "memory"]
    if args.node_down is not None and not (args.cluster and 0 <= args.node_down <= args.seconds):
        raise SystemExit("--node-down needs --cluster and a time within --seconds")
    if not 1 <= args.seconds <= 600 or not 1 <= args.processes <= 16:
        raise SystemExit("--seconds must be in [1, 600] and --processes in [1, 16]")
    report = asyncio.run(main_async(args))
    print_table(report)
    out = ROOT / "benchmarks" / "results" / "distributed.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(f"\nwrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
