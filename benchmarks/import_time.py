"""Import cost of spapi_async although it covers 370 operations: the package, then the first use of an API.

Each measurement runs in a fresh interpreter (so nothing is cached in-process). Prints a table and writes
``benchmarks/results/import_time.json``.

    python benchmarks/import_time.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"

#: An attribute's first use, timed inside a fresh interpreter that already imported the package.
FIRST_USE = """
import sys, time
import spapi_async as sp
client = sp.SPAPIClient(client_id="id", client_secret="secret", refresh_token="Atzr|x", region="na")
before = set(sys.modules)
t = time.perf_counter()
api = getattr(client, {attr!r})
elapsed = time.perf_counter() - t
loaded = sorted(m for m in set(sys.modules) - before if m.startswith("spapi_async."))
print(elapsed, ",".join(loaded))
"""

OPERATIONS_FIRST_USE = """
import time
import spapi_async as sp
t = time.perf_counter()
n = len(sp.OPERATIONS)
print(time.perf_counter() - t, n)
"""


def _python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def import_time_once() -> tuple[float, float]:
    """(cumulative seconds for ``import spapi_async`` per -X importtime, wall seconds of the interpreter)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import spapi_async"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - started
    for line in result.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == "spapi_async":
            return int(parts[1]) / 1e6, wall
    raise RuntimeError("spapi_async not found in -X importtime output")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    runs = max(1, min(args.runs, 50))

    imports = [import_time_once() for _ in range(runs)]
    cumulative = statistics.median(i[0] for i in imports)
    wall = statistics.median(i[1] for i in imports)

    loaded_at_import = _python(
        "import sys, spapi_async; print(sorted(m for m in sys.modules if m.startswith(('spapi_async.apis.', "
        "'spapi_async.models.'))), 'pydantic' in sys.modules)"
    )

    first_use: dict[str, dict[str, object]] = {}
    for attr in ("sellers_v1", "orders_v0", "reports_2021_06_30", "fulfillment_inbound_2024_03_20"):
        samples = []
        loaded = ""
        for _ in range(min(runs, 5)):
            out = _python(FIRST_USE.format(attr=attr))
            seconds, loaded = out.split(" ", 1) if " " in out else (out, "")
            samples.append(float(seconds))
        first_use[attr] = {"seconds": statistics.median(samples), "modules": loaded.split(",") if loaded else []}

    ops_seconds, ops_count = _python(OPERATIONS_FIRST_USE).split()

    rows = [
        ("import spapi_async (-X importtime, cumulative)", f"{cumulative * 1000:.1f} ms"),
        ("python -c 'import spapi_async' (wall, whole interpreter)", f"{wall * 1000:.1f} ms"),
        ("generated modules loaded by the import", loaded_at_import),
        (f"first sp.OPERATIONS access ({ops_count} operations)", f"{float(ops_seconds) * 1000:.1f} ms"),
    ]
    for attr, info in first_use.items():
        mods = [str(m) for m in info["modules"]]  # type: ignore[attr-defined]
        generated = [m for m in mods if m.startswith(("spapi_async.apis.", "spapi_async.models."))]
        rows.append((f"first client.{attr}", f"{float(info['seconds']) * 1000:.1f} ms  loads {generated}"))  # type: ignore[arg-type]
    width = max(len(r[0]) for r in rows)
    print(f"import cost, median of {runs} runs, Python {sys.version.split()[0]}")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")

    RESULTS.mkdir(parents=True, exist_ok=True)
    out = {
        "runs": runs,
        "python": sys.version.split()[0],
        "import_cumulative_seconds": cumulative,
        "import_wall_seconds": wall,
        "generated_modules_loaded_at_import": loaded_at_import,
        "operations_first_access_seconds": float(ops_seconds),
        "first_use": first_use,
    }
    (RESULTS / "import_time.json").write_text(json.dumps(out, indent=2), encoding="utf-8")
    print(f"wrote {RESULTS / 'import_time.json'}")


if __name__ == "__main__":
    main()
