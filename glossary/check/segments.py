"""Texts as the checker sees them: segments, each with the place in a file it came from, and
the occurrences of terms in each (one scan over all of them)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import NamedTuple

from glossary.scan.occurrence import Occurrence
from glossary.scan.scanner import Scanner

JOINER = "\0"
"""Put between segments for one scan: the skeleton keeps it and no name contains it, so no
match runs from one segment into the next."""


class Segment:
    """One segment's text, and where it is: the file, the line and column its first character
    is on, and `base`, added to offsets into the segment to give the offsets findings report
    (the segment's start for a segment of a whole file, 0 for a unit of XLIFF, PO, TMX, TSV);
    `suppressed`: the lines of the file whose findings are silenced (glossary-ignore).

    A slotted class rather than a dataclass: a megabyte of text aligned by line makes
    thousands of them, and it costs less to define and to make. Treat it as immutable."""

    __slots__ = ("_newlines", "base", "column", "file", "line", "suppressed", "text")

    def __init__(
        self,
        text: str,
        file: str,
        line: int = 1,
        column: int = 1,
        base: int = 0,
        suppressed: frozenset[int] = frozenset(),
    ) -> None:
        self.text, self.file, self.line, self.column = text, file, line, column
        self.base, self.suppressed = base, suppressed
        self._newlines: list[int] | None = None

    def __repr__(self) -> str:
        return f"Segment({self.text!r}, {self.file!r}, line={self.line}, column={self.column})"

    def locate(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column (in code points) of an offset into the segment."""
        if "\n" not in self.text:
            return self.line, self.column + offset
        if self._newlines is None:
            self._newlines = _newlines_in(self.text)
        before = bisect.bisect_left(self._newlines, offset)
        if before == 0:
            return self.line, self.column + offset
        return self.line + before, offset - self._newlines[before - 1]

    def silenced(self, offset: int) -> bool:
        """Whether findings at this offset are silenced by a glossary-ignore comment."""
        return bool(self.suppressed) and self.locate(offset)[0] in self.suppressed


def _newlines_in(text: str) -> list[int]:
    """The offsets of the line feeds in `text` (str.find: C speed on a long text)."""
    found: list[int] = []
    at = text.find("\n")
    while at >= 0:
        found.append(at)
        at = text.find("\n", at + 1)
    return found


class Aligned(NamedTuple):
    """A source and its translation as aligned segments (source[i] is translated by
    target[i]); `fixable` when the target is a plain file whose offsets are the file's."""

    source: list[Segment]
    target: list[Segment]
    fixable: bool = False


def scan_segments(
    scanner: Scanner,
    segments: Sequence[Segment],
    keep: Callable[[set[str]], set[str]] | None = None,
) -> list[list[Occurrence]]:
    """The occurrences of terms in each segment, offsets relative to the segment; with `keep`
    (term ids -> the ids wanted), only the occurrences of the terms it keeps (a dictionary
    beside a glossary has 100,000s of occurrences per megabyte that no rule judges: the scan
    then returns only those of terms a glossary holds, which `keep` narrows)."""
    joined = JOINER.join(segment.text for segment in segments)
    found = scanner.scan(joined, glossaries_only=keep is not None)
    if keep is not None:
        wanted = keep({occurrence.term_id for occurrence in found})
        found = [occurrence for occurrence in found if occurrence.term_id in wanted]
    if len(segments) == 1:
        return [found]
    starts: list[int] = []
    position = 0
    for segment in segments:
        starts.append(position)
        position += len(segment.text) + len(JOINER)
    split: list[list[Occurrence]] = [[] for _ in segments]
    for occurrence in found:
        number = bisect.bisect_right(starts, occurrence.start) - 1
        shift = starts[number]
        split[number].append(
            occurrence._replace(start=occurrence.start - shift, end=occurrence.end - shift)
        )
    return split


def lines_of(text: str, file: str, suppressed: frozenset[int] = frozenset()) -> list[Segment]:
    """A whole file's lines as segments (offsets stay offsets into the file)."""
    segments: list[Segment] = []
    base = 0
    for number, line in enumerate(text.split("\n"), 1):
        segments.append(Segment(line, file, number, 1, base, suppressed))
        base += len(line) + 1
    return segments
