"""Rows waiting to be inserted into an index being built, table by table."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from glossary.index.sql import marks


class Inserts:
    """Rows waiting to be inserted, table by table, written STEP terms at a time."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.rows: dict[str, list[tuple[Any, ...]]] = {}

    def add(self, table: str, rows: Iterable[tuple[Any, ...]]) -> None:
        self.rows.setdefault(table, []).extend(rows)

    def flush(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                values = marks(rows[0])
                self.db.executemany(f"INSERT INTO {table} VALUES ({values})", rows)
        self.rows = {}
