"""How the emulator answers each operation (``GET /__coverage``, README's coverage table).

``stateful``: a handler keeps state (what you submit changes what you read back); ``sandbox``: Amazon's static
sandbox cases answer their inputs, other valid requests get an answer built from the schema; ``schema``: every
valid request gets an answer built from the model's schema; ``none``: not emulated (only without the models).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import Emulator

KINDS = ("stateful", "sandbox", "schema", "none")


def coverage(emu: Emulator) -> dict[str, list[str]]:
    """Operation keys by kind (every operation in exactly one list, in registry order)."""
    out: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for op in emu.operations.operations:
        if emu.router.find(op.key) is not None:
            out["stateful"].append(op.key)
        elif emu.cases.has_cases(op):
            out["sandbox"].append(op.key)
        elif emu.schemas.get(op) is not None:
            out["schema"].append(op.key)
        else:
            out["none"].append(op.key)
    return out


def coverage_document(emu: Emulator) -> dict[str, object]:
    """What ``GET /__coverage`` answers: counts and, per operation, its kind."""
    table = coverage(emu)
    return {
        "counts": {kind: len(keys) for kind, keys in table.items()},
        "operations": {key: kind for kind, keys in table.items() for key in keys},
    }


def markdown_table(emu: Emulator) -> str:
    """README's table: one row per API, the count of each kind."""
    rows: dict[str, dict[str, int]] = {}
    for kind, keys in coverage(emu).items():
        for key in keys:
            api = key.split(".", 1)[0]
            rows.setdefault(api, dict.fromkeys(KINDS, 0))[kind] += 1
    lines = ["| API | stateful | sandbox-backed | schema-built |", "|---|---:|---:|---:|"]
    for api in sorted(rows):
        r = rows[api]
        lines.append(f"| `{api}` | {r['stateful']} | {r['sandbox']} | {r['schema']} |")
    totals = {kind: sum(r[kind] for r in rows.values()) for kind in KINDS}
    lines.append(
        f"| **all {sum(totals.values())}** | {totals['stateful']} | {totals['sandbox']} | {totals['schema']} |"
    )
    return "\n".join(lines)


README_START = "<!-- coverage:start (python -m spapi_async.emulator.coverage) -->"
README_END = "<!-- coverage:end -->"


def main() -> None:
    """Print README's coverage table (``python -m spapi_async.emulator.coverage``)."""
    from .app import Emulator

    print(markdown_table(Emulator(orders=0, products=1)))


if __name__ == "__main__":
    main()
