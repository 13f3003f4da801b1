"""An occurrence of a term in a text, as the scanner (`glossary.scan.scanner`) finds it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain, compress, count, repeat
from operator import add, itemgetter, lt, sub
from typing import Any, NamedTuple

from glossary.text.layout import HAS_QUOTE, balance_quotes


class Occurrence(NamedTuple):
    """One occurrence of a term: `text[start:end] == surface`, offsets in code points. (A named
    tuple: a page of Chinese with a dictionary beside the glossary has 100,000 of them.)"""

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


TERM_ID = itemgetter(3)
"""An occurrence's term id, read in C (over 100,000 occurrences a lambda, an attribute or a
generator expression would run Python code for each)."""


Spans = tuple[Sequence[int], Sequence[int], list[int]]
"""The starts and ends in a text's skeleton of the names a scan found there, and their term
numbers, in order (what `found_at` makes occurrences of)."""
TermsOf = Callable[[list[int]], list[tuple[str, str, str]]]
"""The id, headword and English name of each of these term numbers (`Scanner._terms_of`)."""


@dataclass(slots=True)
class Found:
    """The occurrences a scan found, kept as columns: where each begins and stops in the text,
    its surface, line and term number (`terms_of` gives the terms); `made` gives them as
    `Occurrence` tuples. A renderer that needs only some columns takes them as they are:
    beside CC-CEDICT a megabyte has 170,000 occurrences, and every pass over them counts."""

    begins: list[int]
    stops: list[int]
    surfaces: list[str]
    lines: list[int]
    numbers: list[int]
    terms_of: TermsOf
    _made: list[Occurrence] | None = None

    def __len__(self) -> int:
        return len(self.begins)

    def made(self) -> list[Occurrence]:
        """The occurrences as tuples, made once (column by column, in C)."""
        if self._made is None:
            rows = self.terms_of(self.numbers)
            ids, headwords, english = zip(*rows, strict=True) if rows else ((), (), ())
            columns = (self.begins, self.stops, self.surfaces, ids, headwords, english, self.lines)
            self._made = list(map(tuple.__new__, repeat(Occurrence), zip(*columns, strict=True)))
        return self._made


def found_at(
    text: str,
    skeleton: tuple[Sequence[int], Sequence[int]],
    spans: Spans,
    terms_of: TermsOf,
    shift: tuple[int, int] = (0, 0),
    scanned: int = 0,
) -> Found:
    """The occurrences of the names found at these spans of a text's skeleton: `spans` holds
    their starts and ends in the skeleton and their term numbers, `skeleton` where each of its
    characters is in `text` and where each of its stretches starts (`Skeleton.starts`). `shift`
    is added to the offsets and lines: where `text` starts in a whole, and the lines before it.
    A quote is taken in by one surface at most, and none before `scanned` (`text[:scanned]` is
    context, whose surfaces took theirs in: `Scanner.scan_part`). Each column is made in one
    pass in C (Python code for each occurrence was most of a scan's time beside CC-CEDICT)."""
    starts, ends, numbers = spans
    origin, stretches = skeleton
    begins = list(map(origin.__getitem__, starts))
    stops = list(map(add, begins, map(sub, ends, starts)))  # where no stretch starts inside
    holders = list(map(sub, map(bisect_right, repeat(starts), stretches), repeat(1)))
    for k in compress(holders, map(lt, stretches, map(ends.__getitem__, holders)) if ends else ()):
        if k >= 0:  # a span across the start of a stretch: the text between was left out
            stops[k] = origin[ends[k] - 1] + 1
    quotes = list(map(re.Match.start, HAS_QUOTE.finditer(text)))
    if quotes and begins:  # a span with a quote inside takes in its partner
        holders = list(map(sub, map(bisect_right, repeat(begins), quotes), repeat(1)))
        inside = map(lt, quotes, map(stops.__getitem__, holders))  # (no span begins at one)
        balanced = -1
        for k in compress(holders, inside):
            if k > balanced:  # (k is -1 for a quote before every span: no holder)
                begin, stops[k] = balance_quotes(text, begins[k], stops[k])
                if begin >= (stops[k - 1] if k else scanned):  # a straight quote (") may be
                    begins[k] = begin  # the partner the surface before took in: it keeps it
                balanced = k
    surfaces = list(map(text.__getitem__, map(slice, begins, stops)))
    offset, lines_before = shift
    lines = _lines(text, begins, lines_before + 1)
    if offset:
        begins = list(map(add, begins, repeat(offset)))
        stops = list(map(add, stops, repeat(offset)))
    return Found(begins, stops, surfaces, lines, numbers, terms_of)


def _lines(text: str, begins: list[int], first: int) -> list[int]:
    """The line (counted from `first`) of each of these offsets, in order: how many of them
    come before each line break, found by bisection, then each line's number repeated."""
    breaks = list(map(re.Match.start, re.finditer("\n", text)))
    before = [bisect_left(begins, offset) for offset in breaks]
    before.append(len(begins))
    counts = map(sub, before, [0, *before[:-1]])
    return list(chain.from_iterable(map(repeat, count(first), counts)))
