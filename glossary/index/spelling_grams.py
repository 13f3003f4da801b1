"""The bigrams of the words of `fuzzy_words`, for finding the words spelt like a query's
(`glossary.search.suggestion_words`): table `spelling_words(words)`, one row holding every word
of `fuzzy_words`, the shortest first and then in alphabetical order (so that the first words
holding some bigrams are the most alike of them), a newline after each (the words are runs of
letters and digits),
and table `spelling_grams(gram, words)`: for each bigram of a word with a space before and
after it (`bigrams`: ` room ` has ` r`, `ro`, `oo`, `om`, `m `), which words hold it, bit i for
the i-th word (little-endian bytes, about 16 KB a bigram beside CC-CEDICT). A miss combines
the bitsets of its words' bigrams (a few dozen operations on integers) to find the words that
share most of them, where counting shared bigrams one posting at a time in Python cost 5-15 ms."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from glossary.index.sql import marks

SCHEMA = """
CREATE TABLE spelling_words(words TEXT NOT NULL);
CREATE TABLE spelling_grams(gram TEXT PRIMARY KEY, words BLOB NOT NULL) WITHOUT ROWID;
"""


def bigrams(word: str) -> set[str]:
    """The bigrams of `word` with a space before and after it."""
    spaced = f" {word} "
    return {spaced[i : i + 2] for i in range(len(spaced) - 1)}


def write(db: sqlite3.Connection, words: Iterable[str]) -> None:
    """Write the two tables for these words."""
    words = sorted(words, key=lambda word: (len(word), word))
    db.executescript(SCHEMA)
    db.execute("INSERT INTO spelling_words VALUES (?)", ("".join(f"{word}\n" for word in words),))
    size = (len(words) + 7) // 8
    held: dict[str, bytearray] = {}
    for index, word in enumerate(words):
        byte, bit = index >> 3, 1 << (index & 7)
        for gram in bigrams(word):
            bits = held.get(gram)
            if bits is None:
                bits = held[gram] = bytearray(size)
            bits[byte] |= bit
    db.executemany(
        "INSERT INTO spelling_grams VALUES (?, ?)",
        ((gram, bytes(bits).rstrip(b"\0")) for gram, bits in sorted(held.items())),
    )


class SpellingGrams:
    """The two tables as a miss reads them: the words, loaded once, and the bitsets, kept as
    they are read (reading one again cost as much as combining it)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._words: list[str] | None = None
        self._bits: dict[str, int] = {}

    @property
    def words(self) -> list[str]:
        """Every word of `fuzzy_words`, the shortest first (bit i of a bitset is `words[i]`)."""
        if self._words is None:
            row = self.db.execute("SELECT words FROM spelling_words").fetchone()
            self._words = row[0].split("\n")[:-1] if row else []
        return self._words

    def holding(self, grams: Iterable[str]) -> list[int]:
        """For each of these bigrams some word holds, which words hold it, as the bits of an
        integer."""
        wanted = sorted(set(grams))
        if fresh := [gram for gram in wanted if gram not in self._bits]:
            sql = f"SELECT gram, words FROM spelling_grams WHERE gram IN ({marks(fresh)})"
            self._bits.update(dict.fromkeys(fresh, 0))  # a bigram no word holds: none
            for gram, blob in self.db.execute(sql, fresh):
                self._bits[gram] = int.from_bytes(blob, "little")
        return [bits for gram in wanted if (bits := self._bits[gram])]
