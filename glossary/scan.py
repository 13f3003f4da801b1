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
3. Names are skeletonised the same way and looked up by growing prefixes (a dict of every
   prefix of every name), leftmost first and, at each position, longest first; a match ends the
   search for the characters it covers, so spans never overlap.
4. A candidate must start and end at a word boundary. A name that starts (ends) with an ASCII
   letter or digit must not have one just before (after) it: `EOD模式` contains EOD, `GEODE` does
   not. A Chinese name of at most `SHORT_NAME` characters with a Chinese character right beside
   it is accepted only where jieba's segmentation of a short window around it (with the
   glossaries' names in its vocabulary) starts and ends a word at the match: 乡建 is not found
   in 城乡建设. The window is cut by `segment.WindowSegmenter`, which reads only the dictionary
   entries it needs. Longer Chinese names are taken wherever they occur, and so are the words of
   a term base of kind `dictionary` (CC-CEDICT), whose words delimit one another.
5. The span is mapped back to the original text. It runs from the first to the last character of
   the name, so line breaks and quotes inside are part of the surface; quotes around it are not,
   except that a quote opened (closed) inside the span takes its partner just after (before) it,
   so the surface of `诉源“三源治理”` is balanced.

The tables this needs (`build_tables`) are JSON, cached per term-base content. Nothing here
imports typer or rich.
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
TABLES_FORMAT = 2

QUOTES = "“”‘’「」『』\"'〝〞〟｢｣"
IGNORABLE = re.compile(r"[\s" + re.escape(QUOTES) + "\u200b-\u200d\ufeff]+")
HAS_QUOTE = re.compile("[" + re.escape(QUOTES) + "]")
PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "〝": "〞", "｢": "｣"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}


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


def build_tables(bases: Sequence[TermBase]) -> dict[str, Any]:
    """JSON-ready tables for `Scanner`:
    - `traditional`: traditional -> simplified for the names' characters;
    - `prefixes`: every prefix of every name's skeleton -> the number of the term whose name it
      is, or -1 for a prefix that is no name (the first term to claim a skeleton keeps it);
    - `terms`: [id, headword, English, checked] per number, `checked` being whether its short
      Chinese names must sit at jieba's word boundaries (terms of a glossary, not a dictionary);
    - `words`: the checked names added to jieba's vocabulary, with the frequencies jieba gives
      them.
    """
    from glossary.textnorm import traditional_table

    terms = unique_terms(bases)
    chars = {char for term, _ in terms for name in term.names() for char in name}
    traditional = traditional_table(chars)
    translation = make_translation(traditional)
    prefixes: dict[str, int] = {}
    vocabulary: list[str] = []
    for number, (term, base) in enumerate(terms):
        for name in term.names():
            key = Skeleton.of(name.translate(translation)).text
            if not key:
                continue
            for end in range(1, len(key)):
                prefixes.setdefault(key[:end], -1)
            if prefixes.get(key, -1) < 0:
                prefixes[key] = number
            if base.kind != "dictionary" and len(key) > 1 and any(map(is_hanzi, key)):
                vocabulary.append(key)
    words = _vocabulary_frequencies(vocabulary)
    return {
        "format": TABLES_FORMAT,
        "traditional": traditional,
        "prefixes": prefixes,
        "terms": [
            [term.id, term.headword, term.en, base.kind != "dictionary"] for term, base in terms
        ],
        "words": words,
    }


def _vocabulary_frequencies(vocabulary: Sequence[str]) -> dict[str, int]:
    """The frequencies jieba gives these words when they are added in this order (computed from
    the few dictionary entries they need, see `glossary.segment`)."""
    if not vocabulary:
        return {}
    from glossary.jieba_dict import open_dictionary
    from glossary.segment import WindowSegmenter

    segmenter = WindowSegmenter(open_dictionary())
    for word in dict.fromkeys(vocabulary):
        segmenter.add(word)
    return segmenter.added


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
    """Finds the terms of a term base in text, from tables made by `build_tables`."""

    def __init__(self, tables: dict[str, Any]) -> None:
        self.translation = make_translation(dict(tables["traditional"]))
        self.prefixes: dict[str, int] = tables["prefixes"]
        self.terms: list[tuple[str, str, str, bool]] = [tuple(row) for row in tables["terms"]]
        self.words: dict[str, int] = tables["words"]
        firsts = "".join(sorted({key[0] for key in self.prefixes}))
        self.first_chars = re.compile("[" + re.escape(firsts) + "]" if firsts else "(?!)")
        self._segmenter: Any = None

    def scan(self, text: str) -> list[Occurrence]:
        """Every occurrence of every term in `text`, in order, without overlaps."""
        folded = text.translate(self.translation)
        skeleton = Skeleton.of(folded)
        newlines = [match.start() for match in re.finditer("\n", text)]
        found: list[Occurrence] = []
        position = 0
        skel = skeleton.text
        search = self.first_chars.search
        while True:
            candidate = search(skel, position)
            if candidate is None:
                break
            start = candidate.start()
            match = self._longest_at(skel, start, skeleton, folded)
            if match is None:
                position = start + 1
                continue
            end, number = match
            begin, stop = skeleton.origin(start), skeleton.origin(end - 1) + 1
            if HAS_QUOTE.search(text, begin, stop):
                begin, stop = _balance(text, begin, stop)
            term_id, headword, english, _ = self.terms[number]
            line = bisect.bisect_left(newlines, begin) + 1
            found.append(
                Occurrence(begin, stop, text[begin:stop], term_id, headword, english, line)
            )
            position = end
        return found

    def _longest_at(
        self, skel: str, start: int, skeleton: Skeleton, folded: str
    ) -> tuple[int, int] | None:
        """The end and term number of the longest acceptable name at skeleton offset `start`."""
        ends: list[tuple[int, int]] = []
        prefixes = self.prefixes
        index = start + 1
        while index <= len(skel):
            number = prefixes.get(skel[start:index])
            if number is None:
                break
            if number >= 0:
                ends.append((index, number))
            index += 1
        for end, number in reversed(ends):
            if self._at_boundaries(skel, start, end, number, skeleton, folded):
                return end, number
        return None

    def _at_boundaries(
        self, skel: str, start: int, end: int, number: int, skeleton: Skeleton, folded: str
    ) -> bool:
        begin, stop = skeleton.origin(start), skeleton.origin(end - 1) + 1
        before = folded[begin - 1] if begin > 0 else ""
        after = folded[stop] if stop < len(folded) else ""
        first, last = skel[start], skel[end - 1]
        if is_word_char(first) and before and is_word_char(before):
            return False
        if is_word_char(last) and after and is_word_char(after):
            return False
        if end - start > SHORT_NAME or not self.terms[number][3]:
            return True
        chinese_edge = (is_hanzi(first) and before and is_hanzi(before)) or (
            is_hanzi(last) and after and is_hanzi(after)
        )
        return not chinese_edge or self._jieba_agrees(skel, start, end)

    def _jieba_agrees(self, skel: str, start: int, end: int) -> bool:
        """Whether jieba, segmenting a window around skel[start:end], cuts at both ends."""
        if self._segmenter is None:
            from glossary.jieba_dict import open_dictionary
            from glossary.segment import WindowSegmenter

            self._segmenter = WindowSegmenter(open_dictionary(), self.words)
        low = max(0, start - WINDOW)
        cuts = {0}
        offset = 0
        for word in self._segmenter.cut(skel[low : end + WINDOW]):
            offset += len(word)
            cuts.add(offset)
        return start - low in cuts and end - low in cuts


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


def scanner_for(paths: Sequence[Path]) -> Scanner:
    """A scanner for the term bases at these paths, its tables from the cache when they are
    there (the term bases are only parsed to build them)."""
    from glossary.cache import load_or_build
    from glossary.termbase import load_many

    def build(_contents: list[bytes]) -> dict[str, Any]:
        return build_tables(load_many(paths))

    tables = load_or_build(CACHE_KIND, paths, build)
    if not isinstance(tables, dict) or tables.get("format") != TABLES_FORMAT:
        tables = build(_contents=[])
    return Scanner(tables)
