"""Renders every generated file, formats it with ruff, and writes or compares it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import config
from .emit_operations import render_operations
from .spec import ApiIR, load_models

REPO_ROOT = Path(__file__).resolve().parent.parent
GENERATED_DIRS = ("spapi_async/apis", "spapi_async/models")
#: Hand-written files inside the generated directories.
HAND_WRITTEN = frozenset({"spapi_async/apis/__init__.py", "spapi_async/apis/_attributes.py"})


def default_models_dir() -> Path:
    shared = os.environ.get("SPAPI_SHARED")
    base = Path(shared) if shared else REPO_ROOT.parent / "shared"
    return base / config.DEFAULT_MODELS_SUBDIR


@dataclass(frozen=True)
class Stats:
    apis: int
    operations: int
    files: int
    lines: int


def render(apis: list[ApiIR]) -> dict[str, str]:
    """Relative path → unformatted source, for every generated file."""
    files: dict[str, str] = {"spapi_async/apis/_operations.py": render_operations(apis)}
    return files


def _ruff_format(root: Path) -> None:
    pyproject = REPO_ROOT / "pyproject.toml"
    cmd = [sys.executable, "-m", "ruff", "format", "--quiet", "--config", str(pyproject), str(root)]
    ruff = shutil.which("ruff")
    try:
        subprocess.run(cmd, check=True, capture_output=True, text=True)
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        if ruff is None:
            raise RuntimeError(f"ruff format failed: {exc}") from exc
        subprocess.run([ruff, *cmd[3:]], check=True)


def build(models_dir: Path) -> tuple[dict[str, str], list[ApiIR]]:
    """Formatted text of every generated file."""
    apis = load_models(models_dir)
    files = render(apis)
    with tempfile.TemporaryDirectory(prefix="spapi-codegen-") as tmp:
        root = Path(tmp)
        for rel, text in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        _ruff_format(root)
        formatted = {rel: (root / rel).read_text(encoding="utf-8") for rel in files}
    return formatted, apis


def _existing(out: Path) -> set[str]:
    found: set[str] = set()
    for d in GENERATED_DIRS:
        for path in (out / d).glob("*.py"):
            rel = path.relative_to(out).as_posix()
            if rel not in HAND_WRITTEN:
                found.add(rel)
    return found


def check(models_dir: Path, out: Path) -> list[str]:
    """Files whose committed content differs from a fresh generation (missing and stale files included)."""
    files, _ = build(models_dir)
    differing = []
    for rel in sorted(set(files) | _existing(out)):
        path = out / rel
        want = files.get(rel)
        have = path.read_text(encoding="utf-8") if path.exists() else None
        if want != have:
            reason = "missing" if have is None else "stale (no longer generated)" if want is None else "differs"
            differing.append(f"{rel} ({reason})")
    return differing


def write(models_dir: Path, out: Path) -> Stats:
    files, apis = build(models_dir)
    for rel in _existing(out) - set(files):
        (out / rel).unlink()
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return Stats(
        apis=len(apis),
        operations=sum(len(a.operations) for a in apis),
        files=len(files),
        lines=sum(t.count("\n") for t in files.values()),
    )
