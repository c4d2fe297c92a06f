"""Authentication: Login with Amazon, Restricted Data Tokens, optional SigV4, and Seller Center schemes."""

from .lwa import LWAAuth, build_consent_uri, exchange_authorization_code
from .tokens import CachedToken, InMemoryTokenStore, SingleFlight, TokenStore

__all__ = [
    "CachedToken",
    "InMemoryTokenStore",
    "LWAAuth",
    "SingleFlight",
    "TokenStore",
    "build_consent_uri",
    "exchange_authorization_code",
]
