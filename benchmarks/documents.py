"""P4: a large gzip report streamed through ``ReportDocument.rows()`` in constant memory.

A loopback server in a separate process serves a gzip TSV report of ``--size-mb`` uncompressed megabytes (default
1024). It is generated on the fly and never stored: one block of rows is deflated once after a full flush (so its
compressed bytes stand alone) and sent again and again inside a single gzip member, followed by the right trailer.
Serving therefore costs the server next to no CPU, and every client reads the same byte stream.

Each variant runs in its own fresh process, which reports its peak RSS growth over the download (Linux ``VmHWM``,
reset through ``/proc/self/clear_refs`` just before the download starts), wall time, CPU time and rows. Variants
run ``--repeat`` times, interleaved; the table shows the best wall time and the median CPU time (on a shared
machine CPU time is the steadier measure of the client's own cost):

* ``spapi_async``          ``async for row in doc.rows()`` (dicts keyed by the header row)
* ``spapi_async-batches``  ``async for batch in doc.row_batches()`` (the same dicts, a list per chunk)
* ``httpx-baseline``       a plain ``httpx`` stream + ``zlib`` decompression + ``csv`` parsing into the same dicts
* ``python-amazon-sp-api`` its report download helper (``Reports.get_report_document(download=True)``) with the
                           metadata call answered locally, then ``csv.DictReader`` over the returned text

Run: ``python benchmarks/documents.py [--size-mb 1024] [--repeat 3] [--variants a,b,...]``. Prints a table and writes
``benchmarks/results/documents.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import codecs
import csv
import io
import json
import multiprocessing
import os
import platform
import statistics
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
VARIANTS = ("spapi_async", "spapi_async-batches", "httpx-baseline", "python-amazon-sp-api")
HEADER = "sku\tasin\tproduct-name\tprice\tquantity\tfulfillment-channel\tcondition\topen-date\n"
BLOCK_ROWS = 40_000
CLIENT_TIMEOUT = 1800  # seconds, per variant


# ------------------------------------------------------------------------------------------------ the server


def build_block() -> str:
    return "".join(
        f"SKU-{i:08d}\tB0{i:08d}\tProduct number {i} in a plain descriptive title\t{i % 10000 / 100:.2f}\t"
        f"{i % 50}\tAMAZON_NA\tNew\t2026-11-{1 + i % 28:02d}T10:{i % 60:02d}:00+00:00\n"
        for i in range(BLOCK_ROWS)
    )


class Payload:
    """The gzip stream: header, the compressed header row, ``repeats`` copies of the compressed block, an empty
    final deflate block, the CRC-32 and length trailer."""

    def __init__(self, size_bytes: int) -> None:
        header = HEADER.encode()
        block = build_block().encode()
        deflate = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
        self.head = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + deflate.compress(header)
        self.head += deflate.flush(zlib.Z_FULL_FLUSH)
        self.block = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
        self.repeats = max(1, round((size_bytes - len(header)) / len(block)))
        crc = zlib.crc32(header)
        for _ in range(self.repeats):
            crc = zlib.crc32(block, crc)
        self.uncompressed = len(header) + self.repeats * len(block)
        self.rows = self.repeats * BLOCK_ROWS
        self.tail = b"\x03\x00" + struct.pack("<II", crc, self.uncompressed & 0xFFFFFFFF)
        self.length = len(self.head) + self.repeats * len(self.block) + len(self.tail)


async def _serve(payload: Payload, ready: Any) -> None:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await reader.readuntil(b"\r\n\r\n")
                if not request:
                    return
                writer.write(
                    b"HTTP/1.1 200 OK\r\ncontent-type: text/plain;charset=UTF-8\r\n"
                    + f'content-length: {payload.length}\r\netag: "bench"\r\n\r\n'.encode()
                )
                writer.write(payload.head)
                for _ in range(payload.repeats):
                    writer.write(payload.block)
                    await writer.drain()
                writer.write(payload.tail)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    ready.put({"port": port, "uncompressed": payload.uncompressed, "rows": payload.rows, "length": payload.length})
    async with server:
        await server.serve_forever()


def serve(size_bytes: int, ready: Any) -> None:
    asyncio.run(_serve(Payload(size_bytes), ready))


# ------------------------------------------------------------------------------------------------ the clients


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


async def client_spapi(url: str, batches: bool) -> int:
    from spapi_async.clock import SYSTEM_CLOCK
    from spapi_async.documents import ReportDocument
    from spapi_async.documents.transfer import DocumentHttp

    http = DocumentHttp()
    doc = ReportDocument(document_id="bench", url=url, http=http, clock=SYSTEM_CLOCK, compression_algorithm="GZIP")
    count = 0
    try:
        if batches:
            async for batch in doc.row_batches():
                count += len(batch)
        else:
            async for _row in doc.rows():
                count += 1
    finally:
        await http.aclose()
    return count


async def client_baseline(url: str) -> int:
    import httpx

    count = 0
    header: list[str] | None = None
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    decoder = codecs.getincrementaldecoder("utf-8")()
    pending = ""
    async with httpx.AsyncClient(timeout=60) as client, client.stream("GET", url) as response:
        async for chunk in response.aiter_raw():
            lines = (pending + decoder.decode(decompressor.decompress(chunk))).split("\n")
            pending = lines.pop()
            for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
                if header is None:
                    header = row
                elif row:
                    _record = dict(zip(header, row, strict=False))
                    count += 1
    if not decompressor.eof:
        raise RuntimeError("truncated gzip stream")
    return count


def client_python_amazon_sp_api(url: str) -> int:
    from types import SimpleNamespace

    from sp_api.api import Reports
    from sp_api.base import Marketplaces

    reports = Reports(
        credentials={"refresh_token": "r", "lwa_app_id": "a", "lwa_client_secret": "s"},
        marketplace=Marketplaces.US,
    )
    # Only the getReportDocument metadata call is answered here; the helper's own download, gunzip and decoding
    # of the document run as they are, against the loopback server.
    reports._request = lambda *a, **k: SimpleNamespace(payload={"url": url, "compressionAlgorithm": "GZIP"})
    response = reports.get_report_document("bench", download=True)
    document = response.payload["document"]
    count = 0
    for _row in csv.DictReader(io.StringIO(document), delimiter="\t"):
        count += 1
    return count


def run_client(variant: str, url: str) -> dict[str, Any]:
    rss_start = _status_kb("VmRSS")
    _reset_peak()
    started = time.perf_counter()
    cpu_started = time.process_time()
    if variant == "spapi_async":
        rows = asyncio.run(client_spapi(url, batches=False))
    elif variant == "spapi_async-batches":
        rows = asyncio.run(client_spapi(url, batches=True))
    elif variant == "httpx-baseline":
        rows = asyncio.run(client_baseline(url))
    elif variant == "python-amazon-sp-api":
        rows = client_python_amazon_sp_api(url)
    else:
        raise SystemExit(f"unknown variant {variant}")
    elapsed = time.perf_counter() - started
    return {
        "variant": variant,
        "rows": rows,
        "seconds": elapsed,
        "cpu_seconds": time.process_time() - cpu_started,
        "rss_start_mb": rss_start / 1024,
        "peak_rss_growth_mb": max(0, _status_kb("VmHWM") - rss_start) / 1024,
    }


# ------------------------------------------------------------------------------------------------ the driver


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=1024.0, help="uncompressed report size (default 1024)")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated, from: " + ", ".join(VARIANTS))
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant, interleaved (default 3)")
    parser.add_argument("--client", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        print(json.dumps(run_client(args.client, args.url)))
        return

    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    for v in variants:
        if v not in VARIANTS:
            raise SystemExit(f"unknown variant {v!r}; choose from {', '.join(VARIANTS)}")
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Queue()
    server = ctx.Process(target=serve, args=(int(args.size_mb * 1024 * 1024), ready), daemon=True)
    server.start()
    try:
        info = ready.get(timeout=120)
        url = f"http://127.0.0.1:{info['port']}/report.tsv.gz?X-Amz-Signature=bench"
        uncompressed_mb = info["uncompressed"] / 1e6
        runs: dict[str, list[dict[str, Any]]] = {v: [] for v in variants}
        errors: dict[str, Any] = {}
        for _ in range(max(1, args.repeat)):
            for variant in variants:
                if variant in errors:
                    continue
                proc = subprocess.run(
                    [sys.executable, __file__, "--client", variant, "--url", url],
                    capture_output=True,
                    text=True,
                    timeout=CLIENT_TIMEOUT,
                    cwd=ROOT,
                    env={**os.environ, "PYTHONPATH": str(ROOT)},
                )
                if proc.returncode != 0:
                    errors[variant] = proc.stderr.strip().splitlines()[-1:]
                    continue
                runs[variant].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    finally:
        server.terminate()
        server.join(10)

    results: list[dict[str, Any]] = []
    for variant in variants:
        if variant in errors:
            results.append({"variant": variant, "error": errors[variant]})
            continue
        done = runs[variant]
        best = min(r["seconds"] for r in done)
        cpu = statistics.median(r["cpu_seconds"] for r in done)
        results.append(
            {
                "variant": variant,
                "runs": done,
                "rows": done[0]["rows"],
                "rows_ok": all(r["rows"] == info["rows"] for r in done),
                "best_seconds": best,
                "median_seconds": statistics.median(r["seconds"] for r in done),
                "median_cpu_seconds": cpu,
                "mb_per_s": uncompressed_mb / best,
                "rows_per_s": info["rows"] / best,
                "mb_per_cpu_s": uncompressed_mb / cpu,
                "peak_rss_growth_mb": max(r["peak_rss_growth_mb"] for r in done),
            }
        )

    baseline = next((r for r in results if r.get("variant") == "httpx-baseline" and "error" not in r), None)
    for r in results:
        if baseline is not None and "error" not in r:
            r["vs_baseline_wall"] = r["mb_per_s"] / baseline["mb_per_s"]
            r["vs_baseline_cpu"] = r["mb_per_cpu_s"] / baseline["mb_per_cpu_s"]

    print(
        f"\nDocument streaming: {uncompressed_mb:,.0f} MB uncompressed, {info['rows']:,} rows, "
        f"{info['length'] / 1e6:,.0f} MB gzip, loopback, best of {args.repeat}, Python {platform.python_version()}\n"
    )
    print(
        f"{'variant':<22}{'rows ok':>8}{'best s':>8}{'MB/s':>7}{'rows/s':>10}{'CPU s':>8}{'MB/CPU-s':>9}"
        f"{'peak RSS +MB':>13}{'vs httpx wall':>14}{'vs httpx CPU':>13}"
    )
    for r in results:
        if "error" in r:
            print(f"{r['variant']:<22}  failed: {r['error']}")
            continue
        print(
            f"{r['variant']:<22}{'yes' if r['rows_ok'] else 'NO':>8}{r['best_seconds']:>8.1f}{r['mb_per_s']:>7.1f}"
            f"{r['rows_per_s']:>10,.0f}{r['median_cpu_seconds']:>8.1f}{r['mb_per_cpu_s']:>9.1f}"
            f"{r['peak_rss_growth_mb']:>13.1f}{r.get('vs_baseline_wall', float('nan')):>13.2f}x"
            f"{r.get('vs_baseline_cpu', float('nan')):>12.2f}x"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "documents.json"
    out.write_text(
        json.dumps(
            {
                "benchmark": "documents",
                "command": " ".join([Path(sys.executable).name, *sys.argv]),
                "size_mb": args.size_mb,
                "uncompressed_bytes": info["uncompressed"],
                "compressed_bytes": info["length"],
                "rows": info["rows"],
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "results": results,
            },
            indent=2,
        )
    )
    print(f"\nwrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
