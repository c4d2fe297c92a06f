"""The Redis scripts are Lua files shipped as package data, not Lua inside Python strings."""

from __future__ import annotations

import ast
from pathlib import Path

from spapi_async._redis import lua_script
from spapi_async.auth import redis_store
from spapi_async.throttle import redis_scripts as throttle_redis

PACKAGE = Path(__file__).resolve().parent.parent / "spapi_async"


def _lua_script_calls() -> list[tuple[Path, str, tuple[str, ...]]]:
    calls = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "lua_script":
                args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                assert len(args) == len(node.args), f"{path}: lua_script takes literal names only"
                calls.append((path, args[0], tuple(args[1:])))
    return calls


def test_no_python_module_holds_a_redis_script_in_a_string() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert "redis.call(" not in node.value, f"Lua in a Python string in {path.relative_to(PACKAGE)}"


def test_every_lua_file_is_used_and_every_named_file_exists() -> None:
    calls = _lua_script_calls()
    named = {(package, name) for _, package, names in calls for name in names}
    assert {package for package, _ in named} == {
        "spapi_async.throttle",
        "spapi_async.auth",
        "spapi_async.notifications",
    }
    for package, name in named:
        folder = PACKAGE.joinpath(*package.split(".")[1:], "lua")
        assert (folder / name).is_file(), f"{package}: lua/{name} is missing"
    shipped = {
        (".".join(("spapi_async", *path.parent.parent.relative_to(PACKAGE).parts)), path.name)
        for path in PACKAGE.rglob("*.lua")
    }
    assert shipped == named, f"unused Lua files: {sorted(shipped - named)}"


def test_scripts_are_their_parts_in_order() -> None:
    prologue = lua_script("spapi_async.throttle", "prologue.lua")
    assert prologue.startswith("\nif redis.replicate_commands")
    assert throttle_redis.BUCKET_ACQUIRE.startswith(prologue + lua_script("spapi_async.throttle", "bucket_load.lua"))
    assert (
        lua_script("spapi_async.throttle", "prologue.lua", "window_load.lua", "window_cancel.lua")
        == throttle_redis.WINDOW_CANCEL
    )
    assert redis_store.TAKE_LOCK.startswith(lua_script("spapi_async.auth", "key_type.lua"))
    assert "redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])" in redis_store.TAKE_LOCK
