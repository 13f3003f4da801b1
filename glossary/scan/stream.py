"""Scanning a text that comes in pieces (a 100 MB document read a megabyte at a time) with the
same occurrences, offsets and line numbers as a scan of the whole text, in memory bounded by
the size of a piece.

Each round scans the text not yet decided plus `CONTEXT` characters before it (what a decision
looks back at: the character before a name, jieba's window, a quote to balance); the scanner
commits only the occurrences it can be sure of (`Scanner.scan_part`: none closer to the end than
the longest name plus jieba's window), and says where the next round begins. What is decided is
handed on as a `Part`: its text and its occurrences, offsets and lines global.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from glossary.scan.boundaries import WINDOW
from glossary.scan.occurrence import Found, Occurrence
from glossary.scan.scanner import Scanner
from glossary.text.layout import IGNORABLE

CONTEXT = 64
"""Characters kept before the next round's beginning, for the decisions that look back: more
where whitespace or quotes make up most of them, until `WINDOW` + 2 others are kept (jieba's
window and the boundary character), up to `MAX_CONTEXT`."""
MAX_CONTEXT = 65_536
AHEAD = 4096
"""Characters a round wants beyond the scanner's margin before it is worth scanning."""


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of the text, `start` its offset in the whole, and the occurrences in it."""

    text: str
    start: int
    found: Found

    @property
    def occurrences(self) -> list[Occurrence]:
        return self.found.made()


def scan_pieces(scanner: Scanner, pieces: Iterable[str]) -> Iterator[Part]:
    """The text of `pieces`, joined, as consecutive parts with their occurrences: the same
    occurrences as `scanner.scan("".join(pieces))`."""
    buffer, buffer_start, lines_before, begin = "", 0, 0, 0
    for piece, final in _with_last(pieces):
        buffer += piece
        if not final and len(buffer) - begin < scanner.margin + AHEAD:
            continue
        found, resume = scanner.scan_columns(buffer, begin, final, (buffer_start, lines_before))
        if len(found) or resume > begin:
            yield Part(buffer[begin:resume], buffer_start + begin, found)
        keep_from = _context_start(buffer, resume)
        lines_before += buffer.count("\n", 0, keep_from)
        buffer, buffer_start, begin = (
            buffer[keep_from:],
            buffer_start + keep_from,
            resume - keep_from,
        )


def _context_start(buffer: str, resume: int) -> int:
    start = max(0, resume - CONTEXT)
    while (
        start > 0
        and resume - start < MAX_CONTEXT
        and len(IGNORABLE.sub("", buffer[start:resume])) < WINDOW + 2
    ):
        start = max(0, start - CONTEXT)
    return start


def _with_last(pieces: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each piece, and whether it is the last (an empty text is one empty last piece)."""
    previous: str | None = None
    for piece in pieces:
        if previous is not None:
            yield previous, False
        previous = piece
    yield previous or "", True
