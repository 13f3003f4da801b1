"""The read side of the reading tables (`glossary.index.reading_rows`): the entries of one group
that a pinyin query's keys allow, in rank order, read as they are asked for."""

from __future__ import annotations

import sqlite3
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from glossary.index.packed_entries import unpack_entries
from glossary.index.sql import CHUNK, after_prefix, chunks, marks

FIRST_CHUNK = 32  # readings rows read at first by `ReadingLookup.group`, then twice as many


@dataclass(frozen=True, slots=True)
class ReadingKeys:
    """What candidates for a query must have (glossary.search.pinyin_keys.QueryKeys)."""

    chains: tuple[str, ...]  # chains of three keys (or two at an entry's end)
    chain_prefixes: tuple[str, ...]  # the first two keys of a chain
    pairs: tuple[str, ...]  # a hanzi or whole syllable, a space and the key after it
    heads: tuple[str, ...]  # spellings (exactly)


class ReadingLookup:
    """The candidate lookups of one query, read once and sliced group by group: the entries
    one unit of which can take the whole query (`heads`) apart from the others."""

    def __init__(self, db: sqlite3.Connection, keys: ReadingKeys) -> None:
        self.db = db
        chains = set(keys.chains)
        for prefix in keys.chain_prefixes:
            sql = "SELECT chain FROM chains WHERE chain >= ? AND chain < ?"
            chains.update(row[0] for row in db.execute(sql, (prefix, after_prefix(prefix))))
        self.kinds = {True: bool(keys.heads), False: bool(chains or keys.pairs)}
        self.entries = {
            True: self._read("heads", "head", keys.heads),
            False: self._read("chains", "chain", chains) + self._read("pairs", "pair", keys.pairs),
        }

    def _read(self, table: str, column: str, keys: Iterable[str]) -> list[array[int]]:
        """The packed entries of those of these keys that the table has."""
        found: list[array[int]] = []
        for chunk in chunks(sorted(set(keys))):
            sql = f"SELECT entries FROM {table} WHERE {column} IN ({marks(chunk)})"
            found += (unpack_entries(blob) for (blob,) in self.db.execute(sql, chunk))
        return found

    def has(self, single: bool) -> bool:
        """Whether there is any lookup of this kind (`group`)."""
        return self.kinds[single]

    def group(self, group: int, single: bool) -> Iterator[tuple[int, int, str]]:
        """(entry, term number, encoded units) of the group's candidates, in rank order: those
        one unit of which can take the whole query (`single`) or the others."""
        from glossary.index.reading_rows import group_range  # the build side: not for a check

        low, high = group_range(group)
        slices = [
            entries[bisect_left(entries, low) : bisect_left(entries, high)]
            for entries in self.entries[single]
        ]
        wanted = [found for found in slices if found]
        if len(wanted) == 1:
            return self._rows(wanted[0])
        return self._rows(sorted(set().union(*wanted)))

    def _rows(self, entries: Sequence[int]) -> Iterator[tuple[int, int, str]]:
        """The readings rows of these entries (sorted), read a chunk at a time as they are
        asked for, the first chunks small: the tier often stops after a few."""
        size, start = FIRST_CHUNK, 0
        while start < len(entries):
            chunk = entries[start : start + size]
            sql = (
                "SELECT entry, number, units FROM readings "
                f"WHERE entry IN ({marks(chunk)}) ORDER BY entry"
            )
            yield from self.db.execute(sql, list(chunk))
            start += size
            size = min(2 * size, CHUNK)


def term_readings(db: sqlite3.Connection, numbers: Sequence[int]) -> list[tuple[int, str]]:
    """(term number, encoded units) of every reading entry of these terms."""
    wanted = sorted(set(numbers))
    sql = f"SELECT number, units FROM readings WHERE number IN ({marks(wanted)}) ORDER BY entry"
    return list(db.execute(sql, wanted))
