"""Feeds API 2021-06-30: feed document → upload → feed → wait → processing report, as one call."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import AsyncIterable, AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass

import anyio

from ..apis.feeds_2021_06_30 import Feeds20210630Api
from ..errors import ConfigurationError, SPAPIError
from ..models.feeds_2021_06_30 import CreateFeedDocumentSpecification, CreateFeedSpecification, Feed
from .codec import charset_of, python_codec
from .errors import FeedCancelledError, FeedFatalError
from .reports import marketplace_list
from .responses import presigned_url, required

FeedContent = bytes | bytearray | memoryview | str | os.PathLike[str] | AsyncIterable[bytes]

_READ = 256 * 1024


#: A feed as Amazon describes it (the generated model; fields Amazon adds are kept).
FeedInfo = Feed

# ---------------------------------------------------------------------------------------------- content


@dataclass(frozen=True, slots=True)
class PreparedBody:
    """Upload content in a replayable form: bytes, or a factory of fresh streams plus the length."""

    body: bytes | Callable[[], AsyncIterable[bytes]]
    length: int
    cleanup: Callable[[], None] | None = None


def _file_stream(path: str, offset: int = 0) -> Callable[[], AsyncIterator[bytes]]:
    async def stream() -> AsyncIterator[bytes]:
        async with await anyio.open_file(path, "rb") as f:
            await f.seek(offset)
            while chunk := await f.read(_READ):
                yield chunk

    return stream


async def prepare_content(content: FeedContent, content_type: str) -> PreparedBody:
    """Bytes as they are; ``str`` encoded with the content type's charset (UTF-8 if none); a path
    (``os.PathLike``) streamed from the file; an async iterable of bytes spooled to a temporary file first (the
    upload needs its length, and a retry needs the content again) — never a full copy in memory."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        data = bytes(content)
        return PreparedBody(data, len(data))
    if isinstance(content, str):
        codec = python_codec(charset_of(content_type))
        data = content.encode("utf-8" if codec == "utf-8-sig" else codec)
        return PreparedBody(data, len(data))
    if isinstance(content, os.PathLike):
        path = os.fspath(content)
        try:
            size = (await anyio.Path(path).stat()).st_size
        except OSError as exc:
            raise ConfigurationError(f"feed content file cannot be read: {exc}") from None
        return PreparedBody(_file_stream(path), size)
    if isinstance(content, AsyncIterable):
        fd, path = tempfile.mkstemp(prefix="spapi-feed-")
        os.close(fd)

        def cleanup() -> None:
            with contextlib.suppress(OSError):
                os.unlink(path)

        size = 0
        try:
            async with await anyio.open_file(path, "wb") as out:
                async for chunk in content:
                    if not isinstance(chunk, (bytes, bytearray, memoryview)):
                        raise ConfigurationError("an async iterable feed content must yield bytes")
                    await out.write(chunk)
                    size += len(chunk)
        except BaseException:
            cleanup()
            raise
        return PreparedBody(_file_stream(path), size, cleanup)
    raise ConfigurationError(
        f"content must be bytes, str, a path (pathlib.Path) or an async iterable of bytes, got {type(content).__name__}"
    )


def feed_spec(
    feed_type: str, marketplace_ids: Sequence[str], document_id: str, feed_options: Mapping[str, str] | None
) -> CreateFeedSpecification:
    options = {"feed_options": dict(feed_options)} if feed_options else {}
    return CreateFeedSpecification(
        feed_type=feed_type,
        marketplace_ids=marketplace_list(marketplace_ids),
        input_feed_document_id=document_id,
        **options,
    )


def check_feed_args(
    feed_type: str, content_type: str, marketplace_ids: Sequence[str], feed_options: Mapping[str, str] | None
) -> None:
    if not isinstance(feed_type, str) or not feed_type:
        raise ConfigurationError("feed_type must be a non-empty string such as 'JSON_LISTINGS_FEED'")
    if not isinstance(content_type, str) or "/" not in content_type:
        raise ConfigurationError("content_type must be a MIME type such as 'application/json; charset=UTF-8'")
    marketplace_list(marketplace_ids)
    if feed_options is not None and not (
        isinstance(feed_options, Mapping)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in feed_options.items())
    ):
        raise ConfigurationError("feed_options must be a mapping of strings to strings")


# ---------------------------------------------------------------------------------------------- API calls


async def create_feed_document(api: Feeds20210630Api, content_type: str) -> tuple[str, str]:
    created = await api.create_feed_document(body=CreateFeedDocumentSpecification(content_type=content_type))
    what = "createFeedDocument"
    return required(created.feed_document_id, "feedDocumentId", what), presigned_url(created.url, what)


async def create_feed(api: Feeds20210630Api, spec: CreateFeedSpecification) -> str:
    return required((await api.create_feed(body=spec)).feed_id, "feedId", "createFeed")


async def get_feed(api: Feeds20210630Api, feed_id: str) -> FeedInfo:
    feed = await api.get_feed(feed_id=feed_id)
    required(feed.feed_id, "feedId", "feed")
    return feed


async def get_feed_document(api: Feeds20210630Api, feed_document_id: str) -> tuple[str, str | None]:
    document = await api.get_feed_document(feed_document_id=feed_document_id)
    return presigned_url(document.url, "getFeedDocument"), document.compression_algorithm


def terminal_error(info: FeedInfo, report_text: str | None) -> SPAPIError:
    feed_id = info.feed_id or ""
    if info.processing_status == "CANCELLED":
        return FeedCancelledError(
            f"feed {feed_id} ({info.feed_type}) was CANCELLED",
            kind="feed",
            resource_id=feed_id,
            processing_status="CANCELLED",
            details=info.to_wire(),
        )
    summary = " ".join((report_text or "").split())[:300]
    return FeedFatalError(
        f"feed {feed_id} ({info.feed_type}) ended FATAL" + (f": {summary}" if summary else ""),
        kind="feed",
        resource_id=feed_id,
        processing_status="FATAL",
        error_document=report_text,
        details=info.to_wire(),
    )
