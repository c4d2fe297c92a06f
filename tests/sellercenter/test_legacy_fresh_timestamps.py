"""The legacy client never signs two requests alike: Seller Center (and our emulator) accept a signature once."""

from __future__ import annotations

from spapi_async.call import ApiCall
from spapi_async.config import Secret
from spapi_async.sellercenter.auth import LegacyAuth

from .fakes import FakeClock


def _auth(clock: FakeClock) -> LegacyAuth:
    return LegacyAuth(user_id="me@shop.com", api_key=Secret("key"), host="sc.test", clock=clock)


async def _signed(auth: LegacyAuth, call: ApiCall) -> tuple[str, str]:
    """One attempt: the transport authorizes once and signs the query when it builds the request."""
    credential = await auth.authorize(call, None)  # type: ignore[arg-type]  # legacy auth never fetches
    assert credential.sign_query is not None
    found = dict(credential.sign_query(call))
    return found["Timestamp"], found["Signature"]


async def test_identical_calls_in_one_second_get_distinct_timestamps() -> None:
    clock = FakeClock(start=1_800_000_000.4)
    auth = _auth(clock)
    seen = []
    for _ in range(3):
        call = ApiCall("GET", "/", params={"Action": "GetBrands"})
        seen.append(await _signed(auth, call))
    stamps = [s for s, _ in seen]
    assert stamps == ["2027-01-15T08:00:00+00:00", "2027-01-15T08:00:01+00:00", "2027-01-15T08:00:02+00:00"]
    assert len({sig for _, sig in seen}) == 3


async def test_a_retry_within_the_second_is_signed_afresh_and_other_parameters_are_not_delayed() -> None:
    clock = FakeClock(start=1_800_000_000.0)
    auth = _auth(clock)
    call = ApiCall("GET", "/", params={"Action": "GetOrders"})
    first = await _signed(auth, call)
    retry = await _signed(auth, call)  # the retry, still in the same second
    assert first[1] != retry[1] and retry[0] > first[0]
    other = ApiCall("GET", "/", params={"Action": "GetProducts"})
    assert (await _signed(auth, other))[0] == first[0]  # its own parameters: now
    clock.advance(10)
    later = ApiCall("GET", "/", params={"Action": "GetOrders"})
    assert (await _signed(auth, later))[0] == "2027-01-15T08:00:10+00:00"


async def test_concurrent_identical_calls_step_one_second_each() -> None:
    clock = FakeClock(start=1_800_000_000.0)
    auth = _auth(clock)
    calls = [ApiCall("GET", "/", params={"Action": "GetBrands"}) for _ in range(4)]
    sent = [(await _signed(auth, call))[0] for call in calls]
    assert sent == [f"2027-01-15T08:00:0{n}+00:00" for n in range(4)]
