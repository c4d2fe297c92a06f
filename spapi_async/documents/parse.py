"""Streaming parsers: delimited text (tab/comma separated, header row → keys), JSON (JSON Lines, a top-level
array streamed element by element, or a single value) and XML (the root's children, one record each).

Every parser keeps at most one chunk's records plus one input chunk in memory (except a single top-level JSON
value, which is parsed whole). Parsers yield the records of each input chunk (an iterable, to be exhausted before
the next is asked for); :func:`flatten` turns them into single records.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections.abc import AsyncGenerator, AsyncIterable, Iterable, Iterator
from typing import Any, Literal, cast

from .errors import DocumentParseError

DocumentFormat = Literal["auto", "tsv", "csv", "json", "xml"]

#: The one record size cap, for every document format: a single record (a line or quoted record of a delimited
#: document, a JSON value, an XML record element) longer than this many characters of input (XML: bytes fed since
#: the previous record ended) is taken as a broken document rather than buffered without bound.
MAX_RECORD_CHARS = 64 * 1024 * 1024
#: Elements (XML) nested deeper than this are taken as a broken document (each level costs a Python frame when the
#: record is converted). JSON values nested too deeply for the decoder raise the same way.
MAX_NESTING = 500


async def flatten(batches: AsyncIterable[Iterable[Any]]) -> AsyncGenerator[Any, None]:
    async for batch in batches:
        for record in batch:
            yield record


def sniff_format(content_type: str | None, head: bytes) -> DocumentFormat:
    """The document format from its declared content type, else from its first non-blank byte."""
    ct = (content_type or "").split(";", 1)[0].strip().lower()
    if "json" in ct:
        return "json"
    if ct.endswith("/xml") or ct.endswith("+xml"):
        return "xml"
    if ct in ("text/csv", "application/csv"):
        return "csv"
    if ct == "text/tab-separated-values":
        return "tsv"
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text[:1] in (b"{", b"["):
        return "json"
    if text[:1] == b"<":
        return "xml"
    first_line = text.split(b"\n", 1)[0]
    if b"\t" not in first_line and b"," in first_line:
        return "csv"
    return "tsv"


# ---------------------------------------------------------------------------------------------- delimited text


class _Rows:
    """Turns parsed rows (lists of fields) into dicts keyed by the header row.

    Rows are built lazily, one at a time as the consumer asks: holding a whole chunk's worth of dicts alive would
    make the garbage collector scan them again and again, which costs more than the parsing itself.
    """

    __slots__ = ("header", "what", "width")

    def __init__(self, what: str) -> None:
        self.header: list[str] = []
        self.width = -1  # no header yet
        self.what = what

    def rows(self, parsed: Iterable[list[str]]) -> Iterator[dict[str, str]]:
        header = self.header
        width = self.width
        try:
            for row in parsed:
                if len(row) == width:
                    yield dict(zip(header, row, strict=False))  # equal lengths, checked just above
                    continue
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue  # blank line
                if width < 0:
                    header = self.header = [name.strip() for name in row]
                    width = self.width = len(header)
                    continue
                if len(row) > width:
                    shown = "\t".join(row)[:120]
                    raise DocumentParseError(
                        f"{self.what}: a row has {len(row)} fields, the header has {width}: {shown!r}"
                    )
                yield dict(zip(header, row + [""] * (width - len(row)), strict=True))
        except csv.Error as exc:
            raise DocumentParseError(f"{self.what}: {exc}") from None


_UNFINISHED = "unexpected end of data"


def _dialect(first_line: str, delimiter: str | None, quoting: bool | None) -> tuple[str, bool]:
    delim = delimiter if delimiter is not None else ("\t" if "\t" in first_line or "," not in first_line else ",")
    return delim, (quoting if quoting is not None else delim != "\t")


async def delimited_rows(
    texts: AsyncIterable[str],
    *,
    delimiter: str | None = None,
    quoting: bool | None = None,
    what: str = "document",
) -> AsyncGenerator[Iterator[dict[str, str]], None]:
    """Rows of a delimited document as dicts keyed by the header row: one lazy iterator per chunk, to be
    exhausted before the next is asked for.

    ``delimiter`` None means: a tab if the header line has one, else a comma. ``quoting`` None means: CSV quoting
    rules for comma-separated documents, none for tab-separated ones (Amazon's tab-separated reports do not quote,
    and their fields may contain a lone ``"``). Blank lines are skipped; a row shorter than the header gets ``""``
    for the missing trailing columns; a row longer than the header raises :class:`DocumentParseError`.
    """
    builder = _Rows(what)
    pending = ""
    dialect: tuple[str, bool] | None = None

    def parse(block: str, delim: str, quoted: bool, final: bool) -> tuple[Iterator[dict[str, str]], str]:
        """Rows of the complete records in ``block`` and the text of an unfinished last record."""
        if not quoted:
            lines = block.split("\n")
            if not lines[-1]:
                lines.pop()
            return builder.rows(csv.reader(lines, delimiter=delim, quoting=csv.QUOTE_NONE)), ""
        lines = [line + "\n" for line in block.split("\n")]
        if block.endswith("\n"):
            lines.pop()
        else:
            lines[-1] = lines[-1][:-1]
        reader = csv.reader(lines, delimiter=delim, strict=True)
        rows: list[list[str]] = []
        consumed = 0
        rest = ""
        try:
            for row in reader:
                rows.append(row)
                consumed = reader.line_num
        except csv.Error as exc:
            if _UNFINISHED not in str(exc):
                raise DocumentParseError(f"{what}: {exc}") from None
            if final:
                raise DocumentParseError(f"{what}: the document ends inside a quoted field") from None
            rest = "".join(lines[consumed:])  # a quoted field goes on in the next chunk
        return builder.rows(rows), rest

    async for text in texts:
        if dialect is not None and not dialect[1]:
            # The hot path (tab-separated, no quoting): split the new text only, never copy the whole chunk again.
            lines = text.split("\n")
            if pending:
                lines[0] = pending + lines[0]
            pending = lines.pop()
            if len(pending) > MAX_RECORD_CHARS:
                raise DocumentParseError(f"{what}: a line longer than {MAX_RECORD_CHARS} characters")
            if lines:
                yield builder.rows(csv.reader(lines, delimiter=dialect[0], quoting=csv.QUOTE_NONE))
            continue
        pending = pending + text if pending else text
        cut = pending.rfind("\n") + 1
        if cut == 0:
            if len(pending) > MAX_RECORD_CHARS:
                raise DocumentParseError(f"{what}: a line longer than {MAX_RECORD_CHARS} characters")
            continue
        block = pending[:cut]
        pending = pending[cut:]
        if dialect is None:
            dialect = _dialect(block.split("\n", 1)[0], delimiter, quoting)
        batch, rest = parse(block, *dialect, final=False)
        if rest:
            pending = rest + pending
            if len(pending) > MAX_RECORD_CHARS:
                raise DocumentParseError(f"{what}: a record longer than {MAX_RECORD_CHARS} characters")
        yield batch
    if pending.strip():
        if dialect is None:
            dialect = _dialect(pending.split("\n", 1)[0], delimiter, quoting)
        batch, _ = parse(pending, *dialect, final=True)
        yield batch


# ---------------------------------------------------------------------------------------------- JSON

_WS = " \t\r\n"
_END = _WS + ",]}"


async def json_records(texts: AsyncIterable[str], *, what: str = "document") -> AsyncGenerator[list[Any], None]:
    """Records of a JSON document: a top-level array is streamed element by element; otherwise each top-level
    value is a record (so JSON Lines and a single object both work)."""
    decoder = json.JSONDecoder()
    buf = ""
    pos = 0
    in_array: bool | None = None  # None until the first non-blank character is seen
    array_closed = False
    retry_at = 0  # after an incomplete parse, wait until the buffer is twice as long (amortised linear time)
    ended = False
    source = aiter(texts)
    while True:
        if not ended and (len(buf) - pos < 2 or len(buf) - pos < retry_at):
            try:
                text = await anext(source)
            except StopAsyncIteration:
                ended = True
            else:
                buf = buf[pos:] + text
                pos = 0
                continue
        batch: list[Any] = []
        while True:
            while pos < len(buf) and buf[pos] in _WS:
                pos += 1
            if pos >= len(buf):
                break
            if in_array is None:
                in_array = buf[pos] == "["
                if in_array:
                    pos += 1
                    continue
            if in_array:
                if array_closed:
                    raise DocumentParseError(f"{what}: data after the end of the top-level array")
                ch = buf[pos]
                if ch == ",":
                    pos += 1
                    continue
                if ch == "]":
                    array_closed = True
                    pos += 1
                    continue
            try:
                value, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                if ended:
                    raise DocumentParseError(f"{what}: invalid JSON ({exc.msg} at character {exc.pos})") from None
                retry_at = 2 * (len(buf) - pos)
                break
            except RecursionError:
                raise DocumentParseError(f"{what}: a JSON value nested too deeply to decode") from None
            if not ended and not isinstance(value, (dict, list, str)) and (end == len(buf) or buf[end] not in _END):
                retry_at = len(buf) - pos + 1  # a number ("3" of "3.5") may go on in the next chunk
                break
            batch.append(value)
            pos = end
            retry_at = 0
        if len(buf) - pos > MAX_RECORD_CHARS:
            raise DocumentParseError(f"{what}: a JSON record longer than {MAX_RECORD_CHARS} characters")
        if batch:
            yield batch
        if ended:
            if in_array and not array_closed:
                raise DocumentParseError(f"{what}: the top-level JSON array is not closed")
            return


# ---------------------------------------------------------------------------------------------- XML

_XML_PIECE = 1024 * 1024


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


def element_to_dict(elem: ET.Element) -> Any:
    """An element as plain data: text for a leaf without attributes, else a dict of attributes and children
    (a repeated child becomes a list; the element's own text goes under ``"#text"``). Namespaces are dropped."""
    children = list(elem)
    text = (elem.text or "").strip()
    if not children and not elem.attrib:
        return text
    out: dict[str, Any] = {f"@{_local(k)}": v for k, v in elem.attrib.items()}
    for child in children:
        key = _local(child.tag)
        value = element_to_dict(child)
        if key in out:
            existing = out[key]
            if isinstance(existing, list):
                existing.append(value)
            else:
                out[key] = [existing, value]
        else:
            out[key] = value
    if text:
        out["#text"] = text
    return out


async def xml_records(
    chunks: AsyncIterable[bytes], *, record_tag: str | None = None, what: str = "document"
) -> AsyncGenerator[list[dict[str, Any]], None]:
    """Records of an XML document, fed as bytes (the XML declaration names the encoding).

    Each record is one element converted with :func:`element_to_dict` plus ``"_tag"``: the elements named
    ``record_tag`` (namespace ignored) when given, else every child of the root. Records are dropped from the tree
    once yielded, so memory stays flat.
    """
    parser: ET.XMLPullParser[Any] = ET.XMLPullParser(events=("start", "end"))
    stack: list[ET.Element] = []
    unfinished = 0  # bytes fed since the last record ended: what the tree may be holding
    try:
        async for chunk in chunks:
            # Fed in bounded pieces, so an element that never closes is caught before its tree grows much past
            # the cap (the tree costs several times its input).
            for start in range(0, len(chunk), _XML_PIECE):
                piece = chunk[start : start + _XML_PIECE]
                parser.feed(piece)
                unfinished += len(piece)
                batch: list[dict[str, Any]] = []
                for event_item in parser.read_events():
                    event, item = cast("tuple[str, Any]", event_item)
                    elem = item if isinstance(item, ET.Element) else None
                    if elem is None:
                        continue
                    if event == "start":
                        stack.append(elem)
                        if len(stack) > MAX_NESTING:
                            raise DocumentParseError(f"{what}: XML elements nested more than {MAX_NESTING} deep")
                        continue
                    stack.pop()
                    is_record = _local(elem.tag) == record_tag if record_tag is not None else len(stack) == 1
                    if is_record:
                        record = element_to_dict(elem)
                        if not isinstance(record, dict):
                            record = {"#text": record}
                        record["_tag"] = _local(elem.tag)
                        batch.append(record)
                        if stack:
                            stack[-1].remove(elem)
                        elem.clear()
                        unfinished = 0
                if unfinished > MAX_RECORD_CHARS:
                    raise DocumentParseError(f"{what}: an XML record longer than {MAX_RECORD_CHARS} bytes")
                if batch:
                    yield batch
        parser.close()
    except ET.ParseError as exc:
        raise DocumentParseError(f"{what}: invalid XML ({exc})") from None
