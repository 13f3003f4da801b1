"""Building the SQLite index of a set of term bases (the query side is store.py).

Tables (every name is folded: lower-case ASCII, half-width, simplified characters):

- `meta(key, value)`: the content key, the term bases (names, kinds, first term numbers), the
  traditional->simplified table, the full-text totals and the length of the longest name, as
  JSON, and the scanner's tables (`ScanTables.encode`: a JSON header, then binary sections);
- `terms(number, termbase, id, length, rank, data)`: each term as stored (JSON), numbered across
  the term bases in order; `length` is its count of full-text tokens, `rank` its place when
  scores tie (`glossary.index.frequency`: term base, then how common its headword is);
- `names(position, number, kind, name)`: headword, id, English name and aliases;
- `grams(gram, positions)`: the character bigrams of names with a hanzi (Chinese fragments),
  each with the positions of the names holding it (packed 32-bit integers, in order);
- `tails(tail, position)`: a name from each word start on, first `TAIL_LENGTH` characters,
  when it starts with a character that is not a hanzi (Latin fragments, by prefix range);
- `words(word, positions)`: the whitespace-separated words of names that have more than one
  (a name of one word is found in `names`), for rapidfuzz's token_set_ratio, packed as grams;
- `readings`, `chains`, `pairs`, `heads`, `reading_groups`, `spellings`: the characters of each
  name with a hanzi (but a dictionary's English glosses), their readings and the keys they are
  found by (`glossary.index.reading_rows`);
- `chars(char, letters)`: the first letters of each hanzi's readings;
- `fuzzy(grp, spaced, length, token_length, joined, names, positions, tokens)`: the names in
  blobs by script, length and length of their joined distinct words (`tokens`, one a line:
  what token_set_ratio compares when the query shares no word), for rapidfuzz;
- `postings(token, number, count)`, `vocabulary(token, df)`: full text;
- `fuzzy_words(word, positions)`: the ASCII words of names (`glossary.index.fuzzy_tables`);
  `spelling_words(words)` and `spelling_grams(gram, words)`:
  which words of fuzzy_words hold each bigram (`glossary.index.spelling_grams`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from array import array
from collections.abc import Sequence
from functools import partial
from itertools import repeat
from re import Match

from glossary.index import reading_rows
from glossary.index import rows as index
from glossary.index.build_worker import start_part
from glossary.index.frequency import term_ranks
from glossary.index.full_text import full_text
from glossary.index.fuzzy_tables import FuzzyWords
from glossary.index.inserts import Inserts
from glossary.index.packed_entries import add_position
from glossary.index.store import TAIL_LENGTH, fuzzy_group, sorted_tokens
from glossary.model import Term, TermBase
from glossary.progress import Progress
from glossary.text.folding import fold_table, termbase_traditional
from glossary.text.pinyin import HANZI_RANGES, has_hanzi

SEPARATOR = "\n"
STEP = 2000  # report progress every STEP terms

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE names(position INTEGER PRIMARY KEY, number INTEGER NOT NULL, kind TEXT NOT NULL,
                   name TEXT NOT NULL);
CREATE TABLE grams(gram TEXT PRIMARY KEY, positions BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE tails(tail TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE words(word TEXT PRIMARY KEY, positions BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE chars(char TEXT PRIMARY KEY, letters TEXT NOT NULL);
CREATE TABLE fuzzy(grp TEXT NOT NULL, spaced INTEGER NOT NULL, length INTEGER NOT NULL,
                   token_length INTEGER NOT NULL, joined INTEGER NOT NULL, names TEXT NOT NULL,
                   positions BLOB NOT NULL, tokens TEXT NOT NULL);
"""
TERMS_SCHEMA = """
CREATE TABLE terms(number INTEGER PRIMARY KEY, termbase INTEGER NOT NULL, id TEXT NOT NULL,
                   length INTEGER NOT NULL, rank INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE postings(token TEXT NOT NULL, number INTEGER NOT NULL, count INTEGER NOT NULL);
CREATE TABLE vocabulary(token TEXT PRIMARY KEY, df INTEGER NOT NULL);
"""
TERMS_TABLES = ("terms", "postings", "vocabulary")

INDEXES = """
CREATE INDEX names_name ON names(name);
CREATE INDEX tails_tail ON tails(tail, position);
"""
TERMS_INDEXES = """
CREATE INDEX terms_id ON terms(id);
CREATE INDEX postings_token ON postings(token, number, count);
"""


def build(db: sqlite3.Connection, key: str, bases: Sequence[TermBase], progress: Progress) -> None:
    """Fill an empty database with the index of `bases` (see the module docstring)."""
    part_schema = TERMS_SCHEMA + reading_rows.SCHEMA
    db.executescript(SCHEMA + part_schema)
    terms = [(term, position) for position, base in enumerate(bases) for term in base.terms]
    plain = [term for term, _ in terms]
    traditional = termbase_traditional(term for term, _ in terms)
    table = fold_table(traditional)  # the one folding table of this build
    part = start_part(  # on the second core while this process does the names
        db,
        part_schema,
        (*TERMS_TABLES, *reading_rows.TABLES),
        partial(_terms_part, bases=bases, table=table, traditional=traditional),
        len(terms),
        TERMS_INDEXES + reading_rows.INDEXES,  # indexed there too: copied in, not sorted here
    )
    _names(db, plain, table, progress)
    if part.forked:  # the worker's last steps, the full text and scan tables: waited for here
        progress("full text", 0, 1)
    hanzi, literals, length_sum, scan_tables = part.finish(progress)
    if part.forked:
        progress("full text", 1, 1)
    db.executemany(
        "INSERT INTO chars VALUES (?, ?)",
        ((char, "".join(sorted(reading_rows.letters(char)))) for char in sorted(hanzi)),
    )
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
        "length_sum": length_sum,
        "literals": "".join(sorted(literals)),
        "longest_name": db.execute("SELECT max(length(name)) FROM names").fetchone()[0] or 0,
        "unfit_names": sorted(  # what `check` looks for: deprecated and forbidden names
            {name for t in plain if t.alias_statuses and t.check for name, _ in t.unfit_names()}
        ),
    }
    rows = [(name, json.dumps(value, ensure_ascii=False)) for name, value in meta.items()]
    db.executemany("INSERT INTO meta VALUES (?, ?)", [*rows, ("scan_tables", scan_tables)])
    progress("writing", 0, 1)
    db.executescript(INDEXES)  # the part's tables are indexed by `part`
    db.execute("ANALYZE")
    db.commit()
    progress("writing", 1, 1)


def _terms_part(
    db: sqlite3.Connection,
    progress: Progress,
    bases: Sequence[TermBase],
    table: dict[int, str],
    traditional: dict[str, str],
) -> tuple[set[str], set[str], int, bytes]:
    """The build's part for a worker (`build_worker`): the terms with their ranks, the reading
    tables, the full text and the scanner's tables; return the hanzi and literals of the
    reading entries (`reading_rows.fill`), the full text's count of tokens and the scanner's
    tables encoded (`ScanTables.encode`, for meta)."""
    from glossary.index.scan_tables import build_tables

    terms = [(term, position) for position, base in enumerate(bases) for term in base.terms]
    plain = [term for term, _ in terms]
    ranks = term_ranks([t.headword.translate(table) for t in plain], [p for _, p in terms])
    glosses = [bases[position].kind == "dictionary" for _, position in terms]
    hanzi, literals = reading_rows.fill(db, plain, table, ranks, glosses)
    lengths = full_text(db, plain, table, progress)
    db.executemany(
        "INSERT INTO terms VALUES (?, ?, ?, ?, ?, ?)",
        (
            (number, position, term.id, length, rank, _json(term))
            for number, ((term, position), length, rank) in enumerate(
                zip(terms, lengths, ranks, strict=True)
            )
        ),
    )
    return hanzi, literals, sum(lengths), build_tables(bases, traditional).encode()


# -- names, fragments, readings --------------------------------------------------------------


def _names(
    db: sqlite3.Connection,
    terms: Sequence[Term],
    table: dict[int, str],
    progress: Progress,
) -> None:
    """Fill names, grams, tails, words, fuzzy_words and fuzzy (the reading tables are
    `glossary.index.reading_rows.fill`'s)."""
    buckets: dict[tuple[str, int, int, int], tuple[list[str], array[int], list[str]]] = {}
    inserts = Inserts(db)
    fuzzy_words = FuzzyWords()
    keyed: dict[str, dict[str, array[int]]] = {"grams": {}, "words": {}}
    position = 0
    for number, term in enumerate(terms):
        if number % STEP == 0:
            inserts.flush()
            progress("names", number, len(terms))
        for kind, raw in index.names(term):
            name = raw.translate(table)
            inserts.add("names", [(position, number, kind, name)])
            tokens = sorted_tokens(name)
            bucket = (fuzzy_group(name, kind), int(" " in name), len(name), len(tokens))
            fuzzy_words.add(position, bucket[0], name)
            names, positions, joined_tokens = buckets.setdefault(bucket, ([], array("i"), []))
            names.append(name)
            positions.append(position)
            joined_tokens.append(tokens)
            inserts.add("tails", zip(_tails(name), repeat(position)))
            words = name.split()
            if words != [name]:
                add_position(keyed["words"], set(words), position)
            if has_hanzi(name):
                grams = {name[i : i + 2] for i in range(len(name) - 1)}
                add_position(keyed["grams"], grams, position)
            position += 1
    inserts.flush()
    for keyed_table, held in keyed.items():  # a key's positions were added in order
        db.executemany(
            f"INSERT INTO {keyed_table} VALUES (?, ?)",
            ((key, found.tobytes()) for key, found in sorted(held.items())),
        )
    fuzzy_words.write(db)
    progress("names", len(terms), len(terms))
    db.executemany(
        "INSERT INTO fuzzy VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                *key,
                int(SEPARATOR not in "".join(names)),
                _join(names),
                positions.tobytes(),
                "\n".join(tokens),  # words never hold a line break
            )
            for key, (names, positions, tokens) in sorted(buckets.items())
        ),
    )


def _json(term: Term) -> str:
    return json.dumps(term.to_dict(), ensure_ascii=False)


TAIL_START = re.compile(f"(?<![^\\W_])[^{HANZI_RANGES}]")
"""A word start (no letter or digit before it: `[^\\W_]` is what str.isalnum accepts) that
is not a hanzi."""


def _tails(name: str) -> set[str]:
    """The name from each word start on, when that start is not a hanzi, truncated."""
    return {
        name[start : start + TAIL_LENGTH] for start in map(Match.start, TAIL_START.finditer(name))
    }


def _join(names: list[str]) -> str:
    return SEPARATOR.join(names) if SEPARATOR not in "".join(names) else json.dumps(names)
