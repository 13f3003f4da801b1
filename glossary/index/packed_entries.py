"""Reading entry numbers packed in a blob, as the keyed reading tables store them
(`glossary.index.reading_rows` writes them, `glossary.index.reading_store` reads them), and
the positions of names gathered by key as a build collects them (`add_position`) and read
back (`unpack_positions`)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable

ENTRY_CODE = "q"
"""The array type of packed entry numbers (64-bit, in the machine's byte order: the index is a
cache of this machine's)."""


def pack_entries(entries: Iterable[int]) -> bytes:
    """A key's entries as its row of chains, pairs or heads stores them: sorted, packed."""
    return array(ENTRY_CODE, sorted(entries)).tobytes()


def unpack_entries(blob: bytes) -> array[int]:
    found = array(ENTRY_CODE)
    found.frombytes(blob)
    return found


POSITION_CODE = "i"
"""The array type of names' positions packed in a blob (grams, words, fuzzy_words, the fuzzy
tables' orders and ends)."""


def add_position(keyed: dict[str, array[int]], keys: Iterable[str], position: int) -> None:
    """Add `position` to the positions gathered under each of these keys."""
    for key in keys:
        found = keyed.get(key)
        if found is None:
            keyed[key] = array(POSITION_CODE, (position,))
        else:
            found.append(position)


def unpack_positions(blob: bytes) -> array[int]:
    """The positions (or other 32-bit numbers) packed in this blob."""
    found = array(POSITION_CODE)
    found.frombytes(blob)
    return found
