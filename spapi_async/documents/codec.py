"""Byte-level decoding of documents: incremental gunzip and the declared character set.

Memory stays constant: gzip output is produced in bounded pieces (``max_length``) and text is decoded with an
incremental decoder, so a multi-gigabyte document never sits in memory whole.
"""

from __future__ import annotations

import codecs
import zlib
from collections.abc import AsyncGenerator, AsyncIterable, AsyncIterator

from .errors import DocumentParseError, TruncatedDocumentError

GZIP_MAGIC = b"\x1f\x8b"
_OUT_PIECE = 512 * 1024

#: Java charset names Amazon declares, mapped to Python codecs. Shift_JIS documents from Amazon.co.jp use
#: Windows' superset of it (cp932: NEC and IBM extensions), so Shift_JIS is decoded as cp932, which accepts both.
#: UTF-8 is decoded as ``utf-8-sig`` so a leading byte order mark is dropped instead of ending up in the first
#: column's name.
_CHARSET_ALIASES = {
    "cp1252": "cp1252",
    "windows-1252": "cp1252",
    "x-windows-1252": "cp1252",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms932": "cp932",
    "windows-31j": "cp932",
    "cp932": "cp932",
    "utf-8": "utf-8-sig",
    "utf8": "utf-8-sig",
    "iso-8859-1": "latin-1",
    "iso8859_1": "latin-1",
    "latin1": "latin-1",
}

DEFAULT_CHARSET = "utf-8-sig"


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value, or None."""
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def python_codec(charset: str | None) -> str:
    """The Python codec for a declared charset (Java names included); UTF-8 (BOM dropped) when none is declared.
    An unknown name raises :class:`DocumentParseError` (pass ``encoding=`` to override)."""
    if charset is None:
        return DEFAULT_CHARSET
    key = charset.strip().lower()
    name = _CHARSET_ALIASES.get(key, key)
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise DocumentParseError(
            f"the document declares charset {charset!r}, which Python does not know; pass encoding=... to decode it"
        ) from None
    if info.name == "utf-8":
        return DEFAULT_CHARSET
    return info.name


async def gunzip(chunks: AsyncIterable[bytes], *, what: str = "document") -> AsyncGenerator[bytes, None]:
    """Decompress a gzip stream incrementally (concatenated members included). A stream that ends before a
    member's trailer raises :class:`TruncatedDocumentError`; bytes after the end that are not gzip raise
    :class:`DocumentParseError`."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    started = False
    try:
        async for chunk in chunks:
            data = chunk
            while data:
                if d.eof:
                    if not data.strip(b"\x00"):
                        break  # zero padding after the last member
                    d = zlib.decompressobj(16 + zlib.MAX_WBITS)  # another concatenated member
                started = True
                out = d.decompress(data, _OUT_PIECE)
                while True:
                    if out:
                        yield out
                    if d.eof:
                        data = d.unused_data
                        break
                    if d.unconsumed_tail:
                        out = d.decompress(d.unconsumed_tail, _OUT_PIECE)
                    elif len(out) == _OUT_PIECE:
                        out = d.decompress(b"", _OUT_PIECE)  # output still pending inside zlib
                    else:
                        data = b""
                        break
    except zlib.error as exc:
        raise DocumentParseError(f"{what}: not a valid gzip stream ({exc})") from None
    if started and not d.eof:
        raise TruncatedDocumentError(f"{what}: the gzip stream ended before its end marker (truncated download?)")
    if not started:
        raise TruncatedDocumentError(f"{what}: the document is empty, but it was declared as gzip")


async def decode(
    chunks: AsyncIterable[bytes], codec: str, *, errors: str = "strict", what: str = "document"
) -> AsyncIterator[str]:
    """Decode a byte stream with an incremental decoder (a character split across chunks is kept whole)."""
    strip_bom = codec == DEFAULT_CHARSET  # utf-8-sig: plain UTF-8 (C speed) and the BOM dropped here
    try:
        decoder = codecs.getincrementaldecoder("utf-8" if strip_bom else codec)(errors)
    except LookupError:
        raise DocumentParseError(f"{what}: unknown codec {codec!r}; pass encoding=... to decode it") from None
    try:
        async for chunk in chunks:
            text = decoder.decode(chunk)
            if strip_bom and text:
                strip_bom = False
                if text[0] == "\ufeff":
                    text = text[1:]
            if text:
                yield text
        tail = decoder.decode(b"", final=True)
    except UnicodeError as exc:  # UnicodeDecodeError, and UTF-16's plain UnicodeError (no byte order mark)
        reason = getattr(exc, "reason", None) or str(exc)
        raise DocumentParseError(
            f"{what}: bytes that are not valid {codec} ({reason}); pass encoding=... (or errors='replace')"
        ) from None
    except LookupError:  # an unknown errors= handler, found at the first decode
        raise DocumentParseError(f"{what}: unknown decoding error handler {errors!r}") from None
    if tail:
        yield tail


async def prepend(first: bytes, rest: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    if first:
        yield first
    async for chunk in rest:
        yield chunk


async def peek(chunks: AsyncIterator[bytes], size: int) -> tuple[bytes, AsyncIterator[bytes]]:
    """Read at least ``size`` bytes (fewer at the end) and give them back with a stream that starts with them."""
    head = b""
    while len(head) < size:
        try:
            head += await chunks.__anext__()
        except StopAsyncIteration:
            break
    return head, prepend(head, chunks)
