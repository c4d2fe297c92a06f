"""Client CPU per request: spapi_async against bare httpx and bare aiohttp loops, over loopback.

The server (``tests/loopback.py``) runs in its own process, so only the client's CPU is counted
(``time.process_time()`` deltas around the request loop). Limits are off (``NullLimiter``), the LWA token is fetched
once beforehand, every loop is bounded by a request count and a time budget.

    python -m benchmarks.overhead                       # defaults: 3000 requests, concurrency 8, 3 rounds
    python -m benchmarks.overhead --requests 5000 --concurrency 16 --rounds 5

Prints a table and writes ``benchmarks/results/overhead.json``. Rounds interleave the scenarios; a ratio is the
median over rounds of (scenario / baseline in the same round). Targets: spapi_async on the default transport at
most 1.15x bare httpx; on the aiohttp transport at most 2.5x bare aiohttp.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

try:
    import aiohttp
except ImportError:  # a plain `pip install .` has no aiohttp: its scenarios are left out
    aiohttp = None  # type: ignore[assignment]

import spapi_async as sp  # noqa: E402
from spapi_async.call import ApiCall  # noqa: E402
from spapi_async.operation import Operation  # noqa: E402
from tests.loopback import LOOPBACK_TOKEN  # noqa: E402

PATH = "/sellers/v1/marketplaceParticipations"
OPERATION = Operation(
    api="sellers_v1",
    name="get_marketplace_participations",
    operation_id="getMarketplaceParticipations",
    method="GET",
    path=PATH,
    rate=0.016,
    burst=15,
    plan_source="model",
)
ACCESS_TOKEN = LOOPBACK_TOKEN  # what the server's token endpoint hands spapi_async; the baselines send it too
TIME_BUDGET = 120.0  # seconds per measured loop, whatever the request count

Send = Callable[[], Awaitable[None]]


def bare_headers() -> dict[str, str]:
    """What spapi_async sends on each request, for the baselines to send too."""
    return {
        "x-amz-access-token": ACCESS_TOKEN,
        "x-amz-date": time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()),
        "user-agent": "bench/1.0 (Language=Python)",
        "accept": "application/json",
    }


async def run_loop(send: Send, requests: int, concurrency: int) -> tuple[float, float, int, float]:
    """``requests`` calls of ``send`` by ``concurrency`` workers. Returns (cpu seconds, wall seconds, done, user-mode
    cpu seconds): the kernel's share (socket calls) is the rest of the cpu seconds."""
    done = 0
    deadline = time.monotonic() + TIME_BUDGET

    async def worker(share: int) -> None:
        nonlocal done
        for _ in range(share):
            if time.monotonic() > deadline:
                return
            await send()
            done += 1

    shares = [requests // concurrency + (1 if i < requests % concurrency else 0) for i in range(concurrency)]
    times0, cpu0, wall0 = os.times(), time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker(s) for s in shares))
    cpu, wall, times1 = time.process_time() - cpu0, time.perf_counter() - wall0, os.times()
    return cpu, wall, done, times1.user - times0.user


def make_spapi_client(base: str, backend: sp.client.HttpBackend, *, sign: bool = False) -> sp.SPAPIClient:
    keys: dict[str, str] = {}
    if sign:
        keys = {"aws_access_key": "AKIDBENCHMARK", "aws_secret_key": "bench-secret-key", "aws_session_token": "tok"}
    return sp.SPAPIClient(
        "amzn1.application-oa2-client.bench",
        "bench-client-secret",
        "Atzr|bench-refresh-token",
        endpoint=base,
        lwa_endpoint=base + "/auth/o2/token",
        limiter=sp.NullLimiter(),
        http_backend=backend,
        **keys,  # type: ignore[arg-type]
    )


async def prime_token(client: sp.SPAPIClient) -> None:
    """Fetch the LWA token once (the loopback server hands one out), so the measured loop finds it cached."""
    await client.request("GET", PATH)


async def scenario(name: str, base: str, requests: int, concurrency: int, warmup: int) -> dict[str, Any]:
    url = base + PATH
    closers: list[Callable[[], Awaitable[Any]]] = []
    send: Send
    if name == "httpx (bare)":
        hx = httpx.AsyncClient(limits=httpx.Limits(max_connections=100, max_keepalive_connections=100))
        closers.append(hx.aclose)
        headers = bare_headers()

        async def send() -> None:
            response = await hx.get(url, headers=headers)
            if response.status_code != 200:
                raise RuntimeError(response.status_code)

    elif name == "aiohttp (bare)":
        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100))
        closers.append(session.close)
        headers = bare_headers()

        async def send() -> None:
            async with session.get(url, headers=headers) as response:
                await response.read()
                if response.status != 200:
                    raise RuntimeError(response.status)

    else:
        backend: sp.client.HttpBackend = "aiohttp" if "aiohttp" in name else "httpx"
        client = make_spapi_client(base, backend, sign="SigV4" in name)
        closers.append(client.aclose)
        await prime_token(client)
        if "request()" in name:

            async def send() -> None:
                await client.request("GET", PATH)

        else:
            call = ApiCall("GET", PATH, operation=OPERATION)
            transport = client.transport

            async def send() -> None:
                await transport.send(call)

    try:
        await run_loop(send, warmup, concurrency)
        cpu, wall, done, user = await run_loop(send, requests, concurrency)
    finally:
        for close in closers:
            await close()
    per = 1e6 / max(done, 1)
    return {"cpu_s": cpu, "wall_s": wall, "requests": done, "cpu_us_per_request": cpu * per, "user_us": user * per}


SCENARIOS = (
    "httpx (bare)",
    "spapi_async httpx, ApiCall",
    "spapi_async httpx, request()",
    "aiohttp (bare)",
    "spapi_async aiohttp, ApiCall",
    "spapi_async aiohttp, request()",
    "spapi_async httpx, ApiCall, SigV4",
    "spapi_async aiohttp, ApiCall, SigV4",
)
BASELINE = {
    "spapi_async httpx, ApiCall": ("httpx (bare)", 1.15),
    "spapi_async httpx, request()": ("httpx (bare)", 1.15),
    "spapi_async aiohttp, ApiCall": ("aiohttp (bare)", 2.5),
    "spapi_async aiohttp, request()": ("aiohttp (bare)", 2.5),
}
#: Scenarios shown against a baseline without a target (what signing costs on top).
REFERENCE = {
    "spapi_async httpx, ApiCall, SigV4": "spapi_async httpx, ApiCall",
    "spapi_async aiohttp, ApiCall, SigV4": "spapi_async aiohttp, ApiCall",
}


def start_server(body_size: int) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.loopback", "--body-size", str(body_size)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line.startswith("port="):
        proc.kill()
        raise RuntimeError(f"loopback server did not start: {line!r}")
    return proc, f"http://127.0.0.1:{int(line.split('=', 1)[1])}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="each scenario runs this many times; median kept")
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--body-size", type=int, default=0, help="JSON response size in bytes (0: a tiny body)")
    parser.add_argument("--only", action="append", help="run only scenarios containing this text")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "overhead.json"))
    args = parser.parse_args()
    if not 0 < args.requests <= 1_000_000 or not 0 < args.concurrency <= 1000 or not 0 < args.rounds <= 50:
        parser.error("requests in 1..1e6, concurrency in 1..1000, rounds in 1..50")
    names = [n for n in SCENARIOS if not args.only or any(o in n for o in args.only)]
    if aiohttp is None:
        names = [n for n in names if "aiohttp" not in n]
        print("aiohttp is not installed: its scenarios are left out (pip install '.[aiohttp]')", file=sys.stderr)

    proc, base = start_server(args.body_size)
    samples: dict[str, list[float]] = {n: [] for n in names}
    user_samples: dict[str, list[float]] = {n: [] for n in names}
    try:
        for _ in range(args.rounds):  # interleaved rounds, so drift in machine load hits every scenario alike
            for name in names:
                result = asyncio.run(scenario(name, base, args.requests, args.concurrency, args.warmup))
                if result["requests"] < args.requests:
                    print(f"warning: {name} hit the {TIME_BUDGET:.0f} s budget", file=sys.stderr)
                samples[name].append(result["cpu_us_per_request"])
                user_samples[name].append(result["user_us"])
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()

    medians = {n: statistics.median(v) for n, v in samples.items()}
    rows = []
    for name in names:
        row: dict[str, Any] = {"scenario": name, "cpu_us_per_request": round(medians[name], 1)}
        row["user_us_per_request"] = round(statistics.median(user_samples[name]), 1)
        row["samples_us"] = [round(s, 1) for s in samples[name]]
        baseline = BASELINE[name][0] if name in BASELINE else REFERENCE.get(name)
        if baseline in samples:
            # Paired by round (each round runs every scenario back to back), so load that comes and goes on the
            # machine affects both sides of a ratio alike; the median of the per-round ratios is reported.
            pairs = [a / b for a, b in zip(samples[name], samples[baseline], strict=True)]
            ratio = statistics.median(pairs)
            row |= {"baseline": baseline, "ratio": round(ratio, 3), "round_ratios": [round(r, 3) for r in pairs]}
            if name in BASELINE:
                target = BASELINE[name][1]
                row |= {"target": target, "met": ratio <= target}
        rows.append(row)

    print(
        f"\nclient CPU per request, median of {args.rounds} rounds of {args.requests} requests, "
        f"concurrency {args.concurrency}, body {args.body_size or 'tiny'}"
    )
    print(f"{'scenario':38} {'us/request':>11} {'(user)':>7} {'ratio':>7} {'target':>7}  met  (ratio against)")
    for row in rows:
        ratio = f"{row['ratio']:.2f}x" if "ratio" in row else ""
        target = f"{row['target']:.2f}x" if "target" in row else ""
        met = ("yes" if row["met"] else "NO") if "met" in row else ""
        against = f"  {row['baseline']}" if "baseline" in row else ""
        cpu, user = row["cpu_us_per_request"], row["user_us_per_request"]
        print(f"{row['scenario']:38} {cpu:>11.1f} {user:>7.0f} {ratio:>7} {target:>7}  {met:3}{against}")

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "benchmark": "overhead",
        "requests": args.requests,
        "concurrency": args.concurrency,
        "rounds": args.rounds,
        "body_size": args.body_size,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "versions": {
            "spapi_async": sp.__version__,
            "httpx": httpx.__version__,
            "aiohttp": aiohttp.__version__ if aiohttp else None,
        },
        "results": rows,
    }
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
