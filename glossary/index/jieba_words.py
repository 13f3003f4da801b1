"""jieba's dictionary in an SQLite file, so that a few of its 500,000 entries can be read in a
millisecond instead of loading them all (about 0.7 s) to check one word boundary.

The file is made once per jieba dictionary (keyed by jieba's version and the dictionary file's
size) in the cache folder, from the entries jieba itself derives (`Tokenizer.gen_pfdict`: each
word with its frequency and each prefix of a word with frequency 0), written to a temporary
file and renamed into place. Where the cache folder cannot be written, the entries are kept in
memory for the run instead.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from glossary.index.cache import cache_dir

FORMAT = 1
BATCH = 500  # parameters per query, under SQLite's limit


def dictionary_file() -> Path:
    """jieba's dictionary, found without importing jieba (which imports pkg_resources: 0.3 s
    of every small index build)."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        from glossary.text.segment import import_jieba

        return Path(import_jieba().__file__).parent / "dict.txt"
    return Path(spec.origin).parent / "dict.txt"


def _jieba_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jieba")
    except PackageNotFoundError:
        from glossary.text.segment import import_jieba

        return str(import_jieba().__version__)


def _cache_path(source: Path) -> Path:
    stamp = f"{FORMAT}\0{_jieba_version()}\0{source.stat().st_size}"
    return cache_dir() / f"jieba-dict-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.sqlite"


def _entries(source: Path) -> tuple[dict[str, int], int]:
    from glossary.text.segment import import_jieba

    jieba = import_jieba()

    with open(source, "rb") as handle:
        frequencies, total = jieba.Tokenizer.gen_pfdict(handle)
    return frequencies, int(total)


class InMemoryDictionary:
    """The dictionary's entries held in a dict (the fallback, and for tests)."""

    def __init__(self, frequencies: dict[str, int], total: int) -> None:
        self._frequencies = frequencies
        self.total = total
        self.longest = max(map(len, frequencies), default=1)

    def lookup(self, words: Iterable[str]) -> dict[str, int]:
        found = self._frequencies
        return {word: found[word] for word in words if word in found}


class SQLiteDictionary:
    """The dictionary's entries in an SQLite file, read a few at a time."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        meta = dict(self._connection.execute("SELECT key, value FROM meta"))
        if meta.get("format") != FORMAT:
            raise sqlite3.DatabaseError("not this program's dictionary format")
        self.total = int(meta["total"])
        self.longest = int(meta["longest"])

    def lookup(self, words: Iterable[str]) -> dict[str, int]:
        pending = list(words)
        found: dict[str, int] = {}
        for start in range(0, len(pending), BATCH):
            batch = pending[start : start + BATCH]
            marks = ",".join("?" * len(batch))
            found.update(
                self._connection.execute(
                    f"SELECT word, freq FROM entries WHERE word IN ({marks})",
                    batch,
                )
            )
        return found


def _write(path: Path, frequencies: dict[str, int], total: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".jieba-dict-", suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        with connection:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute(
                "CREATE TABLE entries (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID"
            )
            connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER)")
            connection.executemany("INSERT INTO entries VALUES (?, ?)", frequencies.items())
            connection.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("format", FORMAT), ("total", total), ("longest", max(map(len, frequencies)))],
            )
        connection.close()
        os.replace(temporary, path)
    finally:
        with suppress(OSError):
            os.unlink(temporary)


def open_dictionary() -> SQLiteDictionary | InMemoryDictionary:
    """jieba's dictionary, from the cache file (made now if missing or damaged)."""
    source = dictionary_file()
    path = _cache_path(source)
    with suppress(sqlite3.Error, OSError, KeyError, ValueError):
        return SQLiteDictionary(path)
    frequencies, total = _entries(source)
    try:
        _write(path, frequencies, total)
        return SQLiteDictionary(path)
    except (sqlite3.Error, OSError):
        return InMemoryDictionary(frequencies, total)
