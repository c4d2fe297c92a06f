"""Regions, endpoints and marketplaces (facts from Amazon's SP-API documentation), and client settings."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from ._checks import header_value, optional_str, timeout_seconds
from .errors import ConfigurationError


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # "na" | "eu" | "fe"
    endpoint: str
    sandbox_endpoint: str
    aws_region: str


REGIONS: Mapping[str, Region] = MappingProxyType(
    {
        "na": Region(
            "na",
            "https://sellingpartnerapi-na.amazon.com",
            "https://sandbox.sellingpartnerapi-na.amazon.com",
            "us-east-1",
        ),
        "eu": Region(
            "eu",
            "https://sellingpartnerapi-eu.amazon.com",
            "https://sandbox.sellingpartnerapi-eu.amazon.com",
            "eu-west-1",
        ),
        "fe": Region(
            "fe",
            "https://sellingpartnerapi-fe.amazon.com",
            "https://sandbox.sellingpartnerapi-fe.amazon.com",
            "us-west-2",
        ),
    }
)

LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token"


@dataclass(frozen=True, slots=True)
class Marketplace:
    id: str
    country_code: str
    name: str
    region: str
    seller_central_url: str
    vendor_central_url: str


def _m(mid: str, cc: str, name: str, region: str, sc: str, vc: str) -> Marketplace:
    return Marketplace(mid, cc, name, region, f"https://{sc}", f"https://{vc}")


_MARKETPLACE_LIST = (
    # North America
    _m("A2EUQ1WTGCTBG2", "CA", "Canada", "na", "sellercentral.amazon.ca", "vendorcentral.amazon.ca"),
    _m("ATVPDKIKX0DER", "US", "United States", "na", "sellercentral.amazon.com", "vendorcentral.amazon.com"),
    _m("A1AM78C64UM0Y8", "MX", "Mexico", "na", "sellercentral.amazon.com.mx", "vendorcentral.amazon.com.mx"),
    _m("A2Q3Y263D00KWC", "BR", "Brazil", "na", "sellercentral.amazon.com.br", "vendorcentral.amazon.com.br"),
    # Europe
    _m("A28R8C7NBKEWEA", "IE", "Ireland", "eu", "sellercentral.amazon.ie", "vendorcentral.amazon.com.ie"),
    _m("A1RKKUPIHCS9HS", "ES", "Spain", "eu", "sellercentral-europe.amazon.com", "vendorcentral.amazon.es"),
    _m(
        "A1F83G8C2ARO7P",
        "GB",
        "United Kingdom",
        "eu",
        "sellercentral-europe.amazon.com",
        "vendorcentral.amazon.co.uk",
    ),
    _m("A13V1IB3VIYZZH", "FR", "France", "eu", "sellercentral-europe.amazon.com", "vendorcentral.amazon.fr"),
    _m("AMEN7PMS3EDWL", "BE", "Belgium", "eu", "sellercentral.amazon.com.be", "vendorcentral.amazon.com.be"),
    _m("A1805IZSGTT6HS", "NL", "Netherlands", "eu", "sellercentral.amazon.nl", "vendorcentral.amazon.nl"),
    _m("A1PA6795UKMFR9", "DE", "Germany", "eu", "sellercentral-europe.amazon.com", "vendorcentral.amazon.de"),
    _m("APJ6JRA9NG5V4", "IT", "Italy", "eu", "sellercentral-europe.amazon.com", "vendorcentral.amazon.it"),
    _m("A2NODRKZP88ZB9", "SE", "Sweden", "eu", "sellercentral.amazon.se", "vendorcentral.amazon.se"),
    _m(
        "AE08WJ6YKNBMC",
        "ZA",
        "South Africa",
        "eu",
        "sellercentral.amazon.co.za",
        "vendorcentral.amazon.co.za",
    ),
    _m("A1C3SOZRARQ6R3", "PL", "Poland", "eu", "sellercentral.amazon.pl", "vendorcentral.amazon.pl"),
    _m("ARBP9OOSHTCHU", "EG", "Egypt", "eu", "sellercentral.amazon.eg", "vendorcentral.amazon.me"),
    _m("A33AVAJ2PDY3EV", "TR", "Turkey", "eu", "sellercentral.amazon.com.tr", "vendorcentral.amazon.com.tr"),
    _m("A17E79C6D8DWNP", "SA", "Saudi Arabia", "eu", "sellercentral.amazon.sa", "vendorcentral.amazon.me"),
    _m(
        "A2VIGQ35RCS4UG",
        "AE",
        "United Arab Emirates",
        "eu",
        "sellercentral.amazon.ae",
        "vendorcentral.amazon.me",
    ),
    _m("A21TJRUUN4KGV", "IN", "India", "eu", "sellercentral.amazon.in", "www.vendorcentral.in"),
    # Far East
    _m("A19VAU5U5O7RUS", "SG", "Singapore", "fe", "sellercentral.amazon.sg", "vendorcentral.amazon.com.sg"),
    _m(
        "A39IBJ37TRP1C6",
        "AU",
        "Australia",
        "fe",
        "sellercentral.amazon.com.au",
        "vendorcentral.amazon.com.au",
    ),
    _m("A1VC38T7YXB528", "JP", "Japan", "fe", "sellercentral.amazon.co.jp", "vendorcentral.amazon.co.jp"),
)

MARKETPLACES: Mapping[str, Marketplace] = MappingProxyType({m.id: m for m in _MARKETPLACE_LIST})
_BY_COUNTRY: Mapping[str, Marketplace] = MappingProxyType(
    {m.country_code: m for m in _MARKETPLACE_LIST} | {"UK": MARKETPLACES["A1F83G8C2ARO7P"]}
)


def get_marketplace(id_or_country: str) -> Marketplace:
    """A marketplace by id (``"ATVPDKIKX0DER"``) or country code (``"US"``, ``"DE"``, ``"UK"``)."""
    key = id_or_country.strip()
    found = MARKETPLACES.get(key) or _BY_COUNTRY.get(key.upper())
    if found is None:
        raise ConfigurationError(
            f"unknown marketplace {id_or_country!r}; use a marketplace id such as 'ATVPDKIKX0DER' "
            f"or a country code such as 'US' (known: {', '.join(sorted(_BY_COUNTRY))})"
        )
    return found


def get_region(code: str) -> Region:
    region = REGIONS.get(code.strip().lower())
    if region is None:
        raise ConfigurationError(f"unknown region {code!r}; expected one of {', '.join(REGIONS)}")
    return region


class Secret:
    """A string that never shows itself in ``repr``/``str``/logs. ``.get()`` returns the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


def _secret(value: str | Secret | None) -> Secret | None:
    if value is None or isinstance(value, Secret):
        return value
    return Secret(value)


@dataclass(frozen=True, slots=True)
class ClientConfig:
    """Immutable settings of an :class:`~spapi_async.SPAPIClient`. ``with_options`` makes changed copies."""

    client_id: str
    client_secret: Secret = field(repr=False)
    refresh_token: Secret | None = field(default=None, repr=False)
    grantless_scopes: tuple[str, ...] = ()
    region: Region = REGIONS["na"]
    marketplace: Marketplace | None = None
    sandbox: bool = False
    endpoint: str = ""
    lwa_endpoint: str = LWA_TOKEN_URL
    aws_access_key: Secret | None = field(default=None, repr=False)
    aws_secret_key: Secret | None = field(default=None, repr=False)
    aws_session_token: Secret | None = field(default=None, repr=False)
    role_arn: str | None = None
    role_session_name: str = "spapi-async"
    app_name: str | None = None
    app_version: str | None = None
    user_agent: str | None = None
    timeout: float = 30.0
    connect_timeout: float = 10.0

    @property
    def base_url(self) -> str:
        return self.endpoint

    @property
    def signs_requests(self) -> bool:
        return bool(self.aws_access_key and self.aws_secret_key) or self.role_arn is not None

    def replace(self, **changes: Any) -> ClientConfig:
        return replace(self, **changes)


_SECRETS = ("client_secret", "refresh_token", "aws_access_key", "aws_secret_key", "aws_session_token")
_STRINGS = ("client_id", "region", "marketplace", "endpoint", "lwa_endpoint", "role_arn", "app_name", "app_version")


def _check_types(args: Mapping[str, Any]) -> None:
    """Each argument of :func:`build_config` has the type it is documented with (checked before its value)."""
    for name in _STRINGS:
        optional_str(name, args[name])
    for name in _SECRETS:
        if not isinstance(args[name], Secret):
            optional_str(name, args[name])
    scopes = args["grantless_scopes"]
    if scopes is not None and (
        isinstance(scopes, str) or not isinstance(scopes, (list, tuple)) or not all(isinstance(s, str) for s in scopes)
    ):
        raise ConfigurationError(f"grantless_scopes must be a list of strings, got {scopes!r}")
    if not isinstance(args["sandbox"], bool):
        raise ConfigurationError(f"sandbox must be True or False, got {type(args['sandbox']).__name__}")
    if args["user_agent"] is not None:
        header_value("user_agent", args["user_agent"])


def build_config(
    *,
    client_id: str | None,
    client_secret: str | Secret | None,
    refresh_token: str | Secret | None = None,
    grantless_scopes: list[str] | tuple[str, ...] | None = None,
    region: str | None = None,
    marketplace: str | None = None,
    sandbox: bool = False,
    endpoint: str | None = None,
    lwa_endpoint: str | None = None,
    aws_access_key: str | Secret | None = None,
    aws_secret_key: str | Secret | None = None,
    aws_session_token: str | Secret | None = None,
    role_arn: str | None = None,
    app_name: str | None = None,
    app_version: str | None = None,
    user_agent: str | None = None,
    timeout: float = 30.0,
) -> ClientConfig:
    """Validate user input and build a :class:`ClientConfig`. Every problem is a :class:`ConfigurationError`."""
    _check_types(locals())
    missing = [n for n, v in (("client_id", client_id), ("client_secret", client_secret)) if not v]
    if missing:
        raise ConfigurationError(
            f"missing LWA credentials: {', '.join(missing)} (pass them, or set LWA_APP_ID / "
            "LWA_CLIENT_SECRET or SPAPI_CLIENT_ID / SPAPI_CLIENT_SECRET for from_env())"
        )
    # Without a refresh token the client can call grantless operations only (each knows its scope); a seller
    # operation then raises ConfigurationError before any request.
    scopes = tuple(grantless_scopes or ())
    mkt = get_marketplace(marketplace) if marketplace else None
    if region:
        reg = get_region(region)
        if mkt is not None and mkt.region != reg.code:
            raise ConfigurationError(
                f"marketplace {mkt.id} ({mkt.country_code}) belongs to region {mkt.region!r}, not {reg.code!r}"
            )
    else:
        reg = REGIONS[mkt.region] if mkt else REGIONS["na"]
    if bool(aws_access_key) != bool(aws_secret_key):
        raise ConfigurationError("aws_access_key and aws_secret_key must be given together")
    if aws_session_token and not aws_access_key:
        raise ConfigurationError("aws_session_token goes with aws_access_key and aws_secret_key (pass all three)")
    if role_arn is not None and not role_arn.startswith("arn:"):
        raise ConfigurationError(f"role_arn must be an ARN (arn:aws:iam::...), got {role_arn!r}")
    if endpoint:
        if not endpoint.startswith(("http://", "https://")):
            raise ConfigurationError(f"endpoint must be an http(s) URL, got {endpoint!r}")
        base = endpoint.rstrip("/")
    else:
        base = reg.sandbox_endpoint if sandbox else reg.endpoint
    if lwa_endpoint and not lwa_endpoint.startswith(("http://", "https://")):
        raise ConfigurationError(f"lwa_endpoint must be an http(s) URL, got {lwa_endpoint!r}")
    timeout = timeout_seconds("timeout", timeout)
    return ClientConfig(
        client_id=str(client_id),
        client_secret=Secret(str(client_secret)) if not isinstance(client_secret, Secret) else client_secret,
        refresh_token=_secret(refresh_token) if refresh_token else None,
        grantless_scopes=scopes,
        region=reg,
        marketplace=mkt,
        sandbox=sandbox,
        endpoint=base,
        lwa_endpoint=lwa_endpoint or LWA_TOKEN_URL,
        aws_access_key=_secret(aws_access_key),
        aws_secret_key=_secret(aws_secret_key),
        aws_session_token=_secret(aws_session_token),
        role_arn=role_arn,
        app_name=app_name,
        app_version=app_version,
        user_agent=user_agent,
        timeout=timeout,
    )


#: (our name, python-amazon-sp-api's name) for each setting ``from_env`` reads; ours wins when both are set.
ENV_NAMES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "client_id": ("SPAPI_CLIENT_ID", "LWA_APP_ID"),
        "client_secret": ("SPAPI_CLIENT_SECRET", "LWA_CLIENT_SECRET"),
        "refresh_token": ("SPAPI_REFRESH_TOKEN", "SP_API_REFRESH_TOKEN"),
        "aws_access_key": ("SPAPI_AWS_ACCESS_KEY", "SP_API_ACCESS_KEY"),
        "aws_secret_key": ("SPAPI_AWS_SECRET_KEY", "SP_API_SECRET_KEY"),
        "aws_session_token": ("SPAPI_AWS_SESSION_TOKEN",),
        "role_arn": ("SPAPI_ROLE_ARN", "SP_API_ROLE_ARN"),
        "region": ("SPAPI_REGION", "SP_API_REGION"),
        "marketplace": ("SPAPI_MARKETPLACE", "SP_API_DEFAULT_MARKETPLACE"),
        "endpoint": ("SPAPI_ENDPOINT",),
        "lwa_endpoint": ("SPAPI_LWA_ENDPOINT",),
        "grantless_scopes": ("SPAPI_GRANTLESS_SCOPES",),
        "sandbox": ("SPAPI_SANDBOX",),
    }
)

_TRUE = {"1", "true", "yes", "on"}


def settings_from_env(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Read the settings named in :data:`ENV_NAMES` from the environment (or a given mapping)."""
    env = os.environ if environ is None else environ
    out: dict[str, Any] = {}
    for setting, names in ENV_NAMES.items():
        for name in names:
            value = env.get(name)
            if value:
                out[setting] = value
                break
    if "grantless_scopes" in out:
        out["grantless_scopes"] = [s for s in out["grantless_scopes"].replace(",", " ").split() if s]
    if "sandbox" in out:
        out["sandbox"] = out["sandbox"].strip().lower() in _TRUE
    return out
