"""The names a miss in Latin letters may suggest (`suggested_names`): those holding words spelt
like the query's, found from the bigrams of the index's words (`index.spelling_grams`).

Until issue 11 a miss scored every name holding enough of its characters (`close_names`, which
a query with other characters still uses): beside CC-CEDICT, thousands of long glosses for a
short miss, 7-60 ms for a string of random letters and 50-280 ms for a garbled English name.
A spelling corrector looks at words instead (Lucene's DirectSpellChecker offers the words of
the index near the query's); here, for each word of the query (`fuzzy_words.query_words`, as
the fuzzy tier takes them; the QUERY_WORDS longest, ties in alphabetical order):

- the words of the index sharing MIN_SHARED or more of its bigrams, with a space before and
  after (`spelling_grams.bigrams`), and of them the WORDS most alike, by the Dice coefficient
  of their bigrams, 2 x shared / (its distinct bigrams + their length + 1): the shared and the
  query word's bigrams are counted once each, an index word's with repeats (`banana` has 7),
  so that among the words sharing as many, the shortest are the most alike; ties shortest
  first, then alphabetically. A
  word garbled beyond its trigrams still shares bigrams (`prgrhm` and `program`: ` p`, `pr`,
  `gr`, `m `), and a word run into the next shares some with both (`redingxroom`);
- the NAMES names holding those words that share the most bigrams through them (the shared
  bigrams of each of their words, summed), ties in position order, of the names of the rarest
  of the words (POSTINGS in all: a word in thousands of names says little);
- those names scored as every fuzzy match is (`fuzzy.score`), given out best first, ties in
  position order, each only when `is_close` accepts it.

What this gives up: a name is suggested only through a word alike, not through letters spread
over several of its words, and only the NAMES best. Of 400 garbled English names of CC-CEDICT
entries that find nothing (`benchmarks/suggestions.py`), the scan of every name suggested the
entry for 240, this for 229 (57.3%), in a few milliseconds rather than 55 ms at the median.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING

from glossary.index.spelling_grams import bigrams
from glossary.search.fuzzy_words import query_words

if TYPE_CHECKING:
    from glossary.index.store import Store

MIN_SHARED = 2  # bigrams a word alike shares with the query's word at least
WORDS = 30  # words alike taken for each word of the query
NAMES = 200  # names scored
POSTINGS = 10_000  # names of the words alike weighted at most (those of the rarest words)
QUERY_WORDS = 8  # the longest words of the query looked at (a miss may be a sentence)


def suggested_names(
    store: Store, query: str, cutoff: float, is_close: Callable[[str, str], bool]
) -> Iterator[tuple[int, float, str]]:
    """(position, score, name) of the names holding words like the query's that score `cutoff`
    or more and that `is_close` accepts, best first, ties in position order."""
    from glossary.search.fuzzy import scores_of

    picked = store.names_at(candidate_positions(store, query))
    names = [name for _, _, name in picked]
    best, named = scores_of(query, names, [position for position, _, _ in picked], cutoff)
    for position in sorted(best, key=lambda at: (-best[at], at)):
        if is_close(query, named[position]):
            yield position, best[position], named[position]


def candidate_positions(store: Store, query: str) -> list[int]:
    """The positions of the NAMES names scored for the query, in position order."""
    long = query_words(query)
    shared: dict[str, int] = {}
    for word in sorted(long, key=lambda word: (-len(word), word))[:QUERY_WORDS]:
        for alike, count in like_words(store, word):
            shared[alike] = max(shared.get(alike, 0), count)
    by_count: dict[int, list[str]] = {}
    for alike in _rarest(store, shared):
        by_count.setdefault(shared[alike], []).append(alike)
    weights: Counter[int] = Counter()
    for count, alike_words in by_count.items():
        positions = store.fuzzy_word_positions(alike_words)  # a name twice for two words
        for _ in range(count):
            weights.update(positions)  # in C, where weighting each position took longer
    return _heaviest(weights, NAMES)


def like_words(store: Store, word: str) -> list[tuple[str, int]]:
    """The WORDS words of the index most like `word` (see the module docstring), with the
    bigrams each shares with it, most alike first.

    Which words share s of its bigrams or more is found with the bitsets of its bigrams, s
    from the most down; a word sharing s has at least s bigrams (it is s - 1 letters long or
    more), so it is at most 2s / (n + s) alike (n: the word's bigrams), and the walk stops
    once WORDS words found are more alike than that."""
    grams = bigrams(word)
    size = len(grams)
    held = store.spelling.holding(grams)
    most = len(held)
    at_least = [-1] + [0] * most  # at_least[s]: the words sharing s bigrams or more, as bits
    for combined, bits in enumerate(held, 1):  # after k bitsets, none shares more than k
        for s in range(combined, 0, -1):
            at_least[s] |= at_least[s - 1] & bits
    words = store.spelling.words
    found: list[tuple[float, int, int]] = []  # (-alike, word index, shared)
    for s in range(most, MIN_SHARED - 1, -1):
        exactly = at_least[s] & ~at_least[s + 1] if s < most else at_least[s]
        # the words are stored shortest first, so the first of a level are its most alike
        found += [(-2 * s / (size + len(words[i]) + 1), i, s) for i in _lowest(exactly, WORDS)]
        if len(found) >= WORDS:
            best = heapq.nsmallest(WORDS, found)
            if -best[-1][0] > 2 * (s - 1) / (size + s - 1):
                break
    return [(words[i], s) for _, i, s in heapq.nsmallest(WORDS, found)]


def _lowest(bits: int, count: int) -> list[int]:
    """The indexes of the `count` lowest bits set in `bits` (all when fewer), lowest first."""
    found: list[int] = []
    while bits and len(found) < count:
        low = bits & -bits
        found.append(low.bit_length() - 1)
        bits ^= low
    return found


def _rarest(store: Store, words: Collection[str]) -> list[str]:
    """The words of the fewest names, from the rarest on, while they hold at most POSTINGS
    names in all (the first whatever its count): `to`, in 20,000 glosses, says little, and
    weighting its names was most of the time of a miss with it."""
    sizes = store.fuzzy_word_sizes(list(words)) if words else {}
    taken: list[str] = []
    total = 0
    for size, word in sorted((size, word) for word, size in sizes.items()):
        if taken and total + size > POSTINGS:
            break
        taken.append(word)
        total += size
    return taken


def _heaviest(weights: Counter[int], limit: int) -> list[int]:
    """The `limit` positions of the greatest weights, ties in position order, in position
    order (found by the weights' counts, where a key for each position took longer)."""
    if len(weights) <= limit:
        return sorted(weights)
    counts = Counter(weights.values())
    wanted = limit
    for weight in sorted(counts, reverse=True):
        if counts[weight] >= wanted:
            break
        wanted -= counts[weight]
    above = [position for position, w in weights.items() if w > weight]
    tied = sorted(position for position, w in weights.items() if w == weight)
    return sorted(above + tied[:wanted])
