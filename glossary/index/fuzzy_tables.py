"""The words of the names that Latin-script fuzzy queries start from (issue 11; read by
`glossary.search.fuzzy_words`): table `fuzzy_words(word, positions)`, each ASCII word (a run of
lower-case letters and digits) of the names outside the `han` fuzzy group (`store.fuzzy_group`),
with the positions of the names that have it (packed 32-bit integers), a word with digits also
without them; an id stands for its reading without tones only (`id_words`), so that toneless
pinyin finds it. One pass over the names as the build inserts them, one row per word (about
130,000 beside CC-CEDICT)."""

from __future__ import annotations

import operator
import re
import sqlite3
from array import array
from collections.abc import Sequence
from itertools import accumulate, compress, repeat

from glossary.index import spelling_grams
from glossary.index.packed_entries import add_position, unpack_positions
from glossary.index.sql import chunks, marks

WORD = re.compile(r"[a-z0-9]+")
DIGITS = str.maketrans("", "", "0123456789")
BINARY_DIGITS = bytes.maketrans(b"\x00\x01", b"01")

SCHEMA = "CREATE TABLE fuzzy_words(word TEXT PRIMARY KEY, positions BLOB NOT NULL) WITHOUT ROWID"


def words_of(text: str) -> set[str]:
    """The ASCII words of a folded name or query, and those with digits also without them."""
    runs = WORD.findall(text)
    found = set(runs)
    for run in runs:
        if not run.isalpha() and (letters := run.translate(DIGITS)):
            found.add(letters)
    return found


def id_words(term_id: str) -> set[str]:
    """An id's word: its reading without tones, the run of letters and digits it starts with
    (`ke3chi2xu4fa1zhan3-5cea65` -> `kechixufazhan`; the suffix that tells apart ids with the
    same reading is left out, and the reading with tones, which a query rarely types with a
    typo, too)."""
    found = WORD.match(term_id)
    letters = found.group().translate(DIGITS) if found else ""
    return {letters} if letters else set()


class FuzzyWords:
    """Collects the words of the names as the build inserts them (`add`), then writes them."""

    def __init__(self) -> None:
        self._postings: dict[str, array[int]] = {}

    def add(self, position: int, group: str, name: str) -> None:
        if group == "han":
            return
        add_position(self._postings, words_of(name) if group != "id" else id_words(name), position)

    def write(self, db: sqlite3.Connection) -> None:
        """Write `fuzzy_words`, and the bigrams of its words (`spelling_grams`)."""
        db.execute(SCHEMA)
        ordered = sorted(self._postings.items())
        db.executemany(
            "INSERT INTO fuzzy_words VALUES (?, ?)",
            ((word, positions.tobytes()) for word, positions in ordered),
        )
        spelling_grams.write(db, [word for word, _ in ordered])
        self._postings.clear()


BIT_GROUPS = ("id", "latin", "mixed")  # the fuzzy groups but `han`, each given a row
SEPARATOR = "\x1f"  # between the names of a group in `fuzzy_order.names`, split in C
BITS_SCHEMA = """
CREATE TABLE fuzzy_order(grp TEXT PRIMARY KEY, positions BLOB NOT NULL,
                         token_lengths BLOB NOT NULL, ends BLOB NOT NULL,
                         names TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE fuzzy_bits(grp TEXT NOT NULL, char TEXT NOT NULL, bits BLOB NOT NULL,
                        PRIMARY KEY (grp, char)) WITHOUT ROWID;
"""


class FuzzyBits:
    """Collects the names outside the `han` group as the build inserts them (`add`), then
    writes, for each group, their positions, `token_length`s, the names one after another (a
    SEPARATOR between two) and where each ends, in position order (`fuzzy_order`), and, for
    each ASCII character some of them hold, which of them hold it: bit i for the group's i-th
    name (`fuzzy_bits`, little-endian bytes; a character without a row is held by none). What a
    miss keeps its candidates by (`search.close_names`), a pass in C over the names per
    character."""

    def __init__(self) -> None:
        self._names: dict[str, tuple[list[str], array[int], array[int]]] = {
            group: ([], array("i"), array("i")) for group in BIT_GROUPS
        }

    def add(self, position: int, group: str, name: str, token_length: int) -> None:
        if group == "han":
            return
        names, positions, token_lengths = self._names[group]
        names.append(name)
        positions.append(position)
        token_lengths.append(token_length)

    def write(self, db: sqlite3.Connection) -> None:
        db.executescript(BITS_SCHEMA)
        for group, (names, positions, token_lengths) in sorted(self._names.items()):
            # where each name ends in the text of the names, one SEPARATOR after each but the last
            ends = array("i", (after - 1 for after in accumulate(len(name) + 1 for name in names)))
            row = (group, positions.tobytes(), token_lengths.tobytes(), ends.tobytes())
            text = SEPARATOR.join(names)
            db.execute("INSERT INTO fuzzy_order VALUES (?, ?, ?, ?, ?)", (*row, text))
            chars = sorted(char for char in set("".join(names)) if char.isascii())
            db.executemany(
                "INSERT INTO fuzzy_bits VALUES (?, ?, ?)",
                ((group, char, _bytes_of(names_holding(names, char))) for char in chars),
            )
        self._names.clear()


def names_holding(names: Sequence[str], char: str) -> int:
    """Which of these names hold `char`, as the bits of an integer (bit i for name i)."""
    held = bytes(map(operator.contains, names, repeat(char))).translate(BINARY_DIGITS)
    return int(held[::-1] or b"0", 2)


def _bytes_of(bits: int) -> bytes:
    return bits.to_bytes((bits.bit_length() + 7) // 8, "little")


BY_POSITION = 500  # names a miss reads one by one (about 5 us each) before reading the text
Order = tuple["array[int]", "array[int]"]  # positions, token lengths
DENSE = 4  # a miss picks its names from all a group's when one in this many has its bit set
ONE = re.compile("1")
AS_SELECTORS = bytes.maketrans(b"01", b"\x00\x01")


def set_bits(bits: int) -> list[int]:
    """The indexes of the bits set in `bits`, lowest first (found in C, in its binary digits,
    highest first: reversing the digits of a group's 300,000 bits took longer than finding
    the few thousand set)."""
    digits = bin(bits)
    lowest = len(digits) - 1  # where the digit of bit 0 is
    found = [lowest - one.start() for one in ONE.finditer(digits, 2)]
    found.reverse()
    return found


class NameBits:
    """The read side of `FuzzyBits`, for one group at a time: its names' positions and
    token lengths, which of them hold a character, and the names at some of its indexes.

    A group's names are read as the one text they are stored in, and a miss that wants a few
    thousand of them cuts them out of it (making all of a group's names costs about 10 ms and
    10 MB beside CC-CEDICT); one that wants a quarter or more of them splits the text into
    all of them, kept, and picks them in C (`chosen`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._order: dict[str, Order] | None = None
        self._bits: dict[tuple[str, str], int] = {}
        self._texts: dict[str, tuple[str, array[int]]] = {}
        self._names: dict[str, list[str]] = {}
        self._numbers: dict[str, list[int]] = {}

    def stored(self, group: str) -> bool:
        """Whether the index has this group's bits (every group but `han`)."""
        return group in self._groups()

    def order(self, group: str) -> tuple[array[int], array[int]]:
        """The positions and `token_length`s of the group's names, in position order."""
        return self._groups()[group]

    def holding(self, group: str, char: str) -> int:
        """The group's names that hold `char` (an ASCII character), as bits (bit i: name i)."""
        if (group, char) not in self._bits:
            sql = "SELECT bits FROM fuzzy_bits WHERE grp = ? AND char = ?"
            row = self._db.execute(sql, (group, char)).fetchone()
            self._bits[group, char] = int.from_bytes(row[0], "little") if row else 0
        return self._bits[group, char]

    def chosen(self, group: str, bits: int) -> tuple[list[str], Sequence[int]]:
        """The names of the group whose bit is set, and their indexes: when one in DENSE or
        more is, picked from all the group's names (split once and kept) by a pass in C over
        one selector byte per name, which costs the same for any count; otherwise one by
        one."""
        size = len(self._groups()[group][0])
        bits &= (1 << size) - 1  # bits past the group's names stand for none
        if bits > 0 and bits.bit_count() * DENSE >= size:
            names = self._every_name(group)
            if group not in self._numbers:
                self._numbers[group] = list(range(size))
            selectors = bin(bits)[:1:-1].encode().translate(AS_SELECTORS)
            numbers = self._numbers[group]
            return list(compress(names, selectors)), list(compress(numbers, selectors))
        indexes = set_bits(bits) if bits > 0 else []
        return self.names(group, indexes), indexes

    def names(self, group: str, indexes: Sequence[int]) -> list[str]:
        """The group's names at these indexes (ascending): a few read by position from the
        `names` table, more cut from the text of the group's names, read once and kept
        (taken from all its names once they are split)."""
        if not indexes:
            return []
        if group in self._names:
            taken = operator.itemgetter(*indexes)(self._names[group])
            return list(taken) if len(indexes) > 1 else [taken]
        if group not in self._texts and len(indexes) <= BY_POSITION:
            positions = self._groups()[group][0]
            return self._names_at([positions[i] for i in indexes])
        text, ends = self._text(group)
        starts = [ends[i - 1] + 1 if i else 0 for i in indexes]
        return list(map(text.__getitem__, map(slice, starts, map(ends.__getitem__, indexes))))

    def _text(self, group: str) -> tuple[str, array[int]]:
        """The group's names one after another (a SEPARATOR between two), and where each ends;
        read once and kept."""
        if group not in self._texts:
            sql = "SELECT names, ends FROM fuzzy_order WHERE grp = ?"
            text, ends = self._db.execute(sql, (group,)).fetchone()
            self._texts[group] = (text, unpack_positions(ends))
        return self._texts[group]

    def _every_name(self, group: str) -> list[str]:
        """All the group's names, in position order, split once and kept."""
        if group not in self._names:
            text, ends = self._text(group)
            names = text.split(SEPARATOR) if ends else []
            if len(names) != len(ends):  # some name holds the separator: cut where they end
                starts = [0, *(end + 1 for end in ends[:-1])]
                names = list(map(text.__getitem__, map(slice, starts, ends)))
            self._names[group] = names
            del self._texts[group]  # the names hold it all
        return self._names[group]

    def _names_at(self, positions: Sequence[int]) -> list[str]:
        found: list[str] = []
        for chunk in chunks(positions):
            sql = f"SELECT name FROM names WHERE position IN ({marks(chunk)}) ORDER BY position"
            found += (name for (name,) in self._db.execute(sql, chunk))
        return found

    def _groups(self) -> dict[str, Order]:
        if self._order is None:
            self._order = {}
            sql = "SELECT grp, positions, token_lengths FROM fuzzy_order"
            for group, positions, token_lengths in self._db.execute(sql):
                self._order[group] = (unpack_positions(positions), unpack_positions(token_lengths))
        return self._order
