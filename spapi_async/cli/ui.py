"""Rich rendering: live progress bars and the demo's final table."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .demo import DemoResult

LABELS = {"orders": "orders listed", "items": "orders with items", "report": "report", "feed": "feed"}


class RichProgress:
    """Implements the workflows' progress protocol with a ``rich.progress.Progress``."""

    def __init__(self, console: Console | None = None, *, transient: bool = False) -> None:
        self.progress = Progress(
            TextColumn("{task.description:<34}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=transient,
        )
        self._tasks: dict[str, Any] = {}

    def _task(self, name: str) -> Any:
        if name not in self._tasks:
            self._tasks[name] = self.progress.add_task(LABELS.get(name, name), total=None)
        return self._tasks[name]

    def total(self, task: str, total: int | None) -> None:
        self.progress.update(self._task(task), total=total)

    def advance(self, task: str, amount: int = 1) -> None:
        self.progress.advance(self._task(task), amount)

    def status(self, task: str, text: str) -> None:
        self.progress.update(self._task(task), description=text)

    def __enter__(self) -> RichProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def demo_table(result: DemoResult) -> Table:
    table = Table(
        title=f"spapi-async demo (time scale x{result.time_scale:g}: plan rates multiplied, bursts as published)"
    )
    for column in ("operation", "requests", "429s", "5xx", "plan rps/burst", "quota wait s*", "span s", "ideal s"):
        table.add_column(column, justify="left" if column == "operation" else "right")
    table.add_column("efficiency", justify="right")
    for row in sorted(result.operations, key=lambda r: -r.requests):
        table.add_row(
            row.operation,
            str(row.requests),
            str(row.throttled),
            str(row.server_errors),
            f"{row.rate:g}/{row.burst}",
            f"{row.waited_s:.2f}",
            f"{row.span_s:.2f}",
            f"{row.ideal_s:.2f}",
            f"{row.efficiency:.3f}" if row.efficiency is not None else "-",
        )
    return table


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
