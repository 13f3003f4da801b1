"""Building the SQLite index of a set of term bases (the query side is store.py).

Tables (every name is folded: lower-case ASCII, half-width, simplified characters):

- `meta(key, value)`: the content key, the term bases (names, kinds, first term numbers), the
  traditional->simplified table, the full-text totals and the scanner's tables, as JSON;
- `terms(number, termbase, id, length, data)`: each term as stored (JSON), numbered across the
  term bases in order; `length` is its count of full-text tokens;
- `names(position, number, kind, name)`: headword, id, English name and aliases;
- `grams(gram, position)`: the character bigrams of names with a hanzi (Chinese fragments);
- `tails(tail, position)`: a name from each word start on, first `TAIL_LENGTH` characters,
  when it starts with a character that is not a hanzi (Latin fragments, by prefix range);
- `words(word, position)`: the whitespace-separated words of names that have more than one
  (a name of one word is found in `names`), for rapidfuzz's token_set_ratio;
- `readings(entry, number, units)`: the characters of each name with a hanzi and their readings;
- `chains(chain, entry)`: the keys of three neighbouring characters of a reading entry (of the
  last two, at its end), a key being the first letter of one of a character's readings (or the
  character itself: see unit_keys);
- `heads(head, entry)`: each reading's spelling (a Latin or digit character: itself), for queries
  that are one syllable;
- `chars(char, letters)`: the first letters of each hanzi's readings;
- `fuzzy(grp, spaced, length, token_length, names, positions)`: the names in blobs by script,
  length and length of their joined distinct words, for rapidfuzz;
- `postings(token, number, count)`, `vocabulary(token, df)`: full text.
"""

from __future__ import annotations

import json
import re
import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import product
from typing import Any

from glossary.index import rows as index
from glossary.index.store import TAIL_LENGTH, fuzzy_group, token_length
from glossary.model import Term, TermBase
from glossary.progress import Progress
from glossary.text.folding import fold_table, traditional_table
from glossary.text.pinyin import has_hanzi, is_hanzi

SEPARATOR = "\n"
STEP = 2000  # report progress every STEP terms

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE terms(number INTEGER PRIMARY KEY, termbase INTEGER NOT NULL, id TEXT NOT NULL,
                   length INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE names(position INTEGER PRIMARY KEY, number INTEGER NOT NULL, kind TEXT NOT NULL,
                   name TEXT NOT NULL);
CREATE TABLE grams(gram TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE tails(tail TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE words(word TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE readings(entry INTEGER PRIMARY KEY, number INTEGER NOT NULL, units TEXT NOT NULL);
CREATE TABLE chains(chain TEXT NOT NULL, entry INTEGER NOT NULL);
CREATE TABLE heads(head TEXT NOT NULL, entry INTEGER NOT NULL);
CREATE TABLE chars(char TEXT PRIMARY KEY, letters TEXT NOT NULL);
CREATE TABLE fuzzy(grp TEXT NOT NULL, spaced INTEGER NOT NULL, length INTEGER NOT NULL,
                   token_length INTEGER NOT NULL, joined INTEGER NOT NULL, names TEXT NOT NULL,
                   positions BLOB NOT NULL);
CREATE TABLE postings(token TEXT NOT NULL, number INTEGER NOT NULL, count INTEGER NOT NULL);
CREATE TABLE vocabulary(token TEXT PRIMARY KEY, df INTEGER NOT NULL);
"""

INDEXES = """
CREATE INDEX terms_id ON terms(id);
CREATE INDEX names_name ON names(name);
CREATE INDEX grams_gram ON grams(gram, position);
CREATE INDEX tails_tail ON tails(tail, position);
CREATE INDEX words_word ON words(word, position);
CREATE INDEX chains_chain ON chains(chain, entry);
CREATE INDEX heads_head ON heads(head, entry);
CREATE INDEX postings_token ON postings(token, number, count);
"""


def build(db: sqlite3.Connection, key: str, bases: Sequence[TermBase], progress: Progress) -> None:
    """Fill an empty database with the index of `bases` (see the module docstring)."""
    db.executescript(SCHEMA)
    terms = [(term, position) for position, base in enumerate(bases) for term in base.terms]
    chars = {ch for term, _ in terms for name in term.names() for ch in name}
    chars |= {ch for term, _ in terms for ch in term.definition_zh}
    traditional = traditional_table(ch for ch in chars if is_hanzi(ch))
    literals = _names(db, [term for term, _ in terms], traditional, progress)
    lengths = _full_text(db, [term for term, _ in terms], traditional, progress)
    db.executemany(
        "INSERT INTO terms VALUES (?, ?, ?, ?, ?)",
        (
            (number, position, term.id, length, json.dumps(term.to_dict(), ensure_ascii=False))
            for number, ((term, position), length) in enumerate(zip(terms, lengths, strict=True))
        ),
    )
    from glossary.index.scan_tables import build_tables

    scan_tables = build_tables(bases)
    starts, total = [], 0
    for base in bases:
        starts.append(total)
        total += len(base.terms)
    meta = {
        "key": key,
        "termbases": [base.name for base in bases],
        "kinds": [base.kind for base in bases],
        "starts": starts,
        "traditional": traditional,
        "term_count": len(terms),
        "length_sum": sum(lengths),
        "literals": "".join(sorted(literals)),
        "scan_tables": scan_tables,
    }
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        ((name, json.dumps(value, ensure_ascii=False)) for name, value in meta.items()),
    )
    progress("writing", 0, 1)
    db.executescript(INDEXES)
    db.execute("ANALYZE")
    db.commit()
    progress("writing", 1, 1)


# -- names, fragments, readings --------------------------------------------------------------


class _Inserts:
    """Rows waiting to be inserted, table by table, written STEP terms at a time."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.rows: dict[str, list[tuple[Any, ...]]] = {}

    def add(self, table: str, rows: Iterable[tuple[Any, ...]]) -> None:
        self.rows.setdefault(table, []).extend(rows)

    def flush(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                self.db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        self.rows = {}


def _names(
    db: sqlite3.Connection, terms: Sequence[Term], traditional: dict[str, str], progress: Progress
) -> set[str]:
    """Fill names, grams, tails, words, readings, chains, heads, chars and fuzzy; return the
    characters other than hanzi that stand as units of reading entries (a query may type
    them as such)."""
    buckets: dict[tuple[str, int, int, int], tuple[list[str], array[int]]] = {}
    literals: set[str] = set()
    hanzi: set[str] = set()
    table = fold_table(traditional)
    inserts = _Inserts(db)
    position = entry = 0
    for number, term in enumerate(terms):
        if number % STEP == 0:
            inserts.flush()
            progress("names", number, len(terms))
        for kind, raw in index.names(term):
            name = raw.translate(table)
            inserts.add("names", [(position, number, kind, name)])
            bucket = (fuzzy_group(name, kind), int(" " in name), len(name), token_length(name))
            names, positions = buckets.setdefault(bucket, ([], array("i")))
            names.append(name)
            positions.append(position)
            inserts.add("tails", ((tail, position) for tail in _tails(name)))
            words = name.split()
            if words != [name]:
                inserts.add("words", ((word, position) for word in set(words)))
            if has_hanzi(name):
                grams = {name[i : i + 2] for i in range(len(name) - 1)}
                inserts.add("grams", ((gram, position) for gram in grams))
                units = index.units(name, term.pinyin if kind == "headword" else "")
                _reading(inserts, entry, number, units)
                literals.update(c for c, _ in units if c.isalnum() and not is_hanzi(c))
                hanzi.update(c for c, _ in units if is_hanzi(c))
                entry += 1
            position += 1
    inserts.flush()
    progress("names", len(terms), len(terms))
    db.executemany(
        "INSERT INTO chars VALUES (?, ?)",
        ((char, "".join(sorted(_letters(char)))) for char in sorted(hanzi)),
    )
    db.executemany(
        "INSERT INTO fuzzy VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (*key, int(SEPARATOR not in "".join(names)), _join(names), positions.tobytes())
            for key, (names, positions) in sorted(buckets.items())
        ),
    )
    return literals


def _tails(name: str) -> set[str]:
    """The name from each word start on, when that start is not a hanzi, truncated."""
    return {
        name[start : start + TAIL_LENGTH]
        for start in range(len(name))
        if (start == 0 or not name[start - 1].isalnum()) and not is_hanzi(name[start])
    }


def _reading(inserts: _Inserts, entry: int, number: int, units: list[list[Any]]) -> None:
    inserts.add("readings", [(entry, number, json.dumps(units))])
    keys = [unit_keys(char, found) for char, found in units if char.isalnum()]
    chains: set[str] = set()
    for start in range(len(keys) - 1):
        for left, middle in product(keys[start], keys[start + 1]):
            following = keys[start + 2] if start + 2 < len(keys) else {""}
            chains.update(left + middle + right for right in following)
    inserts.add("chains", ((chain, entry) for chain in chains))
    heads = {head for char, found in units if char.isalnum() for head in _heads(char, found)}
    inserts.add("heads", ((head, entry) for head in heads))


def unit_keys(char: str, found: Sequence[str]) -> set[str]:
    """The keys a unit is found by: the first letter of each reading, and the character itself
    when it is not a hanzi or pypinyin knows no reading for it (see pinyin_keys.py)."""
    keys = {reading[0] for reading in found}
    if not is_hanzi(char) or not _letters(char):
        keys.add(char)
    return keys


def _letters(char: str) -> set[str]:
    return {reading[0] for reading in index.char_readings(char)}


def _heads(char: str, found: Sequence[str]) -> set[str]:
    if not is_hanzi(char):
        return {char}
    heads = set()
    for reading in found:
        base = reading.rstrip("012345")
        heads |= {base, base.replace("v", "u")}
    return heads


def _join(names: list[str]) -> str:
    return SEPARATOR.join(names) if SEPARATOR not in "".join(names) else json.dumps(names)


# -- full text ----------------------------------------------------------------------------


def _full_text(
    db: sqlite3.Connection, terms: Sequence[Term], traditional: dict[str, str], progress: Progress
) -> list[int]:
    """Fill postings and vocabulary; return each term's count of tokens."""
    table = fold_table(traditional)
    texts = [f"{t.definition_zh}\n{t.definition_en}".translate(table) for t in terms]
    _teach_segmenter(terms, texts, traditional)
    document_frequency: Counter[str] = Counter()
    lengths: list[int] = []
    inserts = _Inserts(db)
    for number, text in enumerate(texts):
        if number % STEP == 0:
            inserts.flush()
            progress("full text", number, len(terms))
        counts = Counter(index.tokens(text))
        lengths.append(sum(counts.values()))
        document_frequency.update(counts.keys())
        inserts.add("postings", ((token, number, n) for token, n in sorted(counts.items())))
    inserts.flush()
    progress("full text", len(terms), len(terms))
    db.executemany("INSERT INTO vocabulary VALUES (?, ?)", sorted(document_frequency.items()))
    return lengths


def _teach_segmenter(
    terms: Sequence[Term], texts: Sequence[str], traditional: dict[str, str]
) -> None:
    """Add the term bases' names that occur in a definition with a hanzi to jieba's vocabulary,
    so that they stay whole there. Only those texts are segmented by jieba (and jieba is only
    loaded when there is one); a name can only be one of jieba's words when it is made of the
    characters jieba segments together (hanzi, ASCII letters, digits and +#&._%-)."""
    chinese = [text for text in texts if has_hanzi(text)]
    if not chinese:
        return
    from glossary.text.segment import add_words

    table = fold_table(traditional)
    names = (name.translate(table) for term in terms for name in term.names())
    add_words(_names_in(chinese, names))


JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


def _names_in(texts: Sequence[str], names: Iterable[str]) -> list[str]:
    """The names (in order, once each) that are one of jieba's blocks of characters and occur
    in one of the texts."""
    wanted = [
        name for name in dict.fromkeys(names) if JIEBA_BLOCK.fullmatch(name) and has_hanzi(name)
    ]
    lengths = {len(name) for name in wanted}
    pieces: set[str] = set()
    for text in texts:
        for block in JIEBA_BLOCK.findall(text):
            for n in lengths:
                pieces.update(block[i : i + n] for i in range(len(block) - n + 1))
    return [name for name in wanted if name in pieces]
