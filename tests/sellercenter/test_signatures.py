"""Both signing schemes, checked against values computed here independently (hashlib/hmac by hand) and against
the worked example published in the v2 description."""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import quote

import httpx

from spapi_async.config import Secret
from spapi_async.sellercenter.auth import (
    RequestSigner,
    basic_authorization,
    canonical_path_with_query,
    legacy_signature,
    legacy_string_to_sign,
    legacy_timestamp,
    signature_content,
)

from .fakes import FakeClock

SPEC_SECRET = "my_key_123456789012345678901234567890123"
SPEC_NONCE = "9b95be45f403af9c0039e08bee85f409611fa1b2"


def test_request_signature_matches_the_published_get_example() -> None:
    url = httpx.URL("https://example.com/my/path?foo=bar&zzz=second+parameter")
    content = signature_content("GET", canonical_path_with_query(url), 1234567890, SPEC_NONCE, b"")
    assert content == (
        f"GET /my/path?foo=bar&zzz=second%20parameter\ntimestamp=1234567890\nnonce={SPEC_NONCE}\nbody_hash="
    )
    digest = hmac.new(SPEC_SECRET.encode(), content.encode(), hashlib.sha256).hexdigest()
    assert digest == "88810379e74af556c15fad9c8fc9fc1756b000d3915df597b69056af0f3ff004"


async def test_signer_adds_the_four_headers_to_the_signed_endpoint_only() -> None:
    clock = FakeClock(start=1234567890.0)
    signer = RequestSigner(Secret(SPEC_SECRET), clock, nonce=lambda: SPEC_NONCE)
    body = b'{"foo":"bar","zzz":"second parameter"}'
    request = httpx.Request("POST", "https://sc.example/v2/finance/transaction", content=body)
    await signer.sign(request)
    # Independent computation: the body hash and the HMAC over the four lines, by hand.
    body_hash = hashlib.sha256(body).hexdigest()
    lines = f"POST /v2/finance/transaction\ntimestamp=1234567890\nnonce={SPEC_NONCE}\nbody_hash={body_hash}"
    expected = hmac.new(SPEC_SECRET.encode(), lines.encode(), hashlib.sha256).hexdigest()
    assert request.headers["X-Timestamp"] == "1234567890"
    assert request.headers["X-Nonce"] == SPEC_NONCE
    assert request.headers["X-Signature-Algorithm"] == "HMAC-SHA256"
    assert request.headers["X-Signature"] == expected

    other = httpx.Request("POST", "https://sc.example/v2/finance/transactions", content=body)
    await signer.sign(other)
    assert "X-Signature" not in other.headers


async def test_published_post_example_vector() -> None:
    # The description's POST example: same secret/nonce/timestamp, body {"foo":"bar","zzz":"second parameter"}.
    signer = RequestSigner(
        Secret(SPEC_SECRET), FakeClock(start=1234567890.0), endpoints=[("POST", "/my/path")], nonce=lambda: SPEC_NONCE
    )
    request = httpx.Request("POST", "https://example.com/my/path", content=b'{"foo":"bar","zzz":"second parameter"}')
    await signer.sign(request)
    assert request.headers["X-Signature"] == "f0d36077e97b2f644d960cd60b1875c7dabfc1630d52c7538e5bd1b0012a75be"


async def test_signer_uses_a_fresh_nonce_per_attempt_and_strips_a_base_path() -> None:
    nonces = iter(["n1", "n2"])
    signer = RequestSigner(Secret("k"), FakeClock(), base_path="/sellercenter", nonce=lambda: next(nonces))
    first = httpx.Request("POST", "http://127.0.0.1/sellercenter/v2/finance/transaction", content=b"{}")
    second = httpx.Request("POST", "http://127.0.0.1/sellercenter/v2/finance/transaction", content=b"{}")
    await signer.sign(first)
    await signer.sign(second)
    assert (first.headers["X-Nonce"], second.headers["X-Nonce"]) == ("n1", "n2")
    assert first.headers["X-Signature"] != second.headers["X-Signature"]


def test_legacy_signature_vector_computed_independently() -> None:
    params = {
        "Action": "GetProducts",
        "Format": "JSON",
        "Timestamp": "2015-07-01T11:11:11+00:00",
        "UserID": "look@me.com",
        "Version": "1.0",
        "Search": "blue shirt",
    }
    api_key = "b1bdb357ced10fe4e9a69840cdd4f0e9c03d77fe"
    # By hand: sorted names, RFC 3986 (space → %20, '@' → %40, ':' → %3A, '+' → %2B).
    message = (
        "Action=GetProducts&Format=JSON&Search=blue%20shirt&Timestamp=2015-07-01T11%3A11%3A11%2B00%3A00"
        "&UserID=look%40me.com&Version=1.0"
    )
    assert legacy_string_to_sign(params) == message
    expected = hmac.new(api_key.encode(), message.encode(), hashlib.sha256).hexdigest()
    assert legacy_signature(api_key, params) == expected
    assert expected == expected.lower()
    assert len(expected) == 64
    # Encoding with quote() directly, the way a server would check it, gives the same string.
    assert "&".join(f"{quote(k, safe='-_.~')}={quote(params[k], safe='-_.~')}" for k in sorted(params)) == message


def test_legacy_timestamp_is_iso8601_with_offset() -> None:
    assert legacy_timestamp(1435749071.9) == "2015-07-01T11:11:11+00:00"


def test_basic_authorization_header() -> None:
    assert basic_authorization("clientid", "password") == "Basic Y2xpZW50aWQ6cGFzc3dvcmQ="
