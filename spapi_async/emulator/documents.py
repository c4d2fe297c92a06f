"""The "document host": pre-signed URLs for report documents, feed uploads and results, Data Kiosk documents.

It plays S3: it checks the URL's signature and expiry, and refuses requests that carry SP-API credentials
(``x-amz-access-token`` or ``Authorization``), as a pre-signed URL must be fetched without them.
"""

from __future__ import annotations

import gzip
import hmac
from typing import TYPE_CHECKING

from .http import Call, Reply
from .state import Document, sign_document_url

if TYPE_CHECKING:
    from .app import Emulator

DOCUMENT_PREFIX = "/__documents/"
URL_LIFETIME = 300  # seconds, as Amazon's pre-signed URLs


def _s3_error(status: int, code: str, message: str) -> Reply:
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>'
    ).encode()
    return Reply(status, body, content_type="application/xml")


class DocumentHost:
    def __init__(self, emulator: Emulator) -> None:
        self.emu = emulator

    def url(self, base_url: str, document_id: str, method: str, now: float) -> str:
        expires = int(now) + URL_LIFETIME
        sig = sign_document_url(self.emu.document_secret, document_id, method, expires)
        return f"{base_url}{DOCUMENT_PREFIX}{document_id}?X-Amz-Expires={expires}&X-Amz-Signature={sig}"

    def store(self, document: Document, content: bytes, *, compress: bool) -> None:
        document.gzip = compress
        document.content = gzip.compress(content, mtime=0) if compress else content
        self.emu.documents[document.document_id] = document

    def handle(self, call: Call) -> Reply:
        if "x-amz-access-token" in call.headers or "authorization" in call.headers:
            return _s3_error(
                400, "InvalidArgument", "Only one auth mechanism allowed; pre-signed URLs take no credentials"
            )
        document_id = call.path[len(DOCUMENT_PREFIX) :]
        method = "PUT" if call.method == "PUT" else "GET"
        try:
            expires = int(call.q("X-Amz-Expires") or "")
        except ValueError:
            return _s3_error(403, "AccessDenied", "Request is missing a valid signature")
        expected = sign_document_url(self.emu.document_secret, document_id, method, expires)
        if not hmac.compare_digest(expected, call.q("X-Amz-Signature") or ""):
            return _s3_error(403, "SignatureDoesNotMatch", "The request signature does not match")
        if call.now > expires:
            return _s3_error(403, "AccessDenied", "Request has expired")
        doc = self.emu.documents.get(document_id)
        if doc is None:
            return _s3_error(404, "NoSuchKey", "The specified key does not exist.")
        if call.method == "PUT":
            if doc.kind != "feed-input":
                return _s3_error(403, "AccessDenied", "Access Denied")
            doc.content = call.body
            doc.content_type = call.headers.get("content-type", doc.content_type)
            return Reply(200, None, {"ETag": '"' + str(len(call.body)) + '"'})
        if call.method not in ("GET", "HEAD"):
            return _s3_error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
        if doc.content is None:
            return _s3_error(404, "NoSuchKey", "The specified key does not exist.")
        reply = Reply(200, doc.content if call.method == "GET" else None, content_type=doc.content_type)
        return reply
