"""The command line's edges: --version, progress on stderr (and --quiet), export refusing files it did not write,
private file modes, feed errors in the exit code, a busy port, the demo table at 80 columns."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from spapi_async._version import __version__
from spapi_async.cli.app import build_app
from spapi_async.emulator import Emulator
from spapi_async.emulator.app import start_server

from .test_cli import _env_file, _invoke, _target

LINE = re.compile(r"^(orders export|reports get|feeds submit) (\d+\.\d+s|done after|stopped after) ")


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[Emulator, str]]:
    emulator = Emulator(time_scale=1000, seed=5, orders=150, strict=True,
                        credentials={"app-cli": "secret-cli"}, refresh_tokens=["Atzr|cli"])  # fmt: skip
    server, thread, url = start_server(emulator)
    try:
        yield emulator, url
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def umask_zero() -> Iterator[None]:
    """Modes must not depend on the umask: with 0, a plain open() would make files 0666."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _requests(emulator: Emulator) -> int:
    return int(emulator.snapshot()["totals"]["requests"])


def test_version() -> None:
    code, stdout, _ = _invoke(["--version"])
    assert code == 0 and stdout.strip() == f"spapi-async {__version__}"


def test_export_refuses_a_file_it_did_not_write_unless_forced(served: tuple[Emulator, str], tmp_path: Path) -> None:
    emulator, url = served
    out = tmp_path / "orders.jsonl"
    out.write_text("my own notes\n")
    args = ["orders", "export", "--since", "2000-01-01", "--out", str(out), *_target(url, _env_file(tmp_path))]
    before = _requests(emulator)
    code, stdout, stderr = _invoke(args)
    assert code == 1 and stdout == ""
    assert stderr.count("\n") == 1 and "exists" in stderr and "--force" in stderr
    assert out.read_text() == "my own notes\n" and _requests(emulator) == before  # refused before any request
    code, stdout, stderr = _invoke([*args, "--force", "--quiet"])
    assert code == 0, stderr
    assert len(out.read_text().splitlines()) == 150 and "150 orders" in stdout
    # a finished export is not an unfinished one either: running it again needs --force
    code, _, stderr = _invoke(args)
    assert code == 1 and "--force" in stderr


def test_export_interrupted_before_its_first_page_starts_over_on_the_rerun(
    served: tuple[Emulator, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    import spapi_async as sp
    from spapi_async.cli import common
    from spapi_async.emulator import LWA_PATH

    from .test_export_resume import CutAfter

    _, url = served
    out = tmp_path / "orders.csv"
    args = ["orders", "export", "--since", "2000-01-01", "--out", str(out), *_target(url, _env_file(tmp_path))]

    def cut_client(**_: object) -> sp.SPAPIClient:
        http = httpx.AsyncClient(transport=CutAfter(httpx.AsyncHTTPTransport(), 0))
        return sp.SPAPIClient(
            "app-cli", "secret-cli", "Atzr|cli", endpoint=url, lwa_endpoint=url + LWA_PATH, http_client=http
        )

    with monkeypatch.context() as patch:
        patch.setattr(common, "build_client", cut_client)
        code, _, stderr = _invoke(args)
    assert code == 130 and "run the same command again" in stderr
    code, _, stderr = _invoke(args)  # the file is the export's own (its checkpoint says so): no --force needed
    assert code == 0, stderr
    assert out.read_text().count("\n") == 151  # header + every order, once


def test_export_files_are_private_also_when_resumed(
    served: tuple[Emulator, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_zero: None
) -> None:
    import httpx

    import spapi_async as sp
    from spapi_async.cli import common
    from spapi_async.cli.exporter import checkpoint_path
    from spapi_async.emulator import LWA_PATH

    from .test_export_resume import CutAfter

    _, url = served
    out = tmp_path / "orders.jsonl"
    args = ["orders", "export", "--since", "2000-01-01", "--out", str(out), *_target(url, _env_file(tmp_path))]

    def cut_client(**_: object) -> sp.SPAPIClient:
        http = httpx.AsyncClient(transport=CutAfter(httpx.AsyncHTTPTransport(), 1))
        return sp.SPAPIClient(
            "app-cli", "secret-cli", "Atzr|cli", endpoint=url, lwa_endpoint=url + LWA_PATH, http_client=http
        )

    with monkeypatch.context() as patch:
        patch.setattr(common, "build_client", cut_client)
        code, _, _ = _invoke(args)
    assert code == 130
    ckpt = checkpoint_path(out)
    assert _mode(out) == 0o600 and _mode(ckpt) == 0o600
    code, stdout, stderr = _invoke(args)
    assert code == 0 and "(resumed)" in stdout, stderr
    assert _mode(out) == 0o600  # continued in place, not re-created with the (zero) umask's 0666
    fresh = tmp_path / "fresh.csv"
    code, _, stderr = _invoke(["orders", "export", "--since", "2000-01-01", "--out", str(fresh), "--quiet",
                               *_target(url, _env_file(tmp_path))])  # fmt: skip
    assert code == 0, stderr
    assert _mode(fresh) == 0o600


def test_reports_get_writes_a_private_file_and_reports_bytes(
    served: tuple[Emulator, str], tmp_path: Path, umask_zero: None
) -> None:
    _, url = served
    out = tmp_path / "report.tsv"
    leftover = tmp_path / "report.tsv.part"  # from an older run, world-readable: not reused as it is
    leftover.write_text("stale")
    os.chmod(leftover, 0o644)
    code, stdout, stderr = _invoke(
        ["reports", "get", "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL", "--out", str(out),
         "--since", "2000-01-01", "--poll-interval", "0.01", *_target(url, _env_file(tmp_path))]
    )  # fmt: skip
    assert code == 0, stderr
    size = out.stat().st_size
    assert f"{size} bytes" in stdout and _mode(out) == 0o600
    last = stderr.splitlines()[-1]
    assert LINE.match(last) and last.startswith("reports get done after")
    assert f"report {size / 1000:.1f} kB" in last and "requests " in last and "429s 0" in last
    assert "quota wait" in last and not (tmp_path / "report.tsv.part").exists()


def test_feed_with_errors_exits_non_zero_and_says_how_to_accept_it(
    served: tuple[Emulator, str], tmp_path: Path, umask_zero: None
) -> None:
    _, url = served
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"header": {"sellerId": "S", "version": "2.0"}, "messages": [
        {"messageId": 1, "sku": "NOPE-1", "operationType": "FROB"},
        {"messageId": 2, "sku": "NOPE-2", "operationType": "FROB"}]}))  # fmt: skip
    report = tmp_path / "report.json"
    args = ["feeds", "submit", "JSON_LISTINGS_FEED", str(feed), "--poll-interval", "0.01", "--report-out",
            str(report), *_target(url, _env_file(tmp_path))]  # fmt: skip
    code, stdout, stderr = _invoke(args)
    assert code == 1
    assert "invalid 2" in stdout  # the summary is still printed, the report still saved
    assert json.loads(report.read_text())["summary"]["messagesInvalid"] == 2 and _mode(report) == 0o600
    assert "message 1 sku NOPE-1 4000001: Unsupported operationType" in stderr
    error = stderr.splitlines()[-1]
    assert error.startswith("error: feed ") and "lists errors" in error and "--allow-errors" in error
    assert str(report) in error
    code, stdout, stderr = _invoke([*args, "--allow-errors", "--quiet"])
    assert code == 0 and "invalid 2" in stdout and stderr == ""


def test_feeds_submit_reports_its_progress_on_stderr(served: tuple[Emulator, str], tmp_path: Path) -> None:
    _, url = served
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"header": {"sellerId": "S", "version": "2.0"}, "messages": []}))
    code, _, stderr = _invoke(["feeds", "submit", "JSON_LISTINGS_FEED", str(feed), "--poll-interval", "0.01",
                               *_target(url, _env_file(tmp_path))])  # fmt: skip
    assert code == 0, stderr
    last = stderr.splitlines()[-1]
    assert last.startswith("feeds submit done after ") and re.search(r"\| feed \d+ DONE \|", last)
    assert re.search(r"requests \d+ \| 429s 0 \| quota wait \d+\.\ds$", last)


def test_export_progress_and_quiet(served: tuple[Emulator, str], tmp_path: Path) -> None:
    _, url = served
    base = ["orders", "export", "--since", "2000-01-01", "--with-items", *_target(url, _env_file(tmp_path))]
    code, _, stderr = _invoke([*base, "--out", str(tmp_path / "a.jsonl")])
    assert code == 0, stderr
    last = stderr.splitlines()[-1]
    assert last.startswith("orders export done after ") and "| orders 150 (" in last and "| items " in last
    code, _, stderr = _invoke([*base, "--out", str(tmp_path / "b.jsonl"), "--quiet"])
    assert code == 0 and stderr == ""


def test_a_busy_port_gives_one_line_and_no_banner() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, stdout, stderr = _invoke(["emulator", "--port", str(port), "--orders", "5"])
    assert code == 1 and stdout == ""
    assert stderr == f"error: cannot serve on 127.0.0.1:{port}: the port is in use " + (
        "(choose another --port, or --port 0 for a free one)\n"
    )


def test_the_demo_table_is_readable_at_80_columns() -> None:
    from spapi_async.cli.demo import DemoResult, OperationRow
    from spapi_async.cli.ui import demo_table

    names = ["orders_v0.get_order_items", "orders_v0.get_orders", "reports_2021_06_30.get_report_document",
             "feeds_2021_06_30.create_feed_document", "tokens_2021_03_01.create_restricted_data_token"]  # fmt: skip
    rows = [
        OperationRow(name, 100_000 - n, 0, 2 * n, 1234.5, 30, 12345.67, 1234.56, 1200.0, 0.972)
        for n, name in enumerate(names)
    ]
    result = DemoResult(100_000, 250_000, 250_000, 25, 99.0, 98.0, 100_100, 0, 0.972, 100.0, rows)
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(demo_table(result))
    text = console.export_text()
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80 and "…" not in text
    header = "\n".join(lines[:6])
    for word in ("operation", "requests", "429s", "5xx", "rps/burst", "wait s*", "span", "ideal"):
        assert word in header
    for name in names:
        api, method = name.split(".")
        assert any(line.strip() == api for line in lines)
        assert any(line.split()[:2] == [method, str(100_000 - names.index(name))] for line in lines if line.strip())
    assert "1234/30" in text and "12346" in text and "1235" in text and "1200" in text


def test_the_demo_command_prints_its_table_at_80_columns() -> None:
    result = CliRunner().invoke(build_app(), ["demo", "--orders", "60", "--time-scale", "1000"],
                                env={"COLUMNS": "80"})  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80 and "…" not in result.stdout
    assert any(line.split()[:2] == ["get_order_items", "60"] for line in lines if line.strip())


def test_export_with_items_prints_progress_lines_while_it_runs(tmp_path: Path) -> None:
    """The issue's bar: ``orders export --with-items`` with stderr not a terminal (a pipe) prints progress lines
    during the run, not only at the end. The emulator's plan for getOrderItems (0.5/s x 200, burst 30) makes 130
    orders take at least (130 - 30) / 100 = 1 s whatever the machine, so lines every 0.1 s must show up first."""
    import subprocess
    import sys
    import threading

    emulator = Emulator(time_scale=200, seed=9, orders=130, credentials={"app-cli": "secret-cli"},
                        refresh_tokens=["Atzr|cli"])  # fmt: skip
    server, thread, url = start_server(emulator)
    out = tmp_path / "orders.jsonl"
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-c", "from spapi_async.cli import main; main()", "orders", "export", "--since",
               "2000-01-01", "--with-items", "--out", str(out), "--progress-interval", "0.1",
               *_target(url, _env_file(tmp_path))]  # fmt: skip
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    watchdog = threading.Timer(120, proc.kill)
    watchdog.start()
    try:
        assert proc.stderr is not None
        running_at_first_line = None
        lines = []
        for line in proc.stderr:
            lines.append(line.rstrip("\n"))
            if running_at_first_line is None:
                running_at_first_line = proc.poll() is None
        stdout, _ = proc.communicate(timeout=60)
    finally:
        watchdog.cancel()
        server.should_exit = True
        thread.join(10)
    assert proc.returncode == 0, lines
    assert "130 orders" in stdout
    progress = [line for line in lines if re.match(r"^orders export \d+\.\ds \| orders \d+", line)]
    assert progress and lines.index(progress[0]) < len(lines) - 1  # at least one line before the end line
    assert running_at_first_line  # and the first one came while the export was still running
    assert lines[-1].startswith("orders export done after ") and "| orders 130 (" in lines[-1]
    assert "| items " in progress[0] and "| requests " in progress[0] and "| 429s " in progress[0]
    assert "| quota wait " in progress[0]
    assert all(line in progress or line == lines[-1] for line in lines)  # nothing else on stderr


def _spapi_async(*args: str) -> list[str]:
    import sys

    return [sys.executable, "-c", "from spapi_async.cli import main; main()", *args]


def test_the_emulator_command_shows_the_requests_it_serves() -> None:
    import signal
    import subprocess
    import threading

    import httpx

    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = _spapi_async("emulator", "--port", "0", "--orders", "5", "--progress-interval", "0.05")
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout is not None and proc.stderr is not None
        banner = proc.stdout.readline()
        found = re.search(r"on (http://127\.0\.0\.1:\d+) ", banner)
        assert found, banner
        url = found.group(1)
        token = httpx.post(url + "/auth/o2/token", data={"grant_type": "refresh_token", "refresh_token": "Atzr|x",
                           "client_id": "a", "client_secret": "b"}).json()["access_token"]  # fmt: skip
        for _ in range(3):
            answer = httpx.get(url + "/sellers/v1/marketplaceParticipations", headers={"x-amz-access-token": token})
            assert answer.status_code == 200
        seen = []
        for line in proc.stderr:  # lines come only when a figure changed; wait for the third request
            seen.append(line.rstrip("\n"))
            if "requests served 3 " in line:
                break
        proc.send_signal(signal.SIGINT)
        _, rest = proc.communicate(timeout=30)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert all(re.match(r"^emulator \d+\.\ds \| requests served \d+ \(.*/s\) \| 429s 0$", line) for line in seen)
    assert seen[-1].split(" | ")[1].startswith("requests served 3 ")
    assert rest.splitlines()[0].startswith("emulator stopped after ")
