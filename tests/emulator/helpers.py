"""Helpers for the emulator tests: a client wired to an emulator in-process (``httpx.ASGITransport``)."""

from __future__ import annotations

from typing import Any

import httpx

import spapi_async as sp
from spapi_async.emulator import Emulator

from ..fakes import InstantClock

BASE = "http://127.0.0.1"
LWA = BASE + "/auth/o2/token"
US = "ATVPDKIKX0DER"
EPOCH = 1_790_000_000.0  # fixed data dates
#: a Data Kiosk query its dataset's schema accepts
QUERY = (
    "query { analytics_salesAndTraffic_2024_04_24 { salesAndTrafficByDate(aggregateBy: DAY, "
    'startDate: "2026-01-01", endDate: "2026-01-31", marketplaceIds: ["ATVPDKIKX0DER"]) { startDate } } }'
)


def emulator(**kwargs: Any) -> tuple[Emulator, InstantClock]:
    clock = kwargs.pop("clock", None) or InstantClock(EPOCH + 3600)
    kwargs.setdefault("epoch", EPOCH)
    kwargs.setdefault("orders", 250)
    return Emulator(clock=clock, **kwargs), clock


def http_for(emu: Emulator) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=emu.app), base_url=BASE)


def client_for(emu: Emulator, http: httpx.AsyncClient | None = None, **kwargs: Any) -> sp.SPAPIClient:
    kwargs.setdefault("client_id", "app-1")
    kwargs.setdefault("client_secret", "secret-1")
    if "grantless_scopes" not in kwargs:
        kwargs.setdefault("refresh_token", "Atzr|refresh-1")
    kwargs.setdefault("limiter", sp.NullLimiter())
    kwargs.setdefault("clock", emu.clock)  # retries wait on the emulator's (instant) clock
    return sp.SPAPIClient(endpoint=BASE, lwa_endpoint=LWA, http_client=http or http_for(emu), **kwargs)


async def token(http: httpx.AsyncClient, **form: str) -> str:
    data = {"grant_type": "refresh_token", "client_id": "app-1", "client_secret": "s", "refresh_token": "r", **form}
    response = await http.post("/auth/o2/token", data=data)
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])
