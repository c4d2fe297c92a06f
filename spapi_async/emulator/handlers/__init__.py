"""Stateful handlers, one module per API."""

from __future__ import annotations

from ..routes import Router


def register_all(router: Router) -> None:
    from . import (
        catalog,
        datakiosk,
        feeds,
        listings,
        notifications,
        order_changes,
        orders_2026,
        orders_v0,
        reports,
        sellers,
        tokens,
        vendor,
        vendor_shipping,
    )

    for module in (
        orders_v0,
        orders_2026,
        tokens,
        sellers,
        catalog,
        listings,
        reports,
        feeds,
        notifications,
        datakiosk,
        vendor,
        vendor_shipping,
        order_changes,
    ):
        module.register(router)
