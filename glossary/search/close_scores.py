"""The scores of the names a miss keeps (`close_names`), given out best first, in two rounds.

A short miss keeps thousands of long glosses, and partial_ratio reaches the suggestion cut-off
on most of them (any stretch holding two of five letters does): turning each result into a
Python tuple, keeping the best per position and sorting them all cost as much as scoring them
in C. So the first round takes only the FIRST_ROUND best partial_ratio results (rapidfuzz sorts
them in C), and gives out, best first, every name scoring more than the last of them: a name not
among them scores at most that on partial_ratio, and ratio and token_set_ratio, which reach the
cut-off on few names, are computed in full, so every name above that bound has its exact score.
A caller that wants more (it checks each name for being close) gets the rest from a second round
that scores every kept name, the names at or under the bound, in the same order. The order is
what scoring every name gives: score, then position.

Which names each scorer runs on (`close_names` explains the bounds): ratio where the common
subsequence lets it reach the cut-off, partial_ratio on the names longer than the query (of five
characters or more), token_set_ratio on the names it can lift to the cut-off.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat

from glossary.search.fuzzy import SLACK, coverage

FIRST_ROUND = 500  # partial_ratio results of the first round (7 of 90 misses wanted over 200)


@dataclass(frozen=True, slots=True)
class Kept:
    """The names a miss scores, with their positions and their `token_length`s (parallel
    lists)."""

    positions: list[int]
    names: list[str]
    token_lengths: list[int]

    @classmethod
    def empty(cls) -> Kept:
        return cls([], [], [])

    def add(
        self,
        found: Sequence[tuple[str, float, int]],
        positions: Sequence[int],
        token_lengths: Sequence[int],
        at: Sequence[int] | None = None,
    ) -> None:
        """Keep rapidfuzz's (name, common subsequence, index) results: the name at index i of
        the names scored has position `positions[at[i]]` (`positions[i]` without `at`)."""
        if not found:
            return
        names, _, indexes = zip(*found, strict=True)
        where = list(map(at.__getitem__, indexes)) if at is not None else indexes
        self.names.extend(names)
        self.positions.extend(map(positions.__getitem__, where))
        self.token_lengths.extend(map(token_lengths.__getitem__, where))


def scored_in_order(query: str, kept: Kept, cutoff: float) -> Iterator[tuple[int, float, str]]:
    """(position, score, name) of the kept names scoring `cutoff` or more, best first, ties in
    position order; the second round only when the caller asks for more than the first gives."""
    above = math.inf  # the names scoring more than this were given out
    for limit in (FIRST_ROUND, None):
        best, named, bound = _scores(query, kept, cutoff, limit)
        ordered = sorted(
            (-value, p) for p, value in best.items() if bound < value <= above and value >= cutoff
        )
        for negative, position in ordered:
            yield position, -negative, named[position]
        if bound == -math.inf:
            return
        above = bound


Scores = tuple[dict[int, float], dict[int, str], float]


def _scores(query: str, kept: Kept, cutoff: float, limit: int | None) -> Scores:
    """Each kept name's `fuzzy.score` where it reaches `cutoff` and is known exactly, by
    position, with the names, and the bound above which every name's score is known (-inf
    when all are): partial_ratio taken for its best `limit` results only."""
    from rapidfuzz import fuzz

    best: dict[int, float] = {}
    named: dict[int, str] = {}
    _best_of(best, named, fuzz.ratio, query, kept, _short(query, kept, cutoff), cutoff, 1.0)
    bound = -math.inf
    if len(query) >= 5:
        # on every kept name, the few no longer than the query (fuzzy.score leaves them out)
        # then passed over: a name left out of the best `limit` still scores at most the last
        last = _best_of(
            best, named, fuzz.partial_ratio, query, kept, None, cutoff, 0.95, limit, len(query)
        )
        if last is not None:
            bound = last
    worded = _worded(query, kept, cutoff)
    _best_of(best, named, fuzz.token_set_ratio, query, kept, worded, cutoff, 0.95, covered=True)
    return best, named, bound


def _short(query: str, kept: Kept, cutoff: float) -> list[int]:
    """The indexes of the kept names short enough for ratio to reach `cutoff`: at most
    200 m / (m + n) for lengths m and n, so n <= m (200 - c) / c (a long gloss is left out in
    C, rather than asked of rapidfuzz one by one)."""
    floor = cutoff * SLACK
    longest = len(query) * (200 - floor) / floor + 1e-9 if floor > 0 else math.inf
    return _where(map(operator.ge, repeat(longest), map(len, kept.names)))


def _worded(query: str, kept: Kept, cutoff: float) -> list[int]:
    """The indexes of the kept names token_set_ratio is computed for and can lift to `cutoff`
    (`fuzzy.score` computes it when either has a space): those whose token length is in the
    window of `_token_window`, or that share a word with the query. The names that cannot
    (no space, no word of a one-word query in them, a token length out of the window) are
    left out in C; `_sharing` is asked only about the others."""
    names, token_lengths = kept.names, kept.token_lengths
    low, high = _token_window(query, cutoff)
    spaced = " " in query
    words = query.split()
    # token lengths are whole numbers: one range test (in C) rather than two comparisons
    window = range(math.ceil(low), math.floor(high) + 1)
    in_window = list(map(window.__contains__, token_lengths))
    maybe = (
        map(operator.or_, in_window, map(operator.contains, names, repeat(words[0])))
        if len(words) == 1
        else repeat(True, len(names))
    )
    if not spaced:
        maybe = map(operator.and_, maybe, map(operator.contains, names, repeat(" ")))
    shares = _sharing(query)
    return [i for i in _where(maybe) if in_window[i] or shares(names[i])]


def _where(flags: Iterable[bool]) -> list[int]:
    """The indexes of the true flags (in C)."""
    return list(compress(count(), flags))


def _sharing(query: str) -> Callable[[str], bool]:
    """Whether a name shares a whitespace-separated word with the query."""
    words = query.split()
    if len(words) == 1:
        word = words[0]
        return lambda name: word in name and word in name.split()
    wanted = set(words)
    return lambda name: not wanted.isdisjoint(name.split())


def _token_window(query: str, cutoff: float) -> tuple[float, float]:
    """The token lengths t of names sharing no word with the query for which 0.95 x 200 x
    min(tq, t) / (tq + t) can reach `cutoff` (tq the query's token length)."""
    from glossary.index.store import token_length

    tq = token_length(query)
    reach = cutoff * SLACK / 0.95
    if reach >= 100:
        return tq, tq
    return reach * tq / (200 - reach) - 1e-9, (200 - reach) * tq / reach + 1e-9


def _best_of(
    best: dict[int, float],
    named: dict[int, str],
    scorer: Callable[..., float],
    query: str,
    kept: Kept,
    indexes: Sequence[int] | None,
    cutoff: float,
    weight: float,
    limit: int | None = None,
    longer_than: int = -1,
    covered: bool = False,
) -> float | None:
    """Keep each position's best of weight x scorer (x `coverage` when `covered`), computed as
    `fuzzy.score` computes it, for the kept names at these indexes (all when None) longer
    than `longer_than` where the scorer can lift it to `cutoff`; only the best `limit`
    results, and then the weighted score of the last (no name left out scores more), or None
    when none was left out."""
    from rapidfuzz import process

    names = kept.names if indexes is None else list(map(kept.names.__getitem__, indexes))
    floor = cutoff / weight * SLACK
    found = process.extract(query, names, scorer=scorer, score_cutoff=floor, limit=limit)
    for name, value, i in found:
        if len(name) <= longer_than:
            continue
        scored = float(weight * value) if weight != 1.0 else float(value)
        if covered:
            scored *= coverage(query, name)
        position = kept.positions[i if indexes is None else indexes[i]]
        if scored > best.get(position, -1.0):
            best[position] = scored
            named[position] = name
    if limit is None or len(found) < limit:
        return None
    return float(weight * found[-1][1])
