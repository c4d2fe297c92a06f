"""Sellers API: getMarketplaceParticipations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...config import MARKETPLACES
from ..http import Call, Reply
from ..routes import Router
from .common import currency, sales_channel

if TYPE_CHECKING:
    from ..app import Emulator

LANGUAGES = {"US": "en_US", "CA": "en_CA", "MX": "es_MX", "GB": "en_GB", "DE": "de_DE", "FR": "fr_FR", "JP": "ja_JP"}


def participations(call: Call, emu: Emulator) -> Reply:
    out = []
    for mid in emu.marketplaces:
        m = MARKETPLACES.get(mid)
        country = m.country_code if m else "US"
        out.append(
            {
                "marketplace": {
                    "id": mid,
                    "name": sales_channel(mid),
                    "countryCode": country,
                    "defaultCurrencyCode": currency(mid),
                    "defaultLanguageCode": LANGUAGES.get(country, "en_US"),
                    "domainName": "www." + sales_channel(mid).lower(),
                },
                "participation": {"isParticipating": True, "hasSuspendedListings": False},
                "storeName": f"Emulated Store {call.st.seller_id[-4:]}",
            }
        )
    return Reply(200, {"payload": out})


def register(router: Router) -> None:
    router.route("sellers_v1.get_marketplace_participations")(participations)
