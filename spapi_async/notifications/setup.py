"""``client.notifications``: the generated Notifications API plus ``subscribe()`` and ``unsubscribe()``.

Destinations are the application's (grantless calls); subscriptions are the selling partner's. ``subscribe``
creates or reuses both, so calling it again changes nothing. The destination calls go through a transport whose
grantless token also holds the ``sellingpartnerapi::notifications`` scope (the client hands over a function making
one), so a client built with only a refresh token works as it is.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..apis.notifications_v1 import NotificationsV1Api
from ..errors import ConfigurationError, ConflictError, NotFoundError

if TYPE_CHECKING:
    from ..transport import Transport

#: Makes a transport like the client's whose grantless token holds the given scopes.
GrantlessTransport = Callable[[tuple[str, ...]], "Transport"]

logger = logging.getLogger("spapi_async.notifications")

SCOPE = "sellingpartnerapi::notifications"
_SQS_ARN = re.compile(r"^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w-]{1,80}$")
_TYPE = re.compile(r"^[A-Z][A-Z0-9_]+$")


@dataclass(frozen=True, slots=True)
class Subscription:
    """What :meth:`NotificationsApi.subscribe` set up (or found already set up)."""

    notification_type: str
    subscription_id: str
    destination_id: str
    payload_version: str
    created_destination: bool
    created_subscription: bool


def default_payload_version(notification_type: str) -> str:
    from .payloads import PAYLOAD_VERSIONS

    return PAYLOAD_VERSIONS.get(notification_type, "1.0")


class NotificationsApi(NotificationsV1Api):
    """``client.notifications``: every ``notifications_v1`` operation, plus :meth:`subscribe` / :meth:`unsubscribe`.

    ``grantless_scopes`` are the scopes the client's grantless tokens hold; ``grantless_transport`` makes a
    transport like ``transport`` whose grantless token holds the scopes it is given (called once, on first use,
    when the notifications scope is missing).
    """

    __slots__ = ("_grantless", "_grantless_scopes", "_grantless_transport")

    def __init__(
        self, transport: Transport, grantless_scopes: Sequence[str], grantless_transport: GrantlessTransport
    ) -> None:
        super().__init__(transport)
        self._grantless_scopes = tuple(grantless_scopes)
        self._grantless_transport = grantless_transport
        self._grantless: NotificationsV1Api | None = None

    @property
    def grantless(self) -> NotificationsV1Api:
        """The Notifications API on a transport whose grantless token holds the notifications scope."""
        if self._grantless is None:
            scopes = self._grantless_scopes
            transport = self._transport
            if SCOPE not in scopes:
                transport = self._grantless_transport((*scopes, SCOPE))
            self._grantless = NotificationsV1Api(transport)
        return self._grantless

    async def _find_destination(self, sqs_arn: str) -> str | None:
        listing = await self.grantless.get_destinations()
        for dest in listing.payload or ():
            sqs = dest.resource.sqs if dest.resource is not None else None
            if sqs is not None and sqs.arn == sqs_arn and dest.destination_id:
                return dest.destination_id
        return None

    async def subscribe(
        self,
        notification_type: str,
        *,
        sqs_arn: str,
        payload_version: str | None = None,
        destination_name: str | None = None,
        processing_directive: Mapping[str, Any] | None = None,
    ) -> Subscription:
        """Make sure ``notification_type`` is delivered to the SQS queue ``sqs_arn``: reuse or create the destination
        (grantless) and the selling partner's subscription. Idempotent. ``payload_version`` defaults to the newest
        version with a schema; ``processing_directive`` is passed as Amazon defines it (event filters)."""
        if not isinstance(notification_type, str) or not _TYPE.match(notification_type):
            raise ConfigurationError(f"notification_type must look like 'ORDER_CHANGE', got {notification_type!r}")
        if not isinstance(sqs_arn, str) or not _SQS_ARN.match(sqs_arn):
            raise ConfigurationError("sqs_arn must be an SQS queue ARN (arn:aws:sqs:<region>:<account>:<name>)")
        version = payload_version or default_payload_version(notification_type)
        created_destination = False
        destination_id = await self._find_destination(sqs_arn)
        if destination_id is None:
            name = destination_name or f"spapi-async-{sqs_arn.rsplit(':', 1)[1]}"
            try:
                created = await self.grantless.create_destination(
                    body={"name": name[:256], "resourceSpecification": {"sqs": {"arn": sqs_arn}}}
                )
            except ConflictError:  # created meanwhile by another process
                destination_id = await self._find_destination(sqs_arn)
            else:
                destination_id = created.payload.destination_id if created.payload is not None else None
                created_destination = True
            if destination_id is None:
                raise ConflictError(f"no destination for {sqs_arn} after creating one")
        existing = await self._existing(notification_type, version)
        if existing is not None:
            if existing.destination_id != destination_id:
                raise ConfigurationError(
                    f"{notification_type} is already subscribed to destination {existing.destination_id}; "
                    "unsubscribe() first to move it"
                )
            return Subscription(
                notification_type,
                str(existing.subscription_id),
                destination_id,
                existing.payload_version or version,
                created_destination,
                False,
            )
        body: dict[str, Any] = {"payloadVersion": version, "destinationId": destination_id}
        if processing_directive is not None:
            body["processingDirective"] = dict(processing_directive)
        try:
            made = await self.create_subscription(notification_type=notification_type, body=body)
        except ConflictError:
            again = await self._existing(notification_type, version)
            if again is None or again.destination_id != destination_id:
                raise
            return Subscription(
                notification_type, str(again.subscription_id), destination_id, version, created_destination, False
            )
        sub = made.payload
        if sub is None or not sub.subscription_id:
            raise ConflictError(
                f"createSubscription for {notification_type} returned no subscription", status_code=None
            )
        logger.info("subscribed %s to destination %s", notification_type, destination_id)
        return Subscription(notification_type, sub.subscription_id, destination_id, version, created_destination, True)

    async def _existing(self, notification_type: str, version: str) -> Any:
        try:
            found = await self.get_subscription(notification_type=notification_type, payload_version=version)
        except NotFoundError:
            return None
        return found.payload

    async def unsubscribe(
        self, notification_type: str, *, payload_version: str | None = None, delete_destination: bool = False
    ) -> bool:
        """Delete the selling partner's subscription to ``notification_type`` (grantless); with
        ``delete_destination`` also its destination (which other subscriptions may use). False if there was none."""
        if not isinstance(notification_type, str) or not _TYPE.match(notification_type):
            raise ConfigurationError(f"notification_type must look like 'ORDER_CHANGE', got {notification_type!r}")
        existing = await self._existing(
            notification_type, payload_version or default_payload_version(notification_type)
        )
        if existing is None or not existing.subscription_id:
            return False
        try:
            await self.grantless.delete_subscription_by_id(
                subscription_id=existing.subscription_id, notification_type=notification_type
            )
        except NotFoundError:
            return False
        if delete_destination and existing.destination_id:
            with contextlib.suppress(NotFoundError):
                await self.grantless.delete_destination(destination_id=existing.destination_id)
        return True
