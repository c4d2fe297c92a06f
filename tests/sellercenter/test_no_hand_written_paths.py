"""Hand-written Seller Center helpers take their v2 paths from the generated table (issue #19).

The paths live in the generated ``spapi_async/sellercenter/v2`` (its resources and ``_operations.py``). That no
hand-written module spells one is checked, for the whole package, by ``tests/test_layout.py``.
"""

from __future__ import annotations

import pytest


def test_hand_written_helpers_take_their_paths_from_the_generated_table() -> None:
    from spapi_async.sellercenter.auth import SIGNED_ENDPOINTS
    from spapi_async.sellercenter.v2._operations import SIGNED
    from spapi_async.sellercenter.v2_runtime import operation

    assert operation("product_stock", "put_stock_product") == ("PUT", "/v2/stock/product")
    method, template = operation("product_price", "put_product_prices_by_country")
    assert (method, template) == ("PUT", "/v2/product/{productId}/prices/{country}")
    with pytest.raises(LookupError, match=r"product_stock\.no_such_method"):
        operation("product_stock", "no_such_method")
    assert SIGNED_ENDPOINTS is SIGNED and ("POST", "/v2/finance/transaction") in SIGNED
