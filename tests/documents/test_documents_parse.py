"""The streaming parsers: every chunking of the input gives the same records."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

import spapi_async as sp
from spapi_async.documents.parse import delimited_rows, flatten, json_records, sniff_format, xml_records


async def chunks(text: str, size: int) -> AsyncIterator[str]:
    for i in range(0, len(text), size):
        yield text[i : i + size]


async def byte_chunks(data: bytes, size: int) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


async def rows(text: str, size: int, **kwargs: Any) -> list[Any]:
    return [r async for r in flatten(delimited_rows(chunks(text, size), **kwargs))]


CSV_TEXT = 'sku,title,note\r\nA,"12"" pizza, large","line one\nline two"\r\nB,plain,\r\n\r\nC,"quoted ""x""",last\r\n'


@pytest.mark.parametrize("size", [1, 2, 3, 7, 16, 1000])
async def test_csv_with_quotes_and_newlines_at_any_chunking(size: int) -> None:
    expected = list(csv.DictReader(io.StringIO(CSV_TEXT, newline="")))
    assert await rows(CSV_TEXT, size) == expected


@pytest.mark.parametrize("size", [1, 5, 64])
async def test_tsv_is_read_without_quote_processing(size: int) -> None:
    text = 'sku\ttitle\tqty\nA\t12" pizza\t3\nB\t"quoted" word\t4\r\nC\tshort\n'
    assert await rows(text, size) == [
        {"sku": "A", "title": '12" pizza', "qty": "3"},
        {"sku": "B", "title": '"quoted" word', "qty": "4"},
        {"sku": "C", "title": "short", "qty": ""},  # a short row gets "" for the missing trailing columns
    ]


async def test_last_line_without_newline_and_header_only() -> None:
    assert await rows("a\tb\n1\t2", 3) == [{"a": "1", "b": "2"}]
    assert await rows("a\tb\n", 3) == []
    assert await rows("", 3) == []


async def test_a_row_longer_than_the_header_is_an_error() -> None:
    with pytest.raises(sp.DocumentParseError, match="3 fields, the header has 2"):
        await rows("a\tb\n1\t2\n1\t2\t3\n", 4)


async def test_unterminated_quoted_field_is_an_error() -> None:
    with pytest.raises(sp.DocumentParseError, match="inside a quoted field"):
        await rows('a,b\n1,"open\n2,3\n', 4)


async def test_explicit_dialect() -> None:
    assert await rows("a;b\n1;2\n", 2, delimiter=";") == [{"a": "1", "b": "2"}]
    assert await rows('a\tb\n"x\ty"\tz\n', 3, quoting=True) == [{"a": "x\ty", "b": "z"}]


@pytest.mark.parametrize("size", [1, 3, 10, 1000])
async def test_json_array_streams_elements(size: int) -> None:
    values = [{"a": 1, "s": "x, ]"}, [1, 2], 3.5, "str", None, True, {"nested": {"k": [{}]}}]
    text = "  [\n" + ",\n ".join(json.dumps(v) for v in values) + "\n]\n"
    assert [r async for r in flatten(json_records(chunks(text, size)))] == values


@pytest.mark.parametrize("size", [1, 4, 1000])
async def test_json_lines_and_single_object(size: int) -> None:
    lines = "".join(json.dumps({"i": i, "n": 10**i}) + "\n" for i in range(5))
    assert [r async for r in flatten(json_records(chunks(lines, size)))] == [{"i": i, "n": 10**i} for i in range(5)]
    single = json.dumps({"reportSpecification": {"reportType": "T"}, "items": list(range(20))})
    assert [r async for r in flatten(json_records(chunks(single, size)))] == [json.loads(single)]
    assert [r async for r in flatten(json_records(chunks("12 345", size)))] == [12, 345]


async def test_broken_json_is_an_error() -> None:
    with pytest.raises(sp.DocumentParseError, match="invalid JSON"):
        [r async for r in flatten(json_records(chunks('{"a": 1}\n{"b": ', 3)))]
    with pytest.raises(sp.DocumentParseError, match="not closed"):
        [r async for r in flatten(json_records(chunks('[{"a": 1}, ', 3)))]


@pytest.mark.parametrize("size", [1, 9, 10000])
async def test_xml_records_are_the_roots_children(size: int) -> None:
    data = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Root xmlns="urn:example"><Node id="1"><Name>Kühe</Name><Child>a</Child><Child>b</Child></Node>'
        "<Node id='2'>text</Node></Root>"
    ).encode()
    records = [r async for r in flatten(xml_records(byte_chunks(data, size)))]
    assert records == [
        {"@id": "1", "Name": "Kühe", "Child": ["a", "b"], "_tag": "Node"},
        {"@id": "2", "#text": "text", "_tag": "Node"},
    ]
    named = [r async for r in flatten(xml_records(byte_chunks(data, size), record_tag="Child"))]
    assert named == [{"#text": "a", "_tag": "Child"}, {"#text": "b", "_tag": "Child"}]


async def test_broken_xml_is_an_error() -> None:
    with pytest.raises(sp.DocumentParseError, match="invalid XML"):
        [r async for r in flatten(xml_records(byte_chunks(b"<a><b></a>", 3)))]


@pytest.mark.parametrize(
    ("content_type", "head", "expected"),
    [
        ("application/json", b"", "json"),
        ("text/xml; charset=UTF-8", b"", "xml"),
        ("text/csv", b"", "csv"),
        ("text/tab-separated-values", b"", "tsv"),
        ("text/plain", b"\xef\xbb\xbf  {", "json"),
        (None, b"<?xml", "xml"),
        ("text/plain", b"a,b,c\n1,2,3", "csv"),
        ("text/plain", b"a\tb,c\n", "tsv"),
        ("application/octet-stream", b"single", "tsv"),
    ],
)
def test_sniff_format(content_type: str | None, head: bytes, expected: str) -> None:
    assert sniff_format(content_type, head) == expected
