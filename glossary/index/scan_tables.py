"""The scanner's tables, derived from the term bases when their index is built and kept in it
(`Store.scan_tables`); `glossary.scan.scanner.Scanner` reads them. They live here, on the build
side, so that building an index never reaches up into the scanner.

The names are kept in a marisa trie (`marisa_trie.Trie`): beside CC-CEDICT its 130,000 names
take 0.9 MB and load in a millisecond, where a dict of their 707,000 prefixes took a second and
300 MB to parse from JSON on every run, and a scan asks it for the names at a position in one
call (`Trie.prefixes`), as fast as that dict's growing prefixes.

The same names are also kept as a leftmost-longest Aho-Corasick automaton (daachorse's
character-wise double array, serialised): a scan that keeps every occurrence finds them all in
one call in compiled code (0.04 s a megabyte beside CC-CEDICT, against 0.5 s of trie look-ups
at each position from Python), and the automaton loads from its bytes in a few milliseconds
(ahocorasick-rs rebuilds its automaton in each process, about a second beside CC-CEDICT;
pyahocorasick's longest-match search misses names, its issues #133, #185)."""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from array import array
from collections.abc import Iterable, Mapping, Sequence
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

FIELD = "\x1f"
CONTROL = re.compile("[\x00-\x1f]")
UNSEARCHABLE = re.compile("[\x00\ud800-\udfff]")
"""What no name in the trie holds: the scanner's sentinel and lone surrogates (not UTF-8)."""
BREAK_CANDIDATES = "\0,.;:?!()[]<>、。《》〈〉【】〔〕…—·|/~"
"""Characters of a skeleton (folded text: full-width punctuation is ASCII there) at which a
scan may be cut (`ScanTables.breaks`)."""
MAX_HOLDERS = 2_000
"""Names holding a character of BREAK_CANDIDATES past their start above which it is no break."""
SECTIONS = ("trie", "numbers", "asks", "reaches", "rows", "row_ends", "automaton")
"""The binary parts of encoded tables, in the order they follow the header."""


@dataclass(frozen=True, slots=True)
class ScanTables:
    """What `Scanner` needs, made by `build_tables`:
    - `traditional`: traditional -> simplified, the index's folding table;
    - `trie`: the skeleton of every name, a marisa trie's bytes (`marisa_trie.Trie.tobytes`);
    - `automaton`: the same names in the order of the trie's key ids, a leftmost-longest
      automaton's bytes (`daachorse.CharwiseDoubleArrayAhoCorasick.serialize`), whose pattern
      ids are the trie's key ids;
    - `numbers`: for each key id of the trie, the number of the name's term; of the terms
      sharing a name, the one `_claim` ranks first keeps it (array "q" bytes);
    - `asks`: for each key id, 1 when the name's boundaries need a closer look
      (`scan.boundaries.Boundaries.stand`: it starts or ends with a Latin letter or digit, or
      it is a glossary's short name), else 0 (bytes);
    - `firsts` and `reaches`: each character a name starts with, and the length of the longest
      name it starts (array "l" bytes, in the order of `firsts`): how far a scan looks ahead;
    - `rows`, `row_ends`: id, headword and English of each term, joined by FIELD, in UTF-8 one
      after another, and where each ends (array "q" bytes), so a scan decodes only the rows of
      the terms it finds;
    - `checked`: "1" per term whose short Chinese names must sit at jieba's word boundaries
      (terms of a glossary), "0" for a dictionary's;
    - `judged`: "1" per term whose id a term base of kind glossary holds (the terms `check`
      judges, `Scanner.scan(glossaries_only=True)`), else "0";
    - `words`: the checked names added to jieba's vocabulary, with the frequencies jieba gives
      them;
    - `judged_heads`: the first two characters (the whole of a name of one) of every name
      whose term is judged, sorted: where a scan with `glossaries_only` looks for work;
    - `breaks`: for characters of `BREAK_CANDIDATES` that few names hold past their first
      character, those names, joined by newlines (none, mostly): where no name spans such a
      character, a scan decides at it, and what lies between two such places is decided
      the same alone as in the whole text.

    Encoded as a JSON header line (the small tables, each section's length, the trie's digest
    and the other sections' CRC) followed by the sections' bytes: nothing large is parsed when
    they are read. (A CRC, 2 ms for the 14 MB after the trie beside CC-CEDICT where a digest
    takes 11: daachorse checks the automaton's structure itself as it loads it, but nothing
    checks the term numbers, flags and rows, and the CRC catches damage that would leave them,
    or a well-formed automaton, pointing at the wrong terms.)"""

    traditional: dict[str, str]
    trie: bytes
    numbers: bytes
    asks: bytes
    firsts: str
    reaches: bytes
    rows: bytes
    row_ends: bytes
    automaton: bytes
    checked: str
    judged: str
    words: dict[str, int]
    judged_heads: tuple[str, ...]
    breaks: dict[str, str]

    def encode(self) -> bytes:
        sections = [getattr(self, name) for name in SECTIONS]
        header = {
            "format": SCAN_TABLES_FORMAT,
            "traditional": self.traditional,
            "firsts": self.firsts,
            "checked": self.checked,
            "judged": self.judged,
            "words": self.words,
            "judged_heads": list(self.judged_heads),
            "breaks": self.breaks,
            "lengths": [len(section) for section in sections],
            "digest": _digest(self.trie),
            "crc": _crc(sections[1:]),
        }
        head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode()
        return b"".join([head, b"\n", *sections])

    @classmethod
    def decode(cls, data: bytes) -> ScanTables:
        """The tables `encode` wrote; ValueError for anything else (a corrupt trie is never
        handed to marisa: its digest is checked first)."""
        if not isinstance(data, bytes):
            raise ValueError("not this program's scanner tables")
        end = data.find(b"\n")
        try:
            header = json.loads(data[:end]) if end > 0 else None
        except ValueError:
            header = None
        if not isinstance(header, dict) or header.get("format") != SCAN_TABLES_FORMAT:
            raise ValueError("not this program's scanner tables")
        try:
            return cls._from_parts(header, data, end + 1)
        except (KeyError, TypeError) as exc:
            raise ValueError("scanner tables damaged") from exc

    @classmethod
    def _from_parts(cls, header: dict[str, Any], data: bytes, position: int) -> ScanTables:
        """The tables of this header and the sections in data[position:] (each copied out once:
        beside CC-CEDICT they are 15 MB)."""
        sections = []
        if len(header["lengths"]) != len(SECTIONS):
            raise ValueError("scanner tables damaged")
        for length in header["lengths"]:
            if not isinstance(length, int) or length < 0:
                raise ValueError("scanner tables damaged")
            sections.append(data[position : position + length])
            position += length
        parts = dict(zip(SECTIONS, sections, strict=True))
        if (
            position != len(data)
            or _digest(parts["trie"]) != header["digest"]
            or _crc(sections[1:]) != header["crc"]
        ):
            raise ValueError("scanner tables damaged")
        return cls(
            traditional=header["traditional"],
            firsts=header["firsts"],
            checked=header["checked"],
            judged=header["judged"],
            words=header["words"],
            judged_heads=tuple(header["judged_heads"]),
            breaks=header["breaks"],
            **parts,
        )


def _crc(sections: Sequence[bytes]) -> int:
    """The CRC-32 of these sections, one after the other."""
    crc = 0
    for section in sections:
        crc = zlib.crc32(section, crc)
    return crc


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


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
    import marisa_trie

    if traditional is None:
        traditional = termbase_traditional(t for base in bases for t in base.terms)
    traditional = dict(traditional)
    terms = unique_terms(bases)
    claims, vocabulary = _claimed_names(bases, terms, fold_table(traditional))
    checked = "".join("0" if base.kind == "dictionary" else "1" for _, base in terms)
    glossary_ids = {t.id for base in bases if base.kind == "glossary" for t in base.terms}
    judged = "".join("1" if term.id in glossary_ids else "0" for term, _ in terms)
    trie = marisa_trie.Trie(claims)
    numbers = array("q", bytes(8 * len(trie)))
    asks = bytearray(len(trie))
    reaches: dict[str, int] = {}
    judged_heads: set[str] = set()
    for key, (*_, number) in claims.items():
        key_id = trie[key]
        numbers[key_id] = number
        asks[key_id] = (
            key[0] in WORD_CHARS
            or key[-1] in WORD_CHARS
            or (len(key) <= SHORT_NAME and checked[number] == "1")
        )
        reaches[key[0]] = max(reaches.get(key[0], 0), len(key))
        if judged[number] == "1":
            judged_heads.add(key[:2])
    firsts = "".join(sorted(reaches))
    rows, row_ends, end = [], array("q"), 0
    for term, _ in terms:
        row = FIELD.join(CONTROL.sub(" ", value) for value in (term.id, term.headword, term.en))
        rows.append(row.encode())
        end += len(rows[-1])
        row_ends.append(end)
    return ScanTables(
        traditional=traditional,
        trie=trie.tobytes(),
        automaton=_automaton(trie),
        numbers=numbers.tobytes(),
        asks=bytes(asks),
        firsts=firsts,
        reaches=array("q", (reaches[char] for char in firsts)).tobytes(),
        rows=b"".join(rows),
        row_ends=row_ends.tobytes(),
        checked=checked,
        judged=judged,
        words=_vocabulary_frequencies(vocabulary),
        judged_heads=tuple(sorted(judged_heads)),
        breaks=_breaks(claims),
    )


def _automaton(trie: Any) -> bytes:
    """`ScanTables.automaton` for the names of this marisa trie."""
    import daachorse

    names = [""] * len(trie)
    for name, key in trie.iteritems():
        names[key] = name
    leftmost_longest = daachorse.MATCH_KIND_LEFTMOST_LONGEST
    return daachorse.CharwiseDoubleArrayAhoCorasick(names, match_kind=leftmost_longest).serialize()


def _claimed_names(
    bases: Sequence[TermBase], terms: list[tuple[Term, TermBase]], translation: dict[int, str]
) -> tuple[dict[str, tuple[int, int, int]], list[str]]:
    """Each name's skeleton with the best claim on it (`_claim`, whose last part is the term's
    number), and the glossaries' Chinese names for jieba's vocabulary."""
    claims: dict[str, tuple[int, int, int]] = {}
    positions = {id(base): position for position, base in enumerate(bases)}
    vocabulary: list[str] = []
    for number, (term, base) in enumerate(terms):
        claim = _claim(positions[id(base)], base, term, number)
        for name in term.names():
            key = Skeleton.of(name.translate(translation)).text
            if not key or UNSEARCHABLE.search(key):
                continue
            if base.kind == "dictionary" and (
                (name == term.en and name != term.headword) or not any(map(is_hanzi, key))
            ):
                continue  # a dictionary's English is a gloss, not a name to look for
            if key not in claims or claim < claims[key]:
                claims[key] = claim
            if base.kind != "dictionary" and len(key) > 1 and any(map(is_hanzi, key)):
                vocabulary.append(key)
    return claims, vocabulary


def _breaks(names: Iterable[str]) -> dict[str, str]:
    """`ScanTables.breaks` for these names (skeletons)."""
    holders: dict[str, list[str]] = {char: [] for char in BREAK_CANDIDATES}
    inside = re.compile("[" + re.escape(BREAK_CANDIDATES) + "]")
    for name in names:
        if inside.search(name, 1):
            for char in {match.group() for match in inside.finditer(name, 1)}:
                holders[char].append(name)
    return {char: "\n".join(held) for char, held in holders.items() if len(held) <= MAX_HOLDERS}


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
