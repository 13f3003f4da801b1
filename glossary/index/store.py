"""The search index of a set of term bases, as an embedded SQLite database (built by
store_build.py), and the lookups that search.py makes in it.

One database per set of term bases, in the cache folder of cache.py, named after a hash of the
term bases' names and bytes, the program's version and the formats in `glossary.index.versions`. A
file's hash is remembered by its stat (cache.file_digests), so a warm run hashes nothing. The
database is built into a temporary file in the same folder and renamed into place, so concurrent
builders each write a whole file and readers never see half of one; older databases of the same
term-base paths are then removed. A corrupt or stale database is rebuilt; when the cache folder
cannot be written, the database is built in memory and used for this run only.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import os
import re
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from glossary.index.versions import SCAN_TABLES_FORMAT, STORE_FORMAT
from glossary.model import Term, term_from_dict
from glossary.progress import Progress
from glossary.version import __version__

Row = tuple[int, int, str, str]  # position, term number, kind, folded name
TAIL_LENGTH = 32  # characters of a name kept from each word start (`tails`)


class Store:
    """An open index database: the terms, and the candidate lookups of search.py."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        rows = db.execute("SELECT key, value FROM meta WHERE key != 'scan_tables'")
        meta = {key: json.loads(value) for key, value in rows}
        self.key: str = meta["key"]
        self.termbases: list[str] = meta["termbases"]
        self.kinds: list[str] = meta["kinds"]
        self.traditional: dict[str, str] = meta["traditional"]
        self.term_count: int = meta["term_count"]
        self.length_sum: int = meta["length_sum"]
        self.literals: str = meta["literals"]
        self._starts: list[int] = meta["starts"]
        self._terms: dict[int, Term] = {}

    def __len__(self) -> int:
        return self.term_count

    def term(self, number: int) -> Term:
        if number not in self._terms:
            row = self.db.execute("SELECT data FROM terms WHERE number = ?", (number,)).fetchone()
            self._terms[number] = term_from_dict(json.loads(row[0]))
        return self._terms[number]

    def termbase_of(self, number: int) -> int:
        return bisect.bisect_right(self._starts, number) - 1

    def terms_by_id(self, ids: Iterable[str]) -> dict[str, Term]:
        """The terms with these ids; when two term bases share an id, the earlier one's term."""
        found: dict[str, Term] = {}
        for chunk in _chunks(sorted(set(ids))):
            rows = self.db.execute(
                f"SELECT id, data FROM terms WHERE id IN ({_marks(chunk)}) ORDER BY number", chunk
            )
            for term_id, data in rows:
                if term_id not in found:
                    found[term_id] = term_from_dict(json.loads(data))
        return found

    def find(self, id_or_headword: str) -> tuple[Term, str] | None:
        """The first term (in term-base order) whose id or headword is exactly this, and the
        name of its term base; as `TermBase.find` over the term bases in turn."""
        from glossary.text.folding import fold

        numbers = {
            row[0]
            for row in self.db.execute("SELECT number FROM terms WHERE id = ?", (id_or_headword,))
        }
        folded = fold(id_or_headword, self.traditional)
        numbers.update(row[1] for row in self.names_equal(folded) if row[2] == "headword")
        for number in sorted(numbers):
            term = self.term(number)
            if id_or_headword in (term.id, term.headword):
                return term, self.termbases[self.termbase_of(number)]
        return None

    def scan_tables(self) -> dict[str, Any]:
        """`build_tables` of these term bases, computed when the index was built."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'scan_tables'").fetchone()
        tables: dict[str, Any] = json.loads(row[0])
        return tables

    # -- candidates for search.py -----------------------------------------------------------

    def names_equal(self, name: str) -> list[Row]:
        return self._names("SELECT position FROM names WHERE name = ?", [name])

    def names_with_grams(self, grams: Sequence[str]) -> list[Row]:
        """Names with a hanzi that contain every one of these bigrams."""
        sql = " INTERSECT ".join(["SELECT position FROM grams WHERE gram = ?"] * len(grams))
        return self._names(sql, list(grams))

    def names_with_word_start(self, prefix: str) -> list[Row]:
        """Names with a word (not starting with a hanzi) that starts with `prefix`."""
        low = prefix[:TAIL_LENGTH]
        sql = "SELECT DISTINCT position FROM tails WHERE tail >= ? AND tail < ?"
        return self._names(sql, [low, _after_prefix(low)])

    def numbers_of(self, positions: Sequence[int]) -> dict[int, int]:
        """The term number of each of these name positions."""
        wanted = sorted(set(positions))
        sql = f"SELECT position, number FROM names WHERE position IN ({_marks(wanted)})"
        return dict(self.db.execute(sql, wanted))

    def names_sharing_a_word(self, words: Sequence[str]) -> list[tuple[int, str, str]]:
        """(position, kind, name) of the names with one of these whitespace-separated words."""
        wanted = sorted(set(words))
        marks = _marks(wanted)
        sql = (
            f"SELECT position, kind, name FROM names WHERE name IN ({marks}) OR position IN "
            f"(SELECT position FROM words WHERE word IN ({marks})) ORDER BY position"
        )
        return list(self.db.execute(sql, wanted + wanted))

    def _names(self, positions_sql: str, params: list[str]) -> list[Row]:
        sql = (
            "SELECT position, number, kind, name FROM names "
            f"WHERE position IN ({positions_sql}) ORDER BY position"
        )
        return list(self.db.execute(sql, params))

    def readings(
        self, chains: Sequence[str], chain_prefixes: Sequence[str], head_prefixes: Sequence[str]
    ) -> list[tuple[int, int, Any]]:
        """Reading entries (entry, term number, units) with one of these chains of three keys,
        a chain starting with one of these two keys, or a reading spelled with one of these
        prefixes."""
        parts: list[str] = []
        params: list[str] = []
        if chains:
            parts.append(f"SELECT entry FROM chains WHERE chain IN ({_marks(chains)})")
            params += list(chains)
        for prefix in chain_prefixes:
            parts.append("SELECT entry FROM chains WHERE chain >= ? AND chain < ?")
            params += [prefix, _after_prefix(prefix)]
        for prefix in head_prefixes:
            parts.append("SELECT entry FROM heads WHERE head >= ? AND head < ?")
            params += [prefix, _after_prefix(prefix)]
        if not parts:
            return []
        sql = (
            "SELECT entry, number, units FROM readings "
            f"WHERE entry IN ({' UNION '.join(parts)}) ORDER BY entry"
        )
        return [
            (entry, number, json.loads(units))
            for entry, number, units in self.db.execute(sql, params)
        ]

    def letters(self, chars: Iterable[str]) -> dict[str, str]:
        """The first letters of the readings of these hanzi (those some name has)."""
        wanted = sorted(set(chars))
        sql = f"SELECT char, letters FROM chars WHERE char IN ({_marks(wanted)})"
        return dict(self.db.execute(sql, wanted))

    def fuzzy_names(
        self, where: str, params: Sequence[Any], containing: re.Pattern[str] | None = None
    ) -> tuple[list[str], array[int]]:
        """The names of the fuzzy blobs selected by `where`, and their positions; with
        `containing` (a pattern without line breaks), only the names in which it matches."""
        names: list[str] = []
        positions: array[int] = array("i")
        sql = f"SELECT joined, length, names, positions FROM fuzzy WHERE {where}"
        for joined, length, blob, packed in self.db.execute(sql, list(params)):
            if containing is None or not joined:
                names += blob.split("\n") if joined else json.loads(blob)
                positions.frombytes(packed)
                continue
            row = array("i")
            row.frombytes(packed)
            # every name of a blob has the same length, so a match's offset gives its name
            for i in sorted({found.start() // (length + 1) for found in containing.finditer(blob)}):
                names.append(blob[i * (length + 1) : i * (length + 1) + length])
                positions.append(row[i])
        return names, positions

    def vocabulary(self, tokens: Iterable[str]) -> dict[str, int]:
        """The tokens the full text knows, with their document frequency."""
        found: dict[str, int] = {}
        for chunk in _chunks(sorted(set(tokens))):
            sql = f"SELECT token, df FROM vocabulary WHERE token IN ({_marks(chunk)})"
            found.update(self.db.execute(sql, chunk))
        return found

    def postings(self, token: str) -> list[tuple[int, int, int]]:
        """(term number, count, term length) for every term whose definitions have `token`."""
        sql = (
            "SELECT p.number, p.count, t.length FROM postings p JOIN terms t USING (number) "
            "WHERE p.token = ? ORDER BY p.number"
        )
        return list(self.db.execute(sql, (token,)))


def fuzzy_group(name: str, kind: str) -> str:
    """ids; names all ASCII ('latin'); names without ASCII or whitespace ('han'); others
    ('mixed'). A name shares no character with a query of the other script, so rapidfuzz
    gives it 0 and it need not be scored."""
    if kind == "id":
        return "id"
    if name.isascii():
        return "latin"
    if not any(ord(ch) < 128 or ch.isspace() for ch in name):
        return "han"
    return "mixed"


def token_length(text: str) -> int:
    """Length of the distinct words joined by one space, sorted: what token_set_ratio compares
    when two strings share no word."""
    return len(" ".join(sorted(set(text.split()))))


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _chunks(values: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _after_prefix(prefix: str) -> str:
    """The least string greater than every string that starts with `prefix` (code point order,
    which is SQLite's order of UTF-8 text)."""
    if not prefix:
        return "\U0010ffff"
    last = ord(prefix[-1]) + 1
    if 0xD800 <= last <= 0xDFFF:
        last = 0xE000
    if last > 0x10FFFF:
        return _after_prefix(prefix[:-1])
    return prefix[:-1] + chr(last)


# -- opening and building -------------------------------------------------------------------


def open_store(paths: Sequence[Path], progress: Progress | None = None) -> Store:
    """The index of these term bases, built first (reporting `progress`) when it is missing."""
    from glossary.index.cache import cache_dir, file_digests

    report = progress or _silent
    names = [Path(path).stem for path in paths]
    key = store_key(names, file_digests(paths))
    folder = cache_dir()
    target = _database(folder, paths, key)
    if target.exists():
        with contextlib.suppress(sqlite3.DatabaseError, KeyError, ValueError):
            return _checked(_open_read_only(target), key)
    return _build(paths, folder, report)


def store_key(names: Sequence[str], digests: Sequence[str]) -> str:
    """The content key: format, program version, each term base's name and sha256."""
    stamp = f"store\0{STORE_FORMAT}\0{SCAN_TABLES_FORMAT}\0{__version__}"
    digest = hashlib.sha256(stamp.encode())
    for name, file_digest in zip(names, digests, strict=True):
        digest.update(f"\0{name}\0{file_digest}".encode())
    return digest.hexdigest()


def _database(folder: Path, paths: Sequence[Path], key: str) -> Path:
    """store-<hash of the paths>-<content key>.sqlite: the paths part lets a rebuild find and
    remove the databases of the same files' earlier contents."""
    joined = "\0".join(str(Path(path).resolve()) for path in paths)
    return folder / f"store-{hashlib.sha256(joined.encode()).hexdigest()[:12]}-{key[:32]}.sqlite"


def _open_read_only(path: Path) -> sqlite3.Connection:
    # immutable: a database file is never changed once renamed into place (a rebuild renames
    # a new file over it), so SQLite need not lock it.
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def _checked(db: sqlite3.Connection, key: str) -> Store:
    store = Store(db)
    if store.key != key:
        db.close()
        raise KeyError("stale index")
    return store


def _silent(_stage: str, _done: int, _total: int) -> None:
    pass


def _build(paths: Sequence[Path], folder: Path, progress: Progress) -> Store:
    import tempfile

    from glossary.index.build import build

    bases, key = _load(paths, progress)
    target = _database(folder, paths, key)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError:
        db = sqlite3.connect(":memory:", check_same_thread=False)
        build(db, key, bases, progress)
        return Store(db)
    try:
        db = sqlite3.connect(temporary)
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        build(db, key, bases, progress)
        db.close()
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _remove_older(target)
    return Store(_open_read_only(target))


def _load(paths: Sequence[Path], progress: Progress) -> tuple[list[Any], str]:
    """Load the term bases, reporting bytes read, and the key of the bytes actually parsed."""
    from glossary.termbase.load import load_bytes
    from glossary.text.fileio import read_bytes

    contents = []
    total = sum(_size(path) for path in paths)
    done = 0
    progress("reading term bases", 0, total)
    bases = []
    for path in paths:
        data = read_bytes(path)
        contents.append(hashlib.sha256(data).hexdigest())
        bases.append(load_bytes(path, data))
        done += len(data)
        progress("reading term bases", done, max(total, done))
    return bases, store_key([base.name for base in bases], contents)


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _remove_older(target: Path) -> None:
    """Remove the databases of earlier contents of the same term-base paths."""
    prefix = target.name.rsplit("-", 1)[0] + "-"
    for other in target.parent.glob(f"{prefix}*.sqlite"):
        if other != target:
            with contextlib.suppress(OSError):
                other.unlink()
