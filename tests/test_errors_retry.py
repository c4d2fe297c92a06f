from __future__ import annotations

import httpx
import pytest

import spapi_async as sp
from spapi_async.errors import error_class_for_status, error_from_response
from spapi_async.retry import RetryPolicy, is_retryable, parse_retry_after

AMAZON_ERROR = {"errors": [{"code": "InvalidInput", "message": "bad date", "details": "CreatedAfter"}]}


def _response(status: int, **kwargs: object) -> httpx.Response:
    request = httpx.Request("GET", "https://sellingpartnerapi-na.amazon.com/orders/v0/orders?MarketplaceIds=X")
    return httpx.Response(status, request=request, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, sp.BadRequestError),
        (401, sp.UnauthorizedError),
        (403, sp.ForbiddenError),
        (404, sp.NotFoundError),
        (409, sp.ConflictError),
        (413, sp.PayloadError),
        (415, sp.PayloadError),
        (429, sp.ThrottledError),
        (418, sp.ClientError),
        (500, sp.ServerError),
        (503, sp.ServerError),
    ],
)
def test_status_maps_to_error_class(status: int, cls: type[sp.ApiError]) -> None:
    assert error_class_for_status(status) is cls
    assert issubclass(cls, sp.SPAPIError)


def test_typed_error_keeps_amazons_list_request_id_and_rate_limit() -> None:
    err = error_from_response(
        _response(400, json=AMAZON_ERROR, headers={"x-amzn-RequestId": "req-1", "x-amzn-RateLimit-Limit": "0.0167"})
    )
    assert isinstance(err, sp.BadRequestError)
    assert err.status_code == 400
    assert err.request_id == "req-1"
    assert err.rate_limit == pytest.approx(0.0167)
    assert [(e.code, e.message, e.details) for e in err.errors] == [("InvalidInput", "bad date", "CreatedAfter")]
    assert "InvalidInput" in str(err) and "req-1" in str(err)
    assert err.url == "https://sellingpartnerapi-na.amazon.com/orders/v0/orders"


def test_html_5xx_is_an_error_with_its_text_kept() -> None:
    html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    err = error_from_response(_response(502, text=html, headers={"content-type": "text/html"}))
    assert isinstance(err, sp.ServerError)
    assert err.body == html
    assert err.errors[0].code == "HTTP502" and "Bad Gateway" in err.errors[0].message


@pytest.mark.parametrize(
    ("method", "status", "expected"),
    [
        ("GET", 429, True),
        ("POST", 429, True),
        ("PATCH", 429, True),
        ("GET", 503, True),
        ("POST", 503, True),
        ("GET", 500, True),
        ("PUT", 502, True),
        ("DELETE", 504, True),
        ("POST", 500, False),
        ("POST", 502, False),
        ("PATCH", 504, False),
        ("GET", 400, False),
        ("GET", 403, False),
        ("GET", 404, False),
        ("POST", 409, False),
    ],
)
def test_default_retry_decision_per_status_and_method(method: str, status: int, expected: bool) -> None:
    err = error_class_for_status(status)("x", status_code=status)
    assert is_retryable(method, err) is expected
    assert RetryPolicy().should_retry(method, 1, err) is expected


@pytest.mark.parametrize(
    ("method", "sent", "expected"),
    [("GET", True, True), ("POST", True, False), ("POST", False, True), ("PATCH", False, True)],
)
def test_transport_errors_retry_only_when_safe(method: str, sent: bool, expected: bool) -> None:
    assert is_retryable(method, sp.TransportConnectionError("reset", request_sent=sent)) is expected


def test_attempts_are_bounded_and_modes_are_configurable() -> None:
    throttled = sp.ThrottledError("x", status_code=429)
    bad = sp.BadRequestError("x", status_code=400)
    policy = RetryPolicy(max_attempts=3)
    assert policy.should_retry("GET", 2, throttled)
    assert not policy.should_retry("GET", 3, throttled)
    assert RetryPolicy(retry_on="all").should_retry("POST", 1, bad)
    assert not RetryPolicy(retry_on="none").should_retry("GET", 1, throttled)
    assert RetryPolicy(retry_on=lambda ctx: ctx.error.status_code == 400).should_retry("POST", 1, bad)
    assert not RetryPolicy(max_attempts=1).should_retry("GET", 1, throttled)


def test_backoff_is_exponential_jittered_and_capped() -> None:
    policy = RetryPolicy(backoff=0.5, max_backoff=4.0)
    assert [policy.delay(n, rng=lambda: 1.0) for n in (1, 2, 3, 4, 5, 6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert policy.delay(3, rng=lambda: 0.25) == 0.5
    assert RetryPolicy(jitter=False, backoff=1.0).delay(2) == 2.0
    assert RetryPolicy(fixed_delay=7.0).delay(4) == 7.0
    assert policy.delay(1, retry_after=12.0) == 12.0
    assert RetryPolicy(max_retry_after=5.0).delay(1, retry_after=60.0) == 5.0
    assert policy.delay(2, paced_by_limiter=True) == 0.0


def test_retry_after_parses_seconds_and_http_dates() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert parse_retry_after("garbage") is None
    assert parse_retry_after(None) is None


def test_invalid_policies_are_rejected() -> None:
    with pytest.raises(sp.ConfigurationError):
        RetryPolicy(max_attempts=0)
    with pytest.raises(sp.ConfigurationError):
        RetryPolicy(retry_on="sometimes")  # type: ignore[arg-type]
