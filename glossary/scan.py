"""Finding the terms of a term base in running text: every occurrence of every name (headword,
English name, aliases), however the layout has broken or decorated it.

How a match is found:

1. The text is folded one character for one character (width, ASCII case, traditional ->
   simplified; see `glossary.textnorm`), so offsets into the folded text are offsets into the
   original.
2. A *skeleton* of the folded text drops the characters layout puts inside or around words:
   whitespace and line breaks, and quote marks (“”‘’「」『』"' and their kin). Whitespace between
   two ASCII letters or digits is kept as one space, so `2030 Agenda` still needs its space and
   `E O D` is not `EOD`. Each stretch of the skeleton remembers where it came from.
3. Names are skeletonised the same way and looked up in a trie, leftmost first and, at each
   position, longest first; a match ends the search for the characters it covers, so spans never
   overlap.
4. A candidate must start and end at a word boundary. A name that starts (ends) with an ASCII
   letter or digit must not have one just before (after) it: `EOD模式` contains EOD, `GEODE` does
   not. A Chinese name of at most `SHORT_NAME` characters with a Chinese character right beside
   it is accepted only where jieba's segmentation of a short window around it (with the term
   bases' names in its vocabulary) starts and ends a word at the match: 乡建 is not found in
   城乡建设. Longer Chinese names are taken wherever they occur, which keeps jieba's dictionary
   load (about 0.7 s) off the common path.
5. The span is mapped back to the original text. It runs from the first to the last character of
   the name, so line breaks and quotes inside are part of the surface; quotes around it are not,
   except that a quote opened (closed) inside the span takes its partner just after (before) it,
   so the surface of `诉源“三源治理”` is balanced.

The tables this needs (the trie's keys and the traditional-character table, built with zhconv)
are JSON, cached per term-base content by `glossary.cache`. Nothing here imports typer or rich.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glossary.model import Term, TermBase
from glossary.pinyin import is_hanzi

SHORT_NAME = 3
"""Chinese names this short are checked against jieba's word boundaries."""
WINDOW = 8
"""Characters of context on each side of a candidate given to jieba."""
CACHE_KIND = "scan"
TABLES_FORMAT = 1

QUOTES = "“”‘’「」『』\"'〝〞〟｢｣"
IGNORABLE = re.compile(r"[\s" + re.escape(QUOTES) + "\u200b-\u200d\ufeff]+")
PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "〝": "〞", "｢": "｣"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_END = ""  # the trie key that marks the end of a name


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One occurrence of a term: `text[start:end] == surface`, offsets in code points."""

    start: int
    end: int
    surface: str
    term_id: str
    headword: str
    en: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "id": self.term_id,
            "headword": self.headword,
            "en": self.en,
            "line": self.line,
        }


def is_word_char(char: str) -> bool:
    """An ASCII letter or digit (after folding): what a Latin name must not touch."""
    return char.isascii() and char.isalnum()


# -- tables (built once per term-base content) ----------------------------------------------


def unique_terms(bases: Sequence[TermBase]) -> list[Term]:
    """The terms of all bases in order; a later term with an id already seen is left out."""
    seen: set[str] = set()
    terms: list[Term] = []
    for base in bases:
        for term in base.terms:
            if term.id not in seen:
                seen.add(term.id)
                terms.append(term)
    return terms


def build_tables(terms: Sequence[Term]) -> dict[str, Any]:
    """JSON-ready tables: the traditional->simplified table for the names' characters and each
    name's skeleton -> the index of its term (the first term to claim a skeleton keeps it)."""
    from glossary.textnorm import traditional_table

    chars = {char for term in terms for name in term.names() for char in name}
    traditional = traditional_table(chars)
    translation = make_translation(traditional)
    keys: dict[str, int] = {}
    for index, term in enumerate(terms):
        for name in term.names():
            key = Skeleton.of(name.translate(translation)).text
            if key:
                keys.setdefault(key, index)
    return {"format": TABLES_FORMAT, "traditional": traditional, "keys": keys}


def make_translation(traditional: dict[str, str]) -> dict[int, str]:
    """A `str.translate` table doing what `textnorm.fold` does, at C speed."""
    table: dict[int, str] = {code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)}
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0).lower()
    table[0x3000] = " "
    for trad, simp in traditional.items():
        table.setdefault(ord(trad), simp)
    return table


# -- the skeleton -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Skeleton:
    """Folded text without ignorable characters, and where each of its stretches came from."""

    text: str
    starts: tuple[int, ...]  # skeleton offset where each stretch starts
    origins: tuple[int, ...]  # the original offset of that stretch

    @classmethod
    def of(cls, folded: str) -> Skeleton:
        pieces: list[str] = []
        starts: list[int] = []
        origins: list[int] = []
        length = 0
        position = 0

        def keep(piece: str, origin: int) -> None:
            nonlocal length
            pieces.append(piece)
            starts.append(length)
            origins.append(origin)
            length += len(piece)

        for run in IGNORABLE.finditer(folded):
            begin, end = run.span()
            if begin > position:
                keep(folded[position:begin], position)
            if (
                begin > 0
                and end < len(folded)
                and is_word_char(folded[begin - 1])
                and is_word_char(folded[end])
                and any(char.isspace() for char in run.group())
            ):
                keep(" ", begin)
            position = end
        if position < len(folded):
            keep(folded[position:], position)
        return cls("".join(pieces), tuple(starts), tuple(origins))

    def origin(self, index: int) -> int:
        """The original offset of the skeleton character at `index`."""
        piece = bisect.bisect_right(self.starts, index) - 1
        return self.origins[piece] + index - self.starts[piece]


# -- the scanner ------------------------------------------------------------------------------


class Scanner:
    """Finds the terms of a term base in text; build it with `scanner_for` to use the cache."""

    def __init__(self, terms: Sequence[Term], tables: dict[str, Any]) -> None:
        self.terms = list(terms)
        self.translation = make_translation(dict(tables["traditional"]))
        self.trie: dict[str, Any] = {}
        for key, index in tables["keys"].items():
            node = self.trie
            for char in key:
                node = node.setdefault(char, {})
            node[_END] = int(index)
        firsts = "".join(sorted(self.trie))
        self.first_chars = re.compile("[" + re.escape(firsts) + "]" if firsts else "(?!)")
        self._segmenter_ready = False

    @property
    def by_id(self) -> dict[str, Term]:
        return {term.id: term for term in self.terms}

    def scan(self, text: str) -> list[Occurrence]:
        """Every occurrence of every term in `text`, in order, without overlaps."""
        folded = text.translate(self.translation)
        skeleton = Skeleton.of(folded)
        newlines = [match.start() for match in re.finditer("\n", text)]
        found: list[Occurrence] = []
        position = 0
        skel = skeleton.text
        while True:
            candidate = self.first_chars.search(skel, position)
            if candidate is None:
                break
            start = candidate.start()
            match = self._longest_at(skel, start, skeleton, folded)
            if match is None:
                position = start + 1
                continue
            end, index = match
            begin, stop = _balance(text, skeleton.origin(start), skeleton.origin(end - 1) + 1)
            term = self.terms[index]
            line = bisect.bisect_left(newlines, begin) + 1
            found.append(
                Occurrence(begin, stop, text[begin:stop], term.id, term.headword, term.en, line)
            )
            position = end
        return found

    def _longest_at(
        self, skel: str, start: int, skeleton: Skeleton, folded: str
    ) -> tuple[int, int] | None:
        """The end and term index of the longest acceptable name at skeleton offset `start`."""
        ends: list[tuple[int, int]] = []
        node = self.trie
        index = start
        while index < len(skel):
            child = node.get(skel[index])
            if child is None:
                break
            node = child
            index += 1
            if _END in node:
                ends.append((index, node[_END]))
        for end, term_index in reversed(ends):
            if self._at_boundaries(skel, start, end, skeleton, folded):
                return end, term_index
        return None

    def _at_boundaries(
        self, skel: str, start: int, end: int, skeleton: Skeleton, folded: str
    ) -> bool:
        begin, stop = skeleton.origin(start), skeleton.origin(end - 1) + 1
        before = folded[begin - 1] if begin > 0 else ""
        after = folded[stop] if stop < len(folded) else ""
        first, last = skel[start], skel[end - 1]
        if is_word_char(first) and before and is_word_char(before):
            return False
        if is_word_char(last) and after and is_word_char(after):
            return False
        chinese_edge = (is_hanzi(first) and before and is_hanzi(before)) or (
            is_hanzi(last) and after and is_hanzi(after)
        )
        if not chinese_edge or end - start > SHORT_NAME:
            return True
        return self._jieba_agrees(skel, start, end)

    def _jieba_agrees(self, skel: str, start: int, end: int) -> bool:
        """Whether jieba, segmenting a window around skel[start:end], cuts at both ends."""
        from glossary.segment import add_words, segment

        if not self._segmenter_ready:
            add_words(
                key
                for key in _keys(self.trie)
                if any(is_hanzi(char) for char in key) and len(key) > 1
            )
            self._segmenter_ready = True
        low = max(0, start - WINDOW)
        cuts = {0}
        offset = 0
        for word in segment(skel[low : end + WINDOW]):
            offset += len(word)
            cuts.add(offset)
        return start - low in cuts and end - low in cuts


def _keys(trie: dict[str, Any], prefix: str = "") -> list[str]:
    keys = [prefix] if _END in trie else []
    for char, child in trie.items():
        if char != _END:
            keys.extend(_keys(child, prefix + char))
    return keys


def _balance(text: str, begin: int, stop: int) -> tuple[int, int]:
    """Take in the partner of a quote mark opened or closed inside text[begin:stop] when it is
    right beside the span."""
    inside = text[begin:stop]
    for open_, close in PAIRS.items():
        depth = inside.count(open_) - inside.count(close)
        if depth > 0 and stop < len(text) and text[stop] == close:
            stop += 1
        elif depth < 0 and begin > 0 and text[begin - 1] == open_:
            begin -= 1
    for mark in "\"'":
        if inside.count(mark) % 2:
            if stop < len(text) and text[stop] == mark:
                stop += 1
            elif begin > 0 and text[begin - 1] == mark:
                begin -= 1
    return begin, stop


def scanner_for(bases: Sequence[TermBase]) -> Scanner:
    """A scanner for these term bases, its tables taken from the cache when they are there."""
    from glossary.cache import load_or_build

    terms = unique_terms(bases)
    tables = load_or_build(
        CACHE_KIND, [Path(base.path) for base in bases], lambda _contents: build_tables(terms)
    )
    if not isinstance(tables, dict) or tables.get("format") != TABLES_FORMAT:
        tables = build_tables(terms)
    return Scanner(terms, tables)
