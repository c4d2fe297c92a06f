"""The generated v2 modules: up to date with the description, deterministic, and covering every path."""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import pytest
import yaml

from codegen import sellercenter as gen
from spapi_async.sellercenter import SellerCenterClient
from spapi_async.sellercenter.v2._operations import OPERATIONS

SPEC = Path(os.environ.get("SPAPI_SHARED") or Path(__file__).resolve().parents[3] / "shared") / gen.SPEC_NAME


@pytest.fixture(scope="module")
def spec() -> dict[str, object]:
    if not SPEC.is_file():
        pytest.fail(f"Seller Center description not found at {SPEC}: set SPAPI_SHARED")
    with SPEC.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def generated() -> dict[Path, str]:
    return gen.generate(SPEC)


def test_committed_output_matches_a_fresh_generation(generated: dict[Path, str]) -> None:
    drift = [p.name for p, text in generated.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
    assert drift == [], "run `python -m codegen.sellercenter` and commit the result"
    assert gen.generated_files() == set(generated)


def test_generation_is_deterministic(generated: dict[Path, str]) -> None:
    assert gen.generate(SPEC) == generated


def test_every_path_and_operation_is_covered(spec: dict[str, object]) -> None:
    paths = spec["paths"]
    assert isinstance(paths, dict)
    expected = {(method.upper(), path) for path, item in paths.items() for method in item if method in gen.HTTP_METHODS}
    assert {(m, p) for m, p, *_ in OPERATIONS} == expected
    assert len({p for _, p, *_ in OPERATIONS}) == len(paths) == 214
    assert len(OPERATIONS) == 236


def test_every_operation_is_reachable_from_the_client() -> None:
    client = SellerCenterClient("http://127.0.0.1", "a", "b")
    for method, path, attribute, name, style in OPERATIONS:
        resource = getattr(client, attribute)
        function = getattr(resource, name)
        assert f"``{method} {path}``" in (function.__doc__ or "")
        assert inspect.iscoroutinefunction(function) == (style is None), (attribute, name)


def test_generated_files_carry_the_header(generated: dict[Path, str]) -> None:
    assert all(text.startswith("# generated — do not edit") for text in generated.values())


def test_pagination_styles_are_detected() -> None:
    styles = {path: style for method, path, _, _, style in OPERATIONS if style}
    assert styles["/v2/orders"] == "has_next"
    assert styles["/v2/manifest"] == "has_next"
    assert styles["/v2/archive/orders"] == "data_has_next"
    assert styles["/v2/brands"] == "total"
    assert len(styles) == 24
