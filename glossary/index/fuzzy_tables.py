"""The words of the names that Latin-script fuzzy queries start from (issue 11; read by
`glossary.search.fuzzy_words`):

- `fuzzy_words(word, positions)`: each ASCII word (a run of lower-case letters and digits) of the
  names outside the `han` fuzzy group (`store.fuzzy_group`), with the positions of the names that
  have it (packed 32-bit integers). A word with digits (a toned id's `ke3chi2`) also stands
  without them (`kechi`), so that toneless pinyin finds the id;
- `fuzzy_deletes(piece, word)`: each word of letters only of a name other than an id, and the
  word with one of its letters deleted, as a piece of that word (SymSpell's symmetric deletes
  at distance one): two words share a piece exactly when at most one deletion on each side
  makes them equal (one swap of neighbours, one letter changed, added or dropped).
"""

from __future__ import annotations

import re
import sqlite3
from array import array

WORD = re.compile(r"[a-z0-9]+")
DIGITS = str.maketrans("", "", "0123456789")

SCHEMA = """
CREATE TABLE fuzzy_words(word TEXT PRIMARY KEY, positions BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE fuzzy_deletes(piece TEXT NOT NULL, word TEXT NOT NULL,
                           PRIMARY KEY (piece, word)) WITHOUT ROWID;
"""


def words_of(text: str) -> set[str]:
    """The ASCII words of a folded name or query, and those with digits also without them."""
    runs = WORD.findall(text)
    found = set(runs)
    for run in runs:
        if not run.isalpha() and (letters := run.translate(DIGITS)):
            found.add(letters)
    return found


def pieces(word: str) -> set[str]:
    """The word and the word without one of its letters."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


class FuzzyWords:
    """Collects the words of the names as the build inserts them (`add`), then writes them."""

    def __init__(self) -> None:
        self._postings: dict[str, array[int]] = {}
        self._spelled: set[str] = set()  # words of names other than ids: the ones with pieces

    def add(self, position: int, group: str, name: str) -> None:
        if group == "han":
            return
        postings = self._postings
        words = words_of(name)
        for word in words:
            found = postings.get(word)
            if found is None:
                postings[word] = array("i", (position,))
            else:
                found.append(position)
        if group != "id":
            self._spelled.update(words)

    def write(self, db: sqlite3.Connection) -> None:
        db.executescript(SCHEMA)
        db.executemany(
            "INSERT INTO fuzzy_words VALUES (?, ?)",
            ((word, positions.tobytes()) for word, positions in sorted(self._postings.items())),
        )
        spelled = sorted(word for word in self._spelled if word.isalpha())
        db.executemany(
            "INSERT INTO fuzzy_deletes VALUES (?, ?)",
            sorted((piece, word) for word in spelled for piece in pieces(word)),
        )
        self._postings.clear()
        self._spelled.clear()
