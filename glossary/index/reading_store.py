"""The read side of the reading tables (`glossary.index.reading_rows`): the entries of one group
that a pinyin query's keys allow, in rank order, read as they are asked for."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from glossary.index.reading_rows import group_range


@dataclass(frozen=True, slots=True)
class ReadingKeys:
    """What candidates for a query must have (glossary.search.pinyin_keys.QueryKeys)."""

    chains: tuple[str, ...]  # chains of three keys (or two at an entry's end)
    chain_prefixes: tuple[str, ...]  # the first two keys of a chain
    pairs: tuple[str, ...]  # a hanzi or whole syllable, a space and the key after it
    heads: tuple[str, ...]  # spellings (exactly)


class ReadingLookup:
    """The candidate lookups of one query, prepared once and run group by group."""

    def __init__(self, db: sqlite3.Connection, keys: ReadingKeys) -> None:
        self.db = db
        chains = set(keys.chains)
        for prefix in keys.chain_prefixes:
            sql = "SELECT DISTINCT chain FROM chains WHERE chain >= ? AND chain < ?"
            chains.update(row[0] for row in db.execute(sql, (prefix, after_prefix(prefix))))
        parts: list[str] = []
        self.params: dict[str, str | int] = {}
        for table, column, values in (
            ("chains", "chain", sorted(chains)),
            ("pairs", "pair", keys.pairs),
            ("heads", "head", keys.heads),
        ):
            if values:
                names = [f"p{len(self.params) + i}" for i in range(len(values))]
                self.params.update(zip(names, values, strict=True))
                parts.append(
                    f"SELECT entry FROM {table} WHERE {column} IN "
                    f"({', '.join(':' + name for name in names)}) "
                    "AND entry >= :low AND entry < :high"
                )
        self.sql = (
            "SELECT entry, number, units FROM readings "
            f"WHERE entry IN ({' UNION '.join(parts)}) ORDER BY entry"
            if parts
            else ""
        )

    def group(self, group: int) -> Iterator[tuple[int, int, str]]:
        """(entry, term number, encoded units) of the group's candidates, in rank order."""
        if not self.sql:
            return iter(())
        low, high = group_range(group)
        return self.db.execute(self.sql, {**self.params, "low": low, "high": high})


def term_readings(db: sqlite3.Connection, numbers: Sequence[int]) -> list[tuple[int, str]]:
    """(term number, encoded units) of every reading entry of these terms."""
    wanted = sorted(set(numbers))
    sql = f"SELECT number, units FROM readings WHERE number IN ({marks(wanted)}) ORDER BY entry"
    return list(db.execute(sql, wanted))


def marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


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
