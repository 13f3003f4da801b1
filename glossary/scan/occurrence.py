"""An occurrence of a term in a text, as the scanner (`glossary.scan.scanner`) finds it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, count, repeat
from operator import add, itemgetter, ne, sub
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


def occurrences(
    text: str,
    origin: Sequence[int],
    spans: tuple[list[int], list[int]],
    rows: Sequence[tuple[str, str, str]],
    shift: tuple[int, int] = (0, 0),
) -> list[Occurrence]:
    """The occurrences of names found at these spans of a text's skeleton: `spans` holds their
    starts and ends in the skeleton, `origin` where each skeleton character is in `text`, and
    `rows` each one's term (id, headword, English). `shift` is added to the offsets and lines:
    where `text` starts in a whole, and the lines before it.

    Made column by column, each in one pass in C: beside CC-CEDICT a page has thousands of
    occurrences and a megabyte 170,000, and Python code for each was most of a scan's time."""
    starts, ends = spans
    begins = list(map(origin.__getitem__, starts))
    stops = list(map(add, map(origin.__getitem__, map(sub, ends, repeat(1))), repeat(1)))
    if HAS_QUOTE.search(text) is not None:
        # a span the skeleton shortened may hold a quote, whose partner it takes in
        for k in compress(count(), map(ne, map(sub, stops, begins), map(sub, ends, starts))):
            if HAS_QUOTE.search(text, begins[k], stops[k]):
                begins[k], stops[k] = balance_quotes(text, begins[k], stops[k])
    newlines = [match.start() for match in re.finditer("\n", text)]
    offset, lines_before = shift
    lines = map(add, map(bisect_left, repeat(newlines), begins), repeat(lines_before + 1))
    surfaces = map(text.__getitem__, map(slice, begins, stops))
    ids, headwords, english = zip(*rows, strict=True) if rows else ((), (), ())
    if offset:
        begins = list(map(add, begins, repeat(offset)))
        stops = list(map(add, stops, repeat(offset)))
    columns = zip(begins, stops, surfaces, ids, headwords, english, lines, strict=True)
    return list(map(tuple.__new__, repeat(Occurrence), columns))
