"""Small helpers for the SQL the index writes and reads: the `?` marks for a list of values,
values in chunks under SQLite's variable limit, and the upper bound of a prefix range."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

CHUNK = 500
"""Values bound in one `IN (...)` list (SQLite allows 999 or more variables per statement)."""


def marks(values: Sequence[object]) -> str:
    """`?, ?, ?` for as many values."""
    return ", ".join("?" * len(values))


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def after_prefix(prefix: str) -> str:
    """The least string greater than every string that starts with `prefix` (code point order,
    which is SQLite's order of UTF-8 text)."""
    if not prefix:
        return "\U0010ffff"
    last = ord(prefix[-1]) + 1
    if 0xD800 <= last <= 0xDFFF:
        last = 0xE000
    if last > 0x10FFFF:
        return after_prefix(prefix[:-1])
    return prefix[:-1] + chr(last)
