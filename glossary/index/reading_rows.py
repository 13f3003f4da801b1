"""The reading entries of the index and their lookup tables, derived at build time
(`glossary.index.build` feeds one entry per name with a hanzi; `glossary.index.reading_store`
reads them):

- `readings(entry, number, units)`: the units of a name (`glossary.index.rows.units`) in a
  compact text (`encode_units`) that needs no JSON decoding. The entry number says where the
  entry is read: `entry_number` packs its *group* (its count of units with a letter, digit or
  hanzi, and whether one of them is a Latin letter or digit), the term's rank and a counter, so
  that one group's entries are one range of entries in rank order. A query's best possible
  score differs by group (`glossary.search.pinyin_bounds`), so the pinyin tier reads the
  promising groups first and stops once nothing left can beat its results;
- `chains(chain, entries)`: the keys of three neighbouring units (of the last two, at the
  end), a key being the first letter of a reading or the character itself (`unit_keys`);
- `pairs(pair, entries)`: a hanzi, one of its readings spelled out or its own reading with the
  tone (neutral: 5), a space and the key of the unit after it (`好 x`, `hao x`, `hao3 x`): a
  query whose first piece is that hanzi or a whole syllable (with a tone) needs one;
- `heads(head, entries)`: each unit's spellings (a character that is not a hanzi: itself);

  one row per key, with the entries that have it packed in a blob (`pack_entries`: 64-bit
  integers in entry order), so that a group's entries are one slice of it. A build stores
  some 80,000 such rows beside CC-CEDICT instead of 2.8 million of one entry each (with an
  index over them), and a query reads the few rows of its keys;
- `reading_groups(grp)`, `spellings(head)`: the groups that have entries and every spelling
  of a reading, so a query knows what it may look up.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache

from glossary.index import rows
from glossary.index.inserts import Inserts
from glossary.index.packed_entries import ENTRY_CODE, pack_entries
from glossary.index.rows import ReadingUnit, Units, char_readings, hanzi
from glossary.model import Term
from glossary.text.pinyin import has_hanzi, is_hanzi

SCHEMA = """
CREATE TABLE readings(entry INTEGER PRIMARY KEY, number INTEGER NOT NULL, units TEXT NOT NULL);
CREATE TABLE chains(chain TEXT PRIMARY KEY, entries BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE pairs(pair TEXT PRIMARY KEY, entries BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE heads(head TEXT PRIMARY KEY, entries BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE reading_groups(grp INTEGER PRIMARY KEY);
CREATE TABLE spellings(head TEXT PRIMARY KEY);
"""
INDEXES = """
CREATE INDEX readings_number ON readings(number);
"""
KEYED = ("chains", "pairs", "heads")  # the tables of (key, packed entries)

TABLES = ("readings", "chains", "pairs", "heads", "reading_groups", "spellings")
STEP = 2000  # rows are written STEP terms at a time
GROUP_SHIFT = 44
RANK_SHIFT = 20
RANK_LIMIT = 1 << (GROUP_SHIFT - RANK_SHIFT)
COUNTER_LIMIT = 1 << RANK_SHIFT
UNIT_SEPARATOR = "\x1f"
READING_SEPARATOR = ","


def group_of(units: Units) -> int:
    """Twice the count of units with a letter, digit or hanzi, plus one when one of them is a
    Latin letter or a digit (a unit a query may type as itself)."""
    size = literal = 0
    for char, _ in units:
        if char.isalnum():
            size += 1
            literal = literal or not hanzi(char)
    return 2 * size + literal


def entry_number(group: int, rank: int, counter: int) -> int:
    """The entry number: group, then rank, then the counter of the term's entries."""
    if not (0 <= rank < RANK_LIMIT and 0 <= counter < COUNTER_LIMIT):
        raise ValueError(f"too many terms or names for the index ({rank}, {counter})")
    return (group << GROUP_SHIFT) | (rank << RANK_SHIFT) | counter


def group_range(group: int) -> tuple[int, int]:
    """The entry numbers of a group: [low, high)."""
    return group << GROUP_SHIFT, (group + 1) << GROUP_SHIFT


def rank_of(entry: int) -> int:
    return (entry >> RANK_SHIFT) & (RANK_LIMIT - 1)


def encode_units(units: Units) -> str:
    """Each unit as its character followed by its readings joined by commas, the units
    separated by UNIT_SEPARATOR (a character is one code point, so any character reads back)."""
    return UNIT_SEPARATOR.join(char + READING_SEPARATOR.join(found) for char, found in units)


def decode_units(text: str) -> Units:
    units: list[ReadingUnit] = []
    start, end = 0, len(text)
    while start < end:
        stop = text.find(UNIT_SEPARATOR, start + 1)
        if stop < 0:
            stop = end
        readings = text[start + 1 : stop]
        units.append(ReadingUnit(text[start], tuple(readings.split(",")) if readings else ()))
        start = stop + 1
    return tuple(units)


def fill(
    db: sqlite3.Connection,
    terms: Sequence[Term],
    table: dict[int, str],
    ranks: Sequence[int],
    glosses: Sequence[bool],
) -> tuple[set[str], set[str]]:
    """Fill the reading tables with one entry per name with a hanzi (folded by `table`), but
    the English of a term whose `glosses` is true (a dictionary's: `variant of 嗥[hao2]`: its
    hanzi only refer to other entries); return the hanzi of the entries and the characters
    other than hanzi that stand as units (a query may type them as such)."""
    inserts = Inserts(db)
    readings = ReadingRows(inserts)
    hanzi: set[str] = set()
    literals: set[str] = set()
    for number, term in enumerate(terms):
        if number % STEP == 0:
            inserts.flush()
        for kind, raw in rows.names(term):
            name = raw.translate(table)
            if not has_hanzi(name) or (kind == "english" and glosses[number]):
                continue
            units = rows.units(name, term.pinyin if kind == "headword" else "")
            readings.add(number, ranks[number], units)
            for char in {char for char, _ in units}:
                if is_hanzi(char):
                    hanzi.add(char)
                elif char.isalnum():
                    literals.add(char)
    inserts.flush()
    readings.finish(db)
    return hanzi, literals


class ReadingRows:
    """Collects the rows of the reading tables while the index is built: the readings as
    rows to insert, the keys with the entries that have them, written by `finish`."""

    def __init__(self, inserts: Inserts) -> None:
        self.inserts = inserts
        self.number = -1
        self.counter = 0
        self.groups: set[int] = set()
        self.spellings: set[str] = set()
        self.keyed: dict[str, dict[str, array[int]]] = {table: {} for table in KEYED}

    def add(self, number: int, rank: int, units: Units) -> None:
        """One reading entry of term `number` (its entries are added in name order)."""
        if number != self.number:  # a term's entries come one after another
            self.number, self.counter = number, 0
        group = group_of(units)
        self.groups.add(group)
        entry = entry_number(group, rank, self.counter)
        self.counter += 1
        self.inserts.add("readings", [(entry, number, encode_units(units))])
        facts = [_facts(unit) for unit in units if unit[0].isalnum()]
        chains: set[str] = set()
        for start in range(len(facts) - 1):
            following = facts[start + 2][0] if start + 2 < len(facts) else ("",)
            for left in facts[start][0]:
                for middle in facts[start + 1][0]:
                    chains.update(left + middle + right for right in following)
        pairs = {
            f"{head} {key}"
            for start in range(len(facts) - 1)
            for head in facts[start][2]
            for key in facts[start + 1][0]
        }
        heads = {head for _, found, _ in facts for head in found}
        for table, keys in zip(KEYED, (chains, pairs, heads), strict=True):
            _append(self.keyed[table], keys, entry)
        self.spellings.update(head for _, found, paired in facts if paired for head in found)

    def finish(self, db: sqlite3.Connection) -> None:
        """Write the keys, groups and spellings (after the last `add`)."""
        for table, keyed in self.keyed.items():
            db.executemany(
                f"INSERT INTO {table} VALUES (?, ?)",
                ((key, pack_entries(entries)) for key, entries in sorted(keyed.items())),
            )
            keyed.clear()
        db.executemany("INSERT INTO reading_groups VALUES (?)", ((g,) for g in sorted(self.groups)))
        db.executemany("INSERT INTO spellings VALUES (?)", ((s,) for s in sorted(self.spellings)))


def _append(keyed: dict[str, array[int]], keys: Iterable[str], entry: int) -> None:
    for key in keys:
        found = keyed.get(key)
        if found is None:
            keyed[key] = array(ENTRY_CODE, (entry,))
        else:
            found.append(entry)


@lru_cache(maxsize=1 << 16)
def _facts(unit: ReadingUnit) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A unit's keys (`unit_keys`), its spellings (`heads`) and, for a hanzi, what a pair
    starts with: itself, its spellings and its own reading with the tone (worked out once per
    character and readings)."""
    char, found = unit
    keys = tuple(sorted(unit_keys(char, found)))
    spelled = tuple(sorted(_heads(char, found)))
    paired = (char, *spelled, *_toned(found)) if is_hanzi(char) else ()
    return keys, spelled, paired


def unit_keys(char: str, found: Sequence[str]) -> set[str]:
    """The keys a unit is found by: the first letter of each reading, and the character itself
    when it is not a hanzi or pypinyin knows no reading for it (see pinyin_keys.py)."""
    keys = {reading[0] for reading in found}
    if not is_hanzi(char) or not letters(char):
        keys.add(char)
    return keys


def letters(char: str) -> set[str]:
    """The first letters of every reading pypinyin knows for a hanzi."""
    return {reading[0] for reading in char_readings(char)}


def _toned(found: Sequence[str]) -> tuple[str, ...]:
    """The unit's own reading spelled with its tone (neutral or none as 5): a syllable typed
    with a tone must agree with the own reading (pinyin_match)."""
    if not found:
        return ()
    own = found[0]
    base, tone = (own[:-1], own[-1]) if own[-1:].isdigit() else (own, "5")
    tone = "5" if tone in "05" else tone
    return tuple(dict.fromkeys((base + tone, base.replace("v", "u") + tone)))


def _heads(char: str, found: Sequence[str]) -> set[str]:
    if not is_hanzi(char):
        return {char}
    heads = set()
    for reading in found:
        base = reading.rstrip("012345")
        heads |= {base, base.replace("v", "u")}
    return heads
