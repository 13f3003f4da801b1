"""The occurrences of terms in an open document, kept across edits without rewriting them all:
a sequence of pieces, each a run of the scanner's occurrences with the distance (in characters
and in lines) the edits since its scan have moved it. An edit near the top of a 100 KB page
then moves 20,000 occurrences by changing two numbers, and a hover finds the occurrence under
the cursor by two binary searches."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from glossary.scan.occurrence import Occurrence

MAX_PIECES = 16
"""Pieces an edit may leave before they are joined into one (moving each occurrence once)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """Occurrences as scanned (`starts`: their starts), moved by `shift` characters and
    `lines` lines."""

    occurrences: list[Occurrence]
    starts: list[int]
    shift: int = 0
    lines: int = 0

    @classmethod
    def of(cls, occurrences: list[Occurrence]) -> Piece:
        return cls(occurrences, [occurrence.start for occurrence in occurrences])

    def moved(self, shift: int, lines: int) -> Piece:
        return Piece(self.occurrences, self.starts, self.shift + shift, self.lines + lines)

    def cut(self, low: int, high: int) -> Piece:
        """The occurrences numbered low to high (excluded)."""
        return Piece(self.occurrences[low:high], self.starts[low:high], self.shift, self.lines)

    def at(self, index: int) -> Occurrence:
        found = self.occurrences[index]
        if not self.shift and not self.lines:
            return found
        start, end, surface, term_id, headword, english, line = found
        moved = (start + self.shift, end + self.shift, surface, term_id, headword, english)
        return Occurrence(*moved, line + self.lines)

    def listed(self) -> list[Occurrence]:
        """The occurrences, moved."""
        if not self.shift and not self.lines:
            return list(self.occurrences)
        shift, lines, new = self.shift, self.lines, tuple.__new__
        return [
            new(Occurrence, (start + shift, end + shift, surface, term, head, en, line + lines))
            for start, end, surface, term, head, en, line in self.occurrences
        ]


@dataclass(frozen=True, slots=True)
class Occurrences:
    """Every occurrence of a term in a document, in order, without overlaps."""

    pieces: tuple[Piece, ...] = ()
    firsts: list[int] = field(default_factory=list)  # where each piece starts, moved

    @classmethod
    def of(cls, pieces: tuple[Piece, ...] | list[Piece]) -> Occurrences:
        kept = tuple(piece for piece in pieces if piece.starts)
        if len(kept) > MAX_PIECES:
            kept = (Piece.of([occurrence for piece in kept for occurrence in piece.listed()]),)
        return cls(kept, [piece.starts[0] + piece.shift for piece in kept])

    @classmethod
    def scanned(cls, occurrences: list[Occurrence]) -> Occurrences:
        return cls.of([Piece.of(occurrences)])

    def __len__(self) -> int:
        return sum(len(piece.starts) for piece in self.pieces)

    def listed(self) -> list[Occurrence]:
        """Every occurrence, in order."""
        if len(self.pieces) == 1:
            return self.pieces[0].listed()
        return [occurrence for piece in self.pieces for occurrence in piece.listed()]

    def _last_from(self, offset: int) -> tuple[int, int] | None:
        """The piece and index of the last occurrence that starts at or before `offset`."""
        number = bisect.bisect_right(self.firsts, offset) - 1
        if number < 0:
            return None
        piece = self.pieces[number]
        return number, bisect.bisect_right(piece.starts, offset - piece.shift) - 1

    def at(self, offset: int) -> Occurrence | None:
        """The occurrence whose span holds `offset`, or ends right at it (a cursor just after
        the last character of a term still shows it)."""
        last = self._last_from(offset)
        if last is None:
            return None
        found = self.pieces[last[0]].at(last[1])
        return found if found.start <= offset <= found.end else None

    def spanning(self, offset: int) -> Occurrence | None:
        """The occurrence that starts before `offset` and ends after it."""
        found = self.at(offset)
        return found if found is not None and found.start < offset < found.end else None

    def before(self, offset: int) -> list[Piece]:
        """The pieces of the occurrences that start before `offset`."""
        number = bisect.bisect_left(self.firsts, offset)
        pieces = list(self.pieces[:number])
        if pieces:
            last = pieces[-1]
            pieces[-1] = last.cut(0, bisect.bisect_left(last.starts, offset - last.shift))
        return pieces

    def after(self, offset: int, shift: int, lines: int) -> list[Piece]:
        """The pieces of the occurrences that start at or after `offset`, moved."""
        number = max(0, bisect.bisect_right(self.firsts, offset) - 1)
        pieces = list(self.pieces[number:])
        if pieces:
            first = pieces[0]
            low = bisect.bisect_left(first.starts, offset - first.shift)
            pieces[0] = first.cut(low, len(first.starts))
        return [piece.moved(shift, lines) for piece in pieces]
