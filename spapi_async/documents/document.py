"""A document behind a pre-signed URL (a report, a feed's processing report, a Data Kiosk result), streamed."""

from __future__ import annotations

import os
from collections.abc import AsyncGenerator, AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import anyio

from .._redact import RedactedStr
from ..clock import Clock
from .codec import GZIP_MAGIC, charset_of, decode, gunzip, peek, python_codec
from .parse import DocumentFormat, delimited_rows, json_records, sniff_format, xml_records
from .transfer import DocumentHttp, Download, UrlRefresher

_SNIFF_BYTES = 512


class Document:
    """A document that can be streamed any number of times (each pass downloads it again).

    * :meth:`iter_bytes` — the content, gzip already undone (a gzip document is detected by its declared
      ``compression_algorithm`` or its first bytes);
    * :meth:`iter_text` — decoded with the declared charset (see :func:`spapi_async.documents.codec.python_codec`),
      or ``encoding=`` when given;
    * :meth:`rows` / :meth:`row_batches` — dicts for tab/comma separated documents (header row → keys), parsed
      values for JSON, dicts for XML records;
    * :meth:`save` — to a file (written as ``<name>.part`` and renamed when complete).

    Memory stays flat whatever the document's size. A pre-signed URL expires after a few minutes; a document made
    by the workflows fetches a fresh one when the old one is refused. A connection that breaks mid-download is
    resumed at the exact byte offset (HTTP ``Range``; a host without range support is read again from the start
    with the bytes already handed on skipped), so no row is ever duplicated or lost; when resuming fails too
    often the iteration raises :class:`TruncatedDocumentError` (or :class:`DocumentTimeoutError`), never ends
    quietly. A gzip stream without its end marker raises :class:`TruncatedDocumentError` as well.
    """

    kind = "document"

    def __init__(
        self,
        *,
        document_id: str,
        url: str,
        http: DocumentHttp,
        clock: Clock,
        compression_algorithm: str | None = None,
        refresh: UrlRefresher | None = None,
        encoding: str | None = None,
    ) -> None:
        self.document_id = document_id
        self.compression_algorithm = compression_algorithm
        self.encoding = encoding
        self._url = RedactedStr(url)  # a pre-signed URL: masked in tracebacks rendered with locals
        self._http = http
        self._clock = clock
        self._refresh = refresh
        self.content_type: str | None = None  # as the host declared it, known once a download has started

    @property
    def url(self) -> str:
        """The pre-signed URL (it carries a signature: do not log it)."""
        return self._url

    async def _refreshed(self) -> str:
        assert self._refresh is not None
        self._url = RedactedStr(await self._refresh())
        return self._url

    def _download(self) -> Download:
        return Download(
            self._http,
            self._url,
            clock=self._clock,
            refresh=self._refreshed if self._refresh is not None else None,
            what=f"{self.kind} {self.document_id}",
        )

    async def iter_raw(self) -> AsyncGenerator[bytes, None]:
        """The bytes as stored (still compressed when the document is)."""
        download = self._download()
        raw = download.chunks()
        try:
            async for chunk in raw:
                self.content_type = download.content_type
                yield chunk
        finally:
            await raw.aclose()

    async def _open(self) -> tuple[Download, AsyncGenerator[bytes, None], AsyncIterator[bytes]]:
        download = self._download()
        raw = download.chunks()
        head, stream = await peek(raw, 2)
        self.content_type = download.content_type
        if self.compression_algorithm == "GZIP" or head.startswith(GZIP_MAGIC):
            stream = gunzip(stream, what=f"{self.kind} {self.document_id}")
        return download, raw, stream

    async def iter_bytes(self) -> AsyncGenerator[bytes, None]:
        """The content, decompressed on the fly."""
        _, raw, stream = await self._open()
        try:
            async for chunk in stream:
                yield chunk
        finally:
            await raw.aclose()

    def _codec(self, encoding: str | None) -> str:
        return python_codec(encoding or self.encoding or charset_of(self.content_type))

    async def iter_text(self, *, encoding: str | None = None, errors: str = "strict") -> AsyncGenerator[str, None]:
        """The content as text, decoded incrementally with ``encoding`` or the declared charset (UTF-8 when
        none is declared; a UTF-8 byte order mark is dropped)."""
        _, raw, stream = await self._open()
        try:
            async for text in decode(stream, self._codec(encoding), errors=errors, what=self._what):
                yield text
        finally:
            await raw.aclose()

    @property
    def _what(self) -> str:
        return f"{self.kind} {self.document_id}"

    async def _chunks_of_records(
        self,
        format: DocumentFormat,
        delimiter: str | None,
        quoting: bool | None,
        encoding: str | None,
        errors: str,
        record_tag: str | None,
    ) -> AsyncGenerator[Iterable[Any], None]:
        _, raw, stream = await self._open()
        try:
            head, stream = await peek(stream, _SNIFF_BYTES)
            fmt = sniff_format(self.content_type, head) if format == "auto" else format
            chunks: AsyncIterator[Iterable[Any]]
            if fmt == "xml":
                chunks = xml_records(stream, record_tag=record_tag, what=self._what)
            else:
                texts = decode(stream, self._codec(encoding), errors=errors, what=self._what)
                if fmt == "json":
                    chunks = json_records(texts, what=self._what)
                else:
                    if delimiter is None:
                        delimiter = "," if fmt == "csv" else "\t"
                    chunks = delimited_rows(texts, delimiter=delimiter, quoting=quoting, what=self._what)
            async for records in chunks:
                yield records
        finally:
            await raw.aclose()

    async def row_batches(
        self,
        format: DocumentFormat = "auto",
        *,
        delimiter: str | None = None,
        quoting: bool | None = None,
        encoding: str | None = None,
        errors: str = "strict",
        record_tag: str | None = None,
    ) -> AsyncGenerator[list[Any], None]:
        """The records of :meth:`rows` as one list per received chunk (never an empty one)."""
        chunks = self._chunks_of_records(format, delimiter, quoting, encoding, errors, record_tag)
        try:
            async for records in chunks:
                batch = records if isinstance(records, list) else list(records)
                if batch:
                    yield batch
        finally:
            await chunks.aclose()

    async def rows(
        self,
        format: DocumentFormat = "auto",
        *,
        delimiter: str | None = None,
        quoting: bool | None = None,
        encoding: str | None = None,
        errors: str = "strict",
        record_tag: str | None = None,
    ) -> AsyncGenerator[Any, None]:
        """The document's records, streamed.

        ``format`` ``"auto"`` decides from the declared content type, else from the first bytes: ``"tsv"`` and
        ``"csv"`` give one ``dict[str, str]`` per row keyed by the header row; ``"json"`` gives each element of a
        top-level array, or each top-level value (JSON Lines); ``"xml"`` gives each child of the root element (or
        each ``record_tag`` element) as a dict. ``delimiter``/``quoting`` override the delimited dialect (tab-
        separated documents are read without quote processing by default); ``encoding``/``errors`` the decoding.
        """
        chunks = self._chunks_of_records(format, delimiter, quoting, encoding, errors, record_tag)
        try:
            async for records in chunks:
                for record in records:
                    yield record
        finally:
            await chunks.aclose()

    async def read_text(self, *, limit: int = 1024 * 1024, encoding: str | None = None) -> str:
        """At most ``limit`` characters of the text (for small documents such as error documents)."""
        parts: list[str] = []
        size = 0
        stream = self.iter_text(encoding=encoding, errors="replace")
        try:
            async for text in stream:
                parts.append(text[: limit - size])
                size += len(parts[-1])
                if size >= limit:
                    break
        finally:
            await stream.aclose()
        return "".join(parts)

    async def save(self, path: str | os.PathLike[str], *, decompress: bool = True) -> int:
        """Write the document to ``path`` (decompressed unless ``decompress=False``); returns the bytes written.
        The file appears under its name only once complete (``<name>.part`` until then)."""
        target = Path(path)
        part = target.with_name(target.name + ".part")
        written = 0
        stream = self.iter_bytes() if decompress else self.iter_raw()
        try:
            async with await anyio.open_file(part, "wb") as out:
                async for chunk in stream:
                    await out.write(chunk)
                    written += len(chunk)
        except BaseException:
            await anyio.Path(part).unlink(missing_ok=True)
            raise
        finally:
            await stream.aclose()
        await anyio.Path(part).rename(target)
        return written

    def __repr__(self) -> str:  # never the URL: it carries a signature
        return f"{type(self).__name__}(document_id={self.document_id!r}, compression={self.compression_algorithm!r})"
