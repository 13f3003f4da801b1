"""The read side of a term bases' index, an embedded SQLite database (built by
`glossary.index.build`, opened or rebuilt by `glossary.index.database`): the terms, and the
candidate lookups that `glossary.search` makes in it."""

from __future__ import annotations

import bisect
import json
import operator
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import TYPE_CHECKING

from glossary.index.packed_entries import unpack_positions
from glossary.index.reading_store import ReadingKeys, ReadingLookup, term_readings
from glossary.index.spelling_grams import SpellingGrams
from glossary.index.sql import after_prefix, chunks, marks
from glossary.model import Term, term_from_dict

if TYPE_CHECKING:
    from glossary.index.scan_tables import ScanTables

Row = tuple[int, int, str, str]  # position, term number, kind, folded name
# a row of the fuzzy table: grp, spaced, length, token_length, names, positions, sorted tokens
FuzzyBucket = tuple[str, int, int, int, list[str], "array[int]", list[str]]
BINARY_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
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
        self.longest_name: int = meta["longest_name"]
        self._starts: list[int] = meta["starts"]
        self.unfit_names: tuple[str, ...] = tuple(meta["unfit_names"])
        """The deprecated and forbidden names of the terms `check` judges (check: true)."""
        self._terms: dict[int, Term] = {}
        self._fuzzy: dict[str, list[FuzzyBucket]] = {}
        self._groups: list[int] | None = None
        self._spellings: list[str] | None = None
        self._every_name: dict[str, tuple[list[str], array[int], array[int]]] = {}
        self._name_bits: dict[tuple[str, str], int] = {}
        self.spelling = SpellingGrams(db)  # the bigrams of the words of fuzzy_words
        self.notes: tuple[str, ...] = ()  # what opening it noticed (set by index.database)

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
        for chunk in chunks(sorted(set(ids))):
            rows = self.db.execute(
                f"SELECT id, data FROM terms WHERE id IN ({marks(chunk)}) ORDER BY number",
                chunk,
            )
            for term_id, data in rows:
                if term_id not in found:
                    found[term_id] = term_from_dict(json.loads(data))
        return found

    def glossary_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of these term ids that a term base of kind `glossary` has (not a dictionary:
        the checker judges a glossary's terms, not CC-CEDICT's words)."""
        wanted = set(ids)
        if all(kind == "glossary" for kind in self.kinds):
            return wanted
        glossaries = [i for i, kind in enumerate(self.kinds) if kind == "glossary"]
        found: set[str] = set()
        for chunk in chunks(sorted(wanted)):
            sql = (
                f"SELECT id FROM terms WHERE id IN ({marks(chunk)}) "
                f"AND termbase IN ({marks(glossaries)})"
            )
            found.update(row[0] for row in self.db.execute(sql, [*chunk, *glossaries]))
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

    def ids_starting(self, prefix: str, limit: int = 100) -> list[str]:
        """Term ids beginning with `prefix`, sorted (for shell completion)."""
        sql = "SELECT id FROM terms WHERE id >= ? AND id < ? ORDER BY id LIMIT ?"
        return [row[0] for row in self.db.execute(sql, (prefix, after_prefix(prefix), limit))]

    def scan_tables(self) -> ScanTables:
        """`build_tables` of these term bases, computed when the index was built."""
        from glossary.index.scan_tables import ScanTables

        # read through SQLite's blob API: beside CC-CEDICT the tables are 15 MB, which a SELECT
        # reads in about 20 ms and the blob API in 12
        row = self.db.execute("SELECT rowid FROM meta WHERE key = 'scan_tables'").fetchone()
        if row is None:
            raise sqlite3.DatabaseError("the index holds no scanner tables")
        with self.db.blobopen("meta", "value", row[0], readonly=True) as blob:
            data = blob.read()
        try:
            return ScanTables.decode(data)
        except ValueError as damaged:  # a damaged database, which the caller rebuilds
            raise sqlite3.DatabaseError(str(damaged)) from damaged

    # -- candidates for search.py -----------------------------------------------------------

    def names_equal(self, name: str) -> list[Row]:
        return self._names("SELECT position FROM names WHERE name = ?", [name])

    def names_with_grams(self, grams: Sequence[str]) -> list[Row]:
        """Names with a hanzi that contain every one of these bigrams."""
        wanted = sorted(set(grams))
        found = self._packed("grams", "gram", wanted)
        if not wanted or len(found) < len(wanted):
            return []  # a bigram no name holds
        found.sort(key=len)
        held = set(found[0]).intersection(*found[1:])
        rows: list[Row] = []
        for chunk in chunks(sorted(held)):
            sql = (
                "SELECT position, number, kind, name FROM names "
                f"WHERE position IN ({marks(chunk)}) ORDER BY position"
            )
            rows += self.db.execute(sql, chunk)
        return rows

    def names_with_word_start(self, prefix: str) -> list[Row]:
        """Names with a word (not starting with a hanzi) that starts with `prefix`."""
        low = prefix[:TAIL_LENGTH]
        sql = "SELECT DISTINCT position FROM tails WHERE tail >= ? AND tail < ?"
        return self._names(sql, [low, after_prefix(low)])

    def numbers_of(self, positions: Sequence[int]) -> dict[int, int]:
        """The term number of each of these name positions."""
        wanted = sorted(set(positions))
        sql = f"SELECT position, number FROM names WHERE position IN ({marks(wanted)})"
        return dict(self.db.execute(sql, wanted))

    def names_sharing_a_word(self, words: Sequence[str]) -> list[tuple[int, str, str]]:
        """(position, kind, name) of the names with one of these whitespace-separated words."""
        wanted = sorted(set(words))
        sql = f"SELECT position FROM names WHERE name IN ({marks(wanted)})"
        positions = {row[0] for row in self.db.execute(sql, wanted)}
        positions.update(*self._packed("words", "word", wanted))
        return self.names_at(sorted(positions))

    def _packed(self, table: str, column: str, keys: Sequence[str]) -> list[array[int]]:
        """The packed positions of those of these (distinct) keys that grams or words has."""
        found: list[array[int]] = []
        for chunk in chunks(keys):
            sql = f"SELECT positions FROM {table} WHERE {column} IN ({marks(chunk)})"
            found += (unpack_positions(blob) for (blob,) in self.db.execute(sql, chunk))
        return found

    def _names(self, positions_sql: str, params: list[str]) -> list[Row]:
        sql = (
            "SELECT position, number, kind, name FROM names "
            f"WHERE position IN ({positions_sql}) ORDER BY position"
        )
        return list(self.db.execute(sql, params))

    def reading_groups(self) -> list[int]:
        """The groups that have reading entries (`glossary.index.reading_rows`)."""
        if self._groups is None:
            self._groups = [row[0] for row in self.db.execute("SELECT grp FROM reading_groups")]
        return self._groups

    def spellings(self) -> list[str]:
        """Every spelling of a reading that a hanzi of a name has."""
        if self._spellings is None:
            self._spellings = [row[0] for row in self.db.execute("SELECT head FROM spellings")]
        return self._spellings

    def reading_lookup(self, keys: ReadingKeys) -> ReadingLookup:
        """The reading entries these keys allow, group by group (`ReadingLookup.group`)."""
        return ReadingLookup(self.db, keys)

    def term_readings(self, numbers: Sequence[int]) -> list[tuple[int, str]]:
        """(term number, encoded units) of the reading entries of these terms."""
        return term_readings(self.db, numbers)

    def ranks(self, numbers: Iterable[int]) -> dict[int, int]:
        """The rank of each of these terms: where it is listed among equal scores."""
        found: dict[int, int] = {}
        for chunk in chunks(sorted(set(numbers))):
            sql = f"SELECT number, rank FROM terms WHERE number IN ({marks(chunk)})"
            found.update(self.db.execute(sql, chunk))
        return found

    def letters(self, chars: Iterable[str]) -> dict[str, str]:
        """The first letters of the readings of these hanzi (those some name has)."""
        wanted = sorted(set(chars))
        sql = f"SELECT char, letters FROM chars WHERE char IN ({marks(wanted)})"
        return dict(self.db.execute(sql, wanted))

    def fuzzy_names(
        self,
        groups: Sequence[str],
        *,
        lengths: tuple[int, int] | None = None,
        longer_than: int | None = None,
        token_lengths: tuple[int, int] | None = None,
        spaced_only: bool = False,
        tokens: list[str] | None = None,
    ) -> tuple[list[str], array[int]]:
        """The names of the fuzzy blobs of these groups (`fuzzy_group`) whose names have a
        length in `lengths` (inclusive) or above `longer_than`, joined distinct words of a
        length in `token_lengths`, a space when `spaced_only`, and their positions; their
        `sorted_tokens` are added to `tokens` when it is given."""
        names: list[str] = []
        positions: array[int] = array("i")
        for _, spaced, length, token, listed, packed, words in self._fuzzy_buckets(groups):
            if lengths is not None and not lengths[0] <= length <= lengths[1]:
                continue
            if longer_than is not None and length <= longer_than:
                continue
            if token_lengths is not None and not token_lengths[0] <= token <= token_lengths[1]:
                continue
            if spaced_only and not spaced:
                continue
            names += listed
            positions += packed
            if tokens is not None:
                tokens += words
        return names, positions

    def has_every_fuzzy_name(self, groups: Sequence[str]) -> bool:
        """Whether `every_fuzzy_name(groups)` is kept (costs nothing)."""
        return ",".join(groups) in self._every_name

    def every_fuzzy_name(self, groups: Sequence[str]) -> tuple[list[str], array[int], array[int]]:
        """The names of these fuzzy groups, their positions and the `token_length` of each,
        joined once and kept (a miss looks at all of them)."""
        key = ",".join(groups)
        if key not in self._every_name:
            names: list[str] = []
            positions: array[int] = array("i")
            token_lengths: array[int] = array("i")
            for _, _, _, token, listed, packed, _ in self._fuzzy_buckets(groups):
                names += listed
                positions += packed
                token_lengths += array("i", [token]) * len(listed)
            self._every_name[key] = (names, positions, token_lengths)
        return self._every_name[key]

    def fuzzy_name_bits(self, groups: Sequence[str], char: str) -> int:
        """The names of `every_fuzzy_name(groups)` holding `char`, as the bits of an integer
        (bit i for name i), found once (one pass in C, about 15 ms beside CC-CEDICT) and kept."""
        key = (",".join(groups), char)
        if key not in self._name_bits:
            names = self.every_fuzzy_name(groups)[0]
            held = bytes(map(operator.contains, names, repeat(char))).translate(BINARY_DIGITS)
            self._name_bits[key] = int(held[::-1] or b"0", 2)
        return self._name_bits[key]

    def has_fuzzy_name_bits(self, groups: Sequence[str], char: str) -> bool:
        """Whether `fuzzy_name_bits(groups, char)` is kept (costs nothing)."""
        return (",".join(groups), char) in self._name_bits

    def _fuzzy_buckets(self, groups: Sequence[str]) -> list[FuzzyBucket]:
        """The rows of the fuzzy table of these groups, read once per group and kept: a
        typo or a miss reads hundreds of thousands of names, and the next one the same."""
        found: list[FuzzyBucket] = []
        for group in groups:
            if group not in self._fuzzy:
                sql = (
                    "SELECT grp, spaced, length, token_length, joined, names, positions, tokens "
                    "FROM fuzzy WHERE grp = ?"
                )
                rows = []
                for grp, spaced, length, token, joined, blob, packed, tokens in self.db.execute(
                    sql, (group,)
                ):
                    listed = blob.split("\n") if joined else json.loads(blob)
                    unpacked = unpack_positions(packed)
                    bucket = (grp, spaced, length, token, listed, unpacked, tokens.split("\n"))
                    rows.append(bucket)
                self._fuzzy[group] = rows
            found += self._fuzzy[group]
        return found

    # -- the words of fuzzy_words (glossary.index.fuzzy_tables) ----------------------------

    def fuzzy_word_sizes(self, words: Sequence[str]) -> dict[str, int]:
        """Those of these words that names have, with their counts of names."""
        wanted = sorted(set(words))
        sql = f"SELECT word, length(positions) / 4 FROM fuzzy_words WHERE word IN ({marks(wanted)})"
        return dict(self.db.execute(sql, wanted))

    def fuzzy_words_starting(self, prefix: str) -> dict[str, int]:
        """The words of names longer than `prefix` that start with it, with counts of names."""
        sql = "SELECT word, length(positions) / 4 FROM fuzzy_words WHERE word > ? AND word < ?"
        return dict(self.db.execute(sql, (prefix, after_prefix(prefix))))

    def fuzzy_word_positions(self, words: Sequence[str]) -> array[int]:
        """The positions of the names with one of these words (repeated when several)."""
        found: array[int] = array("i")
        for chunk in chunks(sorted(set(words))):
            sql = f"SELECT positions FROM fuzzy_words WHERE word IN ({marks(chunk)})"
            for (blob,) in self.db.execute(sql, chunk):
                found.frombytes(blob)
        return found

    def names_at(self, positions: Sequence[int]) -> list[tuple[int, str, str]]:
        """(position, kind, name) of the names at these positions, in position order."""
        found: list[tuple[int, str, str]] = []
        for chunk in chunks(sorted(set(positions))):
            sql = f"SELECT position, kind, name FROM names WHERE position IN ({marks(chunk)})"
            found += sorted(self.db.execute(sql, chunk))
        return found

    def vocabulary(self, tokens: Iterable[str]) -> dict[str, int]:
        """The tokens the full text knows, with their document frequency."""
        found: dict[str, int] = {}
        for chunk in chunks(sorted(set(tokens))):
            sql = f"SELECT token, df FROM vocabulary WHERE token IN ({marks(chunk)})"
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


def sorted_tokens(text: str) -> str:
    """The distinct words joined by one space, sorted: what token_set_ratio compares when two
    strings share no word."""
    return " ".join(sorted(set(text.split())))


def token_length(text: str) -> int:
    """Length of `sorted_tokens`."""
    return len(sorted_tokens(text))
