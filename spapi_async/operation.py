"""Operation descriptors: everything the library knows about one API operation, in one object.

The generator writes one :class:`Operation` per operation in Amazon's models (``spapi_async/apis/_operations.py``):
its method and path template, usage plan, flags (grantless, restricted data, deprecation), pagination, and the
parameters the generated method turns into a request. ``spapi_async.registry`` (``sp.OPERATIONS``) serves them;
the transport, the limiter, ``Resource`` and the paginators only read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PlanSource = Literal["model", "default"]

#: When an operation carries a Restricted Data Token: ``"never"``; ``"on_request"`` (personal data is optional: the
#: LWA token by default, an RDT only when the call passes ``data_elements=[...]``); ``"always"`` (every answer is
#: restricted data).
RdtUse = Literal["never", "on_request", "always"]


@dataclass(frozen=True, slots=True)
class UsagePlan:
    """A token-bucket usage plan: ``rate`` requests per second refilled continuously, up to ``burst`` at once."""

    rate: float
    burst: int

    def __post_init__(self) -> None:
        if not self.rate > 0:
            raise ValueError(f"UsagePlan.rate must be > 0, got {self.rate!r}")
        if self.burst < 1:
            raise ValueError(f"UsagePlan.burst must be >= 1, got {self.burst!r}")


#: Amazon's sandbox applies one plan to every operation.
SANDBOX_PLAN = UsagePlan(rate=5.0, burst=15)

#: Used for operations whose model publishes no usage plan (65 of 370 at the models' snapshot). Conservative on
#: purpose: the slowest published plans are around 0.0056 rps, the common ones 0.5-2 rps; 0.5 rps / burst 1 keeps a
#: caller well inside every plan we have seen while still making progress. Override per operation with
#: ``Limiter(overrides=...)``.
DEFAULT_PLAN = UsagePlan(rate=0.5, burst=1)


@dataclass(frozen=True, slots=True)
class Pagination:
    """Where a paginated operation's next-page token is read and where it is sent back.

    ``token_param`` is ``"query:<name>"`` or ``"body.<field>"``; ``token_path`` is the dotted path of the token in
    the response body (``"pagination.nextToken"``, ``"payload.NextToken"``); ``items_path`` is the dotted path of
    the list of records on a page (None when a page has no single list). On the pages after the first, when
    ``keep`` is not None only the query parameters it lists (wire names) are sent beside the token, and ``fixed``
    sets parameters to constant values.
    """

    token_param: str
    token_path: str
    items_path: str | None = None
    page_size_param: str | None = None
    keep: tuple[str, ...] | None = None
    fixed: tuple[tuple[str, str], ...] = ()

    @property
    def token_location(self) -> Literal["query", "body"]:
        return "body" if self.token_param.startswith("body.") else "query"

    @property
    def token_name(self) -> str:
        return self.token_param.split(":", 1)[1] if ":" in self.token_param else self.token_param.split(".", 1)[1]


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of an operation: its ``wire`` name, the generated method's keyword ``py``, where it goes
    (``path``, ``query``, ``header``, ``body``) and its ``kind``: ``str``, ``int``, ``float``, ``bool``,
    ``datetime``, ``date``, ``any``, ``list:<kind>`` (joined per ``collection_format``) or ``body``."""

    wire: str
    py: str
    location: str
    kind: str
    collection_format: str | None = None
    required: bool = False


@dataclass(frozen=True, slots=True)
class Operation:
    """One SP-API operation, as the models describe it.

    ``params``, ``json_response`` and ``response`` (the name of the generated response model in
    ``spapi_async.models.<api>``, None when the answer has no body) describe the request and its answer; they take
    no part in equality, hashing or the repr, which the operation's identity and plan decide.
    """

    api: str  # client attribute, e.g. "orders_v0"
    name: str  # method name, e.g. "get_orders"
    operation_id: str  # as in the model, e.g. "getOrders"
    method: str  # upper-case HTTP method
    path: str  # template, e.g. "/orders/v0/orders/{orderId}"
    rate: float
    burst: int
    plan_source: PlanSource
    grantless: bool = False
    restricted: bool = False
    pagination: Pagination | None = None
    deprecated: bool = False
    rdt: RdtUse = "never"
    grantless_scope: str | None = None  # the LWA scope of a grantless operation
    replacement: str | None = None  # registry key of what replaces a deprecated operation
    params: tuple[Param, ...] = field(default=(), compare=False, repr=False)
    json_response: bool = field(default=True, compare=False, repr=False)  # False: a non-JSON answer is text
    response: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # ``restricted`` and ``rdt`` say the same thing at two levels of detail; an Operation built by hand with
        # only one of them gets the other (``restricted=True`` alone: the RDT is used on every call, as before).
        if self.restricted and self.rdt == "never":
            object.__setattr__(self, "rdt", "always")
        elif self.rdt != "never" and not self.restricted:
            object.__setattr__(self, "restricted", True)

    @property
    def key(self) -> str:
        """The registry key, ``"<api>.<name>"``."""
        return f"{self.api}.{self.name}"

    @property
    def plan(self) -> UsagePlan:
        return UsagePlan(self.rate, self.burst)
