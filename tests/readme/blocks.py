"""README.md's fenced code blocks, found automatically (a block added later is covered without touching the tests).

Each block knows its language and the README line its code starts on, so a failure names the line to fix.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
_FENCE = re.compile(r"^(`{3,})\s*([\w+-]*)")


@dataclass(frozen=True)
class Block:
    language: str  # "python", "sh", ... ("" when the fence names none)
    line: int  # 1-based README line of the block's first code line
    source: str

    @property
    def id(self) -> str:
        return f"README.md:{self.line}"

    def padded(self) -> str:
        """The source preceded by blank lines, so that compiled code reports README's own line numbers."""
        return "\n" * (self.line - 1) + self.source


def read_blocks(path: Path = README) -> list[Block]:
    blocks: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    fence: str | None = None
    language = ""
    start = 0
    body: list[str] = []
    for number, text in enumerate(lines, start=1):
        if fence is None:
            match = _FENCE.match(text)
            if match:
                fence, language, start, body = match.group(1), match.group(2).lower(), number + 1, []
        elif text.startswith(fence) and not text.strip("`").strip():
            blocks.append(Block(language, start, "\n".join(body) + "\n"))
            fence = None
        else:
            body.append(text)
    if fence is not None:
        raise AssertionError(f"README.md:{start - 1}: code block never closed")
    return blocks


PYTHON = ("python", "py", "python3", "pycon")
SHELL = ("sh", "bash", "shell", "console")


def python_blocks() -> list[Block]:
    return [b for b in read_blocks() if b.language in PYTHON]


def shell_blocks() -> list[Block]:
    return [b for b in read_blocks() if b.language in SHELL]


_LISTINGS_FEED = {
    "header": {"sellerId": "A1README", "version": "2.0", "issueLocale": "en_US"},
    "messages": [
        {
            "messageId": 1,
            "sku": "README-SKU-1",
            "operationType": "UPDATE",
            "productType": "PRODUCT",
            "attributes": {"item_name": [{"value": "Kettle", "marketplace_id": "ATVPDKIKX0DER"}]},
        }
    ],
}
#: Input files README's blocks name, created in each block's (temporary) working directory.
INPUT_FILES = {
    "listings.json": json.dumps(_LISTINGS_FEED, indent=1),
    "feed.json": json.dumps(_LISTINGS_FEED, indent=1),
}
