"""``python -m codegen``: regenerate ``spapi_async/apis`` and ``spapi_async/models`` from Amazon's models.

``--check`` regenerates into a temporary directory and exits 1, listing the files, when the committed output
differs (CI's drift check). ``--models-dir`` points at another copy of the models.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import sellercenter
from .generate import REPO_ROOT, check, default_models_dir, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--models-dir",
        type=Path,
        default=None,
        help="directory of Swagger models (default: $SPAPI_SHARED/spapi-models/models or ../shared/...)",
    )
    parser.add_argument("--check", action="store_true", help="fail if the committed generated code is out of date")
    parser.add_argument("--out", type=Path, default=REPO_ROOT, help="repository root to write into (default: this one)")
    args = parser.parse_args(argv)
    models_dir = args.models_dir or default_models_dir()
    if not models_dir.is_dir():
        print(
            f"codegen: models directory not found: {models_dir} (set SPAPI_SHARED or pass --models-dir)",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    # The Seller Center v2 resources are generated (and drift-checked) by the same command.
    seller_center = sellercenter.main(["--check"] if args.check else [])
    if args.check:
        differing = check(models_dir, args.out)
        if differing:
            print("codegen: generated code is out of date; run `python -m codegen`. Differing files:", file=sys.stderr)
            for name in differing:
                print(f"  {name}", file=sys.stderr)
            return 1
        print(f"codegen: generated code is up to date ({time.perf_counter() - started:.1f}s)")
        return seller_center
    stats = write(models_dir, args.out)
    print(
        f"codegen: {stats.operations} operations from {stats.apis} models -> {stats.files} files, "
        f"{stats.lines} lines in {time.perf_counter() - started:.1f}s"
    )
    return seller_center


if __name__ == "__main__":
    raise SystemExit(main())
