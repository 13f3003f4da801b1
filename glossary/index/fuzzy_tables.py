"""The words of the names that Latin-script fuzzy queries start from (issue 11; read by
`glossary.search.fuzzy_words`): table `fuzzy_words(word, positions)`, each ASCII word (a run of
lower-case letters and digits) of the names outside the `han` fuzzy group (`store.fuzzy_group`),
with the positions of the names that have it (packed 32-bit integers), a word with digits also
without them; an id stands for its reading without tones only (`id_words`), so that toneless
pinyin finds it. One pass over the names as the build inserts them, one row per word (about
130,000 beside CC-CEDICT)."""

from __future__ import annotations

import re
import sqlite3
from array import array

from glossary.index import spelling_grams
from glossary.index.packed_entries import add_position

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


ONE = re.compile("1")


def set_bits(bits: int) -> list[int]:
    """The indexes of the bits set in `bits`, lowest first (found in C, in its binary digits,
    highest first: reversing the digits of a group's 300,000 bits took longer than finding
    the few thousand set)."""
    digits = bin(bits)
    lowest = len(digits) - 1  # where the digit of bit 0 is
    found = [lowest - one.start() for one in ONE.finditer(digits, 2)]
    found.reverse()
    return found
