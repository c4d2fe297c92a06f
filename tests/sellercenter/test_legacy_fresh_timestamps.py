"""The legacy client never signs two requests alike: Seller Center (and our emulator) accept a signature once."""

from __future__ import annotations

from spapi_async.config import Secret
from spapi_async.sellercenter.auth import LegacyAuth
from spapi_async.transport import ApiCall

from .fakes import FakeClock


def _auth(clock: FakeClock) -> LegacyAuth:
    return LegacyAuth(user_id="me@shop.com", api_key=Secret("key"), host="sc.test", clock=clock)


def _stamp_and_signature(params: list[tuple[str, str]] | None) -> tuple[str, str]:
    found = dict(params or [])
    return found["Timestamp"], found["Signature"]


async def test_identical_calls_in_one_second_get_distinct_timestamps() -> None:
    clock = FakeClock(start=1_800_000_000.4)
    auth = _auth(clock)
    seen = []
    for _ in range(3):
        call = ApiCall("GET", "/", params={"Action": "GetBrands"})
        await auth.authorize(call)  # the transport authorizes before the limiter's wait ...
        seen.append(_stamp_and_signature((await auth.authorize(call)).params))  # ... and uses this one
    stamps = [s for s, _ in seen]
    assert stamps == ["2027-01-15T08:00:00+00:00", "2027-01-15T08:00:01+00:00", "2027-01-15T08:00:02+00:00"]
    assert len({sig for _, sig in seen}) == 3


async def test_a_retry_within_the_second_is_signed_afresh_and_other_parameters_are_not_delayed() -> None:
    clock = FakeClock(start=1_800_000_000.0)
    auth = _auth(clock)
    call = ApiCall("GET", "/", params={"Action": "GetOrders"})
    await auth.authorize(call)
    first = _stamp_and_signature((await auth.authorize(call)).params)
    await auth.authorize(call)  # the retry's two authorizations, still in the same second
    retry = _stamp_and_signature((await auth.authorize(call)).params)
    assert first[1] != retry[1] and retry[0] > first[0]
    other = ApiCall("GET", "/", params={"Action": "GetProducts"})
    assert _stamp_and_signature((await auth.authorize(other)).params)[0] == first[0]  # its own parameters: now
    clock.advance(10)
    later = ApiCall("GET", "/", params={"Action": "GetOrders"})
    assert _stamp_and_signature((await auth.authorize(later)).params)[0] == "2027-01-15T08:00:10+00:00"


async def test_concurrent_identical_calls_step_one_second_each() -> None:
    clock = FakeClock(start=1_800_000_000.0)
    auth = _auth(clock)
    calls = [ApiCall("GET", "/", params={"Action": "GetBrands"}) for _ in range(4)]
    for call in calls:  # every call authorizes before the limiter's wait ...
        await auth.authorize(call)
    sent = [_stamp_and_signature((await auth.authorize(call)).params)[0] for call in calls]  # ... then for real
    assert sent == [f"2027-01-15T08:00:0{n}+00:00" for n in range(4)]
