"""Files the command line writes that can hold personal data (buyer names and addresses in orders and reports):
created readable by their owner only (mode 0600, whatever the umask). A file that is continued in place (a
resumed export) keeps its mode, so what the user set is never loosened; a file that is replaced whole (a
checkpoint, a processing report) is a new file with mode 0600."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

PRIVATE_MODE = 0o600


def open_private(path: Path, *, truncate: bool) -> BinaryIO:
    """``path`` opened for reading and writing, created with mode 0600 if missing; emptied when ``truncate``."""
    flags = os.O_RDWR | os.O_CREAT | (os.O_TRUNC if truncate else 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_MODE)
    try:
        return os.fdopen(fd, "r+b")
    except BaseException:
        os.close(fd)
        raise


def create_private(path: Path) -> BinaryIO:
    """A new, empty ``path`` with mode 0600 (a leftover file of that name, whatever its mode, is removed first)."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_MODE)
    try:
        return os.fdopen(fd, "r+b")
    except BaseException:
        os.close(fd)
        raise


def write_private(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (a new temporary file renamed over it), the new file mode 0600."""
    tmp = path.with_name(path.name + ".tmp")
    with create_private(tmp) as fh:
        fh.write(data)
    os.replace(tmp, path)
