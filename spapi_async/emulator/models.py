"""Where Amazon's models live (``$SPAPI_SHARED/spapi-models``) and what the emulator reads from them.

The emulator runs without them (stateful routes only); with them it also knows every operation's template and
usage plan and can replay the official sandbox cases.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path | None:
    """``$SPAPI_SHARED``, else ``<repo>/../shared``, else ``<cwd>/../shared``; None when none holds the models."""
    candidates = []
    env = os.environ.get("SPAPI_SHARED")
    if env:
        candidates.append(Path(env))
    candidates += [_PACKAGE_ROOT.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for c in candidates:
        if (c / "spapi-models" / "models").is_dir():
            return c
    return None


def models_dir() -> Path | None:
    base = shared_dir()
    return base / "spapi-models" if base else None


@lru_cache(maxsize=4)
def operations_csv(root: Path) -> tuple[Mapping[str, str], ...]:
    path = root / "operations.csv"
    if not path.is_file():
        return ()
    with path.open(newline="", encoding="utf-8") as fh:
        return tuple(dict(row) for row in csv.DictReader(fh))


@lru_cache(maxsize=128)
def load_model(root: Path, model_file: str) -> Mapping[str, Any]:
    with (root / model_file).open(encoding="utf-8") as fh:
        data: Mapping[str, Any] = json.load(fh)
    return data
