"""The public names, and that importing the package does not load the Seller Center clients."""

from __future__ import annotations

import subprocess
import sys

import spapi_async as sp
from spapi_async.errors import ApiError, SPAPIError


def test_public_names() -> None:
    for name in ("SellerCenterClient", "SellerCenterLegacyClient", "SellerCenterError", "SellerCenterLegacyError"):
        assert name in sp.__all__
        assert getattr(sp, name).__name__ == name
    assert issubclass(sp.SellerCenterError, ApiError)
    assert issubclass(sp.SellerCenterLegacyError, SPAPIError)


def test_import_stays_lazy() -> None:
    code = (
        "import sys, spapi_async as sp\n"
        "assert 'spapi_async.sellercenter.client' not in sys.modules\n"
        "assert 'spapi_async.sellercenter.legacy' not in sys.modules\n"
        "sp.SellerCenterClient\n"
        "assert 'spapi_async.sellercenter.client' in sys.modules\n"
        "assert 'spapi_async.sellercenter.v2.orders' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
