"""A local SP-API + Login with Amazon (+ Seller Center) emulator with Amazon's usage plans (extra ``emulator``).

::

    from spapi_async.emulator import Emulator

    emulator = Emulator(time_scale=100, seed=7, orders=1000)
    async with emulator.serve(port=0) as base_url:
        async with sp.SPAPIClient(client_id="app", client_secret="s", refresh_token="r",
                                  endpoint=base_url, lwa_endpoint=base_url + "/auth/o2/token") as client:
            ...
"""

from __future__ import annotations

from .app import LWA_PATH, STATS_PATH, Emulator
from .faults import Faults
from .sellercenter import legacy_signature

__all__ = ["LWA_PATH", "STATS_PATH", "Emulator", "Faults", "legacy_signature"]
