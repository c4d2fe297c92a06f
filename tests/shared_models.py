"""Where the tests find Amazon's models: ``$SPAPI_SHARED`` (default ``<repo>/../shared``).

Tests that need them fail with a clear message when they are missing; they are never skipped.
"""

from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    value = os.environ.get("SPAPI_SHARED")
    return Path(value) if value else REPO_ROOT.parent / "shared"


def models_dir() -> Path:
    path = shared_dir() / "spapi-models" / "models"
    if not path.is_dir():
        raise AssertionError(
            f"Amazon's models are not at {path}: set SPAPI_SHARED to the directory holding spapi-models/"
        )
    return path


@lru_cache(maxsize=1)
def operations_csv() -> tuple[dict[str, str], ...]:
    path = shared_dir() / "spapi-models" / "operations.csv"
    if not path.is_file():
        raise AssertionError(f"operations.csv is not at {path}: set SPAPI_SHARED")
    with path.open(newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))
