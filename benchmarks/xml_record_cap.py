"""The document record cap on an XML record that never closes: where parsing stops and what it costs in memory.

For each ``--sizes-mb`` value a fresh process feeds ``xml_records`` an XML document whose first record never closes
(``<Report><Order>`` then ``<Field>value</Field>`` repeated), in 1 MiB chunks, and reports: how it ended
(``DocumentParseError`` from the cap, or the parse error at the end of the input), how many input bytes were read,
and the peak RSS growth (Linux ``VmHWM``, reset through ``/proc/self/clear_refs`` just before parsing).

Run: ``python benchmarks/xml_record_cap.py [--sizes-mb 32,96]``. Prints a table and writes
``benchmarks/results/xml_record_cap.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import platform
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

CHUNK = 1024 * 1024
PIECE = b"<Field>value</Field>"


def _vm_hwm_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _vm_rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _run(size_mb: int, out: Any) -> None:
    from spapi_async.documents.errors import DocumentParseError
    from spapi_async.documents.parse import MAX_RECORD_CHARS, xml_records

    total = size_mb * 1024 * 1024
    block = PIECE * (CHUNK // len(PIECE))
    fed = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal fed
        head = b"<?xml version='1.0'?><Report><Order>"
        fed += len(head)
        yield head
        while fed < total:
            fed += len(block)
            yield block

    async def parse() -> str:
        try:
            async for _ in xml_records(chunks()):
                pass
        except DocumentParseError as exc:
            return str(exc)
        return "parsed"

    Path("/proc/self/clear_refs").write_text("5")
    before = _vm_rss_kib()
    started = time.perf_counter()
    outcome = asyncio.run(parse())
    out.put(
        {
            "input_mb": size_mb,
            "cap_bytes": MAX_RECORD_CHARS,
            "bytes_read": fed,
            "outcome": outcome,
            "peak_rss_growth_mb": round((_vm_hwm_kib() - before) / 1024, 1),
            "seconds": round(time.perf_counter() - started, 2),
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes-mb", default="32,96")
    args = parser.parse_args()
    results = []
    for size in (int(s) for s in args.sizes_mb.split(",")):
        queue: Any = multiprocessing.Queue()
        process = multiprocessing.Process(target=_run, args=(size, queue))
        process.start()
        results.append(queue.get(timeout=600))
        process.join(timeout=60)
    print(f"{'input MB':>9} {'read MB':>8} {'peak RSS +MB':>13} {'s':>6}  outcome")
    for r in results:
        read_mb = r["bytes_read"] / 1024 / 1024
        growth = r["peak_rss_growth_mb"]
        print(f"{r['input_mb']:>9} {read_mb:>8.1f} {growth:>13} {r['seconds']:>6}  {r['outcome'][:70]}")
    target = Path(__file__).parent / "results" / "xml_record_cap.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps({"python": platform.python_version(), "results": results}, indent=2) + "\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
