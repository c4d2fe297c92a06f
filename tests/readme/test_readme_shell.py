"""Every command line of README's shell blocks runs, except the few listed in NOT_RUN with the reason.

A line runs through ``bash`` in a temporary directory holding the input files README names (``feed.json``), with
``spapi-async`` on PATH (this checkout's command) and the credentials and endpoint of an emulator served on
loopback in the environment and in ``creds.env``. Substituted: the credentials, the endpoint and a fixed
``--port`` (a free one instead); README's optional-argument brackets (``demo [--orders ...]``) are dropped and the
options inside them given. A line that serves (``spapi-async emulator``) must answer HTTP on its port, then stops on
Ctrl-C; every other line must exit 0 within the time limit and write the files its ``--out`` names.

NOT_RUN must list exactly the lines that do not run: a new README line is run unless someone adds it there.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import httpx
import pytest

from spapi_async.emulator import LWA_PATH, Emulator

from .blocks import INPUT_FILES, README, shell_blocks

REPO_ROOT = README.parent
LINE_TIME_LIMIT = 240.0  # seconds for one command line (the demo's 1,000 orders take about 20 s)
SERVE_TIME_LIMIT = 30.0

#: README lines the suite does not run, and why. Matched against the whole command line.
NOT_RUN: dict[str, str] = {
    r'^python3 -m venv \.venv && \.venv/bin/pip install -q "\.\[all\]" && \.venv/bin/spapi-async demo$': (
        "Quick start line 1 builds a virtualenv and installs from the package index (network, minutes); .ci/run "
        "does the same install (with the dev extra) on every CI run, and the command it ends with, "
        "`spapi-async demo`, runs here from README's command-line block"
    ),
    r'^python3 -m venv \.venv && \.venv/bin/pip install -q "\.\[all,dev\]" && \.venv/bin/python -m pytest -q$': (
        "Quick start line 2 is this test suite itself; .ci/run runs exactly this line"
    ),
}
#: Commands that serve until stopped.
SERVERS = ("spapi-async emulator",)


def command_lines() -> list[tuple[int, str]]:
    """``(README line, command)`` for every command of every shell block (comments and prompts dropped)."""
    lines: list[tuple[int, str]] = []
    for block in shell_blocks():
        for offset, raw in enumerate(block.source.splitlines()):
            text = raw.strip()
            if not text or text.startswith("#"):
                continue
            text = text.removeprefix("$ ")
            text = re.sub(r"\s+#.*$", "", text)  # a trailing comment
            lines.append((block.line + offset, text))
    return lines


def is_run(command: str) -> bool:
    return not any(re.match(pattern, command) for pattern in NOT_RUN)


RUN = [(n, c) for n, c in command_lines() if is_run(c)]


def test_readme_shell_lines_are_found_and_the_not_run_list_is_exact() -> None:
    found = command_lines()
    assert len(found) >= 5, "README.md's shell blocks were not found"
    for pattern in NOT_RUN:
        assert any(re.match(pattern, c) for _, c in found), f"NOT_RUN names a line README no longer has: {pattern}"
    assert any(c.startswith("spapi-async demo") for _, c in RUN)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def substitute(command: str, port: int) -> str:
    command = re.sub(r"\[([^\]]*)\]", r"\1", command)  # usage brackets: give the optional arguments
    command = re.sub(r"--port \d+", f"--port {port}", command)
    return re.sub(r"\s+", " ", command).strip()


@pytest.fixture
async def emulator_url() -> AsyncIterator[str]:
    emulator = Emulator(time_scale=1000, seed=5, orders=40)
    async with emulator.serve(port=0) as base_url:
        yield base_url


def _environment(tmp_path: Path, base_url: str) -> dict[str, str]:
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "spapi-async"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -c "from spapi_async.cli import main; main()" "$@"\n')
    shim.chmod(0o755)
    credentials = {
        "SPAPI_CLIENT_ID": "amzn1.application-oa2-client.readme",
        "SPAPI_CLIENT_SECRET": "readme-secret",
        "SPAPI_REFRESH_TOKEN": "Atzr|readme-seller",
        "SPAPI_ENDPOINT": base_url,
        "SPAPI_LWA_ENDPOINT": base_url + LWA_PATH,
    }
    (tmp_path / "creds.env").write_text("".join(f"{k}={v}\n" for k, v in credentials.items()))
    for name, content in INPUT_FILES.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SPAPI_CLIENT", "SPAPI_REFRESH", "LWA_", "SP_API"))}
    env |= credentials
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def _serve_and_stop(command: str, port: int, env: dict[str, str], cwd: Path) -> str:
    proc = subprocess.Popen(
        ["bash", "-c", f"exec {command}"], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + SERVE_TIME_LIMIT
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/__stats", timeout=2)
                if r.status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)  # waiting for a process to come up, not timing a test
        else:
            out = proc.communicate(timeout=10)[0] if proc.poll() is not None else b""
            raise AssertionError(f"did not serve on port {port}: {out.decode(errors='replace')}")
        proc.send_signal(signal.SIGINT)
        out = proc.communicate(timeout=20)[0].decode(errors="replace")
        assert "Traceback" not in out, out
        return out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


@pytest.mark.parametrize(("line", "command"), RUN, ids=[f"README.md:{n}" for n, _ in RUN])
async def test_readme_shell_line_runs(line: int, command: str, emulator_url: str, tmp_path: Path) -> None:
    env = _environment(tmp_path, emulator_url)
    port = _free_port()
    run = substitute(command, port)
    where = f"README.md line {line}: `{command}` (run as `{run}`)"
    if run.startswith(SERVERS):
        out = await anyio.to_thread.run_sync(_serve_and_stop, run, port, env, tmp_path)
        assert f"127.0.0.1:{port}" in out, f"{where}: no banner naming the port\n{out}"
        return
    with anyio.fail_after(LINE_TIME_LIMIT):
        done = await anyio.run_process(["bash", "-c", run], cwd=tmp_path, env=env, check=False)
    output = (done.stdout + done.stderr).decode(errors="replace")
    if done.returncode != 0:
        pytest.fail(f"{where} exited {done.returncode}:\n{output[-3000:]}", pytrace=False)
    words = shlex.split(run)
    for option, value in itertools.pairwise(words):
        if option == "--out":
            written = tmp_path / value
            assert written.is_file() and written.stat().st_size > 0, f"{where}: --out {value} was not written"
