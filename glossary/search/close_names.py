"""The names a miss with characters outside ASCII can suggest (`close_names`), best first,
each scorer run only where it can reach the cut-off (an all-ASCII miss suggests from the
names holding words spelt like its own: `suggestion_words`).

A name is suggested when `labels.close` accepts it, which needs a common subsequence of CLOSE x
the query's length with a stretch of the name and so with the whole name: one bit-parallel
LCSseq pass over the names (rapidfuzz, in C) keeps those, with that common subsequence L. For a
short miss that is thousands of long glosses, and scoring them all at the suggestion cut-off
(`fuzzy.score`, three scorers) was most of its time. Now:

- ratio is computed only where it reaches the cut-off: it is 200 L / (m + n) (query length m,
  name length n);
- token_set_ratio is computed only where it can reach the cut-off: it is 100 when the two share
  a word, and otherwise the ratio of their sorted distinct words, at most 200 min(tq, tn) /
  (tq + tn) for their lengths (`store.token_length`, kept in the index), so a long gloss
  sharing no word with a short miss never reaches it;
- the names that reach the cut-off are given out best first (score, then position), checked
  for being close only as the caller asks for them, the best partial_ratio results first and
  the rest only if the caller wants more (`close_scores`, which scores the kept names).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from glossary.index.fuzzy_tables import set_bits
from glossary.search.close_scores import Kept, scored_in_order

COMMON = "etaoinshrdlcumwfgypbvkjxqz"  # letters of English text, most common first
FRESH = 2  # characters whose bits a miss may find (about 15 ms each beside CC-CEDICT)

if TYPE_CHECKING:
    from glossary.index.store import Store


def close_names(
    store: Store, query: str, cutoff: float, is_close: Callable[[str, str], bool]
) -> Iterator[tuple[int, float, str]]:
    """(position, score, name) of the names scoring `cutoff` or more that `is_close` accepts,
    best first, ties in name order; lazily, so a caller stops when it has enough."""
    from glossary.search.fuzzy import groups_of
    from glossary.search.labels import CLOSE

    if not query:
        return
    groups = groups_of(query, False)
    need = math.ceil(CLOSE * len(query) - 1e-9)
    kept = _every_kept(store, groups, query, need)
    for position, value, name in scored_in_order(query, kept, cutoff):
        if is_close(query, name):
            yield position, value, name


def _every_kept(store: Store, groups: Sequence[str], query: str, need: int) -> Kept:
    """The names with a common subsequence of `need` with the query, with it, from all the
    names of the groups (`store.every_fuzzy_name`), of those that can have it (`_candidates`)
    once the names are loaded."""
    from rapidfuzz import process
    from rapidfuzz.distance import LCSseq

    loaded = store.has_every_fuzzy_name(groups)
    names, positions, token_lengths = store.every_fuzzy_name(groups)
    # the miss that loads the names (0.1-0.2 s) looks at all of them rather than also finding bits
    indexes = _candidates(store, groups, query, need) if loaded else range(len(names))
    listed = names if isinstance(indexes, range) else [names[i] for i in indexes]
    found = process.extract(query, listed, scorer=LCSseq.similarity, score_cutoff=need, limit=None)
    kept = Kept.empty()
    kept.add(found, positions, token_lengths, at=None if isinstance(indexes, range) else indexes)
    return kept


def _candidates(store: Store, groups: Sequence[str], query: str, need: int) -> list[int]:
    """The indexes (in `store.every_fuzzy_name`) of the names that can have a common
    subsequence of `need` with the query: those missing at most len(query) - need of the
    query's characters (a character the query has k times counting k; of some of them, as
    `_characters` chooses), found with the bits of the names holding each character
    (`store.fuzzy_name_bits`), a few dozen operations on integers of one bit per name."""
    counts = Counter(query)
    spare = len(query) - need
    within = [-1] * (spare + 1)  # within[j]: the names missing at most j characters so far
    for char in _characters(store, groups, counts, spare):
        holding, times = store.fuzzy_name_bits(groups, char), counts[char]
        within = [
            (within[j] & holding) | (within[j - times] if j >= times else 0)
            for j in range(spare + 1)
        ]
    return set_bits(within[spare])


def _characters(store: Store, groups: Sequence[str], counts: Counter[str], spare: int) -> list[str]:
    """The query's characters to look for: those whose bits are kept and at most FRESH more
    (finding a character's bits costs a pass over the names), the rarest in English text
    first, and more while the query has them `spare` times or fewer in all (any set it has
    more often keeps every name with enough in common)."""
    kept = sorted(char for char in counts if store.has_fuzzy_name_bits(groups, char))
    fresh = sorted(set(counts) - set(kept), key=lambda char: (-COMMON.find(char), char))
    chosen = kept + fresh[:FRESH]
    for char in fresh[FRESH:]:
        if sum(counts[c] for c in chosen) > spare:
            break
        chosen.append(char)
    return chosen
