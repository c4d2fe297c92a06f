"""The ``spapi-async`` command through typer's runner, against the emulator served on loopback."""

from __future__ import annotations

import csv
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spapi_async.cli.app import build_app
from spapi_async.emulator import LWA_PATH, Emulator
from spapi_async.emulator.app import start_server

runner = CliRunner()
CREDS = {"LWA_APP_ID": "app-cli", "LWA_CLIENT_SECRET": "secret-cli", "SP_API_REFRESH_TOKEN": "Atzr|cli"}


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[Emulator, str]]:
    emulator = Emulator(time_scale=1000, seed=3, orders=230, strict=True,
                        credentials={"app-cli": "secret-cli"}, refresh_tokens=["Atzr|cli"])  # fmt: skip
    server, thread, url = start_server(emulator)
    try:
        yield emulator, url
    finally:
        server.should_exit = True
        thread.join(10)


def _env_file(tmp_path: Path, **changes: str) -> Path:
    path = tmp_path / "creds.env"
    values = {**CREDS, **changes}
    path.write_text("# test credentials\n" + "".join(f'export {k}="{v}"\n' for k, v in values.items()))
    return path


def _invoke(args: list[str]) -> tuple[int, str, str]:
    result = runner.invoke(build_app(), args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _target(url: str, env: Path) -> list[str]:
    return ["--endpoint", url, "--lwa-endpoint", url + LWA_PATH, "--env-file", str(env)]


def test_orders_export_jsonl_with_items(served: tuple[Emulator, str], tmp_path: Path) -> None:
    emulator, url = served
    out = tmp_path / "orders.jsonl"
    code, stdout, stderr = _invoke(
        [
            "orders",
            "export",
            "--since",
            "2000-01-01",
            "--out",
            str(out),
            "--with-items",
            *_target(url, _env_file(tmp_path)),
        ]
    )
    assert code == 0, stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["AmazonOrderId"] for r in records] == [o.order_id for o in emulator.world.orders]
    assert [len(r["OrderItems"]) for r in records] == [len(o.items) for o in emulator.world.orders]
    assert f"{len(records)} orders" in stdout
    assert not Path(str(out) + ".checkpoint.json").exists()


def test_orders_export_csv_with_a_window(served: tuple[Emulator, str], tmp_path: Path) -> None:
    emulator, url = served
    middle = emulator.world.orders[100]
    out = tmp_path / "orders.csv"
    from spapi_async.emulator.timefmt import iso

    code, _, stderr = _invoke(
        ["orders", "export", "--since", "2000-01-01", "--until", iso(middle.purchase + 1), "--out", str(out),
         *_target(url, _env_file(tmp_path))]
    )  # fmt: skip
    assert code == 0, stderr
    rows = list(csv.DictReader(out.open()))
    assert [r["AmazonOrderId"] for r in rows] == [o.order_id for o in emulator.world.orders[:101]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "last tuesday"], "--since must be a date"),
        (["--since", "2025-02-01", "--until", "2025-01-01"], "must be later than --since"),
    ],
)
def test_orders_export_bad_dates_fail_in_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    code, _, stderr = _invoke(["orders", "export", *args, "--out", str(tmp_path / "o.jsonl")])
    assert code == 1
    assert stderr.strip().count("\n") == 0 and message in stderr and "Traceback" not in stderr


def test_unwritable_output_fails_before_any_request(served: tuple[Emulator, str], tmp_path: Path) -> None:
    emulator, url = served
    before = emulator.snapshot()["totals"]["requests"]
    code, _, stderr = _invoke(
        ["orders", "export", "--since", "2000-01-01", "--out", str(tmp_path / "missing" / "o.jsonl"),
         *_target(url, _env_file(tmp_path))]
    )  # fmt: skip
    assert code == 1 and "does not exist" in stderr and stderr.count("\n") == 1
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        # as root, permissions do not bind: then a directory stands in for an unwritable file
        target = tmp_path if os.access(locked, os.W_OK) else locked / "o.jsonl"
        code, _, stderr = _invoke(["reports", "get", "GET_X", "--out", str(target), *_target(url, _env_file(tmp_path))])
        assert code == 1 and "cannot write" in stderr
    finally:
        os.chmod(locked, 0o700)
    assert emulator.snapshot()["totals"]["requests"] == before


def test_bad_credentials_print_one_line_and_debug_shows_the_traceback(
    served: tuple[Emulator, str], tmp_path: Path
) -> None:
    _, url = served
    env = _env_file(tmp_path, LWA_CLIENT_SECRET="wrong")
    args = ["orders", "export", "--since", "2000-01-01", "--out", str(tmp_path / "o.jsonl"), *_target(url, env)]
    code, _, stderr = _invoke(args)
    assert code == 1
    assert stderr.count("\n") == 1 and "invalid_client" in stderr and "Traceback" not in stderr
    assert "secret-cli" not in stderr and "wrong" not in stderr
    code, _, stderr = _invoke(["--debug", *args])
    assert code == 1 and "Traceback" in stderr
    code, _, stderr = _invoke(["orders", "export", "--since", "2000-01-01", "--out", str(tmp_path / "o.jsonl"),
                               "--env-file", str(tmp_path / "nope.env")])  # fmt: skip
    assert code == 1 and "cannot read --env-file" in stderr


def test_reports_get_saves_the_decompressed_document(served: tuple[Emulator, str], tmp_path: Path) -> None:
    emulator, url = served
    out = tmp_path / "report.tsv"
    code, stdout, stderr = _invoke(
        ["reports", "get", "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL", "--out", str(out),
         "--since", "2000-01-01", "--poll-interval", "0.01", *_target(url, _env_file(tmp_path))]
    )  # fmt: skip
    assert code == 0, stderr
    lines = out.read_text().splitlines()
    assert lines[0].startswith("amazon-order-id") and len(lines) == 1 + sum(len(o.items) for o in emulator.world.orders)
    assert "DONE" in stdout
    code, _, stderr = _invoke(
        [
            "reports",
            "get",
            "FEE_DISCOUNTS_REPORT",  # a known type the emulator does not produce: FATAL
            "--out",
            str(out),
            "--poll-interval",
            "0.01",
            *_target(url, _env_file(tmp_path)),
        ]
    )
    assert code == 1 and "FATAL" in stderr and stderr.count("\n") == 1


def test_feeds_submit_prints_the_processing_summary(served: tuple[Emulator, str], tmp_path: Path) -> None:
    _, url = served
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"header": {"sellerId": "S", "version": "2.0"}, "messages": [
        {"messageId": 1, "sku": "EMU-SKU-00002", "operationType": "DELETE"}]}))  # fmt: skip
    report = tmp_path / "report.json"
    code, stdout, stderr = _invoke(
        ["feeds", "submit", "JSON_LISTINGS_FEED", str(feed), "--poll-interval", "0.01", "--report-out", str(report),
         *_target(url, _env_file(tmp_path))]
    )  # fmt: skip
    assert code == 0, stderr
    assert "DONE" in stdout and "accepted 1" in stdout
    assert json.loads(report.read_text())["summary"]["messagesProcessed"] == 1
    code, _, stderr = _invoke(["feeds", "submit", "JSON_LISTINGS_FEED", str(tmp_path / "none.json")])
    assert code == 1 and "cannot read" in stderr


def test_emulator_command_reports_a_busy_port_in_one_line() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, stderr = _invoke(["emulator", "--port", str(port), "--orders", "5"])
    assert code == 1 and f"cannot serve on 127.0.0.1:{port}" in stderr


def test_demo_json_runs_the_job_through_the_real_client() -> None:
    code, stdout, stderr = _invoke(["demo", "--json", "--orders", "150", "--time-scale", "1000"])
    assert code == 0, stderr
    result = json.loads(stdout)
    assert result["orders"] == 150 and result["items"] >= 150 and result["report_rows"] == result["items"]
    assert result["feed_messages_accepted"] == 25
    assert result["throttled"] == 0
    ops = {row["operation"]: row for row in result["operations"]}
    assert ops["orders_v0.get_order_items"]["requests"] == 150
    assert ops["orders_v0.get_orders"]["requests"] == 2
    assert result["requests"] == sum(row["requests"] for row in result["operations"])


def test_ctrl_c_says_where_to_resume_and_the_rerun_resumes(
    served: tuple[Emulator, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    import spapi_async as sp
    from spapi_async.cli import common

    from .test_export_resume import CutAfter

    emulator, url = served
    out = tmp_path / "orders.jsonl"
    args = ["orders", "export", "--since", "2000-01-01", "--out", str(out), *_target(url, _env_file(tmp_path))]

    def interrupted_client(**_: object) -> sp.SPAPIClient:
        http = httpx.AsyncClient(transport=CutAfter(httpx.AsyncHTTPTransport(), 2))
        return sp.SPAPIClient(
            "app-cli", "secret-cli", "Atzr|cli", endpoint=url, lwa_endpoint=url + LWA_PATH, http_client=http
        )

    with monkeypatch.context() as patch:
        patch.setattr(common, "build_client", interrupted_client)
        code, _, stderr = _invoke(args)
    assert code == 130
    assert "run the same command again to resume" in stderr and "orders.jsonl.checkpoint.json" in stderr
    code, stdout, stderr = _invoke(args)
    assert code == 0, stderr
    assert "(resumed)" in stdout
    assert [json.loads(line)["AmazonOrderId"] for line in out.read_text().splitlines()] == [
        o.order_id for o in emulator.world.orders
    ]


def test_demo_draws_progress_and_the_final_table() -> None:
    result = runner.invoke(build_app(), ["demo", "--orders", "120", "--time-scale", "1000"], env={"COLUMNS": "200"})
    code, stdout, stderr = result.exit_code, result.stdout, result.stderr
    assert code == 0, stderr
    assert "orders_v0" in stdout and " get_order_items " in stdout and "quota" in stdout
    assert "records: 120 orders" in stdout and "429s: 0" in stdout
    assert stderr.splitlines()[-1].startswith("demo done after ") and "orders listed 120/120" in stderr
