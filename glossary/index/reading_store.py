"""The read side of the reading tables (`glossary.index.reading_rows`): the entries of one group
that a pinyin query's keys allow, in rank order, read as they are asked for."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from glossary.index.sql import after_prefix, marks


@dataclass(frozen=True, slots=True)
class ReadingKeys:
    """What candidates for a query must have (glossary.search.pinyin_keys.QueryKeys)."""

    chains: tuple[str, ...]  # chains of three keys (or two at an entry's end)
    chain_prefixes: tuple[str, ...]  # the first two keys of a chain
    pairs: tuple[str, ...]  # a hanzi or whole syllable, a space and the key after it
    heads: tuple[str, ...]  # spellings (exactly)


class ReadingLookup:
    """The candidate lookups of one query, prepared once and run group by group: the entries
    one unit of which can take the whole query (`heads`) apart from the others."""

    def __init__(self, db: sqlite3.Connection, keys: ReadingKeys) -> None:
        self.db = db
        chains = set(keys.chains)
        for prefix in keys.chain_prefixes:
            sql = "SELECT DISTINCT chain FROM chains WHERE chain >= ? AND chain < ?"
            chains.update(row[0] for row in db.execute(sql, (prefix, after_prefix(prefix))))
        self.params: dict[str, str | int] = {}
        self.single = self._sql([("heads", "head", keys.heads)])
        self.more = self._sql([("chains", "chain", sorted(chains)), ("pairs", "pair", keys.pairs)])

    def _sql(self, lookups: list[tuple[str, str, Sequence[str]]]) -> str:
        parts: list[str] = []
        for table, column, values in lookups:
            if values:
                names = [f"p{len(self.params) + i}" for i in range(len(values))]
                self.params.update(zip(names, values, strict=True))
                parts.append(
                    f"SELECT entry FROM {table} WHERE {column} IN "
                    f"({', '.join(':' + name for name in names)}) "
                    "AND entry >= :low AND entry < :high"
                )
        if not parts:
            return ""
        return (
            "SELECT entry, number, units FROM readings "
            f"WHERE entry IN ({' UNION '.join(parts)}) ORDER BY entry"
        )

    def has(self, single: bool) -> bool:
        """Whether there is any lookup of this kind (`group`)."""
        return bool(self.single if single else self.more)

    def group(self, group: int, single: bool) -> Iterator[tuple[int, int, str]]:
        """(entry, term number, encoded units) of the group's candidates, in rank order: those
        one unit of which can take the whole query (`single`) or the others."""
        sql = self.single if single else self.more
        if not sql:
            return iter(())
        from glossary.index.reading_rows import group_range  # the build side: not for a check

        low, high = group_range(group)
        return self.db.execute(sql, {**self.params, "low": low, "high": high})


def term_readings(db: sqlite3.Connection, numbers: Sequence[int]) -> list[tuple[int, str]]:
    """(term number, encoded units) of every reading entry of these terms."""
    wanted = sorted(set(numbers))
    sql = f"SELECT number, units FROM readings WHERE number IN ({marks(wanted)}) ORDER BY entry"
    return list(db.execute(sql, wanted))
