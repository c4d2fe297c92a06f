from __future__ import annotations

import pytest

import spapi_async as sp
from spapi_async.config import ENV_NAMES, build_config, settings_from_env

from .fakes import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN


def test_every_marketplace_belongs_to_a_known_region_and_has_central_urls() -> None:
    assert len(sp.MARKETPLACES) == 23
    for mkt in sp.MARKETPLACES.values():
        assert mkt.region in sp.REGIONS
        assert mkt.seller_central_url.startswith("https://")
        assert mkt.vendor_central_url.startswith("https://")
        assert len(mkt.country_code) == 2


@pytest.mark.parametrize(
    ("marketplace", "region", "endpoint"),
    [
        ("ATVPDKIKX0DER", "na", "https://sellingpartnerapi-na.amazon.com"),
        ("A1PA6795UKMFR9", "eu", "https://sellingpartnerapi-eu.amazon.com"),
        ("UK", "eu", "https://sellingpartnerapi-eu.amazon.com"),
        ("A1VC38T7YXB528", "fe", "https://sellingpartnerapi-fe.amazon.com"),
    ],
)
def test_marketplace_implies_region(marketplace: str, region: str, endpoint: str) -> None:
    cfg = build_config(
        client_id=CLIENT_ID, client_secret=CLIENT_SECRET, refresh_token=REFRESH_TOKEN, marketplace=marketplace
    )
    assert cfg.region.code == region
    assert cfg.endpoint == endpoint


def test_sandbox_endpoints_and_aws_regions() -> None:
    cfg = build_config(
        client_id=CLIENT_ID, client_secret=CLIENT_SECRET, refresh_token=REFRESH_TOKEN, region="fe", sandbox=True
    )
    assert cfg.endpoint == "https://sandbox.sellingpartnerapi-fe.amazon.com"
    assert cfg.region.aws_region == "us-west-2"
    assert sp.REGIONS["eu"].aws_region == "eu-west-1"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"region": "xx"}, "unknown region"),
        ({"marketplace": "NOPE"}, "unknown marketplace"),
        ({"region": "na", "marketplace": "A1PA6795UKMFR9"}, "belongs to region 'eu'"),
        ({"aws_access_key": "AKIA"}, "given together"),
        ({"endpoint": "ftp://x"}, "http(s) URL"),
        ({"role_arn": "not-an-arn"}, "ARN"),
    ],
)
def test_bad_settings_raise_configuration_error_before_io(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(sp.ConfigurationError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        sp.SPAPIClient(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, **kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)


def test_missing_credentials_name_what_is_missing() -> None:
    with pytest.raises(sp.ConfigurationError, match="client_secret"):
        sp.SPAPIClient(CLIENT_ID, None, REFRESH_TOKEN)
    # Without a refresh token the client is grantless-only: seller operations fail before any request (see
    # tests/test_restricted_grantless.py).
    assert sp.SPAPIClient(CLIENT_ID, CLIENT_SECRET).config.refresh_token is None


def test_from_env_accepts_python_amazon_sp_api_names_and_ours_win() -> None:
    env = {
        "LWA_APP_ID": "their-id",
        "LWA_CLIENT_SECRET": "their-secret",
        "SP_API_REFRESH_TOKEN": "their-refresh",
        "SP_API_ACCESS_KEY": "AKIA1",
        "SP_API_SECRET_KEY": "s3cr3t",
        "SP_API_ROLE_ARN": "arn:aws:iam::1:role/x",
        "SPAPI_CLIENT_ID": "our-id",
        "SPAPI_SANDBOX": "true",
        "SPAPI_GRANTLESS_SCOPES": "sellingpartnerapi::notifications, sellingpartnerapi::client_credential:rotation",
    }
    settings = settings_from_env(env)
    assert settings["client_id"] == "our-id"
    assert settings["client_secret"] == "their-secret"
    assert settings["refresh_token"] == "their-refresh"
    assert settings["aws_access_key"] == "AKIA1"
    assert settings["role_arn"] == "arn:aws:iam::1:role/x"
    assert settings["sandbox"] is True
    assert settings["grantless_scopes"] == [
        "sellingpartnerapi::notifications",
        "sellingpartnerapi::client_credential:rotation",
    ]
    assert all(names for names in ENV_NAMES.values())


async def test_from_env_overrides_win_and_config_is_immutable() -> None:
    env = {"LWA_APP_ID": "id", "LWA_CLIENT_SECRET": "secret", "SP_API_REFRESH_TOKEN": "r", "SPAPI_REGION": "eu"}
    client = sp.SPAPIClient.from_env(environ=env, region="fe")
    try:
        assert client.config.region.code == "fe"
        with pytest.raises(AttributeError):
            client.config.region = sp.REGIONS["na"]  # type: ignore[misc]
        copy = client.with_options(sandbox=True, endpoint="https://sandbox.sellingpartnerapi-fe.amazon.com")
        assert copy.config.sandbox is True and client.config.sandbox is False
        assert copy.limiter is client.limiter
    finally:
        await client.aclose()


def test_secrets_stay_out_of_reprs() -> None:
    cfg = build_config(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        refresh_token=REFRESH_TOKEN,
        aws_access_key="AKIASECRETKEYID",
        aws_secret_key="aws-SECRET-key",
    )
    text = repr(cfg) + str(cfg) + repr(cfg.client_secret) + str(cfg.refresh_token)
    for secret in (CLIENT_SECRET, REFRESH_TOKEN, "AKIASECRETKEYID", "aws-SECRET-key"):
        assert secret not in text
    assert cfg.client_secret is not None and cfg.client_secret.get() == CLIENT_SECRET


def test_user_agent_follows_amazons_rule() -> None:
    from spapi_async.useragent import build_user_agent

    agent = build_user_agent("My App", "2.1")
    assert agent.startswith("My-App/2.1 (Language=Python/")
    assert "Platform=" in agent and "spapi-async/" in agent
    assert build_user_agent().startswith("spapi-async/")
    assert len(build_user_agent("x" * 600)) == 500
