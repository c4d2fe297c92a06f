"""Rich rendering of the demo's results: the per-operation table and the summary. (The live progress display of
every command is :mod:`spapi_async.cli.progress`.)"""

from __future__ import annotations

from itertools import groupby

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table

from .demo import DemoResult, OperationRow

#: From this console width on, the table also has the per-operation efficiency column.
WIDE = 100


class DemoTable:
    """The demo's table, laid out for the width it is printed at (see :func:`build_demo_table`)."""

    def __init__(self, result: DemoResult) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield build_demo_table(self.result, width=options.max_width)


def demo_table(result: DemoResult) -> DemoTable:
    """The per-operation table; it fits the console it is printed on (readable from 80 columns)."""
    return DemoTable(result)


def build_demo_table(result: DemoResult, *, width: int | None = None) -> Table:
    """One row per operation, grouped under its API (so that names stay whole), sized to fit 80 columns; with
    ``width`` >= :data:`WIDE` (or None) an efficiency column too. Columns that are zero everywhere (5xx) go."""
    wide = width is None or width >= WIDE
    table = Table(
        title=f"demo: plan rates x{result.time_scale:g}, bursts as published",
        box=box.SIMPLE_HEAD,
        padding=(0, 1) if wide else (0, 0),
        pad_edge=wide,
        collapse_padding=True,
    )
    show_5xx = any(r.server_errors for r in result.operations)
    table.add_column("operation", justify="left", no_wrap=True)
    table.add_column("requests", justify="right")
    table.add_column("429s", justify="right")
    if show_5xx:
        table.add_column("5xx", justify="right")
    table.add_column("plan\nrps/burst", justify="right")
    table.add_column("quota\nwait s*", justify="right")
    table.add_column("span\ns", justify="right")
    table.add_column("ideal\ns", justify="right")
    if wide:
        table.add_column("effi-\nciency", justify="right")

    def api(row: OperationRow) -> str:
        return row.operation.rpartition(".")[0]

    groups = [(name, list(rows)) for name, rows in groupby(sorted(result.operations, key=api), key=api)]
    groups.sort(key=lambda g: -sum(r.requests for r in g[1]))
    for name, rows in groups:
        if name:
            table.add_row(f"[bold]{name}[/]")
        for row in sorted(rows, key=lambda r: -r.requests):
            cells = [" " + row.operation.rpartition(".")[2], str(row.requests), str(row.throttled)]
            if show_5xx:
                cells.append(str(row.server_errors))
            cells += [
                f"{row.rate:.4g}/{row.burst}",
                _seconds(row.waited_s),
                _seconds(row.span_s),
                _seconds(row.ideal_s),
            ]
            if wide:
                cells.append(f"{row.efficiency:.3f}" if row.efficiency is not None else "-")
            table.add_row(*cells)
    return table


def _seconds(value: float) -> str:
    """Two decimals, fewer from 100 s on (the columns stay narrow)."""
    return f"{value:.2f}" if value < 100 else f"{value:.1f}" if value < 1000 else f"{value:.0f}"


def demo_summary(result: DemoResult) -> str:
    eff = f"{result.efficiency:.3f}" if result.efficiency is not None else "n/a"
    return (
        f"records: {result.orders} orders, {result.items} order items, {result.report_rows} report rows, "
        f"{result.feed_messages_accepted} feed messages accepted\n"
        f"requests: {result.requests} in {result.job_s:.1f} s of job time ({result.wall_s:.1f} s wall), "
        f"429s: {result.throttled}, efficiency of the bottleneck (getOrderItems) versus its plan: {eff}\n"
        "* time callers spent waiting for the limiter, summed over concurrent callers; span: first to last request "
        "the emulator saw; ideal: (requests - burst) / rate"
    )
