"""Generate ``spapi_async/sellercenter/v2`` from Seller Center's OpenAPI 3.0 description.

    python -m codegen.sellercenter            # rewrite the generated modules
    python -m codegen.sellercenter --check    # exit 1 if the committed modules differ from a fresh generation

Input: ``$SPAPI_SHARED/sellercenter-spec/openapi-standalone.yaml`` (``SPAPI_SHARED`` defaults to ``<repo>/../shared``).
Output (each file starts with a "generated — do not edit" header):

- ``v2/_components.py``: one pydantic model per ``components/schemas`` entry;
- ``v2/<tag>.py``: one resource class per tag, its methods, and the models of its inline schemas;
- ``v2/_attributes.py``: the client attributes (lazy imports, so importing the client stays cheap);
- ``v2/_operations.py``: the table of every operation (method, path, attribute, method name, pagination style).

The description is read in ``sellercenter_spec.py`` (operations, names, pagination) and written out in
``sellercenter_emit.py``; this module runs them and formats the result. Only names, types and paths are emitted,
never the description's prose. The output is deterministic: same input, same bytes (formatted by ``ruff format``,
whose settings come from pyproject.toml).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

import yaml

from .sellercenter_emit import HEADER, emit_attributes, emit_components, emit_operations, emit_tag
from .sellercenter_spec import HTTP_METHODS, NOTES, TAG_ATTRIBUTE_OVERRIDES, Op, Spec, collect_operations

__all__ = ["HEADER", "HTTP_METHODS", "NOTES", "OUT_DIR", "SPEC_NAME", "TAG_ATTRIBUTE_OVERRIDES", "generate", "main"]

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "spapi_async" / "sellercenter" / "v2"
SPEC_NAME = "sellercenter-spec/openapi-standalone.yaml"


def generate(spec_path: Path) -> dict[Path, str]:
    with spec_path.open(encoding="utf-8") as fh:
        spec = Spec(yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    ops = collect_operations(spec)
    groups: dict[str, list[Op]] = {}
    for op in ops:
        groups.setdefault(op.attribute, []).append(op)
    files: dict[Path, str] = {OUT_DIR / "_components.py": emit_components(spec)}
    for attribute in sorted(groups):
        files[OUT_DIR / f"{attribute}.py"] = emit_tag(spec, attribute, groups[attribute])
    files[OUT_DIR / "_attributes.py"] = emit_attributes(groups)
    files[OUT_DIR / "_operations.py"] = emit_operations(ops)
    return ruff_format(files)


def ruff_format(files: Mapping[Path, str]) -> dict[Path, str]:
    """Tidy imports and format every file with two ruff runs over a scratch copy (settings from pyproject.toml)."""
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        for path, text in files.items():
            (tmp / path.name).write_text(text, encoding="utf-8")
        config = str(ROOT / "pyproject.toml")
        fix = ["check", "--fix-only", "--select", "I,F401,UP", "--quiet", "--config", config, "."]
        _ruff([*fix], tmp)
        _ruff(["format", "--quiet", "--config", config, "."], tmp)
        return {path: (tmp / path.name).read_text(encoding="utf-8") for path in files}


def _ruff(args: list[str], cwd: Path) -> None:
    for exe in (os.environ.get("RUFF", "ruff"), str(Path(sys.executable).with_name("ruff"))):
        try:
            subprocess.run([exe, *args], cwd=cwd, check=True, capture_output=True, text=True)
            return
        except FileNotFoundError:
            continue
    raise SystemExit("ruff is needed to format the generated code (pip install ruff)")


def generated_files() -> set[Path]:
    return {p for p in OUT_DIR.glob("*.py") if p.read_text(encoding="utf-8").startswith("# generated")}


def spec_path() -> Path:
    shared = Path(os.environ.get("SPAPI_SHARED") or ROOT.parent / "shared")
    return shared / SPEC_NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.sellercenter", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed output is out of date")
    parser.add_argument("--spec", type=Path, default=None, help="path of openapi-standalone.yaml")
    args = parser.parse_args(argv)
    source = args.spec or spec_path()
    if not source.is_file():
        print(f"Seller Center description not found at {source} (set SPAPI_SHARED)", file=sys.stderr)
        return 2
    files = generate(source)
    stale = generated_files() - set(files)
    if args.check:
        drift = [p for p, text in files.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
        drift += sorted(stale)
        for p in drift:
            print(f"out of date: {p.relative_to(ROOT)}", file=sys.stderr)
        if drift:
            print("run `python -m codegen.sellercenter` and commit the result", file=sys.stderr)
            return 1
        print(f"sellercenter: {len(files)} generated files up to date")
        return 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for p in sorted(stale):
        p.unlink()
    for p, text in sorted(files.items()):
        if not p.is_file() or p.read_text(encoding="utf-8") != text:
            p.write_text(text, encoding="utf-8")
    print(f"sellercenter: wrote {len(files)} files to {OUT_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
