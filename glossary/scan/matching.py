"""The names of a text's skeleton found by a leftmost-longest automaton of them (daachorse's
character-wise double array, kept in the scanner's tables), for a scan that keeps every
occurrence: one call in compiled code finds every match, where the scanner's walk asks its trie
at each position from Python (0.03 s against 0.5 s a megabyte beside CC-CEDICT).

The automaton's matches are the walk's decisions wherever a name needs no look at its word
boundaries, or passes it. Where the longest name at a start fails it, the walk decides from
there, `STEP` characters at a time, until it stops where the automaton's matches go on: at the
end of one of them or between two (the automaton starts afresh at the end of each, and no name
starts between two); its spans replace the automaton's they overlap."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from itertools import repeat
from operator import add
from typing import Any

from glossary.scan.boundaries import Boundaries
from glossary.scan.occurrence import Spans

STEP = 32
"""Skeleton characters the walk decides at a time where it takes over from the automaton."""

Walk = Callable[
    [str, list[int], str, list[tuple[int, int]], bool], tuple[list[int], list[int], list[int], int]
]
"""`Scanner._decide`: the walk's spans over stretches of a skeleton, and where it stopped."""


class Matcher:
    """The automaton of a scanner's names, loaded when first asked, with what it needs of the
    scanner: the names (marisa trie, term numbers and boundary flags by key id), their boundary
    checks, and the walk."""

    def __init__(
        self, automaton: bytes, names: tuple[Any, Any, bytes], boundaries: Boundaries, walk: Walk
    ) -> None:
        self._bytes = automaton
        self._trie, self._numbers, self._asks = names
        self._boundaries, self._walk = boundaries, walk
        self._automaton: Any = None
        self._refused = False

    def spans(
        self, skel: str, origin: list[int], folded: str, position: int, limit: int
    ) -> Spans | None:
        """What the walk gives for skel[position:limit] (`origin` and `folded` as it takes
        them), found by the automaton; None where there is no automaton to use (`_loaded`)."""
        automaton = self._automaton or self._loaded()
        if automaton is None:
            return None
        matches = automaton.find(skel[position:] if position else skel)
        if not matches:
            return [], [], []
        starts, ends, keys = zip(*matches, strict=True)
        if position:
            starts = tuple(map(add, starts, repeat(position)))
            ends = tuple(map(add, ends, repeat(position)))
        taken = bisect.bisect_left(starts, limit)  # the matches that start before `limit`
        if taken < len(starts):
            starts, ends, keys = starts[:taken], ends[:taken], keys[:taken]
        numbers = list(map(self._numbers.__getitem__, keys))
        flagged = bytes(map(self._asks.__getitem__, keys))
        splices: list[tuple[int, int, tuple[list[int], list[int], list[int]]]] = []
        look = flagged.find(1)
        while look >= 0:
            start, end = starts[look], ends[look]
            if self._boundaries.stand(skel, start, end, numbers[look], origin, folded):
                look = flagged.find(1, look + 1)
                continue
            walked, after = self._walked(skel, origin, folded, start, (starts, ends), limit)
            splices.append((look, after, walked))
            look = flagged.find(1, after)
        if not splices:
            return starts, ends, numbers
        return _spliced((starts, ends, numbers), splices)

    def _loaded(self) -> Any:
        """The automaton, loaded on first use; None where there is none to use (`_load`)."""
        if self._refused or not self._bytes:
            return None
        self._automaton = _load(self._bytes, self._trie)
        self._refused = self._automaton is None
        return self._automaton

    def _walked(
        self,
        skel: str,
        origin: list[int],
        folded: str,
        start: int,
        matches: tuple[Sequence[int], Sequence[int]],
        limit: int,
    ) -> tuple[tuple[list[int], list[int], list[int]], int]:
        """The walk's decisions from `start`, `STEP` characters at a time, until it stops
        where the automaton's matches (their starts and ends) go on: at the end of one or
        between two; and the index of the first match from there."""
        starts, ends = matches
        walked_starts: list[int] = []
        walked_ends: list[int] = []
        numbers: list[int] = []
        walked = start
        while True:
            stretch = [(walked, min(walked + STEP, limit))]
            more_starts, more_ends, more_numbers, walked = self._walk(
                skel, origin, folded, stretch, False
            )
            walked_starts += more_starts
            walked_ends += more_ends
            numbers += more_numbers
            after = bisect.bisect_left(starts, walked)
            if walked >= limit or walked >= ends[after - 1]:
                return (walked_starts, walked_ends, numbers), after


def _load(data: bytes, trie: Any) -> Any:
    """The automaton of these bytes, or None where daachorse refuses them although they passed
    the tables' CRC, or they load but do not find the trie's last name as the match of itself,
    with its key id (both would be bytes of another daachorse's layout: the index's key does
    not hold daachorse's version)."""
    import daachorse

    try:
        automaton = daachorse.CharwiseDoubleArrayAhoCorasick.deserialize(data)
    except ValueError:
        return None
    if len(trie):
        key = len(trie) - 1
        name = trie.restore_key(key)
        if automaton.find(name) != [(0, len(name), key)]:
            return None
    return automaton


def _spliced(
    spans: Spans, splices: list[tuple[int, int, tuple[list[int], list[int], list[int]]]]
) -> tuple[list[int], list[int], list[int]]:
    """The automaton's spans (starts, ends, term numbers) with spans[first:after] replaced by
    the walk's for each splice, in order, made in one pass: replacing them in place moved the
    whole tail at each splice, quadratic time where most matches of a text fail their
    boundaries (4 MB took 82 s beside CC-CEDICT, the walk alone 6)."""
    columns: tuple[list[int], list[int], list[int]] = ([], [], [])
    kept = 0
    for first, after, walked in splices:
        for column, old, new in zip(columns, spans, walked, strict=True):
            column += old[kept:first]
            column += new
        kept = after
    for column, old in zip(columns, spans, strict=True):
        column += old[kept:]
    return columns
