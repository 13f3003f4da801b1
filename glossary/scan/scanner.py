"""Finding the terms of a term base in running text: every occurrence of every name (headword,
English name, aliases), however the layout has broken or decorated it.

How a match is found:

1. The text is folded one character for one character (width, ASCII case, traditional ->
   simplified; see `glossary.text.folding`), so offsets into the folded text are offsets into the
   original.
2. A *skeleton* of the folded text drops the characters layout puts inside or around words:
   whitespace and line breaks, and quote marks (“”‘’「」『』"' and their kin). Whitespace between
   two ASCII letters or digits is kept as one space, so `2030 Agenda` still needs its space and
   `E O D` is not `EOD`. Each stretch of the skeleton remembers where it came from (1 and 2
   are `glossary.text.layout`).
3. Names are skeletonised the same way; the leftmost, then longest, name is taken, and a match
   ends the search for the characters it covers, so spans never overlap. A scan that keeps
   every occurrence takes the matches of a leftmost-longest automaton of the names (one call in
   compiled code, `glossary.scan.matching`); where the longest name at a start fails rule 4,
   and in a scan of the glossaries' names alone, a walk asks a trie of the names, at each
   position, for every name that starts there (`_decide`).
4. A candidate must start and end at a word boundary (`glossary.scan.boundaries`). A name that
   starts (ends) with an ASCII letter or digit must not have one just before (after) it:
   `EOD模式` contains EOD, `GEODE` does not. A Chinese name of at most `SHORT_NAME` characters
   with a Chinese character right beside it is accepted only where jieba's segmentation of a
   short window around it (with the glossaries' names in its vocabulary) starts and ends a word
   at the match: 乡建 is not found in 城乡建设. The window is cut by `segment.WindowSegmenter`,
   which reads only the dictionary entries it needs. Longer Chinese names are taken wherever
   they occur, and so are the words of a term base of kind `dictionary` (CC-CEDICT), whose
   words delimit one another.
5. The span is mapped back to the original text. It runs from the first to the last character of
   the name, so line breaks and quotes inside are part of the surface; quotes around it are not,
   except that a quote opened (closed) inside the span takes its partner just after (before) it,
   so the surface of `诉源“三源治理”` is balanced.

The tables this needs (`glossary.index.scan_tables.ScanTables`) are made when the index is
built and kept in it. Nothing here imports typer or rich.
"""

from __future__ import annotations

import bisect
import gc
import re
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import repeat
from operator import itemgetter

from glossary.index.scan_tables import FIELD, ScanTables
from glossary.scan.boundaries import WINDOW, Boundaries
from glossary.scan.matching import Matcher
from glossary.scan.occurrence import Found, Occurrence, Spans, found_at
from glossary.scan.skipping import FirstCharacters, JudgedStretches, word_rest
from glossary.text.folding import Folder, fold_table
from glossary.text.layout import WORD_CHARS, Skeleton

THREE = itemgetter(0, 1, 2)
"""A term's row, split, as a tuple of its three fields (id, headword, English), made in C."""
SMALL_TRIE = 20_000
"""Names up to which a scanner keeps `Scanner._heads`."""
SURROGATES = re.compile("[\ud800-\udfff]")
"""Lone surrogates, which no name holds and the trie (UTF-8 inside) cannot be asked about."""


# -- the scanner ------------------------------------------------------------------------------


class Scanner:
    """Finds the terms of a term base in text, from tables made by `build_tables`."""

    def __init__(self, tables: ScanTables, matcher: bool = True) -> None:
        """`matcher`: whether a scan that keeps every occurrence may take them from the
        automaton (`glossary.scan.matching`); without it, every scan walks the trie at each
        position, as one with `glossaries_only` does (the reference the automaton is tested
        against)."""
        import marisa_trie

        self.translation = fold_table(tables.traditional)
        self._fold = Folder(self.translation)
        self.trie = marisa_trie.Trie().frombytes(tables.trie)
        self.numbers = array("q", tables.numbers)
        """The term number of each key id of the trie (and pattern id of the automaton)."""
        self.asks = tables.asks
        """Per key id, 1 where the name's boundaries need a look (`Boundaries.stand`)."""
        self.reaches: dict[str, int] = dict(
            zip(tables.firsts, array("q", tables.reaches), strict=True)
        )
        """The length of the longest name each character starts: how far a match looks."""
        self._rows, self._row_ends = tables.rows, array("q", tables.row_ends)
        self._row_starts = array("q", [0]) + self._row_ends[:-1]
        self._terms: dict[int, tuple[str, str, str]] = {}
        self.judged: str = tables.judged
        self._firsts = FirstCharacters(tables.firsts, self.reaches)
        self._heads: frozenset[str] | None = None
        """For a small term base, the first two characters of every name (the whole of a name
        of one): a position whose two characters are none of them starts no name, and a set
        answers that faster than the trie. (Beside CC-CEDICT nearly every position starts a
        name, and the set would cost more to make than it saves.)"""
        if len(self.trie) <= SMALL_TRIE:
            self._heads = frozenset(name[:2] for name in self.trie.iterkeys())
        self._boundaries = Boundaries(self.trie, self.numbers, self.asks, tables)
        self._matcher: Matcher | None = None
        if matcher:
            names = (self.trie, self.numbers, self.asks)
            self._matcher = Matcher(tables.automaton, names, self._boundaries, self._decide)
        self._judged_stretches = JudgedStretches(tables.judged_heads, tables.breaks)
        self._some_unjudged = "0" in self.judged
        self.margin = max(self.reaches.values(), default=0) + WINDOW + 2
        """Skeleton characters a decision at one position may look ahead: the longest name,
        jieba's window after it, and the boundary character; `scan_part` commits no
        occurrence that starts closer than this to the end of a text that goes on."""

    def scan(self, text: str, glossaries_only: bool = False) -> list[Occurrence]:
        """Every occurrence of every term in `text`, in order, without overlaps; with
        `glossaries_only`, those of terms whose id a glossary holds (`ScanTables.judged`), and
        a dictionary's words may be left out: they are matched as ever, and delimit the others,
        but beside CC-CEDICT they are 99% of the occurrences and `check` judges none of them.
        (This scanner leaves them all out; the editor server's `lsp.rescan.Known` keeps
        them.)"""
        with _collector_paused():
            return self._scan_part(text, 0, True, glossaries_only)[0].made()

    def scan_part(
        self, text: str, begin: int, final: bool, shift: tuple[int, int] = (0, 0)
    ) -> tuple[list[Occurrence], int]:
        """The occurrences that a scan of the whole text would find from `text[begin:]` on,
        `text[:begin]` being context already scanned; unless `final`, only those it can be sure
        of, and the offset where the next part's scan must begin (`glossary.scan.stream`).
        `shift` is added to the occurrences' offsets and lines: where `text` starts in the
        whole, and the lines before it."""
        found, resume = self.scan_columns(text, begin, final, shift)
        with _collector_paused():
            return found.made(), resume

    def scan_columns(
        self, text: str, begin: int, final: bool, shift: tuple[int, int] = (0, 0)
    ) -> tuple[Found, int]:
        """`scan_part`, its occurrences as columns."""
        with _collector_paused():
            return self._scan_part(text, begin, final, shift=shift)

    def _scan_part(
        self,
        text: str,
        begin_at: int,
        final: bool,
        glossaries_only: bool = False,
        shift: tuple[int, int] = (0, 0),
    ) -> tuple[Found, int]:
        folded = self._fold(text)
        skeleton = Skeleton.of(folded)
        skel = skeleton.text
        if SURROGATES.search(skel):
            skel = SURROGATES.sub("\0", skel)  # one for one: the offsets stay
        origin = skeleton.offsets()
        limit = len(skel) if final else max(0, len(skel) - self.margin)
        position, size = bisect.bisect_left(origin, begin_at), len(skel)
        # where the next part begins: after the last skeleton character decided here (the
        # ignorable characters after it go to the next part, whose names may take a quote)
        resume = (
            len(text) if limit >= size else max(begin_at, origin[limit - 1] + 1 if limit else 0)
        )
        spans: Spans | None = None
        if glossaries_only and self._some_unjudged:
            stretches = self._judged_stretches(skel, position, limit)
            spans = self._decide(skel, origin, folded, stretches, True)[:3]
        elif self._matcher is not None:
            spans = self._matcher.spans(skel, origin, folded, position, limit)
        if spans is None:  # no automaton, or one daachorse refused
            spans = self._decide(skel, origin, folded, [(position, limit)], False)[:3]
        skeleton_at = (origin, skeleton.starts)
        found = found_at(text, skeleton_at, spans, self._terms_of, shift, begin_at)
        return found, max(resume, found.stops[-1] - shift[0] if found.stops else 0)

    def _decide(
        self,
        skel: str,
        origin: list[int],
        folded: str,
        stretches: list[tuple[int, int]],
        glossaries_only: bool,
    ) -> tuple[list[int], list[int], list[int], int]:
        """The names that start in these stretches of the skeleton, each walked from its
        start, where the scan decides, to its end: their starts, ends and term numbers, and
        where the walk of the last stretch stopped (its end, or past it: the end of a name or
        of a word of letters across it)."""
        reaches = self.reaches
        names_at, heads = self.trie.iter_prefixes_with_ids, self._heads
        term_numbers, asks, stand = self.numbers, self.asks, self._boundaries.stand
        judged = self.judged
        starts: list[int] = []
        ends: list[int] = []
        numbers: list[int] = []
        position = 0
        for position, limit in stretches:
            while position < limit:
                char = skel[position]
                if char not in reaches:  # a name may start at the next character, or further
                    position += 1
                    if position < limit and skel[position] not in reaches:
                        position = self._firsts.next(skel, position + 1, limit)
                    continue
                if (
                    char in WORD_CHARS
                    and position
                    and skel[position - 1] in WORD_CHARS
                    and origin[position - 1] + 1 == origin[position]
                ):  # inside a word: no name that starts with a letter or digit starts here
                    position = word_rest(skel, position, origin)
                    continue
                start = position
                if heads is not None and skel[start : start + 2] not in heads and char not in heads:
                    position = start + 1
                    continue
                name, key = "", 0
                window = skel[start : start + reaches[char]]
                for name, key in names_at(window):  # noqa: B007 (shortest first: keep the last)
                    pass
                if not name:
                    position = start + 1
                    continue
                end = start + len(name)
                number = term_numbers[key]
                if asks[key] and not stand(skel, start, end, number, origin, folded):
                    shorter = self._boundaries.shorter(skel, start, end, origin, folded)
                    if shorter is None:
                        position = start + 1
                        continue
                    end, number = shorter
                position = end
                if glossaries_only and judged[number] == "0":
                    continue
                starts.append(start)
                ends.append(end)
                numbers.append(number)
        return starts, ends, numbers, position

    def _terms_of(self, numbers: list[int]) -> list[tuple[str, str, str]]:
        """The id, headword and English name of each of these terms, in order; the rows of
        those not yet cached decoded in C, all at once."""
        cached = self._terms
        missing = list(set(numbers).difference(cached))
        if missing:
            rows, row_ends = self._rows, self._row_ends
            begins = map(self._row_starts.__getitem__, missing)
            spans = map(slice, begins, map(row_ends.__getitem__, missing))
            texts = map(bytes.decode, map(rows.__getitem__, spans))
            fields = map(THREE, map(str.split, texts, repeat(FIELD)))
            cached.update(zip(missing, fields, strict=True))
        return list(map(cached.__getitem__, numbers))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: a scan makes 100,000s of tuples and no cycles, and the
    collector would otherwise walk the scanner's large tables again and again (half the time of
    a scan with CC-CEDICT)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
