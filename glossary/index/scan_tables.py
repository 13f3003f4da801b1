"""The scanner's tables, derived from the term bases when their index is built and kept in it
(`Store.scan_tables`); `glossary.scan.scanner.Scanner` reads them. They live here, on the build
side, so that building an index never reaches up into the scanner."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from glossary.index.versions import SCAN_TABLES_FORMAT
from glossary.model import Term, TermBase
from glossary.text.folding import fold_table, termbase_traditional
from glossary.text.layout import WORD_CHARS, Skeleton
from glossary.text.pinyin import is_hanzi

SHORT_NAME = 3
"""Chinese names this short are checked against jieba's word boundaries."""
WHOLE_DICTIONARY_FROM = 5_000
"""Above this many glossary names, their jieba frequencies are computed with jieba's whole
dictionary loaded (0.7 s) rather than from its entries read a few at a time."""

FIELD, RECORD = "\x1f", "\x1e"
CONTROL = re.compile("[\x00-\x1f]")


@dataclass(frozen=True, slots=True)
class ScanTables:
    """What `Scanner` needs, made by `build_tables`:
    - `traditional`: traditional -> simplified, the index's folding table;
    - `prefixes`: every prefix of every name's skeleton with its code: for a name, the number
      of its term shifted left by two, plus 2 when its boundaries need a closer look
      (`Scanner._at_boundaries`: it starts or ends with a Latin letter or digit, or it is a
      glossary's short name) and 1 when it is the prefix of a longer name; -1 for a prefix that
      is no name (of the terms sharing a name, the one `_claim` ranks first keeps it);
    - `terms`: id, headword and English of each term, joined by FIELD (split when first used);
    - `checked`: "1" per term whose short Chinese names must sit at jieba's word boundaries
      (terms of a glossary), "0" for a dictionary's;
    - `words`: the checked names added to jieba's vocabulary, with the frequencies jieba gives
      them.

    Encoded as JSON with the prefixes one per line and the terms joined by control characters:
    a compact form that loads fast for 100,000 terms."""

    traditional: dict[str, str]
    prefixes: dict[str, int]
    terms: tuple[str, ...]
    checked: str
    words: dict[str, int]

    def encode(self) -> str:
        return json.dumps(
            {
                "format": SCAN_TABLES_FORMAT,
                "traditional": self.traditional,
                "keys": "\n".join(self.prefixes),
                "numbers": list(self.prefixes.values()),
                "terms": RECORD.join(self.terms),
                "checked": self.checked,
                "words": self.words,
            },
            ensure_ascii=False,
        )

    @classmethod
    def decode(cls, text: str) -> ScanTables:
        return cls.from_json(json.loads(text))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScanTables:
        """The tables from their decoded JSON, which this empties as it goes: beside CC-CEDICT
        the joined strings are 40 MB, freed as soon as each is split."""
        if data.get("format") != SCAN_TABLES_FORMAT:
            raise ValueError("not this program's scanner tables")
        joined = data.pop("keys")
        keys = joined.split("\n") if joined else []
        del joined
        prefixes = dict(zip(keys, data.pop("numbers"), strict=True))
        del keys
        joined = data.pop("terms")
        terms = tuple(joined.split(RECORD)) if joined else ()
        del joined
        return cls(data["traditional"], prefixes, terms, data["checked"], data["words"])


def unique_terms(bases: Sequence[TermBase]) -> list[tuple[Term, TermBase]]:
    """The terms of all bases in order, each with its base; a later term with an id already
    seen is left out."""
    seen: set[str] = set()
    terms: list[tuple[Term, TermBase]] = []
    for base in bases:
        for term in base.terms:
            if term.id not in seen:
                seen.add(term.id)
                terms.append((term, base))
    return terms


def build_tables(
    bases: Sequence[TermBase], traditional: Mapping[str, str] | None = None
) -> ScanTables:
    """The scanner's tables for these term bases (see `ScanTables`); `traditional` is the
    index's table (`termbase_traditional` of the bases, computed when not given)."""
    if traditional is None:
        traditional = termbase_traditional(t for base in bases for t in base.terms)
    traditional = dict(traditional)
    translation = fold_table(traditional)
    terms = unique_terms(bases)
    prefixes: dict[str, int] = {}
    claims: dict[str, tuple[int, int, int]] = {}  # name -> its best claim (see _claim)
    positions = {id(base): position for position, base in enumerate(bases)}
    vocabulary: list[str] = []
    for number, (term, base) in enumerate(terms):
        claim = _claim(positions[id(base)], base, term, number)
        for name in term.names():
            key = Skeleton.of(name.translate(translation)).text
            if not key or "\0" in key:
                continue
            if base.kind == "dictionary" and not any(map(is_hanzi, key)):
                continue  # a dictionary's English is a gloss, not a name to look for
            for end in range(1, len(key)):
                prefixes.setdefault(key[:end], -1)
            if key not in claims or claim < claims[key]:
                claims[key] = claim
                prefixes[key] = number
            if base.kind != "dictionary" and len(key) > 1 and any(map(is_hanzi, key)):
                vocabulary.append(key)
    words = _vocabulary_frequencies(vocabulary)
    rows = (
        FIELD.join(CONTROL.sub(" ", value) for value in (term.id, term.headword, term.en))
        for term, _ in terms
    )
    longer = {key[:-1] for key in prefixes if len(key) > 1}
    checked = "".join("0" if base.kind == "dictionary" else "1" for _, base in terms)

    def code(key: str, number: int) -> int:
        if number < 0:
            return -1
        asks = (
            key[0] in WORD_CHARS
            or key[-1] in WORD_CHARS
            or (len(key) <= SHORT_NAME and checked[number] == "1")
        )
        return number << 2 | asks << 1 | (key in longer)

    return ScanTables(
        traditional=traditional,
        prefixes={key: code(key, number) for key, number in prefixes.items()},
        terms=tuple(rows),
        checked=checked,
        words=words,
    )


LESSER_SENSE = re.compile(
    r"^(?:(?:old|archaic|ancient|erroneous|variant|Japanese|Korean) )*variant of\b|^surname\b"
    r"|^see\b|^used in\b"
)
"""A dictionary gloss that is not a word's own sense: a variant, a surname, a cross-reference."""


def _claim(base_position: int, base: TermBase, term: Term, number: int) -> tuple[int, int, int]:
    """How strongly a term claims its names, lowest first: an earlier term base wins; within a
    dictionary, a common word wins over an entry glossed only as a variant, surname or
    cross-reference, which wins over a proper noun (a capitalised reading: 和平 Hépíng
    District after 和平 peace); then the earlier entry."""
    rank = 0
    if base.kind == "dictionary":
        if term.pinyin[:1].isupper():
            rank = 2
        elif LESSER_SENSE.match(term.en):
            rank = 1
    return base_position, rank, number


def _vocabulary_frequencies(vocabulary: Sequence[str]) -> dict[str, int]:
    """The frequencies jieba gives these words when they are added in this order. For a few
    thousand words they are computed from the few dictionary entries the words need (see
    `glossary.text.segment`); for more, loading jieba's whole dictionary once is cheaper."""
    words = list(dict.fromkeys(vocabulary))
    if not words:
        return {}
    if len(words) > WHOLE_DICTIONARY_FROM:
        from glossary.text.segment import added_frequencies

        return added_frequencies(words)
    from glossary.index.jieba_words import open_dictionary
    from glossary.text.segment import WindowSegmenter

    segmenter = WindowSegmenter(open_dictionary())
    for word in words:
        segmenter.add(word)
    return segmenter.added
