"""The transport errors' new names, and their former names kept as deprecated aliases for one release."""

from __future__ import annotations

import importlib
import pickle
import subprocess
import sys

import pytest

import spapi_async as sp
from spapi_async import errors


@pytest.mark.parametrize(
    ("old", "new"),
    [("TimeoutError_", sp.TransportTimeoutError), ("ConnectionError_", sp.TransportConnectionError)],
)
@pytest.mark.parametrize("module", [sp, errors], ids=["spapi_async", "spapi_async.errors"])
def test_former_name_warns_and_is_the_same_class(module: object, old: str, new: type[sp.TransportError]) -> None:
    with pytest.warns(DeprecationWarning, match=rf"{old} is deprecated .* use .*\.{new.__name__}") as caught:
        alias = getattr(module, old)
    assert alias is new
    assert caught[0].filename == __file__  # the warning points at the caller, not at the library
    # Every use warns, not only the first: the alias is not cached in the module.
    with pytest.warns(DeprecationWarning, match=old):
        getattr(module, old)
    # Code that catches the former name still catches what the transport raises.
    with pytest.raises(alias):
        raise new("boom", request_sent=False)


def test_from_import_of_a_former_name_works_and_warns() -> None:
    with pytest.warns(DeprecationWarning, match="TransportConnectionError"):
        exec("from spapi_async import ConnectionError_ as legacy", namespace := {})
    assert namespace["legacy"] is sp.TransportConnectionError


def test_new_names_are_public_and_the_former_ones_are_not_advertised() -> None:
    assert {"TransportTimeoutError", "TransportConnectionError"} <= set(sp.__all__)
    assert not {"TimeoutError_", "ConnectionError_"} & set(sp.__all__)
    assert issubclass(sp.TransportTimeoutError, sp.TransportError)
    assert issubclass(sp.TransportConnectionError, sp.TransportError)
    assert sp.TransportTimeoutError.__name__ == "TransportTimeoutError"
    error = pickle.loads(pickle.dumps(sp.TransportConnectionError("reset", request_sent=True)))
    assert type(error) is sp.TransportConnectionError and error.request_sent is True


def test_star_import_and_unknown_names_do_not_warn() -> None:
    # ``from spapi_async import *`` must stay silent under -W error; an unknown name is still an AttributeError.
    code = "from spapi_async import *\nassert TransportTimeoutError and TransportConnectionError\n"
    subprocess.run([sys.executable, "-W", "error::DeprecationWarning", "-c", code], check=True)
    with pytest.raises(AttributeError):
        importlib.import_module("spapi_async.errors").__getattr__("NoSuchError_")
