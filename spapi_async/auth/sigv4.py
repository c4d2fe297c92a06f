"""AWS Signature Version 4 for SP-API requests (extra ``sigv4``). Implemented by the SigV4 work item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..clock import Clock
from ..config import ClientConfig
from ..errors import ConfigurationError

if TYPE_CHECKING:
    from ..transport import Signer


def create_signer(config: ClientConfig, *, clock: Clock) -> Signer:
    raise ConfigurationError("SigV4 signing is not available in this build yet")
