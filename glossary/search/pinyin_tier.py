"""The pinyin tier of a search: reading entries matched with `pinyin_match`, read group by
group in the order of the best score each group can give (`pinyin_bounds`) and in rank order
within a group, stopping once nothing left can change the first `limit` results.

A result list is sorted by score, then rank (`glossary.index.frequency`). An entry whose bound
is under the `limit`-th result's score, or equal to it with a later rank, can neither enter the
list nor move a result in it; so neither can any later entry of its group (later ranks) or a
later group (lower bounds). Two things could still change the list afterwards, and the tier
only stops when neither can: the fuzzy tier, which runs when no result scores 90, and drops a
guess far below the best result (`labels.without_weak_tail`): no result of 75 or more can be
dropped, since the best is then under 90. What the fuzzy tier labels `pinyin` depends on whether
the term's reading matched; `confirm` answers that for the terms the tier did not read.
"""

from __future__ import annotations

import heapq
from bisect import insort
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from glossary.index.reading_rows import decode_units, rank_of
from glossary.index.reading_store import ReadingKeys, ReadingLookup
from glossary.index.store import Store
from glossary.search.pinyin_bounds import Bounds, Spellings
from glossary.search.pinyin_keys import query_keys
from glossary.search.pinyin_match import pinyin_match
from glossary.search.query import Query

NO_FUZZY = 90.0  # the fuzzy tier does not run once a result scores this
SAFE_FROM_GUESSES = 75.0  # no result scoring this can be dropped as a weak tail

Offer = Callable[[int, float, str, str], None]


@dataclass(frozen=True, slots=True)
class PinyinFound:
    terms: frozenset[int]  # the terms a reading entry of which matched
    stopped_early: bool  # some candidates were not read (see `confirm`)


class Leaders:
    """The first `limit` results so far, as the final list sorts them: (-score, rank, term),
    and the best score of any result (`settled`)."""

    def __init__(self, limit: int, min_score: float) -> None:
        self.limit, self.min_score = limit, min_score
        self.top: list[tuple[float, int, int]] = []
        self.members: dict[int, tuple[float, int, int]] = {}
        self.best_score = 0.0

    @classmethod
    def of(
        cls, store: Store, best: Mapping[int, tuple[float, str, str]], limit: int, min_score: float
    ) -> Leaders:
        """The leaders among the results found before the tier."""
        leaders = cls(limit, min_score)
        leaders.best_score = max((score for score, _, _ in best.values()), default=0.0)
        for number, rank in store.ranks(_contenders(best, limit)).items():
            leaders.offer(number, best[number][0], rank)
        return leaders

    def offer(self, number: int, score: float, rank: int) -> None:
        """A term's best score so far."""
        self.best_score = max(self.best_score, score)
        if score < self.min_score or self.limit < 1:
            return
        key = (-score, rank, number)
        old = self.members.get(number)
        if old is not None:
            if key < old:
                self.top.remove(old)
                insort(self.top, key)
                self.members[number] = key
            return
        if len(self.top) == self.limit:
            if key >= self.top[-1]:
                return
            del self.members[self.top.pop()[2]]
        insort(self.top, key)
        self.members[number] = key

    def settled(self, bound: float, rank: int) -> bool:
        """Whether an entry scoring at most `bound`, of this rank, can change nothing: it can
        neither enter nor move the list, and no later tier can drop a result of it."""
        if self.limit < 1 or len(self.top) < self.limit:
            return False
        last_score, last_rank = -self.top[-1][0], self.top[-1][1]
        if self.best_score < NO_FUZZY and last_score < SAFE_FROM_GUESSES:
            return False
        return bound < last_score or (bound == last_score and rank >= last_rank)


def pinyin_tier(
    store: Store,
    query: Query,
    best: Mapping[int, tuple[float, str, str]],
    offer: Offer,
    limit: int,
    min_score: float,
) -> PinyinFound:
    """Offer every reading entry's match that can change the first `limit` results."""
    keys = query_keys(query.plain, store.literals, store.letters, query.tones)
    if keys is None:
        return PinyinFound(frozenset(), False)
    spellings = _spellings(store)
    heads = {h for p in keys.heads for h in spellings.spellings if h.startswith(p)}
    heads.update(p for p in keys.heads if len(p) == 1)  # a character that stands as itself
    lookup = store.reading_lookup(
        ReadingKeys(keys.chains, keys.chain_prefixes, keys.pairs, tuple(sorted(heads)))
    )
    leaders = Leaders.of(store, best, limit, min_score)
    found: set[int] = set()
    read: set[int] = set()  # entries of both kinds of a group are read once
    skipped = False
    groups = store.reading_groups()
    bounds = Bounds(query.plain, spellings, max(groups, default=0) >> 1)
    for bound, group, single in _streams(groups, bounds, lookup):
        if leaders.settled(bound, -1):
            return PinyinFound(frozenset(found), True)  # later streams have lower bounds
        for entry, number, text in lookup.group(group, single):
            rank = rank_of(entry)
            if leaders.settled(bound, rank):
                skipped = True
                break  # the stream's later entries rank later: they cannot lead either
            if entry not in read:
                read.add(entry)
                units = decode_units(text)
                scored = pinyin_match(query, units)
                if scored:
                    found.add(number)
                    offer(number, scored[0], scored[1], "".join(unit[0] for unit in units))
                    leaders.offer(number, best[number][0], rank)
    return PinyinFound(frozenset(found), skipped)


def _streams(
    groups: list[int], bounds: Bounds, lookup: ReadingLookup
) -> list[tuple[float, int, bool]]:
    """(bound, group, single) of every group and kind of candidate that can match, the best
    bound first: the entries one unit of which takes the whole query (`single`) apart."""
    streams = []
    for group in groups:
        for single in (True, False):
            bound = bounds.score(group >> 1, bool(group & 1), single)
            if bound is not None and lookup.has(single):
                streams.append((-bound, group, single))
    return [(-negative, group, single) for negative, group, single in sorted(streams)]


def _contenders(best: Mapping[int, tuple[float, str, str]], limit: int) -> list[int]:
    """The terms that tie with or beat the `limit`-th best score (the others cannot lead)."""
    if len(best) <= limit:
        return list(best)
    cut = heapq.nlargest(limit, (score for score, _, _ in best.values()))[-1] if limit > 0 else 0
    return [number for number, (score, _, _) in best.items() if score >= cut]


def confirm(store: Store, query: Query, numbers: set[int]) -> set[int]:
    """Those of these terms a reading entry of which pinyin_match matches."""
    if not numbers:
        return set()
    return {
        number
        for number, text in store.term_readings(sorted(numbers))
        if pinyin_match(query, decode_units(text))
    }


_SPELLINGS: dict[str, Spellings] = {}


def _spellings(store: Store) -> Spellings:
    """The store's spellings, worked out once per index (by its content key)."""
    if store.key not in _SPELLINGS:
        _SPELLINGS.clear()
        _SPELLINGS[store.key] = Spellings.of(store.spellings())
    return _SPELLINGS[store.key]
